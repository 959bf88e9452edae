#pragma once
/// The SMT layer: ground formulas lowered to Z3 and solved. The only code
/// that sees Z3 types; everything above works with `Term` handles and
/// ordinary outcomes (SAT / UNSAT / UNKNOWN), never exceptions.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ground/ground.h"

namespace tc::smt {

/// Result of a satisfiability question.
enum class Outcome { Sat, Unsat, Unknown };

/// Where solvers add up the time they spend (for `--stats`).
struct Accounting {
  double encode_seconds = 0;  ///< lowering ground formulas to Z3
  double check_seconds = 0;   ///< inside Z3's check
  std::uint64_t checks = 0;
};

/// Solver budget. `rlimit` is Z3's deterministic resource counter (the
/// same input gives the same answer); `timeout_ms` is a wall-clock safety net.
struct Limits {
  std::uint64_t rlimit = 0;     ///< 0 = unlimited
  std::uint32_t timeout_ms = 0; ///< 0 = none
  Accounting* accounting = nullptr;  ///< when set, every solver adds its times here
  /// Every check on a fresh Z3 solver (rebuilt from the assertions):
  /// nothing one check learnt is reused by the next. The naive strategy's
  /// setting, which makes it a differential oracle of incremental solving too.
  bool fresh_solver_per_check = false;
};

/// A handle to a Boolean or integer term inside one `Solver`.
struct Term {
  std::uint32_t index = 0;
};

/// How conduct atoms are represented when a ground formula is encoded:
/// as the variables of copy `copy`, or fixed to the values of `fixed`.
/// Circumstances are always the solver's scenario variables unless
/// `fixed_circumstances` is set.
struct Encoding {
  std::uint32_t copy = 0;
  const ground::Assignment* fixed_conduct = nullptr;
  const ground::Assignment* fixed_circumstances = nullptr;
};

/// One Z3 solver over a ground problem, with its own context.
class Solver {
 public:
  /// A solver with its own Z3 context, or sharing `sibling`'s context
  /// (cheaper: a Z3 context is costly to create; variables of the same atom
  /// are then the same constants in both). Nodes are read from `pool` (an
  /// overlay of the problem's pool, ground::Pool), else from the sibling's,
  /// else from the problem's.
  Solver(const ground::Problem& problem, const Limits& limits, const Solver* sibling = nullptr,
         const ground::Pool* pool = nullptr);
  ~Solver();
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  /// Encodes a ground node (cached per copy; fixed encodings are not cached).
  Term encode(ground::NodeId node, const Encoding& encoding = {});
  /// A fresh Boolean variable (selection and assumption literals).
  Term fresh_bool(const std::string& name);
  Term mk_not(Term a);
  Term mk_and(const std::vector<Term>& kids);
  Term mk_or(const std::vector<Term>& kids);
  Term mk_implies(Term a, Term b);
  Term mk_iff(Term a, Term b);
  /// A Boolean constant named exactly `name` (emit-smt2's named definitions).
  Term named_bool(const std::string& name);
  /// Names for the variables of ground atoms created from now on (one per
  /// atom, e.g. "armed_attack(Russia, Estonia)"), instead of "s_7"/"a0_7":
  /// for SMT-LIB text a person reads.
  void set_atom_names(std::vector<std::string> names);
  /// `atom == value` for a circumstance atom (Bool or Int) of the scenario variables.
  Term scenario_literal(ground::GroundAtomId atom, std::int64_t value);
  /// `atom == value` for a conduct atom of copy `copy`.
  Term conduct_literal(ground::GroundAtomId atom, std::int64_t value, std::uint32_t copy = 0);

  void add(Term t);
  /// Checks satisfiability under assumptions (Boolean terms).
  Outcome check(const std::vector<Term>& assumptions = {});
  /// After Unsat: the assumptions in the unsat core (as given to check()).
  std::vector<Term> core() const;
  /// After Unknown: why, as "the resource limit (--rlimit) ran out", "the time limit (--timeout) ran out", or Z3's own words.
  std::string reason_unknown() const;
  /// After Sat: value of a Boolean term (selection literals).
  bool model_bool(Term t) const;
  /// After Sat: values of all circumstance atoms (conduct entries left 0).
  ground::Assignment model_scenario() const;
  /// After Sat: values of the conduct atoms of copy `copy` (circumstance entries from the scenario).
  ground::Assignment model_conduct(std::uint32_t copy = 0) const;
  /// After Sat: the value of one atom, as model_conduct(copy)[atom] (for a
  /// circumstance, model_scenario()[atom]) gives it, without building a
  /// whole assignment (which costs time linear in the corpus).
  std::int64_t model_value(ground::GroundAtomId atom, std::uint32_t copy = 0) const;
  /// Stops a running check from another thread (SIGINT handling).
  void interrupt();
  /// SMT-LIB text of the assertions (emit-smt2).
  std::string to_smt2() const;
  /// Number of check() calls so far.
  std::uint64_t checks() const { return checks_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const ground::Problem& problem_;
  const ground::Pool& pool_;
  std::uint64_t checks_ = 0;
};

/// Stops the running check of every live solver, and makes every later
/// check return Unknown at once; callable from any thread (Ctrl-C, --timeout).
void interrupt_all();

}  // namespace tc::smt
