// Findings order their clauses by identity, never by reading order.
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/analyse.h"

namespace tc::analysis {
namespace {

/// A world with the given (treaty, article label, index) clauses, in that
/// reading order.
sema::World world_of(const std::vector<std::tuple<std::string, std::string, std::uint32_t>>& clauses) {
  sema::World w;
  for (const auto& [treaty, label, index] : clauses) {
    auto t = std::find_if(w.treaties.begin(), w.treaties.end(), [&](const sema::Treaty& x) { return x.name == treaty; });
    if (t == w.treaties.end()) {
      w.treaties.push_back({});
      w.treaties.back().name = treaty;
      t = w.treaties.end() - 1;
    }
    sema::Article article;
    article.treaty = static_cast<sema::TreatyId>(t - w.treaties.begin());
    article.label = label;
    w.articles.push_back(article);
    sema::Clause clause;
    clause.treaty = article.treaty;
    clause.article = static_cast<sema::ArticleId>(w.articles.size() - 1);
    clause.index_in_article = index;
    w.clauses.push_back(clause);
  }
  return w;
}

std::vector<sema::ClauseId> sorted(const sema::World& w) {
  std::vector<sema::ClauseId> ids(w.clauses.size());
  for (sema::ClauseId c = 0; c < ids.size(); ++c) ids[c] = c;
  std::sort(ids.begin(), ids.end(), [&](sema::ClauseId a, sema::ClauseId b) { return clause_before(w, a, b); });
  return ids;
}

TEST(ClauseIdentity, TreatyThenArticleNumberThenIndex) {
  // Read as NAT 10, NAT 2(1), EST 5, NAT 2 #1, NAT 2 #0, NAT 2(10), NAT 02.
  sema::World w = world_of({{"NAT", "10", 0}, {"NAT", "2(1)", 0}, {"EST", "5", 0}, {"NAT", "2", 1},
                            {"NAT", "2", 0}, {"NAT", "2(10)", 0}, {"NAT", "9a", 0}});
  EXPECT_EQ(sorted(w), (std::vector<sema::ClauseId>{2, 4, 3, 1, 5, 6, 0}));
}

TEST(ClauseIdentity, ReadingOrderDoesNotMatter) {
  sema::World forward = world_of({{"A", "1", 0}, {"B", "1", 0}, {"B", "12", 0}});
  sema::World backward = world_of({{"B", "12", 0}, {"B", "1", 0}, {"A", "1", 0}});
  std::vector<std::string> a, b;
  for (sema::ClauseId c : sorted(forward))
    a.push_back(forward.treaties[forward.clauses[c].treaty].name + forward.articles[forward.clauses[c].article].label);
  for (sema::ClauseId c : sorted(backward))
    b.push_back(backward.treaties[backward.clauses[c].treaty].name + backward.articles[backward.clauses[c].article].label);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, (std::vector<std::string>{"A1", "B1", "B12"}));
}

}  // namespace
}  // namespace tc::analysis
