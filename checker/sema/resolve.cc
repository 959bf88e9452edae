// The semantic stage's entry point, the pass order, and the lookup and
// message helpers every pass shares.
#include "sema/resolve.h"

#include <algorithm>
#include <cctype>

#include "sema/resolver.h"

namespace tc::sema {

std::optional<World> resolve(const ast::Corpus& corpus, const SourceSet& sources, Diagnostics& diagnostics) {
  return detail::Resolver(corpus, sources, diagnostics).run();
}

namespace detail {

Resolver::Resolver(const ast::Corpus& corpus, const SourceSet& sources, Diagnostics& diagnostics)
    : corpus_(corpus), sources_(sources), diagnostics_(diagnostics) {}

std::optional<World> Resolver::run() {
  std::size_t errors_before = diagnostics_.error_count();
  world_.root_files = corpus_.roots;
  declare_all();
  check_confusable_names();
  resolve_signatures();
  resolve_memberships();
  resolve_treaty_headers();
  build_articles();
  resolve_definitions();
  check_recursion();
  compute_mentions_conduct();
  resolve_axioms();
  resolve_clauses();
  resolve_expectations_and_scenarios();
  if (diagnostics_.error_count() > errors_before) return std::nullopt;
  return std::move(world_);
}

Diagnostic& Resolver::report(DiagKind kind, Span span, std::string message) {
  return diagnostics_.report(kind, span, std::move(message));
}

const Global* Resolver::find_global(const std::string& name) const {
  auto it = globals_.find(name);
  return it == globals_.end() ? nullptr : &it->second;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions,
  // so "Frnace" is one step from "France".
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string Resolver::suggestion(const std::string& name, std::initializer_list<GlobalKind> kinds,
                                 const Scope* scope) const {
  // Closest candidate within distance 2, scaled down for short names (one
  // edit per three characters, so 'EST' does not suggest 'NAT' and 'p'
  // never suggests 'q'); ties go to the alphabetically first, so output
  // is deterministic.
  std::string best;
  std::size_t best_distance = 3;
  std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, (name.size() + 2) / 3));
  auto consider = [&](const std::string& candidate) {
    if (candidate == name) return;
    std::size_t distance = edit_distance(name, candidate);
    if (distance > limit || distance >= name.size() || distance >= candidate.size()) return;
    if (distance < best_distance || (distance == best_distance && candidate < best)) {
      best = candidate;
      best_distance = distance;
    }
  };
  for (const auto& [candidate, global] : globals_) {
    if (std::find(kinds.begin(), kinds.end(), global.kind) != kinds.end() && !global.span.empty()) consider(candidate);
  }
  if (scope != nullptr) {
    for (VarId id : scope->visible) consider((*scope->variables)[id].name);
  }
  return best;
}

void Resolver::undeclared(const std::string& name, Span span, std::initializer_list<GlobalKind> kinds,
                          const Scope* scope) {
  std::string best = suggestion(name, kinds, scope);
  if (best.empty()) {
    report(DiagKind::UndeclaredName, span, "undeclared name '" + name + "'");
    return;
  }
  Diagnostic& d = report(DiagKind::UndeclaredName, span, "undeclared name '" + name + "'; did you mean '" + best + "'?");
  if (const Global* g = find_global(best)) note_declared(d, *g, best);
}

std::string Resolver::sort_phrase(SortId sort) const {
  switch (sort) {
    case kStateSort: return "a state";
    case kInstitutionSort: return "an institution";
    case kPartySort: return "a party (a state or an institution)";
    default: break;
  }
  const std::string& name = world_.sorts.at(sort).name;
  bool vowel = !name.empty() && std::string("aeiouAEIOU").find(name[0]) != std::string::npos;
  return std::string(vowel ? "an " : "a ") + name;
}

std::string Resolver::type_phrase(const Expr& e) const {
  switch (e.type) {
    case Type::Bool: return "a truth value";
    case Type::Int: return "a number";
    case Type::Entity: return sort_phrase(e.sort);
  }
  return "a value";
}

std::string Resolver::describe_global(const Global& global) const {
  switch (global.kind) {
    case GlobalKind::Sort: return global.span.empty() ? "the built-in sort" : "the sort";
    case GlobalKind::Entity: {
      SortId sort = world_.entities[global.id].sort;
      if (sort == kStateSort) return "the state";
      if (sort == kInstitutionSort) return "the institution";
      return "the " + world_.sorts[sort].name;
    }
    case GlobalKind::Atom: {
      const Atom& atom = world_.atoms[global.id];
      if (atom.is_quantity) return atom.is_conduct ? "the quantity" : "the circumstance quantity";
      return atom.is_conduct ? "the conduct" : "the circumstance";
    }
    case GlobalKind::Definition:
      return definition_decls_[global.id].term != nullptr ? "the term" : "the definition";
    case GlobalKind::Treaty: return "the treaty";
  }
  return "the name";
}

void Resolver::note_declared(Diagnostic& d, const Global& global, const std::string& name) const {
  if (global.span.empty()) return;
  d.notes.push_back({global.span, "'" + name + "' is declared here"});
}

void Resolver::note_expr(Diagnostic& d, const Expr& e, const Scope* scope) const {
  std::string name;
  switch (e.op) {
    case Op::Var:
      if (scope != nullptr && e.id < scope->variables->size()) {
        const Variable& v = (*scope->variables)[e.id];
        d.notes.push_back({v.span, "'" + v.name + "' is declared here"});
      }
      return;
    case Op::Entity: name = world_.entities[e.id].name; break;
    case Op::Atom: name = world_.atoms[e.id].name; break;
    case Op::Definition: name = world_.definitions[e.id].name; break;
    default: return;
  }
  if (const Global* g = find_global(name)) note_declared(d, *g, name);
}

std::string Resolver::text_of(Span span, const std::string& fallback) const {
  if (span.file == 0 || span.file >= sources_.size() || span.end <= span.begin) return fallback;
  const std::string& text = sources_.file(span.file).text();
  if (span.end > text.size()) return fallback;
  std::string out;
  bool space = false;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  constexpr std::size_t kMax = 60;
  if (out.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    out = out.substr(0, cut) + "...";
  }
  return out;
}

std::string Resolver::text_of(const ast::Expr& e) const {
  std::string fallback;
  switch (e.kind) {
    case ast::ExprKind::Name: fallback = e.name; break;
    case ast::ExprKind::Int: fallback = std::to_string(e.value); break;
    case ast::ExprKind::Call: {
      fallback = e.name + "(";
      for (std::size_t i = 0; i < e.children.size(); ++i) fallback += (i ? ", " : "") + text_of(e.children[i]);
      fallback += ")";
      break;
    }
    case ast::ExprKind::Neg:
      fallback = "-" + (e.children.empty() ? std::string() : text_of(e.children[0]));
      break;
    default: fallback = "this expression"; break;
  }
  return text_of(e.span, fallback);
}

}  // namespace detail
}  // namespace tc::sema
