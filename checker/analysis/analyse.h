#pragma once
/// The analysis stage: conflicts (obligation and permission) with minimal
/// sets, witnesses replayed by the plain evaluator, the states caught and
/// the precedence that resolves them (semantics.md 4-7).

#include <atomic>
#include <functional>
#include <string>
#include <memory>

#include "analysis/findings.h"
#include "ground/symmetry.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "smt/solver.h"

namespace tc::analysis {

/// Options of the analysis.
struct AnalysisOptions {
  smt::Limits limits{/*rlimit=*/50'000'000, /*timeout_ms=*/0};
  bool permissions = true;  ///< also look for permission conflicts
  /// Set from a signal handler to stop promptly; findings settled so far are kept.
  const std::atomic<bool>* interrupted = nullptr;
  /// Set (before `interrupted`) when the wall-clock --timeout expired: the
  /// open questions are then reported as timed out (TC3003), not interrupted.
  const std::atomic<bool>* timed_out = nullptr;
  /// Representatives kept per class of interchangeable states (symmetry
  /// reduction); 0 = solve on the full world.
  std::size_t symmetry_representatives = 3;
  /// Refinement rounds allowed per search loop; past them the question is unknown.
  std::size_t max_rounds = 5000;
  /// Worker threads for independent searches (0 = one per core). The
  /// findings do not depend on it.
  std::size_t jobs = 0;
  /// Keep the states named in scenarios and expectations (the `test` command).
  bool keep_test_names = false;
  /// Called with a short progress line (the CLI prints it on stderr with
  /// --stats or when stderr is a terminal). May be empty.
  std::function<void(const std::string&)> progress;
};

/// One whole analysis of a corpus: the symmetry-reduced world it ran on,
/// the grounded problem and the lifted findings. Heap-allocated so that
/// the problem keeps its address while reports read it.
struct Run {
  sema::World world;  ///< the reduced world (same entities and clauses as the full one)
  ground::SymmetryClasses classes;
  ground::Problem problem;
  Analysis analysis;
};

/// Reduces (unless disabled), grounds, analyses and lifts.
std::unique_ptr<Run> run_analysis(const sema::World& full, const ground::GroundOptions& ground_options,
                                  const AnalysisOptions& options);

/// Runs the whole conflict analysis on a grounded problem.
/// Deterministic: the same input gives the same findings in the same order.
Analysis analyse(const sema::World& world, ground::Problem& problem, const AnalysisOptions& options);

/// Lifts findings computed on a symmetry-reduced world to the full world:
/// every state a caught representative stands for is caught, and instance
/// counts are those of the full world (the findings' clauses and the
/// axioms grounded again, once for all findings).
void lift_findings(const sema::World& full, const ground::SymmetryClasses& classes,
                   const ground::GroundOptions& options, Analysis& analysis);

/// Stable identifier of a finding: a fingerprint of the identities of its
/// clauses (treaty name, article label, index in the article, modality)
/// and of its kind, never of lines or whitespace.
std::string finding_id(const sema::World& world, FindingKind kind, DiagKind diag,
                       const std::vector<sema::ClauseId>& clauses, std::optional<sema::ClauseId> permission);

/// Whether clause `a` comes before `b` by identity: treaty name, then
/// article label (numbers compared as numbers, so Art 2 precedes Art 10),
/// then position in the article. Findings order their clauses this way,
/// never by reading order, so a report does not depend on file order.
bool clause_before(const sema::World& world, sema::ClauseId a, sema::ClauseId b);

/// The precedence rule (if any) by which clause `a` prevails over `b`.
std::optional<PrecedenceRule> prevails(const sema::World& world, const ground::Problem& problem,
                                       sema::ClauseId a, sema::ClauseId b);

/// Finds a clause of `clauses` that prevails over all the others.
std::optional<Resolution> resolve_precedence(const sema::World& world, const ground::Problem& problem,
                                             const std::vector<sema::ClauseId>& clauses);

}  // namespace tc::analysis
