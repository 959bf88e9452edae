// The hash-consed pool of ground formulas and its plain evaluator.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "ground/ground.h"

namespace tc::ground {

Pool::Pool() {
  intern(Node{NodeOp::True, 0, 0, {}});
  intern(Node{NodeOp::False, 0, 0, {}});
}

Pool::Pool(const Pool* base) : base_(base), base_size_(static_cast<NodeId>(base->size())) {}

NodeId Pool::intern(Node node) {
  // FNV-1a over the node's fields; equal hashes are confirmed field by field.
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) {
    hash ^= v;
    hash *= 1099511628211ull;
  };
  mix(static_cast<std::uint64_t>(node.op));
  mix(node.id);
  mix(static_cast<std::uint64_t>(node.value));
  for (NodeId kid : node.kids) mix(kid);
  if (std::optional<NodeId> found = find(hash, node)) return *found;
  NodeId id = static_cast<NodeId>(base_size_ + nodes_.size());
  nodes_.push_back(std::move(node));
  index_.emplace(hash, id);
  return id;
}

std::optional<NodeId> Pool::find(std::uint64_t hash, const Node& node) const {
  auto [first, last] = index_.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    const Node& other = this->node(it->second);
    if (other.op == node.op && other.id == node.id && other.value == node.value && other.kids == node.kids)
      return it->second;
  }
  if (base_ != nullptr) return base_->find(hash, node);
  return std::nullopt;
}

NodeId Pool::bool_atom(GroundAtomId atom) { return intern(Node{NodeOp::BoolAtom, atom, 0, {}}); }
NodeId Pool::int_atom(GroundAtomId atom) { return intern(Node{NodeOp::IntAtom, atom, 0, {}}); }
NodeId Pool::int_const(std::int64_t value) { return intern(Node{NodeOp::IntConst, 0, value, {}}); }

NodeId Pool::negate(NodeId a) {
  if (a == true_node()) return false_node();
  if (a == false_node()) return true_node();
  if (node(a).op == NodeOp::Not) return node(a).kids[0];
  return intern(Node{NodeOp::Not, 0, 0, {a}});
}

namespace {
// Flattens, drops the neutral element, short-circuits on the absorbing one,
// and sorts and de-duplicates the operands (a canonical, deterministic form).
bool normalise_junction(const Pool& pool, NodeOp op, NodeId neutral, NodeId absorbing, std::vector<NodeId>& kids) {
  std::vector<NodeId> flat;
  flat.reserve(kids.size());
  std::vector<NodeId> stack(kids.rbegin(), kids.rend());
  while (!stack.empty()) {
    NodeId k = stack.back();
    stack.pop_back();
    if (k == absorbing) return true;
    if (k == neutral) continue;
    if (pool.node(k).op == op) {
      const auto& sub = pool.node(k).kids;
      stack.insert(stack.end(), sub.rbegin(), sub.rend());
      continue;
    }
    flat.push_back(k);
  }
  std::sort(flat.begin(), flat.end());
  flat.erase(std::unique(flat.begin(), flat.end()), flat.end());
  kids = std::move(flat);
  return false;
}
}  // namespace

NodeId Pool::conj(std::vector<NodeId> kids) {
  if (normalise_junction(*this, NodeOp::And, true_node(), false_node(), kids)) return false_node();
  if (kids.empty()) return true_node();
  if (kids.size() == 1) return kids[0];
  return intern(Node{NodeOp::And, 0, 0, std::move(kids)});
}

NodeId Pool::disj(std::vector<NodeId> kids) {
  if (normalise_junction(*this, NodeOp::Or, false_node(), true_node(), kids)) return true_node();
  if (kids.empty()) return false_node();
  if (kids.size() == 1) return kids[0];
  return intern(Node{NodeOp::Or, 0, 0, std::move(kids)});
}

NodeId Pool::implies(NodeId a, NodeId b) { return disj({negate(a), b}); }

NodeId Pool::iff(NodeId a, NodeId b) {
  if (a == true_node()) return b;
  if (b == true_node()) return a;
  if (a == false_node()) return negate(b);
  if (b == false_node()) return negate(a);
  if (a == b) return true_node();
  if (a > b) std::swap(a, b);
  return intern(Node{NodeOp::Iff, 0, 0, {a, b}});
}

NodeId Pool::add(std::vector<NodeId> kids) {
  std::vector<NodeId> flat;
  std::int64_t constant = 0;
  std::vector<NodeId> stack(kids.rbegin(), kids.rend());
  while (!stack.empty()) {
    NodeId k = stack.back();
    stack.pop_back();
    const Node& n = node(k);
    if (n.op == NodeOp::IntConst) constant += n.value;
    else if (n.op == NodeOp::Add) stack.insert(stack.end(), n.kids.rbegin(), n.kids.rend());
    else flat.push_back(k);
  }
  std::sort(flat.begin(), flat.end());
  if (constant != 0 || flat.empty()) flat.push_back(int_const(constant));
  if (flat.size() == 1) return flat[0];
  return intern(Node{NodeOp::Add, 0, 0, std::move(flat)});
}

NodeId Pool::mul(std::int64_t factor, NodeId a) {
  const Node& n = node(a);
  if (n.op == NodeOp::IntConst) return int_const(factor * n.value);
  if (factor == 1) return a;
  if (factor == 0) return int_const(0);
  if (n.op == NodeOp::Mul) return mul(factor * node(n.kids[0]).value, n.kids[1]);
  if (n.op == NodeOp::Add) {
    std::vector<NodeId> terms = n.kids;  // copy: mul() may grow nodes_ and move `n`
    std::vector<NodeId> kids;
    for (NodeId k : terms) kids.push_back(mul(factor, k));
    return add(std::move(kids));
  }
  NodeId f = int_const(factor);
  return intern(Node{NodeOp::Mul, 0, 0, {f, a}});
}

NodeId Pool::neg(NodeId a) { return mul(-1, a); }

NodeId Pool::compare(ast::CompareOp op, NodeId a, NodeId b) {
  switch (op) {
    case ast::CompareOp::Ge: return compare(ast::CompareOp::Le, b, a);
    case ast::CompareOp::Gt: return compare(ast::CompareOp::Lt, b, a);
    case ast::CompareOp::Ne: return negate(compare(ast::CompareOp::Eq, a, b));
    default: break;
  }
  const Node& x = node(a);
  const Node& y = node(b);
  if (x.op == NodeOp::IntConst && y.op == NodeOp::IntConst) {
    bool holds = op == ast::CompareOp::Lt ? x.value < y.value
               : op == ast::CompareOp::Le ? x.value <= y.value
                                          : x.value == y.value;
    return holds ? true_node() : false_node();
  }
  if (a == b) return op == ast::CompareOp::Lt ? false_node() : true_node();
  NodeOp node_op = op == ast::CompareOp::Lt ? NodeOp::Lt : op == ast::CompareOp::Le ? NodeOp::Le : NodeOp::Eq;
  return intern(Node{node_op, 0, 0, {a, b}});
}

std::int64_t evaluate(const Pool& pool, NodeId id, const Assignment& values) {
  const Node& n = pool.node(id);
  switch (n.op) {
    case NodeOp::True: return 1;
    case NodeOp::False: return 0;
    case NodeOp::BoolAtom:
    case NodeOp::IntAtom: return values.at(n.id);
    case NodeOp::IntConst: return n.value;
    case NodeOp::Not: return evaluate(pool, n.kids[0], values) ? 0 : 1;
    case NodeOp::And:
      for (NodeId k : n.kids)
        if (!evaluate(pool, k, values)) return 0;
      return 1;
    case NodeOp::Or:
      for (NodeId k : n.kids)
        if (evaluate(pool, k, values)) return 1;
      return 0;
    case NodeOp::Implies: return !evaluate(pool, n.kids[0], values) || evaluate(pool, n.kids[1], values);
    case NodeOp::Iff: return (evaluate(pool, n.kids[0], values) != 0) == (evaluate(pool, n.kids[1], values) != 0);
    case NodeOp::Add: {
      std::int64_t sum = 0;
      for (NodeId k : n.kids) sum += evaluate(pool, k, values);
      return sum;
    }
    case NodeOp::Mul: return evaluate(pool, n.kids[0], values) * evaluate(pool, n.kids[1], values);
    case NodeOp::Neg: return -evaluate(pool, n.kids[0], values);
    case NodeOp::Le: return evaluate(pool, n.kids[0], values) <= evaluate(pool, n.kids[1], values);
    case NodeOp::Lt: return evaluate(pool, n.kids[0], values) < evaluate(pool, n.kids[1], values);
    case NodeOp::Eq: return evaluate(pool, n.kids[0], values) == evaluate(pool, n.kids[1], values);
  }
  return 0;
}

void collect_atoms(const Pool& pool, NodeId node, std::set<GroundAtomId>& out) {
  std::vector<NodeId> stack{node};
  std::set<NodeId> seen;
  while (!stack.empty()) {
    NodeId id = stack.back();
    stack.pop_back();
    if (!seen.insert(id).second) continue;
    const Node& n = pool.node(id);
    if (n.op == NodeOp::BoolAtom || n.op == NodeOp::IntAtom) out.insert(n.id);
    for (NodeId k : n.kids) stack.push_back(k);
  }
}

}  // namespace tc::ground

namespace tc::ground {

namespace {

/// Rebuilds `root` bottom-up with each atom leaf replaced by `leaf(node)`,
/// simplifying through the pool's constructors.
template <typename Leaf>
NodeId rebuild(Pool& pool, NodeId root, Leaf leaf) {
  std::unordered_map<NodeId, NodeId> memo;
  std::vector<std::pair<NodeId, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [id, expanded] = stack.back();
    if (memo.count(id)) {
      stack.pop_back();
      continue;
    }
    Node n = pool.node(id);  // copy: building nodes may move the pool's storage
    if (!expanded && !n.kids.empty()) {
      stack.back().second = true;
      for (NodeId k : n.kids)
        if (!memo.count(k)) stack.push_back({k, false});
      continue;
    }
    stack.pop_back();
    std::vector<NodeId> kids;
    for (NodeId k : n.kids) kids.push_back(memo.at(k));
    NodeId out = id;
    switch (n.op) {
      case NodeOp::BoolAtom:
      case NodeOp::IntAtom: out = leaf(id, n); break;
      case NodeOp::Not: out = pool.negate(kids[0]); break;
      case NodeOp::And: out = pool.conj(kids); break;
      case NodeOp::Or: out = pool.disj(kids); break;
      case NodeOp::Implies: out = pool.implies(kids[0], kids[1]); break;
      case NodeOp::Iff: out = pool.iff(kids[0], kids[1]); break;
      case NodeOp::Add: out = pool.add(kids); break;
      case NodeOp::Mul: out = pool.mul(pool.node(kids[0]).value, kids[1]); break;
      case NodeOp::Neg: out = pool.neg(kids[0]); break;
      case NodeOp::Le: out = pool.compare(ast::CompareOp::Le, kids[0], kids[1]); break;
      case NodeOp::Lt: out = pool.compare(ast::CompareOp::Lt, kids[0], kids[1]); break;
      case NodeOp::Eq: out = pool.compare(ast::CompareOp::Eq, kids[0], kids[1]); break;
      default: break;
    }
    memo[id] = out;
  }
  return memo.at(root);
}

}  // namespace

NodeId substitute(Pool& pool, NodeId root, const std::vector<bool>& fixed_mask, const Assignment& values) {
  return rebuild(pool, root, [&](NodeId id, const Node& n) -> NodeId {
    if (n.id >= fixed_mask.size() || !fixed_mask[n.id]) return id;
    if (n.op == NodeOp::IntAtom) return pool.int_const(values.at(n.id));
    return values.at(n.id) ? pool.true_node() : pool.false_node();
  });
}

NodeId replace_atoms(Pool& pool, NodeId root, const std::vector<NodeId>& replacement) {
  return rebuild(pool, root, [&](NodeId id, const Node& n) -> NodeId {
    return n.id < replacement.size() && replacement[n.id] != kKeepAtom ? replacement[n.id] : id;
  });
}

int evaluate_partial(const Pool& pool, NodeId id, const std::vector<bool>& known, const Assignment& values) {
  const Node& n = pool.node(id);
  auto known_int = [&](NodeId k, std::int64_t& out) -> bool {
    std::set<GroundAtomId> atoms;
    collect_atoms(pool, k, atoms);
    for (GroundAtomId a : atoms)
      if (a >= known.size() || !known[a]) return false;
    out = evaluate(pool, k, values);
    return true;
  };
  switch (n.op) {
    case NodeOp::True: return 1;
    case NodeOp::False: return 0;
    case NodeOp::BoolAtom: return n.id < known.size() && known[n.id] ? (values.at(n.id) ? 1 : 0) : 2;
    case NodeOp::Not: {
      int v = evaluate_partial(pool, n.kids[0], known, values);
      return v == 2 ? 2 : 1 - v;
    }
    case NodeOp::And: {
      int result = 1;
      for (NodeId k : n.kids) {
        int v = evaluate_partial(pool, k, known, values);
        if (v == 0) return 0;
        if (v == 2) result = 2;
      }
      return result;
    }
    case NodeOp::Or: {
      int result = 0;
      for (NodeId k : n.kids) {
        int v = evaluate_partial(pool, k, known, values);
        if (v == 1) return 1;
        if (v == 2) result = 2;
      }
      return result;
    }
    case NodeOp::Implies: {
      int a = evaluate_partial(pool, n.kids[0], known, values);
      int b = evaluate_partial(pool, n.kids[1], known, values);
      if (a == 0 || b == 1) return 1;
      if (a == 1 && b == 0) return 0;
      return 2;
    }
    case NodeOp::Iff: {
      int a = evaluate_partial(pool, n.kids[0], known, values);
      int b = evaluate_partial(pool, n.kids[1], known, values);
      if (a == 2 || b == 2) return 2;
      return a == b ? 1 : 0;
    }
    case NodeOp::Le:
    case NodeOp::Lt:
    case NodeOp::Eq: {
      std::int64_t x = 0;
      if (!known_int(id, x)) return 2;
      return static_cast<int>(x);
    }
    default: return 2;
  }
}

}  // namespace tc::ground
