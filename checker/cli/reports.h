#pragma once
/// Report formats and destinations shared by `check`, `test` and `diff`:
/// the main report (--format, -o FILE) and any extra ones
/// (--report FORMAT=FILE, repeatable), each written atomically, so one
/// analysis can feed SARIF, annotations and a summary at once.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/expectations.h"
#include "analysis/findings.h"
#include "cli/commands.h"
#include "ground/ground.h"
#include "report/baseline.h"
#include "report/model.h"
#include "sema/world.h"
#include "source/source.h"

namespace tc::cli {

/// One report to write: a format and a path ("" = stdout).
struct ReportTarget {
  std::string format;
  std::string path;
};

/// The formats of `check` and `diff`.
inline const std::vector<std::string> kCheckFormats{"text", "json", "sarif", "junit", "github", "markdown", "html"};
/// The formats of `test`.
inline const std::vector<std::string> kTestFormats{"text", "json", "junit"};

/// The reports `options` asks for: the main one first, then each --report.
/// Prints a usage error on stderr and returns false on an unknown format,
/// a malformed --report, or two reports to stdout.
bool report_targets(const CheckOptions& options, const std::vector<std::string>& formats,
                    std::vector<ReportTarget>& targets);

/// Renders `facts` in a machine format (json, sarif, junit, github, markdown) or as HTML.
std::string render_machine(const std::string& format, const report::ReportFacts& facts);

/// Writes `content` to `target` atomically; prints an error and returns false on failure.
bool write_target(const ReportTarget& target, const std::string& content);

/// What a run will write, checked before any analysis.
struct ReportPlan {
  std::vector<ReportTarget> targets;
  std::optional<std::vector<report::BaselineEntry>> baseline;  ///< --baseline, read
};

/// Checks the formats and --report options, and reads --baseline. Prints
/// a usage error and returns false when something is wrong.
bool plan_reports(const CheckOptions& options, const std::vector<std::string>& formats, ReportPlan& plan);

/// The end of `check`: writes --write-baseline, leaves out the baseline's
/// findings, decides the exit status on the rest, and writes every report.
/// Returns the exit status (2 when a report or baseline cannot be written).
/// `problem_of` (--all-readings) maps finding ids to the problem of the
/// run each finding came from; `stats` (--stats) goes into the JSON report.
int finish_check(const CheckOptions& options, const ReportPlan& plan, const SourceSet& sources,
                 const sema::World& world, const ground::Problem& problem, const analysis::Analysis& analysis,
                 sema::DayNumber as_of,
                 const std::map<std::string, const ground::Problem*>* problem_of = nullptr,
                 const report::StatsFacts* stats = nullptr);

/// The end of `test`: writes every report of the expectation results
/// (`text` is the text report, already rendered) and returns the exit
/// status (1 on a failed expectation, else 3 on an unknown one, else 0).
int finish_test(const CheckOptions& options, const ReportPlan& plan, const SourceSet& sources,
                const sema::World& world, const std::vector<analysis::ExpectationResult>& results,
                sema::DayNumber as_of, const std::string& text);

/// The tool version (TC_VERSION).
std::string tool_version();

}  // namespace tc::cli
