// Parse tree -> AST: declarations, treaties, articles, clauses,
// expectations, scenarios. Expressions are in build_expr.cc.
#include <charconv>

#include "syntax/builder.h"

namespace tc::syntax {
namespace {

template <typename T>
bool is(antlr4::ParserRuleContext* ctx) {
  return dynamic_cast<T*>(ctx) != nullptr;
}
bool whole(antlr4::ParserRuleContext*) { return false; }
/// The header of an article (label, title, text) without its body.
bool article_body(antlr4::ParserRuleContext* ctx) { return is<P::ArticleBodyContext>(ctx); }

/// Runs `build` for one unit of the tree; a unit with a syntax error, or
/// one the builder finds incomplete, is left out.
template <typename Skip, typename Build>
void unit(antlr4::ParserRuleContext* ctx, Skip skip, Build build) {
  if (ctx == nullptr || has_error(ctx, skip)) return;
  try {
    build();
  } catch (const Incomplete&) {
  }
}

}  // namespace

ast::File build_file(P::FileContext* tree, const TokenSpans& spans, std::string_view text, Diagnostics& diagnostics) {
  ast::File out;
  out.file = spans.file();
  if (tree == nullptr) return out;
  Builder builder(spans, text, diagnostics);
  for (P::ItemContext* item : tree->item()) builder.item(item, out);
  return out;
}

void Builder::item(P::ItemContext* ctx, ast::File& out) {
  if (auto* c = ctx->treatyDecl()) {
    unit(ctx, is<P::TreatyMemberContext>, [&] { out.treaties.push_back(treaty(c)); });
  } else if (auto* c = ctx->membershipDecl()) {
    unit(ctx, is<P::MembershipEntryContext>, [&] { out.memberships.push_back(membership(c)); });
  } else if (auto* c = ctx->termDecl()) {
    unit(ctx, is<P::ReadingContext>, [&] { out.terms.push_back(term_decl(c)); });
  } else if (auto* c = ctx->scenarioDecl()) {
    unit(ctx, is<P::ScenarioItemContext>, [&] { out.scenarios.push_back(scenario(c)); });
  } else if (auto* c = ctx->importDecl()) {
    unit(ctx, whole, [&] { out.imports.push_back({string(c->STRING()), span(c->STRING())}); });
  } else if (auto* c = ctx->stateDecl()) {
    unit(ctx, whole, [&] { out.states.push_back(individuals(c, c->individual())); });
  } else if (auto* c = ctx->institutionDecl()) {
    unit(ctx, whole, [&] { out.institutions.push_back(individuals(c, c->individual())); });
  } else if (auto* c = ctx->sortDecl()) {
    unit(ctx, whole, [&] { out.sorts.push_back(sort(c)); });
  } else if (auto* c = ctx->atomDecl()) {
    unit(ctx, whole, [&] { out.atoms.push_back(atom(c)); });
  } else if (auto* c = ctx->definitionDecl()) {
    unit(ctx, whole, [&] { out.definitions.push_back(definition(c)); });
  } else if (auto* c = ctx->axiomDecl()) {
    unit(ctx, whole, [&] { out.axioms.push_back(axiom(c)); });
  } else if (auto* c = ctx->expectDecl()) {
    unit(ctx, whole, [&] { out.expectations.push_back(expectation(c)); });
  }
}

ast::IndividualsDecl Builder::individuals(antlr4::ParserRuleContext* ctx,
                                          const std::vector<P::IndividualContext*>& list) {
  ast::IndividualsDecl out;
  for (P::IndividualContext* c : list) {
    ast::Individual individual{ident(c->name), std::nullopt, span(c)};
    if (c->display != nullptr) individual.display = string(c->display);
    out.individuals.push_back(std::move(individual));
  }
  out.span = span(ctx);
  return out;
}

ast::SortDecl Builder::sort(P::SortDeclContext* ctx) {
  ast::SortDecl out;
  out.name = ident(ctx->name);
  out.individuals = individuals(ctx, ctx->individual()).individuals;
  out.span = span(ctx);
  return out;
}

ast::MembershipDecl Builder::membership(P::MembershipDeclContext* ctx) {
  ast::MembershipDecl out;
  out.institution = ident(ctx->inst);
  for (P::MembershipEntryContext* c : ctx->membershipEntry()) {
    unit(c, whole, [&] {
      ast::MembershipEntry entry;
      for (antlr4::tree::TerminalNode* member : c->ID()) entry.members.push_back(ident(member));
      if (c->since != nullptr) entry.since = date(c->since);
      if (c->until != nullptr) entry.until = date(c->until);
      entry.span = span(c);
      out.entries.push_back(std::move(entry));
    });
  }
  out.span = span(ctx);
  return out;
}

std::vector<ast::Param> Builder::params(P::ParamListContext* ctx) {
  std::vector<ast::Param> out;
  if (ctx == nullptr) return out;
  for (P::ParamContext* c : ctx->param()) {
    P::SortRefContext* sort = need(c->sortRef());
    out.push_back({ident(c->name), ident(need(sort->start))});
  }
  return out;
}

ast::AtomDecl Builder::atom(P::AtomDeclContext* ctx) {
  ast::AtomDecl out;
  P::AtomKindContext* kind = need(ctx->atomKind());
  // `quantity x` and `conduct quantity x` are conduct; `circumstance quantity x` is a circumstance.
  out.kind = kind->CIRCUMSTANCE() != nullptr ? ast::AtomKind::Circumstance : ast::AtomKind::Conduct;
  out.is_quantity = kind->QUANTITY() != nullptr || ctx->QUANTITY() != nullptr;
  out.name = ident(ctx->name);
  out.params = params(ctx->paramList());
  if (ctx->lo != nullptr && ctx->hi != nullptr) {
    auto bound = [&](P::SignedIntContext* c) {
      return integer(need(c->INT())->getSymbol(), c->DASH() != nullptr);
    };
    out.lower = bound(ctx->lo);
    out.upper = bound(ctx->hi);
    out.bounds_span = TokenSpans::join(span(ctx->IN()), span(ctx->hi));
  }
  if (ctx->describe() != nullptr) out.description = string(ctx->describe()->STRING());
  out.span = span(ctx);
  return out;
}

ast::DefinitionDecl Builder::definition(P::DefinitionDeclContext* ctx) {
  ast::DefinitionDecl out;
  out.name = ident(ctx->name);
  out.params = params(ctx->paramList());
  out.body = formula(ctx->formula());
  if (ctx->describe() != nullptr) out.description = string(ctx->describe()->STRING());
  out.span = span(ctx);
  return out;
}

ast::TermDecl Builder::term_decl(P::TermDeclContext* ctx) {
  ast::TermDecl out;
  out.name = ident(ctx->name);
  out.params = params(ctx->paramList());
  for (P::ReadingContext* c : ctx->reading()) {
    unit(c, whole, [&] {
      ast::Reading reading;
      reading.name = ident(c->name);
      reading.is_default = c->DEFAULT() != nullptr;
      if (c->explanation != nullptr) reading.explanation = string(c->explanation);
      if (c->source != nullptr) reading.source = string(c->source);
      reading.body = formula(c->formula());
      reading.span = span(c);
      out.readings.push_back(std::move(reading));
    });
  }
  out.span = span(ctx);
  return out;
}

ast::AxiomDecl Builder::axiom(P::AxiomDeclContext* ctx) {
  ast::AxiomDecl out;
  if (ctx->title != nullptr) out.title = string(ctx->title);
  if (P::QuantifierPrefixContext* q = ctx->quantifierPrefix()) {
    out.binders = binders(q->binder());
    if (q->formula() != nullptr) out.where = formula(q->formula());
  }
  out.body = formula(ctx->formula());
  out.span = span(ctx);
  return out;
}

ast::TreatyDecl Builder::treaty(P::TreatyDeclContext* ctx) {
  ast::TreatyDecl out;
  out.name = ident(ctx->name);
  if (ctx->title != nullptr) out.title = string(ctx->title);
  for (P::TreatyAttrContext* c : ctx->treatyAttr()) treaty_attr(c, out);
  for (P::TreatyMemberContext* c : ctx->treatyMember()) {
    unit(c, article_body, [&] { out.articles.push_back(article(need(c->articleDecl()), nullptr)); });
  }
  out.span = span(ctx);
  return out;
}

void Builder::treaty_attr(P::TreatyAttrContext* ctx, ast::TreatyDecl& out) {
  Span at = span(ctx);
  auto dated = [&](antlr4::tree::TerminalNode* date_node) {
    ast::DatedAttr attr;
    if (date_node != nullptr) attr.date = date(date_node->getSymbol());
    attr.span = at;
    return attr;
  };
  auto set_kind = [&](ast::TreatyKind kind) {
    if (out.kind == ast::TreatyKind::Unspecified) out.kind = kind;  // the first one written; sema reports the rest
    out.kind_spans.push_back(at);
  };
  if (is<P::AttrBindingContext>(ctx)) {
    set_kind(ast::TreatyKind::Binding);
  } else if (is<P::AttrPoliticalContext>(ctx)) {
    set_kind(ast::TreatyKind::Political);
  } else if (auto* c = dynamic_cast<P::AttrSignedContext*>(ctx)) {
    out.signed_.push_back(dated(need(c->DATE())));
  } else if (auto* c = dynamic_cast<P::AttrInForceContext*>(ctx)) {
    out.in_force.push_back(dated(need(c->DATE())));
  } else if (auto* c = dynamic_cast<P::AttrDraftContext*>(ctx)) {
    out.draft.push_back(dated(c->DATE()));
  } else if (auto* c = dynamic_cast<P::AttrWithdrawnContext*>(ctx)) {
    out.withdrawn.push_back(dated(need(c->DATE())));
  } else if (auto* c = dynamic_cast<P::AttrSuspendedContext*>(ctx)) {
    out.suspended.push_back(dated(need(c->DATE())));
  } else if (auto* c = dynamic_cast<P::AttrTerminatedContext*>(ctx)) {
    out.terminated.push_back(dated(need(c->DATE())));
  } else if (auto* c = dynamic_cast<P::AttrPartiesContext*>(ctx)) {
    out.parties.push_back(set(c->setExpr()));
    out.parties_spans.push_back(at);
  } else if (auto* c = dynamic_cast<P::AttrPrevailsContext*>(ctx)) {
    if (c->ALL() != nullptr) out.prevails_over_all = true;
    for (antlr4::tree::TerminalNode* name : c->ID()) out.prevails_over.push_back(ident(name));
    if (out.prevails_span == Span{}) out.prevails_span = at;
  } else {
    throw Incomplete{};
  }
}

ast::Article Builder::article(antlr4::ParserRuleContext* ctx, const ast::Label* parent) {
  // Articles and paragraphs have the same shape.
  auto fill = [&](auto* c, bool is_paragraph) {
    ast::Article out;
    out.is_paragraph = is_paragraph;
    out.own_label = label(c->articleLabel());
    out.label = out.own_label;
    // Nested in article 2, label 1 becomes "2(1)"; a label written in full ("2(1)") stays.
    if (parent != nullptr && out.own_label.text.rfind(parent->text + "(", 0) != 0) {
      out.label.text = parent->text + "(" + out.own_label.text + ")";
    }
    if (c->title != nullptr) out.title = string(c->title);
    for (P::TextAttrContext* text : c->textAttr()) {
      std::optional<std::string>& slot = text->WORDING() != nullptr ? out.wording : out.paraphrase;
      if (!slot) slot = string(text->STRING());
    }
    for (P::ArticleBodyContext* body : c->articleBody()) {
      if (P::ClauseContext* clause_ctx = body->clause()) {
        unit(body, whole, [&] { out.clauses.push_back(clause(clause_ctx)); });
      } else if (P::ArticleDeclContext* nested = body->articleDecl()) {
        unit(body, article_body, [&] { out.paragraphs.push_back(article(nested, &out.label)); });
      } else if (P::ParagraphDeclContext* paragraph = body->paragraphDecl()) {
        unit(body, article_body, [&] { out.paragraphs.push_back(article(paragraph, &out.label)); });
      }
    }
    out.span = span(c);
    return out;
  };
  if (auto* c = dynamic_cast<P::ArticleDeclContext*>(ctx)) return fill(c, false);
  if (auto* c = dynamic_cast<P::ParagraphDeclContext*>(ctx)) return fill(c, true);
  throw Incomplete{};
}

ast::Label Builder::label(P::ArticleLabelContext* ctx) {
  need(ctx);
  ast::Label out;
  out.span = span(ctx);
  if (ctx->STRING() != nullptr) {
    out.text = string(ctx->STRING());
  } else if (ctx->ID() != nullptr) {
    out.text = ctx->ID()->getText();
  } else {
    out.text = need(ctx->INT())->getText();
    for (P::LabelPartContext* part : ctx->labelPart()) out.text += "(" + need(part->start)->getText() + ")";
  }
  return out;
}

ast::ClauseRef Builder::clause_ref(P::ClauseRefContext* ctx) {
  need(ctx);
  return {ident(ctx->treaty), label(ctx->articleLabel()), span(ctx)};
}

ast::Modality Builder::modality(P::ModalityContext* ctx) {
  if (is<P::ModProhibitionContext>(need(ctx))) return ast::Modality::Prohibition;
  if (is<P::ModObligationContext>(ctx)) return ast::Modality::Obligation;
  if (is<P::ModPermissionContext>(ctx)) return ast::Modality::Permission;
  throw Incomplete{};
}

ast::Clause Builder::clause(P::ClauseContext* ctx) {
  ast::Clause out;
  auto attribute = [&](P::ClauseAttrContext* c) {
    if (auto* a = dynamic_cast<P::AttrReparationContext*>(need(c))) out.reparation_of.push_back(clause_ref(a->clauseRef()));
    else if (auto* a = dynamic_cast<P::AttrSpecialisesContext*>(c)) out.specialises.push_back(clause_ref(a->clauseRef()));
    else if (auto* a = dynamic_cast<P::AttrWithoutPrejudiceContext*>(c)) out.without_prejudice_to.push_back(clause_ref(a->clauseRef()));
    else throw Incomplete{};
  };
  for (P::ClauseAttrContext* c : ctx->clauseAttr()) attribute(c);
  if (P::QuantifierPrefixContext* q = ctx->quantifierPrefix()) {
    out.binders = binders(q->binder());
    if (q->formula() != nullptr) out.where = formula(q->formula());
  }
  for (P::ConditionContext* c : ctx->condition()) {
    ast::Condition condition;
    if (auto* when = dynamic_cast<P::WhenConditionContext*>(c)) {
      condition.formula = formula(when->formula());
    } else if (auto* unless = dynamic_cast<P::UnlessConditionContext*>(c)) {
      condition.kind = ast::ConditionKind::Unless;
      condition.formula = formula(unless->formula());
    } else {
      throw Incomplete{};
    }
    condition.span = span(c);
    out.conditions.push_back(std::move(condition));
  }
  out.bearer = term(ctx->bearer);
  out.modality = modality(ctx->modality());
  out.modality_span = span(ctx->modality());
  out.content = formula(ctx->formula());
  for (P::ClauseSuffixContext* c : ctx->clauseSuffix()) attribute(need(c)->clauseAttr());
  out.span = span(ctx);
  return out;
}

ast::Expectation Builder::expectation(P::ExpectDeclContext* ctx) {
  ast::Expectation out;
  P::ExpectationContext* e = need(ctx->expectation());
  auto refs = [&](const std::vector<P::ClauseRefContext*>& list) {
    for (P::ClauseRefContext* c : list) out.clauses.push_back(clause_ref(c));
  };
  if (auto* c = dynamic_cast<P::ExpConflictContext*>(e)) {
    out.kind = ast::ExpectKind::Conflict;
    refs(c->clauseRef());
  } else if (auto* c = dynamic_cast<P::ExpNoConflictContext*>(e)) {
    out.kind = ast::ExpectKind::NoConflict;
    refs(c->clauseRef());
  } else if (auto* c = dynamic_cast<P::ExpPermConflictContext*>(e)) {
    out.kind = ast::ExpectKind::PermissionConflict;
    refs(c->clauseRef());
  } else if (auto* c = dynamic_cast<P::ExpConsistentContext*>(e)) {
    out.kind = ast::ExpectKind::Consistent;
    for (antlr4::tree::TerminalNode* name : c->ID()) out.without.push_back(ident(name));
  } else if (auto* c = dynamic_cast<P::ExpCountContext*>(e)) {
    out.kind = ast::ExpectKind::Count;
    out.count = integer(need(c->count));
    P::FindingKindContext* kind = need(c->findingKind());
    if (kind->PERMISSION() != nullptr) out.count_kind = ast::CountKind::PermissionConflicts;
    else if (kind->FINDING() != nullptr || kind->FINDINGS() != nullptr) out.count_kind = ast::CountKind::Findings;
    else out.count_kind = ast::CountKind::Conflicts;
  } else if (auto* c = dynamic_cast<P::ExpNormContext*>(e)) {
    out.kind = ast::ExpectKind::Norm;
    out.bearer = term(c->bearer);
    out.modality = modality(c->modality());
    out.content = formula(c->formula());
  } else {
    throw Incomplete{};
  }
  out.span = span(ctx);
  return out;
}

ast::Scenario Builder::scenario(P::ScenarioDeclContext* ctx) {
  ast::Scenario out;
  out.name = string(ctx->name);
  out.name_span = span(ctx->name);
  for (P::ScenarioItemContext* item : ctx->scenarioItem()) {
    unit(item, whole, [&] {
      if (auto* fact = dynamic_cast<P::ScenFactContext*>(item)) out.facts.push_back(formula(fact->formula()));
      else if (auto* expect = dynamic_cast<P::ScenExpectContext*>(item)) out.expectations.push_back(expectation(expect->expectDecl()));
      else throw Incomplete{};
    });
  }
  out.span = span(ctx);
  return out;
}

// ---------------------------------------------------------------- tokens

ast::Ident Builder::ident(antlr4::Token* token) {
  Span at = span(need(token));
  return {std::string(text_.substr(at.begin, at.end - at.begin)), at};
}

ast::Date Builder::date(antlr4::Token* token) {
  ast::Date out;
  out.span = span(need(token));
  std::string_view text = text_.substr(out.span.begin, out.span.end - out.span.begin);
  if (text.size() != 10) throw Incomplete{};
  std::from_chars(text.data(), text.data() + 4, out.year);
  std::from_chars(text.data() + 5, text.data() + 7, out.month);
  std::from_chars(text.data() + 8, text.data() + 10, out.day);
  return out;
}

std::string Builder::string(antlr4::Token* token) {
  Span at = span(need(token));
  std::string_view text = text_.substr(at.begin, at.end - at.begin);
  std::string out;
  // Skips the opening quote; stops at the closing one (absent when the
  // string was unterminated, which the lexer reported).
  for (std::size_t i = 1; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char next = text[++i];
    switch (next) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      default: out += '\\'; out += next; break;  // unknown escape, already reported
    }
  }
  return out;
}

std::int64_t Builder::integer(antlr4::Token* token, bool negative) {
  Span at = span(need(token));
  std::string_view text = text_.substr(at.begin, at.end - at.begin);
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(INT64_MAX);
  const std::uint64_t limit = negative ? kMax + 1 : kMax;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c == '_') continue;
    std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (limit - digit) / 10) {
      diagnostics_.report(DiagKind::IntegerTooLarge, at,
                          "integer " + std::string(negative ? "-" : "") + std::string(text) +
                              " does not fit in 64 bits (the largest is 9223372036854775807)");
      return 0;
    }
    value = value * 10 + digit;
  }
  if (negative) return value == kMax + 1 ? INT64_MIN : -static_cast<std::int64_t>(value);
  return static_cast<std::int64_t>(value);
}

}  // namespace tc::syntax
