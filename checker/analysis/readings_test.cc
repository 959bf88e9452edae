// Unit tests of the --all-readings plan (which terms vary, in which
// groups), of the contrasts `explain` will use, and of the wording of a
// finding's readings. tests/unit/readings_property_test.cc checks the
// merge against every combination on random corpora.
#include "analysis/readings.h"

#include <gtest/gtest.h>

#include "report/report.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc::analysis {
namespace {

std::optional<sema::World> resolve_text(const std::string& text) {
  SourceSet sources;
  Diagnostics diagnostics;
  ast::Corpus corpus;
  FileId id = sources.add("t.treaty", text);
  corpus.files.push_back(syntax::parse_file(sources, id, diagnostics));
  std::optional<sema::World> world = sema::resolve(corpus, sources, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return world;
}

constexpr const char* kCorpus = R"(
state A, B;
circumstance crisis;
conduct x(p: state);
conduct y(p: state);
conduct z(p: state);
term background { reading calm default := not crisis; reading tense := crisis; }
term in_x(p: state) { reading narrow default := x(p); reading broad := x(p) or z(p); }
term in_y(p: state) { reading narrow default := y(p); reading broad := y(p) and crisis; }
term nested(p: state) { reading one default := in_y(p); reading two := y(p); }
term idle { reading a default := crisis; reading b := not crisis; }
term late { reading a default := crisis; reading b := not crisis; }
axiom "quiet": background or crisis;
treaty T "T" in force 2000-01-01 parties: { A, B } {
  article 1 { A must x(A); }
  article 2 { A must not in_x(A); }
  article 3 { B must nested(B); }
  article 4 { B must not y(B); }
}
treaty LATER "Later" in force 2030-01-01 parties: { A } {
  article 1 { when late A must y(A); }
}
)";

const TermReadings& term(const ReadingPlan& plan, const std::string& name) {
  for (const TermReadings& t : plan.summary.terms)
    if (t.term == name) return t;
  static TermReadings none;
  ADD_FAILURE() << "no term " << name;
  return none;
}

TEST(ReadingPlan, RolesGroupsAndCombinations) {
  std::optional<sema::World> world = resolve_text(kCorpus);
  ASSERT_TRUE(world);
  ground::GroundOptions options;
  options.as_of = 20240601;
  ReadingPlan plan = plan_readings(*world, options);
  EXPECT_EQ(term(plan, "background").role, "global");  // used by an axiom
  EXPECT_EQ(term(plan, "in_x").role, "varied");
  EXPECT_EQ(term(plan, "in_y").role, "varied");        // reached through `nested`
  EXPECT_EQ(term(plan, "nested").role, "varied");
  EXPECT_EQ(term(plan, "idle").role, "unused");        // nothing uses it
  EXPECT_EQ(term(plan, "late").role, "unused");        // only a treaty not yet in force
  // x and y never meet: two groups, in_x in one, nested and in_y in the other.
  EXPECT_NE(term(plan, "in_x").group, term(plan, "nested").group);
  EXPECT_EQ(term(plan, "in_y").group, term(plan, "nested").group);
  EXPECT_EQ(plan.summary.product, 64u);
  // background x in_x (4) and background x nested x in_y (8) share the two
  // combinations with in_x, nested and in_y at their defaults: 10.
  EXPECT_EQ(plan.combinations.size(), 10u);
  EXPECT_EQ(plan.combinations.front().at("in_x"), "narrow");
  EXPECT_EQ(plan.combinations.front().at("background"), "calm");
}

TEST(ReadingPlan, ReadingChosenOnTheCommandLineStaysFixed) {
  std::optional<sema::World> world = resolve_text(kCorpus);
  ASSERT_TRUE(world);
  ground::GroundOptions options;
  options.as_of = 20240601;
  options.readings["in_x"] = "broad";
  ReadingPlan plan = plan_readings(*world, options);
  EXPECT_EQ(term(plan, "in_x").role, "fixed");
  EXPECT_EQ(term(plan, "in_x").chosen, "broad");
  for (const ReadingChoice& c : plan.combinations) EXPECT_EQ(c.at("in_x"), "broad");
  EXPECT_EQ(plan.combinations.size(), 8u);
}

TEST(ReadingContrasts, NameTheReadingsUnderWhichAFindingHolds) {
  std::optional<sema::World> world = resolve_text(kCorpus);
  ASSERT_TRUE(world);
  Finding f;
  f.readings = FindingReadings{{"in_x"}, 2, {"in_x"}, {{"broad"}}, {}};
  std::vector<ReadingContrast> contrasts = reading_contrasts(*world, f);
  ASSERT_EQ(contrasts.size(), 1u);
  const sema::Definition& d = world->definitions.at(contrasts[0].term);
  EXPECT_EQ(d.name, "in_x");
  ASSERT_EQ(contrasts[0].holds.size(), 1u);
  EXPECT_EQ(d.readings.at(contrasts[0].holds[0]).name, "broad");
  ASSERT_EQ(contrasts[0].fails.size(), 1u);
  EXPECT_EQ(d.readings.at(contrasts[0].fails[0]).name, "narrow");
}

TEST(DescribeReadings, Wording) {
  EXPECT_EQ(report::describe_readings(FindingReadings{{"a"}, 2, {}, {{}}, {}}), "holds under every reading of a");
  EXPECT_EQ(report::describe_readings(FindingReadings{{}, 1, {}, {{}}, {}}),
            "holds under every reading (no term with several readings bears on it)");
  EXPECT_EQ(report::describe_readings(FindingReadings{{"a", "b"}, 6, {"a", "b"}, {{"broad", "x"}, {"wide", "x"}}, {}}),
            "holds only under the broad or wide reading of a and the x reading of b");
  EXPECT_EQ(report::describe_readings(
                FindingReadings{{"a", "b"}, 4, {"a", "b"}, {{"broad", "broad"}, {"narrow", "narrow"}}, {}}),
            "holds only under a=broad with b=broad; a=narrow with b=narrow");
  EXPECT_EQ(report::describe_readings(FindingReadings{{"a"}, 2, {"a"}, {{"broad"}}, {{"narrow"}}}),
            "holds only under the broad reading of a; undecided (solver limits) under a=narrow");
}

}  // namespace
}  // namespace tc::analysis
