#pragma once
/// Interpretive readings (`check --all-readings`): the analysis run once
/// per combination of readings of the vague terms that can matter, and
/// the findings merged by stable id, each with the readings under which
/// it holds.
///
/// Pruning (docs/checking.md, "Checking every reading"): a finding is a
/// minimal set of clauses that share conduct, directly or through conduct
/// axioms, in a possible scenario. So whether it holds depends only on the
/// readings of the terms its own clauses use and of the terms the axioms
/// use (the axioms decide which scenarios are possible). Clauses are
/// grouped by shared conduct predicates (over every reading of every term
/// they use) and by shared terms; each group's terms are combined with the
/// axioms' terms, every other term keeps its default. A term that no
/// clause in force and no axiom reaches cannot matter at all.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyse.h"
#include "analysis/findings.h"
#include "ground/ground.h"
#include "sema/world.h"

namespace tc::analysis {

/// A choice of one reading per term (term name -> reading name). Terms
/// not named take their default.
using ReadingChoice = std::map<std::string, std::string>;

/// What --all-readings will check.
struct ReadingPlan {
  ReadingsSummary summary;  ///< terms with their roles; `combinations` = combinations.size()
  /// The combinations to analyse, the defaults (with any --reading) first.
  /// Each names every term that is not "unused".
  std::vector<ReadingChoice> combinations;
  /// Per combination: the clauses to analyse. A combination that changes
  /// the reading of a term of one group only needs that group's clauses
  /// (the others' findings are read from combinations that leave the group
  /// at its defaults); nullopt = every clause.
  std::vector<std::optional<std::set<sema::ClauseId>>> clauses;
  /// Per clause: its interaction group, or -1 when it is not in force.
  std::vector<int> group_of_clause;
  /// Per group: the terms varied for its findings (its own and the global ones).
  std::vector<std::vector<std::string>> group_terms;
  /// Terms varied for findings without clauses (the background): the global ones.
  std::vector<std::string> global_terms;
};

/// Plans the combinations for `world` at `options.as_of`; the readings in
/// `options.readings` (from --reading) stay fixed. Pure.
ReadingPlan plan_readings(const sema::World& world, const ground::GroundOptions& options);

/// Merges the analyses of a plan's combinations (one per combination, in
/// plan order) by finding id. Each merged finding is the one found under
/// the first combination in which it holds, with `readings` set; `source`
/// receives, per merged finding, the index of that combination.
Analysis merge_readings(const ReadingPlan& plan, const std::vector<const Analysis*>& analyses,
                        std::vector<std::size_t>& source);

/// The analyses of every planned combination and their merge. Each
/// merged finding's witness refers to the grounded problem of the run it
/// came from (`problem_of`), so those runs are kept; the others are freed
/// as soon as their analysis is taken.
struct ReadingsRun {
  ReadingPlan plan;
  /// One per combination checked, in plan order: the first (the
  /// defaults) and every run that found a new finding; null for the rest.
  std::vector<std::unique_ptr<Run>> runs;
  std::vector<Analysis> analyses;  ///< one per combination checked, in plan order
  Analysis analysis;               ///< merged; `readings` set
  std::map<std::string, const ground::Problem*> problem_of;  ///< finding id -> its run's problem
  /// Finding id -> the combination its run used (what its witness assumes).
  std::map<std::string, ReadingChoice> combination_of;
};

/// Plans, runs the analysis once per combination and merges. Stops early
/// when `options.interrupted` is set; then only the combinations checked
/// so far are merged (and counted in `readings.combinations`).
std::unique_ptr<ReadingsRun> run_all_readings(const sema::World& full, const ground::GroundOptions& ground_options,
                                              const AnalysisOptions& options);

/// What distinguishes readings for one term of a finding: which readings
/// of `term` the finding holds under and which not, with each reading's
/// definition. For `treatycheck explain` ("the reading that makes the
/// difference, definitions side by side").
struct ReadingContrast {
  sema::DefinitionId term = 0;
  std::vector<std::size_t> holds;  ///< reading indices under which it holds (with some choice of the others)
  std::vector<std::size_t> fails;  ///< reading indices under which it never holds
};

/// One contrast per decisive term of `finding` (empty when it holds under
/// every reading or was not checked with --all-readings). The readings'
/// bodies, explanations, sources and spans are in
/// `world.definitions[term].readings`.
std::vector<ReadingContrast> reading_contrasts(const sema::World& world, const Finding& finding);

}  // namespace tc::analysis
