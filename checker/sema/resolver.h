#pragma once
/// Internal to the semantic stage: the state that `resolve` threads through
/// its passes, split over declare.cc, expr.cc, sets.cc, treaty.cc and
/// checks.cc. Nothing outside checker/sema/ includes this header.
///
/// The passes, in order (resolve.cc, Resolver::run):
///   1. declare      every global name, one namespace over the corpus
///   2. signatures   atom and definition parameter sorts, quantity bounds
///   3. memberships  institution members with dates
///   4. treaties     attributes, dates, precedence targets, parties
///   5. articles     labels, clause ids (so references can be resolved)
///   6. definitions  bodies and readings; recursion; which mention conduct
///   7. axioms, clauses, expectations, scenarios
/// Every pass reports and continues; nothing throws for a user error.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostics.h"
#include "sema/world.h"
#include "source/source.h"

namespace tc::sema::detail {

/// Largest magnitude a number in the sources may reach: a quantity's
/// bounds, and every value an arithmetic expression can take (TC1027,
/// docs/robustness.md). Far below 2^63, so that grounding, which folds
/// constants, distributes factors and evaluates witnesses in 64-bit
/// integers, never overflows.
inline constexpr std::uint64_t kMaxMagnitude = std::uint64_t{1} << 62;

/// |v| without overflow (also for INT64_MIN).
inline std::uint64_t magnitude_of(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

/// What a global name denotes. One namespace holds them all.
enum class GlobalKind { Sort, Entity, Atom, Definition, Treaty };

struct Global {
  GlobalKind kind = GlobalKind::Entity;
  std::uint32_t id = 0;
  Span span;  ///< the name where it is declared (empty for built-in sorts)
};

/// The variables visible at one point of an expression, and the construct
/// (clause, axiom, definition ...) whose `variables` receives new ones.
struct Scope {
  std::vector<Variable>* variables = nullptr;
  std::vector<VarId> visible;       ///< innermost last
  std::optional<TreatyId> treaty;   ///< the enclosing treaty, for a bare `parties`
  bool in_parties_attribute = false;
};

/// A resolved expression and whether something inside it was already
/// diagnosed: checks on an `error` value are skipped, so one mistake gives
/// one diagnostic.
struct Typed {
  Expr expr;
  bool error = false;
};

struct TypedSet {
  Set set;
  bool error = false;
};

class Resolver {
 public:
  Resolver(const ast::Corpus& corpus, const SourceSet& sources, Diagnostics& diagnostics);
  /// Runs every pass; nullopt when any error was reported.
  std::optional<World> run();

 private:
  // ---- declare.cc: global names, signatures, memberships
  void declare_all();
  /// Registers a global name; reports TC1002 and returns false if taken.
  bool declare(const std::string& name, Span name_span, Global global);
  EntityId add_entity(const ast::Individual& individual, SortId sort);
  void resolve_signatures();
  void resolve_atom_signature(AtomId id);
  std::vector<SortId> resolve_params(const std::vector<ast::Param>& params, std::vector<std::string>* names,
                                     std::vector<Variable>* variables);
  std::optional<SortId> resolve_sort_ref(const ast::Ident& sort);
  void resolve_memberships();
  /// Warns about declared names that look alike but differ (TC1028) and
  /// names that mix Latin, Greek and Cyrillic letters (TC1029); confusables.cc.
  void check_confusable_names();
  /// Reports TC1009 for an impossible date; returns the day if valid.
  std::optional<DayNumber> check_date(const ast::Date& date);

  // ---- expr.cc: expressions
  Typed expr(const ast::Expr& e, Scope& scope);
  /// `expr` that must be a truth value (TC1014 otherwise).
  Typed formula(const ast::Expr& e, Scope& scope);
  /// `expr` that must be a number (TC1014 otherwise).
  Typed number(const ast::Expr& e, Scope& scope);
  Typed name(const ast::Expr& e, Scope& scope);
  Typed call(const ast::Expr& e, Scope& scope);
  Typed compare(const ast::Expr& e, Scope& scope);
  Typed quantifier(const ast::Expr& e, Scope& scope);
  Typed membership_test(const ast::Expr& e, Scope& scope);
  Typed arithmetic(const ast::Expr& e, Scope& scope);
  void check_quantity_bounds(const ast::Expr& e, const Expr& left, const Expr& right);

  // ---- sets.cc: sets and variables
  TypedSet set(const ast::SetExpr& s, Scope& scope);
  TypedSet named_set(const ast::SetExpr& s, Scope& scope);
  TypedSet list_set(const ast::SetExpr& s);
  TypedSet builder_set(const ast::SetExpr& s, Scope& scope);
  TypedSet parties_set(const ast::SetExpr& s, Scope& scope);
  TypedSet members_set(const ast::SetExpr& s, const Scope& scope);
  /// The sort of the union of two sorts (party for state + institution).
  std::optional<SortId> join(SortId a, SortId b) const;
  /// Adds a variable to the scope's construct, warning when it hides a
  /// variable or a global name (TC1023).
  VarId declare_var(Scope& scope, const ast::Ident& name, SortId sort);
  std::optional<VarId> find_var(const Scope& scope, const std::string& name) const;
  /// The element sort of `parties of T`; resolves T's parties on demand.
  SortId parties_sort(TreatyId treaty, Span use);

  // ---- treaty.cc: treaties, articles, clauses, clause references
  void resolve_treaty_headers();
  void resolve_treaty_header(TreatyId id);
  void resolve_treaty_parties(TreatyId id);
  /// A clause waiting for its id: its article and index among the article's own clauses.
  struct PendingClause {
    ArticleId article;
    std::uint32_t index;
    const ast::Clause* clause;
  };
  void build_articles();
  void build_article(TreatyId treaty, const ast::Article& article, std::optional<ArticleId> parent,
                     std::vector<PendingClause>& pending);
  void resolve_clauses();
  void resolve_clause(ClauseId id);
  std::optional<Expr> resolve_bearer(const ast::Expr& e, Scope& scope, bool entity_only);
  /// The clauses an article reference denotes (TC1012, TC1013 otherwise).
  std::optional<std::vector<ClauseId>> resolve_ref(const ast::ClauseRef& ref);
  std::optional<TreatyId> resolve_treaty_name(const ast::Ident& name);

  // ---- checks.cc: definitions, axioms, expectations, scenarios
  void resolve_definitions();
  void resolve_definition(DefinitionId id);
  void check_recursion();
  void compute_mentions_conduct();
  /// A mention found in an expression: a phrase for messages ("'assist'
  /// is conduct") and the name it is about.
  struct Mention {
    std::string phrase;
    std::string name;
  };
  /// The first conduct atom, or definition mentioning conduct, in `e`.
  std::optional<Mention> conduct_in(const Expr& e) const;
  /// The first circumstance atom, or circumstance-only definition, in `e`.
  std::optional<Mention> circumstance_in(const Expr& e) const;
  void check_norm_content(const Typed& content, Span span);
  void resolve_axioms();
  void resolve_expectations_and_scenarios();
  std::uint32_t resolve_expectation(const ast::Expectation& e, std::optional<std::uint32_t> scenario);
  void resolve_scenario(const ast::Scenario& s);

  // ---- resolve.cc: lookup and message helpers
  const Global* find_global(const std::string& name) const;
  /// "did you mean 'France'?" over the globals of the given kinds and the
  /// visible variables; empty when nothing is close.
  std::string suggestion(const std::string& name, std::initializer_list<GlobalKind> kinds,
                         const Scope* scope = nullptr) const;
  /// Reports TC1001 for `name` with a suggestion.
  void undeclared(const std::string& name, Span span, std::initializer_list<GlobalKind> kinds, const Scope* scope);
  /// "the state 'France'", "the conduct 'assist'", ...
  std::string describe_global(const Global& global) const;
  /// "a state", "an institution", "a party (a state or an institution)", "a territory".
  std::string sort_phrase(SortId sort) const;
  /// "a truth value", "a number", or the sort phrase of an individual.
  std::string type_phrase(const Expr& e) const;
  /// The source text of an expression, whitespace collapsed, cut when long.
  std::string text_of(const ast::Expr& e) const;
  std::string text_of(Span span, const std::string& fallback) const;
  void note_declared(Diagnostic& d, const Global& global, const std::string& name) const;
  /// Notes where the name an expression consists of is declared (an
  /// individual, atom, definition or, given the scope, a variable).
  void note_expr(Diagnostic& d, const Expr& e, const Scope* scope) const;
  Diagnostic& report(DiagKind kind, Span span, std::string message);

  const ast::Corpus& corpus_;
  const SourceSet& sources_;
  Diagnostics& diagnostics_;
  World world_;

  std::map<std::string, Global> globals_;
  std::vector<const ast::AtomDecl*> atom_decls_;
  struct DefinitionSource {
    const ast::DefinitionDecl* define = nullptr;
    const ast::TermDecl* term = nullptr;
    Span name_span;
  };
  std::vector<DefinitionSource> definition_decls_;
  std::vector<const ast::TreatyDecl*> treaty_decls_;
  enum class PartiesState { NotStarted, InProgress, Done };
  std::vector<PartiesState> parties_state_;
  /// Per entity: the join of the sorts of its members (institutions only).
  std::map<EntityId, SortId> members_sort_;
  /// Per treaty: full label -> first article with it.
  std::vector<std::map<std::string, ArticleId>> labels_;
  /// Per clause id: its syntax.
  std::vector<const ast::Clause*> clause_decls_;
  /// Per article id: where its label is written.
  std::vector<Span> article_label_spans_;
  /// Scenario name -> where first declared.
  std::map<std::string, Span> scenario_names_;
  /// Per definition: definitions referenced by its readings, with where.
  std::vector<std::vector<std::pair<DefinitionId, Span>>> definition_refs_;
};

/// Optimal-string-alignment distance (insertions, deletions,
/// substitutions, adjacent transpositions), for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b);

/// Calls `f` on `e` and on every expression below it, including set
/// filters and quantifier domains.
template <typename F>
void visit(const Expr& e, const F& f);

template <typename F>
void visit_set(const Set& s, const F& f) {
  for (const Expr& x : s.filter) visit(x, f);
  for (const Set& c : s.children) visit_set(c, f);
}

template <typename F>
void visit(const Expr& e, const F& f) {
  f(e);
  for (const Expr& a : e.args) visit(a, f);
  for (const Set& s : e.bound_sets) visit_set(s, f);
  for (const Set& s : e.set) visit_set(s, f);
}

}  // namespace tc::sema::detail
