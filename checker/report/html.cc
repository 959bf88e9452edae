// The HTML report: one self-contained page.
#include "report/html.h"

#include <algorithm>
#include <map>
#include <set>

namespace tc::report {
namespace {

const char* kStyle = R"(
:root{--error:#c62828;--warning:#ef6c00;--note:#2e7d32;--unknown:#6a1b9a;--line:#ddd;--muted:#666}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#263238;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#cfd8dc}
main{padding:8px 24px 40px;max-width:1400px}
h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.verdict{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;color:#fff;background:var(--note)}
.verdict.conflicts,.verdict.error{background:var(--error)}.verdict.unknown{background:var(--unknown)}
table.matrix{border-collapse:collapse;font-size:13px}
.matrix th,.matrix td{border:1px solid var(--line);padding:4px 8px;text-align:center;min-width:34px}
.matrix th.row{text-align:left;white-space:nowrap}
.matrix th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom}
.matrix td.hit{cursor:pointer;color:#fff;font-weight:600}
.matrix td.sev-error{background:var(--error)}.matrix td.sev-warning{background:var(--warning)}
.matrix td.sev-note{background:var(--note)}.matrix td.sev-unknown{background:var(--unknown)}
.matrix td.self{background:#f0f0f0}
.legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.graphbox{overflow:auto;border:1px solid var(--line);background:#fff}
svg.graph text{font-size:12px;font-family:inherit}
svg.graph text.column{font-weight:600;text-anchor:middle}
svg.graph .node rect{fill:#eceff1;stroke:#90a4ae}
svg.graph .node.on rect{fill:#fff59d}
svg.graph .edge{fill:none;opacity:.75}
svg.graph .edge.on{opacity:1;stroke-width:4}
svg.graph .sev-error{stroke:var(--error)}svg.graph .sev-warning{stroke:var(--warning)}
svg.graph .sev-note{stroke:var(--note);stroke-dasharray:5 3}svg.graph .sev-unknown{stroke:var(--unknown)}
.filters button{margin-right:6px;border:1px solid #bbb;background:#fff;border-radius:12px;padding:2px 10px;cursor:pointer}
.filters button.on{background:#263238;color:#fff}
section.finding{background:#fff;border:1px solid var(--line);border-left:6px solid var(--note);margin:10px 0;padding:8px 14px}
section.finding.sev-error{border-left-color:var(--error)}section.finding.sev-warning{border-left-color:var(--warning)}
section.finding.sev-unknown{border-left-color:var(--unknown)}section.finding.on{box-shadow:0 0 0 3px #fff59d}
section.finding h3{font-size:15px;margin:4px 0}
.fid{font-family:ui-monospace,monospace;color:var(--muted);font-size:12px}
dl{margin:4px 0;display:grid;grid-template-columns:110px 1fr;gap:2px 10px}dt{color:var(--muted)}dd{margin:0}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
pre{background:#f5f5f5;padding:4px 8px;margin:2px 0 6px;white-space:pre-wrap}
.depends{font-weight:600;color:var(--warning)}.badge{border:1px solid var(--warning);color:var(--warning);border-radius:8px;padding:0 6px;margin-left:4px}
.hidden{display:none}#script-errors{color:var(--error)}#script-errors:empty{display:none}
)";

// Interaction only: every fact is in the page without it.
const char* kScript = R"(
(function(){
  var findings=[].slice.call(document.querySelectorAll('section.finding'));
  function show(ids){
    findings.forEach(function(f){f.classList.toggle('hidden',ids!==null&&ids.indexOf(f.id)<0);});
  }
  function mark(ids){
    findings.forEach(function(f){f.classList.toggle('on',ids.indexOf(f.id)>=0);});
    document.querySelectorAll('svg.graph .edge').forEach(function(e){
      var mine=e.getAttribute('data-findings').split(' ');
      e.classList.toggle('on',mine.some(function(id){return ids.indexOf(id)>=0;}));
    });
  }
  document.querySelectorAll('.matrix td.hit').forEach(function(td){
    td.addEventListener('click',function(){
      var ids=td.getAttribute('data-findings').split(' ');show(ids);mark(ids);
      document.getElementById('findings').scrollIntoView();
    });
  });
  document.querySelectorAll('svg.graph .edge').forEach(function(e){
    e.addEventListener('click',function(){var ids=e.getAttribute('data-findings').split(' ');show(ids);mark(ids);});
  });
  document.querySelectorAll('.filters button').forEach(function(b){
    b.addEventListener('click',function(){
      document.querySelectorAll('.filters button').forEach(function(o){o.classList.remove('on');});
      b.classList.add('on');var s=b.getAttribute('data-show');
      show(s==='all'?null:findings.filter(function(f){return f.classList.contains(s);}).map(function(f){return f.id;}));
      mark([]);
    });
  });
  document.getElementById('shown').textContent=String(findings.length);
  document.body.setAttribute('data-rendered','ok');
})();
)";


std::string kind_words(const FindingFacts& f) {
  using analysis::FindingKind;
  switch (f.kind_value) {
    case FindingKind::ObligationConflict: return f.resolution ? "conflict, settled by precedence" : "conflict";
    case FindingKind::PermissionConflict: return "permission conflict";
    case FindingKind::UnsatisfiableBackground: return "unsatisfiable background";
    case FindingKind::Unknown: return "unknown";
  }
  return "";
}

/// Whether the finding holds (or is open) under some readings only.
bool depends_on_reading(const FindingFacts& f) { return f.readings && !f.readings->decisive.empty(); }

std::string summary_text(const RunFacts& run) { return summary_text(run.summary.counts, run.as_of); }

std::string matrix(const RunFacts& run) {
  std::vector<std::string> instruments;
  for (const InstrumentFacts& i : run.instruments) instruments.push_back(i.name);
  for (const FindingFacts& f : run.findings)
    for (const std::string& t : f.instruments)
      if (std::find(instruments.begin(), instruments.end(), t) == instruments.end()) instruments.push_back(t);
  std::sort(instruments.begin(), instruments.end());
  if (instruments.empty()) return "<p class=\"empty\">No instrument applies.</p>\n";
  std::map<std::string, std::string> title_of;
  for (const InstrumentFacts& i : run.instruments) title_of[i.name] = i.title.value_or(i.name);
  std::string out = "<table class=\"matrix\"><tr><th></th>";
  for (const std::string& t : instruments) out += "<th class=\"col\" title=\"" + html_escape(title_of[t]) + "\">" + html_escape(t) + "</th>";
  out += "</tr>\n";
  for (const std::string& row : instruments) {
    out += "<tr><th class=\"row\" title=\"" + html_escape(title_of[row]) + "\">" + html_escape(row) + "</th>";
    for (const std::string& col : instruments) {
      std::vector<const FindingFacts*> hits;
      for (const FindingFacts& f : run.findings) {
        bool has_row = std::count(f.instruments.begin(), f.instruments.end(), row) > 0;
        bool has_col = std::count(f.instruments.begin(), f.instruments.end(), col) > 0;
        // The diagonal holds the findings within one instrument only.
        if (has_row && has_col && (row != col || f.instruments.size() == 1)) hits.push_back(&f);
      }
      if (hits.empty()) {
        out += row == col ? "<td class=\"self\"></td>" : "<td></td>";
        continue;
      }
      std::string severity = "note", ids;
      std::size_t depending = 0;
      for (const FindingFacts* f : hits) {
        depending += depends_on_reading(*f) ? 1 : 0;
        std::string s = severity_class(*f);
        if (s == "error" || (s == "warning" && severity != "error") ||
            (s == "unknown" && severity == "note"))
          severity = s;
        ids += (ids.empty() ? "" : " ") + f->id;
      }
      // A star marks a cell whose findings depend on how a vague term is read.
      std::string depends = depending ? "; " + std::to_string(depending) + " only under some readings" : "";
      out += "<td class=\"hit sev-" + severity + "\" data-findings=\"" + ids + "\" title=\"" +
             html_escape(row + " / " + col + ": " + plural(hits.size(), "finding", "findings") + depends) + "\">" +
             std::to_string(hits.size()) + (depending ? "*" : "") + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string finding_section(const FindingFacts& f, const std::string& as_of) {
  std::string out = "<section class=\"finding sev-" + severity_class(f) + (depends_on_reading(f) ? " reading" : "") +
                    "\" id=\"" + html_escape(f.id) + "\">\n";
  out += "<h3>" + html_escape(f.severity) + "[" + f.code + "]: " + html_escape(f.message) + "</h3>\n";
  out += "<div class=\"fid\">" + html_escape(f.id) + " &middot; " + html_escape(kind_words(f));
  if (f.instance_count) out += " &middot; " + plural(f.instance_count, "instance", "instances");
  if (depends_on_reading(f))
    out += "<span class=\"badge\">depends on the reading of " + html_escape(joined(f.readings->decisive, ", ", " and ")) + "</span>";
  out += "</div>\n<dl>\n";
  for (const ClauseFacts& c : f.clauses) {
    std::string title = c.title + (c.article_title ? " \"" + *c.article_title + "\"" : "");
    if (c.treaty_title) title += " (" + *c.treaty_title + (c.treaty_draft ? ", draft" : "") + ")";
    out += "<dt>" + html_escape(c.modality) + "</dt><dd>" + html_escape(title) + " &mdash; <code>" +
           html_escape(c.location.path + ":" + std::to_string(c.location.begin.line) + ":" +
                       std::to_string(c.location.begin.column)) +
           "</code><pre>" + html_escape(c.text) + "</pre></dd>\n";
  }
  using analysis::FindingKind;
  if (f.kind_value == FindingKind::Unknown) {
    out += "<dt>open</dt><dd>" + html_escape(f.question) + ": " + html_escape(f.unknown_reason) +
           ". Not reported as consistent; raise --rlimit, --timeout or --max-rounds, or check fewer instruments.</dd>\n";
  } else if (f.kind_value == FindingKind::UnsatisfiableBackground) {
    out += "<dt>background</dt><dd>No situation satisfies the axioms and facts, so nothing else can be checked.</dd>\n";
  } else {
    out += "<dt>witness</dt><dd>" + html_escape(f.scenario_text()) + "</dd>\n<dt>then</dt><dd>";
    for (const InstanceFacts& i : f.instances) out += html_escape(i.text) + (i.exercised ? " (the permission used)" : "") + "<br>";
    out += f.kind_value == FindingKind::PermissionConflict
               ? "no course of conduct uses the permission while complying with the others.</dd>\n"
               : "no course of conduct complies with all of these at once.</dd>\n";
    out += "<dt>caught</dt><dd>" + html_escape(f.caught_text(as_of, 40)) + "</dd>\n";
    out += "<dt>resolution</dt><dd>" +
           (f.resolution ? "settled: " + html_escape(f.resolution->explanation) : std::string("none settles it")) +
           "</dd>\n";
    if (f.political && !f.resolution)
      out += "<dt>note</dt><dd>a political commitment is involved: a warning, not an error</dd>\n";
  }
  if (f.readings)
    out += "<dt>readings</dt><dd" + std::string(depends_on_reading(f) ? " class=\"depends\"" : "") + ">" +
           html_escape(f.readings_text) + "</dd>\n";
  // A finding of --all-readings may exist under other readings only: explain needs the flag too.
  out += "<dt>explain</dt><dd><code>treatycheck explain " + html_escape(f.id) + (f.readings ? " --all-readings" : "") +
         "</code></dd>\n";
  return out + "</dl>\n</section>\n";
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string severity_class(const FindingFacts& f) {
  if (f.kind_value == analysis::FindingKind::Unknown) return "unknown";
  if (f.resolution) return "note";
  return f.severity;
}

std::string render_html(const ReportFacts& facts) {
  const RunFacts& run = facts.run;
  std::string inputs;
  for (const std::string& i : run.inputs) inputs += (inputs.empty() ? "" : ", ") + i;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<title>treatycheck: " + html_escape(inputs) + "</title>\n<style>" + kStyle + "</style>\n"
      // Script errors land in the page itself, where a headless test reads them.
      "<script>window.addEventListener('error',function(e){var d=document.getElementById('script-errors');"
      "if(d)d.textContent+='script error: '+e.message+'\\n';});</script>\n</head>\n<body>\n";
  out += "<header><h1>treatycheck report</h1><p>" + html_escape(inputs) + " &middot; as of " + html_escape(run.as_of) +
         " &middot; treatycheck " + html_escape(facts.tool_version) + "</p></header>\n<main>\n";
  out += "<pre id=\"script-errors\"></pre>\n";
  out += "<p><span class=\"verdict " + html_escape(run.verdict) + "\">" + html_escape(run.verdict) + "</span> " +
         html_escape(summary_text(run)) + "</p>\n";
  if (run.readings) out += "<p class=\"readings\"><strong>Readings:</strong> " + html_escape(run.readings_text) + "</p>\n";
  out += "<p class=\"legend\"><span><i style=\"background:var(--error)\"></i>unresolved conflict</span>"
         "<span><i style=\"background:var(--warning)\"></i>warning (permission, political)</span>"
         "<span><i style=\"background:var(--note)\"></i>settled by precedence</span>"
         "<span><i style=\"background:var(--unknown)\"></i>unknown</span>" +
         std::string(run.readings ? "<span>* some of the findings hold only under some readings</span>" : "") + "</p>\n";
  out += "<h2>Conflicts between instruments</h2>\n<p>Each cell counts the findings that involve both instruments "
         "(the diagonal: within one instrument); click a cell to list them.</p>\n" + matrix(run);
  out += "<h2>Articles in conflict</h2>\n<p>Each instrument is a labelled group of its articles; a line joins two articles that conflict "
         "(thicker: more findings; dashed: settled by precedence). Click a line to list its findings.</p>\n"
         "<div class=\"graphbox\">\n" + render_graph_svg(layout_article_graph(run.findings)) + "</div>\n";
  out += "<h2 id=\"findings\">Findings (<span id=\"shown\">" + std::to_string(run.findings.size()) +
         "</span>)</h2>\n<p class=\"filters\"><button data-show=\"all\" class=\"on\">all</button>"
         "<button data-show=\"sev-error\">errors</button><button data-show=\"sev-warning\">warnings</button>"
         "<button data-show=\"sev-note\">settled</button><button data-show=\"sev-unknown\">unknown</button>" +
         std::string(run.readings ? "<button data-show=\"reading\">depend on a reading</button>" : "") + "</p>\n";
  if (run.findings.empty()) out += "<p class=\"empty\">No finding: the sources as checked are consistent.</p>\n";
  for (const FindingFacts& f : run.findings) out += finding_section(f, run.as_of);
  if (run.internal_error) out += "<p><strong>Internal error:</strong> " + html_escape(run.internal_error_message) + "</p>\n";
  out += "</main>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace tc::report
