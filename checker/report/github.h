#pragma once
/// GitHub Actions workflow commands: one annotation per finding on the
/// main clause (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message`),
/// at most `kMaxAnnotationsPerLevel` per level, then one `::notice::`
/// with the count of the rest. Escaping follows the runner's rules:
/// data `%`, CR, LF -> %25, %0D, %0A; property values also `:` -> %3A, `,` -> %2C.

#include <cstddef>
#include <string>

#include "report/model.h"

namespace tc::report {

/// GitHub shows at most 10 annotations of each level per step.
inline constexpr std::size_t kMaxAnnotationsPerLevel = 10;

/// The report of `check` or `diff` as workflow commands. In a diff only
/// the introduced findings are annotated.
std::string render_github(const ReportFacts& facts);

/// Escapes the message (data) of a workflow command.
std::string github_escape_data(const std::string& text);
/// Escapes a property value of a workflow command.
std::string github_escape_property(const std::string& text);

}  // namespace tc::report
