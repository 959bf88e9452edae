// Revision comparison and its text report.
#include "report/diff.h"

#include <set>

namespace tc::report {
namespace {

std::string where(const Location& l) {
  return l.file + ":" + std::to_string(l.begin.line) + ":" + std::to_string(l.begin.column);
}

std::string block(const FindingFacts& f, const std::string& as_of) {
  std::string out;
  const ClauseFacts* main = f.main_clause();
  out += (main ? where(main->location) + ": " : std::string()) + f.severity + "[" + f.code + "]: " + f.message + "\n";
  auto labelled = [&](const std::string& label, const std::string& text) {
    std::string head = label + ":";
    out += "  " + head + std::string(head.size() < 12 ? 12 - head.size() : 1, ' ') + text + "\n";
  };
  for (const ClauseFacts& c : f.clauses) labelled("clause", c.title + " (" + where(c.location) + "): " + c.text);
  for (const std::string& line : detail_lines(f, as_of)) {
    std::size_t colon = line.find(": ");
    if (colon != std::string::npos && colon <= 11 && line.substr(0, colon).find(' ') == std::string::npos)
      labelled(line.substr(0, colon), line.substr(colon + 2));
    else
      out += std::string(14, ' ') + line + "\n";
  }
  return out + "\n";
}


}  // namespace

void compare_revisions(ReportFacts& facts) {
  facts.resolved.clear();
  std::set<std::string> old_ids, new_ids;
  if (facts.old_run)
    for (const FindingFacts& f : facts.old_run->findings) old_ids.insert(f.id);
  for (FindingFacts& f : facts.run.findings) {
    f.change = old_ids.count(f.id) ? Change::Unchanged : Change::Introduced;
    new_ids.insert(f.id);
  }
  if (!facts.old_run) return;
  for (const FindingFacts& f : facts.old_run->findings) {
    if (new_ids.count(f.id)) continue;
    facts.resolved.push_back(f);
    facts.resolved.back().change = Change::Resolved;
  }
}

std::string render_diff_text(const ReportFacts& facts) {
  std::size_t introduced = 0, unchanged = 0;
  for (const FindingFacts& f : facts.run.findings) (f.change == Change::Introduced ? introduced : unchanged)++;
  std::string out;
  std::string old_inputs, new_inputs;
  if (facts.old_run)
    for (const std::string& i : facts.old_run->inputs) old_inputs += (old_inputs.empty() ? "" : ", ") + i;
  for (const std::string& i : facts.run.inputs) new_inputs += (new_inputs.empty() ? "" : ", ") + i;
  out += "old: " + old_inputs + "\nnew: " + new_inputs + "\n\n";
  if (introduced) {
    out += "introduced (" + std::to_string(introduced) + "):\n\n";
    for (const FindingFacts& f : facts.run.findings)
      if (f.change == Change::Introduced) out += block(f, facts.run.as_of);
  }
  if (!facts.resolved.empty()) {
    out += "resolved (" + std::to_string(facts.resolved.size()) + "):\n\n";
    for (const FindingFacts& f : facts.resolved) out += block(f, facts.run.as_of);
  }
  if (unchanged) {
    out += "unchanged (" + std::to_string(unchanged) + "):\n";
    for (const FindingFacts& f : facts.run.findings)
      if (f.change == Change::Unchanged)
        out += "  " + f.id + "  " + f.severity + "  " + (f.clauses.empty() ? f.message : f.clause_titles()) + "\n";
    out += "\n";
  }
  out += "diff: " + plural(introduced, "finding", "findings") + " introduced, " + std::to_string(facts.resolved.size()) +
         " resolved, " + std::to_string(unchanged) + " unchanged; new revision " + facts.run.verdict + ", as of " +
         facts.run.as_of + "\n";
  return out;
}

std::string render_baseline_notes(const ReportFacts& facts) {
  if (!facts.baseline) return "";
  const BaselineFacts& b = *facts.baseline;
  std::string out = "baseline: " + plural(b.suppressed.size(), "finding", "findings") + " accepted in " + b.file +
                    " not shown\n";
  for (const StaleEntry& e : b.stale)
    out += b.file + ":" + std::to_string(e.line) + ": note: stale baseline entry " + e.id +
           (e.comment.empty() ? "" : " (" + e.comment + ")") + " matches no finding; remove it from the baseline\n";
  return out;
}

}  // namespace tc::report
