#pragma once
/// The facts of a report as plain values, built once from a `ReportInput`
/// and read by every machine format (json, sarif, junit, github, markdown)
/// and by the diff report. Building the facts in one place is what makes
/// every format carry the same facts: a renderer only chooses a layout.
/// Nothing here prints.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/findings.h"
#include "diag/diagnostics.h"
#include "report/report.h"

namespace tc::report {

/// 1-based line and column (Unicode code points).
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

/// Where a clause is written.
struct Location {
  std::string file;          ///< the path as the user named it (as in the text report)
  std::string path;          ///< relative to the working directory ('/'-separated), or absolute when outside it
  bool under_root = true;    ///< `path` is relative to the working directory (the repository root)
  Position begin;            ///< first character
  Position end;              ///< the position just after the last character (exclusive)
};

/// A state, an institution or another individual.
struct EntityFacts {
  std::string name;     ///< the identifier in the sources
  std::string display;  ///< the display name
};

/// One clause of a finding.
struct ClauseFacts {
  bool main = false;  ///< the clause that leads the finding (report::main_clause)
  std::string title;  ///< "NAT Art 5"
  std::string treaty;
  std::optional<std::string> treaty_title;
  bool treaty_draft = false;
  bool treaty_political = false;
  std::string article;  ///< full label: "5", "2(1)"
  std::optional<std::string> article_title;
  std::uint32_t index_in_article = 0;
  std::string modality;  ///< "obligation" | "prohibition" | "permission"
  Location location;
  std::string text;  ///< the clause's source text, whitespace collapsed
};

/// A clause instance of the representative conflict.
struct InstanceFacts {
  bool exercised = false;  ///< the permission instance that cannot be used
  std::string clause;      ///< clause title
  EntityFacts bearer;
  std::vector<std::pair<std::string, EntityFacts>> binding;  ///< `for each` variable -> entity
  std::string text;  ///< "NAT Art 5 obliges B: assist(B, A)"
};

/// One circumstance of the witness scenario.
struct WitnessFacts {
  std::string atom;  ///< "armed_attack(C, A)"
  bool quantity = false;
  std::int64_t value = 0;  ///< 0/1 for circumstances, the number for quantities
  std::string text;        ///< "armed_attack(C, A)", "not unsc_has_acted(A)", "level = 3"
};

/// How precedence settles a conflict.
struct ResolutionFacts {
  std::string prevailing;                                ///< clause title
  std::vector<std::pair<std::string, std::string>> over; ///< (clause title, rule name) per other clause
  std::string explanation;
};

/// How a finding relates to an older revision (treatycheck diff).
enum class Change { None, Introduced, Unchanged, Resolved };

/// "", "introduced", "unchanged", "resolved".
std::string_view change_name(Change change);

/// One finding, every fact of it.
struct FindingFacts {
  std::string id;        ///< stable fingerprint
  std::string kind;      ///< "obligation_conflict" | "permission_conflict" | "unsatisfiable_background" | "unknown"
  std::string code;      ///< "TC2001"
  std::string rule;      ///< "ObligationConflict"
  std::string severity;  ///< "error" | "warning" | "note"
  std::string message;   ///< the headline
  analysis::FindingKind kind_value = analysis::FindingKind::ObligationConflict;
  DiagKind diag = DiagKind::ObligationConflict;
  Severity severity_value = Severity::Error;
  bool failing = false;  ///< at or above --fail-on (never for unknowns)
  std::vector<ClauseFacts> clauses;  ///< main first; the permission included
  std::optional<std::string> permission;  ///< title of the permission clause (permission conflicts)
  std::vector<std::string> instruments;   ///< treaty names involved, sorted, unique
  std::size_t instance_count = 0;
  std::vector<InstanceFacts> instances;
  std::vector<WitnessFacts> witness;
  std::vector<EntityFacts> caught;
  /// When `caught` is empty (no single party bound by every clause): that,
  /// and who is bound by which clause (report::describe_caught).
  std::string caught_none;
  /// A background finding: where the axioms it is about are (the first leads).
  std::vector<Location> axiom_locations;
  std::optional<ResolutionFacts> resolution;
  bool political = false;
  bool replay_exhaustive = true;
  bool cut_short = false;  ///< analysis::Finding::cut_short
  std::string question;        ///< unknowns
  std::string unknown_reason;  ///< unknowns
  Change change = Change::None;
  /// --all-readings: under which readings it holds, and that in words.
  std::optional<analysis::FindingReadings> readings;
  std::string readings_text;

  /// The main clause, if the finding has clauses.
  const ClauseFacts* main_clause() const { return clauses.empty() ? nullptr : &clauses.front(); }
  /// "armed_attack(C, A); not unsc_has_acted(A)" or a sentence for no circumstance.
  std::string scenario_text() const;
  /// "NAT Art 5 / EST Art 2(1)".
  std::string clause_titles() const;
  /// After "caught: ": "3 parties (as of DATE): A, B, C" with at most
  /// `limit` names, or `caught_none`.
  std::string caught_text(const std::string& as_of, std::size_t limit) const;
};

/// An instrument that was checked (in force on the check date, with clauses that apply).
struct InstrumentFacts {
  std::string name;
  std::optional<std::string> title;
  bool under_review = false;  ///< declared in a file named on the command line
  Location location;
};

/// A baseline entry that matches no current finding.
struct StaleEntry {
  std::string id;
  std::string comment;
  std::uint32_t line = 0;
};

/// What a baseline did to the report.
struct BaselineFacts {
  std::string file;
  std::vector<std::string> suppressed;  ///< ids of current findings left out (sorted)
  std::vector<StaleEntry> stale;
};

/// Summary counts of the reported findings.
struct SummaryFacts {
  Summary counts;
  std::size_t findings = 0;
  std::size_t errors = 0, warnings = 0, notes = 0;
};

/// The facts of one checked revision.
struct RunFacts {
  std::vector<std::string> inputs;  ///< files named on the command line (display paths)
  std::vector<Location> input_locations;  ///< the same files, at line 1 column 1
  std::string as_of;                ///< YYYY-MM-DD
  std::vector<FindingFacts> findings;
  SummaryFacts summary;
  std::vector<InstrumentFacts> instruments;
  std::string verdict;  ///< "consistent" | "conflicts" | "unknown" | "error"
  bool internal_error = false;
  std::string internal_error_message;
  /// --all-readings: the terms, their roles and the combinations checked.
  std::optional<analysis::ReadingsSummary> readings;
  std::string readings_text;  ///< the same in one line, with "no conflict under any reading" when so
};

/// Everything a machine format renders.
/// `--stats` in a machine report: what the analysis counted and timed, the
/// front end's times, and the peak memory when the report was built.
struct StatsFacts {
  analysis::Stats analysis;
  double seconds_parse = 0;
  double seconds_resolve = 0;
  double seconds_total = 0;       ///< wall time of the run until the report was built
  std::uint64_t peak_memory_mb = 0;
};

struct ReportFacts {
  std::string command = "check";  ///< "check" | "diff"
  std::string tool_version;
  std::string fail_on = "error";
  int exit_code = 0;
  RunFacts run;                      ///< check: the run; diff: the NEW revision
  std::optional<RunFacts> old_run;   ///< diff: the OLD revision
  std::vector<FindingFacts> resolved;  ///< diff: findings of OLD that NEW no longer has
  std::optional<BaselineFacts> baseline;
  std::string link_base;  ///< prefix for links to files (markdown); empty = relative links
  std::optional<StatsFacts> stats;  ///< check --stats only (JSON)
};

/// The outcome of one `expect` statement (treatycheck test).
struct ExpectationFacts {
  Location location;
  std::string text;  ///< the statement, whitespace collapsed
  std::optional<std::string> scenario;
  std::string status;  ///< "passed" | "failed" | "unknown"
  std::string detail;  ///< why it failed, or what could not be decided
};

/// Everything the machine formats of `treatycheck test` render.
struct TestFacts {
  std::string tool_version;
  std::vector<std::string> inputs;
  std::string as_of;
  std::vector<ExpectationFacts> expectations;  ///< in source order
  std::size_t passed = 0, failed = 0, unknown = 0;
  int exit_code = 0;
};

/// The location of a span, with the path relative to the working directory.
Location locate_span(const SourceSet& sources, Span span);

/// Builds the facts of one run. `fail_on` is "error" | "warning" | "never".
RunFacts build_run_facts(const ReportInput& input, const std::string& fail_on);

/// The verdict of a set of findings: "error" on internal error, "conflicts"
/// when a conflict is left unresolved, else "unknown" when a question is
/// open, else "consistent".
std::string verdict_of(const std::vector<FindingFacts>& findings, bool internal_error);

/// The finding's facts in plain lines ("scenario: ...", "then: ...",
/// "caught: ...", "precedence: ...", "id: ..."), for formats that carry
/// one block of text per finding (SARIF messages, annotations, JUnit).
std::vector<std::string> detail_lines(const FindingFacts& finding, const std::string& as_of);

/// A file (such as a baseline) at a line, located like clause files.
Location locate_file(const std::string& path, std::uint32_t line);

/// "1 finding" / "3 findings".
std::string plural(std::size_t n, const char* one, const char* many);

/// Display names, the first `limit` of them, then ", and N more".
std::string names(const std::vector<EntityFacts>& entities, std::size_t limit = 12);

/// Percent-encodes a path for a URI (keeps unreserved characters and '/').
std::string uri_encode(const std::string& path);

/// "GitHub-style" line anchor target: `link_base` + path + "#L" + line.
std::string line_link(const std::string& link_base, const Location& location);

}  // namespace tc::report
