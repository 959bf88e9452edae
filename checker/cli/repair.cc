// `treatycheck repair [PATHS...]`: minimal correction sets, each checked.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/analyse.h"
#include "analysis/hitting_sets.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "report/repair.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc::cli {
namespace {

namespace fs = std::filesystem;

bool is_target(const analysis::Finding& f) {
  return (f.kind == analysis::FindingKind::ObligationConflict || f.kind == analysis::FindingKind::PermissionConflict) &&
         !f.resolution;
}

/// What is left of the conflicts after an edit: "" when no unresolved
/// conflict is left, else a short account ("still TC2001-..."). Unknown
/// questions do not count: the note says how many stay open.
std::string what_is_left(const analysis::Analysis& analysis) {
  std::string left, unknown_note;
  std::size_t unknown = 0;
  for (const analysis::Finding& f : analysis.findings) {
    if (f.kind == analysis::FindingKind::Unknown) ++unknown;
    if (f.kind == analysis::FindingKind::UnsatisfiableBackground)
      left += (left.empty() ? "" : ", ") + std::string("the background becomes unsatisfiable");
    if (is_target(f)) left += (left.empty() ? "still " : ", ") + f.id;
  }
  if (analysis.internal_error) left += (left.empty() ? "" : ", ") + std::string("an internal error");
  if (!left.empty() && unknown) left += " (and " + std::to_string(unknown) + " unknown)";
  return left;
}

/// A temporary directory removed when this goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "treatycheck-repair-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Checks the corpus with `patched` files replacing their originals: every
/// loaded file is copied under a temporary directory at its absolute path,
/// so relative imports still resolve. Returns what is left ("" = clean).
std::string check_patched(const SourceSet& sources, const sema::World& world,
                          const std::map<FileId, std::string>& patched, const ground::GroundOptions& ground_options,
                          const analysis::AnalysisOptions& analysis_options) {
  TempDir dir;
  if (dir.path().empty()) return "could not be checked (no temporary directory)";
  auto mirrored = [&](FileId file) { return dir.path() / fs::path(sources.canonical_path(file)).relative_path(); };
  for (FileId file = 1; file < sources.size(); ++file) {
    if (sources.canonical_path(file).empty()) continue;
    fs::path target = mirrored(file);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    auto it = patched.find(file);
    std::ofstream(target, std::ios::binary) << (it == patched.end() ? sources.file(file).text() : it->second);
  }
  std::vector<std::string> roots;
  for (FileId file : world.root_files) roots.push_back(mirrored(file).string());
  SourceSet edited_sources;
  Diagnostics diagnostics;
  ast::Corpus corpus = syntax::load_corpus(roots, edited_sources, diagnostics);
  std::optional<sema::World> edited;
  if (!diagnostics.has_errors()) edited = sema::resolve(corpus, edited_sources, diagnostics);
  if (!edited || diagnostics.has_errors()) return "the edited text does not parse or resolve";
  std::unique_ptr<analysis::Run> run = analysis::run_analysis(*edited, ground_options, analysis_options);
  return what_is_left(run->analysis);
}

bool write_patched(const SourceSet& sources, const std::map<FileId, std::string>& patched) {
  for (const auto& [file, text] : patched) {
    std::string error;
    if (!write_output(sources.file(file).path(), text, error)) {
      std::cerr << "treatycheck: error: " << error << "\n";
      return false;
    }
    std::cerr << "treatycheck: wrote " << sources.file(file).path() << "\n";
  }
  return true;
}

}  // namespace

int run_repair(const RepairOptions& options) {
  if (options.format != "text") {
    std::cerr << "treatycheck: error: repair writes text only, got --format " << options.format << "\n";
    return kExitInputError;
  }
  CommandSetup setup;
  if (!set_up_command(options, default_paths(options.paths), setup)) return kExitInputError;
  const SourceSet& sources = setup.sources;
  const std::optional<sema::World>& world = setup.world;
  const ground::GroundOptions& ground_options = setup.ground_options;
  const analysis::AnalysisOptions& analysis_options = setup.analysis_options;
  std::unique_ptr<analysis::Run> run = analyse_with_progress(*world, ground_options, analysis_options);

  std::vector<const analysis::Finding*> targets;
  std::vector<std::vector<sema::ClauseId>> sets;
  for (const analysis::Finding& f : run->analysis.findings) {
    if (!is_target(f)) continue;
    targets.push_back(&f);
    std::vector<sema::ClauseId> set = f.clauses;
    if (f.permission) set.push_back(*f.permission);
    std::sort(set.begin(), set.end());
    sets.push_back(std::move(set));
  }
  // Editing the instruments under review is cheaper than editing others,
  // and a draft is cheaper to edit than a treaty in force.
  auto cost = [&](sema::ClauseId c) {
    const sema::Treaty& t = world->treaties.at(world->clauses.at(c).treaty);
    return (t.in_root_file ? 0 : 2) + (t.is_draft ? 0 : 1);
  };
  std::vector<std::vector<sema::ClauseId>> picks =
      analysis::minimal_hitting_sets(sets, options.max_size, options.max_suggestions, cost);

  std::vector<report::RepairSuggestion> suggestions;
  for (const std::vector<sema::ClauseId>& pick : picks) {
    report::RepairSuggestion s;
    for (std::size_t t = 0; t < targets.size(); ++t)
      if (std::any_of(pick.begin(), pick.end(), [&](sema::ClauseId c) { return std::binary_search(sets[t].begin(), sets[t].end(), c); }))
        s.removes.push_back(targets[t]->id);
    bool every_exception = true;
    for (sema::ClauseId c : pick) {
      std::vector<const analysis::Finding*> met;
      for (std::size_t t = 0; t < targets.size(); ++t)
        if (std::binary_search(sets[t].begin(), sets[t].end(), c)) met.push_back(targets[t]);
      std::string condition = report::exception_condition(*world, run->problem, met, c);
      every_exception = every_exception && !condition.empty();
      s.edits.push_back(report::exception_edit(sources, *world, c, condition));
    }
    ground::GroundOptions without = ground_options;
    without.excluded_clauses.insert(pick.begin(), pick.end());
    s.removal_note = what_is_left(analysis::run_analysis(*world, without, analysis_options)->analysis);
    s.removal_clean = s.removal_note.empty();
    if (every_exception) {
      s.exception_note = check_patched(sources, *world, report::patched_files(sources, *world, s, true), ground_options,
                                       analysis_options);
      s.exception_clean = s.exception_note.empty();
    }
    suggestions.push_back(std::move(s));
  }
  std::size_t unknown = std::count_if(run->analysis.findings.begin(), run->analysis.findings.end(),
                                      [](const auto& f) { return f.kind == analysis::FindingKind::Unknown; });
  std::string text = report::render_repair(sources, *world, suggestions, targets.size(), unknown);
  std::string error;
  if (!write_output(options.output, text, error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  if (options.apply) {
    if (options.apply > suggestions.size()) {
      std::cerr << "treatycheck: error: --apply " << options.apply << ": there are " << suggestions.size()
                << " suggestions\n";
      return kExitInputError;
    }
    const report::RepairSuggestion& s = suggestions[options.apply - 1];
    if (!s.exception_clean && !s.removal_clean) {
      std::cerr << "treatycheck: error: --apply " << options.apply << ": this suggestion did not check clean; nothing written\n";
      return kExitFindings;
    }
    if (!write_patched(sources, report::patched_files(sources, *world, s, s.exception_clean))) return kExitInputError;
  }
  if (targets.empty()) return exit_status(run->analysis, options.fail_on);
  bool any_clean = std::any_of(suggestions.begin(), suggestions.end(),
                               [](const auto& s) { return s.exception_clean || s.removal_clean; });
  return any_clean ? kExitOk : kExitFindings;
}

}  // namespace tc::cli
