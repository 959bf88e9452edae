#pragma once
/// Which axioms a finding rests on, for explanations: a finding records
/// its clauses and its witness but not the background knowledge that
/// links them (assisting the victim affects the attacker). These helpers
/// recover a minimal set of axiom instances by asking the solver again,
/// on the finding's own witness scenario.

#include <cstdint>
#include <vector>

#include "analysis/findings.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "smt/solver.h"

namespace tc::analysis {

/// For an obligation or permission conflict: a minimal set of conduct
/// axiom instances (indices into `problem.axioms`) without which the
/// representative instances could all be complied with (the permission
/// used) in the witness scenario. Empty when the clauses clash on their
/// own, or when the solver cannot tell within `limits`. `problem` is the
/// problem the finding was computed on.
std::vector<std::uint32_t> linking_axioms(const ground::Problem& problem, const Finding& finding,
                                          const smt::Limits& limits);

/// For an unsatisfiable background: a minimal set of axiom instances that
/// no situation satisfies (empty when the solver cannot tell).
std::vector<std::uint32_t> contradicting_axioms(const ground::Problem& problem, const smt::Limits& limits);

}  // namespace tc::analysis
