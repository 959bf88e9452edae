// The facts of a report, built once for every machine format.
#include "report/model.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace tc::report {
namespace {

namespace fs = std::filesystem;

std::string_view kind_name(analysis::FindingKind kind) {
  switch (kind) {
    case analysis::FindingKind::ObligationConflict: return "obligation_conflict";
    case analysis::FindingKind::PermissionConflict: return "permission_conflict";
    case analysis::FindingKind::UnsatisfiableBackground: return "unsatisfiable_background";
    case analysis::FindingKind::Unknown: return "unknown";
  }
  return "unknown";
}

std::string_view modality_name(sema::Modality modality) {
  switch (modality) {
    case sema::Modality::Obligation: return "obligation";
    case sema::Modality::Prohibition: return "prohibition";
    case sema::Modality::Permission: return "permission";
  }
  return "obligation";
}

/// Sets `path` and `under_root` of `out` from a file's canonical path.
void relativize(const fs::path& canonical, Location& out) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::current_path(ec), ec);
  std::string rel = canonical.lexically_relative(root).generic_string();
  out.under_root = !rel.empty() && rel != "." && rel.rfind("..", 0) != 0;
  out.path = out.under_root ? rel : canonical.generic_string();
}

/// Turns spans into locations, with paths relative to the working directory.
class Locator {
 public:
  explicit Locator(const SourceSet& sources) : sources_(sources) {}

  Location locate(Span span) const {
    Location out;
    if (span.file == 0 || span.file >= sources_.size()) return out;
    const SourceFile& file = sources_.file(span.file);
    out.file = file.path();
    LineColumn begin = file.locate(span.begin), end = file.locate(span.end);
    out.begin = {begin.line, begin.column};
    out.end = {end.line, end.column};
    std::error_code ec;
    fs::path canonical = sources_.canonical_path(span.file);
    if (canonical.empty()) canonical = fs::weakly_canonical(fs::path(file.path()), ec);
    relativize(canonical, out);
    return out;
  }

 private:
  const SourceSet& sources_;
};


EntityFacts entity(const sema::World& world, sema::EntityId id) {
  const sema::Entity& e = world.entities.at(id);
  return {e.name, e.display};
}

ClauseFacts clause_facts(const ReportInput& input, const Locator& locator, sema::ClauseId id, bool main) {
  const sema::World& world = input.world;
  const sema::Clause& clause = world.clauses.at(id);
  const sema::Treaty& treaty = world.treaties.at(clause.treaty);
  const sema::Article& article = world.articles.at(clause.article);
  ClauseFacts out;
  out.main = main;
  out.title = world.clause_title(id);
  out.treaty = treaty.name;
  out.treaty_title = treaty.title;
  out.treaty_draft = treaty.is_draft;
  out.treaty_political = treaty.kind == sema::TreatyKind::Political;
  out.article = article.label;
  out.article_title = article.title;
  out.index_in_article = clause.index_in_article;
  out.modality = modality_name(clause.modality);
  out.location = locator.locate(clause.span);
  out.text = clause_text(input.sources, world, id);
  return out;
}

InstanceFacts instance_facts(const sema::World& world, const analysis::InstanceInfo& instance, bool exercised) {
  const sema::Clause& clause = world.clauses.at(instance.clause);
  InstanceFacts out;
  out.exercised = exercised;
  out.clause = world.clause_title(instance.clause);
  out.bearer = entity(world, instance.bearer);
  for (std::size_t i = 0; i < clause.bindings.size() && i < instance.binding.size(); ++i)
    out.binding.emplace_back(clause.variables.at(clause.bindings[i].var).name, entity(world, instance.binding[i]));
  out.text = describe_instance(world, instance);
  return out;
}

std::optional<ResolutionFacts> resolution_facts(const sema::World& world, const analysis::Finding& f) {
  if (!f.resolution) return std::nullopt;
  ResolutionFacts out;
  out.prevailing = world.clause_title(f.resolution->prevailing);
  out.explanation = f.resolution->explanation;
  // The rules follow the contenders (clauses, then the permission) minus the winner.
  std::vector<sema::ClauseId> contenders = f.clauses;
  if (f.permission) contenders.push_back(*f.permission);
  std::size_t i = 0;
  for (sema::ClauseId c : contenders) {
    if (c == f.resolution->prevailing) continue;
    std::string rule = i < f.resolution->rules.size() ? std::string(analysis::rule_name(f.resolution->rules[i])) : "";
    out.over.emplace_back(world.clause_title(c), rule);
    ++i;
  }
  return out;
}

FindingFacts finding_facts(const ReportInput& input, const Locator& locator, const analysis::Finding& f,
                           const std::string& fail_on) {
  const sema::World& world = input.world;
  FindingFacts out;
  out.id = f.id;
  out.kind = kind_name(f.kind);
  out.code = diag_code(f.diag);
  out.rule = diag_name(f.diag);
  out.severity = severity_name(f.severity);
  out.message = headline(world, f);
  out.kind_value = f.kind;
  out.diag = f.diag;
  out.severity_value = f.severity;
  Severity threshold = fail_on == "warning" ? Severity::Warning : Severity::Error;
  out.failing = f.kind != analysis::FindingKind::Unknown && fail_on != "never" && f.severity >= threshold;
  std::vector<sema::ClauseId> order = ordered_clauses(world, f);
  std::set<std::string> instruments;
  for (std::size_t i = 0; i < order.size(); ++i) {
    out.clauses.push_back(clause_facts(input, locator, order[i], i == 0));
    instruments.insert(out.clauses.back().treaty);
  }
  out.instruments.assign(instruments.begin(), instruments.end());
  if (f.permission) out.permission = world.clause_title(*f.permission);
  out.instance_count = f.instance_count;
  if (f.exercised) out.instances.push_back(instance_facts(world, *f.exercised, true));
  for (const analysis::InstanceInfo& instance : f.representative)
    out.instances.push_back(instance_facts(world, instance, false));
  for (const analysis::WitnessFact& fact : f.witness) {
    WitnessFacts w;
    const ground::Problem& problem = input.problem_for(f);
    w.atom = problem.atom_text(world, fact.atom);
    w.quantity = problem.atoms.at(fact.atom).is_quantity;
    w.value = fact.value;
    w.text = describe_fact(world, problem, fact);
    out.witness.push_back(std::move(w));
  }
  for (sema::EntityId e : f.caught) out.caught.push_back(entity(world, e));
  for (std::uint32_t a : f.axioms) out.axiom_locations.push_back(locator.locate(world.axioms.at(a).span));
  if (f.caught.empty()) out.caught_none = describe_caught(world, f, sema::format_day(input.as_of), 0);
  out.resolution = resolution_facts(world, f);
  out.political = f.involves_political;
  out.replay_exhaustive = f.replay_exhaustive;
  out.cut_short = f.cut_short;
  out.question = f.question;
  out.unknown_reason = f.unknown_reason;
  out.readings = f.readings;
  if (f.readings) out.readings_text = describe_readings(*f.readings, f.kind == analysis::FindingKind::Unknown);
  return out;
}

}  // namespace

std::string_view change_name(Change change) {
  switch (change) {
    case Change::None: return "";
    case Change::Introduced: return "introduced";
    case Change::Unchanged: return "unchanged";
    case Change::Resolved: return "resolved";
  }
  return "";
}

std::string FindingFacts::scenario_text() const {
  std::string text;
  for (const WitnessFacts& w : witness) text += (text.empty() ? "" : "; ") + w.text;
  return text.empty() ? "any situation (no particular circumstance is needed)" : text;
}

std::string FindingFacts::caught_text(const std::string& as_of, std::size_t limit) const {
  if (caught.empty()) return caught_none;
  return plural(caught.size(), "party", "parties") + " (as of " + as_of + "): " + names(caught, limit) +
         (cut_short ? cut_short_note() : "");
}

std::string FindingFacts::clause_titles() const {
  std::string text;
  for (const ClauseFacts& c : clauses) text += (text.empty() ? "" : " / ") + c.title;
  return text;
}

std::string verdict_of(const std::vector<FindingFacts>& findings, bool internal_error) {
  if (internal_error) return "error";
  bool unknown = false;
  for (const FindingFacts& f : findings) {
    if (f.kind_value == analysis::FindingKind::Unknown) {
      unknown = true;
      continue;
    }
    if (!f.resolution) return "conflicts";
  }
  return unknown ? "unknown" : "consistent";
}

RunFacts build_run_facts(const ReportInput& input, const std::string& fail_on) {
  Locator locator(input.sources);
  RunFacts out;
  for (FileId file : input.world.root_files) {
    out.inputs.push_back(input.sources.file(file).path());
    out.input_locations.push_back(locator.locate(Span{file, 0, 0}));
  }
  out.as_of = sema::format_day(input.as_of);
  for (const analysis::Finding& f : input.analysis.findings) out.findings.push_back(finding_facts(input, locator, f, fail_on));
  out.summary.counts = summarize(input);
  out.summary.findings = out.findings.size();
  for (const FindingFacts& f : out.findings) {
    switch (f.severity_value) {
      case Severity::Error: out.summary.errors++; break;
      case Severity::Warning: out.summary.warnings++; break;
      case Severity::Note: out.summary.notes++; break;
    }
  }
  for (sema::TreatyId t = 0; t < input.world.treaties.size(); ++t) {
    if (t >= input.problem.treaty_in_force.size() || !input.problem.treaty_in_force[t]) continue;
    const sema::Treaty& treaty = input.world.treaties[t];
    bool applies = std::any_of(treaty.clauses.begin(), treaty.clauses.end(),
                               [&](sema::ClauseId c) { return !input.problem.norms_of_clause.at(c).empty(); });
    if (!applies) continue;
    out.instruments.push_back({treaty.name, treaty.title, treaty.in_root_file, locator.locate(treaty.span)});
  }
  std::sort(out.instruments.begin(), out.instruments.end(),
            [](const InstrumentFacts& a, const InstrumentFacts& b) { return a.name < b.name; });
  out.internal_error = input.analysis.internal_error;
  out.internal_error_message = input.analysis.internal_error_message;
  out.verdict = verdict_of(out.findings, out.internal_error);
  out.readings = input.analysis.readings;
  if (out.readings) out.readings_text = readings_run_text(*out.readings, out.summary.counts);
  return out;
}

std::vector<std::string> detail_lines(const FindingFacts& f, const std::string& as_of) {
  std::vector<std::string> out;
  using analysis::FindingKind;
  if (f.kind_value == FindingKind::Unknown) {
    out.push_back("unknown: treatycheck could not decide this question within its limits; it is NOT reported as "
                  "consistent. Raise --rlimit or --timeout, or split the corpus.");
  } else if (f.kind_value != FindingKind::UnsatisfiableBackground) {
    out.push_back("scenario: " + f.scenario_text());
    for (const InstanceFacts& i : f.instances) out.push_back("then: " + i.text);
    out.push_back(f.kind_value == FindingKind::PermissionConflict
                      ? "no course of conduct uses the permission while complying with the others."
                      : "no course of conduct complies with all of these at once.");
    out.push_back("caught: " + f.caught_text(as_of, 12));
    out.push_back(f.resolution ? "precedence: resolved -- " + f.resolution->explanation
                               : "precedence: none settles it");
    if (f.political && !f.resolution)
      out.push_back("note: a political commitment is involved: reported as a warning, not an error");
  }
  if (f.readings) out.push_back("readings: " + f.readings_text);
  std::string id = "id: " + f.id;
  if (f.kind_value == FindingKind::ObligationConflict || f.kind_value == FindingKind::PermissionConflict)
    id += " (" + std::to_string(f.instance_count) + (f.instance_count == 1 ? " instance)" : " instances)");
  out.push_back(id);
  return out;
}

Location locate_file(const std::string& path, std::uint32_t line) {
  Location out;
  out.file = path;
  out.begin = {line, 1};
  out.end = {line, 1};
  std::error_code ec;
  relativize(fs::weakly_canonical(fs::path(path), ec), out);
  return out;
}

Location locate_span(const SourceSet& sources, Span span) { return Locator(sources).locate(span); }

std::string uri_encode(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string line_link(const std::string& link_base, const Location& location) {
  std::string target = location.under_root ? uri_encode(location.path) : "file://" + uri_encode(location.path);
  if (location.under_root) target = link_base + target;
  return target + "#L" + std::to_string(location.begin.line);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string names(const std::vector<EntityFacts>& entities, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < entities.size() && i < limit; ++i) out += (i ? ", " : "") + entities[i].display;
  if (entities.size() > limit) out += ", and " + std::to_string(entities.size() - limit) + " more";
  return out;
}

}  // namespace tc::report
