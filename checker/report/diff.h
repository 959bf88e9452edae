#pragma once
/// What a revision changed: findings introduced, resolved and unchanged,
/// matched by stable id. Building the comparison and its text report.

#include <string>

#include "report/model.h"

namespace tc::report {

/// Marks each finding of `facts.run` (the NEW revision) as introduced or
/// unchanged, and fills `facts.resolved` with the findings of
/// `facts.old_run` that NEW no longer has (marked resolved).
void compare_revisions(ReportFacts& facts);

/// The text report of a diff: counts, then each introduced and resolved
/// finding with its facts, then the unchanged ones, one line each.
std::string render_diff_text(const ReportFacts& facts);

/// Text lines for the text report of `check` under a baseline (how many
/// findings it left out, and each stale entry). Empty without a baseline.
std::string render_baseline_notes(const ReportFacts& facts);

}  // namespace tc::report
