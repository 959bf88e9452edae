#pragma once
/// The resolved world: every name bound to a declaration, every expression
/// typed, every reference an index. Produced by `resolve` (resolve.h) from
/// an ast::Corpus; read by grounding, analysis and reports. Owns no
/// solver or parser type.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "source/source.h"

namespace tc::sema {

using EntityId = std::uint32_t;
using SortId = std::uint32_t;
using AtomId = std::uint32_t;
using DefinitionId = std::uint32_t;
using TreatyId = std::uint32_t;
using ArticleId = std::uint32_t;
using ClauseId = std::uint32_t;
using VarId = std::uint32_t;  ///< index into the owning construct's `variables`

/// Built-in sorts have fixed ids; user sorts follow.
inline constexpr SortId kStateSort = 0;
inline constexpr SortId kInstitutionSort = 1;
inline constexpr SortId kPartySort = 2;  ///< states and institutions together
inline constexpr SortId kFirstUserSort = 3;

/// A calendar day as yyyymmdd (19490824), so that dates compare as integers.
using DayNumber = std::int32_t;

/// Whether `date` exists in the (proleptic Gregorian) calendar: year 1..9999,
/// month 1..12, day within the month, 29 February only in leap years.
bool is_valid_date(const ast::Date& date);

/// Converts a validated ast::Date to a DayNumber.
inline DayNumber day_number(const ast::Date& date) { return date.year * 10000 + date.month * 100 + date.day; }
/// "YYYY-MM-DD".
std::string format_day(DayNumber day);

/// Whether a value of sort `actual` may stand where `expected` is required:
/// the same sort, or a state or institution where a party is expected.
bool sort_accepts(SortId expected, SortId actual);

struct Sort {
  std::string name;
  std::vector<EntityId> members;  ///< in declaration order
  Span span;                      ///< empty for built-in sorts
};

/// A state, an institution or an individual of a user sort.
struct Entity {
  std::string name;     ///< as written in the source (an identifier)
  std::string display;  ///< the display name ("United Kingdom"), or `name`
  SortId sort = kStateSort;
  Span span;
};

/// `member` belongs to `institution` on days in [since, until).
struct Membership {
  EntityId institution = 0;
  EntityId member = 0;
  std::optional<DayNumber> since;
  std::optional<DayNumber> until;
  Span span;
};

/// A circumstance or conduct predicate, or an integer quantity.
struct Atom {
  std::string name;
  bool is_conduct = false;
  bool is_quantity = false;
  std::int64_t lower = 0;  ///< quantities only
  std::int64_t upper = 0;
  std::vector<SortId> params;
  std::vector<std::string> param_names;
  std::optional<std::string> description;
  Span span;
  Span bounds_span;  ///< quantities: the `in LOW .. HIGH` text
};

/// The type of an expression.
enum class Type { Bool, Int, Entity };

enum class Op {
  True, False, Not, And, Or, Implies, Iff, Excludes,
  Exists, Forall,  ///< `bound` variables, args[0] = body
  InSet,           ///< args[0] = element, `set` = the set
  Compare,         ///< args[0] cmp args[1]; both Int, or both Entity (only Eq/Ne)
  Atom,            ///< `id` = AtomId, args = arguments
  Definition,      ///< `id` = DefinitionId, args = arguments (expanded by grounding)
  Var,             ///< `id` = VarId
  Entity,          ///< `id` = EntityId
  Int,             ///< `value`
  Add, Sub, Mul, Neg,
};

struct Set;

/// A typed, resolved expression.
struct Expr {
  Op op = Op::True;
  Type type = Type::Bool;
  SortId sort = kStateSort;        ///< Type::Entity only
  std::uint32_t id = 0;            ///< Atom, Definition, Var, Entity
  std::int64_t value = 0;          ///< Int
  ast::CompareOp compare = ast::CompareOp::Eq;
  std::vector<Expr> args;
  std::vector<VarId> bound;        ///< Exists, Forall
  std::vector<Set> bound_sets;     ///< Exists, Forall: the domain of each bound variable
  std::vector<Set> set;            ///< InSet: exactly one
  Span span;
};

enum class SetOp {
  AllOfSort,  ///< `sort`
  MembersOf,  ///< `entity` (an institution), evaluated at the check date
  PartiesOf,  ///< `treaty`, evaluated at the check date
  List,       ///< `entities`
  Builder,    ///< { var in children[0] where filter[0] }
  Union, Minus, Intersect,
};

/// A resolved set expression; evaluated by grounding at the check date.
struct Set {
  SetOp op = SetOp::AllOfSort;
  SortId sort = kStateSort;     ///< element sort (the join for unions)
  EntityId entity = 0;
  std::uint32_t treaty = 0;
  std::vector<EntityId> entities;
  VarId var = 0;                ///< Builder
  std::vector<Set> children;
  std::vector<Expr> filter;     ///< Builder: exactly one
  Span span;
};

/// A quantified variable of a clause, axiom, definition or set builder.
struct Variable {
  std::string name;
  SortId sort = kStateSort;
  Span span;
};

/// `for each vars in set` (one var per entry).
struct Binding {
  VarId var = 0;
  Set domain;
};

/// A named definition (or a term with readings). Parameters are variables
/// 0..params-1 of `variables`.
struct Definition {
  std::string name;
  std::size_t param_count = 0;
  std::vector<Variable> variables;
  /// The body of each reading. A plain `define` has one reading named "".
  struct Reading {
    std::string name;
    std::optional<std::string> explanation;
    std::optional<std::string> source;
    Expr body;
    Span span;
  };
  std::vector<Reading> readings;
  std::size_t default_reading = 0;
  bool mentions_conduct = false;  ///< after expanding nested definitions
  std::optional<std::string> description;
  Span span;
};

/// Background knowledge: `axiom: for each ...: body`.
struct Axiom {
  std::optional<std::string> title;
  std::vector<Variable> variables;
  std::vector<Binding> bindings;
  std::optional<Expr> where;
  Expr body;
  bool mentions_conduct = false;
  Span span;
};

enum class TreatyKind { Binding, Political };

struct Treaty {
  std::string name;
  std::optional<std::string> title;
  TreatyKind kind = TreatyKind::Binding;
  std::optional<DayNumber> signed_on;
  std::optional<DayNumber> in_force_from;
  bool is_draft = false;
  std::optional<DayNumber> draft_date;
  /// Neither `in force` nor `draft` written: bound on every date (TC1030).
  bool undated = false;
  std::optional<DayNumber> withdrawn_on;   ///< no longer binding from this day
  std::optional<DayNumber> suspended_on;
  std::optional<DayNumber> terminated_on;
  std::optional<Set> parties;
  std::vector<Variable> variables;  ///< variables of set builders inside `parties`
  bool prevails_over_all = false;
  std::vector<TreatyId> prevails_over;
  std::vector<ArticleId> articles;  ///< in source order, paragraphs after their article
  std::vector<ClauseId> clauses;    ///< in source order
  bool in_root_file = false;        ///< declared in a file named on the command line
  Span span;
};

struct Article {
  TreatyId treaty = 0;
  std::string label;  ///< full label: "5", "2(1)", "42(7)"
  std::optional<std::string> title;
  std::optional<std::string> wording;
  std::optional<std::string> paraphrase;
  std::vector<ClauseId> clauses;  ///< its own and its paragraphs'
  std::vector<ClauseId> own_clauses;  ///< only its own (Clause::index_in_article indexes this)
  std::optional<ArticleId> parent;    ///< the enclosing article of a paragraph
  bool is_paragraph = false;
  Span span;
};

enum class Modality { Obligation, Prohibition, Permission };

struct Condition {
  bool is_unless = false;
  Expr formula;
};

/// A normative clause, resolved.
struct Clause {
  TreatyId treaty = 0;
  ArticleId article = 0;
  std::uint32_t index_in_article = 0;  ///< 0-based, for stable identity
  Modality modality = Modality::Obligation;
  std::vector<Variable> variables;
  std::vector<Binding> bindings;
  std::optional<Expr> where;
  std::vector<Condition> conditions;
  Expr bearer;   ///< Var or Entity, sort state/institution/party
  Expr content;  ///< Bool
  std::vector<ClauseId> reparation_of;
  std::vector<ClauseId> specialises;
  std::vector<ClauseId> without_prejudice_to;
  Span span;
  Span modality_span;
};

enum class ExpectKind { Conflict, NoConflict, PermissionConflict, Consistent, Count, Norm };
enum class CountKind { Conflicts, PermissionConflicts, Findings };

struct Expectation {
  ExpectKind kind = ExpectKind::Consistent;
  /// One entry per clause reference written: the clauses of that article.
  std::vector<std::vector<ClauseId>> clause_groups;
  std::vector<std::string> clause_group_labels;  ///< "EST.2(1)" per group, for messages
  std::vector<Span> clause_group_spans;          ///< where each reference is written
  std::vector<TreatyId> without;
  std::int64_t count = 0;
  CountKind count_kind = CountKind::Conflicts;
  /// Norm: bearer (Entity), modality and content (ground: no variables).
  std::optional<Expr> bearer;
  Modality modality = Modality::Obligation;
  std::optional<Expr> content;
  std::optional<std::uint32_t> scenario;  ///< index into World::scenarios
  std::vector<Variable> variables;  ///< variables bound inside `content` (quantifiers)
  Span span;
};

struct Scenario {
  std::string name;
  std::vector<Expr> facts;  ///< closed formulas over circumstances
  std::vector<Variable> variables;  ///< variables bound by quantifiers inside `facts`
  std::vector<std::uint32_t> expectations;  ///< indices into World::expectations
  Span name_span;
  Span span;
};

/// Everything a check needs, resolved.
struct World {
  std::vector<Sort> sorts;  ///< built-ins first (kStateSort, kInstitutionSort, kPartySort)
  std::vector<Entity> entities;
  std::vector<Membership> memberships;
  std::vector<Atom> atoms;
  std::vector<Definition> definitions;
  std::vector<Axiom> axioms;
  std::vector<Treaty> treaties;
  std::vector<Article> articles;
  std::vector<Clause> clauses;
  std::vector<Expectation> expectations;
  std::vector<Scenario> scenarios;
  std::vector<FileId> root_files;

  std::map<std::string, EntityId> entity_by_name;
  std::map<std::string, AtomId> atom_by_name;
  std::map<std::string, DefinitionId> definition_by_name;
  std::map<std::string, TreatyId> treaty_by_name;
  std::map<std::string, SortId> sort_by_name;

  /// The article of `treaty` with full label `label`, if any.
  std::optional<ArticleId> find_article(TreatyId treaty, const std::string& label) const;
  /// Whether `member` belongs to `institution` on `day`.
  bool is_member(EntityId institution, EntityId member, DayNumber day) const;
  /// "NAT Art 5", or "NAT Art 5 (clause 2)" when an article has several clauses.
  std::string clause_title(ClauseId clause) const;
};

}  // namespace tc::sema
