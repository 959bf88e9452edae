#include <thread>

#include <gtest/gtest.h>

#include "ground/ground.h"

namespace tc::ground {
namespace {

TEST(PoolOverlay, ReadsTheBaseAndReusesItsNodes) {
  Pool base;
  NodeId a = base.bool_atom(0), b = base.bool_atom(1);
  NodeId ab = base.conj({a, b});
  std::size_t base_size = base.size();
  Pool overlay(&base);
  EXPECT_EQ(overlay.size(), base_size);
  EXPECT_EQ(overlay.node(ab).op, NodeOp::And);
  // An equal node is the base's, not a copy.
  EXPECT_EQ(overlay.conj({b, a}), ab);
  EXPECT_EQ(overlay.bool_atom(1), b);
  EXPECT_EQ(overlay.size(), base_size);
  // New nodes are the overlay's; the base does not grow.
  NodeId c = overlay.bool_atom(2);
  NodeId abc = overlay.disj({ab, c});
  EXPECT_GE(c, base_size);
  EXPECT_EQ(overlay.node(abc).op, NodeOp::Or);
  EXPECT_EQ(overlay.node(abc).kids, (std::vector<NodeId>{ab, c}));
  EXPECT_EQ(overlay.disj({c, ab}), abc);
  EXPECT_EQ(base.size(), base_size);
  EXPECT_EQ(overlay.negate(overlay.negate(c)), c);
}

TEST(PoolOverlay, IdsDoNotDependOnOtherOverlays) {
  // The ids an overlay gives (which order the operands of its formulas)
  // depend only on the base and on what that overlay was asked: what
  // parallel workers do in their own overlays cannot change them.
  Pool base;
  NodeId a = base.bool_atom(0);
  auto build = [&](Pool& pool) {
    NodeId x = pool.bool_atom(5), y = pool.bool_atom(6);
    return pool.conj({pool.disj({x, a}), pool.negate(y)});
  };
  Pool alone(&base);
  NodeId expected = build(alone);
  Pool first(&base), second(&base);
  std::thread other([&] {
    for (GroundAtomId i = 100; i < 2000; ++i) second.disj({second.bool_atom(i), a});
  });
  NodeId got = build(first);
  other.join();
  EXPECT_EQ(got, expected);
  EXPECT_EQ(first.size(), alone.size());
  EXPECT_GT(second.size(), first.size());
}

}  // namespace
}  // namespace tc::ground
