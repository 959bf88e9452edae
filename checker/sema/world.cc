#include "sema/world.h"

#include <cstdio>

namespace tc::sema {

std::string format_day(DayNumber day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", day / 10000, (day / 100) % 100, day % 100);
  return buffer;
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
  if (article.clauses.size() > 1) title += " (clause " + std::to_string(clause.index_in_article + 1) + ")";
  return title;
}

}  // namespace tc::sema
