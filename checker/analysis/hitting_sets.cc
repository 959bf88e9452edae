// Minimal hitting sets by increasing size.
#include "analysis/hitting_sets.h"

#include <algorithm>
#include <set>

namespace tc::analysis {
namespace {

/// Past this many candidate sets of one size the enumeration stops: the
/// suggestions stay the smallest ones found so far.
constexpr std::size_t kMaxCombinations = 2'000'000;

bool hits_all(const std::vector<std::set<sema::ClauseId>>& sets, const std::vector<sema::ClauseId>& pick) {
  return std::all_of(sets.begin(), sets.end(), [&](const std::set<sema::ClauseId>& s) {
    return std::any_of(pick.begin(), pick.end(), [&](sema::ClauseId c) { return s.count(c) > 0; });
  });
}

bool contains_found(const std::vector<std::vector<sema::ClauseId>>& found, const std::vector<sema::ClauseId>& pick) {
  return std::any_of(found.begin(), found.end(), [&](const std::vector<sema::ClauseId>& f) {
    return std::includes(pick.begin(), pick.end(), f.begin(), f.end());
  });
}

}  // namespace

std::vector<std::vector<sema::ClauseId>> minimal_hitting_sets(const std::vector<std::vector<sema::ClauseId>>& sets,
                                                               std::size_t max_size, std::size_t limit,
                                                               const std::function<int(sema::ClauseId)>& cost) {
  std::vector<std::vector<sema::ClauseId>> found;
  if (sets.empty()) return found;
  std::vector<std::set<sema::ClauseId>> as_sets;
  std::set<sema::ClauseId> universe_set;
  for (const auto& s : sets) {
    as_sets.emplace_back(s.begin(), s.end());
    universe_set.insert(s.begin(), s.end());
  }
  std::vector<sema::ClauseId> universe(universe_set.begin(), universe_set.end());
  for (std::size_t size = 1; size <= max_size && size <= universe.size() && found.size() < limit; ++size) {
    std::vector<std::vector<sema::ClauseId>> of_size;
    // Every combination of `size` indices, in lexicographic order.
    std::vector<std::size_t> index(size);
    for (std::size_t i = 0; i < size; ++i) index[i] = i;
    for (std::size_t tried = 0; tried < kMaxCombinations; ++tried) {
      std::vector<sema::ClauseId> pick;
      for (std::size_t i : index) pick.push_back(universe[i]);
      if (!contains_found(found, pick) && hits_all(as_sets, pick)) of_size.push_back(pick);
      std::size_t i = size;
      while (i > 0 && index[i - 1] == universe.size() - size + i - 1) --i;
      if (i == 0) break;
      ++index[i - 1];
      for (std::size_t j = i; j < size; ++j) index[j] = index[j - 1] + 1;
    }
    auto total = [&](const std::vector<sema::ClauseId>& pick) {
      int sum = 0;
      for (sema::ClauseId c : pick) sum += cost(c);
      return sum;
    };
    std::stable_sort(of_size.begin(), of_size.end(), [&](const auto& a, const auto& b) { return total(a) < total(b); });
    for (auto& pick : of_size) {
      if (found.size() >= limit) break;
      found.push_back(std::move(pick));
    }
  }
  return found;
}

}  // namespace tc::analysis
