#pragma once
/// Subcommand implementations. Each takes parsed options and returns an
/// exit code; printing happens here and in report/, never in analysis.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace tc::cli {

/// Options shared by every subcommand that reads treaty files.
struct CommonOptions {
  std::vector<std::string> paths;
  std::string color = "auto";
  bool use_color = false;
};

/// Options of `check` and `test` (and the commands built on them).
struct CheckOptions : CommonOptions {
  std::string as_of;             ///< YYYY-MM-DD; empty = today (UTC)
  std::string fail_on = "error"; ///< error | warning | never
  std::uint64_t rlimit = 50'000'000;
  double timeout_seconds = 0;    ///< 0 = no wall-clock limit
  std::string format = "text";
  std::string output;            ///< -o FILE; empty = stdout
  bool stats = false;
  std::vector<std::string> readings;  ///< TERM=NAME
  std::size_t max_rounds = 5000;      ///< refinement rounds per search loop before "unknown"
  bool no_permissions = false;        ///< skip the permission-conflict search
  std::string strategy = "default";   ///< default | naive (no symmetry reduction, a fresh solver for every check)
  std::size_t jobs = 0;               ///< --jobs: worker threads (0 = one per core)
  std::vector<std::string> reports;   ///< --report FORMAT=FILE: more reports of the same run (cli/reports.h)
  std::string baseline;               ///< --baseline FILE: leave out the findings it lists
  std::string write_baseline;         ///< --write-baseline FILE: write the current finding ids
  std::string link_base;              ///< --link-base URL: prefix of links to files (markdown)
  bool all_readings = false;          ///< --all-readings: every combination of readings that matters
};

/// Options of `diff`: two revisions of a draft (two files or two directories).
struct DiffOptions : CheckOptions {
  std::string old_path;
  std::string new_path;
  std::vector<std::string> with;  ///< corpus files checked with both revisions
};

/// Options of `explain ID [PATHS...]`.
struct ExplainOptions : CheckOptions {
  std::string id;  ///< the finding's id, or a unique prefix of it (at least 6 characters)
};

/// Options of `repair [PATHS...]`.
struct RepairOptions : CheckOptions {
  std::size_t max_size = 3;         ///< largest set of clauses suggested
  std::size_t max_suggestions = 5;  ///< suggestions listed (smallest first)
  std::size_t apply = 0;            ///< 1-based suggestion to write into the files (0 = none)
};

/// `treatycheck explain ID [PATHS...]`.
int run_explain(const ExplainOptions& options);
/// `treatycheck repair [PATHS...]`.
int run_repair(const RepairOptions& options);

/// `treatycheck check [PATHS...]`.
int run_check(const CheckOptions& options);
/// `treatycheck test [PATHS...]`.
int run_test(const CheckOptions& options);
/// `treatycheck diff OLD NEW [--with PATHS...]`.
int run_diff(const DiffOptions& options);

/// `treatycheck --version`.
void print_version(std::ostream& out);
/// `treatycheck validate PATHS...`: front end only.
int run_validate(const CommonOptions& options);

}  // namespace tc::cli
