// A stop (Ctrl-C, --timeout) that lands between a check's answer and the
// reading of its model must not turn into an internal error: Z3's
// evaluator throws "canceled" once its context is interrupted, so the
// model is read without it (smt/solver.cc, value_of).
#include <gtest/gtest.h>

#include "smt/solver.h"

namespace tc {
namespace {

TEST(SmtModelAfterStop, ValuesAreReadAfterAnInterrupt) {
  ground::Problem problem;
  problem.atoms.push_back({0, {}, false, false, 0, 0});  // a circumstance
  problem.atoms.push_back({1, {}, false, true, 0, 9});   // a quantity
  ground::Pool& pool = problem.pool;
  smt::Solver solver(problem, smt::Limits{});
  smt::Term selected = solver.fresh_bool("selected");
  solver.add(selected);
  solver.add(solver.encode(pool.bool_atom(0)));
  solver.add(solver.encode(pool.compare(ast::CompareOp::Eq, pool.int_atom(1), pool.int_const(7))));
  ASSERT_EQ(solver.check(), smt::Outcome::Sat);
  solver.interrupt();  // as SIGINT does, after the answer
  EXPECT_TRUE(solver.model_bool(selected));
  ground::Assignment scenario = solver.model_scenario();
  EXPECT_EQ(scenario[0], 1);
  EXPECT_EQ(scenario[1], 7);
}

}  // namespace
}  // namespace tc
