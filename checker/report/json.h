#pragma once
/// The JSON report, schema "treatycheck/1" (docs/json-schema.md,
/// docs/treatycheck.schema.json).

#include <string>

#include <nlohmann/json.hpp>

#include "report/model.h"

namespace tc::report {

/// The schema tag every JSON report carries.
inline constexpr const char* kJsonSchema = "treatycheck/1";

/// One finding as a JSON object (also embedded in SARIF result properties).
nlohmann::ordered_json finding_json(const FindingFacts& finding);

/// The "readings" object of a --all-readings run: every term with several
/// readings, its role, and the combinations checked (SARIF reuses it).
nlohmann::ordered_json readings_summary_json(const analysis::ReadingsSummary& summary, const std::string& text);

/// The report of `check` or `diff` as JSON text (with a final newline).
std::string render_json(const ReportFacts& facts);

/// The report of `test` as JSON text (with a final newline).
std::string render_test_json(const TestFacts& facts);

}  // namespace tc::report
