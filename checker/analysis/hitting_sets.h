#pragma once
/// Minimal correction sets: the smallest sets of clauses that meet every
/// minimal conflict set (minimal hitting sets). Removing or limiting the
/// clauses of one of them removes every conflict whose set it meets
/// (`treatycheck repair`). Pure combinatorics; nothing here solves.

#include <cstddef>
#include <functional>
#include <vector>

#include "sema/world.h"

namespace tc::analysis {

/// The minimal hitting sets of `sets` with at most `max_size` clauses,
/// smallest first; among sets of one size, lower total `cost` first, then
/// by clause ids. At most `limit` sets. A set is minimal when no proper
/// subset meets every set of `sets`. Empty `sets` give no hitting set.
std::vector<std::vector<sema::ClauseId>> minimal_hitting_sets(const std::vector<std::vector<sema::ClauseId>>& sets,
                                                               std::size_t max_size, std::size_t limit,
                                                               const std::function<int(sema::ClauseId)>& cost);

}  // namespace tc::analysis
