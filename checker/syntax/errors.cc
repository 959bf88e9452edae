#include "syntax/errors.h"

#include <algorithm>
#include <vector>

namespace tc::syntax {
namespace {

using tcgen::TreatyParser;

/// How a token is shown in a message: 'must', string "abc", end of file.
std::string display(antlr4::Token* token) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return "end of file";
  std::string text = token->getText();
  constexpr std::size_t kMaxBytes = 40;
  if (text.size() > kMaxBytes) {
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';  // no control characters in messages
  }
  if (token->getType() == TreatyParser::STRING) return "string " + text;
  return "'" + text + "'";
}

/// The phrase for a rule that ends in ';', or "" for other rules.
const char* statement_phrase_of(std::size_t rule) {
  switch (rule) {
    case TreatyParser::RuleImportDecl: return "the import";
    case TreatyParser::RuleStateDecl: return "the state declaration";
    case TreatyParser::RuleInstitutionDecl: return "the institution declaration";
    case TreatyParser::RuleSortDecl: return "the sort declaration";
    case TreatyParser::RuleMembershipEntry: return "the membership entry";
    case TreatyParser::RuleAtomDecl: return "the declaration";
    case TreatyParser::RuleDefinitionDecl: return "the definition";
    case TreatyParser::RuleReading: return "the reading";
    case TreatyParser::RuleAxiomDecl: return "the axiom";
    case TreatyParser::RuleClause: return "the clause";
    case TreatyParser::RuleExpectDecl: return "the expectation";
    case TreatyParser::RuleScenarioItem: return "the fact";
    default: return "";
  }
}

/// The phrase for a block, or "" for other rules.
const char* block_phrase_of(std::size_t rule) {
  switch (rule) {
    case TreatyParser::RuleMembershipDecl: return "the membership block";
    case TreatyParser::RuleTermDecl: return "the term";
    case TreatyParser::RuleTreatyDecl: return "the treaty";
    case TreatyParser::RuleArticleDecl: return "the article";
    case TreatyParser::RuleParagraphDecl: return "the paragraph";
    case TreatyParser::RuleScenarioDecl: return "the scenario";
    default: return "";
  }
}

antlr4::RuleContext* parent_of(antlr4::RuleContext* ctx) { return dynamic_cast<antlr4::RuleContext*>(ctx->parent); }

/// The statement whose ';' is missing, for "expected ';' after the clause".
std::string statement_phrase(antlr4::RuleContext* ctx) {
  for (; ctx != nullptr; ctx = parent_of(ctx)) {
    if (*statement_phrase_of(ctx->getRuleIndex()) != '\0') return statement_phrase_of(ctx->getRuleIndex());
  }
  return "the statement";
}

/// The innermost statement or block around `ctx`, or "".
std::string unit_phrase(antlr4::RuleContext* ctx) {
  for (; ctx != nullptr; ctx = parent_of(ctx)) {
    if (*statement_phrase_of(ctx->getRuleIndex()) != '\0') return statement_phrase_of(ctx->getRuleIndex());
    if (*block_phrase_of(ctx->getRuleIndex()) != '\0') return block_phrase_of(ctx->getRuleIndex());
  }
  return "";
}

antlr4::Token* previous_token(antlr4::Parser* parser, antlr4::Token* token) {
  std::size_t index = token == nullptr ? static_cast<std::size_t>(-1) : token->getTokenIndex();
  if (index == static_cast<std::size_t>(-1) || index == 0) return nullptr;
  return parser->getTokenStream()->get(index - 1);
}

/// The unmatched opening bracket before `token`, for "to match this '('".
antlr4::Token* unmatched_opener(antlr4::Parser* parser, antlr4::Token* token, std::size_t open, std::size_t close) {
  int depth = 0;
  for (antlr4::Token* t = previous_token(parser, token); t != nullptr; t = previous_token(parser, t)) {
    if (t->getType() == close) ++depth;
    if (t->getType() == open && depth-- == 0) return t;
  }
  return nullptr;
}

/// Where an error at `token` is shown: at the token, or for the end of the
/// file just after the last token (not on an empty line below it).
Span place(antlr4::Parser* parser, antlr4::Token* token, const TokenSpans& spans) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) {
    if (antlr4::Token* previous = previous_token(parser, token)) return spans.after(previous);
  }
  return spans.of(token);
}

bool is_eof(antlr4::Token* token) { return token == nullptr || token->getType() == antlr4::Token::EOF; }

/// Adds "to match this '{'" when a closing bracket is expected.
void add_opener_note(antlr4::Parser* parser, antlr4::Token* token, const antlr4::misc::IntervalSet& expected,
                     const TokenSpans& spans, Diagnostic& error) {
  for (auto [open, close] : {std::pair<std::size_t, std::size_t>{TreatyParser::LPAREN, TreatyParser::RPAREN},
                             std::pair<std::size_t, std::size_t>{TreatyParser::LBRACE, TreatyParser::RBRACE}}) {
    if (!expected.contains(close)) continue;
    if (antlr4::Token* opener = unmatched_opener(parser, token, open, close)) {
      error.notes.push_back({spans.of(opener), "to match this '" + opener->getText() + "'"});
      return;
    }
  }
}

/// A named group of tokens shown as one entry when enough of them are expected.
struct Group {
  const char* phrase;
  std::vector<std::size_t> core;      ///< how many of these must be expected ...
  std::size_t threshold;              ///< ... at least
  std::vector<std::size_t> absorbed;  ///< also shown by the phrase
};

const std::vector<Group>& groups() {
  using P = TreatyParser;
  static const std::vector<Group> all = {
      {"a declaration",
       {P::IMPORT, P::STATE, P::INSTITUTION, P::SORT, P::MEMBERSHIP, P::CIRCUMSTANCE, P::CONDUCT, P::QUANTITY,
        P::DEFINE, P::TERM, P::AXIOM, P::TREATY, P::EXPECT, P::SCENARIO},
       4,
       {}},
      {"a treaty attribute",
       {P::BINDING, P::POLITICAL, P::SIGNED, P::DRAFT, P::WITHDRAWN, P::SUSPENDED, P::TERMINATED, P::PARTIES,
        P::PREVAILS},
       4,
       {P::IN}},
      {"a formula",
       {P::NOT, P::EXISTS, P::FORALL, P::TRUE, P::FALSE},
       5,
       {P::LPAREN, P::DASH, P::ID, P::INT}},
      {"a set", {P::MEMBERS, P::STATES, P::INSTITUTIONS}, 3, {P::PARTIES, P::LBRACE, P::LPAREN, P::ID}},
      {"an operator",
       {P::AND, P::OR, P::IMPLIES, P::IFF, P::EXCLUDES, P::LT, P::LE, P::EQ, P::NE, P::GE, P::GT, P::PLUS, P::DASH,
        P::STAR, P::INTERSECT, P::UNION, P::MINUS},
       3,
       {P::IN, P::NOT}},
      {"a clause attribute", {P::REPARATION, P::SPECIALISES, P::WITHOUT}, 3, {}},
      {"a name or number", {P::ID, P::INT, P::DASH, P::LPAREN}, 4, {}},
      {"a finding kind", {P::CONFLICT, P::CONFLICTS, P::FINDING, P::FINDINGS}, 3, {P::PERMISSION}},
  };
  return all;
}

std::string token_phrase(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case TreatyParser::ID: return "a name";
    case TreatyParser::INT: return "a number";
    case TreatyParser::DATE: return "a date";
    case TreatyParser::STRING: return "a string";
    case TreatyParser::SPECIALISES: return "'specialises'";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  return literal.empty() ? vocabulary.getDisplayName(type) : literal;
}

/// Closing punctuation first: it is usually what is missing.
int rank(std::size_t type) {
  switch (type) {
    case TreatyParser::SEMI: return 0;
    case TreatyParser::COMMA: return 1;
    case TreatyParser::RPAREN: return 2;
    case TreatyParser::RBRACE: return 3;
    case TreatyParser::COLON: return 4;
    case TreatyParser::ASSIGN: return 5;
    default: return 10;
  }
}

std::string join_alternatives(const std::vector<std::string>& items) {
  constexpr std::size_t kMaxShown = 6;
  std::string out;
  std::size_t shown = items.size() > kMaxShown ? kMaxShown - 1 : items.size();
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == items.size()) ? " or " : ", ";
    out += items[i];
  }
  if (shown < items.size()) out += " or " + std::to_string(items.size() - shown) + " more";
  return out;
}

}  // namespace

std::string describe_expected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::size_t> types;
  for (ssize_t t : expected.toList()) {
    if (t == -1) types.push_back(antlr4::Token::EOF);
    else if (t > 0) types.push_back(static_cast<std::size_t>(t));
  }
  auto present = [&](std::size_t t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  struct Entry {
    int rank;
    std::size_t order;
    std::string text;
  };
  std::vector<Entry> entries;
  for (const Group& group : groups()) {
    std::size_t hits = static_cast<std::size_t>(std::count_if(group.core.begin(), group.core.end(), present));
    if (hits < group.threshold) continue;
    std::size_t first = types.empty() ? 0 : types.front();
    for (std::size_t t : types) {
      if (std::find(group.core.begin(), group.core.end(), t) != group.core.end()) {
        first = t;
        break;
      }
    }
    entries.push_back({20, first, group.phrase});
    auto absorbed = [&](std::size_t t) {
      return std::find(group.core.begin(), group.core.end(), t) != group.core.end() ||
             std::find(group.absorbed.begin(), group.absorbed.end(), t) != group.absorbed.end();
    };
    types.erase(std::remove_if(types.begin(), types.end(), absorbed), types.end());
  }
  for (std::size_t t : types) {
    entries.push_back({t == antlr4::Token::EOF ? 30 : rank(t), t, token_phrase(t, vocabulary)});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.order < b.order;
  });
  std::vector<std::string> items;
  for (const Entry& e : entries) items.push_back(e.text);
  return join_alternatives(items);
}

bool SyntaxErrorSink::echoes_lexical_error(antlr4::Token* previous, antlr4::Token* token) const {
  if (lexical_errors_.empty() || previous == nullptr) return false;
  std::uint32_t from = spans_.of(previous).end;
  std::uint32_t to = spans_.of(token).begin;
  auto it = std::lower_bound(lexical_errors_.begin(), lexical_errors_.end(), from);
  return it != lexical_errors_.end() && *it <= to;
}

Diagnostic& SyntaxErrorSink::report(Span span, std::string message) {
  if (count_ >= cap_) {
    gave_up_ = true;
    Diagnostic& note = diagnostics_.report(DiagKind::SyntaxError, span,
                                           "too many syntax errors in this file; stopped after " +
                                               std::to_string(cap_));
    note.severity = Severity::Note;
    throw antlr4::ParseCancellationException("too many syntax errors");
  }
  ++count_;
  return diagnostics_.report(DiagKind::SyntaxError, span, std::move(message));
}

void ErrorStrategy::report_unexpected(antlr4::Parser* parser, antlr4::Token* token,
                                      const antlr4::misc::IntervalSet& expected) {
  const TokenSpans& spans = sink_.spans();
  antlr4::Token* previous = previous_token(parser, token);
  if (sink_.echoes_lexical_error(previous, token)) return;
  bool new_line = previous != nullptr && (is_eof(token) || token->getLine() > previous->getLine());
  if (expected.contains(std::size_t{TreatyParser::SEMI}) && new_line) {
    sink_.report(spans.after(previous), "expected ';' after " + statement_phrase(parser->getContext()));
    return;
  }
  if (is_eof(token) && expected.contains(std::size_t{TreatyParser::RBRACE})) {
    // Most likely a block left open: say so, and show where it opened.
    Diagnostic& error = sink_.report(place(parser, token, spans), "expected '}' before the end of the file");
    add_opener_note(parser, token, expected, spans, error);
    return;
  }
  std::string message = "unexpected " + display(token);
  std::string list = describe_expected(expected, parser->getVocabulary());
  if (!list.empty()) {
    message += "; expected " + list;
  } else if (std::string unit = unit_phrase(parser->getContext()); !unit.empty()) {
    message += " in " + unit;
  }
  Diagnostic& error = sink_.report(place(parser, token, spans), message);
  add_opener_note(parser, token, expected, spans, error);
}

void ErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  antlr4::Token* token = e.getOffendingToken();
  antlr4::Token* start = e.getStartToken();
  // The expected set belongs to the start of the decision: only meaningful
  // when the decision failed on its first token.
  bool at_start = start != nullptr && token != nullptr && start->getTokenIndex() == token->getTokenIndex();
  report_unexpected(parser, token, at_start ? e.getExpectedTokens() : antlr4::misc::IntervalSet());
}

void ErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  report_unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
}

void ErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  report_unexpected(parser, e.getOffendingToken(), antlr4::misc::IntervalSet());
}

void ErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report_unexpected(parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

void ErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* token = parser->getCurrentToken();
  antlr4::Token* previous = previous_token(parser, token);
  antlr4::misc::IntervalSet expected = getExpectedTokens(parser);
  const TokenSpans& spans = sink_.spans();
  if (sink_.echoes_lexical_error(previous, token)) return;
  if (expected.contains(std::size_t{TreatyParser::SEMI}) && previous != nullptr) {
    sink_.report(spans.after(previous), "expected ';' after " + statement_phrase(parser->getContext()));
    return;
  }
  Diagnostic& error =
      sink_.report(place(parser, token, spans),
                   "expected " + describe_expected(expected, parser->getVocabulary()) + " before " + display(token));
  add_opener_note(parser, token, expected, spans, error);
}

void ErrorStrategy::sync(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  antlr4::Token* token = parser->getCurrentToken();
  antlr4::Token* previous = previous_token(parser, token);
  bool new_line = previous != nullptr && (is_eof(token) || token->getLine() > previous->getLine());
  if (new_line) {
    antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
    if (!expected.contains(token->getType()) && expected.contains(std::size_t{TreatyParser::SEMI})) return;
  }
  DefaultErrorStrategy::sync(parser);
}

antlr4::Token* ErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  antlr4::Token* current = parser->getCurrentToken();
  antlr4::Token* next = parser->getTokenStream()->LT(2);
  bool ends_statement = current->getType() == TreatyParser::SEMI || current->getType() == TreatyParser::RBRACE;
  if (ends_statement && next != nullptr && next->getLine() > current->getLine()) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void ErrorListener::syntaxError(antlr4::Recognizer*, antlr4::Token* offending, std::size_t, std::size_t,
                                const std::string& message, std::exception_ptr) {
  sink_.report(sink_.spans().of(offending), message);
}

}  // namespace tc::syntax
