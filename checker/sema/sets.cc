// Sets of individuals (parties, members, sorts, lists, set builders) and
// the variables that quantifiers and set builders introduce.
#include <algorithm>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

TypedSet make_set(SetOp op, SortId sort, Span span) {
  TypedSet t;
  t.set.op = op;
  t.set.sort = sort;
  t.set.span = span;
  return t;
}

TypedSet error_set(Span span) {
  TypedSet t = make_set(SetOp::List, kStateSort, span);
  t.error = true;
  return t;
}

bool is_party_sort(SortId sort) { return sort == kStateSort || sort == kInstitutionSort || sort == kPartySort; }

}  // namespace

std::optional<SortId> Resolver::join(SortId a, SortId b) const {
  if (a == b) return a;
  if (is_party_sort(a) && is_party_sort(b)) return kPartySort;
  return std::nullopt;
}

std::optional<VarId> Resolver::find_var(const Scope& scope, const std::string& name) const {
  for (auto it = scope.visible.rbegin(); it != scope.visible.rend(); ++it) {
    if ((*scope.variables)[*it].name == name) return *it;
  }
  return std::nullopt;
}

VarId Resolver::declare_var(Scope& scope, const ast::Ident& name, SortId sort) {
  if (auto hidden = find_var(scope, name.text)) {
    Diagnostic& d = report(DiagKind::ShadowedVariable, name.span,
                           "variable '" + name.text + "' hides another variable of the same name");
    d.notes.push_back({(*scope.variables)[*hidden].span, "the hidden variable is declared here"});
  } else if (const Global* g = find_global(name.text)) {
    Diagnostic& d = report(DiagKind::ShadowedVariable, name.span,
                           "variable '" + name.text + "' hides " + describe_global(*g) + " '" + name.text +
                               "': inside its scope the name means the variable");
    note_declared(d, *g, name.text);
  }
  VarId id = static_cast<VarId>(scope.variables->size());
  scope.variables->push_back(Variable{name.text, sort, name.span});
  scope.visible.push_back(id);
  return id;
}

TypedSet Resolver::set(const ast::SetExpr& s, Scope& scope) {
  switch (s.kind) {
    case ast::SetKind::MembersOf: return members_set(s, scope);
    case ast::SetKind::Parties: return parties_set(s, scope);
    case ast::SetKind::States: return make_set(SetOp::AllOfSort, kStateSort, s.span);
    case ast::SetKind::Institutions: return make_set(SetOp::AllOfSort, kInstitutionSort, s.span);
    case ast::SetKind::List: return list_set(s);
    case ast::SetKind::Builder: return builder_set(s, scope);
    case ast::SetKind::Named: return named_set(s, scope);
    case ast::SetKind::Union:
    case ast::SetKind::Minus:
    case ast::SetKind::Intersect: {
      if (s.children.size() < 2) return error_set(s.span);
      TypedSet left = set(s.children[0], scope);
      TypedSet right = set(s.children[1], scope);
      SetOp op = s.kind == ast::SetKind::Union ? SetOp::Union
                 : s.kind == ast::SetKind::Minus ? SetOp::Minus
                                                 : SetOp::Intersect;
      std::optional<SortId> sort = join(left.set.sort, right.set.sort);
      TypedSet t = make_set(op, sort.value_or(left.set.sort), s.span);
      t.error = left.error || right.error;
      if (!t.error && !sort) {
        report(DiagKind::WrongSort, s.span,
               "cannot combine '" + text_of(s.children[0].span, "the left set") + "' (each " +
                   sort_phrase(left.set.sort) + ") with '" + text_of(s.children[1].span, "the right set") + "' (each " +
                   sort_phrase(right.set.sort) + ")");
        t.error = true;
      }
      t.set.children.push_back(std::move(left.set));
      t.set.children.push_back(std::move(right.set));
      return t;
    }
  }
  return error_set(s.span);
}

TypedSet Resolver::members_set(const ast::SetExpr& s, const Scope& scope) {
  if (find_var(scope, s.name.text)) {
    report(DiagKind::NotAnInstitution, s.name.span,
           "'" + s.name.text + "' is a variable: 'members of' needs a declared institution, such as 'members of NATO'");
    return error_set(s.span);
  }
  const Global* g = find_global(s.name.text);
  if (g == nullptr) {
    undeclared(s.name.text, s.name.span, {GlobalKind::Entity}, nullptr);
    return error_set(s.span);
  }
  if (g->kind != GlobalKind::Entity || world_.entities[g->id].sort != kInstitutionSort) {
    Diagnostic& d = report(DiagKind::NotAnInstitution, s.name.span,
                           "'" + s.name.text + "' is " + describe_global(*g) + " '" + s.name.text +
                               "', not an institution: only institutions have members");
    note_declared(d, *g, s.name.text);
    return error_set(s.span);
  }
  // The element sort follows the membership data: states only, institutions
  // only, or parties when both occur (states for an institution without members).
  auto it = members_sort_.find(g->id);
  TypedSet t = make_set(SetOp::MembersOf, it == members_sort_.end() ? kStateSort : it->second, s.span);
  t.set.entity = g->id;
  return t;
}

TypedSet Resolver::parties_set(const ast::SetExpr& s, Scope& scope) {
  if (s.name.text.empty()) {
    if (!scope.treaty || scope.in_parties_attribute) {
      report(DiagKind::UndeclaredName, s.span,
             "'parties' refers to the parties of the enclosing treaty, and there is none here" +
                 std::string(scope.in_parties_attribute ? ": a treaty's parties cannot be defined by themselves"
                                                        : ": write 'parties of T'"));
      return error_set(s.span);
    }
    TypedSet t = make_set(SetOp::PartiesOf, parties_sort(*scope.treaty, s.span), s.span);
    t.set.treaty = *scope.treaty;
    return t;
  }
  std::optional<TreatyId> treaty = resolve_treaty_name(s.name);
  if (!treaty) return error_set(s.span);
  TypedSet t = make_set(SetOp::PartiesOf, parties_sort(*treaty, s.span), s.span);
  t.set.treaty = *treaty;
  return t;
}

TypedSet Resolver::list_set(const ast::SetExpr& s) {
  TypedSet t = make_set(SetOp::List, kStateSort, s.span);
  std::optional<SortId> sort;
  std::string first_name;
  for (const ast::Ident& name : s.names) {
    const Global* g = find_global(name.text);
    if (g == nullptr) {
      undeclared(name.text, name.span, {GlobalKind::Entity}, nullptr);
      t.error = true;
      continue;
    }
    if (g->kind != GlobalKind::Entity) {
      Diagnostic& d = report(DiagKind::WrongSort, name.span,
                             "'" + name.text + "' is " + describe_global(*g) + " '" + name.text +
                                 "': a set lists states, institutions or other individuals");
      note_declared(d, *g, name.text);
      t.error = true;
      continue;
    }
    SortId entity_sort = world_.entities[g->id].sort;
    if (!sort) {
      sort = entity_sort;
      first_name = name.text;
    } else if (auto joined = join(*sort, entity_sort)) {
      sort = joined;
    } else {
      report(DiagKind::WrongSort, name.span,
             "a set cannot mix '" + first_name + "' (" + sort_phrase(*sort) + ") and '" + name.text + "' (" +
                 sort_phrase(entity_sort) + ")");
      t.error = true;
      continue;
    }
    if (std::find(t.set.entities.begin(), t.set.entities.end(), g->id) == t.set.entities.end()) {
      t.set.entities.push_back(g->id);
    }
  }
  t.set.sort = sort.value_or(kStateSort);
  return t;
}

TypedSet Resolver::builder_set(const ast::SetExpr& s, Scope& scope) {
  if (s.children.empty() || s.formula.empty()) return error_set(s.span);
  TypedSet domain = set(s.children[0], scope);
  TypedSet t = make_set(SetOp::Builder, domain.set.sort, s.span);
  std::size_t mark = scope.visible.size();
  t.set.var = declare_var(scope, s.name, domain.set.sort);
  Typed filter = formula(s.formula[0], scope);
  scope.visible.resize(mark);
  t.error = domain.error || filter.error;
  t.set.children.push_back(std::move(domain.set));
  t.set.filter.push_back(std::move(filter.expr));
  return t;
}

TypedSet Resolver::named_set(const ast::SetExpr& s, Scope& scope) {
  const std::string& name = s.name.text;
  if (find_var(scope, name)) {
    report(DiagKind::TypeMismatch, s.name.span,
           "'" + name + "' is a variable, not a set: write '{" + name + "}' for the set holding only it");
    return error_set(s.span);
  }
  const Global* g = find_global(name);
  if (g == nullptr) {
    undeclared(name, s.name.span, {GlobalKind::Sort, GlobalKind::Entity}, &scope);
    return error_set(s.span);
  }
  if (g->kind == GlobalKind::Sort) {
    TypedSet t = make_set(SetOp::AllOfSort, g->id, s.span);
    return t;
  }
  if (g->kind == GlobalKind::Entity) {
    TypedSet t = make_set(SetOp::List, world_.entities[g->id].sort, s.span);
    t.set.entities.push_back(g->id);
    return t;
  }
  Diagnostic& d = report(DiagKind::TypeMismatch, s.name.span,
                         "'" + name + "' is " + describe_global(*g) + " '" + name + "', not a set");
  note_declared(d, *g, name);
  return error_set(s.span);
}

SortId Resolver::parties_sort(TreatyId treaty, Span use) {
  switch (parties_state_[treaty]) {
    case PartiesState::NotStarted: resolve_treaty_parties(treaty); break;
    case PartiesState::InProgress: {
      Diagnostic& d = report(DiagKind::RecursiveDefinition, use,
                             "the parties of '" + world_.treaties[treaty].name + "' are defined through themselves");
      d.notes.push_back({globals_.at(world_.treaties[treaty].name).span,
                         "'" + world_.treaties[treaty].name + "' is declared here"});
      return kPartySort;
    }
    case PartiesState::Done: break;
  }
  const Treaty& t = world_.treaties[treaty];
  return t.parties ? t.parties->sort : kPartySort;
}

}  // namespace tc::sema::detail
