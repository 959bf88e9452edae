// --all-readings: plan the combinations of readings that can matter, run
// the analysis once per combination, merge the findings by stable id.
#include "analysis/readings.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace tc::analysis {
namespace {

/// What an expression reaches through every reading of every definition it uses.
struct Reach {
  std::set<sema::AtomId> conduct;        ///< conduct predicates
  std::set<sema::DefinitionId> terms;    ///< definitions with several readings
};

class Reacher {
 public:
  explicit Reacher(const sema::World& world) : world_(world), memo_(world.definitions.size()) {}

  void expr(const sema::Expr& e, Reach& out) {
    if (e.op == sema::Op::Atom && world_.atoms.at(e.id).is_conduct) out.conduct.insert(e.id);
    if (e.op == sema::Op::Definition) merge(definition(e.id), out);
    for (const sema::Expr& a : e.args) expr(a, out);
    for (const sema::Set& s : e.bound_sets) set(s, out);
    for (const sema::Set& s : e.set) set(s, out);
  }

  void set(const sema::Set& s, Reach& out) {
    for (const sema::Expr& x : s.filter) expr(x, out);
    for (const sema::Set& c : s.children) set(c, out);
  }

 private:
  static void merge(const Reach& from, Reach& into) {
    into.conduct.insert(from.conduct.begin(), from.conduct.end());
    into.terms.insert(from.terms.begin(), from.terms.end());
  }

  const Reach& definition(sema::DefinitionId id) {
    std::optional<Reach>& slot = memo_.at(id);
    if (slot) return *slot;
    slot.emplace();  // sema rejects recursion; an empty entry also stops a cycle here
    Reach reach;
    const sema::Definition& d = world_.definitions[id];
    if (d.readings.size() > 1) reach.terms.insert(id);
    for (const sema::Definition::Reading& r : d.readings) expr(r.body, reach);
    slot = std::move(reach);
    return *slot;
  }

  const sema::World& world_;
  std::vector<std::optional<Reach>> memo_;
};

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

Reach clause_reach(Reacher& reacher, const sema::World& world, const sema::Clause& clause) {
  Reach reach;
  reacher.expr(clause.content, reach);
  reacher.expr(clause.bearer, reach);
  for (const sema::Condition& c : clause.conditions) reacher.expr(c.formula, reach);
  if (clause.where) reacher.expr(*clause.where, reach);
  for (const sema::Binding& b : clause.bindings) reacher.set(b.domain, reach);
  const sema::Treaty& treaty = world.treaties.at(clause.treaty);
  if (treaty.parties) reacher.set(*treaty.parties, reach);
  return reach;
}

Reach axiom_reach(Reacher& reacher, const sema::Axiom& axiom) {
  Reach reach;
  reacher.expr(axiom.body, reach);
  if (axiom.where) reacher.expr(*axiom.where, reach);
  for (const sema::Binding& b : axiom.bindings) reacher.set(b.domain, reach);
  return reach;
}

/// Adds to `out` every combination of readings of `terms` (in order),
/// starting from `base`.
void product(const sema::World& world, const std::vector<sema::DefinitionId>& terms, std::size_t i, ReadingChoice& base,
             std::vector<ReadingChoice>& out) {
  if (i == terms.size()) {
    out.push_back(base);
    return;
  }
  const sema::Definition& d = world.definitions[terms[i]];
  std::string saved = base[d.name];
  for (const sema::Definition::Reading& r : d.readings) {
    base[d.name] = r.name;
    product(world, terms, i + 1, base, out);
  }
  base[d.name] = saved;
}

/// Whether the finding holds, is absent, or was left undecided under one combination.
enum class Outcome { Absent, Holds, Undecided };

/// Clauses of a finding (the permission included).
std::set<sema::ClauseId> clauses_of(const Finding& f) {
  std::set<sema::ClauseId> out(f.clauses.begin(), f.clauses.end());
  if (f.permission) out.insert(*f.permission);
  return out;
}

Outcome outcome(const Finding& f, const Analysis& analysis) {
  std::set<sema::ClauseId> mine = clauses_of(f);
  for (const Finding& g : analysis.findings) {
    if (g.id == f.id) return Outcome::Holds;
  }
  // An open question is either open or not; another one cannot hide it.
  if (f.kind == FindingKind::Unknown) return Outcome::Absent;
  for (const Finding& g : analysis.findings) {
    if (g.kind != FindingKind::Unknown) continue;
    // An unknown names the clauses of the question it left open; one that
    // covers the finding's clauses (or the background, with none) may hide it.
    std::set<sema::ClauseId> open(g.clauses.begin(), g.clauses.end());
    if (g.clauses.empty() || std::includes(open.begin(), open.end(), mine.begin(), mine.end()))
      return Outcome::Undecided;
  }
  return Outcome::Absent;
}

/// The readings of one merged finding from its outcomes under the
/// combinations `checked` (a full product over `varied`).
FindingReadings finding_readings(const std::vector<std::string>& varied, const std::vector<const ReadingChoice*>& checked,
                                 const std::vector<Outcome>& outcomes) {
  FindingReadings out;
  out.varied = varied;
  out.checked = checked.size();
  auto differs_only_in = [&](const ReadingChoice& a, const ReadingChoice& b, const std::string& term) {
    for (const std::string& t : varied)
      if (t != term && a.at(t) != b.at(t)) return false;
    return a.at(term) != b.at(term);
  };
  for (const std::string& term : varied) {
    bool decisive = false;
    for (std::size_t i = 0; i < checked.size() && !decisive; ++i)
      for (std::size_t j = i + 1; j < checked.size() && !decisive; ++j)
        decisive = outcomes[i] != outcomes[j] && differs_only_in(*checked[i], *checked[j], term);
    if (decisive) out.decisive.push_back(term);
  }
  std::set<std::vector<std::string>> holds, undecided;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    std::vector<std::string> key;
    for (const std::string& t : out.decisive) key.push_back(checked[i]->at(t));
    if (outcomes[i] == Outcome::Holds) holds.insert(key);
    if (outcomes[i] == Outcome::Undecided) undecided.insert(key);
  }
  out.holds_under.assign(holds.begin(), holds.end());
  out.undecided_under.assign(undecided.begin(), undecided.end());
  return out;
}

std::vector<std::string> names_of(const sema::World& world, const std::vector<sema::DefinitionId>& ids) {
  std::vector<std::string> out;
  for (sema::DefinitionId d : ids) out.push_back(world.definitions[d].name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

ReadingPlan plan_readings(const sema::World& world, const ground::GroundOptions& options) {
  ReadingPlan plan;
  Reacher reacher(world);
  std::size_t clause_count = world.clauses.size(), atom_count = world.atoms.size();
  // Nodes: clauses, then conduct predicates, then terms.
  UnionFind uf(clause_count + atom_count + world.definitions.size());
  std::set<sema::DefinitionId> global, used;
  for (const sema::Axiom& axiom : world.axioms) {
    Reach reach = axiom_reach(reacher, axiom);
    global.insert(reach.terms.begin(), reach.terms.end());
    for (sema::AtomId a : reach.conduct) uf.unite(clause_count + *reach.conduct.begin(), clause_count + a);
  }
  auto fixed = [&](sema::DefinitionId d) { return options.readings.count(world.definitions[d].name) > 0; };
  plan.group_of_clause.assign(clause_count, -1);
  std::vector<Reach> reaches(clause_count);
  for (sema::ClauseId c = 0; c < clause_count; ++c) {
    const sema::Clause& clause = world.clauses[c];
    if (options.excluded_treaties.count(clause.treaty) ||
        !ground::treaty_in_force(world.treaties.at(clause.treaty), options.as_of))
      continue;
    plan.group_of_clause[c] = 0;
    reaches[c] = clause_reach(reacher, world, clause);
    for (sema::AtomId a : reaches[c].conduct) uf.unite(c, clause_count + a);
    for (sema::DefinitionId d : reaches[c].terms) {
      used.insert(d);
      if (!global.count(d) && !fixed(d)) uf.unite(c, clause_count + atom_count + d);
    }
  }
  // Groups: the classes of clauses in force, numbered in clause order.
  std::map<std::size_t, int> group_of_root;
  std::vector<std::set<sema::DefinitionId>> group_own;
  for (sema::ClauseId c = 0; c < clause_count; ++c) {
    if (plan.group_of_clause[c] < 0) continue;
    auto [it, added] = group_of_root.emplace(uf.find(c), static_cast<int>(group_own.size()));
    if (added) group_own.emplace_back();
    plan.group_of_clause[c] = it->second;
    for (sema::DefinitionId d : reaches[c].terms)
      if (!global.count(d) && !fixed(d)) group_own[it->second].insert(d);
  }
  std::vector<sema::DefinitionId> global_varied;
  for (sema::DefinitionId d : global)
    if (!fixed(d)) global_varied.push_back(d);
  plan.global_terms = names_of(world, global_varied);
  // The terms' roles and the unpruned product.
  plan.summary.product = 1;
  for (sema::DefinitionId d = 0; d < world.definitions.size(); ++d) {
    const sema::Definition& def = world.definitions[d];
    if (def.readings.size() < 2) continue;
    TermReadings t;
    t.term = def.name;
    for (const sema::Definition::Reading& r : def.readings) t.readings.push_back(r.name);
    t.default_reading = def.readings.at(def.default_reading).name;
    t.role = fixed(d) ? "fixed" : global.count(d) ? "global" : used.count(d) ? "varied" : "unused";
    if (fixed(d)) t.chosen = options.readings.at(def.name);
    for (std::size_t g = 0; g < group_own.size(); ++g)
      if (group_own[g].count(d)) t.group = g;
    if (!fixed(d)) plan.summary.product *= def.readings.size();
    plan.summary.terms.push_back(std::move(t));
  }
  std::sort(plan.summary.terms.begin(), plan.summary.terms.end(),
            [](const TermReadings& a, const TermReadings& b) { return a.term < b.term; });
  // The defaults first, then each group's product with the global terms.
  ReadingChoice base;
  for (sema::DefinitionId d : used) base[world.definitions[d].name] = world.definitions[d].readings.at(world.definitions[d].default_reading).name;
  for (sema::DefinitionId d : global) base[world.definitions[d].name] = world.definitions[d].readings.at(world.definitions[d].default_reading).name;
  for (const auto& [term, reading] : options.readings)
    if (base.count(term)) base[term] = reading;
  std::vector<ReadingChoice> all{base};
  for (const std::set<sema::DefinitionId>& own : group_own) {
    std::vector<sema::DefinitionId> terms = global_varied;
    terms.insert(terms.end(), own.begin(), own.end());
    plan.group_terms.push_back(names_of(world, terms));
    product(world, terms, 0, base, all);
  }
  product(world, global_varied, 0, base, all);
  std::set<ReadingChoice> seen;
  for (ReadingChoice& choice : all)
    if (seen.insert(choice).second) plan.combinations.push_back(std::move(choice));
  plan.summary.combinations = plan.combinations.size();
  for (const ReadingChoice& choice : plan.combinations) {
    std::optional<std::set<sema::ClauseId>> only;
    for (std::size_t g = 0; g < group_own.size() && !only; ++g) {
      bool changed = std::any_of(group_own[g].begin(), group_own[g].end(), [&](sema::DefinitionId d) {
        return choice.at(world.definitions[d].name) != base.at(world.definitions[d].name);
      });
      if (!changed) continue;
      only.emplace();
      for (sema::ClauseId c = 0; c < clause_count; ++c)
        if (plan.group_of_clause[c] == static_cast<int>(g)) only->insert(c);
    }
    plan.clauses.push_back(std::move(only));
  }
  return plan;
}

Analysis merge_readings(const ReadingPlan& plan, const std::vector<const Analysis*>& analyses,
                        std::vector<std::size_t>& source) {
  Analysis out;
  out.readings = plan.summary;
  out.readings->combinations = analyses.size();
  std::map<std::string, std::size_t> first;  // id -> index into out.findings
  for (std::size_t run = 0; run < analyses.size(); ++run) {
    const Analysis& a = *analyses[run];
    out.stats.instances = std::max(out.stats.instances, a.stats.instances);
    out.stats.ground_atoms = std::max(out.stats.ground_atoms, a.stats.ground_atoms);
    out.stats.axiom_instances = std::max(out.stats.axiom_instances, a.stats.axiom_instances);
    out.stats.components = std::max(out.stats.components, a.stats.components);
    out.stats.solver_checks += a.stats.solver_checks;
    out.stats.refinements += a.stats.refinements;
    // Time and solver calls add up over the combinations (--stats).
    out.stats.z3_checks += a.stats.z3_checks;
    out.stats.seconds_reduce += a.stats.seconds_reduce;
    out.stats.seconds_ground += a.stats.seconds_ground;
    out.stats.seconds_encode += a.stats.seconds_encode;
    out.stats.seconds_solve += a.stats.seconds_solve;
    out.stats.seconds_minimise += a.stats.seconds_minimise;
    out.stats.seconds_witness += a.stats.seconds_witness;
    out.stats.seconds_lift += a.stats.seconds_lift;
    if (a.internal_error && !out.internal_error) {
      out.internal_error = true;
      out.internal_error_message = a.internal_error_message;
    }
    for (const Finding& f : a.findings) {
      if (first.count(f.id)) continue;
      first[f.id] = out.findings.size();
      out.findings.push_back(f);
      source.push_back(run);
    }
  }
  for (Finding& f : out.findings) {
    // The combinations that vary only this finding's terms: a full product over them.
    const std::vector<std::string>* varied = &plan.global_terms;
    if (!f.clauses.empty() || f.permission) {
      sema::ClauseId c = f.permission ? *f.permission : f.clauses.front();
      int group = c < plan.group_of_clause.size() ? plan.group_of_clause[c] : -1;
      if (group >= 0) varied = &plan.group_terms.at(group);
    }
    const ReadingChoice& base = plan.combinations.front();
    std::vector<const ReadingChoice*> checked;
    std::vector<Outcome> outcomes;
    for (std::size_t run = 0; run < analyses.size(); ++run) {
      const ReadingChoice& choice = plan.combinations[run];
      bool others_default = std::all_of(choice.begin(), choice.end(), [&](const auto& entry) {
        return std::find(varied->begin(), varied->end(), entry.first) != varied->end() || base.at(entry.first) == entry.second;
      });
      if (!others_default) continue;
      checked.push_back(&choice);
      outcomes.push_back(outcome(f, *analyses[run]));
    }
    f.readings = finding_readings(*varied, checked, outcomes);
  }
  // Keep the analysis order (kind, then id) and `source` aligned with it.
  std::vector<std::size_t> order(out.findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Finding &x = out.findings[a], &y = out.findings[b];
    return x.kind != y.kind ? x.kind < y.kind : x.id < y.id;
  });
  std::vector<Finding> findings;
  std::vector<std::size_t> sources;
  for (std::size_t i : order) {
    findings.push_back(std::move(out.findings[i]));
    sources.push_back(source[i]);
  }
  out.findings = std::move(findings);
  source = std::move(sources);
  return out;
}

std::unique_ptr<ReadingsRun> run_all_readings(const sema::World& full, const ground::GroundOptions& ground_options,
                                              const AnalysisOptions& options) {
  auto out = std::make_unique<ReadingsRun>();
  out->plan = plan_readings(full, ground_options);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < out->plan.combinations.size(); ++i) {
    ground::GroundOptions chosen = ground_options;
    chosen.readings = out->plan.combinations[i];
    chosen.only_clauses = out->plan.clauses[i];
    if (options.progress) {
      std::string line = "readings " + std::to_string(i + 1) + "/" + std::to_string(out->plan.combinations.size()) + ":";
      for (const auto& [term, reading] : chosen.readings) line += " " + term + "=" + reading;
      options.progress(line);
    }
    std::unique_ptr<Run> run = run_analysis(full, chosen, options);
    bool new_finding = false;
    for (const Finding& f : run->analysis.findings) new_finding |= seen.insert(f.id).second;
    out->analyses.push_back(std::move(run->analysis));
    // Only the first run of each finding supplies its witness (merge_readings).
    out->runs.push_back(i == 0 || new_finding ? std::move(run) : nullptr);
    if (options.interrupted && options.interrupted->load()) break;
  }
  std::vector<const Analysis*> analyses;
  for (const Analysis& a : out->analyses) analyses.push_back(&a);
  std::vector<std::size_t> source;
  out->analysis = merge_readings(out->plan, analyses, source);
  for (std::size_t i = 0; i < out->analysis.findings.size(); ++i) {
    const std::string& id = out->analysis.findings[i].id;
    out->problem_of[id] = &out->runs.at(source[i])->problem;
    out->combination_of[id] = out->plan.combinations.at(source[i]);
  }
  return out;
}

std::vector<ReadingContrast> reading_contrasts(const sema::World& world, const Finding& finding) {
  std::vector<ReadingContrast> out;
  if (!finding.readings) return out;
  const FindingReadings& r = *finding.readings;
  for (std::size_t t = 0; t < r.decisive.size(); ++t) {
    auto def = std::find_if(world.definitions.begin(), world.definitions.end(),
                            [&](const sema::Definition& d) { return d.name == r.decisive[t]; });
    if (def == world.definitions.end()) continue;
    ReadingContrast c;
    c.term = static_cast<sema::DefinitionId>(def - world.definitions.begin());
    for (std::size_t i = 0; i < def->readings.size(); ++i) {
      bool holds = std::any_of(r.holds_under.begin(), r.holds_under.end(),
                               [&](const std::vector<std::string>& combo) { return combo.at(t) == def->readings[i].name; });
      (holds ? c.holds : c.fails).push_back(i);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace tc::analysis
