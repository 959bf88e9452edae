// The solver's per-atom model reads and its fresh-solver mode (the naive
// strategy's): each must answer exactly as the whole-assignment reads and
// the incremental solver do.
#include <gtest/gtest.h>

#include <algorithm>

#include "smt/solver.h"

namespace tc {
namespace {

/// Atoms 0-1 circumstances (Boolean, quantity 2..9), 2-3 conduct (Boolean,
/// quantity 1..5), 4 a circumstance no formula mentions.
ground::Problem small_problem() {
  ground::Problem problem;
  problem.atoms.push_back({0, {}, false, false, 0, 0});
  problem.atoms.push_back({1, {}, false, true, 2, 9});
  problem.atoms.push_back({2, {}, true, false, 0, 0});
  problem.atoms.push_back({3, {}, true, true, 1, 5});
  problem.atoms.push_back({4, {}, false, true, 3, 8});
  return problem;
}

TEST(SmtSolver, ModelValueAgreesWithWholeAssignments) {
  ground::Problem problem = small_problem();
  ground::Pool& pool = problem.pool;
  smt::Solver solver(problem, smt::Limits{});
  solver.add(solver.encode(pool.bool_atom(0)));
  solver.add(solver.encode(pool.compare(ast::CompareOp::Eq, pool.int_atom(1), pool.int_const(6))));
  solver.add(solver.encode(pool.bool_atom(2)));  // copy 0
  smt::Encoding copy1;
  copy1.copy = 1;
  solver.add(solver.encode(pool.compare(ast::CompareOp::Eq, pool.int_atom(3), pool.int_const(4)), copy1));
  ASSERT_EQ(solver.check(), smt::Outcome::Sat);
  ground::Assignment scenario = solver.model_scenario();
  for (std::uint32_t copy : {0u, 1u, 2u}) {
    ground::Assignment conduct = solver.model_conduct(copy);
    for (ground::GroundAtomId a = 0; a < problem.atoms.size(); ++a) {
      std::int64_t whole = problem.atoms[a].is_conduct ? conduct[a] : scenario[a];
      EXPECT_EQ(solver.model_value(a, copy), whole) << "atom " << a << ", copy " << copy;
    }
  }
  EXPECT_EQ(solver.model_value(1), 6);
  EXPECT_EQ(solver.model_value(2, 0), 1);
  EXPECT_EQ(solver.model_value(3, 1), 4);
  EXPECT_EQ(solver.model_value(3, 0), 1);  // no variable in copy 0: the lower bound
  EXPECT_EQ(solver.model_value(4), 3);     // never encoded: the lower bound
}

TEST(SmtSolver, FreshSolverPerCheckAnswersAsTheIncrementalOne) {
  ground::Problem problem = small_problem();
  ground::Pool& pool = problem.pool;
  smt::Limits fresh_limits;
  fresh_limits.fresh_solver_per_check = true;
  smt::Solver incremental(problem, smt::Limits{});
  smt::Solver fresh(problem, fresh_limits);
  struct Literals {
    smt::Term a, b, c;
  };
  auto set_up = [&](smt::Solver& s) {
    Literals l{s.fresh_bool("a"), s.fresh_bool("b"), s.fresh_bool("c")};
    ground::NodeId x = pool.bool_atom(0), y = pool.bool_atom(2);
    s.add(s.mk_implies(l.a, s.encode(x)));
    s.add(s.mk_implies(l.b, s.encode(pool.negate(x))));
    s.add(s.mk_implies(l.c, s.encode(y)));
    return l;
  };
  Literals li = set_up(incremental), lf = set_up(fresh);
  auto both = [&](const std::vector<smt::Term>& i, const std::vector<smt::Term>& f) {
    smt::Outcome oi = incremental.check(i), of = fresh.check(f);
    EXPECT_EQ(oi, of);
    return of;
  };
  EXPECT_EQ(both({li.a, li.c}, {lf.a, lf.c}), smt::Outcome::Sat);
  EXPECT_TRUE(fresh.model_value(0) == 1 && fresh.model_value(2) == 1);
  ASSERT_EQ(both({li.a, li.b, li.c}, {lf.a, lf.b, lf.c}), smt::Outcome::Unsat);
  // The fresh solver's core is a conflicting subset of its assumptions.
  std::vector<smt::Term> core = fresh.core();
  auto in_core = [&](smt::Term t) {
    return std::any_of(core.begin(), core.end(), [&](smt::Term k) { return k.index == t.index; });
  };
  EXPECT_TRUE(in_core(lf.a) && in_core(lf.b));
  EXPECT_FALSE(in_core(lf.c));
  // What is added between checks counts for the next fresh solver too.
  incremental.add(incremental.mk_not(li.c));
  fresh.add(fresh.mk_not(lf.c));
  EXPECT_EQ(both({li.c}, {lf.c}), smt::Outcome::Unsat);
  EXPECT_EQ(both({li.a}, {lf.a}), smt::Outcome::Sat);
  EXPECT_EQ(fresh.model_value(2), 0);
}

}  // namespace
}  // namespace tc
