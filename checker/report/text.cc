// The clang-style text report.
#include <sstream>

#include "diag/render.h"
#include "report/report.h"

namespace tc::report {
namespace {

constexpr std::size_t kMaxNamesShown = 12;

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string article_title(const sema::World& world, sema::ClauseId c) {
  const sema::Article& article = world.articles.at(world.clauses.at(c).article);
  std::string text = world.clause_title(c);
  if (article.title) text += " \"" + *article.title + "\"";
  return text;
}

void render_finding(std::ostream& out, const ReportInput& input, const analysis::Finding& f, bool color) {
  const sema::World& world = input.world;
  std::vector<sema::ClauseId> order = ordered_clauses(world, f);
  // A background finding has no clause: it points at the axioms it is about.
  Span at = !order.empty() ? world.clauses.at(order[0]).span
            : !f.axioms.empty() ? world.axioms.at(f.axioms[0]).span
                                : Span{};
  Diagnostic d{f.diag, f.severity, at, headline(world, f), {}};
  if (f.kind == analysis::FindingKind::UnsatisfiableBackground)
    for (std::size_t i = 1; i < f.axioms.size(); ++i) {
      const sema::Axiom& axiom = world.axioms.at(f.axioms[i]);
      std::string name = axiom.title ? "axiom \"" + *axiom.title + "\"" : std::string("this axiom");
      d.notes.push_back({axiom.span, name + " is part of the contradiction"});
    }
  for (std::size_t i = 1; i < order.size(); ++i) {
    bool permission = f.permission && order[i] == *f.permission;
    // Nothing was decided about an open question's clauses: "applies in the
    // same situation" would claim a situation that was never found.
    std::string role = f.kind == analysis::FindingKind::Unknown ? ": not settled, one of the clauses of this open question"
                       : permission                             ? " grants the permission"
                                                                : " applies in the same situation";
    d.notes.push_back({world.clauses.at(order[i]).span, article_title(world, order[i]) + role});
  }
  render_diagnostic(out, input.sources, d, RenderOptions{color});
  const char* indent = "            ";
  if (f.kind == analysis::FindingKind::Unknown) {
    out << "  unknown:  treatycheck could not decide this question within its limits; it is NOT reported as consistent.\n"
        << indent << "Raise --rlimit or --timeout, or split the corpus.\n";
    if (f.readings) out << "  readings: " << describe_readings(*f.readings, true) << "\n";
    out << "  id:       " << f.id << "\n\n";
    return;
  }
  if (f.kind == analysis::FindingKind::UnsatisfiableBackground) {
    if (f.readings) out << "  readings: " << describe_readings(*f.readings) << "\n";
    out << "  id:       " << f.id << "\n\n";
    return;
  }
  std::string scenario;
  for (const analysis::WitnessFact& fact : f.witness) scenario += (scenario.empty() ? "" : "; ") + describe_fact(world, input.problem_for(f), fact);
  if (scenario.empty()) scenario = "any situation (no particular circumstance is needed)";
  out << "  scenario: " << scenario << "\n";
  std::vector<std::string> lines = describe_instances(world, input.problem_for(f), f);
  for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? "  then:     " : indent) << lines[i] << "\n";
  if (f.kind == analysis::FindingKind::PermissionConflict)
    out << indent << "no course of conduct uses the permission while complying with the others.\n";
  else
    out << indent << "no course of conduct complies with all of these at once.\n";
  if (!f.replay_exhaustive)
    out << indent << "(the plain replay could not enumerate every course of conduct here; the solver's proof stands)\n";
  out << "  caught:   " << describe_caught(world, f, sema::format_day(input.as_of), kMaxNamesShown) << "\n";
  if (f.resolution) {
    out << "  precedence: resolved -- " << f.resolution->explanation << "\n";
  } else if (f.kind != analysis::FindingKind::UnsatisfiableBackground) {
    out << "  precedence: none settles it (no clause prevails over all the others by lex superior, lex specialis,\n"
        << indent << "  'without prejudice' or lex posterior among the same parties)\n";
  }
  if (f.involves_political && !f.resolution)
    out << "  note:     a political commitment is involved: reported as a warning, not an error\n";
  if (f.readings) out << "  readings: " << describe_readings(*f.readings) << "\n";
  out << "  id:       " << f.id << " (" << with_commas(f.instance_count)
      << (f.instance_count == 1 ? " instance)" : " instances)") << "\n\n";
}

}  // namespace

void render_text(std::ostream& out, const ReportInput& input, bool color) {
  for (const analysis::Finding& f : input.analysis.findings) render_finding(out, input, f, color);
  Summary s = summarize(input);
  out << "summary: " << summary_text(s, sema::format_day(input.as_of));
  if (input.show_timing) {
    std::ostringstream t;
    t.precision(2);
    t << std::fixed << input.seconds;
    out << "; " << t.str() << " s";
  }
  out << "\n";
  if (input.analysis.readings) {
    out << "readings: " << readings_run_text(*input.analysis.readings, s) << "\n";
  }
}

}  // namespace tc::report
