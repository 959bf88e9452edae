// Unit tests of the semantic stage. The corpus is built directly as AST
// values (the `B` builder below), so these tests do not depend on the
// parser; tests/golden/sema/ covers the same rules from treaty text.
#include "sema/resolve.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tc::sema {
namespace {

using ast::ExprKind;
using ast::SetKind;

// ------------------------------------------------------------------ builder

/// Every node gets its own span in a pseudo-file that has no text, so
/// notes can be told apart and messages fall back to the AST's names.
constexpr FileId kFakeFile = 7;
std::uint32_t next_offset = 1;
Span fresh() {
  std::uint32_t b = next_offset;
  next_offset += 2;
  return Span{kFakeFile, b, b + 1};
}

ast::Ident id(const std::string& text) { return ast::Ident{text, fresh()}; }

ast::Expr leaf(ExprKind kind) {
  ast::Expr e;
  e.kind = kind;
  e.span = fresh();
  return e;
}
ast::Expr N(const std::string& name) {
  ast::Expr e = leaf(ExprKind::Name);
  e.name = name;
  e.name_span = e.span;
  return e;
}
ast::Expr C(const std::string& name, std::vector<ast::Expr> args) {
  ast::Expr e = leaf(ExprKind::Call);
  e.name = name;
  e.name_span = fresh();
  e.children = std::move(args);
  return e;
}
ast::Expr I(std::int64_t v) {
  ast::Expr e = leaf(ExprKind::Int);
  e.value = v;
  return e;
}
ast::Expr T() { return leaf(ExprKind::True); }
ast::Expr op(ExprKind kind, std::vector<ast::Expr> children) {
  ast::Expr e = leaf(kind);
  e.children = std::move(children);
  return e;
}
ast::Expr Not(ast::Expr a) { return op(ExprKind::Not, {std::move(a)}); }
ast::Expr And(ast::Expr a, ast::Expr b) { return op(ExprKind::And, {std::move(a), std::move(b)}); }
ast::Expr Cmp(ast::CompareOp c, ast::Expr a, ast::Expr b) {
  ast::Expr e = op(ExprKind::Compare, {std::move(a), std::move(b)});
  e.compare = c;
  return e;
}
ast::Expr Ne(ast::Expr a, ast::Expr b) { return Cmp(ast::CompareOp::Ne, std::move(a), std::move(b)); }

ast::SetExpr S(SetKind kind, const std::string& name = "") {
  ast::SetExpr s;
  s.kind = kind;
  s.span = fresh();
  s.name = id(name);
  return s;
}
ast::SetExpr States() { return S(SetKind::States); }
ast::SetExpr Parties(const std::string& of = "") { return S(SetKind::Parties, of); }
ast::SetExpr Members(const std::string& of) { return S(SetKind::MembersOf, of); }
ast::SetExpr Named(const std::string& name) { return S(SetKind::Named, name); }
ast::SetExpr List(std::vector<std::string> names) {
  ast::SetExpr s = S(SetKind::List);
  for (const auto& n : names) s.names.push_back(id(n));
  return s;
}
ast::SetExpr SetOp2(SetKind kind, ast::SetExpr a, ast::SetExpr b) {
  ast::SetExpr s = S(kind);
  s.children = {std::move(a), std::move(b)};
  return s;
}
ast::SetExpr Builder(const std::string& var, ast::SetExpr domain, ast::Expr filter) {
  ast::SetExpr s = S(SetKind::Builder, var);
  s.children = {std::move(domain)};
  s.formula = {std::move(filter)};
  return s;
}

ast::Binder Bind(std::vector<std::string> vars, ast::SetExpr set) {
  ast::Binder b;
  for (const auto& v : vars) b.vars.push_back(id(v));
  b.set = {std::move(set)};
  b.span = fresh();
  return b;
}
ast::Expr Quant(ExprKind kind, std::vector<ast::Binder> binders, ast::Expr body) {
  ast::Expr e = op(kind, {std::move(body)});
  e.binders = std::move(binders);
  return e;
}
ast::Expr In(ast::Expr element, ast::SetExpr set, bool negated = false) {
  ast::Expr e = op(negated ? ExprKind::NotIn : ExprKind::In, {std::move(element)});
  e.set = {std::move(set)};
  return e;
}

ast::Date date(int y, int m, int d) { return ast::Date{y, m, d, fresh()}; }
ast::DatedAttr dated(int y, int m, int d) { return ast::DatedAttr{date(y, m, d), fresh()}; }

using Params = std::vector<std::pair<std::string, std::string>>;
std::vector<ast::Param> params(const Params& ps) {
  std::vector<ast::Param> out;
  for (const auto& [n, s] : ps) out.push_back(ast::Param{id(n), id(s)});
  return out;
}

ast::Clause clause(ast::Expr bearer, ast::Modality m, ast::Expr content, std::vector<ast::Binder> binders = {}) {
  ast::Clause c;
  c.binders = std::move(binders);
  c.bearer = std::move(bearer);
  c.modality = m;
  c.modality_span = fresh();
  c.content = std::move(content);
  c.span = fresh();
  return c;
}
constexpr ast::Modality kMust = ast::Modality::Obligation;
constexpr ast::Modality kMustNot = ast::Modality::Prohibition;
constexpr ast::Modality kMay = ast::Modality::Permission;

ast::Article article(const std::string& label, std::vector<ast::Clause> clauses, std::vector<ast::Article> paragraphs = {}) {
  ast::Article a;
  a.label = ast::Label{label, fresh()};
  a.own_label = a.label;
  a.clauses = std::move(clauses);
  a.paragraphs = std::move(paragraphs);
  a.span = fresh();
  return a;
}
ast::Article paragraph(const std::string& full, std::vector<ast::Clause> clauses) {
  ast::Article a = article(full, std::move(clauses));
  a.is_paragraph = true;
  return a;
}

ast::ClauseRef ref(const std::string& treaty, const std::string& label) {
  return ast::ClauseRef{id(treaty), ast::Label{label, fresh()}, fresh()};
}

/// Builds one file (or several) of declarations in source order.
struct B {
  std::vector<ast::File> files{1};
  ast::File& f() { return files.back(); }
  B& file() {
    files.emplace_back();
    return *this;
  }
  ast::IndividualsDecl individuals(const std::vector<std::string>& names) {
    ast::IndividualsDecl d;
    d.span = fresh();
    for (const auto& n : names) d.individuals.push_back(ast::Individual{id(n), std::nullopt, fresh()});
    return d;
  }
  B& states(const std::vector<std::string>& names) {
    f().states.push_back(individuals(names));
    return *this;
  }
  B& institutions(const std::vector<std::string>& names) {
    f().institutions.push_back(individuals(names));
    return *this;
  }
  B& sort(const std::string& name, const std::vector<std::string>& names) {
    ast::SortDecl d;
    d.span = fresh();
    d.name = id(name);
    d.individuals = individuals(names).individuals;
    f().sorts.push_back(d);
    return *this;
  }
  B& membership(const std::string& inst, const std::vector<std::string>& members, std::optional<ast::Date> since = {},
                std::optional<ast::Date> until = {}) {
    ast::MembershipDecl d;
    d.span = fresh();
    d.institution = id(inst);
    ast::MembershipEntry e;
    for (const auto& m : members) e.members.push_back(id(m));
    e.since = since;
    e.until = until;
    e.span = fresh();
    d.entries.push_back(e);
    f().memberships.push_back(d);
    return *this;
  }
  ast::AtomDecl& atom(ast::AtomKind kind, const std::string& name, const Params& ps) {
    ast::AtomDecl d;
    d.kind = kind;
    d.span = fresh();
    d.name = id(name);
    d.params = params(ps);
    f().atoms.push_back(d);
    return f().atoms.back();
  }
  B& circumstance(const std::string& name, const Params& ps = {}) {
    atom(ast::AtomKind::Circumstance, name, ps);
    return *this;
  }
  B& conduct(const std::string& name, const Params& ps = {}) {
    atom(ast::AtomKind::Conduct, name, ps);
    return *this;
  }
  B& quantity(const std::string& name, const Params& ps, std::optional<std::int64_t> lo, std::optional<std::int64_t> hi,
              bool is_conduct = true) {
    ast::AtomDecl& a = atom(is_conduct ? ast::AtomKind::Conduct : ast::AtomKind::Circumstance, name, ps);
    a.is_quantity = true;
    a.lower = lo;
    a.upper = hi;
    a.bounds_span = fresh();
    return *this;
  }
  B& define(const std::string& name, const Params& ps, ast::Expr body) {
    ast::DefinitionDecl d;
    d.span = fresh();
    d.name = id(name);
    d.params = params(ps);
    d.body = std::move(body);
    f().definitions.push_back(std::move(d));
    return *this;
  }
  B& term(const std::string& name, const Params& ps, std::vector<ast::Reading> readings) {
    ast::TermDecl d;
    d.span = fresh();
    d.name = id(name);
    d.params = params(ps);
    d.readings = std::move(readings);
    f().terms.push_back(std::move(d));
    return *this;
  }
  B& axiom(std::vector<ast::Binder> binders, ast::Expr body) {
    ast::AxiomDecl d;
    d.span = fresh();
    d.binders = std::move(binders);
    d.body = std::move(body);
    f().axioms.push_back(std::move(d));
    return *this;
  }
  ast::TreatyDecl& treaty(const std::string& name, std::optional<ast::SetExpr> parties = {}) {
    ast::TreatyDecl t;
    t.span = fresh();
    t.name = id(name);
    if (parties) {
      t.parties.push_back(*parties);
      t.parties_spans.push_back(fresh());
    }
    f().treaties.push_back(std::move(t));
    return f().treaties.back();
  }
  B& expect(ast::Expectation e) {
    e.span = fresh();
    f().expectations.push_back(std::move(e));
    return *this;
  }
  ast::Scenario& scenario(const std::string& name, std::vector<ast::Expr> facts) {
    ast::Scenario s;
    s.name = name;
    s.name_span = fresh();
    s.span = fresh();
    s.facts = std::move(facts);
    f().scenarios.push_back(std::move(s));
    return f().scenarios.back();
  }
  ast::Corpus corpus() const {
    ast::Corpus c;
    c.files = files;
    for (std::size_t i = 0; i < c.files.size(); ++i) c.files[i].file = static_cast<FileId>(i + 1);
    c.roots = {static_cast<FileId>(c.files.size())};
    return c;
  }
};

ast::Reading reading(const std::string& name, bool is_default, ast::Expr body) {
  ast::Reading r;
  r.name = id(name);
  r.is_default = is_default;
  r.body = std::move(body);
  r.span = fresh();
  return r;
}

struct Outcome {
  SourceSet sources;
  Diagnostics diagnostics;
  std::optional<World> world;

  /// Codes of all diagnostics, in report order.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.all()) out.emplace_back(diag_code(d.kind));
    return out;
  }
  /// The only diagnostic (fails the test when there is not exactly one).
  const Diagnostic& only() const {
    EXPECT_EQ(diagnostics.all().size(), 1u) << dump();
    static const Diagnostic none{DiagKind::SyntaxError, Severity::Error, {}, "<none>", {}};
    return diagnostics.all().empty() ? none : diagnostics.all().front();
  }
  std::string dump() const {
    std::string out;
    for (const Diagnostic& d : diagnostics.all()) out += std::string(diag_code(d.kind)) + ": " + d.message + "\n";
    return out;
  }
};

std::unique_ptr<Outcome> run(const B& b) {
  auto r = std::make_unique<Outcome>();
  r->world = resolve(b.corpus(), r->sources, r->diagnostics);
  return r;
}

/// The standard little world most tests start from.
B base() {
  B b;
  b.states({"France", "Germany", "Estonia"})
      .institutions({"NATO", "EU"})
      .sort("territory", {"Crimea"})
      .membership("NATO", {"France", "Germany", "Estonia"})
      .circumstance("armed_attack", {{"a", "state"}, {"v", "state"}})
      .conduct("assist", {{"h", "state"}, {"v", "state"}})
      .conduct("admit", {{"by", "institution"}, {"s", "state"}})
      .conduct("speak", {{"p", "party"}})
      .quantity("troops", {{"f", "state"}, {"o", "state"}}, 0, 200000);
  return b;
}

/// A treaty "T" over NATO members with one article "1" holding `c`.
B with_clause(ast::Clause c, B b = base()) {
  b.treaty("T", Members("NATO")).articles.push_back(article("1", {std::move(c)}));
  return b;
}

const Clause& first_clause(const Outcome& r) { return r.world->clauses.at(0); }

// ------------------------------------------------------------------ names and lookup

TEST(Resolve, EmptyCorpusGivesBuiltInSorts) {
  auto r = run(B{});
  ASSERT_TRUE(r->world);
  ASSERT_EQ(r->world->sorts.size(), 3u);
  EXPECT_EQ(r->world->sorts[kStateSort].name, "state");
  EXPECT_EQ(r->world->sorts[kInstitutionSort].name, "institution");
  EXPECT_EQ(r->world->sorts[kPartySort].name, "party");
}

TEST(Resolve, SortsAndSubSorts) {
  auto r = run(base());
  ASSERT_TRUE(r->world) << r->dump();
  const World& w = *r->world;
  EXPECT_EQ(w.sorts[kStateSort].members.size(), 3u);
  EXPECT_EQ(w.sorts[kInstitutionSort].members.size(), 2u);
  EXPECT_EQ(w.sorts[kPartySort].members.size(), 5u);  // states and institutions
  SortId territory = w.sort_by_name.at("territory");
  EXPECT_EQ(territory, kFirstUserSort);
  EXPECT_EQ(w.sorts[territory].members, std::vector<EntityId>{w.entity_by_name.at("Crimea")});
  EXPECT_EQ(w.entities[w.entity_by_name.at("NATO")].sort, kInstitutionSort);
  EXPECT_TRUE(sort_accepts(kPartySort, kStateSort));
  EXPECT_TRUE(sort_accepts(kPartySort, kInstitutionSort));
  EXPECT_FALSE(sort_accepts(kStateSort, kPartySort));
  EXPECT_FALSE(sort_accepts(kPartySort, territory));
}

TEST(Resolve, DuplicateDeclarationAcrossKindsAndFiles) {
  B b = base();
  b.file().conduct("France");  // a second file: imported files come first, so this is the second declaration
  auto r = run(b);
  EXPECT_FALSE(r->world);
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::DuplicateDeclaration);
  EXPECT_EQ(d.message, "'France' is already declared as the state 'France'");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "first declared here");
}

TEST(Resolve, DuplicateOfBuiltInSort) {
  B b;
  b.sort("party", {});
  auto r = run(b);
  EXPECT_EQ(r->only().message, "'party' is the name of a built-in sort");
}

TEST(Resolve, LookupOrderVariableThenEntityThenAtomThenDefinition) {
  B b = base();
  b.circumstance("crisis").define("tense", {}, N("crisis"));
  // for each France in states: France must assist(France, Estonia) when crisis and tense
  ast::Clause c = clause(N("France"), kMust, C("assist", {N("France"), N("Estonia")}), {Bind({"France"}, States())});
  c.conditions.push_back(ast::Condition{ast::ConditionKind::When, And(N("crisis"), N("tense")), fresh()});
  auto r = run(with_clause(std::move(c), b));
  ASSERT_TRUE(r->world) << r->dump();  // the shadowing is a warning
  ASSERT_EQ(r->codes(), std::vector<std::string>{"TC1023"});
  EXPECT_EQ(r->only().message, "variable 'France' hides the state 'France': inside its scope the name means the variable");
  const Clause& cl = first_clause(*r);
  EXPECT_EQ(cl.bearer.op, Op::Var);
  EXPECT_EQ(cl.content.args[0].op, Op::Var);     // the variable wins
  EXPECT_EQ(cl.content.args[1].op, Op::Entity);  // then entities
  const Expr& when = cl.conditions[0].formula;
  EXPECT_EQ(when.args[0].op, Op::Atom);        // then 0-ary atoms
  EXPECT_EQ(when.args[1].op, Op::Definition);  // then 0-ary definitions
}

TEST(Resolve, UndeclaredNameSuggestsCloseName) {
  auto r = run(with_clause(clause(N("France"), kMust, C("assist", {N("France"), N("Frnace")}))));
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::UndeclaredName);
  EXPECT_EQ(d.message, "undeclared name 'Frnace'; did you mean 'France'?");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "'France' is declared here");
}

TEST(Resolve, UndeclaredNameWithoutSuggestion) {
  auto r = run(with_clause(clause(N("France"), kMust, C("assist", {N("France"), N("Zanzibar")}))));
  EXPECT_EQ(r->only().message, "undeclared name 'Zanzibar'");
}

TEST(Resolve, UnknownNameDoesNotCascade) {
  // assist(Frnace, Germany) = 3 and not nosuch(...) : one diagnostic per unknown name, nothing about types
  ast::Expr content = And(Cmp(ast::CompareOp::Eq, C("assist", {N("Frnace"), N("Germany")}), I(3)),
                          Not(C("nosuch", {N("Germany")})));
  auto r = run(with_clause(clause(N("France"), kMust, std::move(content))));
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1001", "TC1001"})) << r->dump();
}

TEST(Resolve, DefinitionsAndNamesMayBeUsedBeforeDeclaration) {
  B b;
  b.define("early", {{"s", "state"}}, C("act", {N("s")}));
  b.treaty("T", List({"Late"})).articles.push_back(article("1", {clause(N("Late"), kMust, C("early", {N("Late")}))}));
  b.conduct("act", {{"s", "state"}});
  b.states({"Late"});
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  EXPECT_TRUE(r->world->definitions[0].mentions_conduct);
}

// ------------------------------------------------------------------ calls, sorts, types

TEST(Resolve, WrongArity) {
  auto r = run(with_clause(clause(N("France"), kMust, C("assist", {N("France")}))));
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::WrongArity);
  EXPECT_EQ(d.message, "'assist' takes 2 arguments, but 1 was given");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "'assist' is declared here");
}

TEST(Resolve, ArityOfBareName) {
  auto r = run(with_clause(clause(N("France"), kMust, N("assist"))));
  EXPECT_EQ(r->only().message, "'assist' takes 2 arguments, but none were given");
}

TEST(Resolve, WrongSortOfArgument) {
  auto r = run(with_clause(clause(N("France"), kMust, C("assist", {N("France"), N("NATO")}))));
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::WrongSort);
  EXPECT_EQ(d.message, "argument 2 of 'assist' must be a state, but 'NATO' is an institution");
  EXPECT_EQ(d.notes.size(), 1u);
}

TEST(Resolve, SubSortAcceptedButPartyVariableIsNotAState) {
  // speak(p: party) accepts a state; assist(h: state, ...) rejects a party variable.
  ast::Clause ok = clause(N("France"), kMust, C("speak", {N("France")}));
  ast::Clause bad = clause(N("p"), kMust, C("assist", {N("p"), N("Estonia")}), {Bind({"p"}, Named("party"))});
  B b = base();
  b.treaty("T", Members("NATO")).articles.push_back(article("1", {ok, bad}));
  auto r = run(b);
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::WrongSort);
  EXPECT_EQ(d.message, "argument 1 of 'assist' must be a state, but 'p' is a party (a state or an institution)");
}

TEST(Resolve, TypeMismatches) {
  {  // a number as a formula
    auto r = run(with_clause(clause(N("France"), kMust, C("troops", {N("France"), N("Estonia")}))));
    EXPECT_EQ(r->only().kind, DiagKind::TypeMismatch);
    EXPECT_EQ(r->only().message,
              "'troops(France, Estonia)' is a number, but a formula (something true or false) is expected here");
  }
  {  // a formula as a number
    auto r = run(with_clause(
        clause(N("France"), kMust, Cmp(ast::CompareOp::Ge, C("assist", {N("France"), N("Estonia")}), I(1)))));
    EXPECT_EQ(r->only().kind, DiagKind::TypeMismatch);
  }
  {  // an individual as a formula
    auto r = run(with_clause(clause(N("France"), kMust, And(C("speak", {N("France")}), N("Germany")))));
    EXPECT_EQ(r->only().message, "'Germany' is a state, but a formula (something true or false) is expected here");
  }
  {  // a number where an individual is expected
    auto r = run(with_clause(clause(N("France"), kMust, C("assist", {N("France"), I(3)}))));
    EXPECT_EQ(r->only().kind, DiagKind::TypeMismatch);
    EXPECT_EQ(r->only().message, "argument 2 of 'assist' must be a state, but '3' is a number");
  }
}

TEST(Resolve, QuantityHasIntTypeAndAtomsBool) {
  ast::Expr content = Cmp(ast::CompareOp::Ge, C("troops", {N("France"), N("Estonia")}), I(5000));
  auto r = run(with_clause(clause(N("France"), kMust, std::move(content))));
  ASSERT_TRUE(r->world) << r->dump();
  const Expr& e = first_clause(*r).content;
  EXPECT_EQ(e.op, Op::Compare);
  EXPECT_EQ(e.args[0].type, Type::Int);
  EXPECT_EQ(e.args[0].op, Op::Atom);
  EXPECT_EQ(e.compare, ast::CompareOp::Ge);
}

TEST(Resolve, CompareIndividuals) {
  {
    auto r = run(with_clause(
        clause(N("France"), kMust, And(C("speak", {N("France")}), Cmp(ast::CompareOp::Lt, N("France"), N("Germany"))))));
    EXPECT_EQ(r->only().kind, DiagKind::TypeMismatch);
  }
  {
    auto r = run(with_clause(
        clause(N("France"), kMust, And(C("speak", {N("France")}), Ne(N("France"), N("Crimea"))))));
    EXPECT_EQ(r->only().kind, DiagKind::WrongSort);
    EXPECT_EQ(r->only().message, "'France' is a state and 'Crimea' is a territory: they can never be equal");
  }
  {  // a state and a party are comparable
    ast::Clause c = clause(N("p"), kMay, And(C("speak", {N("p")}), Ne(N("p"), N("France"))), {Bind({"p"}, Named("party"))});
    auto r = run(with_clause(c));
    EXPECT_TRUE(r->world) << r->dump();
  }
}

TEST(Resolve, MultiplicationMustBeLinear) {
  auto troops = [] { return C("troops", {N("France"), N("Estonia")}); };
  {
    ast::Expr product = op(ExprKind::Mul, {troops(), troops()});
    auto r = run(with_clause(clause(N("France"), kMust, Cmp(ast::CompareOp::Le, std::move(product), I(10)))));
    EXPECT_EQ(r->only().kind, DiagKind::NonLinearArithmetic);
  }
  {  // constants after folding: -(2) * troops, troops * (1 + 2)
    ast::Expr a = op(ExprKind::Mul, {op(ExprKind::Neg, {I(2)}), troops()});
    ast::Expr b = op(ExprKind::Mul, {troops(), op(ExprKind::Add, {I(1), I(2)})});
    ast::Expr content = Cmp(ast::CompareOp::Le, op(ExprKind::Add, {std::move(a), std::move(b)}), I(10));
    auto r = run(with_clause(clause(N("France"), kMust, std::move(content))));
    EXPECT_TRUE(r->world) << r->dump();
  }
}

// ------------------------------------------------------------------ quantities and bounds

TEST(Resolve, ComparisonOutsideBounds) {
  ast::Expr content = Cmp(ast::CompareOp::Ge, C("troops", {N("France"), N("Estonia")}), I(300000));
  auto r = run(with_clause(clause(N("France"), kMust, std::move(content))));
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::QuantityOutOfBounds);
  EXPECT_EQ(d.message,
            "300000 lies outside the bounds of 'troops' (0 .. 200000), so 'this expression' is always false");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "bounds of 'troops' declared here");
}

TEST(Resolve, ComparisonOutsideBoundsLiteralOnTheLeftAndNegated) {
  B b = base();
  b.quantity("threat", {}, 0, 10, false);
  // -1 < threat is always true; threat = 20 always false; 5 <= threat is fine
  ast::Expr f = And(Cmp(ast::CompareOp::Lt, op(ExprKind::Neg, {I(1)}), N("threat")),
                    And(Cmp(ast::CompareOp::Eq, N("threat"), I(20)), Cmp(ast::CompareOp::Le, I(5), N("threat"))));
  b.scenario("s", {std::move(f)});
  auto r = run(b);
  ASSERT_EQ(r->codes(), (std::vector<std::string>{"TC1007", "TC1007"})) << r->dump();
  EXPECT_NE(r->diagnostics.all()[0].message.find("is always true"), std::string::npos);
  EXPECT_NE(r->diagnostics.all()[1].message.find("is always false"), std::string::npos);
}

TEST(Resolve, InvalidAndMissingBounds) {
  B b;
  b.quantity("a", {}, 10, 0).quantity("b", {}, std::nullopt, std::nullopt);
  auto r = run(b);
  ASSERT_EQ(r->codes(), (std::vector<std::string>{"TC1008", "TC1008"}));
  EXPECT_EQ(r->diagnostics.all()[0].message, "quantity 'a' has lower bound 10 above its upper bound 0");
  EXPECT_EQ(r->diagnostics.all()[1].message, "quantity 'b' needs bounds: in LOW .. HIGH");
}

TEST(Resolve, QuantityBoundsCopied) {
  auto r = run(base());
  const Atom& troops = r->world->atoms[r->world->atom_by_name.at("troops")];
  EXPECT_TRUE(troops.is_quantity);
  EXPECT_TRUE(troops.is_conduct);
  EXPECT_EQ(troops.lower, 0);
  EXPECT_EQ(troops.upper, 200000);
  EXPECT_EQ(troops.params, (std::vector<SortId>{kStateSort, kStateSort}));
  EXPECT_EQ(troops.param_names, (std::vector<std::string>{"f", "o"}));
}

TEST(Resolve, UnknownParameterSort) {
  B b;
  b.sort("territory", {}).conduct("occupy", {{"t", "teritory"}});
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::UndeclaredName);
  EXPECT_EQ(r->only().message, "undeclared sort 'teritory'; did you mean 'territory'?");
}

// ------------------------------------------------------------------ dates and memberships

TEST(Resolve, CalendarDates) {
  EXPECT_TRUE(is_valid_date(ast::Date{2024, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 2, 29, {}}));
  EXPECT_TRUE(is_valid_date(ast::Date{2000, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{1900, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 4, 31, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 13, 1, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 1, 0, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{0, 1, 1, {}}));
}

TEST(Resolve, InvalidDateMessage) {
  B b = base();
  b.membership("EU", {"France"}, date(2023, 2, 29));
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::InvalidDate);
  EXPECT_EQ(r->only().message, "'2023-02-29' is not a date: February 2023 has 28 days");
}

TEST(Resolve, MembershipDatesOutOfOrder) {
  B b = base();
  b.membership("EU", {"France"}, date(2004, 5, 1), date(2004, 5, 1));
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::DatesOutOfOrder);
}

TEST(Resolve, MembershipNeedsInstitutionAndParties) {
  B b = base();
  b.membership("France", {"Germany"}).membership("EU", {"Crimea"});
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1015", "TC1004"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[0].message,
            "'France' is the state 'France', not an institution: only institutions have members");
}

TEST(Resolve, IsMemberAtDates) {
  B b = base();
  b.states({"UK"}).membership("EU", {"UK"}, date(1973, 1, 1), date(2020, 1, 31)).membership("EU", {"Estonia"},
                                                                                              date(2004, 5, 1));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const World& w = *r->world;
  EntityId eu = w.entity_by_name.at("EU"), uk = w.entity_by_name.at("UK"), ee = w.entity_by_name.at("Estonia");
  EXPECT_FALSE(w.is_member(eu, uk, 19721231));
  EXPECT_TRUE(w.is_member(eu, uk, 19730101));
  EXPECT_TRUE(w.is_member(eu, uk, 20200130));
  EXPECT_FALSE(w.is_member(eu, uk, 20200131));  // until is exclusive
  EXPECT_FALSE(w.is_member(eu, ee, 20040430));
  EXPECT_TRUE(w.is_member(eu, ee, 20250101));
  EXPECT_TRUE(w.is_member(w.entity_by_name.at("NATO"), ee, 19000101));  // no dates: always
}

// ------------------------------------------------------------------ treaties

TEST(Resolve, TreatyAttributes) {
  B b = base();
  ast::TreatyDecl& t = b.treaty("T", Members("NATO"));
  t.signed_.push_back(dated(1950, 1, 1));  // signed after in force: fine
  t.in_force.push_back(dated(1949, 8, 24));
  t.prevails_over_all = true;
  b.treaty("U").prevails_over.push_back(id("T"));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const Treaty& tt = r->world->treaties[0];
  EXPECT_EQ(tt.kind, TreatyKind::Binding);  // the default
  EXPECT_EQ(tt.in_force_from, 19490824);
  EXPECT_EQ(tt.signed_on, 19500101);
  EXPECT_TRUE(tt.prevails_over_all);
  EXPECT_TRUE(tt.in_root_file);
  EXPECT_EQ(r->world->treaties[1].prevails_over, std::vector<TreatyId>{0});
  EXPECT_EQ(r->world->root_files, std::vector<FileId>{1});
}

TEST(Resolve, TreatyInRootFileOnlyForCommandLineFiles) {
  B b;
  b.treaty("Imported");
  b.file().treaty("Draft");
  auto r = run(b);
  ASSERT_TRUE(r->world);
  EXPECT_FALSE(r->world->treaties[0].in_root_file);
  EXPECT_TRUE(r->world->treaties[1].in_root_file);
}

TEST(Resolve, DuplicateAndConflictingAttributes) {
  B b = base();
  ast::TreatyDecl& t = b.treaty("T");
  t.in_force = {dated(1990, 1, 1), dated(1991, 1, 1)};
  t.draft.push_back(ast::DatedAttr{std::nullopt, fresh()});
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1017", "TC1018"})) << r->dump();
}

TEST(Resolve, BindingAndPoliticalNeedsTheSourceText) {
  // The AST keeps one span per status word; sema reads the words.
  B b;
  Outcome r;
  FileId file = r.sources.add("t.treaty", "binding political binding");
  ast::TreatyDecl& t = b.treaty("T");
  t.kind_spans = {Span{file, 0, 7}, Span{file, 8, 17}, Span{file, 18, 25}};
  r.world = resolve(b.corpus(), r.sources, r.diagnostics);
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"TC1018", "TC1017"})) << r.dump();
  EXPECT_EQ(r.diagnostics.all()[0].message, "a treaty cannot be both binding and political");
}

TEST(Resolve, EndBeforeEntryIntoForce) {
  B b = base();
  ast::TreatyDecl& t = b.treaty("T");
  t.in_force.push_back(dated(1995, 1, 1));
  t.withdrawn.push_back(dated(1990, 1, 1));
  t.terminated.push_back(dated(1995, 1, 1));  // same day: fine
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::DatesOutOfOrder);
  EXPECT_EQ(r->only().message, "treaty 'T' is withdrawn on 1990-01-01, before it enters into force on 1995-01-01");
}

TEST(Resolve, MissingPartiesAndPrecedenceTargets) {
  B b = base();
  ast::TreatyDecl& t = b.treaty("T");
  t.articles.push_back(article("1", {clause(N("France"), kMust, C("speak", {N("France")}))}));
  t.prevails_over = {id("T"), id("NATT"), id("France")};
  b.treaty("NAT");
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1021", "TC1012", "TC1012", "TC1025"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[1].message, "unknown treaty 'NATT'; did you mean 'NAT'?");
}

TEST(Resolve, ArticlesParagraphsAndClauseIndices) {
  B b = base();
  auto speak = [](const char* who) { return clause(N(who), kMust, C("speak", {N(who)})); };
  ast::TreatyDecl& t = b.treaty("T", Members("NATO"));
  t.articles.push_back(article("1", {speak("France")}));
  t.articles.push_back(article("2", {speak("France"), speak("Germany")},
                               {paragraph("2(1)", {speak("Estonia")}), paragraph("2(2)", {speak("France")})}));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const World& w = *r->world;
  const Treaty& tt = w.treaties[0];
  ASSERT_EQ(tt.articles.size(), 4u);
  std::vector<std::string> labels;
  for (ArticleId a : tt.articles) labels.push_back(w.articles[a].label);
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "2(1)", "2(2)"}));
  const Article& two = w.articles[*w.find_article(0, "2")];
  EXPECT_EQ(two.clauses.size(), 4u);      // its own two and one per paragraph
  EXPECT_EQ(two.own_clauses.size(), 2u);
  const Article& two_one = w.articles[*w.find_article(0, "2(1)")];
  EXPECT_TRUE(two_one.is_paragraph);
  EXPECT_EQ(two_one.parent, w.find_article(0, "2"));
  ASSERT_EQ(two_one.clauses.size(), 1u);
  const Clause& in_paragraph = w.clauses[two_one.clauses[0]];
  EXPECT_EQ(in_paragraph.article, *w.find_article(0, "2(1)"));
  EXPECT_EQ(in_paragraph.index_in_article, 0u);
  EXPECT_EQ(w.clauses[two.own_clauses[1]].index_in_article, 1u);
  EXPECT_EQ(tt.clauses.size(), 5u);
  EXPECT_EQ(w.clause_title(two.own_clauses[1]), "T Art 2 (clause 2)");
  EXPECT_EQ(w.clause_title(two_one.clauses[0]), "T Art 2(1)");
}

TEST(Resolve, DuplicateArticleLabel) {
  B b = base();
  auto speak = clause(N("France"), kMust, C("speak", {N("France")}));
  b.treaty("T", Members("NATO")).articles = {article("2", {}, {paragraph("2(1)", {speak})}), article("2(1)", {speak})};
  auto r = run(b);
  const Diagnostic& d = r->only();
  EXPECT_EQ(d.kind, DiagKind::DuplicateArticleLabel);
  EXPECT_EQ(d.message, "treaty 'T' already has an article '2(1)'");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "first article '2(1)' is here");
}

// ------------------------------------------------------------------ sets and variables

TEST(Resolve, PartiesOfTheEnclosingTreaty) {
  // for each p, q in parties where p != q: p must assist(p, q)
  ast::Clause c = clause(N("p"), kMust, C("assist", {N("p"), N("q")}), {Bind({"p", "q"}, Parties())});
  c.where = Ne(N("p"), N("q"));
  auto r = run(with_clause(std::move(c)));
  ASSERT_TRUE(r->world) << r->dump();
  const Clause& cl = first_clause(*r);
  ASSERT_EQ(cl.variables.size(), 2u);
  EXPECT_EQ(cl.variables[0].name, "p");
  EXPECT_EQ(cl.variables[1].name, "q");
  EXPECT_EQ(cl.variables[0].sort, kStateSort);  // members of NATO are all states
  ASSERT_EQ(cl.bindings.size(), 2u);
  EXPECT_EQ(cl.bindings[0].var, 0u);
  EXPECT_EQ(cl.bindings[1].var, 1u);
  EXPECT_EQ(cl.bindings[0].domain.op, SetOp::PartiesOf);
  EXPECT_EQ(cl.bindings[1].domain.op, SetOp::PartiesOf);
  EXPECT_EQ(cl.bindings[0].domain.treaty, 0u);
  ASSERT_TRUE(cl.where);
  EXPECT_EQ(cl.where->args[1].op, Op::Var);
  EXPECT_EQ(cl.where->args[1].id, 1u);
  EXPECT_EQ(cl.bearer.op, Op::Var);
  EXPECT_EQ(cl.bearer.id, 0u);
  const Treaty& t = r->world->treaties[0];
  ASSERT_TRUE(t.parties);
  EXPECT_EQ(t.parties->op, SetOp::MembersOf);
  EXPECT_EQ(t.parties->entity, r->world->entity_by_name.at("NATO"));
}

TEST(Resolve, BarepartiesOutsideATreaty) {
  B b = base();
  b.axiom({}, Quant(ExprKind::Forall, {Bind({"p"}, Parties())}, C("speak", {N("p")})));
  b.treaty("T", Parties());  // inside its own parties attribute
  auto r = run(b);
  ASSERT_EQ(r->codes(), (std::vector<std::string>{"TC1001", "TC1001"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[0].message.rfind(
                "'parties' refers to the parties of the enclosing treaty, and there is none here", 0),
            0u);
}

TEST(Resolve, PartiesOfAnotherTreatyAndCycles) {
  B b = base();
  b.treaty("A", Parties("B"));
  b.treaty("B", SetOp2(SetKind::Union, List({"France"}), Parties("A")));
  b.treaty("C", Parties("X"));
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1020", "TC1012"})) << r->dump();
}

TEST(Resolve, SetKindsAndSorts) {
  B b = base();
  auto exists_in = [](ast::SetExpr s) { return Quant(ExprKind::Exists, {Bind({"x"}, std::move(s))}, T()); };
  b.axiom({}, exists_in(Named("territory")));                                              // 0: a user sort
  b.axiom({}, exists_in(Named("France")));                                                 // 1: an entity
  b.axiom({}, exists_in(SetOp2(SetKind::Union, List({"France"}), List({"NATO"}))));        // 2: join -> party
  b.axiom({}, exists_in(Builder("s", States(), C("armed_attack", {N("s"), N("France")}))));  // 3: builder
  b.axiom({}, exists_in(SetOp2(SetKind::Minus, S(SetKind::Institutions), Members("NATO"))));  // 4
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const auto& ax = r->world->axioms;
  auto domain = [&](std::size_t i) -> const Set& { return ax[i].body.bound_sets.at(0); };
  EXPECT_EQ(domain(0).op, SetOp::AllOfSort);
  EXPECT_EQ(domain(0).sort, r->world->sort_by_name.at("territory"));
  EXPECT_EQ(domain(1).op, SetOp::List);
  EXPECT_EQ(domain(1).entities, std::vector<EntityId>{r->world->entity_by_name.at("France")});
  EXPECT_EQ(domain(2).op, SetOp::Union);
  EXPECT_EQ(domain(2).sort, kPartySort);
  EXPECT_EQ(domain(3).op, SetOp::Builder);
  EXPECT_EQ(domain(3).sort, kStateSort);
  // the builder's variable comes first in the axiom's variables, then the quantified x
  ASSERT_EQ(ax[3].variables.size(), 2u);
  EXPECT_EQ(ax[3].variables[domain(3).var].name, "s");
  EXPECT_EQ(ax[3].body.bound, std::vector<VarId>{1});
  EXPECT_EQ(domain(3).filter.at(0).args[0].op, Op::Var);
  EXPECT_EQ(domain(4).sort, kPartySort);
}

TEST(Resolve, SetsThatCannotMix) {
  B b = base();
  b.axiom({}, Quant(ExprKind::Exists, {Bind({"x"}, SetOp2(SetKind::Union, States(), Named("territory")))}, T()));
  b.axiom({}, Quant(ExprKind::Exists, {Bind({"x"}, List({"France", "Crimea"}))}, T()));
  b.axiom({}, Quant(ExprKind::Exists, {Bind({"x"}, Members("France"))}, T()));
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1004", "TC1004", "TC1015"})) << r->dump();
}

TEST(Resolve, MembershipTestSorts) {
  B b = base();
  b.axiom({}, In(N("Crimea"), States()));
  b.axiom({}, In(N("France"), Members("NATO"), true));
  auto r = run(b);
  ASSERT_EQ(r->codes(), std::vector<std::string>{"TC1004"}) << r->dump();
}

TEST(Resolve, QuantifiersIndexVariables) {
  // axiom: for each h, v in states: assist(h, v) implies exists a in states: armed_attack(a, v)
  ast::Expr inner = Quant(ExprKind::Exists, {Bind({"a"}, States())}, C("armed_attack", {N("a"), N("v")}));
  B b = base();
  b.axiom({Bind({"h", "v"}, States())}, op(ExprKind::Implies, {C("assist", {N("h"), N("v")}), std::move(inner)}));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const Axiom& ax = r->world->axioms[0];
  ASSERT_EQ(ax.variables.size(), 3u);
  EXPECT_EQ(ax.bindings.size(), 2u);
  const Expr& exists = ax.body.args[1];
  EXPECT_EQ(exists.op, Op::Exists);
  EXPECT_EQ(exists.bound, std::vector<VarId>{2});
  ASSERT_EQ(exists.bound_sets.size(), 1u);
  EXPECT_EQ(exists.args[0].args[1].id, 1u);  // v
  EXPECT_TRUE(ax.mentions_conduct);
}

TEST(Resolve, VariableHidingVariable) {
  ast::Expr inner = Quant(ExprKind::Exists, {Bind({"p"}, States())}, C("speak", {N("p")}));
  ast::Clause c = clause(N("p"), kMust, And(C("speak", {N("p")}), std::move(inner)), {Bind({"p"}, Parties())});
  auto r = run(with_clause(std::move(c)));
  ASSERT_TRUE(r->world);
  EXPECT_EQ(r->only().kind, DiagKind::ShadowedVariable);
  EXPECT_EQ(r->only().message, "variable 'p' hides another variable of the same name");
  EXPECT_EQ(r->only().severity, Severity::Warning);
}

// ------------------------------------------------------------------ definitions

TEST(Resolve, DefineHasOneUnnamedReading) {
  B b = base();
  b.define("helps", {{"p", "state"}, {"q", "state"}},
           Quant(ExprKind::Exists, {Bind({"x"}, States())}, C("assist", {N("p"), N("q")})));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const Definition& d = r->world->definitions[0];
  EXPECT_EQ(d.param_count, 2u);
  ASSERT_EQ(d.variables.size(), 3u);  // params first, then x
  EXPECT_EQ(d.variables[2].name, "x");
  ASSERT_EQ(d.readings.size(), 1u);
  EXPECT_EQ(d.readings[0].name, "");
  EXPECT_EQ(d.default_reading, 0u);
  EXPECT_TRUE(d.mentions_conduct);
}

TEST(Resolve, TermReadings) {
  B b = base();
  ast::Reading narrow = reading("narrow", true, C("assist", {N("p"), N("q")}));
  narrow.explanation = "armed force only";
  narrow.source = "Art 51";
  b.term("affects", {{"p", "state"}, {"q", "state"}},
         {reading("broad", false, C("armed_attack", {N("p"), N("q")})), narrow});
  b.term("single", {}, {reading("only", false, T())});
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const Definition& d = r->world->definitions[0];
  ASSERT_EQ(d.readings.size(), 2u);
  EXPECT_EQ(d.default_reading, 1u);
  EXPECT_EQ(d.readings[1].explanation, "armed force only");
  EXPECT_EQ(d.readings[1].source, "Art 51");
  EXPECT_TRUE(d.mentions_conduct);  // any reading
  EXPECT_EQ(r->world->definitions[1].default_reading, 0u);
}

TEST(Resolve, DefaultReadingRules) {
  B b;
  b.term("none", {}, {reading("a", false, T()), reading("b", false, T())});
  b.term("two", {}, {reading("a", true, T()), reading("b", true, T())});
  b.term("empty", {}, {});
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1019", "TC1019", "TC1019"}));
  EXPECT_EQ(r->diagnostics.all()[0].message, "term 'none' has 2 readings but none is marked 'default'");
  EXPECT_EQ(r->diagnostics.all()[1].message, "term 'two' marks 2 readings as 'default'; exactly one must be");
  EXPECT_EQ(r->diagnostics.all()[2].message, "term 'empty' has no reading");
}

TEST(Resolve, RecursiveDefinitions) {
  B b;
  b.define("self", {}, Not(N("self")));
  b.define("ping", {}, N("pong")).define("pong", {}, N("ping"));
  auto r = run(b);
  ASSERT_EQ(r->codes(), (std::vector<std::string>{"TC1020", "TC1020"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[0].message,
            "definition 'self' refers to itself: a definition must be expandable to a formula without it");
  EXPECT_EQ(r->diagnostics.all()[1].message,
            "definition 'ping' refers to itself ('ping' -> 'pong' -> 'ping'): a definition must be expandable to a "
            "formula without it");
  EXPECT_EQ(r->diagnostics.all()[1].notes.size(), 2u);
}

TEST(Resolve, MentionsConductThroughDefinitions) {
  B b = base();
  b.define("a", {}, N("b")).define("b", {}, C("speak", {N("France")})).define("c", {}, C("armed_attack", {N("France"), N("Germany")}));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  EXPECT_TRUE(r->world->definitions[0].mentions_conduct);
  EXPECT_TRUE(r->world->definitions[1].mentions_conduct);
  EXPECT_FALSE(r->world->definitions[2].mentions_conduct);
}

TEST(Resolve, DefinitionCallArguments) {
  B b = base();
  b.define("helps", {{"p", "state"}}, C("speak", {N("p")}));
  ast::Clause c = clause(N("NATO"), kMust, C("helps", {N("NATO")}));
  auto r = run(with_clause(std::move(c), b));
  EXPECT_EQ(r->only().message, "argument 1 of 'helps' must be a state, but 'NATO' is an institution");
}

// ------------------------------------------------------------------ clauses

TEST(Resolve, Bearers) {
  ast::Clause territory = clause(N("Crimea"), kMust, C("speak", {N("France")}));
  ast::Clause atom = clause(N("assist"), kMust, C("speak", {N("France")}));
  ast::Clause call = clause(C("speak", {N("France")}), kMust, C("speak", {N("France")}));
  ast::Clause unbound = clause(N("Frnace"), kMust, C("speak", {N("France")}));
  B b = base();
  b.treaty("T", Members("NATO")).articles.push_back(article("1", {territory, atom, call, unbound}));
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1016", "TC1016", "TC1016", "TC1026"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[3].message,
            "the bearer 'Frnace' is neither a declared state or institution nor a variable bound by 'for each'; did you "
            "mean 'France'?");
}

TEST(Resolve, ContentMustMentionConduct) {
  auto r = run(with_clause(clause(N("France"), kMust, C("armed_attack", {N("France"), N("Germany")}))));
  EXPECT_EQ(r->only().kind, DiagKind::CircumstanceAsConduct);
  EXPECT_EQ(r->only().message,
            "the content of a norm must say what the bearer does: 'armed_attack' is a circumstance");
  auto r2 = run(with_clause(clause(N("France"), kMust, T())));
  EXPECT_EQ(r2->only().message, "the content of a norm must say what the bearer does: it mentions no conduct");
}

TEST(Resolve, ContentThroughADefinitionAndConditionsMayMentionAnything) {
  B b = base();
  b.define("helps", {{"p", "state"}}, C("speak", {N("p")}));
  ast::Clause c = clause(N("France"), kMust, C("helps", {N("France")}));
  c.conditions.push_back(ast::Condition{ast::ConditionKind::Unless, C("speak", {N("Germany")}), fresh()});
  c.conditions.push_back(ast::Condition{ast::ConditionKind::When, C("armed_attack", {N("Germany"), N("France")}), fresh()});
  auto r = run(with_clause(std::move(c), b));
  ASSERT_TRUE(r->world) << r->dump();
  const Clause& cl = first_clause(*r);
  ASSERT_EQ(cl.conditions.size(), 2u);
  EXPECT_TRUE(cl.conditions[0].is_unless);
  EXPECT_FALSE(cl.conditions[1].is_unless);
  EXPECT_EQ(cl.content.op, Op::Definition);
}

TEST(Resolve, ClauseReferences) {
  B b = base();
  auto speak = [](const char* who) { return clause(N(who), kMust, C("speak", {N(who)})); };
  // Clause ids follow source order (here: the order the fake spans are made in).
  ast::Clause first = speak("France");
  ast::Clause second = speak("Germany");
  ast::TreatyDecl& est = b.treaty("EST", Members("NATO"));
  est.articles.push_back(article("2", {first}, {paragraph("2(1)", {second})}));
  ast::Clause special = speak("Estonia");
  special.specialises.push_back(ref("EST", "2"));
  special.without_prejudice_to.push_back(ref("EST", "2(1)"));
  ast::Clause repair = speak("France");
  repair.reparation_of.push_back(ref("NAT", "5"));
  ast::TreatyDecl& nat = b.treaty("NAT", Members("NATO"));
  nat.articles.push_back(article("5", {special, repair}));
  auto r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const World& w = *r->world;
  const Clause& sp = w.clauses[2];
  EXPECT_EQ(sp.specialises, (std::vector<ClauseId>{0, 1}));  // article 2 and its paragraph
  EXPECT_EQ(sp.without_prejudice_to, (std::vector<ClauseId>{1}));
  EXPECT_EQ(w.clauses[3].reparation_of, (std::vector<ClauseId>{2, 3}));  // reparation within its own article is fine
}

TEST(Resolve, BadClauseReferences) {
  B b = base();
  ast::Clause c = clause(N("France"), kMust, C("speak", {N("France")}));
  c.specialises = {ref("EST", "2(2)"), ref("ESTT", "1"), ref("T", "1")};
  ast::TreatyDecl& est = b.treaty("EST", Members("NATO"));
  est.articles.push_back(article("2", {}, {paragraph("2(1)", {})}));
  auto r = run(with_clause(std::move(c), b));
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1013", "TC1012", "TC1021"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[0].message, "treaty 'EST' has no article '2(2)'; did you mean '2(1)'?");
}

// ------------------------------------------------------------------ expectations and scenarios

TEST(Resolve, Expectations) {
  B b = base();
  auto speak = [](const char* who) { return clause(N(who), kMust, C("speak", {N(who)})); };
  b.treaty("EST", Members("NATO")).articles.push_back(article("2", {}, {paragraph("2(1)", {speak("France")})}));
  b.treaty("NAT", Members("NATO")).articles.push_back(article("5", {speak("Germany")}));
  ast::Expectation conflict;
  conflict.kind = ast::ExpectKind::Conflict;
  conflict.clauses = {ref("EST", "2(1)"), ref("NAT", "5")};
  ast::Expectation consistent;
  consistent.kind = ast::ExpectKind::Consistent;
  consistent.without = {id("EST"), id("ETS")};
  b.expect(conflict).expect(consistent);
  ast::Expectation norm;
  norm.kind = ast::ExpectKind::Norm;
  norm.bearer = N("Germany");
  norm.modality = kMust;
  norm.content = C("assist", {N("Germany"), N("Estonia")});
  b.scenario("attack", {C("armed_attack", {N("France"), N("Estonia")})}).expectations.push_back(norm);
  auto r = run(b);
  ASSERT_EQ(r->codes(), std::vector<std::string>{"TC1012"}) << r->dump();
  b.f().expectations[1].without.pop_back();
  r = run(b);
  ASSERT_TRUE(r->world) << r->dump();
  const World& w = *r->world;
  ASSERT_EQ(w.expectations.size(), 3u);
  const Expectation& e = w.expectations[0];
  EXPECT_EQ(e.kind, ExpectKind::Conflict);
  EXPECT_EQ(e.clause_groups, (std::vector<std::vector<ClauseId>>{{0}, {1}}));
  EXPECT_EQ(e.clause_group_labels, (std::vector<std::string>{"EST.2(1)", "NAT.5"}));
  EXPECT_FALSE(e.scenario);
  EXPECT_EQ(w.expectations[1].without, std::vector<TreatyId>{0});
  const Expectation& n = w.expectations[2];
  EXPECT_EQ(n.kind, ExpectKind::Norm);
  EXPECT_EQ(n.scenario, 0u);
  ASSERT_TRUE(n.bearer);
  EXPECT_EQ(n.bearer->op, Op::Entity);
  EXPECT_EQ(w.scenarios[0].expectations, std::vector<std::uint32_t>{2});
  EXPECT_EQ(w.scenarios[0].facts.size(), 1u);
}

TEST(Resolve, NormExpectationNeedsAnEntityBearer) {
  B b = base();
  ast::Expectation norm;
  norm.kind = ast::ExpectKind::Norm;
  norm.bearer = N("p");
  norm.content = C("speak", {N("France")});
  b.scenario("s", {}).expectations.push_back(norm);
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::UnboundBearer);
}

TEST(Resolve, ScenarioRules) {
  B b = base();
  b.quantity("threat", {}, 0, 10, false);
  b.scenario("s", {C("armed_attack", {N("France"), N("Estonia")})});
  b.scenario("s", {C("assist", {N("France"), N("Estonia")})});
  b.scenario("t", {Cmp(ast::CompareOp::Eq, N("threat"), I(20))});
  auto r = run(b);
  EXPECT_EQ(r->codes(), (std::vector<std::string>{"TC1022", "TC1006", "TC1007"})) << r->dump();
  EXPECT_EQ(r->diagnostics.all()[0].message, "there is already a scenario named \"s\"");
}

TEST(Resolve, ScenarioFactThroughAConductDefinition) {
  B b = base();
  b.define("helping", {}, C("speak", {N("France")}));
  b.scenario("s", {N("helping")});
  auto r = run(b);
  EXPECT_EQ(r->only().kind, DiagKind::ConductAsCircumstance);
}

TEST(Resolve, WarningsAloneStillGiveAWorld) {
  B b = base();
  b.axiom({Bind({"France"}, States())}, C("speak", {N("France")}));
  auto r = run(b);
  EXPECT_TRUE(r->world);
  EXPECT_EQ(r->codes(), std::vector<std::string>{"TC1023"});
}

}  // namespace
}  // namespace tc::sema
