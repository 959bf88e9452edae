#pragma once
/// `treatycheck explain ID`: one finding told as a short narrative for
/// drafters (report-mockup.md): the situation, each clause that applies
/// and to whom, the background knowledge that links them, why no conduct
/// complies, who is caught and what precedence says. Built from the same
/// words as every other report (describe.cc); nothing here solves.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/findings.h"
#include "report/report.h"

namespace tc::report {

/// What the narrative needs besides the finding.
struct ExplainContext {
  /// Axiom instances the finding rests on (indices into the problem's
  /// axioms; analysis::linking_axioms or contradicting_axioms).
  std::vector<std::uint32_t> axioms;
  /// The readings the finding's witness assumes (term -> reading): those
  /// chosen with --reading or, with --all-readings, the combination of the
  /// run that found it. Terms not named use their default.
  std::map<std::string, std::string> readings;
  /// The readings fixed with --reading (the others were varied with
  /// --all-readings, or left at their default).
  std::map<std::string, std::string> fixed;
  /// The paths the user checked, for the commands suggested at the end.
  std::string paths;
};

/// The narrative of one finding, as plain text ending in a newline.
std::string explain_finding(const ReportInput& input, const analysis::Finding& finding, const ExplainContext& context);

/// A description with its parameters replaced by individuals' names:
/// "helper assists victim" with (Finland, Estonia) -> "Finland assists Estonia".
/// Whole words only; `names` follow the atom's parameters. Returns "" when
/// a parameter's name occurs twice (it is then also an ordinary word, as
/// in "party holds an exercise near its border with near", and cannot be
/// replaced safely).
std::string instantiate_description(const std::string& description, const std::vector<std::string>& params,
                                    const std::vector<std::string>& names);

/// Up to `limit` ids from `ids` that look most like `wanted` (shared
/// prefix, then edit distance), for "did you mean" lists.
std::vector<std::string> nearby_ids(const std::vector<std::string>& ids, const std::string& wanted, std::size_t limit);

}  // namespace tc::report
