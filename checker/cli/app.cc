#include "cli/app.h"

#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <optional>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/drafting.h"
#include "cli/interrupt.h"
#include "syntax/parse.h"

namespace tc::cli {
namespace {

struct ThreadArgs {
  int argc;
  char** argv;
  int result;
};

bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (std::getenv("NO_COLOR") != nullptr) return false;
  return isatty(STDERR_FILENO) != 0;
}

int run_arguments(int argc, char** argv) {
  CLI::App app{"treatycheck: a formal consistency checker for treaties"};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "print tool, grammar, Z3 and ANTLR runtime versions");

  DiffOptions common;  // the options of every subcommand (DiffOptions extends CheckOptions)
  auto add_common = [&common](CLI::App* sub) {
    sub->add_option("paths", common.paths, "treaty files (imports are followed)");
    sub->add_option("--color", common.color, "auto|always|never")->check(CLI::IsMember({"auto", "always", "never"}));
  };
  auto add_check_options = [&common](CLI::App* sub) {
    add_as_of_option(sub, common);
    sub->add_option("--fail-on", common.fail_on, "error|warning|never (default error)")
        ->check(CLI::IsMember({"error", "warning", "never"}));
    sub->add_option("--rlimit", common.rlimit, "deterministic solver resource limit per query (0 = none)");
    sub->add_option("--timeout", common.timeout_seconds, "wall-clock limit on the analysis, in seconds (0 = none); past it open questions are unknown");
    sub->add_option("--format", common.format, "report format: text|json|sarif|junit|github|markdown|html (test: text|json|junit)");
    sub->add_option("-o,--output", common.output, "write the report to FILE (atomically)");
    sub->add_flag("--stats", common.stats, "print phase statistics on stderr");
    // One value per occurrence, so that `--reading T=N FILE` leaves FILE a path.
    sub->add_option("--reading", common.readings, "TERM=NAME: choose a reading of a vague term (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--report", common.reports, "FORMAT=FILE: also write the report in FORMAT to FILE (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--max-rounds", common.max_rounds,
                    "refinement rounds per search loop before the question is reported unknown (default 5000)");
    sub->add_flag("--no-permissions", common.no_permissions, "do not search for permission conflicts (faster)");
    sub->add_option("--jobs,-j", common.jobs,
                    "worker threads for independent searches (default 0: one per core); the report does not depend on it");
    sub->add_option("--strategy", common.strategy,
                    "default|naive (naive: the full world, no symmetry reduction, a fresh solver for every check)")
        ->check(CLI::IsMember({"default", "naive"}));
  };

  CLI::App* validate = app.add_subcommand("validate", "syntax, names and types only; no solver");
  add_common(validate);
  validate->require_option(1, 0);
  CLI::App* check = app.add_subcommand("check", "parse, resolve, ground and analyse; report conflicts");
  add_common(check);
  add_check_options(check);
  check->add_option("--baseline", common.baseline, "report only findings not listed in FILE; report its stale entries");
  check->add_option("--write-baseline", common.write_baseline, "write the current finding ids to FILE (atomically)");
  check->add_option("--link-base", common.link_base, "URL prefix of links to files in markdown reports");
  auto add_all_readings = [&common](CLI::App* sub) {
    sub->add_flag("--all-readings", common.all_readings,
                  "check every combination of readings of the vague terms that can change a finding, and report "
                  "under which readings each finding holds");
  };
  add_all_readings(check);
  CLI::App* test = app.add_subcommand("test", "run the expect statements and scenarios written in the sources");
  add_common(test);
  add_check_options(test);
  CLI::App* diff = app.add_subcommand("diff", "what a revision of a draft changed: findings introduced, resolved, unchanged");
  diff->add_option("old", common.old_path, "the old revision: a treaty file or a directory of them")->required();
  diff->add_option("new", common.new_path, "the new revision: a treaty file or a directory of them")->required();
  diff->add_option("--with", common.with, "corpus files checked with both revisions");
  diff->add_option("--color", common.color, "auto|always|never")->check(CLI::IsMember({"auto", "always", "never"}));
  add_check_options(diff);
  diff->add_option("--link-base", common.link_base, "URL prefix of links to files in markdown reports");
  DraftingCommands drafting;  // fmt, lint, query, emit-smt2 (cli/drafting.h)
  drafting.add(app);

  std::string explain_id;
  CLI::App* explain = app.add_subcommand("explain", "one finding told in plain words: the scenario, each clause, why no conduct complies");
  explain->add_option("id", explain_id, "the finding's id (TC2001-...), or a unique prefix of it")->required();
  add_common(explain);
  add_check_options(explain);
  add_all_readings(explain);
  RepairOptions repair_options;
  CLI::App* repair = app.add_subcommand("repair", "minimal sets of clauses whose limitation or removal removes the conflicts, each verified");
  add_common(repair);
  add_check_options(repair);
  repair->add_option("--max-size", repair_options.max_size, "largest set of clauses to suggest (default 3)");
  repair->add_option("--suggestions", repair_options.max_suggestions, "how many suggestions to list (default 5)");
  repair->add_option("--apply", repair_options.apply, "write suggestion N's edits into the files (1 = the first)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitInputError;
  }
  if (show_version) {
    print_version(std::cout);
    return kExitOk;
  }
  common.use_color = want_color(common.color);
  if (validate->parsed()) return run_validate(common);
  if (check->parsed()) return run_check(common);
  if (test->parsed()) return run_test(common);
  if (diff->parsed()) return run_diff(common);
  if (std::optional<int> status = drafting.run(want_color)) return *status;
  if (explain->parsed()) {
    ExplainOptions explain_options;
    static_cast<CheckOptions&>(explain_options) = common;
    explain_options.id = explain_id;
    return run_explain(explain_options);
  }
  if (repair->parsed()) {
    static_cast<CheckOptions&>(repair_options) = common;
    return run_repair(repair_options);
  }
  std::cerr << app.help();
  return kExitInputError;
}

void* thread_main(void* raw) {
  auto* args = static_cast<ThreadArgs*>(raw);
  // Last line of defence: an exception that escapes a stage (a library's,
  // say Z3's "canceled" on an interrupt) is an internal error with exit 4,
  // never an abort. Reports are written only at the end, so none is half-written.
  try {
    args->result = run_arguments(args->argc, args->argv);
  } catch (const std::exception& e) {
    std::cerr << "treatycheck: internal error: " << e.what() << "\n";
    args->result = kExitInternal;
  }
  return nullptr;
}

}  // namespace

int run_main(int argc, char** argv) {
  // Deep recursion in the parser and in tree walks is bounded by the
  // nesting limit; a 512 MiB stack makes that bound comfortable.
  start_interrupt_handling();  // first: the analysis thread inherits the blocked SIGINT
  ThreadArgs args{argc, argv, kExitInternal};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 512ull * 1024 * 1024);
  pthread_t thread;
  if (pthread_create(&thread, &attr, thread_main, &args) != 0) {
    return run_arguments(argc, argv);
  }
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return args.result;
}

}  // namespace tc::cli
