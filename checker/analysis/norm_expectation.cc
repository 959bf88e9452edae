// Norm expectations: what a party must, must not or may do in a scenario.
#include "analysis/norm_expectation.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "analysis/engine.h"

namespace tc::analysis {
namespace {

/// The conduct atoms a node mentions.
std::set<ground::GroundAtomId> conduct_atoms(const ground::Problem& problem, ground::NodeId node) {
  std::set<ground::GroundAtomId> all, out;
  ground::collect_atoms(problem.pool, node, all);
  for (ground::GroundAtomId a : all)
    if (problem.atoms[a].is_conduct) out.insert(a);
  return out;
}

/// The norm instances (all modalities) connected to F's conduct atoms
/// through shared conduct atoms and conduct axioms. Computed per instance,
/// not per clause: Belgium's duty to notify does not meet Austria's
/// conflict about Austria's notification.
std::vector<bool> component_of(const ground::Problem& problem, ground::NodeId content) {
  const std::size_t norms = problem.norms.size();
  std::vector<std::set<ground::GroundAtomId>> atoms_of(norms + problem.axioms.size());
  std::map<ground::GroundAtomId, std::vector<std::size_t>> items_of_atom;
  for (std::size_t i = 0; i < atoms_of.size(); ++i) {
    if (i < norms) {
      atoms_of[i] = conduct_atoms(problem, problem.norms[i].content);
      std::set<ground::GroundAtomId> condition = conduct_atoms(problem, problem.norms[i].applicability);
      atoms_of[i].insert(condition.begin(), condition.end());
    } else if (problem.axioms[i - norms].mentions_conduct) {
      atoms_of[i] = conduct_atoms(problem, problem.axioms[i - norms].formula);
    }
    for (ground::GroundAtomId a : atoms_of[i]) items_of_atom[a].push_back(i);
  }
  std::set<ground::GroundAtomId> seen = conduct_atoms(problem, content);
  std::deque<ground::GroundAtomId> queue(seen.begin(), seen.end());
  std::vector<bool> taken(atoms_of.size(), false);
  while (!queue.empty()) {
    ground::GroundAtomId atom = queue.front();
    queue.pop_front();
    for (std::size_t item : items_of_atom[atom]) {
      if (taken[item]) continue;
      taken[item] = true;
      for (ground::GroundAtomId next : atoms_of[item])
        if (seen.insert(next).second) queue.push_back(next);
    }
  }
  taken.resize(norms);
  return taken;
}

/// Leaves only the norm instances marked in `keep` (clause grouping kept).
void keep_norms(ground::Problem& problem, const std::vector<bool>& keep) {
  std::vector<ground::NormInstance> kept;
  for (auto& list : problem.norms_of_clause) list.clear();
  for (std::size_t i = 0; i < problem.norms.size(); ++i) {
    if (!keep[i]) continue;
    problem.norms_of_clause[problem.norms[i].clause].push_back(static_cast<std::uint32_t>(kept.size()));
    kept.push_back(problem.norms[i]);
  }
  problem.norms = std::move(kept);
}

std::string clause_list(const sema::World& world, const Finding& f) {
  std::string out;
  for (sema::ClauseId c : f.clauses) out += (out.empty() ? "" : " + ") + world.clause_title(c);
  return out;
}

/// Why the norms of F's component settle nothing about F, if they do not:
/// contradictory facts, an open question, or conflicts that precedence
/// does not resolve (or that pairwise precedence cannot apply), all named.
std::optional<ExpectationResult> judgeability(const sema::World& world, const Analysis& component) {
  ExpectationResult r;
  std::string unresolved, beyond_pairs;
  for (const Finding& f : component.findings) {
    switch (f.kind) {
      case FindingKind::UnsatisfiableBackground:
        r.detail = "not judgeable: the scenario's facts contradict the axioms";
        return r;
      case FindingKind::Unknown:
        r.unknown = true;
        r.detail = "unknown: could not settle " + f.question + ": " + f.unknown_reason;
        return r;
      case FindingKind::ObligationConflict:
        if (!f.resolution) unresolved += (unresolved.empty() ? "" : "; ") + clause_list(world, f);
        // Precedence is applied pair by pair (Search): a conflict among
        // more instances is beyond it.
        else if (f.representative.size() > 2)
          beyond_pairs += (beyond_pairs.empty() ? "" : "; ") + clause_list(world, f) + ", where " +
                          f.resolution->explanation;
        break;
      case FindingKind::PermissionConflict: break;
    }
  }
  if (!unresolved.empty()) {
    r.detail = "not judgeable: the norms about it conflict in this scenario, unresolved: " + unresolved;
    return r;
  }
  if (!beyond_pairs.empty()) {
    r.detail = "not judgeable: the norms about it conflict in this scenario (" + beyond_pairs +
               "), but norm expectations apply precedence between two norms at a time only";
    return r;
  }
  return std::nullopt;
}

/// One instance `overrider` that prevails over O/F instance `overridden`:
/// where both cannot be followed, `overridden` does not bind.
struct Override {
  std::uint32_t overrider = 0;
  std::uint32_t overridden = 0;
  smt::Term claimed;  ///< E: "set aside in this situation"
  smt::Term check;    ///< A: "both can be followed" when assumed
};

/// Searches a situation of the scenario and a course of conduct that
/// complies with `judged` (each norm bound unless a prevailing norm sets it
/// aside there) and satisfies `goal`. A two-solver loop: E proposes, with
/// its claims of which norms are set aside; A refutes a claim by a
/// course of conduct that follows both norms in that situation.
class Search {
 public:
  Search(const sema::World& world, ground::Problem& problem, const AnalysisOptions& options)
      : world_(world), problem_(problem), options_(options) {}

  /// Sat: found; Unsat: none exists; Unknown: `reason` says why.
  smt::Outcome run(const std::vector<std::uint32_t>& judged, ground::NodeId goal) {
    smt::Solver e(problem_, options_.limits);
    smt::Solver a(problem_, options_.limits, &e);
    for (const ground::AxiomInstance& axiom : problem_.axioms) {
      e.add(e.encode(axiom.formula));
      if (axiom.mentions_conduct) a.add(a.encode(axiom.formula));
    }
    std::vector<Override> overrides;
    std::map<std::uint32_t, std::uint32_t> exercise_copy;  // permission instance -> E's conduct copy
    for (std::uint32_t n : judged) {
      std::vector<smt::Term> excuses;
      for (std::uint32_t m = 0; m < problem_.norms.size(); ++m) {
        if (m == n || !prevails(world_, problem_, problem_.norms[m].clause, problem_.norms[n].clause)) continue;
        Override o{m, n, e.fresh_bool("set_aside"), a.fresh_bool("both")};
        a.add(a.mk_implies(o.check, a.encode(both(m, n))));
        if (problem_.norms[m].modality == sema::Modality::Permission) {
          // A permission that cannot be exercised sets nothing aside.
          auto it = exercise_copy.emplace(m, static_cast<std::uint32_t>(exercise_copy.size() + 1)).first;
          smt::Encoding copy;
          copy.copy = it->second;
          std::vector<smt::Term> usable{e.encode(exercised(m), copy)};
          for (const ground::AxiomInstance& axiom : problem_.axioms)
            if (axiom.mentions_conduct) usable.push_back(e.encode(axiom.formula, copy));
          e.add(e.mk_implies(o.claimed, e.mk_and(usable)));
        }
        excuses.push_back(o.claimed);
        overrides.push_back(o);
      }
      excuses.push_back(e.encode(complies(n)));
      e.add(e.mk_or(excuses));
    }
    e.add(e.encode(goal));
    std::vector<ground::GroundAtomId> circumstances;
    for (ground::GroundAtomId i = 0; i < problem_.atoms.size(); ++i)
      if (!problem_.atoms[i].is_conduct) circumstances.push_back(i);
    for (std::size_t round = 0; round < options_.max_rounds; ++round) {
      smt::Outcome outcome = e.check();
      if (outcome != smt::Outcome::Sat) {
        if (outcome == smt::Outcome::Unknown) reason = e.reason_unknown();
        return outcome;
      }
      ground::Assignment s = e.model_scenario();
      std::vector<smt::Term> situation;
      for (ground::GroundAtomId i : circumstances) situation.push_back(a.scenario_literal(i, s[i]));
      bool refuted = false;
      for (const Override& o : overrides) {
        if (!e.model_bool(o.claimed)) continue;
        std::vector<smt::Term> assumptions = situation;
        assumptions.push_back(o.check);
        smt::Outcome both_possible = a.check(assumptions);
        if (both_possible == smt::Outcome::Unknown) {
          reason = a.reason_unknown();
          return both_possible;
        }
        if (both_possible == smt::Outcome::Unsat) continue;
        // The claim fails wherever this conduct follows both norms.
        ground::Assignment b = a.model_conduct(0);
        smt::Encoding fixed;
        fixed.fixed_conduct = &b;
        std::vector<smt::Term> follows{e.encode(both(o.overrider, o.overridden), fixed)};
        for (const ground::AxiomInstance& axiom : problem_.axioms)
          if (axiom.mentions_conduct) follows.push_back(e.encode(axiom.formula, fixed));
        e.add(e.mk_implies(o.claimed, e.mk_not(e.mk_and(follows))));
        refuted = true;
      }
      if (!refuted) return smt::Outcome::Sat;
    }
    reason = "the search exceeded " + std::to_string(options_.max_rounds) + " refinement rounds";
    return smt::Outcome::Unknown;
  }

  std::string reason;

 private:
  ground::NodeId complies(std::uint32_t n) {
    return problem_.pool.implies(problem_.norms[n].applicability, requirement(problem_.pool, problem_.norms[n]));
  }
  ground::NodeId exercised(std::uint32_t m) {
    return problem_.pool.conj({problem_.norms[m].applicability, problem_.norms[m].content});
  }
  /// Some conduct follows `m` (complies with it, or exercises it if it is
  /// a permission) and complies with `n`.
  ground::NodeId both(std::uint32_t m, std::uint32_t n) {
    bool permission = problem_.norms[m].modality == sema::Modality::Permission;
    return problem_.pool.conj({permission ? exercised(m) : complies(m), complies(n)});
  }

  const sema::World& world_;
  ground::Problem& problem_;
  const AnalysisOptions& options_;
};

}  // namespace

ExpectationResult judge_norm(const sema::World& world, ground::Problem& problem,
                             const ground::GroundOptions& ground_options, const sema::Expectation& e,
                             const AnalysisOptions& options) {
  ExpectationResult r;
  ground::NodeId content = ground::ground_closed(world, problem, ground_options, *e.content);
  keep_norms(problem, component_of(problem, content));
  AnalysisOptions component_options = options;
  component_options.permissions = false;  // they do not make compliance impossible
  component_options.progress = nullptr;
  if (auto verdict = judgeability(world, analyse(world, problem, component_options))) return *verdict;

  sema::EntityId bearer = e.bearer->id;
  const std::string& name = world.entities.at(bearer).name;
  std::vector<std::uint32_t> all, borne;
  for (std::uint32_t n = 0; n < problem.norms.size(); ++n) {
    if (problem.norms[n].modality == sema::Modality::Permission) continue;
    all.push_back(n);
    if (problem.norms[n].bearer == bearer) borne.push_back(n);
  }
  ground::Pool& pool = problem.pool;
  Search search(world, problem, options);
  auto settle = [&](smt::Outcome outcome) {
    if (outcome == smt::Outcome::Unknown) {
      r.unknown = true;
      r.detail = "unknown: " + search.reason;
    }
    return outcome;
  };
  if (e.modality == sema::Modality::Permission) {
    smt::Outcome found = settle(search.run(all, content));
    r.passed = found == smt::Outcome::Sat;
    if (found == smt::Outcome::Unsat) r.detail = "no course of conduct that complies with every norm does it";
    return r;
  }
  // must F: no course of conduct that complies with the norms P bears
  // (and the axioms) avoids F; must not F: none does F.
  ground::NodeId breach = e.modality == sema::Modality::Prohibition ? content : pool.negate(content);
  smt::Outcome escape = settle(search.run(borne, breach));
  if (escape != smt::Outcome::Sat) {
    r.passed = escape == smt::Outcome::Unsat;
    if (r.passed) r.detail = "holds";
    return r;
  }
  const char* doing = e.modality == sema::Modality::Prohibition ? "does it" : "does otherwise";
  smt::Outcome anyone = settle(search.run(all, breach));
  if (anyone == smt::Outcome::Unsat)
    r.detail = "not bound by a norm " + name + " bears: every course of conduct that complies with all the norms " +
               (e.modality == sema::Modality::Prohibition ? "avoids it" : "does it") +
               ", but only because of norms others bear";
  else if (anyone == smt::Outcome::Sat)
    r.detail = std::string("some course of conduct that complies with every norm ") + doing;
  if (borne.empty() && !r.unknown) r.detail += " (" + name + " bears no norm about it here)";
  return r;
}

}  // namespace tc::analysis
