// Lifting findings from the symmetry-reduced world to the full world, and
// counting the instances that take part in a conflict.
#include <map>
#include <set>

#include "analysis/analyse.h"
#include "analysis/engine.h"

namespace tc::analysis {

std::size_t conflict_instance_count(const ground::Problem& problem, const ProblemTables& tables,
                                    const std::vector<sema::ClauseId>& clauses,
                                    std::optional<sema::ClauseId> permission) {
  std::vector<sema::ClauseId> all = clauses;
  if (permission) all.push_back(*permission);
  // Union-find over conduct atoms: two atoms meet when an instance or a
  // conduct axiom mentions both (the axioms' links are the problem's).
  std::vector<std::uint32_t> parent = tables.conduct_links;
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto link = [&](const std::set<ground::GroundAtomId>& atoms) -> std::optional<std::uint32_t> {
    std::optional<std::uint32_t> root;
    for (ground::GroundAtomId a : atoms) {
      if (!problem.atoms[a].is_conduct) continue;
      if (!root) root = find(a);
      else parent[find(a)] = *root;
    }
    return root;
  };
  std::vector<std::pair<std::uint32_t, std::optional<std::uint32_t>>> instances;  // (norm, first conduct atom)
  for (sema::ClauseId c : all)
    for (std::uint32_t n : problem.norms_of_clause.at(c)) {
      std::set<ground::GroundAtomId> atoms;
      ground::collect_atoms(problem.pool, problem.norms[n].applicability, atoms);
      ground::collect_atoms(problem.pool, problem.norms[n].content, atoms);
      instances.push_back({n, link(atoms)});
    }
  // Per group of linked conduct, the clauses with an instance there. An
  // instance without conduct stands alone (it can only conflict by itself).
  std::map<std::int64_t, std::set<sema::ClauseId>> clauses_of_group;
  auto group_of = [&](const std::pair<std::uint32_t, std::optional<std::uint32_t>>& i) -> std::int64_t {
    return i.second ? static_cast<std::int64_t>(find(*i.second)) : -1 - static_cast<std::int64_t>(i.first);
  };
  for (const auto& i : instances) clauses_of_group[group_of(i)].insert(problem.norms[i.first].clause);
  std::size_t count = 0;
  for (const auto& i : instances) count += clauses_of_group[group_of(i)].size() == all.size();
  return count;
}

void lift_findings(const sema::World& full, const ground::SymmetryClasses& classes,
                   const ground::GroundOptions& options, Analysis& analysis) {
  // One grounding of the full world for every finding: its clauses, with
  // their formulas, and the axioms that link their conduct.
  std::set<sema::ClauseId> involved;
  for (const Finding& f : analysis.findings) {
    if (f.kind != FindingKind::ObligationConflict && f.kind != FindingKind::PermissionConflict) continue;
    involved.insert(f.clauses.begin(), f.clauses.end());
    if (f.permission) involved.insert(*f.permission);
  }
  if (involved.empty()) return;
  ground::GroundOptions counting = options;
  counting.only_clauses = involved;
  ground::Problem problem = ground::ground(full, counting);
  ProblemTables tables = problem_tables(problem);
  for (Finding& f : analysis.findings) {
    if (f.kind != FindingKind::ObligationConflict && f.kind != FindingKind::PermissionConflict) continue;
    std::set<sema::EntityId> caught;
    for (sema::EntityId e : f.caught)
      for (sema::EntityId m : classes.lift(e)) caught.insert(m);
    f.caught.assign(caught.begin(), caught.end());
    f.instance_count = conflict_instance_count(problem, tables, f.clauses, f.permission);
  }
}

}  // namespace tc::analysis

namespace tc::analysis {

std::unique_ptr<Run> run_analysis(const sema::World& full, const ground::GroundOptions& ground_options,
                                  const AnalysisOptions& options) {
  auto run = std::make_unique<Run>();
  double reduce = 0, grounding = 0, lift = 0;
  {
    PhaseTimer timer(reduce);
    if (options.symmetry_representatives > 0)
      run->world = ground::reduce_world(full, ground_options.as_of, options.symmetry_representatives,
                                        options.keep_test_names, run->classes);
    else
      run->world = full;
  }
  {
    PhaseTimer timer(grounding);
    run->problem = ground::ground(run->world, ground_options);
  }
  run->analysis = analyse(run->world, run->problem, options);
  {
    PhaseTimer timer(lift);
    if (run->classes.dropped > 0) lift_findings(full, run->classes, ground_options, run->analysis);
  }
  run->analysis.stats.seconds_reduce = reduce;
  run->analysis.stats.seconds_lift = lift;
  run->analysis.stats.seconds_ground = grounding;
  return run;
}

}  // namespace tc::analysis
