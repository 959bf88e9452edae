#include "cli/interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "smt/solver.h"

namespace tc::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_timed_out{false};
std::atomic<bool> g_graceful{false};

/// Waits for SIGINT with sigwait: no handler runs, so neither Z3's own
/// Ctrl-C handler nor async-signal-safety rules get in the way.
void wait_for_sigint(sigset_t set) {
  for (;;) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    if (!g_graceful.load() || g_interrupted.load()) _exit(130);  // 128 + SIGINT, as the shell would report
    static const char message[] = "treatycheck: interrupted; finishing with what is settled (Ctrl-C again to quit at once)\n";
    [[maybe_unused]] ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    g_interrupted.store(true);
    smt::interrupt_all();
  }
}

}  // namespace

void start_interrupt_handling() {
  // A SIGINT ignored by whoever started us (nohup, a background job of a
  // script) stays ignored, as the shell intends.
  struct sigaction current {};
  if (sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
  std::thread(wait_for_sigint, set).detach();
}

void enable_graceful_interrupt() { g_graceful.store(true); }

void start_deadline(double seconds) {
  std::thread([seconds] {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    g_timed_out.store(true);
    g_interrupted.store(true);
    smt::interrupt_all();
  }).detach();
}

const std::atomic<bool>& interrupted() { return g_interrupted; }
const std::atomic<bool>& timed_out() { return g_timed_out; }

}  // namespace tc::cli
