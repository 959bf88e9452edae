#pragma once
// A generator of random small resolved worlds (no parser) for the
// property tests: 2 states, circumstances c0 c1, conduct x0 x1 y(state),
// a quantity q, 2-4 clauses of one treaty and up to 2 axioms.
#include <random>
#include <string>
#include <vector>

#include "sema/world.h"

namespace tc::test_corpora {

using sema::Expr;
using sema::Op;

inline Expr atom(sema::AtomId id, std::vector<Expr> args = {}) {
  Expr e;
  e.op = Op::Atom;
  e.id = id;
  e.args = std::move(args);
  return e;
}
inline Expr var(sema::VarId id) {
  Expr e;
  e.op = Op::Var;
  e.type = sema::Type::Entity;
  e.id = id;
  return e;
}
inline Expr entity(sema::EntityId id) {
  Expr e;
  e.op = Op::Entity;
  e.type = sema::Type::Entity;
  e.id = id;
  return e;
}
inline Expr node(Op op, std::vector<Expr> args) {
  Expr e;
  e.op = op;
  e.args = std::move(args);
  return e;
}
inline Expr integer(std::int64_t v) {
  Expr e;
  e.op = Op::Int;
  e.type = sema::Type::Int;
  e.value = v;
  return e;
}

/// A random world: 2 states, circumstances c0 c1 (0-ary), conduct x0 x1
/// (0-ary), y(state) (1-ary), and a quantity q in 0..3.
struct RandomWorld {
  sema::World world;
  std::mt19937 rng;
  explicit RandomWorld(unsigned seed) : rng(seed) {}

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

  void declare() {
    world.sorts = {{"state", {}, {}}, {"institution", {}, {}}, {"party", {}, {}}};
    for (int i = 0; i < 2; ++i) {
      world.entities.push_back({"S" + std::to_string(i), "S" + std::to_string(i), sema::kStateSort, {}});
      world.sorts[sema::kStateSort].members.push_back(i);
      world.sorts[sema::kPartySort].members.push_back(i);
    }
    auto add_atom = [&](std::string name, bool conduct, std::vector<sema::SortId> params, bool quantity = false) {
      sema::Atom a;
      a.name = std::move(name);
      a.is_conduct = conduct;
      a.params = std::move(params);
      a.is_quantity = quantity;
      a.lower = 0;
      a.upper = quantity ? 3 : 0;
      world.atoms.push_back(a);
    };
    add_atom("c0", false, {});
    add_atom("c1", false, {});
    add_atom("x0", true, {});
    add_atom("x1", true, {});
    add_atom("y", true, {sema::kStateSort});
    add_atom("q", true, {}, true);
  }

  /// A random formula; `conduct` allows conduct atoms, `bound` is a variable in scope (or -1).
  Expr formula(int depth, bool conduct, bool circumstances, int bound) {
    int choice = pick(depth > 0 ? 9 : 5);
    switch (choice) {
      case 0:
        if (circumstances) return atom(pick(2));
        [[fallthrough]];
      case 1:
        if (conduct) return atom(2 + pick(2));
        return atom(pick(2));
      case 2:
        if (conduct) return atom(4, {bound >= 0 && pick(2) ? var(bound) : entity(pick(2))});
        return atom(pick(2));
      case 3:
        if (conduct) {
          Expr cmp = node(Op::Compare, {atom(5), integer(pick(4))});
          cmp.args[0].type = sema::Type::Int;
          cmp.compare = static_cast<ast::CompareOp>(pick(6));
          return cmp;
        }
        return atom(pick(2));
      case 4: return circumstances ? atom(pick(2)) : atom(2 + pick(2));
      case 5: return node(Op::Not, {formula(depth - 1, conduct, circumstances, bound)});
      case 6: return node(Op::And, {formula(depth - 1, conduct, circumstances, bound), formula(depth - 1, conduct, circumstances, bound)});
      case 7: return node(Op::Or, {formula(depth - 1, conduct, circumstances, bound), formula(depth - 1, conduct, circumstances, bound)});
      default: return node(Op::Excludes, {formula(depth - 1, conduct, circumstances, bound), formula(depth - 1, conduct, circumstances, bound)});
    }
  }

  void build() {
    declare();
    sema::Treaty treaty;
    treaty.name = "T";
    treaty.in_force_from = 19000101;
    sema::Set parties;
    parties.op = sema::SetOp::AllOfSort;
    parties.sort = sema::kStateSort;
    treaty.parties = parties;
    world.treaties.push_back(treaty);
    int clauses = 2 + pick(3);
    for (int c = 0; c < clauses; ++c) {
      sema::Article article;
      article.treaty = 0;
      article.label = std::to_string(c + 1);
      article.clauses = {static_cast<sema::ClauseId>(c)};
      world.articles.push_back(article);
      sema::Clause clause;
      clause.treaty = 0;
      clause.article = c;
      int m = pick(5);
      clause.modality = m < 2 ? sema::Modality::Obligation : m < 4 ? sema::Modality::Prohibition : sema::Modality::Permission;
      bool quantified = pick(3) == 0;
      int bound = -1;
      if (quantified) {
        clause.variables.push_back({"p", sema::kStateSort, {}});
        sema::Binding b;
        b.var = 0;
        b.domain.op = sema::SetOp::PartiesOf;
        b.domain.treaty = 0;
        clause.bindings.push_back(b);
        clause.bearer = var(0);
        bound = 0;
      } else {
        clause.bearer = entity(pick(2));
      }
      if (pick(2)) clause.conditions.push_back({false, formula(1, pick(4) == 0, true, bound)});
      if (pick(4) == 0) clause.conditions.push_back({true, formula(0, false, true, bound)});
      clause.content = formula(2, true, pick(4) == 0, bound);
      world.clauses.push_back(clause);
      world.treaties[0].clauses.push_back(c);
      world.treaties[0].articles.push_back(c);
    }
    int axioms = pick(3);
    for (int a = 0; a < axioms; ++a) {
      sema::Axiom axiom;
      axiom.body = formula(2, pick(2), true, -1);
      world.axioms.push_back(axiom);
    }
  }
};

}  // namespace tc::test_corpora
