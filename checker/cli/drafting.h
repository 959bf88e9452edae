#pragma once
/// The drafting tools `fmt`, `lint`, `query` and `emit-smt2`: their options
/// and entry points, registered on the command line by one call so that
/// app.cc stays small (docs/drafting-tools.md).

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace CLI {
class App;
}

namespace tc::cli {

/// Registers `--as-of DATE` on `sub`. An empty date is a usage error (exit
/// 2), never "today": `--as-of "$UNSET"` in a script must not pass silently.
void add_as_of_option(CLI::App* sub, CheckOptions& options);

/// `treatycheck fmt [--check|--write] PATHS...`.
struct FmtOptions : CommonOptions {
  bool check = false;  ///< report files not in canonical layout (exit 1), change nothing
  bool write = false;  ///< rewrite files in place (atomically)
};

/// `treatycheck query [PATHS...] --scenario NAME | --fact ATOM...`.
struct QueryOptions : CheckOptions {
  std::string scenario;
  std::vector<std::string> facts;    ///< closed formulas over circumstances
  std::vector<std::string> parties;  ///< only these bearers (names)
  bool open = false;  ///< also list the norms whose applicability the scenario leaves open
  bool all = false;   ///< also list the norms that apply in any situation (not because of the scenario)
};

/// `treatycheck lint [PATHS...]`.
struct LintOptions : CheckOptions {
  bool no_solver = false;  ///< only the checks that need no solver
};

/// `fmt`: 0, 1 (--check found files to format), 2 (unreadable or unparsable input), 4 (a failed self-check).
int run_fmt(const FmtOptions& options);
/// `lint`: 1 with a finding at or above --fail-on, else 3 if something is unknown, else 0; 2 on bad input.
int run_lint(const LintOptions& options);
/// `query`: 0, or 3 when a question was left unknown; 2 on bad input or an unknown scenario.
int run_query(const QueryOptions& options);
/// `emit-smt2`: the grounded problem as SMT-LIB on stdout or -o FILE; 0, or 2 on bad input.
int run_emit_smt2(const CheckOptions& options);

/// The subcommands above, added to `app` and run if one was chosen.
class DraftingCommands {
 public:
  /// Adds the subcommands.
  void add(CLI::App& app);
  /// After parsing: the exit status of the chosen drafting command, or
  /// nullopt when none of them was chosen. `want_color` turns a --color
  /// value into the decision.
  std::optional<int> run(bool (*want_color)(const std::string&));

 private:
  CLI::App* fmt_ = nullptr;
  CLI::App* lint_ = nullptr;
  CLI::App* query_ = nullptr;
  CLI::App* emit_ = nullptr;
  FmtOptions fmt_options_;
  LintOptions lint_options_;
  QueryOptions query_options_;
  CheckOptions emit_options_;
};

}  // namespace tc::cli
