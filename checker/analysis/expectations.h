#pragma once
/// `expect` statements and scenarios: the drafters' own tests, judged
/// against the analysis (docs/checking.md gives their exact meaning).

#include <string>
#include <vector>

#include "analysis/analyse.h"
#include "ground/ground.h"
#include "sema/world.h"

namespace tc::analysis {

/// Outcome of one expectation.
struct ExpectationResult {
  std::uint32_t expectation = 0;  ///< index into World::expectations
  bool passed = false;
  bool unknown = false;           ///< could not be decided (solver limit)
  std::string detail;             ///< why it failed (or what was found)
};

/// Judges every expectation of the world. `base` is the analysis of the
/// whole corpus at `ground_options`; expectations that need another
/// question (`consistent without T`, expectations inside a scenario) run
/// their own analysis. Results are in World::expectations order.
std::vector<ExpectationResult> check_expectations(const sema::World& world, const ground::GroundOptions& ground_options,
                                                  const Analysis& base, const AnalysisOptions& options);

/// Adds a scenario's facts to a grounded problem as background axioms.
void add_scenario_facts(const sema::World& world, ground::Problem& problem, const ground::GroundOptions& options,
                        const sema::Scenario& scenario);

}  // namespace tc::analysis
