// Pass 1-3: the global namespace, atom and definition signatures, and
// memberships with their dates.
#include <algorithm>
#include <functional>
#include <tuple>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool Resolver::declare(const std::string& name, Span name_span, Global global) {
  auto [it, inserted] = globals_.emplace(name, global);
  if (inserted) return true;
  const Global& first = it->second;
  if (first.span.empty()) {
    report(DiagKind::DuplicateDeclaration, name_span, "'" + name + "' is the name of a built-in sort");
    return false;
  }
  Diagnostic& d = report(DiagKind::DuplicateDeclaration, name_span,
                         "'" + name + "' is already declared as " + describe_global(first) + " '" + name + "'");
  d.notes.push_back({first.span, "first declared here"});
  return false;
}

EntityId Resolver::add_entity(const ast::Individual& individual, SortId sort) {
  EntityId id = static_cast<EntityId>(world_.entities.size());
  if (!declare(individual.name.text, individual.name.span, Global{GlobalKind::Entity, id, individual.name.span})) {
    return id;
  }
  world_.entities.push_back(
      Entity{individual.name.text, individual.display.value_or(individual.name.text), sort, individual.span});
  world_.entity_by_name[individual.name.text] = id;
  world_.sorts[sort].members.push_back(id);
  if (sort == kStateSort || sort == kInstitutionSort) world_.sorts[kPartySort].members.push_back(id);
  return id;
}

void Resolver::declare_all() {
  for (const char* builtin : {"state", "institution", "party"}) {
    SortId id = static_cast<SortId>(world_.sorts.size());
    world_.sorts.push_back(Sort{builtin, {}, {}});
    world_.sort_by_name[builtin] = id;
    globals_[builtin] = Global{GlobalKind::Sort, id, {}};
  }
  // Declarations are registered in corpus order (imports before their
  // importers) and, inside a file, in source order, so "first declared"
  // means first in reading order.
  struct Pending {
    std::size_t file_order;
    std::uint32_t begin;
    std::size_t sequence;
    std::function<void()> action;
  };
  std::vector<Pending> pending;
  for (std::size_t f = 0; f < corpus_.files.size(); ++f) {
    const ast::File& file = corpus_.files[f];
    auto add = [&](Span span, std::function<void()> action) {
      pending.push_back({f, span.begin, pending.size(), std::move(action)});
    };
    for (const ast::IndividualsDecl& decl : file.states) {
      add(decl.span, [this, &decl] {
        for (const ast::Individual& i : decl.individuals) add_entity(i, kStateSort);
      });
    }
    for (const ast::IndividualsDecl& decl : file.institutions) {
      add(decl.span, [this, &decl] {
        for (const ast::Individual& i : decl.individuals) add_entity(i, kInstitutionSort);
      });
    }
    for (const ast::SortDecl& decl : file.sorts) {
      add(decl.span, [this, &decl] {
        SortId id = static_cast<SortId>(world_.sorts.size());
        world_.sorts.push_back(Sort{decl.name.text, {}, decl.span});
        if (declare(decl.name.text, decl.name.span, Global{GlobalKind::Sort, id, decl.name.span})) {
          world_.sort_by_name[decl.name.text] = id;
        }
        for (const ast::Individual& i : decl.individuals) add_entity(i, id);
      });
    }
    for (const ast::AtomDecl& decl : file.atoms) {
      add(decl.span, [this, &decl] {
        AtomId id = static_cast<AtomId>(world_.atoms.size());
        if (!declare(decl.name.text, decl.name.span, Global{GlobalKind::Atom, id, decl.name.span})) return;
        Atom atom;
        atom.name = decl.name.text;
        atom.is_conduct = decl.kind == ast::AtomKind::Conduct;
        atom.is_quantity = decl.is_quantity;
        atom.description = decl.description;
        atom.span = decl.span;
        atom.bounds_span = decl.bounds_span.empty() ? decl.name.span : decl.bounds_span;
        world_.atoms.push_back(std::move(atom));
        world_.atom_by_name[decl.name.text] = id;
        atom_decls_.push_back(&decl);
      });
    }
    auto add_definition = [this](const ast::Ident& name, Span span, DefinitionSource source) {
      DefinitionId id = static_cast<DefinitionId>(world_.definitions.size());
      if (!declare(name.text, name.span, Global{GlobalKind::Definition, id, name.span})) return;
      Definition definition;
      definition.name = name.text;
      definition.span = span;
      world_.definitions.push_back(std::move(definition));
      world_.definition_by_name[name.text] = id;
      source.name_span = name.span;
      definition_decls_.push_back(source);
    };
    for (const ast::DefinitionDecl& decl : file.definitions) {
      add(decl.span, [&decl, add_definition] { add_definition(decl.name, decl.span, DefinitionSource{&decl, nullptr, {}}); });
    }
    for (const ast::TermDecl& decl : file.terms) {
      add(decl.span, [&decl, add_definition] { add_definition(decl.name, decl.span, DefinitionSource{nullptr, &decl, {}}); });
    }
    for (const ast::TreatyDecl& decl : file.treaties) {
      add(decl.span, [this, &decl, &file] {
        TreatyId id = static_cast<TreatyId>(world_.treaties.size());
        if (!declare(decl.name.text, decl.name.span, Global{GlobalKind::Treaty, id, decl.name.span})) return;
        Treaty treaty;
        treaty.name = decl.name.text;
        treaty.title = decl.title;
        treaty.span = decl.span;
        treaty.in_root_file =
            std::find(corpus_.roots.begin(), corpus_.roots.end(), file.file) != corpus_.roots.end();
        world_.treaties.push_back(std::move(treaty));
        world_.treaty_by_name[decl.name.text] = id;
        treaty_decls_.push_back(&decl);
        parties_state_.push_back(PartiesState::NotStarted);
      });
    }
  }
  std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.file_order, a.begin, a.sequence) < std::tie(b.file_order, b.begin, b.sequence);
  });
  for (Pending& p : pending) p.action();
}

std::optional<SortId> Resolver::resolve_sort_ref(const ast::Ident& sort) {
  const Global* g = find_global(sort.text);
  if (g != nullptr && g->kind == GlobalKind::Sort) return g->id;
  if (g == nullptr) {
    std::string best = suggestion(sort.text, {GlobalKind::Sort});
    if (best.empty() && edit_distance(sort.text, "party") <= 2 && sort.text.size() > 2) best = "party";
    Diagnostic& d = report(DiagKind::UndeclaredName, sort.span,
                           "undeclared sort '" + sort.text + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?"));
    if (const Global* b = best.empty() ? nullptr : find_global(best)) note_declared(d, *b, best);
    return std::nullopt;
  }
  Diagnostic& d = report(DiagKind::WrongSort, sort.span,
                         "'" + sort.text + "' is " + describe_global(*g) + " '" + sort.text +
                             "', not a sort: use state, institution, party or a declared sort");
  note_declared(d, *g, sort.text);
  return std::nullopt;
}

std::vector<SortId> Resolver::resolve_params(const std::vector<ast::Param>& params, std::vector<std::string>* names,
                                             std::vector<Variable>* variables) {
  std::vector<SortId> sorts;
  Scope scope;
  scope.variables = variables;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const ast::Param& param = params[i];
    SortId sort = resolve_sort_ref(param.sort).value_or(kPartySort);
    sorts.push_back(sort);
    if (names != nullptr) names->push_back(param.name.text);
    auto earlier = std::find_if(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(i),
                                [&](const ast::Param& p) { return p.name.text == param.name.text; });
    bool duplicate = earlier != params.begin() + static_cast<std::ptrdiff_t>(i);
    if (duplicate) {
      Diagnostic& d = report(DiagKind::DuplicateDeclaration, param.name.span,
                             "parameter '" + param.name.text + "' is declared twice");
      d.notes.push_back({earlier->name.span, "first declared here"});
    }
    if (variables == nullptr) continue;
    if (duplicate) {
      variables->push_back(Variable{param.name.text, sort, param.name.span});
      scope.visible.push_back(static_cast<VarId>(variables->size() - 1));
    } else {
      declare_var(scope, param.name, sort);
    }
  }
  return sorts;
}

void Resolver::resolve_atom_signature(AtomId id) {
  const ast::AtomDecl& decl = *atom_decls_[id];
  Atom& atom = world_.atoms[id];
  atom.params = resolve_params(decl.params, &atom.param_names, nullptr);
  bool has_bounds = decl.lower.has_value() || decl.upper.has_value();
  if (!atom.is_quantity) {
    if (has_bounds) {
      report(DiagKind::InvalidBounds, atom.bounds_span,
             "'" + atom.name + "' has bounds but is not a quantity: declare it as a quantity, or drop the bounds");
    }
    return;
  }
  if (!decl.lower || !decl.upper) {
    report(DiagKind::InvalidBounds, decl.name.span,
           "quantity '" + atom.name + "' needs bounds: in LOW .. HIGH");
    return;
  }
  atom.lower = *decl.lower;
  atom.upper = *decl.upper;
  if (atom.lower > atom.upper) {
    report(DiagKind::InvalidBounds, atom.bounds_span,
           "quantity '" + atom.name + "' has lower bound " + std::to_string(atom.lower) + " above its upper bound " +
               std::to_string(atom.upper));
  }
  if (magnitude_of(atom.lower) > kMaxMagnitude || magnitude_of(atom.upper) > kMaxMagnitude) {
    report(DiagKind::NumberTooLarge, atom.bounds_span,
           "the bounds of quantity '" + atom.name + "' go beyond the supported range (magnitudes up to 2^62 = " +
               std::to_string(kMaxMagnitude) + ")");
  }
}

void Resolver::resolve_signatures() {
  for (AtomId id = 0; id < world_.atoms.size(); ++id) resolve_atom_signature(id);
  for (DefinitionId id = 0; id < world_.definitions.size(); ++id) {
    const DefinitionSource& source = definition_decls_[id];
    const auto& params = source.define != nullptr ? source.define->params : source.term->params;
    Definition& definition = world_.definitions[id];
    resolve_params(params, nullptr, &definition.variables);
    definition.param_count = params.size();
  }
}

std::optional<DayNumber> Resolver::check_date(const ast::Date& date) {
  if (is_valid_date(date)) return day_number(date);
  std::string text = date.to_string();
  std::string reason;
  if (date.year < 1) {
    reason = "there is no year 0";
  } else if (date.month < 1 || date.month > 12) {
    reason = "there is no month " + std::to_string(date.month);
  } else if (date.day < 1) {
    reason = "there is no day 0";
  } else {
    int last = 28;
    while (is_valid_date(ast::Date{date.year, date.month, last + 1, {}})) ++last;
    reason = std::string(kMonths[date.month - 1]) + " " + std::to_string(date.year) + " has " + std::to_string(last) + " days";
  }
  report(DiagKind::InvalidDate, date.span, "'" + text + "' is not a date: " + reason);
  return std::nullopt;
}

void Resolver::resolve_memberships() {
  for (const ast::File& file : corpus_.files) {
    for (const ast::MembershipDecl& decl : file.memberships) {
      std::optional<EntityId> institution;
      const Global* g = find_global(decl.institution.text);
      if (g == nullptr) {
        undeclared(decl.institution.text, decl.institution.span, {GlobalKind::Entity}, nullptr);
      } else if (g->kind == GlobalKind::Entity && world_.entities[g->id].sort == kInstitutionSort) {
        institution = g->id;
      } else {
        Diagnostic& d = report(DiagKind::NotAnInstitution, decl.institution.span,
                               "'" + decl.institution.text + "' is " + describe_global(*g) + " '" +
                                   decl.institution.text + "', not an institution: only institutions have members");
        note_declared(d, *g, decl.institution.text);
      }
      for (const ast::MembershipEntry& entry : decl.entries) {
        std::optional<DayNumber> since = entry.since ? check_date(*entry.since) : std::nullopt;
        std::optional<DayNumber> until = entry.until ? check_date(*entry.until) : std::nullopt;
        if (since && until && *until <= *since) {
          Diagnostic& d = report(DiagKind::DatesOutOfOrder, entry.until->span,
                                 "membership ends on " + format_day(*until) + ", which is not after it starts on " +
                                     format_day(*since));
          d.notes.push_back({entry.since->span, "it starts here"});
        }
        for (const ast::Ident& member : entry.members) {
          const Global* m = find_global(member.text);
          if (m == nullptr) {
            undeclared(member.text, member.span, {GlobalKind::Entity}, nullptr);
            continue;
          }
          SortId sort = m->kind == GlobalKind::Entity ? world_.entities[m->id].sort : kFirstUserSort;
          if (m->kind != GlobalKind::Entity || (sort != kStateSort && sort != kInstitutionSort)) {
            Diagnostic& d = report(DiagKind::WrongSort, member.span,
                                   "members of an institution must be states or institutions, but '" + member.text +
                                       "' is " + describe_global(*m) + " '" + member.text + "'");
            note_declared(d, *m, member.text);
            continue;
          }
          if (!institution) continue;
          world_.memberships.push_back(Membership{*institution, m->id, entry.since ? since : std::nullopt,
                                                  entry.until ? until : std::nullopt, entry.span});
          auto [it, inserted] = members_sort_.emplace(*institution, sort);
          if (!inserted) it->second = join(it->second, sort).value_or(kPartySort);
        }
      }
    }
  }
}

}  // namespace tc::sema::detail
