// The formatter: every treaty file of the repository and random syntax
// trees survive formatting with the same syntax tree and comments, and
// formatting twice changes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "ast/dump.h"
#include "format/format.h"
#include "syntax/parse.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Formats `text` twice; expects both runs verified and the second to change nothing.
void expect_stable(const std::string& name, const std::string& text) {
  SourceSet sources;
  Diagnostics diagnostics;
  format::Formatted once = format::format_source(sources, sources.add(name, text), diagnostics);
  if (!once.parsed) return;  // invalid input is refused, not formatted
  ASSERT_TRUE(once.verified) << name << ": " << once.problem << "\n" << once.text;
  format::Formatted twice = format::format_source(sources, sources.add(name + "'", once.text), diagnostics);
  ASSERT_TRUE(twice.verified) << name << ": " << twice.problem;
  EXPECT_EQ(once.text, twice.text) << name << ": formatting is not idempotent";
}

std::vector<fs::path> repository_treaty_files() {
  std::vector<fs::path> out;
  fs::path root = TC_SOURCE_DIR;
  for (const char* dir : {"treaties", "examples", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".treaty") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Format, EveryRepositoryFileKeepsItsSyntaxAndIsStable) {
  std::size_t formatted = 0;
  for (const fs::path& p : repository_treaty_files()) {
    SourceSet sources;
    Diagnostics diagnostics;
    format::Formatted f = format::format_source(sources, sources.add(p.string(), read(p)), diagnostics);
    formatted += f.parsed;
    expect_stable(p.string(), read(p));
  }
  EXPECT_GT(formatted, 50u);  // the corpus, the examples and the valid golden inputs
}

TEST(Format, CanonicalLayoutOfAClause) {
  std::string in =
      "treaty T binding parties: {A, B} { article 1 { for each p, q in parties where p != q: when x(q) unless y(q) "
      "p shall assist(p, q) specializes T.2; } article 2 { for each p in parties: p must not act(p); } }\n"
      "state A, B;\n";
  SourceSet sources;
  Diagnostics diagnostics;
  format::Formatted f = format::format_source(sources, sources.add("t.treaty", in), diagnostics);
  ASSERT_TRUE(f.verified) << f.problem;
  EXPECT_EQ(f.text,
            "treaty T\n"
            "  binding\n"
            "  parties: {A, B}\n"
            "{\n"
            "  article 1 {\n"
            "    for each p, q in parties where p != q:\n"
            "      when x(q)\n"
            "      unless y(q)\n"
            "      p must assist(p, q)\n"
            "      specialises T.2;\n"
            "  }\n"
            "  article 2 {\n"
            "    for each p in parties:\n"
            "      p must not act(p);\n"
            "  }\n"
            "}\n"
            "state A, B;\n");
}

TEST(Format, CommentsStayWhereTheyBelong) {
  std::string in =
      "// header\n\n"
      "state A;   // trailing\n"
      "/* before B */ state B;\n"
      "define d :=   // inside\n"
      "  x(A) and y(B);\n"
      "membership N {\n  A; // a\n  B;     // b\n  // last\n}\n";
  SourceSet sources;
  Diagnostics diagnostics;
  format::Formatted f = format::format_source(sources, sources.add("c.treaty", in), diagnostics);
  ASSERT_TRUE(f.verified) << f.problem;
  EXPECT_EQ(f.text,
            "// header\n\n"
            "state A;  // trailing\n"
            "/* before B */\n"
            "state B;\n"
            "// inside\n"
            "define d := x(A) and y(B);\n"
            "membership N {\n  A;  // a\n  B;  // b\n  // last\n}\n");
}

TEST(Format, ParenthesesOnlyWherePrecedenceNeedsThem) {
  std::string in =
      "define d := (a and b) or (c and (d or e)) implies ((f implies g) implies h);\n"
      "define e := not (exists x in states: p(x)) and (forall y in states: q(y)) and exists z in states: r(z) or s;\n"
      "define f := (t(A) + 1) * 2 - (3 - -t(B)) < 4 and A in (S union T) intersect U;\n";
  SourceSet sources;
  Diagnostics diagnostics;
  format::Formatted f = format::format_source(sources, sources.add("p.treaty", in), diagnostics);
  ASSERT_TRUE(f.verified) << f.problem;
  EXPECT_EQ(f.text,
            "define d := a and b or c and (d or e) implies (f implies g) implies h;\n"
            "define e :=\n"
            "    not (exists x in states: p(x)) and (forall y in states: q(y)) and exists z in states: r(z) or s;\n"
            "define f := (t(A) + 1) * 2 - (3 - -t(B)) < 4 and A in (S union T) intersect U;\n");
}

// ---------------------------------------------------------------- random inputs

/// Random formulas, terms and sets over a few names, printed by the
/// formatter from a syntax tree (so every shape of nesting occurs, not only
/// the ones people write), then parsed back.
class RandomTrees {
 public:
  explicit RandomTrees(unsigned seed) : rng_(seed) {}

  ast::Expr formula(int depth) {
    ast::Expr e;
    int pick = depth <= 0 ? 9 + roll(4) : roll(13);
    switch (pick) {
      case 0: e.kind = ast::ExprKind::Not; e.children = {formula(depth - 1)}; break;
      case 1: case 2: case 3: case 4: case 5: case 6: {
        static const ast::ExprKind kinds[] = {ast::ExprKind::And, ast::ExprKind::Or, ast::ExprKind::Implies,
                                              ast::ExprKind::Iff, ast::ExprKind::Excludes, ast::ExprKind::And};
        e.kind = kinds[pick - 1];
        e.children = {formula(depth - 1), formula(depth - 1)};
        break;
      }
      case 7: case 8:
        e.kind = pick == 7 ? ast::ExprKind::Exists : ast::ExprKind::Forall;
        e.binders = {binder(depth - 1)};
        e.children = {formula(depth - 1)};
        break;
      case 9: e.kind = roll(2) ? ast::ExprKind::In : ast::ExprKind::NotIn; e.children = {name()}; e.set = {set(depth - 1)}; break;
      case 10:
        e.kind = ast::ExprKind::Compare;
        e.compare = static_cast<ast::CompareOp>(roll(6));
        e.children = {term(depth - 1), term(depth - 1)};
        break;
      case 11: e.kind = roll(2) ? ast::ExprKind::True : ast::ExprKind::False; break;
      default: e = call(depth - 1); break;
    }
    return e;
  }

  ast::Expr term(int depth) {
    ast::Expr e;
    switch (depth <= 0 ? 4 + roll(3) : roll(7)) {
      case 0: e.kind = ast::ExprKind::Add; e.children = {term(depth - 1), term(depth - 1)}; break;
      case 1: e.kind = ast::ExprKind::Sub; e.children = {term(depth - 1), term(depth - 1)}; break;
      case 2: e.kind = ast::ExprKind::Mul; e.children = {term(depth - 1), term(depth - 1)}; break;
      case 3: e.kind = ast::ExprKind::Neg; e.children = {term(depth - 1)}; break;
      case 4: e.kind = ast::ExprKind::Int; e.value = roll(1000); break;
      case 5: e = name(); break;
      default: e = call(depth - 1); break;
    }
    return e;
  }

  ast::SetExpr set(int depth) {
    ast::SetExpr s;
    switch (depth <= 0 ? 3 + roll(5) : roll(9)) {
      case 0: s.kind = ast::SetKind::Union; s.children = {set(depth - 1), set(depth - 1)}; break;
      case 1: s.kind = ast::SetKind::Minus; s.children = {set(depth - 1), set(depth - 1)}; break;
      case 2: s.kind = ast::SetKind::Intersect; s.children = {set(depth - 1), set(depth - 1)}; break;
      case 3: s.kind = ast::SetKind::MembersOf; s.name = ident(); break;
      case 4: s.kind = ast::SetKind::Parties; if (roll(2)) s.name = ident(); break;
      case 5: s.kind = ast::SetKind::States; break;
      case 6: s.kind = ast::SetKind::List; for (int i = roll(3); i > 0; --i) s.names.push_back(ident()); break;
      case 7: s.kind = ast::SetKind::Named; s.name = ident(); break;
      default:
        s.kind = ast::SetKind::Builder;
        s.name = ident();
        s.children = {set(depth - 1)};
        s.formula = {formula(depth - 1)};
        break;
    }
    return s;
  }

  ast::Binder binder(int depth) {
    ast::Binder b;
    for (int i = 1 + roll(2); i > 0; --i) b.vars.push_back(ident());
    b.set = {set(depth)};
    return b;
  }

  ast::Expr name() {
    ast::Expr e;
    e.kind = ast::ExprKind::Name;
    e.name = ident().text;
    return e;
  }

  ast::Expr call(int depth) {
    ast::Expr e;
    e.kind = ast::ExprKind::Call;
    e.name = ident().text;
    for (int i = roll(3); i > 0; --i) e.children.push_back(term(depth - 1));
    return e;
  }

  ast::Ident ident() {
    static const char* names[] = {"a", "b", "p", "q", "Estonia", "NATO", "x_1", "assist", "attacked"};
    return ast::Ident{names[roll(9)], {}};
  }

  int roll(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

 private:
  std::mt19937 rng_;
};

TEST(Format, RandomSyntaxTreesPrintAndParseBack) {
  RandomTrees random(20261130);
  for (int round = 0; round < 500; ++round) {
    ast::File file;
    ast::DefinitionDecl d;
    d.name = {"d", {}};
    d.body = random.formula(1 + round % 5);
    file.definitions.push_back(d);
    ast::AxiomDecl axiom;
    axiom.binders = {random.binder(2)};
    if (random.roll(2)) axiom.where = random.formula(2);
    axiom.body = random.formula(1 + round % 4);
    file.axioms.push_back(axiom);
    ast::TreatyDecl treaty;
    treaty.name = {"T", {}};
    treaty.parties = {random.set(3)};
    treaty.parties_spans = {Span{}};
    ast::Article article;
    article.label = article.own_label = {std::to_string(round % 7) + "(a)", {}};
    ast::Clause clause;
    clause.binders = {random.binder(1)};
    clause.conditions = {{ast::ConditionKind::When, random.formula(3), {}},
                         {ast::ConditionKind::Unless, random.formula(2), {}}};
    clause.bearer = random.name();
    clause.modality = static_cast<ast::Modality>(random.roll(3));
    clause.content = random.formula(3);
    ast::Expectation expect;
    expect.kind = ast::ExpectKind::Norm;
    expect.bearer = random.name();
    expect.modality = static_cast<ast::Modality>(random.roll(3));
    expect.content = random.formula(2);
    ast::Scenario scenario;
    scenario.name = "s \"quoted\"\n";
    scenario.facts = {random.formula(2)};
    scenario.expectations = {expect};
    file.scenarios.push_back(scenario);
    article.clauses.push_back(clause);
    treaty.articles.push_back(article);
    file.treaties.push_back(treaty);

    std::string text = format::format_file(file, "", {});
    SourceSet sources;
    Diagnostics diagnostics;
    ast::File parsed = syntax::parse_file(sources, sources.add("random.treaty", text), diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << text;
    ASSERT_EQ(ast::dump(file), ast::dump(parsed)) << text;
    expect_stable("random.treaty", text);
  }
}

TEST(Format, CommentsAddedAnywhereAreKept) {
  // Comments inserted at random line ends and between tokens of real
  // files: the formatter keeps every one, in order (format_source checks),
  // and the result is stable.
  std::mt19937 rng(7);
  for (const fs::path& p : repository_treaty_files()) {
    std::string text = read(p);
    SourceSet probe;
    FileId id = probe.add(p.string(), text);
    Diagnostics d;
    syntax::parse_file(probe, id, d);
    if (d.has_errors()) continue;
    std::vector<Span> comments = syntax::comment_spans(probe, id);
    auto inside_comment = [&](std::size_t at) {
      for (Span c : comments)
        if (c.begin <= at && at < c.end) return true;
      return false;
    };
    std::string out;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"' && (i == 0 || text[i - 1] != '\\') && !inside_comment(i)) in_string = !in_string;
      bool boundary = !in_string && !inside_comment(i) && (c == ' ' || c == '\n');
      if (boundary && std::uniform_int_distribution<int>(0, 9)(rng) == 0) {
        out += std::uniform_int_distribution<int>(0, 1)(rng) ? " /* n" + std::to_string(i) + " */ "
                                                              : " // n" + std::to_string(i) + "\n";
      }
      out += c;
    }
    expect_stable(p.string() + " with comments", out);
  }
}

}  // namespace
}  // namespace tc
