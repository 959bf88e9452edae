#pragma once
/// Lint: parts of a draft that do nothing or can never matter -- clauses
/// that never apply (TC2301), clauses whose requirement always follows
/// from other clauses (TC2302), conditions that can never hold (TC2303),
/// unused declarations (TC2304), precedence declarations that never decide
/// anything (TC2305), permissions that can never be exercised (TC2306).
/// Only declarations of the files named on the command line are linted;
/// imported files are context. Solver questions go through checker/smt on
/// the grounded problem. Nothing is printed here.

#include <string>

#include "diag/diagnostics.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "smt/solver.h"

namespace tc::lint {

/// The solver budget per question, and whether to ask the solver at all.
struct Options {
  smt::Limits limits;
  bool solver = true;  ///< false: only the checks that need no solver (TC2304)
};

/// What the run could not settle.
struct Outcome {
  bool background_unsatisfiable = false;  ///< the axioms contradict each other: solver checks skipped
  std::size_t unknown = 0;                ///< solver questions left unknown (budget)
  std::string unknown_reason;
};

/// Lints `world` at `ground_options.as_of`, reporting findings (with
/// notes and a "help: " note) into `out`.
Outcome lint(const sema::World& world, const ground::GroundOptions& ground_options, const Options& options,
             Diagnostics& out);

}  // namespace tc::lint
