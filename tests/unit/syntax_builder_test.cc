// The syntax stage: parse tree -> AST for every construct of the grammar,
// spans, values, lexical checks, limits and error recovery.
#include <gtest/gtest.h>
#include <pthread.h>

#include <functional>
#include <string>

#include "syntax/parse.h"

namespace tc {
namespace {

using ast::ExprKind;

/// One file parsed from memory.
struct Parsed {
  SourceSet sources;
  Diagnostics diagnostics;
  FileId id = 0;
  ast::File file;

  /// "TC0010 3:5 message" for every diagnostic, in report order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.sorted()) {
      LineColumn lc = sources.file(id).locate(d.span.begin);
      out.push_back(std::string(diag_code(d.kind)) + " " + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                    " " + d.message);
    }
    return out;
  }
  std::string text(Span span) const { return sources.file(id).text().substr(span.begin, span.end - span.begin); }
  LineColumn at(Span span) const { return sources.file(id).locate(span.begin); }
};

std::unique_ptr<Parsed> parse(const std::string& text, const syntax::ParseLimits& limits = {}) {
  auto out = std::make_unique<Parsed>();
  out->id = out->sources.add("test.treaty", text);
  out->file = syntax::parse_file(out->sources, out->id, out->diagnostics, limits);
  return out;
}

/// Parses `text`, expecting no diagnostics.
std::unique_ptr<Parsed> parse_ok(const std::string& text) {
  auto out = parse(text);
  EXPECT_TRUE(out->diagnostics.all().empty()) << ::testing::PrintToString(out->messages());
  return out;
}

// ---------------------------------------------------------------- printing

std::string sx(const ast::SetExpr& s);

/// A formula or term as an S-expression, to check structure and precedence.
std::string sx(const ast::Expr& e) {
  auto bin = [&](const char* op) { return std::string("(") + op + " " + sx(e.children[0]) + " " + sx(e.children[1]) + ")"; };
  switch (e.kind) {
    case ExprKind::True: return "true";
    case ExprKind::False: return "false";
    case ExprKind::Name: return e.name;
    case ExprKind::Int: return std::to_string(e.value);
    case ExprKind::Call: {
      std::string s = e.name + "(";
      for (std::size_t i = 0; i < e.children.size(); ++i) s += (i > 0 ? "," : "") + sx(e.children[i]);
      return s + ")";
    }
    case ExprKind::Not: return "(not " + sx(e.children[0]) + ")";
    case ExprKind::Neg: return "(neg " + sx(e.children[0]) + ")";
    case ExprKind::And: return bin("and");
    case ExprKind::Or: return bin("or");
    case ExprKind::Implies: return bin("implies");
    case ExprKind::Iff: return bin("iff");
    case ExprKind::Excludes: return bin("excludes");
    case ExprKind::Add: return bin("+");
    case ExprKind::Sub: return bin("-");
    case ExprKind::Mul: return bin("*");
    case ExprKind::Compare: {
      static const char* ops[] = {"<", "<=", "=", "!=", ">=", ">"};
      return bin(ops[static_cast<int>(e.compare)]);
    }
    case ExprKind::In: return "(in " + sx(e.children[0]) + " " + sx(e.set[0]) + ")";
    case ExprKind::NotIn: return "(notin " + sx(e.children[0]) + " " + sx(e.set[0]) + ")";
    case ExprKind::Exists:
    case ExprKind::Forall: {
      std::string s = e.kind == ExprKind::Exists ? "(exists [" : "(forall [";
      for (const ast::Binder& b : e.binders) {
        for (const ast::Ident& v : b.vars) s += v.text + " ";
        s += "in " + sx(b.set[0]) + ";";
      }
      return s + "] " + sx(e.children[0]) + ")";
    }
  }
  return "?";
}

std::string sx(const ast::SetExpr& s) {
  switch (s.kind) {
    case ast::SetKind::MembersOf: return "members(" + s.name.text + ")";
    case ast::SetKind::Parties: return "parties(" + s.name.text + ")";
    case ast::SetKind::States: return "states";
    case ast::SetKind::Institutions: return "institutions";
    case ast::SetKind::List: {
      std::string r = "{";
      for (std::size_t i = 0; i < s.names.size(); ++i) r += (i > 0 ? "," : "") + s.names[i].text;
      return r + "}";
    }
    case ast::SetKind::Builder: return "{" + s.name.text + " in " + sx(s.children[0]) + " | " + sx(s.formula[0]) + "}";
    case ast::SetKind::Named: return s.name.text;
    case ast::SetKind::Union: return "(union " + sx(s.children[0]) + " " + sx(s.children[1]) + ")";
    case ast::SetKind::Minus: return "(minus " + sx(s.children[0]) + " " + sx(s.children[1]) + ")";
    case ast::SetKind::Intersect: return "(intersect " + sx(s.children[0]) + " " + sx(s.children[1]) + ")";
  }
  return "?";
}

/// The body of `define d := <formula>;` as an S-expression.
std::string formula(const std::string& text) {
  auto p = parse_ok("define d := " + text + ";");
  if (p->file.definitions.size() != 1) return "<no definition>";
  return sx(p->file.definitions[0].body);
}

/// Runs `body` on a thread with a 512 MiB stack, as the CLI does.
void on_big_stack(const std::function<void()>& body) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 512ull * 1024 * 1024);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&body)), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

// ---------------------------------------------------------------- declarations

TEST(SyntaxBuilder, StatesInstitutionsSorts) {
  auto p = parse_ok(
      "state Belgium, United_Kingdom \"United Kingdom\";\n"
      "institution NATO \"North \\\"Atlantic\\\" Treaty\\tOrganization\";\n"
      "sort territory: Crimea, Kaliningrad;\n"
      "sort empty;\n");
  const ast::File& f = p->file;
  ASSERT_EQ(f.states.size(), 1u);
  ASSERT_EQ(f.states[0].individuals.size(), 2u);
  EXPECT_EQ(f.states[0].individuals[0].name.text, "Belgium");
  EXPECT_FALSE(f.states[0].individuals[0].display);
  EXPECT_EQ(f.states[0].individuals[1].display.value_or(""), "United Kingdom");
  EXPECT_EQ(p->text(f.states[0].individuals[1].span), "United_Kingdom \"United Kingdom\"");
  EXPECT_EQ(p->text(f.states[0].span), "state Belgium, United_Kingdom \"United Kingdom\";");
  ASSERT_EQ(f.institutions.size(), 1u);
  EXPECT_EQ(f.institutions[0].individuals[0].display.value_or(""), "North \"Atlantic\" Treaty\tOrganization");
  ASSERT_EQ(f.sorts.size(), 2u);
  EXPECT_EQ(f.sorts[0].name.text, "territory");
  ASSERT_EQ(f.sorts[0].individuals.size(), 2u);
  EXPECT_EQ(f.sorts[0].individuals[1].name.text, "Kaliningrad");
  EXPECT_TRUE(f.sorts[1].individuals.empty());
}

TEST(SyntaxBuilder, MembershipWithDates) {
  auto p = parse_ok(
      "membership NATO {\n"
      "  Belgium, France since 1949-08-24;\n"
      "  United_Kingdom since 1973-01-01 until 2020-01-31;\n"
      "  Nobody;\n"
      "}\n");
  ASSERT_EQ(p->file.memberships.size(), 1u);
  const ast::MembershipDecl& m = p->file.memberships[0];
  EXPECT_EQ(m.institution.text, "NATO");
  ASSERT_EQ(m.entries.size(), 3u);
  ASSERT_EQ(m.entries[0].members.size(), 2u);
  EXPECT_EQ(m.entries[0].members[1].text, "France");
  ASSERT_TRUE(m.entries[0].since);
  EXPECT_EQ(m.entries[0].since->year, 1949);
  EXPECT_EQ(m.entries[0].since->month, 8);
  EXPECT_EQ(m.entries[0].since->day, 24);
  EXPECT_EQ(p->text(m.entries[0].since->span), "1949-08-24");
  EXPECT_FALSE(m.entries[0].until);
  ASSERT_TRUE(m.entries[1].until);
  EXPECT_EQ(m.entries[1].until->to_string(), "2020-01-31");
  EXPECT_FALSE(m.entries[2].since);
  EXPECT_EQ(p->text(m.entries[1].span), "United_Kingdom since 1973-01-01 until 2020-01-31;");
}

TEST(SyntaxBuilder, DatesAreSplitNotValidated) {
  auto p = parse_ok("membership X { A since 2021-02-30; }");
  const ast::Date& d = *p->file.memberships[0].entries[0].since;
  EXPECT_EQ(d.year, 2021);
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 30);  // sema reports TC1009
}

TEST(SyntaxBuilder, AtomsAndQuantities) {
  auto p = parse_ok(
      "circumstance armed_attack(attacker: state, victim: state) described \"an armed attack\";\n"
      "conduct assist(helper: state, in_: institution, where_: territory);\n"
      "quantity troops(from: state, on: state) in 0 .. 200_000;\n"
      "circumstance quantity threat_level in -5 .. 10;\n"
      "conduct quantity spending(p: state);\n"
      "circumstance peace;\n");
  const auto& a = p->file.atoms;
  ASSERT_EQ(a.size(), 6u);
  EXPECT_EQ(a[0].kind, ast::AtomKind::Circumstance);
  EXPECT_FALSE(a[0].is_quantity);
  ASSERT_EQ(a[0].params.size(), 2u);
  EXPECT_EQ(a[0].params[1].name.text, "victim");
  EXPECT_EQ(a[0].params[1].sort.text, "state");
  EXPECT_EQ(a[0].description.value_or(""), "an armed attack");
  EXPECT_EQ(a[1].kind, ast::AtomKind::Conduct);
  EXPECT_EQ(a[1].params[1].sort.text, "institution");
  EXPECT_EQ(a[1].params[2].sort.text, "territory");
  // `quantity` alone: a conduct quantity.
  EXPECT_EQ(a[2].kind, ast::AtomKind::Conduct);
  EXPECT_TRUE(a[2].is_quantity);
  EXPECT_EQ(a[2].lower, 0);
  EXPECT_EQ(a[2].upper, 200000);
  EXPECT_EQ(p->text(a[2].bounds_span), "in 0 .. 200_000");
  EXPECT_EQ(a[3].kind, ast::AtomKind::Circumstance);
  EXPECT_TRUE(a[3].is_quantity);
  EXPECT_TRUE(a[3].params.empty());
  EXPECT_EQ(a[3].lower, -5);
  EXPECT_EQ(a[3].upper, 10);
  EXPECT_EQ(a[4].kind, ast::AtomKind::Conduct);
  EXPECT_TRUE(a[4].is_quantity);
  EXPECT_FALSE(a[4].lower);
  EXPECT_FALSE(a[5].is_quantity);
  EXPECT_EQ(p->text(a[5].span), "circumstance peace;");
}

TEST(SyntaxBuilder, DefinitionsTermsAxioms) {
  auto p = parse_ok(
      "define hostile(p: state, q: state) := armed_attack(p, q) or threat(p, q) described \"hostile\";\n"
      "define calm := not crisis;\n"
      "term affects_security(p: state, q: state) {\n"
      "  reading narrow default \"armed force only\" source \"ICJ, Nicaragua\" := armed_attack(p, q);\n"
      "  reading broad := hostile(p, q);\n"
      "}\n"
      "axiom \"no self attack\": for each a, b in states where a = b: not armed_attack(a, b);\n"
      "axiom: calm;\n");
  const ast::File& f = p->file;
  ASSERT_EQ(f.definitions.size(), 2u);
  EXPECT_EQ(f.definitions[0].name.text, "hostile");
  EXPECT_EQ(f.definitions[0].params.size(), 2u);
  EXPECT_EQ(sx(f.definitions[0].body), "(or armed_attack(p,q) threat(p,q))");
  EXPECT_EQ(f.definitions[0].description.value_or(""), "hostile");
  EXPECT_TRUE(f.definitions[1].params.empty());
  ASSERT_EQ(f.terms.size(), 1u);
  const ast::TermDecl& t = f.terms[0];
  EXPECT_EQ(t.name.text, "affects_security");
  ASSERT_EQ(t.readings.size(), 2u);
  EXPECT_EQ(t.readings[0].name.text, "narrow");
  EXPECT_TRUE(t.readings[0].is_default);
  EXPECT_EQ(t.readings[0].explanation.value_or(""), "armed force only");
  EXPECT_EQ(t.readings[0].source.value_or(""), "ICJ, Nicaragua");
  EXPECT_EQ(sx(t.readings[0].body), "armed_attack(p,q)");
  EXPECT_FALSE(t.readings[1].is_default);
  EXPECT_FALSE(t.readings[1].explanation);
  ASSERT_EQ(f.axioms.size(), 2u);
  EXPECT_EQ(f.axioms[0].title.value_or(""), "no self attack");
  ASSERT_EQ(f.axioms[0].binders.size(), 1u);
  EXPECT_EQ(f.axioms[0].binders[0].vars.size(), 2u);
  EXPECT_EQ(sx(f.axioms[0].binders[0].set[0]), "states");
  ASSERT_TRUE(f.axioms[0].where);
  EXPECT_EQ(sx(*f.axioms[0].where), "(= a b)");
  EXPECT_EQ(sx(f.axioms[0].body), "(not armed_attack(a,b))");
  EXPECT_FALSE(f.axioms[1].title);
  EXPECT_TRUE(f.axioms[1].binders.empty());
}

// ---------------------------------------------------------------- treaties

TEST(SyntaxBuilder, TreatyWithEveryAttribute) {
  auto p = parse_ok(
      "treaty NAT \"North Atlantic Treaty\" binding political signed 1949-04-04 in force 1949-08-24\n"
      "  draft draft 2008-06-05 withdrawn 2020-01-01 suspended 2021-01-01 terminated 2022-01-01\n"
      "  parties: members of NATO parties: states prevails over EU, OSCE prevails over all { }\n");
  ASSERT_EQ(p->file.treaties.size(), 1u);
  const ast::TreatyDecl& t = p->file.treaties[0];
  EXPECT_EQ(t.name.text, "NAT");
  EXPECT_EQ(t.title.value_or(""), "North Atlantic Treaty");
  EXPECT_EQ(t.kind, ast::TreatyKind::Binding);  // the first written
  ASSERT_EQ(t.kind_spans.size(), 2u);
  EXPECT_EQ(p->text(t.kind_spans[1]), "political");
  ASSERT_EQ(t.signed_.size(), 1u);
  EXPECT_EQ(t.signed_[0].date->to_string(), "1949-04-04");
  ASSERT_EQ(t.in_force.size(), 1u);
  EXPECT_EQ(p->text(t.in_force[0].span), "in force 1949-08-24");
  ASSERT_EQ(t.draft.size(), 2u);
  EXPECT_FALSE(t.draft[0].date);
  EXPECT_EQ(t.draft[1].date->year, 2008);
  EXPECT_EQ(t.withdrawn.size(), 1u);
  EXPECT_EQ(t.suspended.size(), 1u);
  EXPECT_EQ(t.terminated[0].date->to_string(), "2022-01-01");
  ASSERT_EQ(t.parties.size(), 2u);  // duplicates kept; sema reports them
  EXPECT_EQ(sx(t.parties[0]), "members(NATO)");
  EXPECT_EQ(sx(t.parties[1]), "states");
  EXPECT_EQ(p->text(t.parties_spans[0]), "parties: members of NATO");
  EXPECT_TRUE(t.prevails_over_all);
  ASSERT_EQ(t.prevails_over.size(), 2u);
  EXPECT_EQ(t.prevails_over[1].text, "OSCE");
  EXPECT_EQ(p->text(t.prevails_span), "prevails over EU, OSCE");
  EXPECT_TRUE(t.articles.empty());
}

TEST(SyntaxBuilder, TreatyWithoutAttributes) {
  auto p = parse_ok("treaty T { }");
  const ast::TreatyDecl& t = p->file.treaties.at(0);
  EXPECT_EQ(t.kind, ast::TreatyKind::Unspecified);
  EXPECT_FALSE(t.title);
  EXPECT_TRUE(t.parties.empty());
  EXPECT_TRUE(t.prevails_span.empty());
}

TEST(SyntaxBuilder, ArticleLabelsAreNormalised) {
  auto p = parse_ok(
      "treaty T {\n"
      "  article 2(1) { }\n"
      "  article \"2(1)\" \"Title\" wording \"The Parties shall...\" paraphrase \"they must\" { }\n"
      "  article 3(a)(ii) { }\n"
      "  article preamble { }\n"
      "  article 2 {\n"
      "    paragraph 1 \"First\" {\n"
      "      paragraph a { }\n"
      "    }\n"
      "    article 4 { }\n"
      "    paragraph \"2(2)\" { }\n"
      "  }\n"
      "}\n");
  const auto& a = p->file.treaties.at(0).articles;
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].label.text, "2(1)");
  EXPECT_EQ(p->text(a[0].label.span), "2(1)");
  EXPECT_EQ(a[1].label.text, "2(1)");
  EXPECT_EQ(a[1].title.value_or(""), "Title");
  EXPECT_EQ(a[1].wording.value_or(""), "The Parties shall...");
  EXPECT_EQ(a[1].paraphrase.value_or(""), "they must");
  EXPECT_EQ(a[2].label.text, "3(a)(ii)");
  EXPECT_EQ(a[3].label.text, "preamble");
  EXPECT_FALSE(a[4].is_paragraph);
  ASSERT_EQ(a[4].paragraphs.size(), 3u);
  const ast::Article& p1 = a[4].paragraphs[0];
  EXPECT_TRUE(p1.is_paragraph);
  EXPECT_EQ(p1.label.text, "2(1)");
  EXPECT_EQ(p1.own_label.text, "1");
  EXPECT_EQ(p1.title.value_or(""), "First");
  ASSERT_EQ(p1.paragraphs.size(), 1u);
  EXPECT_EQ(p1.paragraphs[0].label.text, "2(1)(a)");
  EXPECT_EQ(p1.paragraphs[0].own_label.text, "a");
  const ast::Article& nested = a[4].paragraphs[1];
  EXPECT_FALSE(nested.is_paragraph);
  EXPECT_EQ(nested.label.text, "2(4)");
  EXPECT_EQ(nested.own_label.text, "4");
  EXPECT_EQ(a[4].paragraphs[2].label.text, "2(2)");  // already written in full
  EXPECT_EQ(p->at(p1.span).line, 7u);
  EXPECT_EQ(p->at(p1.span).column, 5u);
}

TEST(SyntaxBuilder, ClauseWithEverything) {
  auto p = parse_ok(
      "treaty T parties: states {\n"
      "  article 1 {\n"
      "    reparation of NAT.5 specialises EST.2(1)\n"
      "    for each p, q in parties, r in states where p != q:\n"
      "      when exists a in states: armed_attack(a, q)\n"
      "      unless acted(q)\n"
      "      when true\n"
      "      p must not assist(p, r)\n"
      "      without prejudice to UN.\"51\" specializes X.preamble;\n"
      "    A shall f(A);\n"
      "    A shall not f(A);\n"
      "    A must f(A);\n"
      "    A may f(A);\n"
      "  }\n"
      "}\n");
  const auto& clauses = p->file.treaties.at(0).articles.at(0).clauses;
  ASSERT_EQ(clauses.size(), 5u);
  const ast::Clause& c = clauses[0];
  ASSERT_EQ(c.binders.size(), 2u);
  EXPECT_EQ(c.binders[0].vars.size(), 2u);
  EXPECT_EQ(c.binders[0].vars[1].text, "q");
  EXPECT_EQ(sx(c.binders[0].set[0]), "parties()");
  EXPECT_EQ(c.binders[1].vars[0].text, "r");
  EXPECT_EQ(p->text(c.binders[1].span), "r in states");
  ASSERT_TRUE(c.where);
  EXPECT_EQ(sx(*c.where), "(!= p q)");
  ASSERT_EQ(c.conditions.size(), 3u);
  EXPECT_EQ(c.conditions[0].kind, ast::ConditionKind::When);
  EXPECT_EQ(sx(c.conditions[0].formula), "(exists [a in states;] armed_attack(a,q))");
  EXPECT_EQ(c.conditions[1].kind, ast::ConditionKind::Unless);
  EXPECT_EQ(p->text(c.conditions[1].span), "unless acted(q)");
  EXPECT_EQ(c.conditions[2].formula.kind, ExprKind::True);
  EXPECT_EQ(sx(c.bearer), "p");
  EXPECT_EQ(c.modality, ast::Modality::Prohibition);
  EXPECT_EQ(p->text(c.modality_span), "must not");
  EXPECT_EQ(sx(c.content), "assist(p,r)");
  ASSERT_EQ(c.reparation_of.size(), 1u);
  EXPECT_EQ(c.reparation_of[0].treaty.text, "NAT");
  EXPECT_EQ(c.reparation_of[0].article.text, "5");
  EXPECT_EQ(p->text(c.reparation_of[0].span), "NAT.5");
  // Attributes before the quantifier and after the content both count.
  ASSERT_EQ(c.specialises.size(), 2u);
  EXPECT_EQ(c.specialises[0].article.text, "2(1)");
  EXPECT_EQ(c.specialises[1].treaty.text, "X");
  EXPECT_EQ(c.specialises[1].article.text, "preamble");
  ASSERT_EQ(c.without_prejudice_to.size(), 1u);
  EXPECT_EQ(c.without_prejudice_to[0].article.text, "51");
  EXPECT_EQ(p->at(c.span).line, 3u);
  EXPECT_EQ(p->at(c.span).column, 5u);
  EXPECT_EQ(p->text(c.span).substr(p->text(c.span).size() - 11), "X.preamble;");
  EXPECT_EQ(clauses[1].modality, ast::Modality::Obligation);
  EXPECT_EQ(clauses[2].modality, ast::Modality::Prohibition);
  EXPECT_EQ(p->text(clauses[2].modality_span), "shall not");
  EXPECT_EQ(clauses[3].modality, ast::Modality::Obligation);
  EXPECT_EQ(clauses[4].modality, ast::Modality::Permission);
  EXPECT_TRUE(clauses[4].binders.empty());
  EXPECT_FALSE(clauses[4].where);
}

// ---------------------------------------------------------------- formulas, terms, sets

TEST(SyntaxBuilder, FormulaPrecedence) {
  EXPECT_EQ(formula("not a and b"), "(and (not a) b)");
  EXPECT_EQ(formula("a and b or c"), "(or (and a b) c)");
  EXPECT_EQ(formula("a or b and c"), "(or a (and b c))");
  EXPECT_EQ(formula("a or b excludes c"), "(excludes (or a b) c)");
  EXPECT_EQ(formula("a excludes b iff c"), "(iff (excludes a b) c)");
  EXPECT_EQ(formula("a iff b implies c"), "(implies (iff a b) c)");
  EXPECT_EQ(formula("a implies b implies c"), "(implies a (implies b c))");
  EXPECT_EQ(formula("a implies b and c implies d"), "(implies a (implies (and b c) d))");
  EXPECT_EQ(formula("a and b and c"), "(and (and a b) c)");
  EXPECT_EQ(formula("(a or b) and c"), "(and (or a b) c)");
  EXPECT_EQ(formula("not not a"), "(not (not a))");
  EXPECT_EQ(formula("not x in S"), "(not (in x S))");
  EXPECT_EQ(formula("true or false"), "(or true false)");
}

TEST(SyntaxBuilder, QuantifiersExtendRight) {
  EXPECT_EQ(formula("exists x in states: a and b"), "(exists [x in states;] (and a b))");
  EXPECT_EQ(formula("a and exists x in states: b or c"), "(and a (exists [x in states;] (or b c)))");
  EXPECT_EQ(formula("(forall x in states: b) or c"), "(or (forall [x in states;] b) c)");
  EXPECT_EQ(formula("forall x, y in states, z in {A, B}: f(x, y, z)"),
            "(forall [x y in states;z in {A,B};] f(x,y,z))");
}

TEST(SyntaxBuilder, MembershipAndComparisons) {
  EXPECT_EQ(formula("x in S and y not in T"), "(and (in x S) (notin y T))");
  EXPECT_EQ(formula("x < 1 or x <= 2 or x = 3 or x != 4 or x >= 5 or x > 6"),
            "(or (or (or (or (or (< x 1) (<= x 2)) (= x 3)) (!= x 4)) (>= x 5)) (> x 6))");
}

TEST(SyntaxBuilder, TermPrecedence) {
  EXPECT_EQ(formula("x + 1 <= y * 2"), "(<= (+ x 1) (* y 2))");
  EXPECT_EQ(formula("a - b - c = 0"), "(= (- (- a b) c) 0)");
  EXPECT_EQ(formula("a + b * c - d = 0"), "(= (- (+ a (* b c)) d) 0)");
  // Unary minus binds tightest.
  EXPECT_EQ(formula("-a + b = 0"), "(= (+ (neg a) b) 0)");
  EXPECT_EQ(formula("2 * -a + b = 0"), "(= (+ (* 2 (neg a)) b) 0)");
  EXPECT_EQ(formula("- - 3 = 3"), "(= (neg (neg 3)) 3)");
  EXPECT_EQ(formula("(a + b) * 3 = troops(A, B)"), "(= (* (+ a b) 3) troops(A,B))");
  EXPECT_EQ(formula("f() = 0"), "(= f() 0)");
}

TEST(SyntaxBuilder, Sets) {
  EXPECT_EQ(formula("x in members of NATO"), "(in x members(NATO))");
  EXPECT_EQ(formula("x in parties"), "(in x parties())");
  EXPECT_EQ(formula("x in parties of NAT"), "(in x parties(NAT))");
  EXPECT_EQ(formula("x in states or x in institutions"), "(or (in x states) (in x institutions))");
  EXPECT_EQ(formula("x in {}"), "(in x {})");
  EXPECT_EQ(formula("x in {A, B}"), "(in x {A,B})");
  EXPECT_EQ(formula("x in territory"), "(in x territory)");
  EXPECT_EQ(formula("x in A union B minus C intersect D"), "(in x (minus (union A B) (intersect C D)))");
  EXPECT_EQ(formula("x in A union (B minus C)"), "(in x (union A (minus B C)))");
  EXPECT_EQ(formula("x in { y in members of OSCE where not y in members of NATO }"),
            "(in x {y in members(OSCE) | (not (in y members(NATO)))})");
  auto p = parse_ok("define d := x in parties;");
  const ast::SetExpr& s = p->file.definitions[0].body.set[0];
  EXPECT_EQ(s.kind, ast::SetKind::Parties);
  EXPECT_TRUE(s.name.text.empty());
}

TEST(SyntaxBuilder, ExpressionSpans) {
  auto p = parse_ok("define d :=\n  (a or b) and troops(A, B) + 1 > 2;\n");
  const ast::Expr& e = p->file.definitions[0].body;
  EXPECT_EQ(p->text(e.span), "(a or b) and troops(A, B) + 1 > 2");
  EXPECT_EQ(p->text(e.children[0].span), "(a or b)");  // parentheses widen the span, add no node
  EXPECT_EQ(e.children[0].kind, ExprKind::Or);
  const ast::Expr& call = e.children[1].children[0].children[0];
  EXPECT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(p->text(call.span), "troops(A, B)");
  EXPECT_EQ(p->text(call.name_span), "troops");
  EXPECT_EQ(p->at(call.span).line, 2u);
  EXPECT_EQ(p->at(call.span).column, 16u);
  EXPECT_EQ(p->text(call.children[1].name_span), "B");
}

// ---------------------------------------------------------------- expectations, scenarios, imports

TEST(SyntaxBuilder, Expectations) {
  auto p = parse_ok(
      "expect conflict EST.2(1) with NAT.5;\n"
      "expect no conflict EST.2 with NAT.5 with UN.51;\n"
      "expect permission conflict A.1 with B.2;\n"
      "expect consistent;\n"
      "expect consistent without EST, OSCE;\n"
      "expect 3 conflicts;\n"
      "expect 1 conflict;\n"
      "expect 2 permission conflicts;\n"
      "expect 0 findings;\n"
      "expect 1 finding;\n");
  const auto& e = p->file.expectations;
  ASSERT_EQ(e.size(), 10u);
  EXPECT_EQ(e[0].kind, ast::ExpectKind::Conflict);
  ASSERT_EQ(e[0].clauses.size(), 2u);
  EXPECT_EQ(e[0].clauses[0].article.text, "2(1)");
  EXPECT_EQ(e[1].kind, ast::ExpectKind::NoConflict);
  EXPECT_EQ(e[1].clauses.size(), 3u);
  EXPECT_EQ(e[2].kind, ast::ExpectKind::PermissionConflict);
  EXPECT_EQ(e[3].kind, ast::ExpectKind::Consistent);
  EXPECT_TRUE(e[3].without.empty());
  ASSERT_EQ(e[4].without.size(), 2u);
  EXPECT_EQ(e[4].without[1].text, "OSCE");
  EXPECT_EQ(e[5].kind, ast::ExpectKind::Count);
  EXPECT_EQ(e[5].count, 3);
  EXPECT_EQ(e[5].count_kind, ast::CountKind::Conflicts);
  EXPECT_EQ(e[6].count_kind, ast::CountKind::Conflicts);
  EXPECT_EQ(e[7].count_kind, ast::CountKind::PermissionConflicts);
  EXPECT_EQ(e[8].count_kind, ast::CountKind::Findings);
  EXPECT_EQ(e[9].count_kind, ast::CountKind::Findings);
  EXPECT_EQ(p->text(e[5].span), "expect 3 conflicts;");
}

TEST(SyntaxBuilder, Scenarios) {
  auto p = parse_ok(
      "scenario \"Russia attacks Estonia\" {\n"
      "  armed_attack(Russia, Estonia);\n"
      "  not unsc_has_acted(Estonia);\n"
      "  expect Finland must assist(Finland, Estonia);\n"
      "  expect Finland may not_act(Finland);\n"
      "  expect consistent;\n"
      "}\n"
      "scenario \"empty\" { }\n");
  ASSERT_EQ(p->file.scenarios.size(), 2u);
  const ast::Scenario& s = p->file.scenarios[0];
  EXPECT_EQ(s.name, "Russia attacks Estonia");
  EXPECT_EQ(p->text(s.name_span), "\"Russia attacks Estonia\"");
  ASSERT_EQ(s.facts.size(), 2u);
  EXPECT_EQ(sx(s.facts[1]), "(not unsc_has_acted(Estonia))");
  ASSERT_EQ(s.expectations.size(), 3u);
  EXPECT_EQ(s.expectations[0].kind, ast::ExpectKind::Norm);
  EXPECT_EQ(sx(*s.expectations[0].bearer), "Finland");
  EXPECT_EQ(s.expectations[0].modality, ast::Modality::Obligation);
  EXPECT_EQ(sx(*s.expectations[0].content), "assist(Finland,Estonia)");
  EXPECT_EQ(s.expectations[1].modality, ast::Modality::Permission);
  EXPECT_EQ(s.expectations[2].kind, ast::ExpectKind::Consistent);
  EXPECT_TRUE(p->file.scenarios[1].facts.empty());
}

TEST(SyntaxBuilder, Imports) {
  auto p = parse_ok("import \"../treaties/world.treaty\";\nimport \"a b\\\\c.treaty\";\n");
  ASSERT_EQ(p->file.imports.size(), 2u);
  EXPECT_EQ(p->file.imports[0].path, "../treaties/world.treaty");
  EXPECT_EQ(p->text(p->file.imports[0].span), "\"../treaties/world.treaty\"");
  EXPECT_EQ(p->file.imports[1].path, "a b\\c.treaty");
}

// ---------------------------------------------------------------- values

TEST(SyntaxBuilder, Integers) {
  EXPECT_EQ(formula("x = 200_000"), "(= x 200000)");
  EXPECT_EQ(formula("x = 9223372036854775807"), "(= x 9223372036854775807)");
  auto p = parse("define d := x = 9223372036854775808;\nquantity q in -9223372036854775808 .. 1_0;\n");
  ASSERT_EQ(p->messages().size(), 1u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(p->messages()[0],
            "TC0015 1:17 integer 9223372036854775808 does not fit in 64 bits (the largest is 9223372036854775807)");
  ASSERT_EQ(p->file.atoms.size(), 1u);
  EXPECT_EQ(p->file.atoms[0].lower, INT64_MIN);
  EXPECT_EQ(p->file.atoms[0].upper, 10);
  auto q = parse("expect 99999999999999999999999 conflicts;");
  ASSERT_EQ(q->messages().size(), 1u);
  EXPECT_EQ(q->diagnostics.all()[0].kind, DiagKind::IntegerTooLarge);
}

TEST(SyntaxBuilder, StringEscapes) {
  auto p = parse_ok("state A \"q\\\"b\\\\s\\nn\\tt\";");
  EXPECT_EQ(p->file.states[0].individuals[0].display.value_or(""), "q\"b\\s\nn\tt");
  auto bad = parse("state A \"x\\qy\";\nstate B;");
  ASSERT_EQ(bad->messages().size(), 1u);
  EXPECT_EQ(bad->messages()[0], "TC0010 1:11 unknown escape sequence '\\q' in a string; the escapes are \\\" \\\\ \\n and \\t");
  EXPECT_EQ(bad->file.states.size(), 2u);  // one error, no cascade
}

// ---------------------------------------------------------------- bytes and lexing

TEST(SyntaxBytes, NulByte) {
  auto p = parse(std::string("state A;\nstate \0B;\0", 19));
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_EQ(p->messages()[0], "TC0006 2:7 NUL byte in the file; a treaty file must be text (2 NUL bytes in all)");
  EXPECT_EQ(p->diagnostics.all()[0].span.end - p->diagnostics.all()[0].span.begin, 1u);
}

TEST(SyntaxBytes, InvalidUtf8) {
  for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80"}) {
    auto p = parse("state \xc3\xa9t\xc3\xa9;\nstate " + bad + ";");
    ASSERT_EQ(p->diagnostics.all().size(), 1u) << bad;
    EXPECT_EQ(p->diagnostics.all()[0].kind, DiagKind::InvalidUtf8);
    EXPECT_EQ(p->diagnostics.all()[0].span.begin, 19u);
  }
  auto ok = parse_ok("state \xc3\xa9t\xc3\xa9, \xe6\x97\xa5\xe6\x9c\xac, \xf0\x9d\x92\x9cx;");
  EXPECT_EQ(ok->file.states[0].individuals.size(), 3u);
}

TEST(SyntaxBytes, BomIsSkippedAndSpansStayByteOffsets) {
  auto p = parse_ok("\xEF\xBB\xBFstate \xc3\xa9t\xc3\xa9, B;");
  ASSERT_EQ(p->file.states.size(), 1u);
  EXPECT_EQ(p->file.states[0].span.begin, 3u);
  EXPECT_EQ(p->text(p->file.states[0].individuals[0].name.span), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(p->text(p->file.states[0].individuals[1].name.span), "B");
  EXPECT_EQ(p->file.states[0].individuals[1].name.span.begin, 16u);
}

TEST(SyntaxBytes, CrLfColumns) {
  auto p = parse("state A;\r\nstate B;\r\nstate C D;\r\n");
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_EQ(p->messages()[0], "TC0010 3:9 unexpected 'D'; expected ';' or ','");
}

TEST(SyntaxBytes, EmptyFiles) {
  for (const std::string text : {"", "  \n\t\n", "// only a comment\n", "/* block */", "\xEF\xBB\xBF"}) {
    auto p = parse(text);
    ASSERT_EQ(p->diagnostics.all().size(), 1u) << text;
    EXPECT_EQ(p->diagnostics.all()[0].kind, DiagKind::EmptyFile);
    EXPECT_EQ(p->diagnostics.all()[0].span, (Span{p->id, 0, 0}));
  }
}

TEST(SyntaxLexer, UnterminatedStringDoesNotCascade) {
  auto p = parse("state A \"United\n;state B;");
  ASSERT_EQ(p->messages().size(), 1u) << ::testing::PrintToString(p->messages());
  EXPECT_EQ(p->messages()[0], "TC0011 1:9 missing terminating '\"' character");
  EXPECT_EQ(p->text(p->diagnostics.all()[0].span), "\"United");
  EXPECT_EQ(p->file.states.size(), 2u);
}

TEST(SyntaxLexer, UnterminatedComment) {
  auto p = parse("state A;\n/* never closed\nstate B;");
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_EQ(p->messages()[0], "TC0012 2:1 unterminated /* comment: no '*/' before the end of the file");
  EXPECT_EQ(p->file.states.size(), 1u);
  EXPECT_EQ(parse("/*/")->diagnostics.all().at(0).kind, DiagKind::UnterminatedComment);
}

TEST(SyntaxLexer, InvalidCharacters) {
  auto p = parse("state A \xc2\xa7;\ndefine d := a \xe2\x89\xa4 b;\nstate B;");
  auto m = p->messages();
  ASSERT_GE(m.size(), 2u);
  EXPECT_EQ(m[0], "TC0013 1:9 invalid character U+00A7 '\xc2\xa7'");
  EXPECT_EQ(m[1], "TC0013 2:15 invalid character U+2264 '\xe2\x89\xa4'; write '<='");
  EXPECT_EQ(p->file.states.size(), 2u);  // the invalid character itself is not a syntax error
  auto control = parse("state A\x07;");
  EXPECT_EQ(control->messages().at(0), "TC0013 1:8 invalid character U+0007");
}

TEST(SyntaxLexer, TooManyTokens) {
  syntax::ParseLimits limits;
  limits.max_tokens = 5;
  auto p = parse("state A, B;\nstate C;", limits);
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_EQ(p->messages()[0],
            "TC0018 2:1 more than 5 tokens in one file; split it into several files joined by 'import'");
  EXPECT_TRUE(p->file.states.empty());
}

// ---------------------------------------------------------------- nesting

TEST(SyntaxNesting, LimitIsExact) {
  auto nest = [](int depth) { return "define d := " + std::string(depth, '(') + "a" + std::string(depth, ')') + ";"; };
  EXPECT_TRUE(parse(nest(255))->diagnostics.all().empty());
  auto p = parse(nest(257));
  ASSERT_EQ(p->messages().size(), 1u);
  EXPECT_EQ(p->diagnostics.all()[0].kind, DiagKind::NestingTooDeep);
  EXPECT_EQ(p->at(p->diagnostics.all()[0].span).column, 13u + 256u);
  EXPECT_TRUE(p->file.definitions.empty());
}

TEST(SyntaxNesting, PrefixRunsQuantifiersAndImplies) {
  auto run = [](const std::string& unit, int n) {
    std::string s = "define d := ";
    for (int i = 0; i < n; ++i) s += unit;
    return s;
  };
  EXPECT_EQ(parse(run("not ", 300) + "a;")->diagnostics.all().at(0).kind, DiagKind::NestingTooDeep);
  EXPECT_EQ(parse(run("- ", 300) + "a = 1;")->diagnostics.all().at(0).kind, DiagKind::NestingTooDeep);
  EXPECT_EQ(parse(run("exists x in {A, B}: ", 300) + "a;")->diagnostics.all().at(0).kind, DiagKind::NestingTooDeep);
  EXPECT_EQ(parse(run("a implies ", 300) + "a;")->diagnostics.all().at(0).kind, DiagKind::NestingTooDeep);
  // Each quantifier's body holds the rest of the formula, even after other tokens.
  EXPECT_EQ(parse(run("exists x in states: a and ", 300) + "a;")->diagnostics.all().at(0).kind,
            DiagKind::NestingTooDeep);
  EXPECT_EQ(parse(run("{", 300))->diagnostics.all().at(0).kind, DiagKind::NestingTooDeep);
  // Runs end: many short runs side by side are fine.
  EXPECT_TRUE(parse(run("not a and ", 1000) + "a;")->diagnostics.all().empty());
  EXPECT_TRUE(parse(run("x - ", 1000) + "1 = 0;")->diagnostics.all().empty());
  EXPECT_TRUE(parse(run("(a) and ", 1000) + "a;")->diagnostics.all().empty());
  auto statements = parse(std::string("define d := a implies b;\n") + run("a implies ", 200) + "a;\n" +
                          run("a implies ", 200) + "a;\n" + run("exists x in states: a and ", 200) + "a;\n" +
                          run("(exists x in states: a) and ", 1000) + "a;");
  EXPECT_TRUE(statements->diagnostics.all().empty()) << ::testing::PrintToString(statements->messages());
}

TEST(SyntaxNesting, TenThousandLevelsAreDiagnosedNotCrashed) {
  std::string deep = "define d := " + std::string(10000, '(') + "a" + std::string(10000, ')') + ";";
  auto p = parse(deep);  // on the test's ordinary stack: the parser never recurses that deep
  ASSERT_EQ(p->diagnostics.all().size(), 1u);
  EXPECT_EQ(p->diagnostics.all()[0].kind, DiagKind::NestingTooDeep);
}

TEST(SyntaxNesting, LongOperatorChainsCostNoStack) {
  on_big_stack([] {
    constexpr int kLength = 100000;
    std::string text = "define d := a";
    for (int i = 1; i < kLength; ++i) text += " and a";
    text += ";\ndefine e := 1";
    for (int i = 1; i < kLength; ++i) text += " + 1";
    text += " = 0;\ndefine f := x in A";
    for (int i = 1; i < kLength; ++i) text += " union A";
    text += ";";
    auto p = parse(text);
    ASSERT_TRUE(p->diagnostics.all().empty());
    ASSERT_EQ(p->file.definitions.size(), 3u);
    // Walk the left spines without recursion.
    int depth = 0;
    for (const ast::Expr* e = &p->file.definitions[0].body; e->kind == ExprKind::And; e = &e->children[0]) ++depth;
    EXPECT_EQ(depth, kLength - 1);
    depth = 0;
    for (const ast::Expr* e = &p->file.definitions[1].body.children[0]; e->kind == ExprKind::Add; e = &e->children[0]) {
      ++depth;
    }
    EXPECT_EQ(depth, kLength - 1);
    depth = 0;
    for (const ast::SetExpr* s = &p->file.definitions[2].body.set[0]; s->kind == ast::SetKind::Union;
         s = &s->children[0]) {
      ++depth;
    }
    EXPECT_EQ(depth, kLength - 1);
  });
}

// ---------------------------------------------------------------- syntax errors

TEST(SyntaxErrors, RecoveryKeepsGoodDeclarations) {
  auto p = parse(
      "state A, B;\n"
      "state C D;\n"
      "circumstance attacked(v: state);\n"
      "define d := a and ;\n"
      "institution NATO;\n");
  auto m = p->messages();
  ASSERT_EQ(m.size(), 2u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "TC0010 2:9 unexpected 'D'; expected ';' or ','");
  EXPECT_EQ(m[1], "TC0010 4:19 unexpected ';'; expected a formula");
  // `state C D;` is read as `state C;` with 'D' deleted: complete, so kept.
  ASSERT_EQ(p->file.states.size(), 2u);
  EXPECT_EQ(p->file.states[0].individuals.size(), 2u);
  EXPECT_EQ(p->file.states[1].individuals.size(), 1u);
  EXPECT_EQ(p->file.atoms.size(), 1u);
  EXPECT_TRUE(p->file.definitions.empty());
  EXPECT_EQ(p->file.institutions.size(), 1u);
}

TEST(SyntaxErrors, BrokenClauseDropsOnlyThatClause) {
  auto p = parse(
      "treaty T {\n"
      "  article 1 {\n"
      "    A must assist(A, B)\n"
      "    B must assist(B, A);\n"
      "    C must ;\n"
      "    D may help(D);\n"
      "  }\n"
      "  article 2 { E must help(E); }\n"
      "}\n");
  auto m = p->messages();
  ASSERT_EQ(m.size(), 2u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "TC0010 3:24 expected ';' after the clause");
  EXPECT_EQ(m[1], "TC0010 5:12 unexpected ';'; expected a formula");
  ASSERT_EQ(p->file.treaties.size(), 1u);
  const auto& articles = p->file.treaties[0].articles;
  ASSERT_EQ(articles.size(), 2u);
  // The clause without content is left out; the one that only lacks its ';' is kept.
  ASSERT_EQ(articles[0].clauses.size(), 3u);
  EXPECT_EQ(sx(articles[0].clauses[0].bearer), "A");
  EXPECT_EQ(sx(articles[0].clauses[0].content), "assist(A,B)");
  EXPECT_EQ(sx(articles[0].clauses[1].bearer), "B");
  EXPECT_EQ(sx(articles[0].clauses[2].bearer), "D");
  EXPECT_EQ(articles[1].clauses.size(), 1u);
}

TEST(SyntaxErrors, MessagesNameWhatWasExpected) {
  EXPECT_EQ(parse("treaty X binding bogus { }")->messages().at(0),
            "TC0010 1:18 unexpected 'bogus'; expected '{' or a treaty attribute");
  EXPECT_EQ(parse("}")->messages().at(0), "TC0010 1:1 unexpected '}'; expected a declaration or end of file");
  EXPECT_EQ(parse("state A\nstate B;")->messages().at(0), "TC0010 1:8 expected ';' after the state declaration");
  EXPECT_EQ(parse("expect 3 conflicts")->messages().at(0), "TC0010 1:19 expected ';' after the expectation");
  auto paren = parse("define d := ((a and b);");
  ASSERT_EQ(paren->diagnostics.all().size(), 1u);
  EXPECT_EQ(paren->messages()[0], "TC0010 1:23 expected ')' before ';'");
  ASSERT_EQ(paren->diagnostics.all()[0].notes.size(), 1u);
  EXPECT_EQ(paren->diagnostics.all()[0].notes[0].message, "to match this '('");
  EXPECT_EQ(paren->at(paren->diagnostics.all()[0].notes[0].span).column, 13u);
  auto open = parse("treaty T {\n  article 1 {\n    A must f(A);\n");
  EXPECT_EQ(open->messages().at(0), "TC0010 3:17 expected '}' before the end of the file");
  EXPECT_EQ(open->at(open->diagnostics.all()[0].notes.at(0).span).line, 2u);
}

TEST(SyntaxErrors, AtMostFiftyPerFile) {
  std::string text;
  for (int i = 0; i < 80; ++i) text += "state A B;\n";
  auto p = parse(text);
  EXPECT_EQ(p->diagnostics.error_count(), 50u);
  ASSERT_EQ(p->diagnostics.all().size(), 51u);
  EXPECT_EQ(p->diagnostics.all().back().severity, Severity::Note);
  EXPECT_EQ(p->diagnostics.all().back().message, "too many syntax errors in this file; stopped after 50");
}

TEST(SyntaxErrors, GarbageNeverCrashes) {
  // A deterministic spray of token soup: whatever the input, parse_file returns.
  const char* pieces[] = {"treaty", "article", "{", "}", "(", ")", "must", "not", "A", ";", "for each", "in",
                          ":",      "where",   "1", "\"s\"", "and", "-", "expect", "scenario", "paragraph", ","};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 60; ++i) {
      seed = seed * 1103515245u + 12345u;
      text += pieces[(seed >> 16) % std::size(pieces)];
      text += ' ';
    }
    auto p = parse(text);
    SUCCEED();
  }
}

TEST(SyntaxVersions, Reported) {
  EXPECT_EQ(syntax::grammar_version(), "1.0");
  EXPECT_EQ(syntax::antlr_runtime_version().substr(0, 2), "4.");
}

}  // namespace
}  // namespace tc
