#pragma once
/// The command-line application: parses arguments (CLI11), runs the
/// pipeline for the chosen subcommand, and decides the exit status
/// (cli.md) in one place.

namespace tc::cli {

/// Exit codes of the command-line contract (../docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,          ///< everything proved; nothing at or above --fail-on
  kExitFindings = 1,    ///< findings at or above --fail-on, failed expectations, fmt differences
  kExitInputError = 2,  ///< usage error or input that cannot be read, parsed or resolved
  kExitUnknown = 3,     ///< no definite finding, but something is unknown
  kExitInternal = 4,    ///< internal error
};

/// Runs treatycheck with the given arguments and returns the exit status.
/// Runs the pipeline on a thread with a large stack, so deeply nested
/// input is diagnosed instead of overflowing the stack.
int run_main(int argc, char** argv);

}  // namespace tc::cli
