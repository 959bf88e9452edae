#pragma once
/// Grounding: every quantified clause and axiom instantiated over the
/// finite domains, memberships and treaties in force evaluated at the
/// check date. The output is a pool of hash-consed ground formulas over
/// ground atoms (circumstances and conduct), plus the norm instances and
/// axiom instances that refer to them. No solver type appears here.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "sema/world.h"

namespace tc::ground {

using NodeId = std::uint32_t;
using GroundAtomId = std::uint32_t;

/// An atom applied to individuals: `assist(Finland, Estonia)`.
struct GroundAtom {
  sema::AtomId atom = 0;
  std::vector<sema::EntityId> args;
  bool is_conduct = false;
  bool is_quantity = false;
  std::int64_t lower = 0;
  std::int64_t upper = 0;

  /// The value the atom takes when nothing sets it: a quantity its lower
  /// bound, a Boolean 0 (false).
  std::int64_t default_value() const { return is_quantity ? lower : 0; }
};

enum class NodeOp {
  True, False,
  BoolAtom,  ///< `id` = GroundAtomId of a Boolean atom
  IntAtom,   ///< `id` = GroundAtomId of a quantity
  IntConst,  ///< `value`
  Not, And, Or, Implies, Iff,
  Add, Mul,  ///< Mul: kids[0] is an IntConst
  Neg,
  Le, Lt, Eq,  ///< integer comparisons (Ge/Gt/Ne are rewritten into these)
};

/// A node of the ground formula pool. Children are NodeIds.
struct Node {
  NodeOp op = NodeOp::True;
  std::uint32_t id = 0;
  std::int64_t value = 0;
  std::vector<NodeId> kids;
};

/// Hash-consed pool of ground formulas. Constructors simplify constants
/// (`And(x, False)` is `False`), so static facts (membership, identity of
/// individuals) vanish before solving.
class Pool {
 public:
  Pool();
  /// An overlay of `base`: every node of `base` keeps its id and is read
  /// through, new nodes are stored here. `base` must outlive the overlay and
  /// not change while it is used. Parallel workers each build formulas in
  /// an overlay of one grounded pool: no shared mutable state, and a
  /// worker's node ids (which order the operands of its formulas) do not
  /// depend on what the other workers do.
  explicit Pool(const Pool* base);
  NodeId true_node() const { return 0; }
  NodeId false_node() const { return 1; }
  NodeId bool_atom(GroundAtomId atom);
  NodeId int_atom(GroundAtomId atom);
  NodeId int_const(std::int64_t value);
  NodeId negate(NodeId a);
  NodeId conj(std::vector<NodeId> kids);
  NodeId disj(std::vector<NodeId> kids);
  NodeId implies(NodeId a, NodeId b);
  NodeId iff(NodeId a, NodeId b);
  NodeId add(std::vector<NodeId> kids);
  NodeId mul(std::int64_t factor, NodeId a);
  NodeId neg(NodeId a);
  NodeId compare(ast::CompareOp op, NodeId a, NodeId b);
  const Node& node(NodeId id) const { return id < base_size_ ? base_->node(id) : nodes_[id - base_size_]; }
  std::size_t size() const { return base_size_ + nodes_.size(); }
  bool is_true(NodeId id) const { return id == 0; }
  bool is_false(NodeId id) const { return id == 1; }

 private:
  NodeId intern(Node node);
  /// The id of a node equal to `node` (with hash `hash`) here or in the base.
  std::optional<NodeId> find(std::uint64_t hash, const Node& node) const;
  const Pool* base_ = nullptr;
  NodeId base_size_ = 0;  ///< ids below this are the base's
  std::vector<Node> nodes_;
  std::unordered_multimap<std::uint64_t, NodeId> index_;  ///< node hash -> nodes with that hash
};

/// One instance of a clause: the clause plus a binding of its variables.
struct NormInstance {
  sema::ClauseId clause = 0;
  std::vector<sema::EntityId> binding;  ///< one per clause variable bound by `for each`, in order
  sema::EntityId bearer = 0;
  sema::Modality modality = sema::Modality::Obligation;
  NodeId applicability = 0;  ///< when and not unless (in force and party-ship are static, already folded)
  NodeId content = 0;        ///< phi
};

/// One instance of an axiom.
struct AxiomInstance {
  /// Index into World::axioms, or kBoundsAxiom (quantity bounds) or
  /// kScenarioFact (a fact of a `scenario` under test): neither is a World axiom.
  std::uint32_t axiom = 0;
  NodeId formula = 0;
  bool mentions_conduct = false;
};

/// Marks the axiom instances generated from quantity bounds.
inline constexpr std::uint32_t kBoundsAxiom = 0xFFFFFFFF;
/// Marks the axiom instances added for the facts of a scenario under test.
inline constexpr std::uint32_t kScenarioFact = 0xFFFFFFFE;

/// Options of the grounding stage.
struct GroundOptions {
  sema::DayNumber as_of = 0;  ///< the check date (yyyymmdd)
  /// Reading chosen per term (definition name -> reading name); others use the default.
  std::map<std::string, std::string> readings;
  /// Treaties left out entirely (e.g. `expect consistent without EST`).
  std::set<sema::TreatyId> excluded_treaties;
  /// Clauses left out as if deleted (`treatycheck repair` verifies its suggestions so).
  std::set<sema::ClauseId> excluded_clauses;
  /// When set, only these clauses are grounded (instance counting).
  std::optional<std::set<sema::ClauseId>> only_clauses;
  /// Skip axioms (instance counting needs none).
  bool skip_axioms = false;
  /// Only enumerate the instances (bindings, bearer, static `where`):
  /// conditions and contents are not grounded. For instance counting.
  bool count_only = false;
};

/// The grounded problem.
struct Problem {
  Pool pool;
  std::vector<GroundAtom> atoms;
  std::vector<NormInstance> norms;    ///< grouped by clause, clauses in id order
  std::vector<AxiomInstance> axioms;  ///< includes quantity bounds
  /// Per clause: indices into `norms` (empty for clauses with no applicable instance).
  std::vector<std::vector<std::uint32_t>> norms_of_clause;
  /// Parties of each treaty at the check date (empty when not in force).
  std::vector<std::vector<sema::EntityId>> parties_of_treaty;
  std::vector<bool> treaty_in_force;
  sema::DayNumber as_of = 0;

  /// Ground atom lookup or creation.
  GroundAtomId atom_id(const sema::World& world, sema::AtomId atom, const std::vector<sema::EntityId>& args);
  /// "assist(Finland, Estonia)" using display names.
  std::string atom_text(const sema::World& world, GroundAtomId atom) const;

  std::map<std::pair<sema::AtomId, std::vector<sema::EntityId>>, GroundAtomId> atom_index;
};

/// Whether a treaty is in force (or, for a draft, treated as in force) on `day`.
bool treaty_in_force(const sema::Treaty& treaty, sema::DayNumber day);

/// Grounds the world at `options.as_of`. Pure function of its inputs.
Problem ground(const sema::World& world, const GroundOptions& options);

/// Grounds a closed formula (scenario fact, expectation content) against
/// an existing problem's pool and atoms. `variables` are the formula's
/// owner's variables (for quantifiers inside it).
NodeId ground_closed(const sema::World& world, Problem& problem, const GroundOptions& options,
                     const sema::Expr& formula);

/// Values of ground atoms: Booleans as 0/1, quantities as integers.
using Assignment = std::vector<std::int64_t>;

/// Evaluates a node under a total assignment of ground atoms. The plain,
/// solver-free evaluator used to replay witnesses and by the brute-force
/// oracle of the property tests.
std::int64_t evaluate(const Pool& pool, NodeId node, const Assignment& values);

/// Collects the ground atoms a node mentions.
void collect_atoms(const Pool& pool, NodeId node, std::set<GroundAtomId>& out);

}  // namespace tc::ground

namespace tc::ground {

/// Substitutes fixed values for the atoms selected by `fixed_mask`
/// (mask[atom] true) and simplifies. Used to specialise a formula to a
/// counterexample's conduct so that the refinement stays small.
NodeId substitute(Pool& pool, NodeId node, const std::vector<bool>& fixed_mask, const Assignment& values);

/// Marks an atom that `replace_atoms` leaves as it is.
inline constexpr NodeId kKeepAtom = 0xFFFFFFFF;

/// Replaces every atom `a` with `replacement[a]` (a node of the same type,
/// Boolean or integer) unless it is `kKeepAtom`, and simplifies. Used to
/// plug a conduct *strategy* (conduct as a formula over the scenario) into
/// a refinement, so that one refinement covers every scenario the strategy
/// copes with.
NodeId replace_atoms(Pool& pool, NodeId node, const std::vector<NodeId>& replacement);

/// Three-valued evaluation: 0 false, 1 true, 2 unknown (depends on an atom
/// outside `known_mask`). Integer nodes: `known` reports whether the value is fixed.
int evaluate_partial(const Pool& pool, NodeId node, const std::vector<bool>& known_mask, const Assignment& values);

}  // namespace tc::ground
