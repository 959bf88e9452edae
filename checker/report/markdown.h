#pragma once
/// A Markdown summary fit for a pull-request comment or a GitHub job
/// summary: a verdict line, a table of findings (severity, id, clauses
/// linked to their lines, scenario, states caught) and the details of
/// each finding in a collapsed section.

#include <string>

#include "report/model.h"

namespace tc::report {

/// The report of `check` or `diff` as Markdown. Links to clauses are
/// `link_base + path#Lline` (relative links when `link_base` is empty).
std::string render_markdown(const ReportFacts& facts);

/// Escapes text for Markdown prose and table cells.
std::string markdown_escape(const std::string& text);

/// A code span holding `text` (pipes escaped when it goes in a table cell).
std::string markdown_code(const std::string& text, bool in_table = true);

}  // namespace tc::report
