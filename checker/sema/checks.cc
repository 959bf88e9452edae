// Definitions and their readings, recursion, conduct versus circumstance,
// axioms, expectations and scenarios.
#include <algorithm>
#include <set>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

ExpectKind expect_kind(ast::ExpectKind k) {
  switch (k) {
    case ast::ExpectKind::Conflict: return ExpectKind::Conflict;
    case ast::ExpectKind::NoConflict: return ExpectKind::NoConflict;
    case ast::ExpectKind::PermissionConflict: return ExpectKind::PermissionConflict;
    case ast::ExpectKind::Consistent: return ExpectKind::Consistent;
    case ast::ExpectKind::Count: return ExpectKind::Count;
    case ast::ExpectKind::Norm: return ExpectKind::Norm;
  }
  return ExpectKind::Consistent;
}

CountKind count_kind(ast::CountKind k) {
  switch (k) {
    case ast::CountKind::Conflicts: return CountKind::Conflicts;
    case ast::CountKind::PermissionConflicts: return CountKind::PermissionConflicts;
    case ast::CountKind::Findings: return CountKind::Findings;
  }
  return CountKind::Conflicts;
}

Modality modality_of(ast::Modality m) {
  switch (m) {
    case ast::Modality::Obligation: return Modality::Obligation;
    case ast::Modality::Prohibition: return Modality::Prohibition;
    case ast::Modality::Permission: return Modality::Permission;
  }
  return Modality::Obligation;
}

}  // namespace

void Resolver::resolve_definitions() {
  definition_refs_.resize(world_.definitions.size());
  for (DefinitionId id = 0; id < world_.definitions.size(); ++id) resolve_definition(id);
}

void Resolver::resolve_definition(DefinitionId id) {
  const DefinitionSource& source = definition_decls_[id];
  Definition& definition = world_.definitions[id];
  Scope scope;
  scope.variables = &definition.variables;
  auto body_of = [&](const ast::Expr& body) {
    scope.visible.clear();
    for (VarId v = 0; v < definition.param_count; ++v) scope.visible.push_back(v);
    return formula(body, scope).expr;
  };
  if (source.define != nullptr) {
    definition.description = source.define->description;
    definition.readings.push_back(
        Definition::Reading{"", std::nullopt, std::nullopt, body_of(source.define->body), source.define->span});
  } else {
    const ast::TermDecl& term = *source.term;
    std::vector<std::size_t> defaults;
    for (std::size_t i = 0; i < term.readings.size(); ++i) {
      const ast::Reading& r = term.readings[i];
      for (std::size_t j = 0; j < i; ++j) {
        if (term.readings[j].name.text != r.name.text) continue;
        Diagnostic& d = report(DiagKind::DuplicateDeclaration, r.name.span,
                               "term '" + term.name.text + "' already has a reading '" + r.name.text + "'");
        d.notes.push_back({term.readings[j].name.span, "first declared here"});
        break;
      }
      if (r.is_default) defaults.push_back(i);
      definition.readings.push_back(Definition::Reading{r.name.text, r.explanation, r.source, body_of(r.body), r.span});
    }
    const std::string& name = term.name.text;
    if (defaults.size() == 1) {
      definition.default_reading = defaults[0];
    } else if (term.readings.empty()) {
      report(DiagKind::DefaultReading, term.name.span, "term '" + name + "' has no reading");
    } else if (defaults.empty() && term.readings.size() == 1) {
      definition.default_reading = 0;
    } else if (defaults.empty()) {
      Diagnostic& d = report(DiagKind::DefaultReading, term.name.span,
                             "term '" + name + "' has " + std::to_string(term.readings.size()) +
                                 " readings but none is marked 'default'");
      for (const ast::Reading& r : term.readings) d.notes.push_back({r.name.span, "reading '" + r.name.text + "'"});
    } else {
      Diagnostic& d = report(DiagKind::DefaultReading, term.readings[defaults[1]].name.span,
                             "term '" + name + "' marks " + std::to_string(defaults.size()) +
                                 " readings as 'default'; exactly one must be");
      for (std::size_t i : defaults) {
        d.notes.push_back({term.readings[i].name.span, "reading '" + term.readings[i].name.text + "' is marked 'default'"});
      }
      definition.default_reading = defaults[0];
    }
  }
  auto& refs = definition_refs_[id];
  for (const Definition::Reading& reading : definition.readings) {
    visit(reading.body, [&](const Expr& e) {
      if (e.op != Op::Definition) return;
      bool known = std::any_of(refs.begin(), refs.end(), [&](const auto& r) { return r.first == e.id; });
      if (!known) refs.emplace_back(e.id, e.span);
    });
  }
}

void Resolver::check_recursion() {
  std::size_t n = world_.definitions.size();
  std::vector<int> color(n, 0);  // 0 unvisited, 1 on the path, 2 done
  std::vector<DefinitionId> path;
  std::vector<bool> reported(n, false);
  auto dfs = [&](auto&& self, DefinitionId u) -> void {
    color[u] = 1;
    path.push_back(u);
    for (const auto& [v, span] : definition_refs_[u]) {
      if (color[v] == 0) {
        self(self, v);
      } else if (color[v] == 1) {
        auto start = std::find(path.begin(), path.end(), v);
        std::vector<DefinitionId> cycle(start, path.end());
        if (std::any_of(cycle.begin(), cycle.end(), [&](DefinitionId d) { return reported[d]; })) continue;
        std::string chain;
        for (DefinitionId d : cycle) chain += "'" + world_.definitions[d].name + "' -> ";
        chain += "'" + world_.definitions[v].name + "'";
        Diagnostic& d = report(DiagKind::RecursiveDefinition, span,
                               "definition '" + world_.definitions[v].name + "' refers to itself" +
                                   (cycle.size() > 1 ? " (" + chain + ")" : std::string()) +
                                   ": a definition must be expandable to a formula without it");
        for (DefinitionId c : cycle) {
          reported[c] = true;
          d.notes.push_back({definition_decls_[c].name_span, "'" + world_.definitions[c].name + "' is declared here"});
        }
      }
    }
    path.pop_back();
    color[u] = 2;
  };
  for (DefinitionId id = 0; id < n; ++id) {
    if (color[id] == 0) dfs(dfs, id);
  }
}

void Resolver::compute_mentions_conduct() {
  for (Definition& definition : world_.definitions) {
    for (const Definition::Reading& reading : definition.readings) {
      visit(reading.body, [&](const Expr& e) {
        if (e.op == Op::Atom && world_.atoms[e.id].is_conduct) definition.mentions_conduct = true;
      });
    }
  }
  // Through other definitions, to a fixed point (terminates on cycles too).
  for (bool changed = true; changed;) {
    changed = false;
    for (DefinitionId id = 0; id < world_.definitions.size(); ++id) {
      Definition& definition = world_.definitions[id];
      if (definition.mentions_conduct) continue;
      for (const auto& ref : definition_refs_[id]) {
        if (world_.definitions[ref.first].mentions_conduct) {
          definition.mentions_conduct = true;
          changed = true;
          break;
        }
      }
    }
  }
}

std::optional<Resolver::Mention> Resolver::conduct_in(const Expr& root) const {
  std::optional<Mention> found;
  visit(root, [&](const Expr& e) {
    if (found) return;
    if (e.op == Op::Atom && world_.atoms[e.id].is_conduct) {
      found = Mention{"'" + world_.atoms[e.id].name + "' is conduct", world_.atoms[e.id].name};
    }
    if (e.op == Op::Definition && world_.definitions[e.id].mentions_conduct) {
      found = Mention{"'" + world_.definitions[e.id].name + "' mentions conduct", world_.definitions[e.id].name};
    }
  });
  return found;
}

std::optional<Resolver::Mention> Resolver::circumstance_in(const Expr& root) const {
  std::optional<Mention> found;
  visit(root, [&](const Expr& e) {
    if (found) return;
    if (e.op == Op::Atom && !world_.atoms[e.id].is_conduct) {
      found = Mention{"'" + world_.atoms[e.id].name + "' is a circumstance", world_.atoms[e.id].name};
    }
    if (e.op == Op::Definition && !world_.definitions[e.id].mentions_conduct) {
      found = Mention{"'" + world_.definitions[e.id].name + "' is defined by circumstances only",
                      world_.definitions[e.id].name};
    }
  });
  return found;
}

void Resolver::check_norm_content(const Typed& content, Span span) {
  if (content.error || conduct_in(content.expr)) return;
  std::optional<Mention> circumstance = circumstance_in(content.expr);
  Diagnostic& d = report(DiagKind::CircumstanceAsConduct, span,
                         "the content of a norm must say what the bearer does: " +
                             (circumstance ? circumstance->phrase : std::string("it mentions no conduct")));
  if (circumstance) note_declared(d, globals_.at(circumstance->name), circumstance->name);
}

void Resolver::resolve_axioms() {
  for (const ast::File& file : corpus_.files) {
    for (const ast::AxiomDecl& decl : file.axioms) {
      Axiom axiom;
      axiom.title = decl.title;
      axiom.span = decl.span;
      Scope scope;
      scope.variables = &axiom.variables;
      for (const ast::Binder& binder : decl.binders) {
        if (binder.set.empty()) continue;
        TypedSet domain = set(binder.set[0], scope);
        for (const ast::Ident& var : binder.vars) {
          axiom.bindings.push_back(Binding{declare_var(scope, var, domain.set.sort), domain.set});
        }
      }
      if (decl.where) axiom.where = formula(*decl.where, scope).expr;
      axiom.body = formula(decl.body, scope).expr;
      axiom.mentions_conduct = conduct_in(axiom.body).has_value() || (axiom.where && conduct_in(*axiom.where));
      world_.axioms.push_back(std::move(axiom));
    }
  }
}

void Resolver::resolve_expectations_and_scenarios() {
  for (const ast::File& file : corpus_.files) {
    for (const ast::Expectation& e : file.expectations) resolve_expectation(e, std::nullopt);
    for (const ast::Scenario& s : file.scenarios) resolve_scenario(s);
  }
}

std::uint32_t Resolver::resolve_expectation(const ast::Expectation& e, std::optional<std::uint32_t> scenario) {
  Expectation x;
  x.kind = expect_kind(e.kind);
  x.span = e.span;
  x.scenario = scenario;
  x.count = e.count;
  x.count_kind = count_kind(e.count_kind);
  x.modality = modality_of(e.modality);
  for (const ast::ClauseRef& ref : e.clauses) {
    x.clause_groups.push_back(resolve_ref(ref).value_or(std::vector<ClauseId>{}));
    x.clause_group_labels.push_back(ref.treaty.text + "." + ref.article.text);
    x.clause_group_spans.push_back(ref.span);
  }
  for (const ast::Ident& name : e.without) {
    if (std::optional<TreatyId> t = resolve_treaty_name(name)) x.without.push_back(*t);
  }
  if (x.kind == ExpectKind::Norm && e.bearer && e.content) {
    Scope scope;
    scope.variables = &x.variables;
    x.bearer = resolve_bearer(*e.bearer, scope, true);
    Typed content = formula(*e.content, scope);
    check_norm_content(content, e.content->span);
    x.content = std::move(content.expr);
  }
  std::uint32_t id = static_cast<std::uint32_t>(world_.expectations.size());
  world_.expectations.push_back(std::move(x));
  return id;
}

void Resolver::resolve_scenario(const ast::Scenario& s) {
  auto [it, inserted] = scenario_names_.emplace(s.name, s.name_span);
  if (!inserted) {
    Diagnostic& d = report(DiagKind::DuplicateScenario, s.name_span.empty() ? s.span : s.name_span,
                           "there is already a scenario named '" + s.name + "'");
    d.notes.push_back({it->second, "first declared here"});
  }
  std::uint32_t index = static_cast<std::uint32_t>(world_.scenarios.size());
  Scenario scenario;
  scenario.name = s.name;
  scenario.span = s.span;
  scenario.name_span = s.name_span;
  Scope scope;
  scope.variables = &scenario.variables;
  for (const ast::Expr& fact : s.facts) {
    Typed t = formula(fact, scope);
    if (!t.error) {
      if (std::optional<Mention> conduct = conduct_in(t.expr)) {
        Diagnostic& d = report(DiagKind::ConductAsCircumstance, fact.span,
                               "a scenario states only circumstances, what no treaty controls, but " + conduct->phrase +
                                   ": what parties do is for the checker to find");
        note_declared(d, globals_.at(conduct->name), conduct->name);
      }
    }
    scenario.facts.push_back(std::move(t.expr));
  }
  world_.scenarios.push_back(std::move(scenario));
  for (const ast::Expectation& e : s.expectations) {
    std::uint32_t id = resolve_expectation(e, index);
    world_.scenarios[index].expectations.push_back(id);
  }
}

}  // namespace tc::sema::detail
