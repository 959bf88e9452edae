// The Markdown report, for pull-request comments and job summaries.
#include "report/markdown.h"

#include <algorithm>

namespace tc::report {
namespace {


/// Inside HTML elements (<summary>) Markdown is not rendered: escape as HTML.
std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string clause_link(const ClauseFacts& c, const std::string& link_base) {
  return "[" + markdown_escape(c.title) + "](" + line_link(link_base, c.location) + ")";
}

std::string table(const std::vector<const FindingFacts*>& findings, const std::string& link_base) {
  std::string out = "| severity | finding | clauses | scenario | caught |\n|---|---|---|---|---|\n";
  for (const FindingFacts* f : findings) {
    std::string clauses;
    for (const ClauseFacts& c : f->clauses) clauses += (clauses.empty() ? "" : "<br>") + clause_link(c, link_base);
    if (clauses.empty()) clauses = "the axioms and facts";
    std::string scenario;
    if (f->kind_value == analysis::FindingKind::Unknown)
      scenario = "unknown: " + markdown_escape(f->unknown_reason);
    else if (f->kind_value != analysis::FindingKind::UnsatisfiableBackground)
      scenario = f->witness.empty() ? markdown_escape(f->scenario_text()) : markdown_code(f->scenario_text());
    std::string caught = f->caught.empty() ? "" : std::to_string(f->caught.size()) + ": " + markdown_escape(names(f->caught, 5));
    std::string severity = f->severity + (f->resolution ? " (resolved)" : "");
    out += "| " + severity + " | " + markdown_code(f->id) + " | " + clauses + " | " + scenario + " | " + caught + " |\n";
  }
  return out;
}

std::string details(const FindingFacts& f, const std::string& as_of, const std::string& link_base) {
  std::string out = "<details>\n<summary><code>" + html_escape(f.id) + "</code> " + f.severity + ": " +
                    html_escape(f.message) + "</summary>\n\n";
  for (const ClauseFacts& c : f.clauses) {
    std::string title = clause_link(c, link_base);
    if (c.article_title) title += " " + markdown_escape("\"" + *c.article_title + "\"");
    if (c.treaty_title) title += " (" + markdown_escape(*c.treaty_title) + (c.treaty_draft ? ", draft" : "") + ")";
    out += "- " + title + ", " + markdown_escape(c.location.file) + ":" + std::to_string(c.location.begin.line) +
           ":\n  " + markdown_code(c.text, false) + "\n";
  }
  if (!f.clauses.empty()) out += "\n";
  using analysis::FindingKind;
  if (f.kind_value == FindingKind::Unknown) {
    out += "**Unknown:** could not settle " + markdown_escape(f.question) + ": " + markdown_escape(f.unknown_reason) +
           ". This is *not* reported as consistent; raise `--rlimit` or `--timeout`, or split the corpus.\n\n";
  } else if (f.kind_value == FindingKind::UnsatisfiableBackground) {
    out += "No situation satisfies the axioms and facts, so nothing else can be checked.\n\n";
  } else {
    std::string scenario = f.witness.empty() ? markdown_escape(f.scenario_text()) : markdown_code(f.scenario_text(), false);
    out += "**Scenario:** " + scenario + "\n\n**Then:**\n";
    for (const InstanceFacts& i : f.instances) out += "- " + markdown_escape(i.text) + "\n";
    out += f.kind_value == FindingKind::PermissionConflict
               ? "\nNo course of conduct uses the permission while complying with the others.\n\n"
               : "\nNo course of conduct complies with all of these at once.\n\n";
    out += "**Caught:** " + markdown_escape(f.caught_text(as_of, 30)) + "\n\n";
    out += "**Precedence:** " +
           (f.resolution ? "resolved: " + markdown_escape(f.resolution->explanation) : std::string("none settles it")) +
           "\n\n";
    if (f.political && !f.resolution)
      out += "A political commitment is involved: reported as a warning, not an error.\n\n";
    out += "**Instances:** " + std::to_string(f.instance_count) + "\n\n";
  }
  if (f.readings) out += "**Readings:** " + markdown_escape(f.readings_text) + "\n\n";
  return out + "</details>\n\n";
}

std::string summary_line(const RunFacts& run) {
  return summary_text(run.summary.counts, run.as_of) + ".";
}

std::string verdict_words(const std::string& verdict) {
  if (verdict == "consistent") return "consistent";
  if (verdict == "conflicts") return "conflicts found";
  if (verdict == "unknown") return "not settled (unknown)";
  return "internal error";
}

std::string baseline_section(const ReportFacts& facts) {
  if (!facts.baseline) return "";
  const BaselineFacts& b = *facts.baseline;
  std::string out = plural(b.suppressed.size(), "finding", "findings") + " accepted in the baseline " +
                    markdown_code(b.file) + " not shown.\n\n";
  if (!b.stale.empty()) {
    out += "**Stale baseline entries** (they match no finding any more; remove them so the baseline only shrinks):\n\n";
    for (const StaleEntry& e : b.stale)
      out += "- " + markdown_code(e.id) + (e.comment.empty() ? "" : " " + markdown_escape(e.comment)) + " (line " +
             std::to_string(e.line) + ")\n";
    out += "\n";
  }
  return out;
}

std::vector<const FindingFacts*> pick(const std::vector<FindingFacts>& findings, Change change) {
  std::vector<const FindingFacts*> out;
  for (const FindingFacts& f : findings)
    if (f.change == change) out.push_back(&f);
  return out;
}

std::string render_check(const ReportFacts& facts) {
  const RunFacts& run = facts.run;
  std::string out = "### treatycheck: " + verdict_words(run.verdict) + "\n\n";
  out += "**Verdict:** " + run.verdict + " (exit status " + std::to_string(facts.exit_code) + ", `--fail-on " +
         facts.fail_on + "`). " + markdown_escape(summary_line(run)) + "\n\n";
  if (run.internal_error) out += "**Internal error:** " + markdown_escape(run.internal_error_message) + "\n\n";
  if (run.readings) out += "**Readings:** " + markdown_escape(run.readings_text) + "\n\n";
  out += baseline_section(facts);
  if (run.findings.empty()) return out + "No findings.\n";
  out += table(pick(run.findings, Change::None), facts.link_base) + "\n";
  for (const FindingFacts& f : run.findings) out += details(f, run.as_of, facts.link_base);
  return out;
}

std::string render_diff(const ReportFacts& facts) {
  std::vector<const FindingFacts*> introduced = pick(facts.run.findings, Change::Introduced);
  std::vector<const FindingFacts*> unchanged = pick(facts.run.findings, Change::Unchanged);
  std::vector<const FindingFacts*> resolved;
  for (const FindingFacts& f : facts.resolved) resolved.push_back(&f);
  std::string out = "### treatycheck diff: " + std::to_string(introduced.size()) + " introduced, " +
                    std::to_string(resolved.size()) + " resolved, " + std::to_string(unchanged.size()) +
                    " unchanged\n\n";
  std::size_t failing = std::count_if(introduced.begin(), introduced.end(), [](const FindingFacts* f) { return f->failing; });
  out += "**Verdict:** this revision introduces " + plural(failing, "finding", "findings") + " at or above `--fail-on " +
         facts.fail_on + "` (exit status " + std::to_string(facts.exit_code) + "). New revision: " +
         markdown_escape(summary_line(facts.run)) + "\n\n";
  if (!introduced.empty()) out += "#### Introduced\n\n" + table(introduced, facts.link_base) + "\n";
  if (!resolved.empty()) out += "#### Resolved\n\n" + table(resolved, facts.link_base) + "\n";
  if (!unchanged.empty())
    out += "<details>\n<summary>Unchanged (" + std::to_string(unchanged.size()) + ")</summary>\n\n" +
           table(unchanged, facts.link_base) + "\n</details>\n\n";
  for (const FindingFacts* f : introduced) out += details(*f, facts.run.as_of, facts.link_base);
  return out;
}

}  // namespace

std::string markdown_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
        out += '\\';
        out += c;
        break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_code(const std::string& text, bool in_table) {
  std::string body;
  for (char c : text) {
    if (c == '|' && in_table)
      body += "\\|";
    else if (c == '\n')
      body += ' ';
    else
      body += c;
  }
  // Fence with one more backtick than the longest run inside.
  std::size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string render_markdown(const ReportFacts& facts) {
  return facts.command == "diff" ? render_diff(facts) : render_check(facts);
}

}  // namespace tc::report
