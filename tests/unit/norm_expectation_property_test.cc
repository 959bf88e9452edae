// Property test: on random small corpora with precedence (`specialises`),
// a norm expectation `expect P must|must not|may F` that the checker
// judges agrees with a brute-force reading of docs/language.md 13.1, and
// it is never judged where the norms about F leave no course of conduct
// in some possible situation (that would make `must` hold vacuously).
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "analysis/expectations.h"
#include "ground/ground.h"
#include "random_world.h"

namespace tc {
namespace {

using test_corpora::RandomWorld;

/// Every assignment of `atoms` (Booleans 0/1, quantities lower..upper).
void each_value(const ground::Problem& p, const std::vector<ground::GroundAtomId>& atoms, ground::Assignment& values,
                std::size_t i, const std::function<void()>& visit) {
  if (i == atoms.size()) return visit();
  const ground::GroundAtom& a = p.atoms[atoms[i]];
  for (std::int64_t v = a.is_quantity ? a.lower : 0; v <= (a.is_quantity ? a.upper : 1); ++v) {
    values[atoms[i]] = v;
    each_value(p, atoms, values, i + 1, visit);
  }
}

struct Verdict {
  bool holds = false;
  bool empty_situation = false;  ///< a possible situation where nothing complies with the norms about F
  bool set_aside = false;        ///< some norm about F was set aside somewhere
};

/// The documented meaning, by enumeration: F's component as a fixpoint
/// over conduct atoms, set-aside norms per situation, then the verdict.
Verdict brute_force(const sema::World& world, ground::Problem& p, const sema::Expectation& e, ground::NodeId f) {
  auto conduct_of = [&](ground::NodeId node) {
    std::set<ground::GroundAtomId> all, out;
    ground::collect_atoms(p.pool, node, all);
    for (ground::GroundAtomId a : all)
      if (p.atoms[a].is_conduct) out.insert(a);
    return out;
  };
  std::set<ground::GroundAtomId> reached = conduct_of(f);
  std::vector<bool> in(p.norms.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    auto touch = [&](std::set<ground::GroundAtomId> atoms) {
      bool meets = false;
      for (ground::GroundAtomId a : atoms) meets |= reached.count(a) > 0;
      if (!meets) return false;
      for (ground::GroundAtomId a : atoms) changed |= reached.insert(a).second;
      return true;
    };
    for (std::uint32_t n = 0; n < p.norms.size(); ++n) {
      std::set<ground::GroundAtomId> atoms = conduct_of(p.norms[n].content);
      for (ground::GroundAtomId a : conduct_of(p.norms[n].applicability)) atoms.insert(a);
      if (!in[n] && touch(atoms)) in[n] = changed = true;
    }
    for (const ground::AxiomInstance& axiom : p.axioms) touch(conduct_of(axiom.formula));
  }
  std::vector<ground::GroundAtomId> circumstances, conduct;
  for (ground::GroundAtomId a = 0; a < p.atoms.size(); ++a) (p.atoms[a].is_conduct ? conduct : circumstances).push_back(a);
  auto holds = [&](ground::NodeId node, const ground::Assignment& v) { return ground::evaluate(p.pool, node, v) != 0; };
  auto complies = [&](std::uint32_t n, const ground::Assignment& v) {
    const ground::NormInstance& norm = p.norms[n];
    if (!holds(norm.applicability, v)) return true;
    return holds(norm.content, v) == (norm.modality == sema::Modality::Obligation);
  };
  auto exercises = [&](std::uint32_t m, const ground::Assignment& v) {
    return holds(p.norms[m].applicability, v) && holds(p.norms[m].content, v);
  };
  Verdict verdict;
  verdict.holds = e.modality != sema::Modality::Permission;
  ground::Assignment v(p.atoms.size(), 0);
  each_value(p, circumstances, v, 0, [&] {
    std::vector<ground::Assignment> conducts;
    each_value(p, conduct, v, 0, [&] {
      bool ok = true;
      for (const ground::AxiomInstance& axiom : p.axioms) ok = ok && holds(axiom.formula, v);
      if (ok) conducts.push_back(v);
    });
    if (conducts.empty()) return;  // not a possible situation
    std::vector<bool> bound(p.norms.size(), false);
    for (std::uint32_t n = 0; n < p.norms.size(); ++n) {
      if (!in[n] || p.norms[n].modality == sema::Modality::Permission) continue;
      bound[n] = true;
      for (std::uint32_t m = 0; m < p.norms.size() && bound[n]; ++m) {
        if (!in[m] || m == n || !analysis::prevails(world, p, p.norms[m].clause, p.norms[n].clause)) continue;
        bool permission = p.norms[m].modality == sema::Modality::Permission;
        bool usable = !permission, together = false;
        for (const ground::Assignment& a : conducts) {
          bool follows_m = permission ? exercises(m, a) : complies(m, a);
          usable |= follows_m;
          together |= follows_m && complies(n, a);
        }
        if (usable && !together) bound[n] = false;
      }
      verdict.set_aside |= !bound[n];
    }
    auto complying = [&](const ground::Assignment& a, bool only_bearer) {
      for (std::uint32_t n = 0; n < p.norms.size(); ++n)
        if (bound[n] && (!only_bearer || p.norms[n].bearer == e.bearer->id) && !complies(n, a)) return false;
      return true;
    };
    bool any = false;
    for (const ground::Assignment& a : conducts) {
      any |= complying(a, false);
      switch (e.modality) {
        case sema::Modality::Obligation: verdict.holds &= !complying(a, true) || holds(f, a); break;
        case sema::Modality::Prohibition: verdict.holds &= !complying(a, true) || !holds(f, a); break;
        case sema::Modality::Permission: verdict.holds |= complying(a, false) && holds(f, a); break;
      }
    }
    verdict.empty_situation |= !any;
  });
  return verdict;
}

TEST(NormExpectationProperty, AgreesWithBruteForceOnRandomCorpora) {
  int judged = 0, not_judgeable = 0, held = 0, with_set_aside = 0;
  const unsigned corpora = 500;
  for (unsigned seed = 1; seed <= corpora; ++seed) {
    RandomWorld random(seed);
    random.build();
    sema::World& world = random.world;
    for (sema::ClauseId c = 0; c < world.clauses.size(); ++c)
      if (random.pick(2) == 0) {
        sema::ClauseId other = static_cast<sema::ClauseId>(random.pick(static_cast<int>(world.clauses.size())));
        if (other != c) world.clauses[c].specialises.push_back(other);
      }
    sema::Expectation e;
    e.kind = sema::ExpectKind::Norm;
    e.bearer = test_corpora::entity(random.pick(2));
    e.modality = static_cast<sema::Modality>(random.pick(3));
    // Often F is what a clause asks for, so that precedence between the
    // norms about it matters.
    const sema::Clause& about = world.clauses[random.pick(static_cast<int>(world.clauses.size()))];
    e.content = random.pick(2) && about.variables.empty() ? about.content : random.formula(2, true, false, -1);
    if (random.pick(2)) {
      sema::Scenario scenario;
      scenario.name = "s";
      scenario.facts.push_back(random.formula(1, false, true, -1));
      world.scenarios.push_back(scenario);
      e.scenario = 0;
    }
    world.expectations.push_back(e);

    ground::GroundOptions options;
    options.as_of = 20240601;
    analysis::AnalysisOptions analysis_options;
    analysis::ExpectationResult r =
        analysis::check_expectations(world, options, analysis::Analysis{}, analysis_options).at(0);
    ASSERT_FALSE(r.unknown) << "seed " << seed << ": " << r.detail;

    ground::Problem problem = ground::ground(world, options);
    if (e.scenario) analysis::add_scenario_facts(world, problem, options, world.scenarios[0]);
    ground::NodeId f = ground::ground_closed(world, problem, options, *e.content);
    Verdict oracle = brute_force(world, problem, e, f);
    if (r.detail.rfind("not judgeable", 0) == 0) {
      ++not_judgeable;
      continue;
    }
    ++judged;
    held += r.passed;
    with_set_aside += oracle.set_aside;
    EXPECT_FALSE(oracle.empty_situation) << "seed " << seed << ": judged although nothing complies somewhere";
    EXPECT_EQ(r.passed, oracle.holds) << "seed " << seed << ": " << r.detail;
  }
  // The corpora must exercise both verdicts, the not-judgeable case and
  // precedence that sets a norm aside.
  EXPECT_GT(judged, static_cast<int>(corpora / 2));
  EXPECT_GT(held, judged / 10);
  EXPECT_LT(held, judged - judged / 10);
  EXPECT_GT(not_judgeable, 0);
  EXPECT_GT(with_set_aside, static_cast<int>(corpora / 100));
}

}  // namespace
}  // namespace tc
