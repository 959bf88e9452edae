// `treatycheck explain ID [PATHS...]`: one finding told as a narrative.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "analysis/analyse.h"
#include "analysis/axioms_used.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "report/explain.h"

namespace tc::cli {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// The finding named by `wanted`: its whole id, or a prefix of exactly one id (case-insensitive).
const analysis::Finding* find_finding(const analysis::Analysis& analysis, const std::string& wanted) {
  const analysis::Finding* prefix_match = nullptr;
  std::size_t prefix_matches = 0;
  for (const analysis::Finding& f : analysis.findings) {
    if (lower(f.id) == lower(wanted)) return &f;
    if (wanted.size() >= 6 && lower(f.id).rfind(lower(wanted), 0) == 0) {
      prefix_match = &f;
      ++prefix_matches;
    }
  }
  return prefix_matches == 1 ? prefix_match : nullptr;
}

void report_missing(const analysis::Analysis& analysis, const std::string& wanted) {
  std::cerr << "treatycheck: error: no finding '" << wanted << "' in this check";
  if (analysis.findings.empty()) {
    std::cerr << " (it has no findings: the sources as checked are consistent)\n";
    return;
  }
  std::vector<std::string> ids;
  for (const analysis::Finding& f : analysis.findings) ids.push_back(f.id);
  std::cerr << "; " << (ids.size() == 1 ? "its finding is" : "its findings, nearest first, are") << ":\n";
  for (const std::string& id : report::nearby_ids(ids, wanted, 10)) {
    auto it = std::find_if(analysis.findings.begin(), analysis.findings.end(), [&](const auto& f) { return f.id == id; });
    std::cerr << "  " << id << "  " << std::string(severity_name(it->severity)) << "\n";
  }
  if (ids.size() > 10) std::cerr << "  ... and " << ids.size() - 10 << " more (treatycheck check lists them all)\n";
  std::cerr << "note: ids depend on the check's options too (--as-of, --reading, --no-permissions): give the same ones\n";
}

}  // namespace

int run_explain(const ExplainOptions& options) {
  ground::GroundOptions ground_options;
  analysis::AnalysisOptions analysis_options;
  if (!resolve_check_setup(options, ground_options, analysis_options)) return kExitInputError;
  SourceSet sources;
  std::vector<std::string> paths = default_paths(options.paths);
  std::optional<sema::World> world = front_end(paths, sources, options.use_color);
  if (!world) return kExitInputError;
  std::unique_ptr<analysis::Run> run = analyse_with_progress(*world, ground_options, analysis_options);
  const analysis::Finding* finding = find_finding(run->analysis, options.id);
  if (!finding) {
    report_missing(run->analysis, options.id);
    return kExitInputError;
  }
  report::ExplainContext context;
  context.axioms = finding->kind == analysis::FindingKind::UnsatisfiableBackground
                       ? analysis::contradicting_axioms(run->problem, analysis_options.limits)
                       : analysis::linking_axioms(run->problem, *finding, analysis_options.limits);
  context.readings = ground_options.readings;
  for (const std::string& p : options.paths) context.paths += " " + p;
  report::ReportInput input{sources, *world, run->problem, run->analysis, ground_options.as_of, 0, false};
  std::string text = report::explain_finding(input, *finding, context);
  std::string error;
  if (!write_output(options.output, text, error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  return kExitOk;
}

}  // namespace tc::cli
