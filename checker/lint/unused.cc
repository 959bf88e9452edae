// TC2304: declarations nothing refers to. A walk over the resolved world;
// no solver.
#include <set>

#include "lint/unused.h"

namespace tc::lint {
namespace {

struct Uses {
  std::set<sema::AtomId> atoms;
  std::set<sema::DefinitionId> definitions;
  std::set<sema::SortId> sorts;
  std::set<sema::EntityId> entities;
};

void walk(const sema::Set& s, Uses& uses);

void walk(const sema::Expr& e, Uses& uses) {
  switch (e.op) {
    case sema::Op::Atom: uses.atoms.insert(e.id); break;
    case sema::Op::Definition: uses.definitions.insert(e.id); break;
    case sema::Op::Entity: uses.entities.insert(e.id); break;
    default: break;
  }
  if (e.type == sema::Type::Entity) uses.sorts.insert(e.sort);
  for (const sema::Expr& a : e.args) walk(a, uses);
  for (const sema::Set& s : e.bound_sets) walk(s, uses);
  for (const sema::Set& s : e.set) walk(s, uses);
}

void walk(const sema::Set& s, Uses& uses) {
  switch (s.op) {
    case sema::SetOp::AllOfSort: uses.sorts.insert(s.sort); break;
    case sema::SetOp::MembersOf: uses.entities.insert(s.entity); break;
    case sema::SetOp::List: uses.entities.insert(s.entities.begin(), s.entities.end()); break;
    default: break;
  }
  for (const sema::Set& c : s.children) walk(c, uses);
  for (const sema::Expr& f : s.filter) walk(f, uses);
}

void walk(const std::vector<sema::Variable>& variables, Uses& uses) {
  for (const sema::Variable& v : variables) uses.sorts.insert(v.sort);
}

Uses collect(const sema::World& world) {
  Uses uses;
  for (const sema::Atom& a : world.atoms) uses.sorts.insert(a.params.begin(), a.params.end());
  for (const sema::Definition& d : world.definitions) {
    walk(d.variables, uses);
    for (const auto& r : d.readings) walk(r.body, uses);
  }
  for (const sema::Axiom& a : world.axioms) {
    walk(a.variables, uses);
    for (const sema::Binding& b : a.bindings) walk(b.domain, uses);
    if (a.where) walk(*a.where, uses);
    walk(a.body, uses);
  }
  for (const sema::Treaty& t : world.treaties) {
    if (t.parties) walk(*t.parties, uses);
  }
  for (const sema::Clause& c : world.clauses) {
    walk(c.variables, uses);
    for (const sema::Binding& b : c.bindings) walk(b.domain, uses);
    if (c.where) walk(*c.where, uses);
    for (const sema::Condition& k : c.conditions) walk(k.formula, uses);
    walk(c.bearer, uses);
    walk(c.content, uses);
  }
  for (const sema::Expectation& e : world.expectations) {
    if (e.bearer) walk(*e.bearer, uses);
    if (e.content) walk(*e.content, uses);
  }
  for (const sema::Scenario& s : world.scenarios) {
    for (const sema::Expr& f : s.facts) walk(f, uses);
  }
  return uses;
}

bool in_root(const sema::World& world, Span span) {
  for (FileId f : world.root_files)
    if (f == span.file) return true;
  return false;
}

void report(Diagnostics& out, Span span, const std::string& what, const std::string& help) {
  Diagnostic& d = out.report(DiagKind::UnusedDeclaration, span, what + " is declared but never used");
  d.notes.push_back({Span{}, "help: " + help});
}

}  // namespace

void lint_unused(const sema::World& world, Diagnostics& out) {
  Uses uses = collect(world);
  for (sema::AtomId a = 0; a < world.atoms.size(); ++a) {
    const sema::Atom& atom = world.atoms[a];
    if (uses.atoms.count(a) || !in_root(world, atom.span)) continue;
    std::string kind = atom.is_quantity ? "quantity" : atom.is_conduct ? "conduct" : "circumstance";
    report(out, atom.span, kind + " '" + atom.name + "'",
           "remove it, or use it in a clause, an axiom or a scenario");
  }
  for (sema::DefinitionId d = 0; d < world.definitions.size(); ++d) {
    const sema::Definition& def = world.definitions[d];
    if (uses.definitions.count(d) || !in_root(world, def.span)) continue;
    report(out, def.span, std::string(def.readings.size() > 1 ? "term" : "definition") + " '" + def.name + "'",
           "remove it, or use it in a clause, an axiom or another definition");
  }
  for (sema::SortId s = sema::kFirstUserSort; s < world.sorts.size(); ++s) {
    const sema::Sort& sort = world.sorts[s];
    if (uses.sorts.count(s) || !in_root(world, sort.span)) continue;
    report(out, sort.span, "sort '" + sort.name + "'", "remove it, or use it as the sort of a parameter or variable");
  }
  for (sema::EntityId e = 0; e < world.entities.size(); ++e) {
    const sema::Entity& entity = world.entities[e];
    if (entity.sort != sema::kInstitutionSort || uses.entities.count(e) || !in_root(world, entity.span)) continue;
    report(out, entity.span, "institution '" + entity.name + "'",
           "remove it (and its membership block), or refer to it with `members of " + entity.name + "`");
  }
}

}  // namespace tc::lint
