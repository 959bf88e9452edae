// Baselines of accepted findings.
#include "report/baseline.h"

#include <algorithm>
#include <map>
#include <set>

#include "report/report.h"

namespace tc::report {
namespace {

std::string trim(const std::string& text) {
  std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  std::size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

bool is_finding_id(const std::string& text) {
  if (text.size() != 15 || text[0] != 'T' || text[1] != 'C' || text[6] != '-') return false;
  for (std::size_t i = 2; i < 6; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  for (std::size_t i = 7; i < 15; ++i)
    if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f'))) return false;
  return true;
}

bool parse_baseline(const std::string& text, std::vector<BaselineEntry>& entries, std::string& error) {
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::size_t hash = line.find('#');
    std::string id = trim(line.substr(0, hash));
    std::string comment = hash == std::string::npos ? "" : trim(line.substr(hash + 1));
    if (id.empty()) continue;
    if (!is_finding_id(id)) {
      error = "line " + std::to_string(number) + ": '" + id + "' is not a finding id (like TC2001-5c1e0a9f)";
      return false;
    }
    entries.push_back({id, comment, number});
  }
  return true;
}

std::string format_baseline(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::string out =
      "# treatycheck baseline: accepted findings, left out of reports by `treatycheck check --baseline FILE`.\n"
      "# One stable finding id per line; the rest of a line after '#' is a comment. Delete a line to make\n"
      "# its finding fail the check again. Written by `treatycheck check --write-baseline FILE`.\n";
  std::string last;
  for (const BaselineEntry& e : entries) {
    if (e.id == last) continue;
    last = e.id;
    out += e.id + (e.comment.empty() ? "" : "  # " + e.comment) + "\n";
  }
  return out;
}

std::vector<BaselineEntry> baseline_entries(const sema::World& world, const analysis::Analysis& analysis) {
  std::vector<BaselineEntry> out;
  for (const analysis::Finding& f : analysis.findings) {
    std::string comment;
    for (sema::ClauseId c : ordered_clauses(world, f)) comment += (comment.empty() ? "" : " / ") + world.clause_title(c);
    if (comment.empty()) comment = f.kind == analysis::FindingKind::UnsatisfiableBackground ? "the axioms and facts" : "";
    out.push_back({f.id, comment, 0});
  }
  return out;
}

BaselineFacts apply_baseline(const std::vector<BaselineEntry>& baseline, const std::string& file,
                             analysis::Analysis& analysis) {
  BaselineFacts out;
  out.file = file;
  std::set<std::string> listed;
  for (const BaselineEntry& e : baseline) listed.insert(e.id);
  std::set<std::string> present;
  std::vector<analysis::Finding> kept;
  for (analysis::Finding& f : analysis.findings) {
    present.insert(f.id);
    if (listed.count(f.id))
      out.suppressed.push_back(f.id);
    else
      kept.push_back(std::move(f));
  }
  analysis.findings = std::move(kept);
  std::sort(out.suppressed.begin(), out.suppressed.end());
  std::set<std::string> seen;
  for (const BaselineEntry& e : baseline)
    if (!present.count(e.id) && seen.insert(e.id).second) out.stale.push_back({e.id, e.comment, e.line});
  return out;
}

}  // namespace tc::report
