// Why this test exists: the build generates the parser with the Debian
// `antlr4` tool, which is version 4.7.2, and links it against the Debian
// runtime, libantlr4-runtime 4.9. ANTLR only promises that generated code
// and runtime of the same version work together; the serialized ATN, the
// generated context classes and the runtime's prediction could disagree
// without a compile error. This test lexes and parses a realistic file
// through the real generated lexer and parser and checks the exact token
// stream and the resulting AST, so an incompatible tool/runtime pair (for
// example after a distribution upgrade of only one of them) fails here
// rather than as wrong results downstream.
#include <gtest/gtest.h>

#include "syntax/inspect.h"
#include "syntax/parse.h"

namespace tc {
namespace {

constexpr const char* kTreaty = R"(// North Atlantic Treaty, abridged.
import "world.treaty";
state Belgium, United_Kingdom "United Kingdom";
institution NATO;
membership NATO { Belgium since 1949-08-24; United_Kingdom since 1949-08-24; }
circumstance attacked(victim: state);
conduct assist(helper: state, victim: state);
quantity troops(from: state, on: state) in 0 .. 200_000;
/* The treaty itself. */
treaty NAT "North Atlantic Treaty" binding signed 1949-04-04 in force 1949-08-24
  parties: members of NATO
{
  article 5 "Collective defence" {
    for each p, q in parties where p != q:
      when attacked(q)
      unless troops(p, q) >= 1_000
      p must assist(p, q);
  }
}
expect consistent;
)";

TEST(SyntaxRuntimeCompat, RuntimeIsTheOneWeBuildAgainst) {
  // The Debian runtime; the generated code says "Generated ... by ANTLR 4.7.2".
  EXPECT_EQ(syntax::antlr_runtime_version().substr(0, 3), "4.9");
}

TEST(SyntaxRuntimeCompat, GeneratedLexerProducesTheExpectedTokens) {
  SourceSet sources;
  Diagnostics diagnostics;
  FileId id = sources.add("nat.treaty", kTreaty);
  std::vector<syntax::TokenInfo> tokens = syntax::tokens_of(sources, id, diagnostics);
  EXPECT_TRUE(diagnostics.all().empty());
  std::string kinds;
  for (std::size_t i = 0; i < 12 && i < tokens.size(); ++i) kinds += tokens[i].kind + " ";
  EXPECT_EQ(kinds, "IMPORT STRING SEMI STATE ID COMMA ID STRING SEMI INSTITUTION ID SEMI ");
  ASSERT_GT(tokens.size(), 40u);
  EXPECT_EQ(tokens[1].text, "\"world.treaty\"");
  EXPECT_EQ(tokens.back().kind, "EOF");
  // Date, integer with underscores, '..', keywords with two spellings, '>=' and '!='.
  auto find = [&](const std::string& text) -> const syntax::TokenInfo* {
    for (const syntax::TokenInfo& t : tokens) {
      if (t.text == text) return &t;
    }
    return nullptr;
  };
  ASSERT_NE(find("1949-08-24"), nullptr);
  EXPECT_EQ(find("1949-08-24")->kind, "DATE");
  EXPECT_EQ(find("200_000")->kind, "INT");
  EXPECT_EQ(find("..")->kind, "DOTDOT");
  EXPECT_EQ(find(">=")->kind, "GE");
  EXPECT_EQ(find("!=")->kind, "NE");
  EXPECT_EQ(find("must")->kind, "MUST");
  // Comments are on the hidden channel: no token for them.
  EXPECT_EQ(find("/* The treaty itself. */"), nullptr);
  // Spans are byte offsets into the file.
  const syntax::TokenInfo* nat = find("NAT");
  ASSERT_NE(nat, nullptr);
  EXPECT_EQ(std::string(kTreaty).substr(nat->span.begin, nat->span.end - nat->span.begin), "NAT");
}

TEST(SyntaxRuntimeCompat, GeneratedParserBuildsTheExpectedTree) {
  SourceSet sources;
  Diagnostics diagnostics;
  FileId id = sources.add("nat.treaty", kTreaty);
  ast::File file = syntax::parse_file(sources, id, diagnostics);
  ASSERT_TRUE(diagnostics.all().empty());
  ASSERT_EQ(file.imports.size(), 1u);
  ASSERT_EQ(file.states.size(), 1u);
  EXPECT_EQ(file.states[0].individuals.size(), 2u);
  ASSERT_EQ(file.memberships.size(), 1u);
  EXPECT_EQ(file.memberships[0].entries.size(), 2u);
  ASSERT_EQ(file.atoms.size(), 3u);
  EXPECT_EQ(file.atoms[2].upper, 200000);
  ASSERT_EQ(file.treaties.size(), 1u);
  const ast::TreatyDecl& nat = file.treaties[0];
  EXPECT_EQ(nat.kind, ast::TreatyKind::Binding);
  EXPECT_EQ(nat.in_force.at(0).date->to_string(), "1949-08-24");
  ASSERT_EQ(nat.articles.size(), 1u);
  ASSERT_EQ(nat.articles[0].clauses.size(), 1u);
  const ast::Clause& clause = nat.articles[0].clauses[0];
  EXPECT_EQ(clause.binders.at(0).vars.size(), 2u);
  ASSERT_EQ(clause.conditions.size(), 2u);
  EXPECT_EQ(clause.conditions[1].kind, ast::ConditionKind::Unless);
  EXPECT_EQ(clause.conditions[1].formula.kind, ast::ExprKind::Compare);
  EXPECT_EQ(clause.conditions[1].formula.children[1].value, 1000);
  EXPECT_EQ(clause.modality, ast::Modality::Obligation);
  EXPECT_EQ(clause.content.name, "assist");
  ASSERT_EQ(file.expectations.size(), 1u);
  EXPECT_EQ(file.expectations[0].kind, ast::ExpectKind::Consistent);
}

TEST(SyntaxRuntimeCompat, ErrorRecoveryWorksAcrossVersions) {
  // The runtime's recovery walks the generated ATN: check it too.
  SourceSet sources;
  Diagnostics diagnostics;
  FileId id = sources.add("bad.treaty", "state A\nstate B;\ntreaty T { article 1 { A must f(A) } }\n");
  ast::File file = syntax::parse_file(sources, id, diagnostics);
  ASSERT_EQ(diagnostics.all().size(), 2u);
  EXPECT_EQ(diagnostics.all()[0].message, "expected ';' after the state declaration");
  EXPECT_EQ(diagnostics.all()[1].message, "unexpected '}'; expected ';' or a clause attribute");
  EXPECT_EQ(file.states.size(), 2u);
}

}  // namespace
}  // namespace tc
