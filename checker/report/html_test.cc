#include "report/html.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace tc::report {
namespace {

ClauseFacts clause(const std::string& treaty, const std::string& article) {
  ClauseFacts c;
  c.treaty = treaty;
  c.article = article;
  c.title = treaty + " Art " + article;
  return c;
}

FindingFacts conflict(const std::string& id, std::vector<ClauseFacts> clauses, const std::string& severity = "error") {
  FindingFacts f;
  f.id = id;
  f.severity = severity;
  f.clauses = std::move(clauses);
  return f;
}

bool overlap(const GraphNode& a, const GraphNode& b) {
  return a.x == b.x && std::abs(a.y - b.y) < 24;
}

TEST(HtmlGraph, FewInstrumentsAreColumns) {
  std::vector<FindingFacts> findings{conflict("TC2001-1", {clause("EST", "2(1)"), clause("NAT", "5")}),
                                     conflict("TC2001-2", {clause("EST", "2(1)"), clause("CST", "4")})};
  GraphLayout g = layout_article_graph(findings);
  ASSERT_EQ(g.columns.size(), 3u);
  ASSERT_EQ(g.nodes.size(), 3u);
  ASSERT_EQ(g.edges.size(), 2u);
  std::set<double> xs;
  for (const GraphNode& n : g.nodes) xs.insert(n.x);
  EXPECT_EQ(xs.size(), 3u);  // one column each
}

TEST(HtmlGraph, ManyInstrumentsStackAroundTheHub) {
  std::vector<FindingFacts> findings;
  for (const char* other : {"A", "B", "C", "D", "E", "F", "G"})
    for (const char* article : {"1", "2"})
      findings.push_back(conflict(std::string("TC2001-") + other + article, {clause("HUB", "1"), clause(other, article)}));
  GraphLayout g = layout_article_graph(findings);
  std::set<double> xs;
  for (const GraphNode& n : g.nodes) xs.insert(n.x);
  EXPECT_EQ(xs.size(), 3u);  // left stack, hub, right stack: the page grows down, not sideways
  const GraphNode& hub = *std::find_if(g.nodes.begin(), g.nodes.end(), [](const GraphNode& n) { return n.treaty == "HUB"; });
  EXPECT_EQ(hub.x, *std::next(xs.begin()));  // the instrument with the most conflicts is in the middle
  for (std::size_t i = 0; i < g.nodes.size(); ++i)
    for (std::size_t j = i + 1; j < g.nodes.size(); ++j) EXPECT_FALSE(overlap(g.nodes[i], g.nodes[j])) << i << " " << j;
  for (const GraphNode& n : g.nodes) {
    EXPECT_LE(n.x + 190, g.width);
    EXPECT_LE(n.y + 24, g.height);
  }
}

TEST(HtmlGraph, EdgesMergeFindingsAndTakeTheWorstSeverity) {
  std::vector<FindingFacts> findings{conflict("TC2001-1", {clause("X", "1"), clause("Y", "1")}, "note"),
                                     conflict("TC2001-2", {clause("Y", "1"), clause("X", "1")}, "error")};
  findings[0].resolution = ResolutionFacts{};
  GraphLayout g = layout_article_graph(findings);
  ASSERT_EQ(g.edges.size(), 1u);
  EXPECT_EQ(g.edges[0].findings.size(), 2u);
  EXPECT_EQ(g.edges[0].severity, "error");
}

TEST(Html, EscapesAndIsSelfContained) {
  EXPECT_EQ(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  ReportFacts facts;
  facts.run.findings.push_back(conflict("TC2001-abc", {clause("X", "1"), clause("Y", "2")}));
  facts.run.findings[0].message = "<script>alert(1)</script>";
  std::string page = render_html(facts);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("id=\"TC2001-abc\""), std::string::npos);
  for (const char* remote : {"http://", "https://", "src=\"", "<link"}) EXPECT_EQ(page.find(remote), std::string::npos) << remote;
}

TEST(Html, CarriesTheReadings) {
  ReportFacts facts;
  facts.run.findings.push_back(conflict("TC2001-every", {clause("X", "1"), clause("Y", "2")}));
  facts.run.findings.push_back(conflict("TC2001-broad", {clause("X", "3"), clause("Z", "1")}));
  facts.run.findings[0].instruments = {"X", "Y"};
  facts.run.findings[1].instruments = {"X", "Z"};
  std::string plain = render_html(facts);
  for (const char* absent : {"Readings:", "depend on a reading", "--all-readings", "1*"})
    EXPECT_EQ(plain.find(absent), std::string::npos) << absent;

  facts.run.readings = analysis::ReadingsSummary{};
  facts.run.readings_text = "3 of 4 combinations of readings checked";
  analysis::FindingReadings every;
  every.varied = {"hosts"};
  analysis::FindingReadings broad;
  broad.varied = {"affects"};
  broad.decisive = {"affects"};
  broad.holds_under = {{"broad"}};
  facts.run.findings[0].readings = every;
  facts.run.findings[0].readings_text = "holds under every reading of hosts";
  facts.run.findings[1].readings = broad;
  facts.run.findings[1].readings_text = "holds only under the broad reading of affects";
  std::string page = render_html(facts);
  EXPECT_NE(page.find("<strong>Readings:</strong> 3 of 4 combinations of readings checked"), std::string::npos);
  EXPECT_NE(page.find("<dd>holds under every reading of hosts</dd>"), std::string::npos);
  EXPECT_NE(page.find("<dd class=\"depends\">holds only under the broad reading of affects</dd>"), std::string::npos);
  EXPECT_NE(page.find("class=\"finding sev-error reading\" id=\"TC2001-broad\""), std::string::npos);
  EXPECT_NE(page.find("class=\"finding sev-error\" id=\"TC2001-every\""), std::string::npos);
  EXPECT_NE(page.find("depends on the reading of affects</span>"), std::string::npos);
  EXPECT_NE(page.find("<button data-show=\"reading\">"), std::string::npos);
  EXPECT_NE(page.find("treatycheck explain TC2001-broad --all-readings"), std::string::npos);
  // The star marks the cells of the finding that depends on a reading only.
  EXPECT_NE(page.find("data-findings=\"TC2001-broad\" title=\"X / Z: 1 finding; 1 only under some readings\">1*"),
            std::string::npos);
  EXPECT_NE(page.find("data-findings=\"TC2001-every\" title=\"X / Y: 1 finding\">1<"), std::string::npos);
}

}  // namespace
}  // namespace tc::report
