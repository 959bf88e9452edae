#pragma once
/// The analysis stage: conflicts (obligation and permission) with minimal
/// sets, witnesses replayed by the plain evaluator, the states caught and
/// the precedence that resolves them (semantics.md 4-7).

#include <atomic>

#include "analysis/findings.h"
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
};

/// Runs the whole conflict analysis on a grounded problem.
/// Deterministic: the same input gives the same findings in the same order.
Analysis analyse(const sema::World& world, ground::Problem& problem, const AnalysisOptions& options);

/// Stable identifier of a finding: a fingerprint of the identities of its
/// clauses (treaty name, article label, index in the article, modality)
/// and of its kind, never of lines or whitespace.
std::string finding_id(const sema::World& world, FindingKind kind, DiagKind diag,
                       const std::vector<sema::ClauseId>& clauses, std::optional<sema::ClauseId> permission);

/// The precedence rule (if any) by which clause `a` prevails over `b`.
std::optional<PrecedenceRule> prevails(const sema::World& world, const ground::Problem& problem,
                                       sema::ClauseId a, sema::ClauseId b);

/// Finds a clause of `clauses` that prevails over all the others.
std::optional<Resolution> resolve_precedence(const sema::World& world, const ground::Problem& problem,
                                             const std::vector<sema::ClauseId>& clauses);

}  // namespace tc::analysis
