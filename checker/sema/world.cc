#include "sema/world.h"

#include <cstdio>

namespace tc::sema {

std::string format_day(DayNumber day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", day / 10000, (day / 100) % 100, day % 100);
  return buffer;
}

bool is_valid_date(const ast::Date& date) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) return false;
  bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  int days = kDays[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  return date.day <= days;
}

bool sort_accepts(SortId expected, SortId actual) {
  if (expected == actual) return true;
  return expected == kPartySort && (actual == kStateSort || actual == kInstitutionSort);
}

std::optional<ArticleId> World::find_article(TreatyId treaty, const std::string& label) const {
  for (ArticleId id : treaties.at(treaty).articles) {
    if (articles[id].label == label) return id;
  }
  return std::nullopt;
}

bool World::is_member(EntityId institution, EntityId member, DayNumber day) const {
  for (const Membership& m : memberships) {
    if (m.institution != institution || m.member != member) continue;
    if (m.since && day < *m.since) continue;
    if (m.until && day >= *m.until) continue;
    return true;
  }
  return false;
}

std::string World::clause_title(ClauseId id) const {
  const Clause& clause = clauses.at(id);
  const Article& article = articles.at(clause.article);
  std::string title = treaties.at(clause.treaty).name + " Art " + article.label;
  // Clauses are numbered among the article's own clauses (index_in_article).
  std::size_t own = article.own_clauses.empty() ? article.clauses.size() : article.own_clauses.size();
  if (own > 1) title += " (clause " + std::to_string(clause.index_in_article + 1) + ")";
  return title;
}

}  // namespace tc::sema
