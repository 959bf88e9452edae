#pragma once
/// Baselines: a file of accepted finding ids. `--write-baseline` writes
/// the current ids; `--baseline` leaves out the findings it lists and
/// reports its entries that match no finding (stale), so that a baseline
/// only shrinks.
///
/// Format (diff-friendly, sorted, one entry per line):
///     # comment lines
///     TC2001-5c1e0a9f  # NAT Art 5 / EST Art 2(1)

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/findings.h"
#include "report/model.h"
#include "sema/world.h"

namespace tc::report {

/// One line of a baseline.
struct BaselineEntry {
  std::string id;
  std::string comment;     ///< the text after '#', trimmed
  std::uint32_t line = 0;  ///< 1-based
};

/// Parses baseline text. On a line that is neither blank, a comment, nor
/// a finding id, returns false and sets `error` ("line 3: ...").
bool parse_baseline(const std::string& text, std::vector<BaselineEntry>& entries, std::string& error);

/// Whether `text` looks like a finding id: "TC" four digits "-" eight hex digits.
bool is_finding_id(const std::string& text);

/// The baseline text for these entries: a header, then one line per
/// distinct id, sorted, each with its comment.
std::string format_baseline(std::vector<BaselineEntry> entries);

/// The entries describing the current findings (comment: the clause titles).
std::vector<BaselineEntry> baseline_entries(const sema::World& world, const analysis::Analysis& analysis);

/// Removes from `analysis` the findings that `baseline` lists and returns
/// what happened (file name `file`, ids suppressed, entries stale).
BaselineFacts apply_baseline(const std::vector<BaselineEntry>& baseline, const std::string& file,
                             analysis::Analysis& analysis);

}  // namespace tc::report
