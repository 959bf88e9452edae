// `treatycheck query`: what each party must, must not and may do in a
// scenario, with the articles behind each line.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/expectations.h"
#include "cli/app.h"
#include "cli/drafting.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "diag/render.h"
#include "query/query.h"
#include "report/model.h"
#include "report/report.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc::cli {
namespace {

/// The name of the scenario made of the --fact options.
const char* const kFactScenario = "--fact";

/// Loads and resolves the corpus and, when facts were given, a scenario
/// made of them (so they are checked like any scenario: names, sorts, no conduct).
std::optional<sema::World> load(const QueryOptions& options, SourceSet& sources, FrontEndTimes&) {
  Diagnostics diagnostics;
  ast::Corpus corpus = syntax::load_corpus(default_paths(options.paths), sources, diagnostics);
  if (!options.facts.empty() && !diagnostics.has_errors()) {
    std::string text = "scenario \"" + std::string(kFactScenario) + "\" {\n";
    for (const std::string& fact : options.facts) text += "  " + fact + ";\n";
    text += "}\n";
    FileId id = sources.add("<--fact>", text);
    corpus.files.push_back(syntax::parse_file(sources, id, diagnostics));
  }
  std::optional<sema::World> world;
  if (!diagnostics.has_errors()) world = sema::resolve(corpus, sources, diagnostics);
  render_diagnostics(std::cerr, sources, diagnostics, RenderOptions{options.use_color});
  if (diagnostics.has_errors()) return std::nullopt;
  return world;
}

std::string_view modality_text(sema::Modality m) {
  switch (m) {
    case sema::Modality::Obligation: return "must";
    case sema::Modality::Prohibition: return "must not";
    case sema::Modality::Permission: return "may";
  }
  return "must";
}

std::string_view applies_text(query::Applies a) {
  switch (a) {
    case query::Applies::Always: return "applies";
    case query::Applies::DependsOnCircumstances: return "depends on circumstances the scenario leaves open";
    case query::Applies::DependsOnConduct: return "depends on conduct";
    case query::Applies::Unknown: return "unknown";
  }
  return "unknown";
}

/// One line of the answer: a party, a modality and what, with the clauses
/// that say so (identical lines from several clauses are merged).
struct Line {
  sema::EntityId party = 0;
  sema::Modality modality = sema::Modality::Obligation;
  std::string content;
  query::Applies applies = query::Applies::Always;
  bool unconditional = false;  ///< applies whatever the situation, not because of the scenario
  std::vector<sema::ClauseId> clauses;
  /// When it only may apply: the condition, in ground form.
  std::string condition;
};

bool wanted_party(const sema::World& world, sema::EntityId party, const std::vector<std::string>& filter) {
  if (filter.empty()) return true;
  const sema::Entity& e = world.entities[party];
  return std::any_of(filter.begin(), filter.end(), [&](const std::string& f) { return f == e.name || f == e.display; });
}

std::vector<Line> collect(const sema::World& world, const ground::Problem& problem, const query::Answer& answer,
                          const std::vector<std::string>& filter) {
  std::map<std::tuple<std::string, int, std::string, int, bool>, Line> merged;
  for (const query::Entry& entry : answer.entries) {
    const ground::NormInstance& n = problem.norms[entry.norm];
    if (!wanted_party(world, n.bearer, filter)) continue;
    Line line;
    line.party = n.bearer;
    line.modality = n.modality;
    line.content = report::describe(world, problem, n.content);
    line.applies = entry.applies;
    line.unconditional = problem.pool.is_true(n.applicability);
    if (entry.applies != query::Applies::Always) line.condition = report::describe(world, problem, n.applicability);
    auto key = std::make_tuple(world.entities[n.bearer].display, static_cast<int>(n.modality), line.content + "|" + line.condition,
                               static_cast<int>(entry.applies), line.unconditional);
    auto [it, fresh] = merged.emplace(key, std::move(line));
    std::vector<sema::ClauseId>& clauses = it->second.clauses;
    if (std::find(clauses.begin(), clauses.end(), n.clause) == clauses.end()) clauses.push_back(n.clause);
  }
  std::vector<Line> out;
  for (auto& [key, line] : merged) out.push_back(std::move(line));
  // By party, then what applies because of the scenario before what applies anyway.
  std::stable_sort(out.begin(), out.end(), [&](const Line& a, const Line& b) {
    const std::string& x = world.entities[a.party].display;
    const std::string& y = world.entities[b.party].display;
    if (x != y) return x < y;
    if (a.applies != b.applies) return a.applies < b.applies;
    if (a.unconditional != b.unconditional) return !a.unconditional;
    return false;
  });
  return out;
}

std::string clause_list(const sema::World& world, const std::vector<sema::ClauseId>& clauses) {
  std::string out;
  for (sema::ClauseId c : clauses) out += (out.empty() ? "" : ", ") + world.clause_title(c);
  return out;
}

std::string render_text(const SourceSet& sources, const sema::World& world, const sema::Scenario& scenario,
                        const query::Answer& answer, const std::vector<Line>& lines, sema::DayNumber as_of,
                        const QueryOptions& options) {
  std::ostringstream out;
  out << "Scenario " << (scenario.name == kFactScenario ? "given by --fact" : "\"" + scenario.name + "\"") << ", as of "
      << sema::format_day(as_of) << "\n";
  for (const sema::Expr& fact : scenario.facts) {
    const std::string& text = sources.file(fact.span.file).text();
    out << "  fact: " << text.substr(fact.span.begin, fact.span.end - fact.span.begin) << "\n";
  }
  if (answer.impossible_scenario) {
    out << "\nThe scenario contradicts the axioms: it cannot happen, so nothing follows from it.\n";
    return out.str();
  }
  // Three kinds of line: bound because of the scenario (always shown),
  // bound in any situation (--all), bound only in some situations (--open).
  std::size_t triggered = 0, anyway = 0, open = 0;
  for (std::size_t i = 0; i < lines.size();) {
    sema::EntityId party = lines[i].party;
    std::ostringstream block;
    for (; i < lines.size() && lines[i].party == party; ++i) {
      const Line& line = lines[i];
      bool settled = line.applies == query::Applies::Always;
      bool shown = settled ? (!line.unconditional || options.all) : options.open;
      (settled ? (line.unconditional ? anyway : triggered) : open) += 1;
      if (!shown) continue;
      std::string head(modality_text(line.modality));
      block << "  " << head << std::string(10 - head.size(), ' ') << line.content << "   -- "
            << clause_list(world, line.clauses) << " (" << format_location(sources, world.clauses[line.clauses[0]].span)
            << ")" << (line.unconditional ? ", in any situation" : "") << "\n";
      if (!settled) block << "            only if " << line.condition << ": " << applies_text(line.applies) << "\n";
    }
    if (!block.str().empty()) out << "\n" << world.entities[party].display << "\n" << block.str();
  }
  out << "\n" << triggered << (triggered == 1 ? " norm binds" : " norms bind") << " because of this scenario";
  if (anyway > 0) out << "; " << anyway << " bind in any situation" << (options.all ? "" : " (--all lists them)");
  if (open > 0) {
    out << "; " << open << " depend on what the scenario leaves open" << (options.open ? "" : " (--open lists them)");
  }
  out << ".\n";
  if (answer.conflict) {
    out << "No course of conduct complies with all of the norms that bind here: a conflict "
           "(run `treatycheck check` for the clauses and a witness).\n";
  }
  if (answer.unknown) out << "Some questions are unknown (" << answer.unknown_reason << "); raise --rlimit.\n";
  return out.str();
}

std::string render_json(const SourceSet& sources, const sema::World& world, const sema::Scenario& scenario,
                        const query::Answer& answer, const std::vector<Line>& lines, sema::DayNumber as_of) {
  nlohmann::ordered_json doc;
  doc["schema"] = "treatycheck-query/1";
  doc["scenario"] = scenario.name;
  doc["as_of"] = sema::format_day(as_of);
  doc["impossible_scenario"] = answer.impossible_scenario;
  doc["conflict"] = answer.conflict;
  doc["unknown"] = answer.unknown;
  nlohmann::ordered_json norms = nlohmann::ordered_json::array();
  for (const Line& line : lines) {
    nlohmann::ordered_json item;
    item["party"] = world.entities[line.party].name;
    item["party_display"] = world.entities[line.party].display;
    item["modality"] = modality_text(line.modality);
    item["content"] = line.content;
    item["applies"] = line.applies == query::Applies::Always ? "always"
                      : line.applies == query::Applies::DependsOnCircumstances ? "depends_on_circumstances"
                      : line.applies == query::Applies::DependsOnConduct ? "depends_on_conduct"
                                                                          : "unknown";
    if (!line.condition.empty()) item["condition"] = line.condition;
    item["unconditional"] = line.unconditional;
    nlohmann::ordered_json clauses = nlohmann::ordered_json::array();
    for (sema::ClauseId c : line.clauses) {
      const sema::Clause& clause = world.clauses[c];
      report::Location at = report::locate_span(sources, clause.span);
      clauses.push_back({{"title", world.clause_title(c)},
                         {"treaty", world.treaties[clause.treaty].name},
                         {"article", world.articles[clause.article].label},
                         {"file", at.file},
                         {"line", at.begin.line},
                         {"column", at.begin.column}});
    }
    item["clauses"] = clauses;
    norms.push_back(item);
  }
  doc["norms"] = norms;
  return doc.dump(2) + "\n";
}

}  // namespace

int run_query(const QueryOptions& options) {
  if (options.scenario.empty() == options.facts.empty()) {
    std::cerr << "treatycheck: error: query takes --scenario NAME or --fact ATOM (repeatable), one of the two\n";
    return kExitInputError;
  }
  if (options.format != "text" && options.format != "json") {
    std::cerr << "treatycheck: error: query --format is text or json, not '" << options.format << "'\n";
    return kExitInputError;
  }
  CommandSetup setup;
  auto loader = [&options](SourceSet& sources, FrontEndTimes& times) { return load(options, sources, times); };
  if (!set_up_command(options, default_paths(options.paths), setup, loader)) return kExitInputError;
  const SourceSet& sources = setup.sources;
  const std::optional<sema::World>& world = setup.world;
  const ground::GroundOptions& ground_options = setup.ground_options;
  const analysis::AnalysisOptions& analysis_options = setup.analysis_options;
  std::string name = options.facts.empty() ? options.scenario : kFactScenario;
  auto found = std::find_if(world->scenarios.begin(), world->scenarios.end(),
                            [&](const sema::Scenario& s) { return s.name == name; });
  if (found == world->scenarios.end()) {
    std::cerr << "treatycheck: error: no scenario named \"" << name << "\"";
    if (world->scenarios.empty()) std::cerr << "; the sources declare none (or use --fact)";
    else {
      std::cerr << "; the sources declare:";
      for (const sema::Scenario& s : world->scenarios) std::cerr << "\n  \"" << s.name << "\"";
    }
    std::cerr << "\n";
    return kExitInputError;
  }
  for (const std::string& p : options.parties) {
    bool known = std::any_of(world->entities.begin(), world->entities.end(),
                             [&](const sema::Entity& e) { return e.name == p || e.display == p; });
    if (!known) {
      std::cerr << "treatycheck: error: --party " << p << ": no such state or institution\n";
      return kExitInputError;
    }
  }
  std::set<sema::EntityId> wanted;
  for (sema::EntityId e = 0; e < world->entities.size(); ++e) {
    if (!options.parties.empty() && wanted_party(*world, e, options.parties)) wanted.insert(e);
  }
  ground::Problem problem = ground::ground(*world, ground_options);
  analysis::add_scenario_facts(*world, problem, ground_options, *found);
  query::Answer answer = query::ask(problem, analysis_options.limits, wanted);
  std::vector<Line> lines = collect(*world, problem, answer, options.parties);
  std::string text = options.format == "json"
                         ? render_json(sources, *world, *found, answer, lines, ground_options.as_of)
                         : render_text(sources, *world, *found, answer, lines, ground_options.as_of, options);
  std::string error;
  if (!write_output(options.output, text, error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  return answer.unknown ? kExitUnknown : kExitOk;
}

}  // namespace tc::cli
