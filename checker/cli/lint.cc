// `treatycheck lint`: findings about the draft itself (TC2301-TC2306).
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "cli/drafting.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "diag/render.h"
#include "lint/lint.h"
#include "report/model.h"

namespace tc::cli {
namespace {

std::string render_json(const SourceSet& sources, const Diagnostics& findings, const lint::Outcome& outcome) {
  nlohmann::ordered_json doc;
  doc["schema"] = "treatycheck-lint/1";
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  auto location = [&](Span span) {
    nlohmann::ordered_json at;
    if (span.empty()) return at;
    report::Location l = report::locate_span(sources, span);
    at["file"] = l.file;
    at["line"] = l.begin.line;
    at["column"] = l.begin.column;
    return at;
  };
  for (const Diagnostic& d : findings.sorted()) {
    nlohmann::ordered_json item;
    item["code"] = diag_code(d.kind);
    item["kind"] = diag_name(d.kind);
    item["severity"] = severity_name(d.severity);
    item["message"] = d.message;
    item["location"] = location(d.span);
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const DiagNote& n : d.notes) notes.push_back({{"message", n.message}, {"location", location(n.span)}});
    item["notes"] = notes;
    list.push_back(item);
  }
  doc["findings"] = list;
  doc["unknown"] = outcome.unknown;
  return doc.dump(2) + "\n";
}

}  // namespace

int run_lint(const LintOptions& options) {
  if (options.format != "text" && options.format != "json") {
    std::cerr << "treatycheck: error: lint --format is text or json, not '" << options.format << "'\n";
    return kExitInputError;
  }
  CommandSetup setup;
  if (!set_up_command(options, default_paths(options.paths), setup)) return kExitInputError;
  const SourceSet& sources = setup.sources;
  lint::Options lint_options;
  lint_options.limits = setup.analysis_options.limits;
  lint_options.solver = !options.no_solver;
  Diagnostics findings;
  lint::Outcome outcome = lint::lint(*setup.world, setup.ground_options, lint_options, findings);
  if (outcome.background_unsatisfiable) {
    findings.report(DiagKind::UnsatisfiableBackground, Span{},
                    "the axioms contradict each other, so the solver checks were skipped; run `treatycheck check`");
  }
  std::string text;
  if (options.format == "json") {
    text = render_json(sources, findings, outcome);
  } else {
    std::ostringstream out;
    render_diagnostics(out, sources, findings, RenderOptions{options.use_color && options.output.empty()});
    if (findings.all().empty()) out << "no lint findings\n";
    if (outcome.unknown) {
      out << outcome.unknown << " question(s) left unknown (" << outcome.unknown_reason << "); raise --rlimit\n";
    }
    text = out.str();
  }
  std::string error;
  if (!write_output(options.output, text, error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  Severity threshold = options.fail_on == "error" ? Severity::Error : Severity::Warning;
  for (const Diagnostic& d : findings.all()) {
    if (options.fail_on != "never" && d.severity >= threshold) return kExitFindings;
  }
  return outcome.unknown ? kExitUnknown : kExitOk;
}

}  // namespace tc::cli
