// Escaping and baseline parsing of the machine formats.
#include <gtest/gtest.h>

#include "report/baseline.h"
#include "report/github.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/model.h"

namespace tc::report {
namespace {

TEST(GithubEscape, DataEscapesPercentAndLineBreaks) {
  EXPECT_EQ(github_escape_data("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b");
}

TEST(GithubEscape, PropertiesAlsoEscapeColonAndComma) {
  EXPECT_EQ(github_escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
  // The escapes themselves are never escaped twice.
  EXPECT_EQ(github_escape_property("%3A"), "%253A");
}

TEST(XmlEscape, MarkupAndControlCharacters) {
  EXPECT_EQ(xml_escape("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
  EXPECT_EQ(xml_escape("x\ny"), "x&#10;y");
  EXPECT_EQ(xml_escape("x\ny", /*attribute=*/false), "x\ny");
  EXPECT_EQ(xml_escape(std::string("a\x01z", 3)), "a\xEF\xBF\xBDz");
  EXPECT_EQ(xml_escape("Côte d'Ivoire"), "Côte d&apos;Ivoire");
}

TEST(MarkdownEscape, SpecialCharacters) {
  EXPECT_EQ(markdown_escape("a|b *c* _d_ [e] <f> `g`"), "a\\|b \\*c\\* \\_d\\_ \\[e\\] \\<f\\> \\`g\\`");
  EXPECT_EQ(markdown_code("x | y"), "`x \\| y`");
  EXPECT_EQ(markdown_code("x | y", /*in_table=*/false), "`x | y`");
  EXPECT_EQ(markdown_code("a `b` c"), "``a `b` c``");
  EXPECT_EQ(markdown_code("`b`"), "`` `b` ``");
}

TEST(UriEncode, KeepsSlashesAndUnreserved) {
  EXPECT_EQ(uri_encode("drafts/est 2009/draft_v1.treaty"), "drafts/est%202009/draft_v1.treaty");
  EXPECT_EQ(uri_encode("a#b?c%"), "a%23b%3Fc%25");
}

TEST(LineLink, RelativeOrWithBase) {
  Location l;
  l.path = "drafts/x y.treaty";
  l.begin = {41, 5};
  EXPECT_EQ(line_link("", l), "drafts/x%20y.treaty#L41");
  EXPECT_EQ(line_link("https://example.org/blob/abc/", l), "https://example.org/blob/abc/drafts/x%20y.treaty#L41");
}

TEST(Baseline, ParsesIdsCommentsAndBlankLines) {
  std::vector<BaselineEntry> entries;
  std::string error;
  ASSERT_TRUE(parse_baseline("# header\n\nTC2001-5c1e0a9f  # NAT Art 5 / EST Art 2(1)\r\n  TC2101-00000000\n", entries, error))
      << error;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, "TC2001-5c1e0a9f");
  EXPECT_EQ(entries[0].comment, "NAT Art 5 / EST Art 2(1)");
  EXPECT_EQ(entries[0].line, 3u);
  EXPECT_EQ(entries[1].id, "TC2101-00000000");
  EXPECT_EQ(entries[1].line, 4u);
}

TEST(Baseline, RejectsWhatIsNotAnId) {
  std::vector<BaselineEntry> entries;
  std::string error;
  EXPECT_FALSE(parse_baseline("TC2001-5C1E0A9F\n", entries, error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(parse_baseline("# ok\nTC2001 5c1e0a9f\n", entries, error));
  EXPECT_NE(error.find("line 2"), std::string::npos);
  EXPECT_TRUE(is_finding_id("TC3001-deadbeef"));
  EXPECT_FALSE(is_finding_id("TC3001-deadbee"));
  EXPECT_FALSE(is_finding_id("XX3001-deadbeef"));
}

TEST(Baseline, FormatIsSortedAndDeduplicated) {
  std::string text = format_baseline({{"TC2101-00000002", "b", 0}, {"TC2001-00000001", "a", 0}, {"TC2101-00000002", "b", 0}});
  std::string body = text.substr(text.find("\nTC") + 1);
  EXPECT_EQ(body, "TC2001-00000001  # a\nTC2101-00000002  # b\n");
  std::vector<BaselineEntry> back;
  std::string error;
  ASSERT_TRUE(parse_baseline(text, back, error));
  EXPECT_EQ(back.size(), 2u);
}

TEST(Baseline, ApplyLeavesOutListedAndReportsStale) {
  analysis::Analysis analysis;
  analysis.findings.resize(2);
  analysis.findings[0].id = "TC2001-00000001";
  analysis.findings[1].id = "TC2001-00000002";
  std::vector<BaselineEntry> baseline{{"TC2001-00000002", "kept out", 1}, {"TC2001-00000009", "gone", 2}};
  BaselineFacts facts = apply_baseline(baseline, "b.txt", analysis);
  ASSERT_EQ(analysis.findings.size(), 1u);
  EXPECT_EQ(analysis.findings[0].id, "TC2001-00000001");
  EXPECT_EQ(facts.suppressed, std::vector<std::string>{"TC2001-00000002"});
  ASSERT_EQ(facts.stale.size(), 1u);
  EXPECT_EQ(facts.stale[0].id, "TC2001-00000009");
  EXPECT_EQ(facts.stale[0].line, 2u);
}

}  // namespace
}  // namespace tc::report

namespace tc::report {
namespace {

// A finding written up across a Ctrl-C says that its caught list may be
// short (every format reads caught_text or describe_caught).
TEST(CaughtText, CutShortFindingSaysSo) {
  FindingFacts f;
  f.caught = {{"Estonia", "Estonia"}, {"Latvia", "Latvia"}};
  EXPECT_EQ(f.caught_text("2024-06-01", 10), "2 parties (as of 2024-06-01): Estonia, Latvia");
  f.cut_short = true;
  EXPECT_EQ(f.caught_text("2024-06-01", 10), "2 parties (as of 2024-06-01): Estonia, Latvia" + cut_short_note());
  EXPECT_NE(cut_short_note().find("stopped"), std::string::npos);
}

}  // namespace
}  // namespace tc::report
