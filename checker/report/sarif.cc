// The SARIF 2.1.0 report.
#include "report/sarif.h"

#include <nlohmann/json.hpp>

#include "report/json.h"

namespace tc::report {
namespace {

using Json = nlohmann::ordered_json;

/// Codes of findings that the analysis can report: TC2xxx (except failed
/// expectations, which only `treatycheck test` reports) and TC3xxx.
std::vector<DiagKind> finding_kinds() {
  std::vector<DiagKind> out;
  for (DiagKind kind : all_diag_kinds()) {
    std::string_view code = diag_code(kind);
    if ((code.rfind("TC2", 0) == 0 && kind != DiagKind::ExpectationFailed) || code.rfind("TC3", 0) == 0)
      out.push_back(kind);
  }
  return out;
}

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "note";
}

Json artifact(const Location& l) {
  if (l.under_root) return Json{{"uri", uri_encode(l.path)}, {"uriBaseId", "%SRCROOT%"}};
  return Json{{"uri", "file://" + uri_encode(l.path)}};
}

Json physical(const Location& l, const std::string& snippet) {
  Json region{{"startLine", l.begin.line}, {"startColumn", l.begin.column}, {"endLine", l.end.line},
              {"endColumn", l.end.column}};
  if (!snippet.empty()) region["snippet"] = Json{{"text", snippet}};
  return Json{{"artifactLocation", artifact(l)}, {"region", region}};
}

Json logical(const ClauseFacts& c) {
  return Json::array({Json{{"name", "Art " + c.article},
                           {"fullyQualifiedName", c.treaty + " Art " + c.article},
                           {"kind", "member"}}});
}

/// Escapes text for a SARIF message: literal brackets would otherwise read as links (SARIF 3.11.6).
std::string escape_message(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

Json result(const FindingFacts& f, std::size_t rule_index, const RunFacts& run, bool diff) {
  std::string text = escape_message(f.message) + ".";
  for (const std::string& line : detail_lines(f, run.as_of)) text += "\n" + escape_message(line);
  Json related = Json::array();
  for (std::size_t i = 1; i < f.clauses.size(); ++i) {
    const ClauseFacts& c = f.clauses[i];
    std::string role = f.kind_value == analysis::FindingKind::Unknown ? ": not settled, one of the clauses of this open question"
                       : c.modality == "permission"                    ? " grants the permission"
                                                                       : " applies in the same situation";
    std::string title = c.title + (c.article_title ? " \"" + *c.article_title + "\"" : "");
    related.push_back(Json{{"id", i},
                           {"physicalLocation", physical(c.location, c.text)},
                           {"logicalLocations", logical(c)},
                           {"message", Json{{"text", escape_message(title + role)}}}});
  }
  if (related.size() > 0) {
    text += "\nrelated:";
    for (std::size_t i = 1; i < f.clauses.size(); ++i)
      text += std::string(i > 1 ? "," : "") + " [" + escape_message(f.clauses[i].title) + "](" + std::to_string(i) + ")";
  }
  Json location;
  if (const ClauseFacts* main = f.main_clause()) {
    location = Json{{"physicalLocation", physical(main->location, main->text)}, {"logicalLocations", logical(*main)}};
  } else if (!f.axiom_locations.empty()) {
    location = Json{{"physicalLocation", physical(f.axiom_locations.front(), "")}};
  } else if (!run.input_locations.empty()) {
    location = Json{{"physicalLocation", physical(run.input_locations.front(), "")}};
  }
  Json out{{"ruleId", f.code}, {"ruleIndex", rule_index}, {"level", level(f.severity_value)},
           {"message", Json{{"text", text}}}};
  out["locations"] = location.is_null() ? Json::array() : Json::array({location});
  if (!related.empty()) out["relatedLocations"] = related;
  out["partialFingerprints"] = Json{{"treatycheck/v1", f.id}};
  if (diff)
    out["baselineState"] = f.change == Change::Introduced ? "new" : f.change == Change::Unchanged ? "unchanged" : "absent";
  out["properties"] = Json{{"treatycheck", finding_json(f)}};
  return out;
}

}  // namespace

std::string render_sarif(const ReportFacts& facts) {
  std::vector<DiagKind> kinds = finding_kinds();
  Json rules = Json::array();
  for (DiagKind kind : kinds)
    rules.push_back(Json{{"id", diag_code(kind)},
                         {"name", diag_name(kind)},
                         {"shortDescription", Json{{"text", diag_description(kind)}}},
                         {"fullDescription", Json{{"text", diag_description(kind)}}},
                         {"defaultConfiguration", Json{{"level", level(diag_default_severity(kind))}}},
                         {"properties", Json{{"tags", Json::array({"treaty", "consistency"})}}}});
  auto index_of = [&](DiagKind kind) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
      if (kinds[i] == kind) return i;
    return std::size_t{0};
  };
  bool diff = facts.command == "diff";
  Json results = Json::array();
  for (const FindingFacts& f : facts.run.findings) results.push_back(result(f, index_of(f.diag), facts.run, diff));
  if (diff)
    for (const FindingFacts& f : facts.resolved)
      results.push_back(result(f, index_of(f.diag), facts.old_run ? *facts.old_run : facts.run, diff));

  Json notifications = Json::array();
  if (facts.baseline) {
    for (const StaleEntry& e : facts.baseline->stale) {
      Location where = locate_file(facts.baseline->file, e.line);
      notifications.push_back(
          Json{{"level", "note"},
               {"message", Json{{"text", "stale baseline entry " + e.id + (e.comment.empty() ? "" : " (" + e.comment + ")") +
                                             ": no current finding has this id; remove it from the baseline"}}},
               {"locations", Json::array({Json{{"physicalLocation", Json{{"artifactLocation", artifact(where)},
                                                                         {"region", Json{{"startLine", e.line}}}}}}})}});
    }
  }
  Json invocation{{"executionSuccessful", facts.exit_code != 4 && !facts.run.internal_error},
                  {"exitCode", facts.exit_code}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;

  Json properties{{"schema", kJsonSchema}, {"command", facts.command}, {"as_of", facts.run.as_of},
                  {"verdict", facts.run.verdict}, {"fail_on", facts.fail_on}, {"inputs", facts.run.inputs}};
  if (facts.baseline)
    properties["baseline"] = Json{{"file", facts.baseline->file}, {"suppressed", facts.baseline->suppressed.size()},
                                  {"stale", facts.baseline->stale.size()}};
  if (diff && facts.old_run) properties["old_inputs"] = facts.old_run->inputs;
  if (facts.run.readings) properties["readings"] = readings_summary_json(*facts.run.readings, facts.run.readings_text);

  Json run{{"tool", Json{{"driver", Json{{"name", "treatycheck"},
                                          {"version", facts.tool_version},
                                          {"semanticVersion", facts.tool_version},
                                          {"informationUri", kInformationUri},
                                          {"rules", rules}}}}},
           {"invocations", Json::array({invocation})},
           {"originalUriBaseIds",
            Json{{"%SRCROOT%",
                  Json{{"description", Json{{"text", "The repository root: the directory treatycheck ran in."}}}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", results},
           {"properties", properties}};
  Json out{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"},
           {"runs", Json::array({run})}};
  return out.dump(2) + "\n";
}

}  // namespace tc::report
