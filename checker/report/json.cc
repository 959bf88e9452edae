// The JSON report (schema "treatycheck/1").
#include "report/json.h"

namespace tc::report {
namespace {

using Json = nlohmann::ordered_json;

Json optional_text(const std::optional<std::string>& text) { return text ? Json(*text) : Json(nullptr); }

Json location_json(const Location& l) {
  return Json{{"file", l.file},       {"path", l.path},           {"line", l.begin.line},
              {"column", l.begin.column}, {"end_line", l.end.line}, {"end_column", l.end.column}};
}

Json entity_json(const EntityFacts& e) { return Json{{"name", e.name}, {"display", e.display}}; }

Json clause_json(const ClauseFacts& c) {
  return Json{{"role", c.main ? "main" : "related"},
              {"title", c.title},
              {"treaty", c.treaty},
              {"treaty_title", optional_text(c.treaty_title)},
              {"treaty_draft", c.treaty_draft},
              {"treaty_political", c.treaty_political},
              {"article", c.article},
              {"article_title", optional_text(c.article_title)},
              {"index_in_article", c.index_in_article},
              {"modality", c.modality},
              {"location", location_json(c.location)},
              {"text", c.text}};
}

Json instance_json(const InstanceFacts& i) {
  Json binding = Json::object();
  for (const auto& [variable, value] : i.binding) binding[variable] = entity_json(value);
  return Json{{"role", i.exercised ? "exercised_permission" : "conflicting"},
              {"clause", i.clause},
              {"bearer", entity_json(i.bearer)},
              {"binding", binding},
              {"text", i.text}};
}

Json witness_json(const WitnessFacts& w) {
  Json value = w.quantity ? Json(w.value) : Json(w.value != 0);
  return Json{{"atom", w.atom}, {"value", value}, {"text", w.text}};
}

Json resolution_json(const std::optional<ResolutionFacts>& r) {
  if (!r) return nullptr;
  Json over = Json::array();
  for (const auto& [clause, rule] : r->over) over.push_back(Json{{"clause", clause}, {"rule", rule}});
  return Json{{"prevailing", r->prevailing}, {"over", over}, {"explanation", r->explanation}};
}

Json summary_json(const SummaryFacts& s) {
  const Summary& c = s.counts;
  return Json{{"findings", s.findings},
              {"errors", s.errors},
              {"warnings", s.warnings},
              {"notes", s.notes},
              {"conflicts", c.conflicts},
              {"unresolved", c.unresolved},
              {"resolved", c.resolved},
              {"permission_conflicts", c.permission_conflicts},
              {"unknown", c.unknown},
              {"background_unsatisfiable", c.background > 0},
              {"instruments", c.instruments},
              {"clauses", c.clauses},
              {"states", c.states}};
}

Json findings_json(const std::vector<FindingFacts>& findings) {
  Json out = Json::array();
  for (const FindingFacts& f : findings) out.push_back(finding_json(f));
  return out;
}

Json instruments_json(const std::vector<InstrumentFacts>& instruments) {
  Json out = Json::array();
  for (const InstrumentFacts& i : instruments)
    out.push_back(Json{{"name", i.name},
                       {"title", optional_text(i.title)},
                       {"under_review", i.under_review},
                       {"location", location_json(i.location)}});
  return out;
}

Json baseline_json(const std::optional<BaselineFacts>& b) {
  if (!b) return nullptr;
  Json stale = Json::array();
  for (const StaleEntry& e : b->stale) stale.push_back(Json{{"id", e.id}, {"comment", e.comment}, {"line", e.line}});
  return Json{{"file", b->file}, {"suppressed", b->suppressed}, {"stale", stale}};
}

Json finding_readings_json(const analysis::FindingReadings& r, const std::string& text) {
  Json holds = Json::array(), undecided = Json::array();
  auto combination = [&](const std::vector<std::string>& readings) {
    Json c = Json::object();
    for (std::size_t i = 0; i < r.decisive.size() && i < readings.size(); ++i) c[r.decisive[i]] = readings[i];
    return c;
  };
  for (const auto& c : r.holds_under) holds.push_back(combination(c));
  for (const auto& c : r.undecided_under) undecided.push_back(combination(c));
  return Json{{"all", r.decisive.empty() && r.undecided_under.empty()},
              {"varied", r.varied},
              {"checked", r.checked},
              {"decisive", r.decisive},
              {"holds_under", holds},
              {"undecided_under", undecided},
              {"text", text}};
}

Json stats_json(const StatsFacts& s) {
  const analysis::Stats& a = s.analysis;
  // Milliseconds, rounded: the same unit as the --stats line on stderr.
  auto ms = [](double seconds) { return static_cast<std::int64_t>(seconds * 1000 + 0.5); };
  return Json{{"norm_instances", a.instances},
              {"axiom_instances", a.axiom_instances},
              {"ground_atoms", a.ground_atoms},
              {"components", a.components},
              {"searches", a.searches},
              {"jobs", a.jobs},
              {"loop_rounds", a.solver_checks},
              {"refinements", a.refinements},
              {"solver_calls", a.z3_checks},
              {"peak_memory_mb", s.peak_memory_mb},
              {"phases_ms", Json{{"parse", ms(s.seconds_parse)},
                                 {"resolve", ms(s.seconds_resolve)},
                                 {"reduce", ms(a.seconds_reduce)},
                                 {"ground", ms(a.seconds_ground)},
                                 {"encode", ms(a.seconds_encode)},
                                 {"solve", ms(a.seconds_solve)},
                                 {"minimise", ms(a.seconds_minimise)},
                                 {"witness", ms(a.seconds_witness)},
                                 {"lift", ms(a.seconds_lift)}}},
              {"total_ms", ms(s.seconds_total)}};
}

Json tool_json(const std::string& version) { return Json{{"name", "treatycheck"}, {"version", version}}; }

Json run_header(const RunFacts& run) {
  return Json{{"inputs", run.inputs},
              {"verdict", run.verdict},
              {"summary", summary_json(run.summary)},
              {"instruments", instruments_json(run.instruments)},
              {"internal_error", run.internal_error ? Json(run.internal_error_message) : Json(nullptr)}};
}

std::vector<FindingFacts> with_change(const std::vector<FindingFacts>& findings, Change change) {
  std::vector<FindingFacts> out;
  for (const FindingFacts& f : findings)
    if (f.change == change) out.push_back(f);
  return out;
}

}  // namespace

Json readings_summary_json(const analysis::ReadingsSummary& summary, const std::string& text) {
  Json terms = Json::array();
  for (const analysis::TermReadings& t : summary.terms) {
    Json term{{"term", t.term}, {"readings", t.readings}, {"default", t.default_reading}, {"role", t.role}};
    if (t.role == "varied") term["group"] = t.group;
    if (t.role == "fixed") term["chosen"] = t.chosen;
    terms.push_back(term);
  }
  return Json{{"combinations", summary.combinations}, {"product", summary.product}, {"terms", terms}, {"text", text}};
}

Json finding_json(const FindingFacts& f) {
  Json clauses = Json::array();
  for (const ClauseFacts& c : f.clauses) clauses.push_back(clause_json(c));
  Json instances = Json::array();
  for (const InstanceFacts& i : f.instances) instances.push_back(instance_json(i));
  Json witness = Json::array();
  for (const WitnessFacts& w : f.witness) witness.push_back(witness_json(w));
  Json caught = Json::array();
  for (const EntityFacts& e : f.caught) caught.push_back(entity_json(e));
  Json unknown = f.kind_value == analysis::FindingKind::Unknown
                     ? Json{{"question", f.question}, {"reason", f.unknown_reason}}
                     : Json(nullptr);
  Json out{{"id", f.id},
           {"kind", f.kind},
           {"code", f.code},
           {"rule", f.rule},
           {"severity", f.severity},
           {"failing", f.failing},
           {"message", f.message},
           {"clauses", clauses},
           {"permission", optional_text(f.permission)},
           {"instruments", f.instruments},
           {"instance_count", f.instance_count},
           {"instances", instances},
           {"witness", witness},
           {"caught", caught},
           {"resolution", resolution_json(f.resolution)},
           {"political", f.political},
           {"replay_exhaustive", f.replay_exhaustive},
           {"unknown", unknown}};
  if (f.change != Change::None) out["change"] = std::string(change_name(f.change));
  if (f.cut_short) out["cut_short"] = true;
  if (f.readings) out["readings"] = finding_readings_json(*f.readings, f.readings_text);
  return out;
}

std::string render_json(const ReportFacts& facts) {
  Json out{{"schema", kJsonSchema}, {"tool", tool_json(facts.tool_version)}, {"command", facts.command},
           {"as_of", facts.run.as_of}, {"fail_on", facts.fail_on}};
  if (facts.command == "diff" && facts.old_run) {
    out["verdict"] = facts.run.verdict;
    out["exit_code"] = facts.exit_code;
    std::vector<FindingFacts> introduced = with_change(facts.run.findings, Change::Introduced);
    std::vector<FindingFacts> unchanged = with_change(facts.run.findings, Change::Unchanged);
    out["changes"] = Json{{"introduced", introduced.size()},
                          {"resolved", facts.resolved.size()},
                          {"unchanged", unchanged.size()}};
    out["old"] = run_header(*facts.old_run);
    out["new"] = run_header(facts.run);
    out["introduced"] = findings_json(introduced);
    out["resolved"] = findings_json(facts.resolved);
    out["unchanged"] = findings_json(unchanged);
  } else {
    out["inputs"] = facts.run.inputs;
    out["verdict"] = facts.run.verdict;
    out["exit_code"] = facts.exit_code;
    out["summary"] = summary_json(facts.run.summary);
    out["instruments"] = instruments_json(facts.run.instruments);
    out["findings"] = findings_json(facts.run.findings);
    out["internal_error"] = facts.run.internal_error ? Json(facts.run.internal_error_message) : Json(nullptr);
    if (facts.run.readings) out["readings"] = readings_summary_json(*facts.run.readings, facts.run.readings_text);
    if (facts.stats) out["stats"] = stats_json(*facts.stats);
  }
  out["baseline"] = baseline_json(facts.baseline);
  return out.dump(2) + "\n";
}

std::string render_test_json(const TestFacts& facts) {
  Json expectations = Json::array();
  for (const ExpectationFacts& e : facts.expectations)
    expectations.push_back(Json{{"status", e.status},
                                {"text", e.text},
                                {"scenario", optional_text(e.scenario)},
                                {"location", location_json(e.location)},
                                {"detail", e.detail}});
  Json out{{"schema", kJsonSchema},
           {"tool", tool_json(facts.tool_version)},
           {"command", "test"},
           {"as_of", facts.as_of},
           {"inputs", facts.inputs},
           {"exit_code", facts.exit_code},
           {"summary", Json{{"passed", facts.passed}, {"failed", facts.failed}, {"unknown", facts.unknown}}},
           {"expectations", expectations}};
  return out.dump(2) + "\n";
}

}  // namespace tc::report
