#pragma once
/// The treaty language's abstract syntax: plain value types, each node
/// with its source span. Built by checker/syntax from the parse tree;
/// read by sema and fmt. No ANTLR type appears here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "source/source.h"

namespace tc::ast {

/// A name as written, with where it was written.
struct Ident {
  std::string text;
  Span span;
};

/// A calendar date as written (validated by sema, not here).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  Span span;
  /// "YYYY-MM-DD".
  std::string to_string() const;
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
};

/// An article or paragraph label, normalised: `2(1)` and `"2(1)"` both give text "2(1)".
struct Label {
  std::string text;
  Span span;
};

/// Reference to a clause: the treaty's name and an article label ("EST.2(1)").
/// It denotes every clause of that article and of its paragraphs.
struct ClauseRef {
  Ident treaty;
  Label article;
  Span span;
};

struct SetExpr;

enum class ExprKind {
  // formulas
  True, False, Not, And, Or, Implies, Iff, Excludes,
  Exists, Forall,   ///< binders + one child (the body)
  In, NotIn,        ///< one child (the element term) + `set`
  Compare,          ///< two children + `compare`
  // terms (numbers, individuals, atoms)
  Name,             ///< a variable, an individual, or a 0-ary atom/definition: `name`
  Call,             ///< `name`(children...)
  Int,              ///< `value`
  Add, Sub, Mul,    ///< two children
  Neg,              ///< one child
};

enum class CompareOp { Lt, Le, Eq, Ne, Ge, Gt };

/// `p, q in parties` inside a quantifier.
struct Binder {
  std::vector<Ident> vars;
  std::vector<SetExpr> set;  ///< exactly one element (vector only to allow the recursive type)
  Span span;
};

/// A formula or term. Binary connectives are kept binary, as parsed;
/// parenthesised input leaves no node (only its span widens).
struct Expr {
  ExprKind kind = ExprKind::True;
  Span span;
  std::string name;              ///< Name, Call
  Span name_span;                ///< Name, Call
  std::int64_t value = 0;        ///< Int
  CompareOp compare = CompareOp::Eq;  ///< Compare
  std::vector<Expr> children;
  std::vector<Binder> binders;   ///< Exists, Forall
  std::vector<SetExpr> set;      ///< In, NotIn: exactly one element
};

enum class SetKind {
  MembersOf,     ///< members of `name`
  Parties,       ///< parties (of the enclosing treaty), or parties of `name`
  States,        ///< every declared state
  Institutions,  ///< every declared institution
  List,          ///< { names... }
  Builder,       ///< { var in children[0] where formula[0] }
  Named,         ///< a user sort (or, if sema decides so, a single individual)
  Union, Minus, Intersect,  ///< children[0] op children[1]
};

/// A set of individuals (parties, states, members of an institution ...).
struct SetExpr {
  SetKind kind = SetKind::States;
  Span span;
  Ident name;                    ///< MembersOf, Parties (empty = enclosing treaty), Named, Builder (the variable)
  std::vector<Ident> names;      ///< List
  std::vector<SetExpr> children; ///< Builder (1), Union/Minus/Intersect (2)
  std::vector<Expr> formula;     ///< Builder: exactly one element
};

/// `Belgium` or `United_Kingdom "United Kingdom"`.
struct Individual {
  Ident name;
  std::optional<std::string> display;
  Span span;
};

/// `state A, B;` / `institution NATO;`
struct IndividualsDecl {
  std::vector<Individual> individuals;
  Span span;
};

/// `sort territory: Crimea, Kaliningrad;`
struct SortDecl {
  Ident name;
  std::vector<Individual> individuals;
  Span span;
};

/// One line of a membership block: `A, B since 2004-03-29 until 2020-01-31;`
struct MembershipEntry {
  std::vector<Ident> members;
  std::optional<Date> since;
  std::optional<Date> until;
  Span span;
};

/// `membership NATO { ... }`
struct MembershipDecl {
  Ident institution;
  std::vector<MembershipEntry> entries;
  Span span;
};

/// `name: sort` in a parameter list.
struct Param {
  Ident name;
  Ident sort;  ///< "state", "institution", "party" or a user sort
};

enum class AtomKind { Circumstance, Conduct };

/// `circumstance armed_attack(a: state, v: state);`,
/// `quantity troops(f: state, o: state) in 0 .. 200000;`
struct AtomDecl {
  AtomKind kind = AtomKind::Conduct;
  bool is_quantity = false;
  Ident name;
  std::vector<Param> params;
  std::optional<std::int64_t> lower;  ///< quantities: inclusive bounds
  std::optional<std::int64_t> upper;
  Span bounds_span;
  std::optional<std::string> description;
  Span span;
};

/// `define name(params) := formula;`
struct DefinitionDecl {
  Ident name;
  std::vector<Param> params;
  Expr body;
  std::optional<std::string> description;
  Span span;
};

/// One reading of a vague term.
struct Reading {
  Ident name;
  bool is_default = false;
  std::optional<std::string> explanation;
  std::optional<std::string> source;
  Expr body;
  Span span;
};

/// `term affects_security(p: state, q: state) { reading narrow default := ...; ... }`
struct TermDecl {
  Ident name;
  std::vector<Param> params;
  std::vector<Reading> readings;
  Span span;
};

/// `axiom "title": for each ...: formula;`
struct AxiomDecl {
  std::optional<std::string> title;
  std::vector<Binder> binders;
  std::optional<Expr> where;
  Expr body;
  Span span;
};

enum class Modality { Obligation, Prohibition, Permission };

enum class ConditionKind { When, Unless };

struct Condition {
  ConditionKind kind = ConditionKind::When;
  Expr formula;
  Span span;
};

/// A normative clause inside an article.
struct Clause {
  std::vector<Binder> binders;        ///< `for each ...:`
  std::optional<Expr> where;          ///< the quantifier's filter
  std::vector<Condition> conditions;  ///< in source order
  Expr bearer;
  Modality modality = Modality::Obligation;
  Span modality_span;
  Expr content;
  std::vector<ClauseRef> reparation_of;
  std::vector<ClauseRef> specialises;
  std::vector<ClauseRef> without_prejudice_to;
  Span span;
};

/// An article or a paragraph (`paragraph` nested in an article). The
/// `label` of a paragraph is its full label ("2(1)" for paragraph 1 of
/// article 2); `own_label` is what was written after `paragraph`.
struct Article {
  Label label;
  Label own_label;
  bool is_paragraph = false;
  std::optional<std::string> title;
  std::optional<std::string> wording;
  std::optional<std::string> paraphrase;
  std::vector<Clause> clauses;
  std::vector<Article> paragraphs;  ///< nested articles and paragraphs
  Span span;
};

enum class TreatyKind { Unspecified, Binding, Political };

/// A date-valued treaty attribute with its keyword span.
struct DatedAttr {
  std::optional<Date> date;  ///< `draft` may have no date
  Span span;
};

/// `treaty NAT "North Atlantic Treaty" binding in force 1949-08-24 parties: ... { articles }`
struct TreatyDecl {
  Ident name;
  std::optional<std::string> title;
  TreatyKind kind = TreatyKind::Unspecified;
  std::vector<Span> kind_spans;  ///< one per `binding`/`political` written (duplicates diagnosed by sema)
  std::vector<DatedAttr> signed_;
  std::vector<DatedAttr> in_force;
  std::vector<DatedAttr> draft;
  std::vector<DatedAttr> withdrawn;
  std::vector<DatedAttr> suspended;
  std::vector<DatedAttr> terminated;
  std::vector<SetExpr> parties;       ///< normally one; more is a duplicate attribute
  std::vector<Span> parties_spans;
  bool prevails_over_all = false;
  std::vector<Ident> prevails_over;
  Span prevails_span;
  std::vector<Article> articles;
  Span span;
};

enum class ExpectKind {
  Conflict,            ///< expect conflict A with B ...;
  NoConflict,          ///< expect no conflict A with B ...;
  PermissionConflict,  ///< expect permission conflict P with A ...;
  Consistent,          ///< expect consistent [without T, ...];
  Count,               ///< expect N conflicts | permission conflicts | findings;
  Norm,                ///< (in a scenario) expect Finland must assist(Finland, Estonia);
};

enum class CountKind { Conflicts, PermissionConflicts, Findings };

/// An `expect` statement.
struct Expectation {
  ExpectKind kind = ExpectKind::Consistent;
  std::vector<ClauseRef> clauses;  ///< Conflict, NoConflict, PermissionConflict
  std::vector<Ident> without;      ///< Consistent
  std::int64_t count = 0;          ///< Count
  CountKind count_kind = CountKind::Conflicts;
  std::optional<Expr> bearer;      ///< Norm
  Modality modality = Modality::Obligation;
  std::optional<Expr> content;     ///< Norm
  Span span;
};

/// `scenario "name" { facts; expectations }`
struct Scenario {
  std::string name;
  Span name_span;
  std::vector<Expr> facts;
  std::vector<Expectation> expectations;
  Span span;
};

/// `import "path";` (path relative to the importing file)
struct Import {
  std::string path;
  Span span;
};

/// One source file's declarations, each list in source order.
struct File {
  FileId file = 0;
  std::vector<Import> imports;
  std::vector<IndividualsDecl> states;
  std::vector<IndividualsDecl> institutions;
  std::vector<SortDecl> sorts;
  std::vector<MembershipDecl> memberships;
  std::vector<AtomDecl> atoms;
  std::vector<DefinitionDecl> definitions;
  std::vector<TermDecl> terms;
  std::vector<AxiomDecl> axioms;
  std::vector<TreatyDecl> treaties;
  std::vector<Expectation> expectations;
  std::vector<Scenario> scenarios;
};

/// Every file of a run: the ones named on the command line and everything
/// they import, each once, imported files before their importers.
struct Corpus {
  std::vector<File> files;
  /// Files named on the command line (the rest came in through imports).
  std::vector<FileId> roots;
};

}  // namespace tc::ast
