#pragma once
/// Internal to the analysis stage: `expect P must|must not|may F`, judged
/// as docs/language.md section 13 defines it (F's component of interacting
/// norms, precedence between pairs of clauses, the norms P bears).

#include "analysis/expectations.h"

namespace tc::analysis {

/// Judges one norm expectation. `problem` is grounded with the scenario's
/// facts among its axioms; it is narrowed to F's component in place.
ExpectationResult judge_norm(const sema::World& world, ground::Problem& problem,
                             const ground::GroundOptions& ground_options, const sema::Expectation& e,
                             const AnalysisOptions& options);

}  // namespace tc::analysis
