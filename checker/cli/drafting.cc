// Registration of the drafting tools on the command line.
#include "cli/drafting.h"

#include <CLI/CLI.hpp>

namespace tc::cli {
namespace {

/// The options every drafting command that grounds the corpus shares.
void add_grounding_options(CLI::App* sub, CheckOptions& o) {
  sub->add_option("paths", o.paths, "treaty files (imports are followed); default: the bundled draft");
  sub->add_option("--color", o.color, "auto|always|never")->check(CLI::IsMember({"auto", "always", "never"}));
  add_as_of_option(sub, o);
  // One value per occurrence, so that a path after it stays a path.
  sub->add_option("--reading", o.readings, "TERM=NAME: choose a reading of a vague term (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("-o,--output", o.output, "write the output to FILE (atomically)");
}

void add_solver_options(CLI::App* sub, CheckOptions& o) {
  sub->add_option("--rlimit", o.rlimit, "deterministic solver resource limit per query (0 = none)");
  sub->add_option("--timeout", o.timeout_seconds, "wall-clock limit per solver query, in seconds (0 = none)");
}

}  // namespace

void add_as_of_option(CLI::App* sub, CheckOptions& options) {
  sub->add_option("--as-of", options.as_of, "memberships and treaties in force on this date (YYYY-MM-DD; default today)")
      ->check(CLI::Validator(
          [](const std::string& date) {
            return date.empty() ? std::string("expects a date as YYYY-MM-DD, got an empty string") : std::string();
          },
          "DATE"));
}

void DraftingCommands::add(CLI::App& app) {
  fmt_ = app.add_subcommand("fmt", "print treaty files in the canonical layout (comments kept)");
  fmt_->add_option("paths", fmt_options_.paths, "treaty files or directories (their .treaty files)")->required();
  fmt_->add_flag("--check", fmt_options_.check, "list the files not in canonical layout; exit 1 if there are any");
  fmt_->add_flag("--write", fmt_options_.write, "rewrite the files in place (atomically)");
  fmt_->add_option("--color", fmt_options_.color, "auto|always|never")->check(CLI::IsMember({"auto", "always", "never"}));

  lint_ = app.add_subcommand("lint", "vacuous, redundant, impossible and unused parts of a draft");
  add_grounding_options(lint_, lint_options_);
  add_solver_options(lint_, lint_options_);
  lint_->add_option("--fail-on", lint_options_.fail_on, "error|warning|never (default warning)")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  lint_->add_option("--format", lint_options_.format, "text|json");
  lint_->add_flag("--no-solver", lint_options_.no_solver, "only the checks that need no solver (unused declarations)");
  lint_options_.fail_on = "warning";

  query_ = app.add_subcommand("query", "what each party must, must not and may do in a scenario");
  add_grounding_options(query_, query_options_);
  add_solver_options(query_, query_options_);
  query_->add_option("--scenario", query_options_.scenario, "a scenario declared in the sources, by name");
  query_->add_option("--fact", query_options_.facts, "a circumstance that holds, e.g. 'armed_attack(Russia, Estonia)' (repeatable)")
      ->allow_extra_args(false);
  query_->add_option("--party", query_options_.parties, "only what this party must, must not and may do (repeatable)")
      ->allow_extra_args(false);
  query_->add_flag("--open", query_options_.open,
                   "also list (text) the norms that apply only in some situations of the scenario");
  query_->add_flag("--all", query_options_.all, "also list (text) the norms that bind in any situation, scenario or not");
  query_->add_option("--format", query_options_.format, "text|json");

  emit_ = app.add_subcommand("emit-smt2", "the SMT-LIB text of the encoded problem");
  add_grounding_options(emit_, emit_options_);
}

std::optional<int> DraftingCommands::run(bool (*want_color)(const std::string&)) {
  if (fmt_ != nullptr && fmt_->parsed()) {
    fmt_options_.use_color = want_color(fmt_options_.color);
    return run_fmt(fmt_options_);
  }
  if (lint_ != nullptr && lint_->parsed()) {
    lint_options_.use_color = want_color(lint_options_.color);
    return run_lint(lint_options_);
  }
  if (query_ != nullptr && query_->parsed()) {
    query_options_.use_color = want_color(query_options_.color);
    return run_query(query_options_);
  }
  if (emit_ != nullptr && emit_->parsed()) {
    emit_options_.use_color = want_color(emit_options_.color);
    return run_emit_smt2(emit_options_);
  }
  return std::nullopt;
}

}  // namespace tc::cli
