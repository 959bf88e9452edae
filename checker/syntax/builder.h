#pragma once
/// Parse tree -> ast::File. Every node gets the byte span from its first
/// to its last token. A unit of the tree that holds a syntax error (a
/// declaration, an article's own header, a clause, a reading, a membership
/// entry, a scenario item) is left out; the rest of the file is kept, so
/// later stages see what could be read. Includes ANTLR: checker/syntax only.
///
/// Long chains of binary operators are walked with loops, never by
/// recursion, so `a and a and ...` 100,000 times costs no stack; the other
/// recursion is bounded by the nesting limit checked before parsing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ast/ast.h"
#include "diag/diagnostics.h"
#include "syntax/antlr.h"
#include "syntax/tokens.h"

namespace tc::syntax {

using P = tcgen::TreatyParser;

/// Builds the AST of one file.
ast::File build_file(P::FileContext* tree, const TokenSpans& spans, std::string_view text, Diagnostics& diagnostics);

/// True if the subtree under `tree` holds a rule that failed or a token the
/// error recovery made up, other than a closing ';', ')' or '}' (a unit
/// that only lacks its terminator is complete, and keeping it spares later
/// stages a cascade). A token recovery deleted as extraneous leaves the
/// structure complete too. Iterative, so arbitrarily deep trees are fine.
/// Subtrees for which `skip` returns true are not looked into.
template <typename Skip>
bool has_error(antlr4::tree::ParseTree* tree, Skip skip);

/// Thrown inside the builder when a unit turns out to be incomplete; the
/// unit is dropped. Never leaves the builder.
struct Incomplete {};

/// The state of one build: spans, text and the diagnostics for values
/// (integers too large, unknown escapes were reported by the lexer).
class Builder {
 public:
  Builder(const TokenSpans& spans, std::string_view text, Diagnostics& diagnostics)
      : spans_(spans), text_(text), diagnostics_(diagnostics) {}

  // Declarations (build_decls.cc).
  void item(P::ItemContext* ctx, ast::File& out);
  ast::IndividualsDecl individuals(antlr4::ParserRuleContext* ctx, const std::vector<P::IndividualContext*>& list);
  ast::SortDecl sort(P::SortDeclContext* ctx);
  ast::MembershipDecl membership(P::MembershipDeclContext* ctx);
  ast::AtomDecl atom(P::AtomDeclContext* ctx);
  ast::DefinitionDecl definition(P::DefinitionDeclContext* ctx);
  ast::TermDecl term_decl(P::TermDeclContext* ctx);
  ast::AxiomDecl axiom(P::AxiomDeclContext* ctx);
  ast::TreatyDecl treaty(P::TreatyDeclContext* ctx);
  void treaty_attr(P::TreatyAttrContext* ctx, ast::TreatyDecl& out);
  ast::Article article(antlr4::ParserRuleContext* ctx, const ast::Label* parent);
  ast::Clause clause(P::ClauseContext* ctx);
  ast::Expectation expectation(P::ExpectDeclContext* ctx);
  ast::Scenario scenario(P::ScenarioDeclContext* ctx);
  std::vector<ast::Param> params(P::ParamListContext* ctx);
  ast::Label label(P::ArticleLabelContext* ctx);
  ast::ClauseRef clause_ref(P::ClauseRefContext* ctx);
  ast::Modality modality(P::ModalityContext* ctx);

  // Expressions (build_expr.cc).
  ast::Expr formula(P::FormulaContext* ctx);
  ast::Expr term(P::TermContext* ctx);
  ast::SetExpr set(P::SetExprContext* ctx);
  ast::Binder binder(P::BinderContext* ctx);
  std::vector<ast::Binder> binders(const std::vector<P::BinderContext*>& list);

  // Tokens.
  ast::Ident ident(antlr4::Token* token);
  ast::Ident ident(antlr4::tree::TerminalNode* node) { return ident(need(node)->getSymbol()); }
  ast::Date date(antlr4::Token* token);
  /// The unescaped contents of a STRING token.
  std::string string(antlr4::Token* token);
  std::string string(antlr4::tree::TerminalNode* node) { return string(need(node)->getSymbol()); }
  /// An INT token (underscores allowed); TC0015 when it does not fit.
  std::int64_t integer(antlr4::Token* token, bool negative = false);
  Span span(const antlr4::ParserRuleContext* ctx) const { return spans_.of(ctx); }
  Span span(const antlr4::Token* token) const { return spans_.of(token); }
  Span span(antlr4::tree::TerminalNode* node) const { return spans_.of(node); }

  /// Returns `p`, or drops the current unit if the tree lacks it.
  template <typename T>
  static T* need(T* p) {
    if (p == nullptr) throw Incomplete{};
    return p;
  }

 private:
  ast::Expr binary(ast::ExprKind kind, Span span, ast::Expr left, ast::Expr right);
  ast::Expr formula_leaf(P::FormulaContext* ctx);
  ast::Expr term_leaf(P::TermContext* ctx);
  ast::SetExpr set_leaf(P::SetExprContext* ctx);

  const TokenSpans& spans_;
  std::string_view text_;
  Diagnostics& diagnostics_;
};

inline bool closes_unit(std::size_t type) { return type == P::SEMI || type == P::RPAREN || type == P::RBRACE; }

template <typename Skip>
bool has_error(antlr4::tree::ParseTree* tree, Skip skip) {
  std::vector<antlr4::tree::ParseTree*> stack{tree};
  while (!stack.empty()) {
    antlr4::tree::ParseTree* node = stack.back();
    stack.pop_back();
    if (node == nullptr) return true;
    if (auto* error = dynamic_cast<antlr4::tree::ErrorNode*>(node)) {
      antlr4::Token* token = error->getSymbol();
      bool made_up = token == nullptr || token->getTokenIndex() == static_cast<std::size_t>(-1);
      if (made_up && !closes_unit(token == nullptr ? 0 : token->getType())) return true;
      continue;
    }
    if (auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(node)) {
      if (ctx->exception != nullptr) return true;
      if (node != tree && skip(ctx)) continue;
    }
    for (antlr4::tree::ParseTree* child : node->children) stack.push_back(child);
  }
  return false;
}

}  // namespace tc::syntax
