// Property test: on random small corpora, the checker's verdicts and
// conflict sets equal those of a brute-force enumeration of every
// scenario and every course of conduct, written without the solver; and
// every witness replays (an internal error would fail the run).
//
// The corpora are built directly as resolved worlds (no parser), so this
// test pins the engine (grounding, encoding, the two-solver loop,
// minimisation) against semantics.md sections 3 and 4.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "analysis/analyse.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "random_world.h"

namespace tc {
namespace {

using test_corpora::RandomWorld;

using ClauseSet = std::vector<sema::ClauseId>;

/// All assignments of the given atoms (Booleans 0/1, quantities lower..upper).
void enumerate(const ground::Problem& p, const std::vector<ground::GroundAtomId>& atoms, ground::Assignment& values,
               std::size_t i, const std::function<void()>& visit) {
  if (i == atoms.size()) {
    visit();
    return;
  }
  const ground::GroundAtom& a = p.atoms[atoms[i]];
  std::int64_t lo = a.is_quantity ? a.lower : 0, hi = a.is_quantity ? a.upper : 1;
  for (std::int64_t v = lo; v <= hi; ++v) {
    values[atoms[i]] = v;
    enumerate(p, atoms, values, i + 1, visit);
  }
}

struct Oracle {
  std::set<ClauseSet> conflicts;
  std::set<std::pair<sema::ClauseId, ClauseSet>> permission_conflicts;
  bool background_unsat = true;
  /// Per clause set: the bearers bound by every clause of it whose own
  /// instances cannot all be complied with in some possible scenario. The
  /// states an obligation conflict reports as caught must be among them.
  std::map<ClauseSet, std::set<sema::EntityId>> can_catch;
};

Oracle brute_force(const sema::World& world, const ground::Problem& p) {
  Oracle oracle;
  std::vector<ground::GroundAtomId> circ, cond;
  for (ground::GroundAtomId a = 0; a < p.atoms.size(); ++a) (p.atoms[a].is_conduct ? cond : circ).push_back(a);
  std::vector<sema::ClauseId> obligations, permissions;
  for (sema::ClauseId c = 0; c < world.clauses.size(); ++c) {
    if (p.norms_of_clause[c].empty()) continue;
    (world.clauses[c].modality == sema::Modality::Permission ? permissions : obligations).push_back(c);
  }
  auto axioms_hold = [&](const ground::Assignment& v) {
    for (const auto& ax : p.axioms)
      if (!ground::evaluate(p.pool, ax.formula, v)) return false;
    return true;
  };
  // `only`: judge the instances of that bearer alone.
  auto complies = [&](const ground::Assignment& v, sema::ClauseId c, std::optional<sema::EntityId> only = std::nullopt) {
    for (std::uint32_t n : p.norms_of_clause[c]) {
      const auto& norm = p.norms[n];
      if (only && norm.bearer != *only) continue;
      if (!ground::evaluate(p.pool, norm.applicability, v)) continue;
      bool content = ground::evaluate(p.pool, norm.content, v) != 0;
      if (norm.modality == sema::Modality::Prohibition ? content : !content) return false;
    }
    return true;
  };
  ground::Assignment v(p.atoms.size(), 0);
  enumerate(p, circ, v, 0, [&] {
    // Conduct assignments satisfying the axioms in this scenario.
    std::vector<ground::Assignment> conducts;
    enumerate(p, cond, v, 0, [&] {
      if (axioms_hold(v)) conducts.push_back(v);
    });
    if (conducts.empty()) return;  // impossible scenario
    oracle.background_unsat = false;
    std::size_t n = obligations.size();
    // compliable[mask]: some conduct complies with the clauses in mask.
    std::vector<bool> compliable(1u << n, false);
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask)
      for (const auto& a : conducts) {
        bool ok = true;
        for (std::size_t i = 0; i < n && ok; ++i)
          if (mask >> i & 1) ok = complies(a, obligations[i]);
        if (ok) {
          compliable[mask] = true;
          break;
        }
      }
    auto minimal = [&](std::uint32_t mask, const std::vector<bool>& ok) {
      if (ok[mask]) return false;
      for (std::size_t i = 0; i < n; ++i)
        if ((mask >> i & 1) && !ok[mask & ~(1u << i)]) return false;
      return true;
    };
    auto to_set = [&](std::uint32_t mask) {
      ClauseSet s;
      for (std::size_t i = 0; i < n; ++i)
        if (mask >> i & 1) s.push_back(obligations[i]);
      return s;
    };
    for (std::uint32_t mask = 1; mask < (1u << n); ++mask)
      if (minimal(mask, compliable)) oracle.conflicts.insert(to_set(mask));
    for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
      if (compliable[mask]) continue;
      ClauseSet set = to_set(mask);
      std::set<sema::EntityId> bound;
      for (std::size_t i = 0; i < set.size(); ++i) {
        std::set<sema::EntityId> bearers;
        for (std::uint32_t k : p.norms_of_clause[set[i]]) bearers.insert(p.norms[k].bearer);
        if (i == 0) bound = bearers;
        std::set<sema::EntityId> both;
        for (sema::EntityId e : bound)
          if (bearers.count(e)) both.insert(e);
        bound = both;
      }
      for (sema::EntityId b : bound) {
        bool own_compliable = std::any_of(conducts.begin(), conducts.end(), [&](const ground::Assignment& a) {
          for (sema::ClauseId c : set)
            if (!complies(a, c, b)) return false;
          return true;
        });
        if (!own_compliable) oracle.can_catch[set].insert(b);
      }
    }
    for (sema::ClauseId perm : permissions) {
      for (std::uint32_t inst : p.norms_of_clause[perm]) {
        const auto& norm = p.norms[inst];
        auto exercises = [&](const ground::Assignment& a) {
          return ground::evaluate(p.pool, norm.applicability, a) && ground::evaluate(p.pool, norm.content, a);
        };
        std::vector<bool> ok(1u << n, false);
        for (std::uint32_t mask = 0; mask < (1u << n); ++mask)
          for (const auto& a : conducts) {
            if (!exercises(a)) continue;
            bool fine = true;
            for (std::size_t i = 0; i < n && fine; ++i)
              if (mask >> i & 1) fine = complies(a, obligations[i]);
            if (fine) {
              ok[mask] = true;
              break;
            }
          }
        if (!ok[0]) continue;  // not usable here at all
        // The set must be compliable on its own in s: otherwise it is an
        // obligation conflict, not a conflict with the permission.
        for (std::uint32_t mask = 1; mask < (1u << n); ++mask)
          if (compliable[mask] && minimal(mask, ok)) oracle.permission_conflicts.insert({perm, to_set(mask)});
      }
    }
  });
  // Permission conflicts are reported with their smallest clause sets: a
  // set whose proper subset conflicts with the same permission (in any
  // situation) is not reported (docs/checking.md).
  std::set<std::pair<sema::ClauseId, ClauseSet>> smallest;
  for (const auto& [perm, set] : oracle.permission_conflicts) {
    bool has_smaller = false;
    for (const auto& [other_perm, other] : oracle.permission_conflicts)
      if (other_perm == perm && other.size() < set.size() && std::includes(set.begin(), set.end(), other.begin(), other.end()))
        has_smaller = true;
    if (!has_smaller) smallest.insert({perm, set});
  }
  oracle.permission_conflicts = smallest;
  return oracle;
}

// At least 1,000 corpora per run (issue 3); TC_PROPERTY_CORPORA raises it.
static const unsigned kCorpora = std::getenv("TC_PROPERTY_CORPORA") ? std::atoi(std::getenv("TC_PROPERTY_CORPORA")) : 1000;

TEST(EngineProperty, AgreesWithBruteForceOnRandomCorpora) {
  int disagreements = 0;
  int with_conflicts = 0, with_permission_conflicts = 0;
  for (unsigned seed = 1; seed <= kCorpora; ++seed) {
    RandomWorld random(seed);
    random.build();
    ground::GroundOptions options;
    options.as_of = 20240601;
    ground::Problem problem = ground::ground(random.world, options);
    Oracle oracle = brute_force(random.world, problem);
    ground::Problem for_engine = ground::ground(random.world, options);
    analysis::AnalysisOptions analysis_options;
    analysis::Analysis result = analysis::analyse(random.world, for_engine, analysis_options);
    ASSERT_FALSE(result.internal_error) << "seed " << seed << ": " << result.internal_error_message;
    std::set<ClauseSet> conflicts;
    std::set<std::pair<sema::ClauseId, ClauseSet>> permission_conflicts;
    bool background = false;
    for (const analysis::Finding& f : result.findings) {
      ASSERT_NE(f.kind, analysis::FindingKind::Unknown) << "seed " << seed;
      if (f.kind == analysis::FindingKind::UnsatisfiableBackground) background = true;
      // A finding lists its clauses by identity (treaty, article label); the oracle by id.
      ClauseSet clauses = f.clauses;
      std::sort(clauses.begin(), clauses.end());
      if (f.kind == analysis::FindingKind::ObligationConflict) {
        conflicts.insert(clauses);
        for (sema::EntityId e : f.caught)
          EXPECT_TRUE(oracle.can_catch[clauses].count(e)) << "seed " << seed << ": caught " << e << " is never caught";
        EXPECT_GE(f.instance_count, f.representative.size()) << "seed " << seed;
      }
      if (f.kind == analysis::FindingKind::PermissionConflict) permission_conflicts.insert({*f.permission, clauses});
    }
    EXPECT_EQ(background, oracle.background_unsat) << "seed " << seed;
    if (background) continue;
    if (conflicts != oracle.conflicts || permission_conflicts != oracle.permission_conflicts) {
      ++disagreements;
      ADD_FAILURE() << "seed " << seed << ": engine " << conflicts.size() << "/" << permission_conflicts.size()
                    << " findings, brute force " << oracle.conflicts.size() << "/" << oracle.permission_conflicts.size();
    }
    with_conflicts += !oracle.conflicts.empty();
    with_permission_conflicts += !oracle.permission_conflicts.empty();
  }
  EXPECT_EQ(disagreements, 0);
  // The generator must actually exercise both kinds of conflict.
  EXPECT_GT(with_conflicts, static_cast<int>(kCorpora / 10));
  EXPECT_GT(with_permission_conflicts, static_cast<int>(kCorpora / 40));
}

}  // namespace
}  // namespace tc
