// An open question left by Ctrl-C or --timeout is reported as interrupted
// (TC3004) or timed out (TC3003), not as an exhausted budget (TC3001) --
// also when the stop cuts short the first query, the background check.
#include <gtest/gtest.h>

#include <atomic>

#include "analysis/analyse.h"
#include "random_world.h"

namespace tc {
namespace {

/// The open questions of a run stopped before it starts, whose every query
/// gives up at once (rlimit 1, as a stop does).
std::vector<analysis::Finding> stopped_run(bool timed_out) {
  test_corpora::RandomWorld random(7);
  random.build();
  ground::GroundOptions options;
  options.as_of = 20240601;
  static std::atomic<bool> stop{true}, timeout{false};
  timeout = timed_out;
  analysis::AnalysisOptions analysis_options;
  analysis_options.limits.rlimit = 1;
  analysis_options.interrupted = &stop;
  analysis_options.timed_out = &timeout;
  auto run = analysis::run_analysis(random.world, options, analysis_options);
  return run->analysis.findings;
}

TEST(AnalysisStop, OpenQuestionsNameTheStopNotTheBudget) {
  for (bool timed_out : {false, true}) {
    std::vector<analysis::Finding> findings = stopped_run(timed_out);
    ASSERT_FALSE(findings.empty());
    for (const analysis::Finding& f : findings) {
      ASSERT_EQ(f.kind, analysis::FindingKind::Unknown) << f.question;
      EXPECT_EQ(f.diag, timed_out ? DiagKind::Timeout : DiagKind::Interrupted) << f.question << ": " << f.unknown_reason;
    }
  }
}

}  // namespace
}  // namespace tc
