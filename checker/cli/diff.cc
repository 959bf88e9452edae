// `treatycheck diff OLD NEW`: what a revision of a draft changed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/reports.h"
#include "report/diff.h"
#include "report/report.h"

namespace tc::cli {
namespace {

namespace fs = std::filesystem;

/// The treaty files of a revision: the file itself, or every *.treaty file
/// under the directory (sorted by relative name).
std::vector<std::string> revision_files(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> out;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".treaty") out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int run_diff(const DiffOptions& options) {
  ReportPlan plan;
  if (!plan_reports(options, kCheckFormats, plan)) return kExitInputError;
  std::error_code ec;
  bool old_dir = fs::is_directory(options.old_path, ec), new_dir = fs::is_directory(options.new_path, ec);
  if (old_dir != new_dir) {
    std::cerr << "treatycheck: error: diff compares two files or two directories; '" << options.old_path << "' and '"
              << options.new_path << "' are not both " << (old_dir ? "directories" : "files") << "\n";
    return kExitInputError;
  }
  std::vector<std::string> old_paths = revision_files(options.old_path);
  std::vector<std::string> new_paths = revision_files(options.new_path);
  if (old_paths.empty() || new_paths.empty()) {
    std::cerr << "treatycheck: error: no .treaty file in '" << (old_paths.empty() ? options.old_path : options.new_path)
              << "'\n";
    return kExitInputError;
  }
  old_paths.insert(old_paths.end(), options.with.begin(), options.with.end());
  new_paths.insert(new_paths.end(), options.with.begin(), options.with.end());

  CheckedRevision old_revision, new_revision;
  if (!check_revision(old_paths, options, old_revision)) return kExitInputError;
  if (!check_revision(new_paths, options, new_revision)) return kExitInputError;
  const analysis::Analysis& old_analysis = old_revision.analysis;
  const analysis::Analysis& new_analysis = new_revision.analysis;

  // The exit status is decided on what the revision introduces.
  std::set<std::string> old_ids;
  for (const analysis::Finding& f : old_analysis.findings) old_ids.insert(f.id);
  analysis::Analysis introduced;
  for (const analysis::Finding& f : new_analysis.findings)
    if (!old_ids.count(f.id)) introduced.findings.push_back(f);
  introduced.internal_error = old_analysis.internal_error || new_analysis.internal_error;
  int status = exit_status(introduced, options.fail_on);

  report::ReportInput old_input{old_revision.sources, *old_revision.world, old_revision.problem, old_analysis,
                                old_revision.ground_options.as_of, 0, false};
  report::ReportInput new_input{new_revision.sources, *new_revision.world, new_revision.problem, new_analysis,
                                new_revision.ground_options.as_of, 0, false};
  report::ReportFacts facts;
  facts.command = "diff";
  facts.tool_version = tool_version();
  facts.fail_on = options.fail_on;
  facts.exit_code = status;
  facts.link_base = options.link_base;
  facts.run = report::build_run_facts(new_input, options.fail_on);
  facts.old_run = report::build_run_facts(old_input, options.fail_on);
  report::compare_revisions(facts);
  for (const ReportTarget& target : plan.targets) {
    std::string content =
        target.format == "text" ? report::render_diff_text(facts) : render_machine(target.format, facts);
    if (!write_target(target, content)) return kExitInputError;
  }
  for (const analysis::Analysis* a : {&old_analysis, &new_analysis})
    if (a->internal_error) std::cerr << "treatycheck: internal error: " << a->internal_error_message << "\n";
  return status;
}

}  // namespace tc::cli
