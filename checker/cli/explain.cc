// `treatycheck explain ID [PATHS...]`: one finding told as a narrative.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "analysis/analyse.h"
#include "analysis/axioms_used.h"
#include "analysis/readings.h"
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

const char* const kAllReadingsNote =
    "note: a finding that holds only under other readings than the defaults is found with --all-readings\n";

/// Whether some term of `world` has several readings.
bool has_readings(const sema::World& world) {
  return std::any_of(world.definitions.begin(), world.definitions.end(),
                     [](const sema::Definition& d) { return d.readings.size() > 1; });
}

/// `vague`: the sources have terms with several readings and the check
/// used one reading each, so a finding of `check --all-readings` may be missing.
void report_missing(const analysis::Analysis& analysis, const std::string& wanted, bool vague) {
  std::cerr << "treatycheck: error: no finding '" << wanted << "' in this check";
  if (analysis.findings.empty()) {
    std::cerr << " (it has no findings: the sources as checked are consistent)\n";
    if (vague)
      std::cerr << kAllReadingsNote;
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
  if (vague)
    std::cerr << kAllReadingsNote;
}

}  // namespace

int run_explain(const ExplainOptions& options) {
  CommandSetup setup;
  if (!set_up_command(options, default_paths(options.paths), setup)) return kExitInputError;
  const sema::World& world = *setup.world;
  Analysed analysed = analyse_setup(options, setup);
  const analysis::Analysis& analysis = analysed.analysis();
  const analysis::Finding* finding = find_finding(analysis, options.id);
  if (!finding) {
    report_missing(analysis, options.id, !options.all_readings && has_readings(world));
    return kExitInputError;
  }
  // With --all-readings the witness comes from the run that found the
  // finding first: its problem and its combination of readings.
  const ground::Problem& problem = analysed.problem_for(finding->id);
  report::ExplainContext context;
  context.axioms = finding->kind == analysis::FindingKind::UnsatisfiableBackground
                       ? analysis::contradicting_axioms(problem, setup.analysis_options.limits)
                       : analysis::linking_axioms(problem, *finding, setup.analysis_options.limits);
  context.fixed = setup.ground_options.readings;
  context.readings = analysed.readings ? analysed.readings->combination_of.at(finding->id) : context.fixed;
  for (const std::string& p : options.paths) context.paths += " " + p;
  report::ReportInput input{setup.sources, world, problem, analysis, setup.ground_options.as_of, 0, false};
  std::string text = report::explain_finding(input, *finding, context);
  std::string error;
  if (!write_output(options.output, text, error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  return kExitOk;
}

}  // namespace tc::cli
