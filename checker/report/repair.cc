// `treatycheck repair`: suggested edits in words and as patches.
#include "report/repair.h"

#include "report/report.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <sstream>

namespace tc::report {
namespace {

/// Individuals an exception may quantify over: each one multiplies the
/// grounding of the limited clause by the size of its domain.
constexpr std::size_t kMaxQuantified = 2;

std::string set_of_sort(const sema::World& world, sema::SortId sort) {
  if (sort == sema::kStateSort) return "states";
  if (sort == sema::kInstitutionSort) return "institutions";
  if (sort == sema::kPartySort) return "states union institutions";
  return world.sorts.at(sort).name;
}

/// The instance of `clause` in a finding (the used permission, or the first representative one).
const analysis::InstanceInfo* instance_of(const analysis::Finding& f, sema::ClauseId clause) {
  if (f.exercised && f.exercised->clause == clause) return &*f.exercised;
  for (const analysis::InstanceInfo& i : f.representative)
    if (i.clause == clause) return &i;
  return nullptr;
}

/// Names for quantified individuals that clash with nothing the clause or the corpus names.
class FreshNames {
 public:
  FreshNames(const sema::World& world, const sema::Clause& clause) : world_(world) {
    for (const sema::Variable& v : clause.variables) used_.insert(v.name);
  }
  std::string next() {
    static const char* base[] = {"x", "y", "z", "w"};
    for (std::size_t round = 0;; ++round)
      for (const char* b : base) {
        std::string name = round == 0 ? b : b + std::to_string(round + 1);
        if (used_.count(name) || world_.entity_by_name.count(name) || world_.atom_by_name.count(name)) continue;
        used_.insert(name);
        return name;
      }
  }

 private:
  const sema::World& world_;
  std::set<std::string> used_;
};

/// One finding's witness over the clause's variables.
std::string condition_of(const sema::World& world, const ground::Problem& problem, const analysis::Finding& f,
                         const analysis::InstanceInfo& instance) {
  const sema::Clause& clause = world.clauses.at(instance.clause);
  std::map<sema::EntityId, std::string> name_of;
  for (std::size_t i = 0; i < clause.bindings.size() && i < instance.binding.size(); ++i)
    name_of.emplace(instance.binding[i], clause.variables.at(clause.bindings[i].var).name);
  FreshNames fresh(world, clause);
  std::vector<std::pair<std::string, sema::SortId>> quantified;
  std::vector<std::string> facts;
  std::set<sema::EntityId> own;
  for (const auto& [entity, name] : name_of) own.insert(entity);
  for (const analysis::WitnessFact& fact : f.witness) {
    const ground::GroundAtom& atom = problem.atoms.at(fact.atom);
    const sema::Atom& declared = world.atoms.at(atom.atom);
    // Only circumstances of the instance's own individuals limit the clause;
    // the rest of the witness is about other States.
    if (std::none_of(atom.args.begin(), atom.args.end(), [&](sema::EntityId e) { return own.count(e) > 0; })) continue;
    std::size_t strangers = std::count_if(atom.args.begin(), atom.args.end(), [&](sema::EntityId e) { return !name_of.count(e); });
    if (quantified.size() + strangers > kMaxQuantified) continue;
    std::string text = declared.name;
    for (std::size_t i = 0; i < atom.args.size(); ++i) {
      auto it = name_of.find(atom.args[i]);
      if (it == name_of.end()) {
        it = name_of.emplace(atom.args[i], fresh.next()).first;
        quantified.emplace_back(it->second, i < declared.params.size() ? declared.params[i] : sema::kStateSort);
      }
      text += (i ? ", " : "(") + it->second;
    }
    if (!atom.args.empty()) text += ")";
    if (atom.is_quantity) text += " = " + std::to_string(fact.value);
    else if (!fact.value) text = "not " + text;
    facts.push_back(text);
  }
  if (facts.empty()) return "";
  std::string body;
  for (const std::string& fact : facts) body += (body.empty() ? "" : " and ") + fact;
  if (quantified.empty()) return body;
  std::string binders;
  for (std::size_t i = 0; i < quantified.size(); ++i) {
    bool same_as_next = i + 1 < quantified.size() && quantified[i + 1].second == quantified[i].second;
    binders += quantified[i].first + (same_as_next ? ", " : " in " + set_of_sort(world, quantified[i].second));
    if (!same_as_next && i + 1 < quantified.size()) binders += ", ";
  }
  return "exists " + binders + ": " + body;
}

std::string location(const SourceSet& sources, FileId file, std::uint32_t offset) {
  const SourceFile& f = sources.file(file);
  LineColumn at = f.locate(offset);
  return f.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string collapsed(const std::string& raw) {
  std::string out;
  for (char c : raw) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string exception_condition(const sema::World& world, const ground::Problem& problem,
                                const std::vector<const analysis::Finding*>& findings, sema::ClauseId clause) {
  std::vector<std::string> parts;
  for (const analysis::Finding* f : findings) {
    const analysis::InstanceInfo* instance = instance_of(*f, clause);
    if (!instance) continue;
    std::string condition = condition_of(world, problem, *f, *instance);
    if (condition.empty()) return "";  // the conflict needs no circumstance: no exception limits it
    if (std::find(parts.begin(), parts.end(), condition) == parts.end()) parts.push_back(condition);
  }
  if (parts.size() == 1) return parts[0];
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "(" : " or (") + p + ")";
  return out;
}

RepairEdit exception_edit(const SourceSet& sources, const sema::World& world, sema::ClauseId clause,
                          const std::string& condition) {
  RepairEdit edit;
  edit.clause = clause;
  edit.condition = condition;
  const sema::Clause& c = world.clauses.at(clause);
  edit.insert_at = c.bearer.span.begin;
  const std::string& text = sources.file(c.span.file).text();
  std::size_t line_start = text.rfind('\n', edit.insert_at == 0 ? 0 : edit.insert_at - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  std::string before = text.substr(line_start, edit.insert_at - line_start);
  bool starts_line = std::all_of(before.begin(), before.end(), [](char ch) { return ch == ' ' || ch == '\t'; });
  edit.insertion = "unless " + condition + (starts_line ? "\n" + before : " ");
  // "unless crisis(p)" on a clause that applies "when crisis(p)" leaves it
  // nothing to apply to: say so rather than pass it off as a limitation.
  std::vector<std::string> own;
  analysis::InstanceInfo unbound{clause, {}, 0, 0};
  for (const sema::Condition& k : c.conditions)
    own.push_back((k.is_unless ? "not " : "") + describe_in_instance(world, unbound, k.formula));
  std::vector<std::string> conjuncts;
  for (std::size_t at = 0;;) {
    std::size_t next = condition.find(" and ", at);
    conjuncts.push_back(condition.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + 5;
  }
  edit.repeats_condition =
      condition.rfind("exists ", 0) != 0 && condition.find(" or ") == std::string::npos &&
      std::all_of(conjuncts.begin(), conjuncts.end(),
                  [&](const std::string& k) { return std::find(own.begin(), own.end(), k) != own.end(); });
  return edit;
}

std::map<FileId, std::string> patched_files(const SourceSet& sources, const sema::World& world,
                                            const RepairSuggestion& suggestion, bool exceptions) {
  // (file, offset, length removed, text inserted), applied from the end so offsets stay valid.
  std::vector<std::tuple<FileId, std::uint32_t, std::uint32_t, std::string>> changes;
  for (const RepairEdit& edit : suggestion.edits) {
    Span span = world.clauses.at(edit.clause).span;
    if (exceptions)
      changes.emplace_back(span.file, edit.insert_at, 0, edit.insertion);
    else
      changes.emplace_back(span.file, span.begin, span.end - span.begin,
                           "/* removed by treatycheck repair: " + world.clause_title(edit.clause) + " */");
  }
  std::sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) > std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::map<FileId, std::string> out;
  for (const auto& [file, offset, length, insertion] : changes) {
    auto it = out.find(file);
    if (it == out.end()) it = out.emplace(file, sources.file(file).text()).first;
    it->second.replace(offset, length, insertion);
  }
  return out;
}

std::string render_repair(const SourceSet& sources, const sema::World& world,
                          const std::vector<RepairSuggestion>& suggestions, std::size_t conflicts, std::size_t unknown) {
  std::ostringstream out;
  std::string open_questions =
      unknown ? std::to_string(unknown) + (unknown == 1 ? " question is" : " questions are") +
                    " unknown: a conflict may hide there, and no suggestion addresses it (treatycheck check "
                    "lists them; raise the limits to settle them).\n"
              : "";
  if (conflicts == 0) {
    out << "nothing to repair: no unresolved conflict and no permission conflict.\n" << open_questions;
    return out.str();
  }
  out << open_questions;
  out << conflicts << (conflicts == 1 ? " conflict" : " conflicts")
      << " to repair. Smallest sets of clauses to limit or remove, fewest edits to other instruments first;\n"
      << "each suggestion was checked by running the analysis again on the edited corpus.\n";
  if (suggestions.empty()) out << "\nno set of clauses within --max-size meets every conflict; raise --max-size.\n";
  for (std::size_t n = 0; n < suggestions.size(); ++n) {
    const RepairSuggestion& s = suggestions[n];
    std::string titles;
    for (const RepairEdit& e : s.edits) titles += (titles.empty() ? "" : " and ") + world.clause_title(e.clause);
    bool limits = std::all_of(s.edits.begin(), s.edits.end(), [](const RepairEdit& e) { return !e.condition.empty(); });
    out << "\n" << n + 1 << (limits ? ". limit " : ". delete ") << titles << "  (removes ";
    for (std::size_t i = 0; i < s.removes.size(); ++i) out << (i ? ", " : "") << s.removes[i];
    out << ")\n";
    for (const RepairEdit& e : s.edits) {
      const sema::Clause& clause = world.clauses.at(e.clause);
      if (e.condition.empty()) {
        out << "   " << location(sources, clause.span.file, clause.span.begin) << ": " << world.clause_title(e.clause)
            << ": no circumstance of the witness concerns this clause's parties, so no exception is drawn from it\n";
        continue;
      }
      std::string bearer = sources.file(clause.span.file).text().substr(clause.bearer.span.begin,
                                                                        clause.span.end - clause.bearer.span.begin);
      out << "   " << location(sources, clause.span.file, e.insert_at) << ": in " << world.clause_title(e.clause)
          << ", before \"" << collapsed(bearer) << "\" add:\n"
          << "       unless " << e.condition << "\n";
      if (e.repeats_condition)
        out << "   (this repeats the clause's own condition: the clause would never apply, as if deleted)\n";
    }
    if (s.exception_clean)
      out << "   checked: with " << (s.edits.size() == 1 ? "this exception" : "these exceptions")
          << " the corpus has no unresolved conflict.\n";
    else if (!s.exception_note.empty())
      out << "   not enough: with " << (s.edits.size() == 1 ? "this exception " : "these exceptions ")
          << s.exception_note << ".\n";
    if (s.removal_clean)
      out << (limits ? "   or delete " : "   delete ") << (s.edits.size() == 1 ? "the clause" : "the clauses")
          << "; checked: without " << (s.edits.size() == 1 ? "it" : "them") << " the corpus has no unresolved conflict.\n";
    else
      out << "   deleting " << (s.edits.size() == 1 ? "the clause" : "the clauses") << " is not enough: "
          << s.removal_note << ".\n";
  }
  return out.str();
}

}  // namespace tc::report
