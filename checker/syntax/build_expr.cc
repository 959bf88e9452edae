// Parse tree -> AST: formulas, terms, sets, binders.
//
// Binary operators are kept binary, as parsed. Chains of them (`a and b
// and c ...`, `x + y + z ...`, `S union T union ...`, and the
// right-associative `p implies q implies ...`) are walked with a loop
// along their spine, so a chain of any length costs no stack.
#include "syntax/builder.h"

namespace tc::syntax {
namespace {

using ast::ExprKind;

/// The kind of a left-associative binary formula, if `ctx` is one.
std::optional<ExprKind> left_binary(P::FormulaContext* ctx) {
  if (dynamic_cast<P::FAndContext*>(ctx) != nullptr) return ExprKind::And;
  if (dynamic_cast<P::FOrContext*>(ctx) != nullptr) return ExprKind::Or;
  if (dynamic_cast<P::FExcludesContext*>(ctx) != nullptr) return ExprKind::Excludes;
  if (dynamic_cast<P::FIffContext*>(ctx) != nullptr) return ExprKind::Iff;
  return std::nullopt;
}

std::optional<ExprKind> left_binary(P::TermContext* ctx) {
  if (dynamic_cast<P::TMulContext*>(ctx) != nullptr) return ExprKind::Mul;
  if (auto* c = dynamic_cast<P::TAddSubContext*>(ctx)) return c->PLUS() != nullptr ? ExprKind::Add : ExprKind::Sub;
  return std::nullopt;
}

std::optional<ast::SetKind> left_binary(P::SetExprContext* ctx) {
  if (dynamic_cast<P::SetIntersectContext*>(ctx) != nullptr) return ast::SetKind::Intersect;
  if (auto* c = dynamic_cast<P::SetUnionMinusContext*>(ctx)) {
    return c->UNION() != nullptr ? ast::SetKind::Union : ast::SetKind::Minus;
  }
  return std::nullopt;
}

/// Operand `i` (0 or 1) of a binary node of rule `Ctx`.
template <typename Ctx>
Ctx* operand(antlr4::ParserRuleContext* node, std::size_t i) {
  return Builder::need(node->getRuleContext<Ctx>(i));
}

/// Builds a left-associative chain rooted at `ctx`: walks down the left
/// spine, builds the leftmost operand with `leaf`, then combines upwards
/// with each right operand (built with `whole`).
template <typename Ctx, typename Node, typename Leaf, typename Whole, typename Combine>
Node left_chain(Ctx* ctx, Leaf leaf, Whole whole, Combine combine) {
  std::vector<Ctx*> spine;
  Ctx* bottom = Builder::need(ctx);
  while (left_binary(bottom)) {
    spine.push_back(bottom);
    bottom = operand<Ctx>(bottom, 0);
  }
  Node result = leaf(bottom);
  for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
    result = combine(*it, *left_binary(*it), std::move(result), whole(operand<Ctx>(*it, 1)));
  }
  return result;
}

}  // namespace

ast::Expr Builder::binary(ExprKind kind, Span span, ast::Expr left, ast::Expr right) {
  ast::Expr out;
  out.kind = kind;
  out.span = span;
  out.children.reserve(2);
  out.children.push_back(std::move(left));
  out.children.push_back(std::move(right));
  return out;
}

ast::Expr Builder::formula(P::FormulaContext* ctx) {
  need(ctx);
  if (dynamic_cast<P::FImpliesContext*>(ctx) != nullptr) {
    // a implies (b implies (c ...)): walk the right spine.
    std::vector<P::FormulaContext*> spine;
    P::FormulaContext* bottom = ctx;
    while (dynamic_cast<P::FImpliesContext*>(bottom) != nullptr) {
      spine.push_back(bottom);
      bottom = operand<P::FormulaContext>(bottom, 1);
    }
    ast::Expr result = formula(bottom);
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
      result = binary(ExprKind::Implies, span(*it), formula(operand<P::FormulaContext>(*it, 0)), std::move(result));
    }
    return result;
  }
  return left_chain<P::FormulaContext, ast::Expr>(
      ctx,
      [this](P::FormulaContext* c) {
        return dynamic_cast<P::FImpliesContext*>(c) != nullptr ? formula(c) : formula_leaf(c);
      },
      [this](P::FormulaContext* c) { return formula(c); },
      [this](P::FormulaContext* node, ExprKind kind, ast::Expr left, ast::Expr right) {
        return binary(kind, span(node), std::move(left), std::move(right));
      });
}

ast::Expr Builder::formula_leaf(P::FormulaContext* ctx) {
  ast::Expr out;
  out.span = span(ctx);
  if (auto* c = dynamic_cast<P::FParenContext*>(ctx)) {
    out = formula(c->formula());
    out.span = span(ctx);  // parentheses leave no node, only a wider span
  } else if (auto* c = dynamic_cast<P::FNotContext*>(ctx)) {
    out.kind = ExprKind::Not;
    out.children.push_back(formula(c->formula()));
  } else if (auto* c = dynamic_cast<P::FQuantContext*>(ctx)) {
    out.kind = c->EXISTS() != nullptr ? ExprKind::Exists : ExprKind::Forall;
    out.binders = binders(c->binder());
    out.children.push_back(formula(c->formula()));
  } else if (auto* c = dynamic_cast<P::FInContext*>(ctx)) {
    out.kind = ExprKind::In;
    out.children.push_back(term(c->term()));
    out.set.push_back(set(c->setExpr()));
  } else if (auto* c = dynamic_cast<P::FNotInContext*>(ctx)) {
    out.kind = ExprKind::NotIn;
    out.children.push_back(term(c->term()));
    out.set.push_back(set(c->setExpr()));
  } else if (auto* c = dynamic_cast<P::FCompareContext*>(ctx)) {
    out.kind = ExprKind::Compare;
    P::CompareOpContext* op = need(c->compareOp());
    if (op->LT() != nullptr) out.compare = ast::CompareOp::Lt;
    else if (op->LE() != nullptr) out.compare = ast::CompareOp::Le;
    else if (op->EQ() != nullptr) out.compare = ast::CompareOp::Eq;
    else if (op->NE() != nullptr) out.compare = ast::CompareOp::Ne;
    else if (op->GE() != nullptr) out.compare = ast::CompareOp::Ge;
    else if (op->GT() != nullptr) out.compare = ast::CompareOp::Gt;
    else throw Incomplete{};
    out.children.push_back(term(c->term(0)));
    out.children.push_back(term(c->term(1)));
  } else if (dynamic_cast<P::FTrueContext*>(ctx) != nullptr) {
    out.kind = ExprKind::True;
  } else if (dynamic_cast<P::FFalseContext*>(ctx) != nullptr) {
    out.kind = ExprKind::False;
  } else if (auto* c = dynamic_cast<P::FAtomContext*>(ctx)) {
    out = term(c->term());
  } else {
    throw Incomplete{};
  }
  return out;
}

ast::Expr Builder::term(P::TermContext* ctx) {
  return left_chain<P::TermContext, ast::Expr>(
      ctx, [this](P::TermContext* c) { return term_leaf(c); }, [this](P::TermContext* c) { return term(c); },
      [this](P::TermContext* node, ExprKind kind, ast::Expr left, ast::Expr right) {
        return binary(kind, span(node), std::move(left), std::move(right));
      });
}

ast::Expr Builder::term_leaf(P::TermContext* ctx) {
  ast::Expr out;
  out.span = span(ctx);
  if (auto* c = dynamic_cast<P::TParenContext*>(ctx)) {
    out = term(c->term());
    out.span = span(ctx);
  } else if (auto* c = dynamic_cast<P::TNegContext*>(ctx)) {
    out.kind = ExprKind::Neg;
    out.children.push_back(term(c->term()));
  } else if (auto* c = dynamic_cast<P::TCallContext*>(ctx)) {
    out.kind = ExprKind::Call;
    ast::Ident name = ident(c->name);
    out.name = std::move(name.text);
    out.name_span = name.span;
    for (P::TermContext* argument : c->term()) out.children.push_back(term(argument));
  } else if (auto* c = dynamic_cast<P::TIntContext*>(ctx)) {
    out.kind = ExprKind::Int;
    out.value = integer(need(c->INT())->getSymbol());
  } else if (auto* c = dynamic_cast<P::TNameContext*>(ctx)) {
    out.kind = ExprKind::Name;
    ast::Ident name = ident(c->ID());
    out.name = std::move(name.text);
    out.name_span = name.span;
  } else {
    throw Incomplete{};
  }
  return out;
}

ast::SetExpr Builder::set(P::SetExprContext* ctx) {
  return left_chain<P::SetExprContext, ast::SetExpr>(
      ctx, [this](P::SetExprContext* c) { return set_leaf(c); }, [this](P::SetExprContext* c) { return set(c); },
      [this](P::SetExprContext* node, ast::SetKind kind, ast::SetExpr left, ast::SetExpr right) {
        ast::SetExpr out;
        out.kind = kind;
        out.span = span(node);
        out.children.reserve(2);
        out.children.push_back(std::move(left));
        out.children.push_back(std::move(right));
        return out;
      });
}

ast::SetExpr Builder::set_leaf(P::SetExprContext* ctx) {
  ast::SetExpr out;
  out.span = span(ctx);
  if (auto* c = dynamic_cast<P::SetParenContext*>(ctx)) {
    out = set(c->setExpr());
    out.span = span(ctx);
  } else if (auto* c = dynamic_cast<P::SetMembersContext*>(ctx)) {
    out.kind = ast::SetKind::MembersOf;
    out.name = ident(c->ID());
  } else if (auto* c = dynamic_cast<P::SetPartiesContext*>(ctx)) {
    out.kind = ast::SetKind::Parties;  // no name: the parties of the enclosing treaty
    if (c->ID() != nullptr) out.name = ident(c->ID());
  } else if (dynamic_cast<P::SetStatesContext*>(ctx) != nullptr) {
    out.kind = ast::SetKind::States;
  } else if (dynamic_cast<P::SetInstitutionsContext*>(ctx) != nullptr) {
    out.kind = ast::SetKind::Institutions;
  } else if (auto* c = dynamic_cast<P::SetBuilderContext*>(ctx)) {
    out.kind = ast::SetKind::Builder;
    out.name = ident(c->var);
    out.children.push_back(set(c->setExpr()));
    out.formula.push_back(formula(c->formula()));
  } else if (auto* c = dynamic_cast<P::SetListContext*>(ctx)) {
    out.kind = ast::SetKind::List;
    for (antlr4::tree::TerminalNode* name : c->ID()) out.names.push_back(ident(name));
  } else if (auto* c = dynamic_cast<P::SetSortOrNameContext*>(ctx)) {
    out.kind = ast::SetKind::Named;
    out.name = ident(c->ID());
  } else {
    throw Incomplete{};
  }
  return out;
}

ast::Binder Builder::binder(P::BinderContext* ctx) {
  ast::Binder out;
  for (antlr4::tree::TerminalNode* var : need(ctx)->ID()) out.vars.push_back(ident(var));
  out.set.push_back(set(ctx->setExpr()));
  out.span = span(ctx);
  return out;
}

std::vector<ast::Binder> Builder::binders(const std::vector<P::BinderContext*>& list) {
  std::vector<ast::Binder> out;
  for (P::BinderContext* c : list) out.push_back(binder(c));
  return out;
}

}  // namespace tc::syntax
