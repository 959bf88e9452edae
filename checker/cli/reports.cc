// Report formats and destinations.
#include "cli/reports.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/app.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "report/diff.h"
#include "report/github.h"
#include "report/html.h"
#include "report/json.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/report.h"
#include "report/sarif.h"

namespace tc::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "|") + item;
  return out;
}

bool known(const std::vector<std::string>& formats, const std::string& format) {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

}  // namespace

bool report_targets(const CheckOptions& options, const std::vector<std::string>& formats,
                    std::vector<ReportTarget>& targets) {
  if (!known(formats, options.format)) {
    std::cerr << "treatycheck: error: --format expects " << joined(formats) << ", got '" << options.format << "'\n";
    return false;
  }
  targets.push_back({options.format, options.output == "-" ? "" : options.output});
  for (const std::string& spec : options.reports) {
    std::size_t eq = spec.find('=');
    std::string format = spec.substr(0, eq);
    if (eq == std::string::npos || eq + 1 == spec.size() || !known(formats, format)) {
      std::cerr << "treatycheck: error: --report expects FORMAT=FILE with FORMAT one of " << joined(formats)
                << ", got '" << spec << "'\n";
      return false;
    }
    std::string path = spec.substr(eq + 1);
    targets.push_back({format, path == "-" ? "" : path});
  }
  std::size_t to_stdout = std::count_if(targets.begin(), targets.end(), [](const auto& t) { return t.path.empty(); });
  if (to_stdout > 1) {
    std::cerr << "treatycheck: error: only one report can go to standard output; give the others a FILE\n";
    return false;
  }
  return true;
}

std::string render_machine(const std::string& format, const report::ReportFacts& facts) {
  if (format == "json") return report::render_json(facts);
  if (format == "sarif") return report::render_sarif(facts);
  if (format == "junit") return report::render_junit(facts);
  if (format == "github") return report::render_github(facts);
  if (format == "markdown") return report::render_markdown(facts);
  if (format == "html") return report::render_html(facts);
  return "";
}

bool write_target(const ReportTarget& target, const std::string& content) {
  std::string error;
  if (write_output(target.path, content, error)) return true;
  std::cerr << "treatycheck: error: " << error << "\n";
  return false;
}

std::string tool_version() { return TC_VERSION; }

bool plan_reports(const CheckOptions& options, const std::vector<std::string>& formats, ReportPlan& plan) {
  if (!report_targets(options, formats, plan.targets)) return false;
  if (options.baseline.empty()) return true;
  std::ifstream in(options.baseline, std::ios::binary);
  if (!in) {
    std::cerr << "treatycheck: error: cannot read the baseline '" << options.baseline << "'\n";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<report::BaselineEntry> entries;
  std::string error;
  if (!report::parse_baseline(text.str(), entries, error)) {
    std::cerr << "treatycheck: error: " << options.baseline << ": " << error << "\n";
    return false;
  }
  plan.baseline = std::move(entries);
  return true;
}

int finish_check(const CheckOptions& options, const ReportPlan& plan, const SourceSet& sources,
                 const sema::World& world, const ground::Problem& problem, const analysis::Analysis& analysis,
                 sema::DayNumber as_of, const std::map<std::string, const ground::Problem*>* problem_of,
                 const report::StatsFacts* stats) {
  if (!options.write_baseline.empty()) {
    std::vector<report::BaselineEntry> entries = report::baseline_entries(world, analysis);
    if (plan.baseline) {
      // With --baseline too, only prune: keep the entries that still match, add nothing.
      std::set<std::string> accepted;
      for (const report::BaselineEntry& e : *plan.baseline) accepted.insert(e.id);
      std::erase_if(entries, [&](const report::BaselineEntry& e) { return !accepted.count(e.id); });
    }
    if (!write_target({"baseline", options.write_baseline}, report::format_baseline(entries))) return kExitInputError;
  }
  analysis::Analysis reported = analysis;
  report::ReportFacts facts;
  if (plan.baseline) facts.baseline = report::apply_baseline(*plan.baseline, options.baseline, reported);
  int status = exit_status(reported, options.fail_on);
  report::ReportInput input{sources, world, problem, reported, as_of, 0, false, problem_of};
  facts.command = "check";
  facts.tool_version = tool_version();
  facts.fail_on = options.fail_on;
  facts.exit_code = status;
  facts.link_base = options.link_base;
  facts.run = report::build_run_facts(input, options.fail_on);
  if (stats) facts.stats = *stats;
  for (const ReportTarget& target : plan.targets) {
    std::string content;
    if (target.format == "text") {
      std::ostringstream text;
      report::render_text(text, input, options.use_color && target.path.empty());
      content = text.str() + report::render_baseline_notes(facts);
    } else {
      content = render_machine(target.format, facts);
    }
    if (!write_target(target, content)) return kExitInputError;
  }
  return status;
}

int finish_test(const CheckOptions& options, const ReportPlan& plan, const SourceSet& sources,
                const sema::World& world, const std::vector<analysis::ExpectationResult>& results,
                sema::DayNumber as_of, const std::string& text) {
  report::TestFacts facts;
  facts.tool_version = tool_version();
  for (FileId file : world.root_files) facts.inputs.push_back(sources.file(file).path());
  facts.as_of = sema::format_day(as_of);
  for (const analysis::ExpectationResult& r : results) {
    const sema::Expectation& e = world.expectations.at(r.expectation);
    report::ExpectationFacts x;
    x.location = report::locate_span(sources, e.span);
    std::string raw = sources.file(e.span.file).text().substr(e.span.begin, e.span.end - e.span.begin);
    for (char c : raw) {
      bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (space && (x.text.empty() || x.text.back() == ' ')) continue;
      x.text += space ? ' ' : c;
    }
    while (!x.text.empty() && x.text.back() == ' ') x.text.pop_back();
    if (e.scenario) x.scenario = world.scenarios.at(*e.scenario).name;
    x.status = r.passed ? "passed" : r.unknown ? "unknown" : "failed";
    x.detail = r.detail;
    (r.passed ? facts.passed : r.unknown ? facts.unknown : facts.failed)++;
    facts.expectations.push_back(std::move(x));
  }
  facts.exit_code = facts.failed ? kExitFindings : facts.unknown ? kExitUnknown : kExitOk;
  for (const ReportTarget& target : plan.targets) {
    std::string content = target.format == "json"    ? report::render_test_json(facts)
                          : target.format == "junit" ? report::render_test_junit(facts)
                                                     : text;
    if (!write_target(target, content)) return kExitInputError;
  }
  return facts.exit_code;
}

}  // namespace tc::cli
