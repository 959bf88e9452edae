#include "analysis/hitting_sets.h"

#include <gtest/gtest.h>

namespace tc::analysis {
namespace {

using Sets = std::vector<std::vector<sema::ClauseId>>;

int no_cost(sema::ClauseId) { return 0; }

TEST(HittingSets, SmallestFirstAndMinimal) {
  // {1,2} {2,3} {3,4}: {2,3} and {1,3}, {2,4} hit all; no single clause does.
  Sets sets{{1, 2}, {2, 3}, {3, 4}};
  Sets got = minimal_hitting_sets(sets, 3, 10, no_cost);
  Sets want{{1, 3}, {2, 3}, {2, 4}};
  EXPECT_EQ(got, want);
}

TEST(HittingSets, SingletonBeatsSupersets) {
  Sets sets{{1, 2}, {2, 3}};
  Sets got = minimal_hitting_sets(sets, 3, 10, no_cost);
  // {2} alone; {1,3} too, and no superset of {2}.
  Sets want{{2}, {1, 3}};
  EXPECT_EQ(got, want);
}

TEST(HittingSets, CostOrdersSetsOfOneSize) {
  Sets sets{{1, 2}};
  Sets got = minimal_hitting_sets(sets, 1, 10, [](sema::ClauseId c) { return c == 1 ? 5 : 0; });
  Sets want{{2}, {1}};
  EXPECT_EQ(got, want);
}

TEST(HittingSets, LimitsAndEmpty) {
  EXPECT_TRUE(minimal_hitting_sets({}, 3, 10, no_cost).empty());
  Sets sets{{1, 2}, {3, 4}};
  EXPECT_TRUE(minimal_hitting_sets(sets, 1, 10, no_cost).empty());  // needs two clauses
  EXPECT_EQ(minimal_hitting_sets(sets, 2, 2, no_cost).size(), 2u);
}

}  // namespace
}  // namespace tc::analysis
