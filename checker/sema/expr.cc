// Expressions: name lookup, calls, types (truth values, numbers,
// individuals), comparisons and linear arithmetic.
#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

Typed leaf(Op op, Type type, Span span) {
  Typed t;
  t.expr.op = op;
  t.expr.type = type;
  t.expr.span = span;
  return t;
}

/// A node over `parts`, whose trees are moved in. (A braced list would be
/// an initializer_list, whose elements can only be copied: every level of
/// a 100,000-long `and` chain copied its whole subtree, quadratic time.)
template <class... Parts>
Typed node(Op op, Type type, Span span, Parts&&... parts) {
  static_assert((std::is_same_v<Parts, Typed> && ...), "node() takes its parts as rvalues");
  Typed t = leaf(op, type, span);
  t.expr.args.reserve(sizeof...(parts));
  [[maybe_unused]] auto take = [&t](Typed&& p) {
    t.error = t.error || p.error;
    t.expr.args.push_back(std::move(p.expr));
  };
  (take(std::move(parts)), ...);
  return t;
}

Typed error_value(Span span) {
  Typed t = leaf(Op::True, Type::Bool, span);
  t.error = true;
  return t;
}

Span name_span_of(const ast::Expr& e) { return e.name_span.empty() ? e.span : e.name_span; }

std::size_t needed_children(ast::ExprKind kind) {
  switch (kind) {
    case ast::ExprKind::Not:
    case ast::ExprKind::Exists:
    case ast::ExprKind::Forall:
    case ast::ExprKind::In:
    case ast::ExprKind::NotIn:
    case ast::ExprKind::Neg: return 1;
    case ast::ExprKind::And:
    case ast::ExprKind::Or:
    case ast::ExprKind::Implies:
    case ast::ExprKind::Iff:
    case ast::ExprKind::Excludes:
    case ast::ExprKind::Compare:
    case ast::ExprKind::Add:
    case ast::ExprKind::Sub:
    case ast::ExprKind::Mul: return 2;
    default: return 0;
  }
}

/// The value of a constant integer expression (literals combined by
/// negation, +, - and *), if it is one and does not overflow.
std::optional<std::int64_t> constant_value(const Expr& e) {
  if (e.op == Op::Int) return e.value;
  if (e.op == Op::Neg && e.args.size() == 1) {
    auto v = constant_value(e.args[0]);
    if (!v || *v == INT64_MIN) return std::nullopt;
    return -*v;
  }
  if ((e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mul) && e.args.size() == 2) {
    auto a = constant_value(e.args[0]);
    auto b = constant_value(e.args[1]);
    if (!a || !b) return std::nullopt;
    std::int64_t out = 0;
    bool overflow = e.op == Op::Add   ? __builtin_add_overflow(*a, *b, &out)
                    : e.op == Op::Sub ? __builtin_sub_overflow(*a, *b, &out)
                                      : __builtin_mul_overflow(*a, *b, &out);
    if (overflow) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  std::uint64_t out = 0;
  return __builtin_add_overflow(a, b, &out) ? UINT64_MAX : out;
}

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  std::uint64_t out = 0;
  return __builtin_mul_overflow(a, b, &out) ? UINT64_MAX : out;
}

/// A bound on the magnitude of every value, partial sum, constant and
/// coefficient that grounding can compute from `e`: sums add, products
/// multiply, a quantity counts as at least 1 (so a factor applied to it is
/// counted even when its bounds are 0 .. 0), and no more than the limit
/// (bounds beyond it are reported at the declaration). Saturates at UINT64_MAX.
std::uint64_t magnitude_bound(const Expr& e, const World& world) {
  switch (e.op) {
    case Op::Int: return magnitude_of(e.value);
    case Op::Atom: {
      const Atom& atom = world.atoms[e.id];
      return std::clamp(std::max(magnitude_of(atom.lower), magnitude_of(atom.upper)), std::uint64_t{1}, kMaxMagnitude);
    }
    case Op::Neg: return e.args.empty() ? 0 : magnitude_bound(e.args[0], world);
    case Op::Add:
    case Op::Sub:
    case Op::Mul: {
      if (e.args.size() != 2) return 0;
      std::uint64_t a = magnitude_bound(e.args[0], world), b = magnitude_bound(e.args[1], world);
      return e.op == Op::Mul ? saturating_mul(a, b) : saturating_add(a, b);
    }
    default: return 0;
  }
}

/// A literal or negated literal.
std::optional<std::int64_t> literal_value(const Expr& e) {
  if (e.op == Op::Int) return e.value;
  if (e.op == Op::Neg && e.args.size() == 1 && e.args[0].op == Op::Int) return -e.args[0].value;
  return std::nullopt;
}

ast::CompareOp mirror(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Lt: return ast::CompareOp::Gt;
    case ast::CompareOp::Le: return ast::CompareOp::Ge;
    case ast::CompareOp::Ge: return ast::CompareOp::Le;
    case ast::CompareOp::Gt: return ast::CompareOp::Lt;
    default: return op;
  }
}

const char* op_text(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Lt: return "<";
    case ast::CompareOp::Le: return "<=";
    case ast::CompareOp::Eq: return "=";
    case ast::CompareOp::Ne: return "!=";
    case ast::CompareOp::Ge: return ">=";
    case ast::CompareOp::Gt: return ">";
  }
  return "=";
}

std::string count_phrase(std::size_t n) {
  if (n == 0) return "none";
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

bool compatible(SortId a, SortId b) { return sort_accepts(a, b) || sort_accepts(b, a); }

}  // namespace

Typed Resolver::expr(const ast::Expr& e, Scope& scope) {
  // A malformed tree only comes from a file with syntax errors, which the
  // syntax stage has reported already.
  if (e.children.size() < needed_children(e.kind)) return error_value(e.span);
  switch (e.kind) {
    case ast::ExprKind::True: return leaf(Op::True, Type::Bool, e.span);
    case ast::ExprKind::False: return leaf(Op::False, Type::Bool, e.span);
    case ast::ExprKind::Not: return node(Op::Not, Type::Bool, e.span, formula(e.children[0], scope));
    case ast::ExprKind::And:
    case ast::ExprKind::Or:
    case ast::ExprKind::Implies:
    case ast::ExprKind::Iff:
    case ast::ExprKind::Excludes: {
      Op op = e.kind == ast::ExprKind::And       ? Op::And
              : e.kind == ast::ExprKind::Or      ? Op::Or
              : e.kind == ast::ExprKind::Implies ? Op::Implies
              : e.kind == ast::ExprKind::Iff     ? Op::Iff
                                                 : Op::Excludes;
      Typed left = formula(e.children[0], scope);
      Typed right = formula(e.children[1], scope);
      return node(op, Type::Bool, e.span, std::move(left), std::move(right));
    }
    case ast::ExprKind::Exists:
    case ast::ExprKind::Forall: return quantifier(e, scope);
    case ast::ExprKind::In:
    case ast::ExprKind::NotIn: return membership_test(e, scope);
    case ast::ExprKind::Compare: return compare(e, scope);
    case ast::ExprKind::Name: return name(e, scope);
    case ast::ExprKind::Call: return call(e, scope);
    case ast::ExprKind::Int: {
      Typed t = leaf(Op::Int, Type::Int, e.span);
      t.expr.value = e.value;
      return t;
    }
    case ast::ExprKind::Add:
    case ast::ExprKind::Sub:
    case ast::ExprKind::Mul:
    case ast::ExprKind::Neg: return arithmetic(e, scope);
  }
  return error_value(e.span);
}

Typed Resolver::formula(const ast::Expr& e, Scope& scope) {
  Typed t = expr(e, scope);
  if (!t.error && t.expr.type != Type::Bool) {
    Diagnostic& d = report(DiagKind::TypeMismatch, e.span,
                           "'" + text_of(e) + "' is " + type_phrase(t.expr) +
                               ", but a formula (something true or false) is expected here");
    note_expr(d, t.expr, &scope);
    t.error = true;
  }
  return t;
}

Typed Resolver::number(const ast::Expr& e, Scope& scope) {
  Typed t = expr(e, scope);
  if (!t.error && t.expr.type != Type::Int) {
    Diagnostic& d = report(DiagKind::TypeMismatch, e.span,
                           "'" + text_of(e) + "' is " + type_phrase(t.expr) + ", but a number is expected here");
    note_expr(d, t.expr, &scope);
    t.error = true;
  }
  return t;
}

Typed Resolver::name(const ast::Expr& e, Scope& scope) {
  if (auto var = find_var(scope, e.name)) {
    Typed t = leaf(Op::Var, Type::Entity, e.span);
    t.expr.id = *var;
    t.expr.sort = (*scope.variables)[*var].sort;
    return t;
  }
  const Global* g = find_global(e.name);
  if (g == nullptr) {
    undeclared(e.name, name_span_of(e), {GlobalKind::Entity, GlobalKind::Atom, GlobalKind::Definition}, &scope);
    return error_value(e.span);
  }
  switch (g->kind) {
    case GlobalKind::Entity: {
      Typed t = leaf(Op::Entity, Type::Entity, e.span);
      t.expr.id = g->id;
      t.expr.sort = world_.entities[g->id].sort;
      return t;
    }
    case GlobalKind::Atom:
    case GlobalKind::Definition: {
      bool is_atom = g->kind == GlobalKind::Atom;
      std::size_t params = is_atom ? world_.atoms[g->id].params.size() : world_.definitions[g->id].param_count;
      bool quantity = is_atom && world_.atoms[g->id].is_quantity;
      Typed t = leaf(is_atom ? Op::Atom : Op::Definition, quantity ? Type::Int : Type::Bool, e.span);
      t.expr.id = g->id;
      if (params != 0) {
        Diagnostic& d = report(DiagKind::WrongArity, name_span_of(e),
                               "'" + e.name + "' takes " + count_phrase(params) + ", but none were given");
        note_declared(d, *g, e.name);
        t.error = true;
      }
      return t;
    }
    case GlobalKind::Sort:
    case GlobalKind::Treaty: {
      Diagnostic& d = report(DiagKind::TypeMismatch, name_span_of(e),
                             "'" + e.name + "' is " + describe_global(*g) + " '" + e.name +
                                 "', which cannot stand in a formula");
      note_declared(d, *g, e.name);
      return error_value(e.span);
    }
  }
  return error_value(e.span);
}

Typed Resolver::call(const ast::Expr& e, Scope& scope) {
  std::vector<Typed> args;
  for (const ast::Expr& child : e.children) args.push_back(expr(child, scope));
  if (find_var(scope, e.name)) {
    report(DiagKind::TypeMismatch, name_span_of(e),
           "'" + e.name + "' is a variable, not a predicate: it cannot be applied to arguments");
    return error_value(e.span);
  }
  const Global* g = find_global(e.name);
  if (g == nullptr) {
    undeclared(e.name, name_span_of(e), {GlobalKind::Atom, GlobalKind::Definition}, nullptr);
    return error_value(e.span);
  }
  if (g->kind != GlobalKind::Atom && g->kind != GlobalKind::Definition) {
    Diagnostic& d = report(DiagKind::TypeMismatch, name_span_of(e),
                           "'" + e.name + "' is " + describe_global(*g) + " '" + e.name +
                               "', not a predicate: it cannot be applied to arguments");
    note_declared(d, *g, e.name);
    return error_value(e.span);
  }
  bool is_atom = g->kind == GlobalKind::Atom;
  std::vector<SortId> params;
  if (is_atom) {
    params = world_.atoms[g->id].params;
  } else {
    const Definition& definition = world_.definitions[g->id];
    for (std::size_t i = 0; i < definition.param_count; ++i) params.push_back(definition.variables[i].sort);
  }
  bool quantity = is_atom && world_.atoms[g->id].is_quantity;
  Typed t = node(is_atom ? Op::Atom : Op::Definition, quantity ? Type::Int : Type::Bool, e.span);
  t.expr.id = g->id;
  bool arity_ok = args.size() == params.size();
  if (!arity_ok) {
    std::string given = args.empty() ? "none were" : std::to_string(args.size()) + (args.size() == 1 ? " was" : " were");
    Diagnostic& d = report(DiagKind::WrongArity, name_span_of(e),
                           "'" + e.name + "' takes " + count_phrase(params.size()) + ", but " + given + " given");
    note_declared(d, *g, e.name);
    t.error = true;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    Typed& a = args[i];
    if (arity_ok && !a.error) {
      std::string intro = "argument " + std::to_string(i + 1) + " of '" + e.name + "' must be " + sort_phrase(params[i]) +
                          ", but '" + text_of(e.children[i]) + "' is ";
      if (a.expr.type != Type::Entity) {
        Diagnostic& d = report(DiagKind::TypeMismatch, e.children[i].span, intro + type_phrase(a.expr));
        note_declared(d, *g, e.name);
        a.error = true;
      } else if (!sort_accepts(params[i], a.expr.sort)) {
        Diagnostic& d = report(DiagKind::WrongSort, e.children[i].span, intro + sort_phrase(a.expr.sort));
        note_declared(d, *g, e.name);
        if (a.expr.op == Op::Var) note_expr(d, a.expr, &scope);
        a.error = true;
      }
    }
    t.error = t.error || a.error;
    t.expr.args.push_back(std::move(a.expr));
  }
  return t;
}

Typed Resolver::compare(const ast::Expr& e, Scope& scope) {
  Typed left = expr(e.children[0], scope);
  Typed right = expr(e.children[1], scope);
  Typed t = node(Op::Compare, Type::Bool, e.span, std::move(left), std::move(right));
  t.expr.compare = e.compare;
  if (t.error) return t;
  const Expr& l = t.expr.args[0];
  const Expr& r = t.expr.args[1];
  if (l.type == Type::Int && r.type == Type::Int) {
    for (std::size_t side = 0; side < 2; ++side) {
      if (magnitude_bound(t.expr.args[side], world_) <= kMaxMagnitude) continue;
      report(DiagKind::NumberTooLarge, e.children[side].span,
             "'" + text_of(e.children[side]) + "' can reach numbers beyond the supported range (magnitudes up to 2^62 = " +
                 std::to_string(kMaxMagnitude) + ", with each quantity at its declared bounds)");
      t.error = true;
    }
    if (!t.error) check_quantity_bounds(e, l, r);
    return t;
  }
  std::string lt = "'" + text_of(e.children[0]) + "'";
  std::string rt = "'" + text_of(e.children[1]) + "'";
  if (l.type == Type::Entity && r.type == Type::Entity) {
    if (e.compare != ast::CompareOp::Eq && e.compare != ast::CompareOp::Ne) {
      report(DiagKind::TypeMismatch, e.span,
             std::string("'") + op_text(e.compare) + "' compares numbers, but " + lt + " and " + rt +
                 " are individuals: only '=' and '!=' apply to them");
      t.error = true;
    } else if (!compatible(l.sort, r.sort)) {
      report(DiagKind::WrongSort, e.span,
             lt + " is " + sort_phrase(l.sort) + " and " + rt + " is " + sort_phrase(r.sort) + ": they can never be equal");
      t.error = true;
    }
    return t;
  }
  report(DiagKind::TypeMismatch, e.span,
         "cannot compare " + lt + " (" + type_phrase(l) + ") with " + rt + " (" + type_phrase(r) + ")" +
             (l.type == Type::Bool && r.type == Type::Bool ? ": use 'iff' to compare formulas" : ""));
  t.error = true;
  return t;
}

void Resolver::check_quantity_bounds(const ast::Expr& e, const Expr& left, const Expr& right) {
  auto check = [&](const Expr& quantity, const Expr& constant, ast::CompareOp op) {
    if (quantity.op != Op::Atom || !world_.atoms[quantity.id].is_quantity) return false;
    const ast::AtomDecl& decl = *atom_decls_[quantity.id];
    if (!decl.lower || !decl.upper || *decl.lower > *decl.upper) return false;  // reported as TC1008
    std::optional<std::int64_t> value = literal_value(constant);
    const Atom& atom = world_.atoms[quantity.id];
    if (!value || (*value >= atom.lower && *value <= atom.upper)) return false;
    bool above = *value > atom.upper;
    bool truth = op == ast::CompareOp::Ne || (above ? (op == ast::CompareOp::Lt || op == ast::CompareOp::Le)
                                                    : (op == ast::CompareOp::Gt || op == ast::CompareOp::Ge));
    Diagnostic& d = report(DiagKind::QuantityOutOfBounds, e.span,
                           std::to_string(*value) + " lies outside the bounds of '" + atom.name + "' (" +
                               std::to_string(atom.lower) + " .. " + std::to_string(atom.upper) + "), so '" +
                               text_of(e) + "' is always " + (truth ? "true" : "false"));
    d.notes.push_back({atom.bounds_span, "bounds of '" + atom.name + "' declared here"});
    return true;
  };
  if (!check(left, right, e.compare)) check(right, left, mirror(e.compare));
}

Typed Resolver::quantifier(const ast::Expr& e, Scope& scope) {
  Typed t = leaf(e.kind == ast::ExprKind::Exists ? Op::Exists : Op::Forall, Type::Bool, e.span);
  std::size_t mark = scope.visible.size();
  for (const ast::Binder& binder : e.binders) {
    if (binder.set.empty()) continue;
    TypedSet domain = set(binder.set[0], scope);
    t.error = t.error || domain.error;
    for (const ast::Ident& var : binder.vars) {
      t.expr.bound.push_back(declare_var(scope, var, domain.set.sort));
      t.expr.bound_sets.push_back(domain.set);
    }
  }
  Typed body = formula(e.children[0], scope);
  scope.visible.resize(mark);
  t.error = t.error || body.error;
  t.expr.args.push_back(std::move(body.expr));
  return t;
}

Typed Resolver::membership_test(const ast::Expr& e, Scope& scope) {
  Typed element = expr(e.children[0], scope);
  if (e.set.empty()) return error_value(e.span);
  TypedSet domain = set(e.set[0], scope);
  Typed t = node(Op::InSet, Type::Bool, e.span, std::move(element));
  const Expr& member = t.expr.args[0];
  t.expr.set.push_back(domain.set);
  t.error = t.error || domain.error;
  if (!t.error) {
    std::string what = "'" + text_of(e.children[0]) + "'";
    std::string set_text = "'" + text_of(e.set[0].span, "the set") + "'";
    if (member.type != Type::Entity) {
      report(DiagKind::TypeMismatch, e.children[0].span,
             what + " is " + type_phrase(member) + ", but only individuals can belong to a set");
      t.error = true;
    } else if (!compatible(member.sort, domain.set.sort)) {
      report(DiagKind::WrongSort, e.span,
             what + " is " + sort_phrase(member.sort) + ", but the members of " + set_text + " are each " +
                 sort_phrase(domain.set.sort) + ": it can never belong to it");
      t.error = true;
    }
  }
  if (e.kind == ast::ExprKind::NotIn) {
    bool error = t.error;
    t = node(Op::Not, Type::Bool, e.span, std::move(t));
    t.error = error;
  }
  return t;
}

Typed Resolver::arithmetic(const ast::Expr& e, Scope& scope) {
  if (e.kind == ast::ExprKind::Neg) return node(Op::Neg, Type::Int, e.span, number(e.children[0], scope));
  Op op = e.kind == ast::ExprKind::Add ? Op::Add : e.kind == ast::ExprKind::Sub ? Op::Sub : Op::Mul;
  Typed left = number(e.children[0], scope);
  Typed right = number(e.children[1], scope);
  Typed t = node(op, Type::Int, e.span, std::move(left), std::move(right));
  if (op == Op::Mul && !t.error && !constant_value(t.expr.args[0]) && !constant_value(t.expr.args[1])) {
    report(DiagKind::NonLinearArithmetic, e.span,
           "'" + text_of(e) + "' multiplies two numbers that are not constants: only linear arithmetic is supported, "
           "so one side of '*' must be a constant");
    t.error = true;
  }
  return t;
}

}  // namespace tc::sema::detail
