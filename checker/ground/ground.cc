// Grounding of clauses, axioms and closed formulas over the finite world.
#include "ground/ground.h"

#include <functional>

namespace tc::ground {
namespace {

using sema::EntityId;

/// An element of an evaluated set with the condition under which it
/// belongs (true for static sets; a formula when a filter mentions atoms).
struct Member {
  EntityId entity;
  NodeId guard;
};

class Grounder {
 public:
  Grounder(const sema::World& world, Problem& problem, const GroundOptions& options)
      : world_(world), problem_(problem), pool_(problem.pool), options_(options) {}

  void ground_treaties();
  void ground_clauses();
  void ground_axioms();
  NodeId formula(const sema::Expr& expr, std::vector<EntityId>& env);

 private:
  EntityId entity(const sema::Expr& expr, const std::vector<EntityId>& env) const;
  NodeId integer(const sema::Expr& expr, std::vector<EntityId>& env);
  std::vector<Member> evaluate_set(const sema::Set& set, std::vector<EntityId>& env);
  NodeId definition(const sema::Expr& call, std::vector<EntityId>& env);
  NodeId quantifier(const sema::Expr& expr, std::vector<EntityId>& env);
  /// Calls `visit(guard)` for every combination of the bindings, with env set.
  void for_each_binding(const std::vector<sema::Binding>& bindings, std::size_t index, NodeId guard,
                        std::vector<EntityId>& env, const std::function<void(NodeId)>& visit);

  const sema::World& world_;
  Problem& problem_;
  Pool& pool_;
  const GroundOptions& options_;
  std::map<std::pair<sema::DefinitionId, std::vector<EntityId>>, NodeId> definition_cache_;
  std::map<EntityId, std::vector<EntityId>> members_cache_;  ///< institution -> members at the check date
};

void set_var(std::vector<EntityId>& env, sema::VarId var, EntityId value) {
  if (env.size() <= var) env.resize(var + 1, 0);
  env[var] = value;
}

EntityId Grounder::entity(const sema::Expr& expr, const std::vector<EntityId>& env) const {
  if (expr.op == sema::Op::Var) return expr.id < env.size() ? env[expr.id] : 0;
  return expr.id;  // Op::Entity
}

std::vector<Member> Grounder::evaluate_set(const sema::Set& set, std::vector<EntityId>& env) {
  std::vector<Member> out;
  auto from_ids = [&](const std::vector<EntityId>& ids) {
    for (EntityId id : ids) out.push_back({id, pool_.true_node()});
  };
  switch (set.op) {
    case sema::SetOp::AllOfSort:
      from_ids(world_.sorts.at(set.sort).members);
      break;
    case sema::SetOp::MembersOf: {
      auto [it, fresh] = members_cache_.try_emplace(set.entity);
      if (fresh) {
        // Sets are evaluated once per binding: scan the memberships once per institution.
        std::set<EntityId> members;
        for (const sema::Membership& m : world_.memberships)
          if (m.institution == set.entity && world_.is_member(set.entity, m.member, options_.as_of)) members.insert(m.member);
        it->second.assign(members.begin(), members.end());
      }
      from_ids(it->second);
      break;
    }
    case sema::SetOp::PartiesOf:
      if (set.treaty < problem_.parties_of_treaty.size()) from_ids(problem_.parties_of_treaty[set.treaty]);
      break;
    case sema::SetOp::List:
      from_ids(set.entities);
      break;
    case sema::SetOp::Builder: {
      std::vector<Member> base = evaluate_set(set.children.at(0), env);
      for (const Member& m : base) {
        set_var(env, set.var, m.entity);
        NodeId guard = pool_.conj({m.guard, formula(set.filter.at(0), env)});
        if (!pool_.is_false(guard)) out.push_back({m.entity, guard});
      }
      break;
    }
    case sema::SetOp::Union:
    case sema::SetOp::Minus:
    case sema::SetOp::Intersect: {
      std::vector<Member> left = evaluate_set(set.children.at(0), env);
      std::vector<Member> right = evaluate_set(set.children.at(1), env);
      std::map<EntityId, NodeId> l, r;
      for (const Member& m : left) l[m.entity] = pool_.disj({l.count(m.entity) ? l[m.entity] : pool_.false_node(), m.guard});
      for (const Member& m : right) r[m.entity] = pool_.disj({r.count(m.entity) ? r[m.entity] : pool_.false_node(), m.guard});
      std::set<EntityId> all;
      for (auto& [e, g] : l) all.insert(e);
      for (auto& [e, g] : r) all.insert(e);
      for (EntityId e : all) {
        NodeId in_l = l.count(e) ? l[e] : pool_.false_node();
        NodeId in_r = r.count(e) ? r[e] : pool_.false_node();
        NodeId guard = set.op == sema::SetOp::Union   ? pool_.disj({in_l, in_r})
                       : set.op == sema::SetOp::Minus ? pool_.conj({in_l, pool_.negate(in_r)})
                                                      : pool_.conj({in_l, in_r});
        if (!pool_.is_false(guard)) out.push_back({e, guard});
      }
      return out;
    }
  }
  // Sets are ordered by entity id so that grounding is deterministic.
  std::sort(out.begin(), out.end(), [](const Member& a, const Member& b) { return a.entity < b.entity; });
  return out;
}

NodeId Grounder::integer(const sema::Expr& expr, std::vector<EntityId>& env) {
  switch (expr.op) {
    case sema::Op::Int: return pool_.int_const(expr.value);
    case sema::Op::Atom: {
      std::vector<EntityId> args;
      for (const sema::Expr& a : expr.args) args.push_back(entity(a, env));
      return pool_.int_atom(problem_.atom_id(world_, expr.id, args));
    }
    case sema::Op::Add: return pool_.add({integer(expr.args[0], env), integer(expr.args[1], env)});
    case sema::Op::Sub: return pool_.add({integer(expr.args[0], env), pool_.neg(integer(expr.args[1], env))});
    case sema::Op::Neg: return pool_.neg(integer(expr.args[0], env));
    case sema::Op::Mul: {
      NodeId a = integer(expr.args[0], env);
      NodeId b = integer(expr.args[1], env);
      if (pool_.node(a).op == NodeOp::IntConst) return pool_.mul(pool_.node(a).value, b);
      if (pool_.node(b).op == NodeOp::IntConst) return pool_.mul(pool_.node(b).value, a);
      return pool_.int_const(0);  // non-linear products are rejected by sema (TC1024)
    }
    default: return pool_.int_const(0);
  }
}

NodeId Grounder::definition(const sema::Expr& call, std::vector<EntityId>& env) {
  std::vector<EntityId> args;
  for (const sema::Expr& a : call.args) args.push_back(entity(a, env));
  auto key = std::make_pair(static_cast<sema::DefinitionId>(call.id), args);
  if (auto it = definition_cache_.find(key); it != definition_cache_.end()) return it->second;
  const sema::Definition& def = world_.definitions.at(call.id);
  std::size_t reading = def.default_reading;
  if (auto chosen = options_.readings.find(def.name); chosen != options_.readings.end()) {
    for (std::size_t i = 0; i < def.readings.size(); ++i)
      if (def.readings[i].name == chosen->second) reading = i;
  }
  NodeId result = pool_.false_node();
  if (reading < def.readings.size()) {
    std::vector<EntityId> inner(std::max<std::size_t>(def.variables.size(), args.size()), 0);
    for (std::size_t i = 0; i < args.size(); ++i) inner[i] = args[i];
    result = formula(def.readings[reading].body, inner);
  }
  definition_cache_.emplace(std::move(key), result);
  return result;
}

NodeId Grounder::quantifier(const sema::Expr& expr, std::vector<EntityId>& env) {
  bool exists = expr.op == sema::Op::Exists;
  std::vector<NodeId> parts;
  std::function<void(std::size_t, NodeId)> expand = [&](std::size_t i, NodeId guard) {
    if (i == expr.bound.size()) {
      NodeId body = formula(expr.args.at(0), env);
      parts.push_back(exists ? pool_.conj({guard, body}) : pool_.implies(guard, body));
      return;
    }
    for (const Member& m : evaluate_set(expr.bound_sets.at(i), env)) {
      set_var(env, expr.bound[i], m.entity);
      expand(i + 1, pool_.conj({guard, m.guard}));
    }
  };
  expand(0, pool_.true_node());
  return exists ? pool_.disj(std::move(parts)) : pool_.conj(std::move(parts));
}

NodeId Grounder::formula(const sema::Expr& expr, std::vector<EntityId>& env) {
  switch (expr.op) {
    case sema::Op::True: return pool_.true_node();
    case sema::Op::False: return pool_.false_node();
    case sema::Op::Not: return pool_.negate(formula(expr.args[0], env));
    case sema::Op::And: return pool_.conj({formula(expr.args[0], env), formula(expr.args[1], env)});
    case sema::Op::Or: return pool_.disj({formula(expr.args[0], env), formula(expr.args[1], env)});
    case sema::Op::Implies: return pool_.implies(formula(expr.args[0], env), formula(expr.args[1], env));
    case sema::Op::Iff: return pool_.iff(formula(expr.args[0], env), formula(expr.args[1], env));
    case sema::Op::Excludes:
      return pool_.negate(pool_.conj({formula(expr.args[0], env), formula(expr.args[1], env)}));
    case sema::Op::Exists:
    case sema::Op::Forall: return quantifier(expr, env);
    case sema::Op::InSet: {
      EntityId element = entity(expr.args.at(0), env);
      std::vector<NodeId> guards;
      for (const Member& m : evaluate_set(expr.set.at(0), env))
        if (m.entity == element) guards.push_back(m.guard);
      return pool_.disj(std::move(guards));
    }
    case sema::Op::Compare: {
      if (expr.args[0].type == sema::Type::Entity) {
        bool same = entity(expr.args[0], env) == entity(expr.args[1], env);
        bool holds = expr.compare == ast::CompareOp::Ne ? !same : same;
        return holds ? pool_.true_node() : pool_.false_node();
      }
      return pool_.compare(expr.compare, integer(expr.args[0], env), integer(expr.args[1], env));
    }
    case sema::Op::Atom: {
      std::vector<EntityId> args;
      for (const sema::Expr& a : expr.args) args.push_back(entity(a, env));
      GroundAtomId id = problem_.atom_id(world_, expr.id, args);
      return problem_.atoms[id].is_quantity ? pool_.int_atom(id) : pool_.bool_atom(id);
    }
    case sema::Op::Definition: return definition(expr, env);
    default: return pool_.false_node();
  }
}

void Grounder::for_each_binding(const std::vector<sema::Binding>& bindings, std::size_t index, NodeId guard,
                                std::vector<EntityId>& env, const std::function<void(NodeId)>& visit) {
  if (index == bindings.size()) {
    visit(guard);
    return;
  }
  for (const Member& m : evaluate_set(bindings[index].domain, env)) {
    set_var(env, bindings[index].var, m.entity);
    NodeId g = pool_.conj({guard, m.guard});
    if (!pool_.is_false(g)) for_each_binding(bindings, index + 1, g, env, visit);
  }
}

void Grounder::ground_treaties() {
  std::size_t n = world_.treaties.size();
  problem_.parties_of_treaty.assign(n, {});
  problem_.treaty_in_force.assign(n, false);
  // Party sets may refer to other treaties' parties: evaluate in dependency
  // order by repeating until nothing changes (sema rejects cycles).
  for (std::size_t round = 0; round < n + 1; ++round) {
    bool changed = false;
    for (sema::TreatyId t = 0; t < n; ++t) {
      const sema::Treaty& treaty = world_.treaties[t];
      bool in_force = treaty_in_force(treaty, options_.as_of) && !options_.excluded_treaties.count(t);
      std::vector<EntityId> parties;
      if (in_force && treaty.parties) {
        std::vector<EntityId> env;
        for (const Member& m : evaluate_set(*treaty.parties, env))
          if (pool_.is_true(m.guard)) parties.push_back(m.entity);
      }
      if (parties != problem_.parties_of_treaty[t] || in_force != problem_.treaty_in_force[t]) changed = true;
      problem_.parties_of_treaty[t] = std::move(parties);
      problem_.treaty_in_force[t] = in_force;
    }
    if (!changed) break;
  }
}

void Grounder::ground_clauses() {
  problem_.norms_of_clause.assign(world_.clauses.size(), {});
  for (sema::ClauseId c = 0; c < world_.clauses.size(); ++c) {
    const sema::Clause& clause = world_.clauses[c];
    if (!problem_.treaty_in_force[clause.treaty]) continue;
    if (options_.only_clauses && !options_.only_clauses->count(c)) continue;
    if (options_.excluded_clauses.count(c)) continue;
    const std::vector<EntityId>& parties = problem_.parties_of_treaty[clause.treaty];
    std::vector<EntityId> env(clause.variables.size(), 0);
    for_each_binding(clause.bindings, 0, pool_.true_node(), env, [&](NodeId guard) {
      EntityId bearer = entity(clause.bearer, env);
      if (!std::binary_search(parties.begin(), parties.end(), bearer)) return;
      std::vector<NodeId> parts{guard};
      if (clause.where) parts.push_back(formula(*clause.where, env));
      // Counting needs the bindings, not the formulas: conditions depend on
      // the scenario and cannot rule an instance out.
      for (const sema::Condition& condition : clause.conditions) {
        if (options_.count_only) break;
        NodeId f = formula(condition.formula, env);
        parts.push_back(condition.is_unless ? pool_.negate(f) : f);
      }
      NodeId applicability = pool_.conj(std::move(parts));
      if (pool_.is_false(applicability)) return;
      NormInstance instance;
      instance.clause = c;
      for (const sema::Binding& b : clause.bindings) instance.binding.push_back(env.at(b.var));
      instance.bearer = bearer;
      instance.modality = clause.modality;
      instance.applicability = applicability;
      instance.content = options_.count_only ? pool_.true_node() : formula(clause.content, env);
      problem_.norms_of_clause[c].push_back(static_cast<std::uint32_t>(problem_.norms.size()));
      problem_.norms.push_back(std::move(instance));
    });
  }
}

void Grounder::ground_axioms() {
  for (std::uint32_t a = 0; a < world_.axioms.size(); ++a) {
    const sema::Axiom& axiom = world_.axioms[a];
    std::vector<EntityId> env(axiom.variables.size(), 0);
    for_each_binding(axiom.bindings, 0, pool_.true_node(), env, [&](NodeId guard) {
      NodeId premise = guard;
      if (axiom.where) premise = pool_.conj({premise, formula(*axiom.where, env)});
      NodeId instance = pool_.implies(premise, formula(axiom.body, env));
      if (pool_.is_true(instance)) return;
      problem_.axioms.push_back({a, instance, false});
    });
  }
}

/// Adds `lower <= q <= upper` for every quantity atom from `first` on.
void add_bounds(Problem& problem, GroundAtomId first) {
  Pool& pool = problem.pool;
  for (GroundAtomId id = first; id < problem.atoms.size(); ++id) {
    const GroundAtom& atom = problem.atoms[id];
    if (!atom.is_quantity) continue;
    NodeId x = pool.int_atom(id);
    NodeId bounds = pool.conj({pool.compare(ast::CompareOp::Le, pool.int_const(atom.lower), x),
                               pool.compare(ast::CompareOp::Le, x, pool.int_const(atom.upper))});
    problem.axioms.push_back({kBoundsAxiom, bounds, atom.is_conduct});
  }
}

}  // namespace

GroundAtomId Problem::atom_id(const sema::World& world, sema::AtomId atom, const std::vector<sema::EntityId>& args) {
  auto key = std::make_pair(atom, args);
  if (auto it = atom_index.find(key); it != atom_index.end()) return it->second;
  const sema::Atom& decl = world.atoms.at(atom);
  GroundAtomId id = static_cast<GroundAtomId>(atoms.size());
  atoms.push_back({atom, args, decl.is_conduct, decl.is_quantity, decl.lower, decl.upper});
  atom_index.emplace(std::move(key), id);
  return id;
}

std::string Problem::atom_text(const sema::World& world, GroundAtomId id) const {
  const GroundAtom& atom = atoms.at(id);
  std::string text = world.atoms.at(atom.atom).name;
  if (!atom.args.empty()) {
    text += "(";
    for (std::size_t i = 0; i < atom.args.size(); ++i) {
      if (i) text += ", ";
      text += world.entities.at(atom.args[i]).display;
    }
    text += ")";
  }
  return text;
}

bool treaty_in_force(const sema::Treaty& treaty, sema::DayNumber day) {
  bool started = treaty.is_draft || treaty.undated || (treaty.in_force_from && *treaty.in_force_from <= day);
  if (!started) return false;
  for (const auto& end : {treaty.withdrawn_on, treaty.suspended_on, treaty.terminated_on})
    if (end && *end <= day) return false;
  return true;
}

Problem ground(const sema::World& world, const GroundOptions& options) {
  Problem problem;
  problem.as_of = options.as_of;
  Grounder grounder(world, problem, options);
  grounder.ground_treaties();
  grounder.ground_clauses();
  if (!options.skip_axioms) grounder.ground_axioms();
  add_bounds(problem, 0);
  for (AxiomInstance& axiom : problem.axioms) {
    std::set<GroundAtomId> atoms;
    collect_atoms(problem.pool, axiom.formula, atoms);
    for (GroundAtomId id : atoms) axiom.mentions_conduct |= problem.atoms[id].is_conduct;
  }
  return problem;
}

NodeId ground_closed(const sema::World& world, Problem& problem, const GroundOptions& options,
                     const sema::Expr& formula) {
  Grounder grounder(world, problem, options);
  std::vector<sema::EntityId> env;
  std::size_t before = problem.atoms.size();
  NodeId node = grounder.formula(formula, env);
  // Quantities first seen here still need their bounds.
  add_bounds(problem, static_cast<GroundAtomId>(before));
  return node;
}

}  // namespace tc::ground
