#pragma once
/// `query`: which norm instances bind in a scenario. The scenario is the
/// background of the grounded problem (axioms plus the scenario's facts,
/// added by analysis::add_scenario_facts); an instance binds when its
/// applicability holds in every situation the background allows. Nothing
/// is printed here (cli/query.cc prints).

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ground/ground.h"
#include "sema/world.h"
#include "smt/solver.h"

namespace tc::query {

/// Whether a norm instance applies in the scenario.
enum class Applies {
  Always,               ///< in every situation the scenario allows
  DependsOnCircumstances,  ///< in some: circumstances the scenario leaves open decide
  DependsOnConduct,     ///< the condition mentions conduct: what the parties do decides
  Unknown,              ///< the solver ran out of budget
};

/// One norm instance that applies, or may apply, in the scenario.
struct Entry {
  std::uint32_t norm = 0;  ///< index into Problem::norms
  Applies applies = Applies::Always;
};

/// The answer for one scenario.
struct Answer {
  /// The scenario contradicts the background (axioms): nothing follows.
  bool impossible_scenario = false;
  /// No course of conduct complies with every norm that always applies
  /// (of the bearers asked about): a conflict in this scenario.
  bool conflict = false;
  bool unknown = false;       ///< some question was not settled
  std::string unknown_reason;
  std::vector<Entry> entries;  ///< in Problem::norms order; never-applicable instances left out
};

/// Asks, for each norm instance of `problem` whose bearer `wanted` accepts
/// (all when empty), whether it applies in every situation its background
/// allows, in some, or in none. Pure function of its inputs (plus the
/// solver's deterministic budget).
Answer ask(const ground::Problem& problem, const smt::Limits& limits, const std::set<sema::EntityId>& wanted = {});

}  // namespace tc::query
