// Precedence between clauses (semantics.md 5) and stable finding ids.
#include <algorithm>
#include <cstdio>

#include "analysis/analyse.h"

namespace tc::analysis {

std::string_view rule_name(PrecedenceRule rule) {
  switch (rule) {
    case PrecedenceRule::LexSuperior: return "lex superior";
    case PrecedenceRule::LexSpecialis: return "lex specialis";
    case PrecedenceRule::WithoutPrejudice: return "without prejudice";
    case PrecedenceRule::LexPosterior: return "lex posterior";
  }
  return "";
}

namespace {

bool contains(const std::vector<sema::ClauseId>& v, sema::ClauseId c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}

/// The day from which a treaty binds: in force date, or the draft's date.
std::optional<sema::DayNumber> start_day(const sema::Treaty& t) {
  if (t.in_force_from) return t.in_force_from;
  if (t.is_draft) return t.draft_date;
  return std::nullopt;
}

}  // namespace

std::optional<PrecedenceRule> prevails(const sema::World& world, const ground::Problem& problem,
                                       sema::ClauseId a, sema::ClauseId b) {
  const sema::Clause& ca = world.clauses.at(a);
  const sema::Clause& cb = world.clauses.at(b);
  if (contains(ca.specialises, b)) return PrecedenceRule::LexSpecialis;
  if (contains(cb.without_prejudice_to, a)) return PrecedenceRule::WithoutPrejudice;
  if (ca.treaty != cb.treaty) {
    const sema::Treaty& ta = world.treaties.at(ca.treaty);
    if (ta.prevails_over_all || contains(ta.prevails_over, cb.treaty)) {
      // Two treaties that both claim to prevail over all settle nothing.
      const sema::Treaty& tb = world.treaties.at(cb.treaty);
      bool b_claims = tb.prevails_over_all || contains(tb.prevails_over, ca.treaty);
      if (!b_claims) return PrecedenceRule::LexSuperior;
    }
    // Lex posterior: the later treaty among the same parties.
    auto sa = start_day(ta);
    auto sb = start_day(world.treaties.at(cb.treaty));
    if (sa && sb && *sa > *sb && problem.parties_of_treaty.at(ca.treaty) == problem.parties_of_treaty.at(cb.treaty))
      return PrecedenceRule::LexPosterior;
  }
  return std::nullopt;
}

std::optional<Resolution> resolve_precedence(const sema::World& world, const ground::Problem& problem,
                                             const std::vector<sema::ClauseId>& clauses) {
  if (clauses.size() < 2) return std::nullopt;
  for (sema::ClauseId winner : clauses) {
    Resolution resolution;
    resolution.prevailing = winner;
    bool all = true;
    for (sema::ClauseId other : clauses) {
      if (other == winner) continue;
      auto rule = prevails(world, problem, winner, other);
      if (!rule) {
        all = false;
        break;
      }
      resolution.rules.push_back(*rule);
    }
    if (!all) continue;
    std::string text = world.clause_title(winner) + " prevails";
    std::size_t i = 0;
    for (sema::ClauseId other : clauses) {
      if (other == winner) continue;
      text += (i == 0 ? " over " : ", over ") + world.clause_title(other) + " (" +
              std::string(rule_name(resolution.rules[i])) + ")";
      ++i;
    }
    resolution.explanation = text;
    return resolution;
  }
  return std::nullopt;
}

namespace {

/// "2(1)" < "10": runs of digits compare as numbers, the rest as text.
bool label_before(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t i_end = i, j_end = j;
      while (i_end < a.size() && digit(a[i_end])) ++i_end;
      while (j_end < b.size() && digit(b[j_end])) ++j_end;
      std::string x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;
}

}  // namespace

bool clause_before(const sema::World& world, sema::ClauseId a, sema::ClauseId b) {
  const sema::Clause& x = world.clauses.at(a);
  const sema::Clause& y = world.clauses.at(b);
  const std::string& tx = world.treaties.at(x.treaty).name;
  const std::string& ty = world.treaties.at(y.treaty).name;
  if (tx != ty) return tx < ty;
  const std::string& lx = world.articles.at(x.article).label;
  const std::string& ly = world.articles.at(y.article).label;
  if (lx != ly) return label_before(lx, ly);
  if (x.index_in_article != y.index_in_article) return x.index_in_article < y.index_in_article;
  return a < b;
}

std::string finding_id(const sema::World& world, FindingKind kind, DiagKind diag,
                       const std::vector<sema::ClauseId>& clauses, std::optional<sema::ClauseId> permission) {
  auto identity = [&](sema::ClauseId c) {
    const sema::Clause& clause = world.clauses.at(c);
    return world.treaties.at(clause.treaty).name + "." + world.articles.at(clause.article).label + "#" +
           std::to_string(clause.index_in_article) + ":" + std::to_string(static_cast<int>(clause.modality));
  };
  std::vector<std::string> parts;
  for (sema::ClauseId c : clauses) parts.push_back(identity(c));
  std::sort(parts.begin(), parts.end());
  std::string key = std::to_string(static_cast<int>(kind));
  if (permission) key += "|P=" + identity(*permission);
  for (const std::string& p : parts) key += "|" + p;
  // FNV-1a, 64 bit, folded to 32 bits: short enough to read, stable forever.
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char ch : key) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>((hash >> 32) ^ (hash & 0xffffffffu)));
  return std::string(diag_code(diag)) + "-" + buffer;
}

}  // namespace tc::analysis
