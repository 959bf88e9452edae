// Treaties: attributes and dates, precedence targets, parties, the
// article tree with its labels, clauses and clause references.
#include <algorithm>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

std::size_t count_clauses(const ast::Article& article) {
  std::size_t n = article.clauses.size();
  for (const ast::Article& p : article.paragraphs) n += count_clauses(p);
  return n;
}

Modality modality_of(ast::Modality m) {
  switch (m) {
    case ast::Modality::Obligation: return Modality::Obligation;
    case ast::Modality::Prohibition: return Modality::Prohibition;
    case ast::Modality::Permission: return Modality::Permission;
  }
  return Modality::Obligation;
}

void append_unique(std::vector<ClauseId>& to, const std::vector<ClauseId>& from) {
  for (ClauseId id : from) {
    if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
  }
}

}  // namespace

std::optional<TreatyId> Resolver::resolve_treaty_name(const ast::Ident& name) {
  const Global* g = find_global(name.text);
  if (g != nullptr && g->kind == GlobalKind::Treaty) return g->id;
  if (g == nullptr) {
    std::string best = suggestion(name.text, {GlobalKind::Treaty});
    Diagnostic& d = report(DiagKind::UnknownTreaty, name.span,
                           "unknown treaty '" + name.text + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?"));
    if (const Global* b = best.empty() ? nullptr : find_global(best)) note_declared(d, *b, best);
    return std::nullopt;
  }
  Diagnostic& d = report(DiagKind::UnknownTreaty, name.span,
                         "'" + name.text + "' is " + describe_global(*g) + " '" + name.text + "', not a treaty");
  note_declared(d, *g, name.text);
  return std::nullopt;
}

void Resolver::resolve_treaty_headers() {
  for (TreatyId id = 0; id < world_.treaties.size(); ++id) {
    resolve_treaty_header(id);
    if (parties_state_[id] == PartiesState::NotStarted) resolve_treaty_parties(id);
  }
}

void Resolver::resolve_treaty_header(TreatyId id) {
  const ast::TreatyDecl& decl = *treaty_decls_[id];
  Treaty& treaty = world_.treaties[id];
  // binding / political
  if (decl.kind_spans.size() > 1) {
    std::string first = text_of(decl.kind_spans[0], "");
    for (std::size_t i = 1; i < decl.kind_spans.size(); ++i) {
      std::string word = text_of(decl.kind_spans[i], "");
      bool conflicting = !first.empty() && !word.empty() && word != first;
      Diagnostic& d = conflicting
                          ? report(DiagKind::ConflictingStatus, decl.kind_spans[i],
                                   "a treaty cannot be both binding and political")
                          : report(DiagKind::DuplicateAttribute, decl.kind_spans[i],
                                   "'" + (word.empty() ? std::string("binding") : word) + "' is given twice");
      d.notes.push_back({decl.kind_spans[0], conflicting ? "'" + first + "' given here" : "first given here"});
    }
  }
  treaty.kind = decl.kind == ast::TreatyKind::Political ? TreatyKind::Political : TreatyKind::Binding;
  // dated attributes: each at most once, each a real date
  auto single = [&](const std::vector<ast::DatedAttr>& attrs, const char* word) -> std::optional<DayNumber> {
    if (attrs.size() > 1) {
      Diagnostic& d = report(DiagKind::DuplicateAttribute, attrs[1].span, std::string("'") + word + "' is given twice");
      d.notes.push_back({attrs[0].span, "first given here"});
    }
    std::optional<DayNumber> day;
    for (std::size_t i = 0; i < attrs.size(); ++i) {
      if (!attrs[i].date) continue;
      std::optional<DayNumber> d = check_date(*attrs[i].date);
      if (i == 0) day = d;
    }
    return day;
  };
  treaty.signed_on = single(decl.signed_, "signed");
  treaty.in_force_from = single(decl.in_force, "in force");
  treaty.draft_date = single(decl.draft, "draft");
  treaty.withdrawn_on = single(decl.withdrawn, "withdrawn");
  treaty.suspended_on = single(decl.suspended, "suspended");
  treaty.terminated_on = single(decl.terminated, "terminated");
  treaty.is_draft = !decl.draft.empty();
  if (!decl.draft.empty() && !decl.in_force.empty()) {
    Diagnostic& d = report(DiagKind::ConflictingStatus, decl.draft[0].span,
                           "treaty '" + treaty.name + "' cannot be a draft and in force at once");
    d.notes.push_back({decl.in_force[0].span, "'in force' given here"});
  }
  // Neither date nor draft: most likely a forgotten `in force`. Treating the
  // text as never in force would hide every conflict it has, so it binds.
  treaty.undated = decl.in_force.empty() && decl.draft.empty();
  bool has_clauses = std::any_of(decl.articles.begin(), decl.articles.end(),
                                 [](const ast::Article& a) { return count_clauses(a) > 0; });
  if (treaty.undated && has_clauses) {
    Diagnostic& d = report(DiagKind::UndatedTreaty, decl.name.span,
                           "treaty '" + treaty.name + "' says neither 'in force' nor 'draft': it is checked as in force "
                           "on every date");
    d.notes.push_back({Span{}, "help: write 'in force YYYY-MM-DD' for a treaty in force, or 'draft' for a text not "
                               "yet in force"});
  }
  // an end before the beginning
  auto not_before_force = [&](const std::vector<ast::DatedAttr>& attrs, std::optional<DayNumber> day, const char* word) {
    if (!day || !treaty.in_force_from || *day >= *treaty.in_force_from) return;
    Diagnostic& d = report(DiagKind::DatesOutOfOrder, attrs[0].span,
                           "treaty '" + treaty.name + "' is " + word + " on " + format_day(*day) +
                               ", before it enters into force on " + format_day(*treaty.in_force_from));
    d.notes.push_back({decl.in_force[0].span, "'in force' given here"});
  };
  not_before_force(decl.withdrawn, treaty.withdrawn_on, "withdrawn");
  not_before_force(decl.suspended, treaty.suspended_on, "suspended");
  not_before_force(decl.terminated, treaty.terminated_on, "terminated");
  // precedence
  treaty.prevails_over_all = decl.prevails_over_all;
  for (const ast::Ident& name : decl.prevails_over) {
    std::optional<TreatyId> other = resolve_treaty_name(name);
    if (!other) continue;
    if (*other == id) {
      report(DiagKind::SelfPrecedence, name.span, "treaty '" + treaty.name + "' cannot prevail over itself");
      continue;
    }
    if (std::find(treaty.prevails_over.begin(), treaty.prevails_over.end(), *other) == treaty.prevails_over.end()) {
      treaty.prevails_over.push_back(*other);
    }
  }
  // parties
  if (decl.parties.size() > 1) {
    Span second = decl.parties_spans.size() > 1 ? decl.parties_spans[1] : decl.parties[1].span;
    Span first = decl.parties_spans.empty() ? decl.parties[0].span : decl.parties_spans[0];
    Diagnostic& d = report(DiagKind::DuplicateAttribute, second, "'parties' is given twice");
    d.notes.push_back({first, "first given here"});
  }
  std::size_t clauses = 0;
  for (const ast::Article& a : decl.articles) clauses += count_clauses(a);
  if (decl.parties.empty() && clauses > 0) {
    report(DiagKind::MissingParties, decl.name.span,
           "treaty '" + treaty.name + "' has clauses but declares no parties: add 'parties: ...' before its articles");
  }
}

void Resolver::resolve_treaty_parties(TreatyId id) {
  parties_state_[id] = PartiesState::InProgress;
  const ast::TreatyDecl& decl = *treaty_decls_[id];
  if (!decl.parties.empty()) {
    Scope scope;
    scope.variables = &world_.treaties[id].variables;
    scope.treaty = id;
    scope.in_parties_attribute = true;
    TypedSet parties = set(decl.parties[0], scope);
    world_.treaties[id].parties = std::move(parties.set);
  }
  parties_state_[id] = PartiesState::Done;
}

void Resolver::build_articles() {
  labels_.resize(world_.treaties.size());
  for (TreatyId id = 0; id < world_.treaties.size(); ++id) {
    std::vector<PendingClause> pending;
    for (const ast::Article& article : treaty_decls_[id]->articles) build_article(id, article, std::nullopt, pending);
    // Clause ids follow source order inside the treaty.
    std::stable_sort(pending.begin(), pending.end(), [](const PendingClause& a, const PendingClause& b) {
      return a.clause->span.begin < b.clause->span.begin;
    });
    for (const PendingClause& p : pending) {
      ClauseId cid = static_cast<ClauseId>(world_.clauses.size());
      Clause clause;
      clause.treaty = id;
      clause.article = p.article;
      clause.index_in_article = p.index;
      clause.span = p.clause->span;
      clause.modality_span = p.clause->modality_span;
      world_.clauses.push_back(std::move(clause));
      clause_decls_.push_back(p.clause);
      world_.treaties[id].clauses.push_back(cid);
      world_.articles[p.article].own_clauses[p.index] = cid;
      for (std::optional<ArticleId> a = p.article; a; a = world_.articles[*a].parent) {
        world_.articles[*a].clauses.push_back(cid);
      }
    }
  }
}

void Resolver::build_article(TreatyId treaty, const ast::Article& article, std::optional<ArticleId> parent,
                             std::vector<PendingClause>& pending) {
  ArticleId id = static_cast<ArticleId>(world_.articles.size());
  Article out;
  out.treaty = treaty;
  out.label = article.label.text;
  out.title = article.title;
  out.wording = article.wording;
  out.paraphrase = article.paraphrase;
  out.parent = parent;
  out.is_paragraph = article.is_paragraph || parent.has_value();
  out.span = article.span;
  out.own_clauses.resize(article.clauses.size());
  world_.articles.push_back(std::move(out));
  article_label_spans_.push_back(article.label.span.empty() ? article.span : article.label.span);
  world_.treaties[treaty].articles.push_back(id);
  auto [it, inserted] = labels_[treaty].emplace(article.label.text, id);
  if (!inserted) {
    Diagnostic& d = report(DiagKind::DuplicateArticleLabel, article_label_spans_[id],
                           "treaty '" + world_.treaties[treaty].name + "' already has an article '" + article.label.text + "'");
    d.notes.push_back({article_label_spans_[it->second], "first article '" + article.label.text + "' is here"});
  }
  for (std::size_t i = 0; i < article.clauses.size(); ++i) {
    pending.push_back(PendingClause{id, static_cast<std::uint32_t>(i), &article.clauses[i]});
  }
  for (const ast::Article& paragraph : article.paragraphs) build_article(treaty, paragraph, id, pending);
}

std::optional<std::vector<ClauseId>> Resolver::resolve_ref(const ast::ClauseRef& ref) {
  std::optional<TreatyId> treaty = resolve_treaty_name(ref.treaty);
  if (!treaty) return std::nullopt;
  const auto& labels = labels_[*treaty];
  auto it = labels.find(ref.article.text);
  if (it != labels.end()) return world_.articles[it->second].clauses;
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& [label, article] : labels) {
    std::size_t distance = edit_distance(ref.article.text, label);
    if (distance < best_distance && distance < std::max(ref.article.text.size(), label.size())) {
      best = label;
      best_distance = distance;
    }
  }
  Span span = ref.article.span.empty() ? ref.span : ref.article.span;
  const std::string& name = world_.treaties[*treaty].name;
  Diagnostic& d = report(DiagKind::UnknownClause, span,
                         "treaty '" + name + "' has no article '" + ref.article.text + "'" +
                             (best.empty() ? "" : "; did you mean '" + best + "'?"));
  if (!best.empty()) d.notes.push_back({article_label_spans_[labels.at(best)], "article '" + best + "' is here"});
  else note_declared(d, globals_.at(name), name);
  return std::nullopt;
}

std::optional<Expr> Resolver::resolve_bearer(const ast::Expr& e, Scope& scope, bool entity_only) {
  auto party_sort = [](SortId s) { return s == kStateSort || s == kInstitutionSort || s == kPartySort; };
  if (e.kind != ast::ExprKind::Name) {
    report(DiagKind::InvalidBearer, e.span,
           "'" + text_of(e) + "' cannot bear a norm: the bearer must be a state, an institution" +
               (entity_only ? std::string() : " or a variable bound by 'for each'"));
    return std::nullopt;
  }
  Span span = e.name_span.empty() ? e.span : e.name_span;
  Expr out;
  out.type = Type::Entity;
  out.span = e.span;
  if (auto var = entity_only ? std::nullopt : find_var(scope, e.name)) {
    out.op = Op::Var;
    out.id = *var;
    out.sort = (*scope.variables)[*var].sort;
    if (!party_sort(out.sort)) {
      Diagnostic& d = report(DiagKind::InvalidBearer, span,
                             "the bearer '" + e.name + "' is " + sort_phrase(out.sort) +
                                 ": only states and institutions can bear norms");
      note_expr(d, out, &scope);
      return std::nullopt;
    }
    return out;
  }
  const Global* g = find_global(e.name);
  if (g == nullptr) {
    std::string best = suggestion(e.name, {GlobalKind::Entity}, entity_only ? nullptr : &scope);
    Diagnostic& d = report(DiagKind::UnboundBearer, span,
                           "the bearer '" + e.name + "' is " +
                               (entity_only ? std::string("not a declared state or institution")
                                            : "neither a declared state or institution nor a variable bound by 'for each'") +
                               (best.empty() ? "" : "; did you mean '" + best + "'?"));
    if (const Global* b = best.empty() ? nullptr : find_global(best)) note_declared(d, *b, best);
    return std::nullopt;
  }
  if (g->kind == GlobalKind::Entity && party_sort(world_.entities[g->id].sort)) {
    out.op = Op::Entity;
    out.id = g->id;
    out.sort = world_.entities[g->id].sort;
    return out;
  }
  Diagnostic& d = report(DiagKind::InvalidBearer, span,
                         "the bearer '" + e.name + "' is " + describe_global(*g) + " '" + e.name +
                             "': only states and institutions can bear norms");
  note_declared(d, *g, e.name);
  return std::nullopt;
}

void Resolver::resolve_clauses() {
  for (ClauseId id = 0; id < world_.clauses.size(); ++id) resolve_clause(id);
}

void Resolver::resolve_clause(ClauseId id) {
  const ast::Clause& a = *clause_decls_[id];
  Clause& c = world_.clauses[id];
  c.modality = modality_of(a.modality);
  Scope scope;
  scope.variables = &c.variables;
  scope.treaty = c.treaty;
  for (const ast::Binder& binder : a.binders) {
    if (binder.set.empty()) continue;
    TypedSet domain = set(binder.set[0], scope);
    for (const ast::Ident& var : binder.vars) c.bindings.push_back(Binding{declare_var(scope, var, domain.set.sort), domain.set});
  }
  if (a.where) c.where = formula(*a.where, scope).expr;
  for (const ast::Condition& condition : a.conditions) {
    c.conditions.push_back(Condition{condition.kind == ast::ConditionKind::Unless, formula(condition.formula, scope).expr});
  }
  if (std::optional<Expr> bearer = resolve_bearer(a.bearer, scope, false)) c.bearer = std::move(*bearer);
  Typed content = formula(a.content, scope);
  check_norm_content(content, a.content.span);
  c.content = std::move(content.expr);
  auto refs = [&](const std::vector<ast::ClauseRef>& written, std::vector<ClauseId>& out, const char* self_message) {
    for (const ast::ClauseRef& ref : written) {
      std::optional<std::vector<ClauseId>> ids = resolve_ref(ref);
      if (!ids) continue;
      if (self_message != nullptr && std::find(ids->begin(), ids->end(), id) != ids->end()) {
        Diagnostic& d = report(DiagKind::SelfPrecedence, ref.span,
                               std::string(self_message) + " '" + ref.treaty.text + "." + ref.article.text +
                                   "', which contains it");
        ArticleId article = labels_[c.treaty].at(ref.article.text);
        d.notes.push_back({article_label_spans_[article], "article '" + ref.article.text + "' is here"});
        continue;
      }
      append_unique(out, *ids);
    }
  };
  refs(a.reparation_of, c.reparation_of, nullptr);
  refs(a.specialises, c.specialises, "a clause cannot specialise its own article");
  refs(a.without_prejudice_to, c.without_prejudice_to, "a clause cannot be without prejudice to its own article");
}

}  // namespace tc::sema::detail
