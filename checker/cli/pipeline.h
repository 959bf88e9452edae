#pragma once
/// The pieces of the pipeline that the commands share: the one setup of
/// every command that grounds the corpus (pipeline.cc), the check steps
/// (check.cc), and one checked revision for `diff`.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/analyse.h"
#include "analysis/readings.h"
#include "cli/commands.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "source/source.h"

namespace tc::cli {

/// The paths to check: `given`, or the bundled draft when none is given.
std::vector<std::string> default_paths(const std::vector<std::string>& given);

/// Front end: parse and resolve. Prints diagnostics; nullopt on errors.
/// Wall time of the front end's phases (`--stats`).
struct FrontEndTimes {
  double parse = 0;
  double resolve = 0;
};

/// Front end: parse and resolve. Prints diagnostics; nullopt on errors.
std::optional<sema::World> front_end(const std::vector<std::string>& paths, SourceSet& sources, bool color,
                                     FrontEndTimes* times = nullptr);

/// Prints `--stats`: counts, wall time per phase, peak memory.
void print_stats(std::ostream& out, const analysis::Stats& stats, const FrontEndTimes& times, double report_seconds,
                 double total_seconds);

/// Date, readings, limits and interruption from the options; prints a
/// usage error and returns false on a bad --as-of or --reading.
bool resolve_check_setup(const CheckOptions& options, ground::GroundOptions& ground_options,
                         analysis::AnalysisOptions& analysis_options);

/// `analysis::run_analysis`, then clears the progress line that
/// `resolve_check_setup` may have drawn on a terminal.
std::unique_ptr<analysis::Run> analyse_with_progress(const sema::World& world, const ground::GroundOptions& ground_options,
                                                     const analysis::AnalysisOptions& analysis_options);

/// Whether every --reading names a term of `world` and one of its
/// readings; prints a usage error naming the known terms (or the term's
/// readings) and returns false otherwise.
bool validate_readings(const sema::World& world, const ground::GroundOptions& options);

/// The exit status of a check (cli.md), decided here only: 4 on internal
/// error, 1 with a finding at or above `fail_on`, 3 with an unknown, else 0.
int exit_status(const analysis::Analysis& analysis, const std::string& fail_on);

/// What a command that grounds the corpus starts from: its options turned
/// into grounding and analysis options, and the sources read and resolved.
/// Kept in place (the world and reports refer into `sources`; do not move it).
struct CommandSetup {
  SourceSet sources;
  std::optional<sema::World> world;
  ground::GroundOptions ground_options;
  analysis::AnalysisOptions analysis_options;
  FrontEndTimes times;
};

/// Reads and resolves the sources into `sources`, printing diagnostics;
/// nullopt on errors. The default is `front_end` on the paths.
using Loader = std::function<std::optional<sema::World>(SourceSet& sources, FrontEndTimes& times)>;

/// The one setup of check, test, diff, explain, repair, lint, query and
/// emit-smt2: date, readings and limits from `options`
/// (resolve_check_setup), the front end on `paths` (or `load`), then every
/// --reading checked against the terms (validate_readings). Prints the
/// usage error or the diagnostics and returns false when the command must
/// exit 2 without analysing anything.
bool set_up_command(const CheckOptions& options, const std::vector<std::string>& paths, CommandSetup& out,
                    const Loader& load = {});

/// The analysis of a setup: one run, or with --all-readings one run per
/// combination of readings that matters, merged.
struct Analysed {
  std::unique_ptr<analysis::Run> run;                ///< without --all-readings
  std::unique_ptr<analysis::ReadingsRun> readings;   ///< with --all-readings
  /// The findings (merged over the combinations with --all-readings).
  const analysis::Analysis& analysis() const { return readings ? readings->analysis : run->analysis; }
  /// The problem of the run that stands for the whole (with --all-readings the defaults' run).
  const ground::Problem& problem() const { return readings ? readings->runs.front()->problem : run->problem; }
  /// The problem `finding`'s witness refers to.
  const ground::Problem& problem_for(const std::string& finding_id) const {
    return readings ? *readings->problem_of.at(finding_id) : run->problem;
  }
  /// Finding id -> its problem (--all-readings), else null: for reports.
  const std::map<std::string, const ground::Problem*>* problem_of() const {
    return readings ? &readings->problem_of : nullptr;
  }
};

/// Runs the analysis of `setup`, every combination of readings when
/// `options.all_readings`.
Analysed analyse_setup(const CheckOptions& options, const CommandSetup& setup);

/// One checked revision: its setup, grounded problem and analysis, kept
/// together (reports refer into them; do not move it).
struct CheckedRevision : CommandSetup {
  ground::Problem problem;
  analysis::Analysis analysis;
};

/// Front end, grounding and analysis of `paths`. False when the input has
/// errors (diagnostics printed on stderr).
bool check_revision(const std::vector<std::string>& paths, const CheckOptions& options, CheckedRevision& out);

}  // namespace tc::cli
