#pragma once
/// The SARIF 2.1.0 report, as GitHub code scanning accepts it: one rule
/// per finding code, repository-relative uris (uriBaseId %SRCROOT%), the
/// main clause as the location and the other clauses as related
/// locations, partialFingerprints from the stable finding id.

#include <string>

#include "report/model.h"

namespace tc::report {

/// Where the tool is described (SARIF tool.driver.informationUri).
inline constexpr const char* kInformationUri = "https://github.com/treatycheck/treatycheck";

/// The report of `check` or `diff` as SARIF text (with a final newline).
/// In a diff, each result carries a baselineState: "new", "unchanged" or "absent".
std::string render_sarif(const ReportFacts& facts);

}  // namespace tc::report
