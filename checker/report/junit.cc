// JUnit XML reports.
#include "report/junit.h"

#include <algorithm>
#include <map>
#include <set>

namespace tc::report {
namespace {

/// One <testcase>.
struct Case {
  std::string name;
  std::string classname;
  std::string file;
  std::vector<const FindingFacts*> findings;
  std::vector<std::string> notes;  ///< extra lines for <system-out>
};

std::string attribute(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + xml_escape(value) + "\"";
}

std::string case_name(const std::vector<std::string>& instruments) {
  if (instruments.empty()) return "the axioms and facts are consistent";
  if (instruments.size() == 1) return instruments[0] + " on its own";
  std::string text;
  for (std::size_t i = 0; i < instruments.size(); ++i)
    text += (i == 0 ? "" : i + 1 == instruments.size() ? " and " : ", ") + instruments[i];
  return text;
}

std::string finding_block(const FindingFacts& f, const std::string& as_of) {
  std::string text;
  if (const ClauseFacts* main = f.main_clause())
    text += main->location.file + ":" + std::to_string(main->location.begin.line) + ":" +
            std::to_string(main->location.begin.column) + ": ";
  text += f.severity + "[" + f.code + "]: " + f.message + "\n";
  for (std::size_t i = 1; i < f.clauses.size(); ++i) {
    const ClauseFacts& c = f.clauses[i];
    text += "  with " + c.title + " at " + c.location.file + ":" + std::to_string(c.location.begin.line) + ":" +
            std::to_string(c.location.begin.column) + "\n";
  }
  for (const std::string& line : detail_lines(f, as_of)) text += "  " + line + "\n";
  if (f.change != Change::None) text += "  change: " + std::string(change_name(f.change)) + "\n";
  return text;
}

/// Writes one test case; returns (failures, errors) through the counters.
void write_case(std::string& out, const Case& c, const std::string& as_of, bool diff, std::size_t& failures,
                std::size_t& errors) {
  std::vector<const FindingFacts*> failing, unknown, other;
  for (const FindingFacts* f : c.findings) {
    bool counts = !diff || f->change == Change::Introduced;
    if (counts && f->failing)
      failing.push_back(f);
    else if (counts && f->kind_value == analysis::FindingKind::Unknown)
      unknown.push_back(f);
    else
      other.push_back(f);
  }
  out += "    <testcase" + attribute("name", c.name) + attribute("classname", c.classname);
  if (!c.file.empty()) out += attribute("file", c.file);
  std::string inner;
  auto element = [&](const char* tag, const std::vector<const FindingFacts*>& main,
                     const std::vector<const FindingFacts*>& also) {
    std::string message = main.size() == 1 ? main[0]->message
                                           : std::to_string(main.size()) + " findings: " + main[0]->message + "; ...";
    std::string body;
    for (const FindingFacts* f : main) body += finding_block(*f, as_of);
    for (const FindingFacts* f : also) body += finding_block(*f, as_of);
    inner += std::string("      <") + tag + attribute("message", message) + attribute("type", main[0]->code) + ">" +
             xml_escape(body, false) + "</" + tag + ">\n";
  };
  if (!failing.empty()) {
    element("failure", failing, unknown);
    ++failures;
  } else if (!unknown.empty()) {
    element("error", unknown, {});
    ++errors;
  }
  std::string system_out;
  for (const FindingFacts* f : other) system_out += finding_block(*f, as_of);
  for (const std::string& note : c.notes) system_out += note + "\n";
  if (!system_out.empty()) inner += "      <system-out>" + xml_escape(system_out, false) + "</system-out>\n";
  out += inner.empty() ? "/>\n" : ">\n" + inner + "    </testcase>\n";
}

std::string document(const std::string& suite_name, const std::vector<Case>& cases, const std::string& as_of,
                     bool diff, const std::vector<std::pair<std::string, std::string>>& properties,
                     const std::string& suite_out) {
  std::string body;
  std::size_t failures = 0, errors = 0;
  for (const Case& c : cases) write_case(body, c, as_of, diff, failures, errors);
  std::string head = "  <testsuite" + attribute("name", suite_name) + attribute("tests", std::to_string(cases.size())) +
                     attribute("failures", std::to_string(failures)) + attribute("errors", std::to_string(errors)) +
                     attribute("skipped", "0") + ">\n";
  if (!properties.empty()) {
    head += "    <properties>\n";
    for (const auto& [name, value] : properties)
      head += "      <property" + attribute("name", name) + attribute("value", value) + "/>\n";
    head += "    </properties>\n";
  }
  std::string tail;
  if (!suite_out.empty()) tail += "    <system-out>" + xml_escape(suite_out, false) + "</system-out>\n";
  tail += "  </testsuite>\n";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" + attribute("name", "treatycheck") +
         attribute("tests", std::to_string(cases.size())) + attribute("failures", std::to_string(failures)) +
         attribute("errors", std::to_string(errors)) + ">\n" + head + body + tail + "</testsuites>\n";
}

}  // namespace

std::string xml_escape(const std::string& text, bool attribute) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += "\xEF\xBF\xBD";
        else
          out += static_cast<char>(c);
    }
  }
  return out;
}

std::string render_junit(const ReportFacts& facts) {
  const RunFacts& run = facts.run;
  bool diff = facts.command == "diff";
  std::string classname = "treatycheck." + facts.command;
  // Cases keyed by their sorted instrument names; "" = the axioms and facts.
  std::map<std::vector<std::string>, Case> cases;
  std::map<std::string, std::string> file_of;
  for (const InstrumentFacts& i : run.instruments) file_of[i.name] = i.location.path;
  auto open = [&](std::vector<std::string> key) -> Case& {
    auto it = cases.find(key);
    if (it != cases.end()) return it->second;
    Case c{case_name(key), classname, key.empty() ? "" : file_of[key[0]], {}, {}};
    return cases.emplace(key, std::move(c)).first->second;
  };
  open({});
  bool any_under_review = false;
  for (const InstrumentFacts& i : run.instruments) any_under_review |= i.under_review;
  for (const InstrumentFacts& a : run.instruments) {
    if (any_under_review && !a.under_review) continue;
    for (const InstrumentFacts& b : run.instruments) {
      std::vector<std::string> key{a.name};
      if (b.name != a.name) key.push_back(b.name);
      std::sort(key.begin(), key.end());
      open(key);
    }
  }
  for (const FindingFacts& f : run.findings) open(f.instruments).findings.push_back(&f);
  std::vector<Case> ordered;
  for (auto& [key, c] : cases) ordered.push_back(std::move(c));
  if (diff)
    for (const FindingFacts& f : facts.resolved) {
      Case c{"resolved " + f.id + ": " + f.clause_titles(), classname, "", {}, {}};
      c.notes.push_back("resolved by this revision: " + f.message);
      ordered.push_back(std::move(c));
    }
  std::vector<std::pair<std::string, std::string>> properties{
      {"as_of", run.as_of}, {"verdict", run.verdict}, {"exit_code", std::to_string(facts.exit_code)},
      {"fail_on", facts.fail_on}};
  if (run.readings) properties.emplace_back("readings", run.readings_text);
  std::string suite_out;
  if (facts.baseline) {
    properties.emplace_back("baseline", facts.baseline->file);
    properties.emplace_back("baseline_suppressed", std::to_string(facts.baseline->suppressed.size()));
    for (const StaleEntry& e : facts.baseline->stale) {
      properties.emplace_back("stale_baseline_entry", e.id);
      suite_out += "note: stale baseline entry " + e.id + (e.comment.empty() ? "" : " (" + e.comment + ")") + " at " +
                   facts.baseline->file + ":" + std::to_string(e.line) +
                   " matches no finding; remove it from the baseline\n";
    }
  }
  std::string suite = "treatycheck " + facts.command;
  for (const std::string& input : run.inputs) suite += " " + input;
  return document(suite, ordered, run.as_of, diff, properties, suite_out);
}

std::string render_test_junit(const TestFacts& facts) {
  std::string body;
  std::size_t failures = 0, errors = 0;
  for (const ExpectationFacts& e : facts.expectations) {
    std::string where = e.location.file + ":" + std::to_string(e.location.begin.line);
    std::string name = where + ": " + e.text + (e.scenario ? " [scenario \"" + *e.scenario + "\"]" : "");
    body += "    <testcase" + attribute("name", name) + attribute("classname", "treatycheck.test") +
            attribute("file", e.location.path) + attribute("line", std::to_string(e.location.begin.line));
    std::string report = xml_escape(where + ": " + e.text + "\n" + e.detail + "\n", false);
    if (e.status == "failed") {
      ++failures;
      body += ">\n      <failure" + attribute("message", e.detail) + attribute("type", "TC2401") + ">" + report +
              "</failure>\n    </testcase>\n";
    } else if (e.status == "unknown") {
      ++errors;
      body += ">\n      <error" + attribute("message", e.detail) + attribute("type", "TC3001") + ">" + report +
              "</error>\n    </testcase>\n";
    } else {
      body += "/>\n";
    }
  }
  std::string tests = std::to_string(facts.expectations.size());
  std::string suite = "treatycheck test";
  for (const std::string& input : facts.inputs) suite += " " + input;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" + attribute("name", "treatycheck") +
         attribute("tests", tests) + attribute("failures", std::to_string(failures)) +
         attribute("errors", std::to_string(errors)) + ">\n  <testsuite" + attribute("name", suite) +
         attribute("tests", tests) + attribute("failures", std::to_string(failures)) +
         attribute("errors", std::to_string(errors)) + attribute("skipped", "0") + ">\n    <properties>\n" +
         "      <property" + attribute("name", "as_of") + attribute("value", facts.as_of) + "/>\n" +
         "      <property" + attribute("name", "exit_code") + attribute("value", std::to_string(facts.exit_code)) +
         "/>\n    </properties>\n" + body + "  </testsuite>\n</testsuites>\n";
}

}  // namespace tc::report
