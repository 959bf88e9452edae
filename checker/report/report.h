#pragma once
/// Reports: every format renders the same facts from a `ReportInput`.
/// Renderers print; nothing else in the pipeline does.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/findings.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "source/source.h"

namespace tc::report {

/// Everything a report needs, read-only.
struct ReportInput {
  const SourceSet& sources;
  const sema::World& world;
  const ground::Problem& problem;
  const analysis::Analysis& analysis;
  sema::DayNumber as_of = 0;
  double seconds = 0;  ///< wall time of the run (shown only when `show_timing`)
  bool show_timing = false;
  /// --all-readings: the grounded problem each finding's witness refers to
  /// (finding id -> problem); findings not listed use `problem`.
  const std::map<std::string, const ground::Problem*>* problem_of = nullptr;

  /// The problem `finding`'s witness atoms index.
  const ground::Problem& problem_for(const analysis::Finding& finding) const {
    if (problem_of == nullptr) return problem;
    auto it = problem_of->find(finding.id);
    return it == problem_of->end() ? problem : *it->second;
  }
};

/// The clause that leads a finding: the first one in a file named on the
/// command line (the draft under review), else the first by identity.
sema::ClauseId main_clause(const sema::World& world, const analysis::Finding& finding);

/// The finding's clauses with the main clause first (permission included).
std::vector<sema::ClauseId> ordered_clauses(const sema::World& world, const analysis::Finding& finding);

/// A ground formula in words: "assist(Finland, Estonia) and not unsc_has_acted(Estonia)".
std::string describe(const sema::World& world, const ground::Problem& problem, ground::NodeId node);

/// "armed_attack(Belarus, Estonia)", "not unsc_has_acted(Estonia)", "threat_level = 3".
std::string describe_fact(const sema::World& world, const ground::Problem& problem, const analysis::WitnessFact& fact);

/// An expression of the instance's clause with its `for each` variables
/// replaced by the instance's individuals: "assist(Finland, Estonia)".
std::string describe_in_instance(const sema::World& world, const analysis::InstanceInfo& instance,
                                 const sema::Expr& expr);

/// One instance in words: "NAT Art 5 obliges Finland: assist(Finland, Estonia)".
std::string describe_instance(const sema::World& world, const analysis::InstanceInfo& instance);

/// One sentence per representative instance: "NAT Art 5 obliges Finland to assist(Finland, Estonia)".
std::vector<std::string> describe_instances(const sema::World& world, const ground::Problem& problem,
                                            const analysis::Finding& finding);

/// Who is caught, after "caught: ": "3 parties (as of 2024-06-01): Finland,
/// France, Germany" (at most `limit` names, then "and N more"); when nobody
/// is, says so and names who is bound by which clause: "no single party is
/// bound by every clause and caught on its own (as of 2024-06-01); bound:
/// Seller (SALE Art 7), Buyer (SALE Art 8)".
/// Appended to what a report says of the states caught when the finding is
/// `cut_short` (Ctrl-C or --timeout landed while it was written up).
std::string cut_short_note();

std::string describe_caught(const sema::World& world, const analysis::Finding& finding, const std::string& as_of,
                            std::size_t limit);

/// The one-line headline of a finding ("EST Art 2(1) cannot be complied with together with NAT Art 5").
std::string headline(const sema::World& world, const analysis::Finding& finding);

/// The source text of a clause (its span), with runs of whitespace collapsed.
std::string clause_text(const SourceSet& sources, const sema::World& world, sema::ClauseId clause);

/// The items joined by `separator`, the last two by `last`: "a, b and c".
std::string joined(const std::vector<std::string>& items, const std::string& separator, const std::string& last);

/// Under which readings a finding holds, in words: "under every reading
/// of affects_security", "only under the broad reading of
/// affects_security", "only under affects_security=broad with
/// at_expense_of=broad; ...". With `open_question` (an unknown finding)
/// it says "is open" instead of "holds".
std::string describe_readings(const analysis::FindingReadings& readings, bool open_question = false);

/// The run's readings in one line: "12 of 48 combinations of readings of
/// affects_security, at_expense_of checked (the others cannot change a finding)".
std::string describe_readings_run(const analysis::ReadingsSummary& summary);

struct Summary;
/// `describe_readings_run`, followed by "; no conflict under any reading"
/// (or "no conflict found under any reading; some questions are unknown")
/// when the summary counts no conflict.
std::string readings_run_text(const analysis::ReadingsSummary& summary, const Summary& counts);

/// Summary counts used by every format.
struct Summary {
  std::size_t conflicts = 0, unresolved = 0, resolved = 0;
  std::size_t permission_conflicts = 0, permission_resolved = 0, unknown = 0, background = 0;
  std::size_t instruments = 0, clauses = 0, states = 0;
};
Summary summarize(const ReportInput& input);
/// "2 permission conflicts", with "(resolved by precedence)" or "(1 resolved
/// by precedence)" when precedence settles some: a resolved one is a note.
std::string permission_conflicts_text(const Summary& s);
/// The summary line every format prints, without a prefix or final full
/// stop: "1 conflict (1 unresolved, 0 resolved by precedence), ...; 11
/// instruments in force, 29 clauses, 57 states, as of 2024-06-01".
std::string summary_text(const Summary& s, const std::string& as_of);

/// The clang-style text report (report-mockup.md).
void render_text(std::ostream& out, const ReportInput& input, bool color);

}  // namespace tc::report
