#pragma once
/// Ctrl-C and the wall-clock --timeout (docs/robustness.md). SIGINT is
/// taken by a dedicated thread: during an analysis the first one stops the
/// solver and the search (open questions are reported unknown, settled
/// findings are kept, reports are written whole); a second one, or one
/// outside an analysis, ends the process at once with status 130, before
/// any report file is touched.

#include <atomic>

namespace tc::cli {

/// Blocks SIGINT in the calling thread (and so in threads it creates
/// afterwards) and starts the thread that waits for it. Call first in main.
void start_interrupt_handling();

/// From now on the first SIGINT stops the analysis instead of the process.
void enable_graceful_interrupt();

/// Starts the wall-clock deadline: after `seconds` the analysis stops as on
/// Ctrl-C, with its open questions reported as timed out.
void start_deadline(double seconds);

/// Set by the first SIGINT during an analysis, or by the deadline.
const std::atomic<bool>& interrupted();
/// Set (before `interrupted`) when the deadline expired.
const std::atomic<bool>& timed_out();

}  // namespace tc::cli
