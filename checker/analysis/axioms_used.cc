// The axioms a finding rests on (explanations).
#include "analysis/axioms_used.h"

#include <algorithm>
#include <optional>
#include <set>

namespace tc::analysis {
namespace {

/// More candidate axiom instances than this are not searched for a core:
/// the explanation then names none rather than stall.
constexpr std::size_t kMaxCandidates = 20000;
/// Axiom steps out from the instances' conduct atoms before giving up.
constexpr std::size_t kMaxSteps = 3;

/// Deletion-minimises `core` (indices into `literals`): drops each member
/// whose removal keeps the question unsatisfiable.
std::vector<std::size_t> minimise(smt::Solver& solver, const std::vector<smt::Term>& literals,
                                  std::vector<std::size_t> core) {
  for (std::size_t i = 0; i < core.size();) {
    std::vector<smt::Term> assumptions;
    for (std::size_t j = 0; j < core.size(); ++j)
      if (j != i) assumptions.push_back(literals[core[j]]);
    if (solver.check(assumptions) == smt::Outcome::Unsat)
      core.erase(core.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
  }
  return core;
}

/// Asks `solver` under one assumption literal per candidate; a minimal
/// core of candidates when unsatisfiable (possibly empty: none needed),
/// nothing when satisfiable or unknown.
std::optional<std::vector<std::uint32_t>> core_of(smt::Solver& solver, const ground::Problem& problem,
                                   const std::vector<std::uint32_t>& candidates, const smt::Encoding& encoding) {
  std::vector<smt::Term> literals;
  for (std::uint32_t a : candidates) {
    smt::Term lit = solver.fresh_bool("axiom_" + std::to_string(a));
    solver.add(solver.mk_implies(lit, solver.encode(problem.axioms[a].formula, encoding)));
    literals.push_back(lit);
  }
  if (solver.check(literals) != smt::Outcome::Unsat) return std::nullopt;
  std::vector<smt::Term> core = solver.core();
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < literals.size(); ++i)
    for (const smt::Term& t : core)
      if (t.index == literals[i].index) picked.push_back(i);
  std::vector<std::uint32_t> out;
  for (std::size_t i : minimise(solver, literals, picked)) out.push_back(candidates[i]);
  return out;
}

/// A minimal set of `candidates` without which the instances could all be complied with.
std::optional<std::vector<std::uint32_t>> linking_core(const ground::Problem& problem, const std::vector<const InstanceInfo*>& instances,
                                        const Finding& finding, const std::vector<std::uint32_t>& candidates,
                                        const smt::Limits& limits) {
  smt::Solver solver(problem, limits);
  smt::Encoding encoding;
  encoding.fixed_circumstances = &finding.scenario;
  for (const InstanceInfo* i : instances) {
    const ground::NormInstance& norm = problem.norms[i->norm];
    smt::Term content = solver.encode(norm.content, encoding);
    bool exercised = finding.exercised && i == &*finding.exercised;
    smt::Term requirement = norm.modality == sema::Modality::Prohibition && !exercised ? solver.mk_not(content) : content;
    solver.add(exercised ? requirement : solver.mk_implies(solver.encode(norm.applicability, encoding), requirement));
  }
  return core_of(solver, problem, candidates, encoding);
}

}  // namespace

std::vector<std::uint32_t> linking_axioms(const ground::Problem& problem, const Finding& finding,
                                          const smt::Limits& limits) {
  if (finding.kind != FindingKind::ObligationConflict && finding.kind != FindingKind::PermissionConflict) return {};
  if (finding.scenario.size() != problem.atoms.size()) return {};
  std::vector<const InstanceInfo*> instances;
  if (finding.exercised) instances.push_back(&*finding.exercised);
  for (const InstanceInfo& i : finding.representative) instances.push_back(&i);

  std::set<ground::GroundAtomId> reach;
  for (const InstanceInfo* i : instances) {
    if (i->norm >= problem.norms.size()) return {};
    ground::collect_atoms(problem.pool, problem.norms[i->norm].content, reach);
  }
  std::vector<std::set<ground::GroundAtomId>> axiom_atoms(problem.axioms.size());
  for (std::size_t a = 0; a < problem.axioms.size(); ++a)
    if (problem.axioms[a].mentions_conduct) ground::collect_atoms(problem.pool, problem.axioms[a].formula, axiom_atoms[a]);
  // Candidates grow outwards from the instances' conduct atoms, one axiom
  // step at a time: a link is usually one or two axioms away, and the
  // whole closure of a real corpus holds far too many instances.
  std::vector<bool> taken(problem.axioms.size(), false);
  std::vector<std::uint32_t> candidates;
  for (std::size_t step = 0; step < kMaxSteps; ++step) {
    std::set<ground::GroundAtomId> next = reach;
    bool grew = false;
    for (std::size_t a = 0; a < problem.axioms.size(); ++a) {
      if (taken[a] || axiom_atoms[a].empty()) continue;
      bool touches = std::any_of(axiom_atoms[a].begin(), axiom_atoms[a].end(), [&](ground::GroundAtomId atom) {
        return problem.atoms[atom].is_conduct && reach.count(atom) > 0;
      });
      if (!touches) continue;
      taken[a] = grew = true;
      candidates.push_back(static_cast<std::uint32_t>(a));
      next.insert(axiom_atoms[a].begin(), axiom_atoms[a].end());
    }
    if (!grew || candidates.size() > kMaxCandidates) return {};
    reach = std::move(next);
    if (auto found = linking_core(problem, instances, finding, candidates, limits)) return *found;
  }
  return {};
}

std::vector<std::uint32_t> contradicting_axioms(const ground::Problem& problem, const smt::Limits& limits) {
  if (problem.axioms.empty() || problem.axioms.size() > kMaxCandidates) return {};
  std::vector<std::uint32_t> candidates;
  for (std::size_t a = 0; a < problem.axioms.size(); ++a) candidates.push_back(static_cast<std::uint32_t>(a));
  smt::Solver solver(problem, limits);
  return core_of(solver, problem, candidates, {}).value_or(std::vector<std::uint32_t>{});
}

}  // namespace tc::analysis
