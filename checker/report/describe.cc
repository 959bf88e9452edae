// Words for findings, shared by every report format.
#include <algorithm>
#include <functional>

#include "report/model.h"
#include "report/report.h"

namespace tc::report {
namespace {

constexpr std::size_t kMaxDescription = 240;

std::string cap(std::string text) {
  if (text.size() > kMaxDescription) text = text.substr(0, kMaxDescription - 3) + "...";
  return text;
}

const char* compare_text(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Lt: return " < ";
    case ast::CompareOp::Le: return " <= ";
    case ast::CompareOp::Eq: return " = ";
    case ast::CompareOp::Ne: return " != ";
    case ast::CompareOp::Ge: return " >= ";
    case ast::CompareOp::Gt: return " > ";
  }
  return " = ";
}

/// A resolved expression with the clause's variables replaced by names.
class ExprPrinter {
 public:
  ExprPrinter(const sema::World& world, const std::vector<sema::Variable>& variables, std::vector<sema::EntityId> env,
              std::vector<bool> bound)
      : world_(world), variables_(variables), env_(std::move(env)), bound_(std::move(bound)) {}

  std::string print(const sema::Expr& e, int parent_precedence = 0) const {
    auto binary = [&](const char* word, int precedence) {
      std::string text = print(e.args[0], precedence) + word + print(e.args[1], precedence);
      return precedence < parent_precedence ? "(" + text + ")" : text;
    };
    switch (e.op) {
      case sema::Op::True: return "true";
      case sema::Op::False: return "false";
      case sema::Op::Not: return "not " + print(e.args[0], 9);
      case sema::Op::And: return binary(" and ", 5);
      case sema::Op::Or: return binary(" or ", 4);
      case sema::Op::Implies: return binary(" implies ", 2);
      case sema::Op::Iff: return binary(" iff ", 2);
      case sema::Op::Excludes: return binary(" excludes ", 3);
      case sema::Op::Exists:
      case sema::Op::Forall: {
        std::string text = e.op == sema::Op::Exists ? "exists " : "forall ";
        for (std::size_t i = 0; i < e.bound.size(); ++i) text += (i ? ", " : "") + variables_.at(e.bound[i]).name;
        text += ": " + print(e.args[0], 0);
        return parent_precedence > 0 ? "(" + text + ")" : text;
      }
      case sema::Op::InSet: return print(e.args[0], 7) + " in a set";
      case sema::Op::Compare: return print(e.args[0], 7) + compare_text(e.compare) + print(e.args[1], 7);
      case sema::Op::Atom:
      case sema::Op::Definition: {
        std::string name = e.op == sema::Op::Atom ? world_.atoms.at(e.id).name : world_.definitions.at(e.id).name;
        if (e.args.empty()) return name;
        std::string text = name + "(";
        for (std::size_t i = 0; i < e.args.size(); ++i) text += (i ? ", " : "") + print(e.args[i], 0);
        return text + ")";
      }
      case sema::Op::Var:
        if (e.id < env_.size() && e.id < bound_.size() && bound_[e.id]) return world_.entities.at(env_[e.id]).display;
        return e.id < variables_.size() ? variables_[e.id].name : "?";
      case sema::Op::Entity: return world_.entities.at(e.id).display;
      case sema::Op::Int: return std::to_string(e.value);
      case sema::Op::Add: return binary(" + ", 6);
      case sema::Op::Sub: return binary(" - ", 6);
      case sema::Op::Mul: return binary(" * ", 7);
      case sema::Op::Neg: return "-" + print(e.args[0], 8);
    }
    return "?";
  }

 private:
  const sema::World& world_;
  const std::vector<sema::Variable>& variables_;
  std::vector<sema::EntityId> env_;
  std::vector<bool> bound_;
};

}  // namespace

sema::ClauseId main_clause(const sema::World& world, const analysis::Finding& finding) {
  std::vector<sema::ClauseId> all = finding.clauses;
  if (finding.permission) all.insert(all.begin(), *finding.permission);
  for (sema::ClauseId c : all)
    if (world.treaties.at(world.clauses.at(c).treaty).in_root_file) return c;
  return all.empty() ? 0 : all.front();
}

std::vector<sema::ClauseId> ordered_clauses(const sema::World& world, const analysis::Finding& finding) {
  std::vector<sema::ClauseId> all = finding.clauses;
  if (finding.permission) all.insert(all.begin(), *finding.permission);
  if (all.empty()) return all;
  sema::ClauseId lead = main_clause(world, finding);
  std::stable_partition(all.begin(), all.end(), [&](sema::ClauseId c) { return c == lead; });
  return all;
}

std::string describe(const sema::World& world, const ground::Problem& problem, ground::NodeId id) {
  std::function<std::string(ground::NodeId, int)> go = [&](ground::NodeId node_id, int parent) -> std::string {
    const ground::Node& n = problem.pool.node(node_id);
    auto join = [&](const char* word, int precedence) {
      std::string text;
      for (std::size_t i = 0; i < n.kids.size(); ++i) text += (i ? word : "") + go(n.kids[i], precedence);
      return precedence < parent ? "(" + text + ")" : text;
    };
    switch (n.op) {
      case ground::NodeOp::True: return "true";
      case ground::NodeOp::False: return "false";
      case ground::NodeOp::BoolAtom:
      case ground::NodeOp::IntAtom: return problem.atom_text(world, n.id);
      case ground::NodeOp::IntConst: return std::to_string(n.value);
      case ground::NodeOp::Not: return "not " + go(n.kids[0], 9);
      case ground::NodeOp::And: return join(" and ", 5);
      case ground::NodeOp::Or: return join(" or ", 4);
      case ground::NodeOp::Implies: return join(" implies ", 2);
      case ground::NodeOp::Iff: return join(" iff ", 2);
      case ground::NodeOp::Add: return join(" + ", 6);
      case ground::NodeOp::Mul: return join(" * ", 7);
      case ground::NodeOp::Neg: return "-" + go(n.kids[0], 8);
      case ground::NodeOp::Le: return join(" <= ", 7);
      case ground::NodeOp::Lt: return join(" < ", 7);
      case ground::NodeOp::Eq: return join(" = ", 7);
    }
    return "?";
  };
  return cap(go(id, 0));
}

std::string describe_fact(const sema::World& world, const ground::Problem& problem, const analysis::WitnessFact& fact) {
  const ground::GroundAtom& atom = problem.atoms.at(fact.atom);
  std::string text = problem.atom_text(world, fact.atom);
  if (atom.is_quantity) return text + " = " + std::to_string(fact.value);
  return fact.value ? text : "not " + text;
}

std::string describe_in_instance(const sema::World& world, const analysis::InstanceInfo& instance,
                                 const sema::Expr& expr) {
  const sema::Clause& clause = world.clauses.at(instance.clause);
  std::vector<sema::EntityId> env(clause.variables.size(), 0);
  std::vector<bool> bound(clause.variables.size(), false);
  for (std::size_t i = 0; i < clause.bindings.size() && i < instance.binding.size(); ++i) {
    env[clause.bindings[i].var] = instance.binding[i];
    bound[clause.bindings[i].var] = true;
  }
  return cap(ExprPrinter(world, clause.variables, env, bound).print(expr));
}

std::string describe_instance(const sema::World& world, const analysis::InstanceInfo& instance) {
  const sema::Clause& clause = world.clauses.at(instance.clause);
  const char* verb = clause.modality == sema::Modality::Obligation    ? " obliges "
                     : clause.modality == sema::Modality::Prohibition ? " forbids "
                                                                      : " permits ";
  return cap(world.clause_title(instance.clause) + verb + world.entities.at(instance.bearer).display + ": " +
             describe_in_instance(world, instance, clause.content));
}

std::vector<std::string> describe_instances(const sema::World& world, const ground::Problem& problem,
                                            const analysis::Finding& finding) {
  std::vector<std::string> out;
  if (finding.exercised) out.push_back(describe_instance(world, *finding.exercised));
  for (const analysis::InstanceInfo& instance : finding.representative) out.push_back(describe_instance(world, instance));
  return out;
}

std::string cut_short_note() {
  return " (the run was stopped while this finding was written up: only the parties checked before the stop are "
         "listed, and the scenario is not cut to the facts that matter)";
}

std::string describe_caught(const sema::World& world, const analysis::Finding& finding, const std::string& as_of,
                            std::size_t limit) {
  const std::vector<sema::EntityId>& caught = finding.caught;
  if (!caught.empty()) {
    std::string text = std::to_string(caught.size()) + (caught.size() == 1 ? " party" : " parties") + " (as of " +
                       as_of + "): ";
    for (std::size_t i = 0; i < caught.size() && i < limit; ++i)
      text += (i ? ", " : "") + world.entities.at(caught[i]).display;
    if (caught.size() > limit) text += ", and " + std::to_string(caught.size() - limit) + " more";
    return finding.cut_short ? text + cut_short_note() : text;
  }
  if (finding.cut_short) return "none found before the stop" + cut_short_note();
  // Who is bound by which clause, from the representative instances.
  std::vector<std::pair<sema::EntityId, sema::ClauseId>> bound;
  auto add = [&](const analysis::InstanceInfo& i) {
    if (std::find(bound.begin(), bound.end(), std::make_pair(i.bearer, i.clause)) == bound.end())
      bound.emplace_back(i.bearer, i.clause);
  };
  if (finding.exercised) add(*finding.exercised);
  for (const analysis::InstanceInfo& i : finding.representative) add(i);
  std::string text = "no single party is bound by every clause and caught on its own (as of " + as_of + ")";
  for (std::size_t i = 0; i < bound.size(); ++i)
    text += (i ? ", " : "; bound: ") + world.entities.at(bound[i].first).display + " (" +
            world.clause_title(bound[i].second) + ")";
  return text;
}

std::string headline(const sema::World& world, const analysis::Finding& finding) {
  using analysis::FindingKind;
  switch (finding.kind) {
    case FindingKind::UnsatisfiableBackground:
      return "the axioms and facts contradict each other: no situation satisfies them, so nothing else can be checked";
    case FindingKind::Unknown:
      return "could not settle " + finding.question + ": " + finding.unknown_reason;
    case FindingKind::PermissionConflict: {
      std::string text = world.clause_title(*finding.permission) + " permission cannot be used without breaching ";
      for (std::size_t i = 0; i < finding.clauses.size(); ++i)
        text += (i ? (i + 1 == finding.clauses.size() ? " and " : ", ") : "") + world.clause_title(finding.clauses[i]);
      return text;
    }
    case FindingKind::ObligationConflict: {
      std::vector<sema::ClauseId> order = ordered_clauses(world, finding);
      if (order.size() == 1) return world.clause_title(order[0]) + " cannot be complied with in some situation";
      std::string text = world.clause_title(order[0]) + " cannot be complied with together with ";
      for (std::size_t i = 1; i < order.size(); ++i)
        text += (i > 1 ? (i + 1 == order.size() ? " and " : ", ") : "") + world.clause_title(order[i]);
      return text;
    }
  }
  return "";
}

std::string clause_text(const SourceSet& sources, const sema::World& world, sema::ClauseId clause) {
  Span span = world.clauses.at(clause).span;
  if (span.file == 0 || span.file >= sources.size()) return "";
  const std::string& text = sources.file(span.file).text();
  std::string raw = text.substr(span.begin, span.end - span.begin);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Summary summarize(const ReportInput& input) {
  Summary s;
  for (const analysis::Finding& f : input.analysis.findings) {
    switch (f.kind) {
      case analysis::FindingKind::ObligationConflict:
        s.conflicts++;
        (f.resolution ? s.resolved : s.unresolved)++;
        break;
      case analysis::FindingKind::PermissionConflict:
        s.permission_conflicts++;
        if (f.resolution) s.permission_resolved++;
        break;
      case analysis::FindingKind::Unknown: s.unknown++; break;
      case analysis::FindingKind::UnsatisfiableBackground: s.background++; break;
    }
  }
  for (sema::TreatyId t = 0; t < input.world.treaties.size(); ++t)
    if (input.problem.treaty_in_force.size() > t && input.problem.treaty_in_force[t]) s.instruments++;
  for (sema::ClauseId c = 0; c < input.world.clauses.size(); ++c)
    if (!input.problem.norms_of_clause.at(c).empty()) s.clauses++;
  s.states = input.world.sorts.at(sema::kStateSort).members.size();
  return s;
}

std::string permission_conflicts_text(const Summary& s) {
  std::string text = plural(s.permission_conflicts, "permission conflict", "permission conflicts");
  if (s.permission_resolved == 0) return text;
  if (s.permission_resolved == s.permission_conflicts) return text + " (resolved by precedence)";
  return text + " (" + std::to_string(s.permission_resolved) + " resolved by precedence)";
}

std::string summary_text(const Summary& s, const std::string& as_of) {
  return plural(s.conflicts, "conflict", "conflicts") + " (" + std::to_string(s.unresolved) + " unresolved, " +
         std::to_string(s.resolved) + " resolved by precedence), " + permission_conflicts_text(s) + ", " +
         std::to_string(s.unknown) + " unknown" + (s.background ? ", background unsatisfiable" : "") + "; " +
         plural(s.instruments, "instrument", "instruments") + " in force, " + plural(s.clauses, "clause", "clauses") +
         ", " + plural(s.states, "state", "states") + ", as of " + as_of;
}

}  // namespace tc::report

namespace tc::report {

std::string joined(const std::vector<std::string>& items, const std::string& separator, const std::string& last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? last : separator) + items[i];
  return out;
}

namespace {

/// "affects_security=broad with at_expense_of=broad".
std::string combination_text(const std::vector<std::string>& terms, const std::vector<std::string>& readings) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < terms.size() && i < readings.size(); ++i) parts.push_back(terms[i] + "=" + readings[i]);
  return joined(parts, " with ", " with ");
}

std::string combinations_text(const std::vector<std::string>& terms, const std::vector<std::vector<std::string>>& combos) {
  std::vector<std::string> parts;
  for (const std::vector<std::string>& c : combos) parts.push_back(combination_text(terms, c));
  return joined(parts, "; ", "; ");
}

}  // namespace

std::string describe_readings(const analysis::FindingReadings& r, bool open_question) {
  std::string verb = open_question ? "is open" : "holds";
  std::string text;
  if (r.decisive.empty()) {
    text = r.varied.empty() ? verb + " under every reading (no term with several readings bears on it)"
                            : verb + " under every reading of " + joined(r.varied, ", ", " and ");
  } else {
    // Per decisive term, the readings that occur among the holding combinations.
    std::vector<std::vector<std::string>> per_term(r.decisive.size());
    for (std::size_t t = 0; t < r.decisive.size(); ++t) {
      for (const std::vector<std::string>& combo : r.holds_under)
        if (std::find(per_term[t].begin(), per_term[t].end(), combo[t]) == per_term[t].end())
          per_term[t].push_back(combo[t]);
    }
    std::size_t product = 1;
    for (const auto& readings : per_term) product *= readings.size();
    if (r.holds_under.empty()) {
      text = verb + " under no reading checked";
    } else if (product == r.holds_under.size()) {
      std::vector<std::string> parts;
      for (std::size_t t = 0; t < r.decisive.size(); ++t)
        parts.push_back("the " + joined(per_term[t], ", ", " or ") + " reading of " + r.decisive[t]);
      text = verb + " only under " + joined(parts, ", ", " and ");
    } else {
      text = verb + " only under " + combinations_text(r.decisive, r.holds_under);
    }
  }
  if (!r.undecided_under.empty())
    text += "; undecided (solver limits) under " +
            (r.decisive.empty() ? std::string("every reading") : combinations_text(r.decisive, r.undecided_under));
  return text;
}

std::string describe_readings_run(const analysis::ReadingsSummary& summary) {
  std::vector<std::string> varied, fixed, unused;
  for (const analysis::TermReadings& t : summary.terms) {
    if (t.role == "fixed") fixed.push_back(t.term + "=" + t.chosen);
    else if (t.role == "unused") unused.push_back(t.term);
    else varied.push_back(t.term);
  }
  std::string text = std::to_string(summary.combinations) + " of " + std::to_string(summary.product) +
                     (summary.product == 1 ? " combination" : " combinations") + " of readings checked";
  if (!varied.empty()) text += "; varied: " + joined(varied, ", ", ", ");
  if (!fixed.empty()) text += "; fixed by --reading: " + joined(fixed, ", ", ", ");
  if (!unused.empty()) text += "; cannot matter here: " + joined(unused, ", ", ", ");
  if (summary.terms.empty()) text += " (no term has several readings)";
  return text;
}

std::string readings_run_text(const analysis::ReadingsSummary& summary, const Summary& counts) {
  std::string text = describe_readings_run(summary);
  if (counts.conflicts + counts.permission_conflicts + counts.background == 0)
    text += counts.unknown ? "; no conflict found under any reading, but some questions are unknown"
                           : "; no conflict under any reading";
  return text;
}

}  // namespace tc::report
