// GitHub Actions workflow-command annotations.
#include "report/github.h"

#include <map>
#include <vector>

namespace tc::report {
namespace {

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "notice";
}

/// `file=...,line=...` for a location (columns only within one line, as GitHub requires).
std::string properties(const Location& l, const std::string& title) {
  std::string out = "file=" + github_escape_property(l.path) + ",line=" + std::to_string(l.begin.line);
  if (l.end.line == l.begin.line && l.end.column > l.begin.column) {
    out += ",col=" + std::to_string(l.begin.column) + ",endColumn=" + std::to_string(l.end.column - 1);
  } else {
    out += ",col=" + std::to_string(l.begin.column);
  }
  out += ",endLine=" + std::to_string(l.end.line >= l.begin.line ? l.end.line : l.begin.line);
  return out + ",title=" + github_escape_property(title);
}

std::string annotation(const FindingFacts& f, const RunFacts& run) {
  std::string message = f.message;
  for (std::size_t i = 1; i < f.clauses.size(); ++i) {
    const ClauseFacts& c = f.clauses[i];
    message += "\nwith " + c.title + " (" + c.location.path + ":" + std::to_string(c.location.begin.line) + ")";
  }
  for (const std::string& line : detail_lines(f, run.as_of)) message += "\n" + line;
  std::string title = f.code + " " + (f.clauses.empty() ? std::string("the axioms and facts") : f.clause_titles());
  std::string out = "::" + std::string(command(f.severity_value));
  if (const ClauseFacts* main = f.main_clause())
    out += " " + properties(main->location, title);
  else if (!run.input_locations.empty())
    out += " file=" + github_escape_property(run.input_locations.front().path) + ",line=1,title=" +
           github_escape_property(title);
  else
    out += " title=" + github_escape_property(title);
  return out + "::" + github_escape_data(message) + "\n";
}


}  // namespace

std::string github_escape_data(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(const std::string& text) {
  std::string out;
  for (char c : github_escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string render_github(const ReportFacts& facts) {
  bool diff = facts.command == "diff";
  std::vector<const FindingFacts*> annotated;
  std::map<Severity, std::size_t> total;
  for (const FindingFacts& f : facts.run.findings) {
    if (diff && f.change != Change::Introduced) continue;
    annotated.push_back(&f);
    total[f.severity_value]++;
  }
  // Notices share one budget with the closing notices (diff summary, stale
  // baseline entries, the count of the rest), so that those always show.
  bool stale = facts.baseline && !facts.baseline->stale.empty();
  bool readings = facts.run.readings.has_value();
  std::size_t fixed = (diff ? 1 : 0) + (stale ? 1 : 0) + (readings ? 1 : 0);
  std::map<Severity, std::size_t> cap{{Severity::Error, kMaxAnnotationsPerLevel},
                                      {Severity::Warning, kMaxAnnotationsPerLevel},
                                      {Severity::Note, kMaxAnnotationsPerLevel - fixed}};
  bool overflow = total[Severity::Error] > cap[Severity::Error] || total[Severity::Warning] > cap[Severity::Warning] ||
                  total[Severity::Note] > cap[Severity::Note];
  if (overflow) cap[Severity::Note]--;

  std::string out;
  std::map<Severity, std::size_t> shown, hidden;
  for (const FindingFacts* f : annotated) {
    if (shown[f->severity_value] >= cap[f->severity_value]) {
      hidden[f->severity_value]++;
      continue;
    }
    shown[f->severity_value]++;
    out += annotation(*f, facts.run);
  }
  std::size_t rest = hidden[Severity::Error] + hidden[Severity::Warning] + hidden[Severity::Note];
  if (rest > 0) {
    out += "::notice title=treatycheck::" +
           github_escape_data(plural(rest, "more finding is", "more findings are") + " not annotated (" +
                              plural(hidden[Severity::Error], "error", "errors") + ", " +
                              plural(hidden[Severity::Warning], "warning", "warnings") + ", " +
                              plural(hidden[Severity::Note], "note", "notes") +
                              "); see the full report (--format text, json or sarif)") +
           "\n";
  }
  if (readings)
    out += "::notice title=treatycheck readings::" + github_escape_data(facts.run.readings_text) + "\n";
  if (diff) {
    std::size_t introduced = 0, unchanged = 0;
    for (const FindingFacts& f : facts.run.findings) (f.change == Change::Introduced ? introduced : unchanged)++;
    out += "::notice title=treatycheck diff::" +
           github_escape_data("this revision introduces " + plural(introduced, "finding", "findings") + ", resolves " +
                              plural(facts.resolved.size(), "finding", "findings") + " and leaves " +
                              plural(unchanged, "finding", "findings") + " unchanged") +
           "\n";
  }
  if (stale) {
    const std::vector<StaleEntry>& entries = facts.baseline->stale;
    std::string message = plural(entries.size(), "baseline entry matches", "baseline entries match") +
                          " no finding any more; remove " + (entries.size() == 1 ? "it" : "them") + " from " +
                          facts.baseline->file + ":";
    for (const StaleEntry& e : entries)
      message += "\nline " + std::to_string(e.line) + ": " + e.id + (e.comment.empty() ? "" : " (" + e.comment + ")");
    Location where = locate_file(facts.baseline->file, entries.front().line);
    out += "::notice file=" + github_escape_property(where.path) + ",line=" + std::to_string(where.begin.line) +
           ",title=" + github_escape_property("stale baseline entries") + "::" + github_escape_data(message) + "\n";
  }
  return out;
}

}  // namespace tc::report
