#pragma once
/// JUnit XML, as CI dashboards (GitLab, Jenkins, Azure, GitHub test
/// reporters) render it. `check`: one test case per pair of instruments
/// checked together (an instrument under review with each instrument in
/// force, and any other set of instruments a finding involves), plus one
/// for the axioms and facts. `test`: one test case per expectation.
/// Findings at or above --fail-on are <failure>s, unknowns <error>s; the
/// others are listed in the case's <system-out>.

#include <string>

#include "report/model.h"

namespace tc::report {

/// The report of `check` or `diff` as JUnit XML. In a diff only the
/// introduced findings can fail; resolved findings are passing cases.
std::string render_junit(const ReportFacts& facts);

/// The report of `test` as JUnit XML.
std::string render_test_junit(const TestFacts& facts);

/// Escapes text for XML 1.0 (an attribute value when `attribute`, else
/// element content, where line breaks stay as they are); characters XML
/// cannot hold (most C0 controls) become U+FFFD.
std::string xml_escape(const std::string& text, bool attribute = true);

}  // namespace tc::report
