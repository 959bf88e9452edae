#include "query/query.h"

#include <map>
#include <set>

namespace tc::query {
namespace {

bool mentions_conduct(const ground::Problem& problem, ground::NodeId node) {
  std::set<ground::GroundAtomId> atoms;
  ground::collect_atoms(problem.pool, node, atoms);
  for (ground::GroundAtomId a : atoms)
    if (problem.atoms[a].is_conduct) return true;
  return false;
}

}  // namespace

Answer ask(const ground::Problem& problem, const smt::Limits& limits) {
  Answer answer;
  smt::Solver solver(problem, limits);
  for (const ground::AxiomInstance& axiom : problem.axioms) solver.add(solver.encode(axiom.formula));
  smt::Outcome base = solver.check();
  if (base == smt::Outcome::Unsat) {
    answer.impossible_scenario = true;
    return answer;
  }
  if (base == smt::Outcome::Unknown) {
    answer.unknown = true;
    answer.unknown_reason = solver.reason_unknown();
    return answer;
  }
  // Applicability is hash-consed: instances of one clause often share it.
  std::map<ground::NodeId, std::optional<Applies>> cache;
  std::vector<smt::Term> binding;  // applies => requires, for the instances that always apply
  for (std::uint32_t i = 0; i < problem.norms.size(); ++i) {
    const ground::NormInstance& n = problem.norms[i];
    if (problem.pool.is_false(n.applicability)) continue;
    auto it = cache.find(n.applicability);
    if (it == cache.end()) {
      std::optional<Applies> applies;
      if (problem.pool.is_true(n.applicability)) {
        applies = Applies::Always;
      } else {
        smt::Term app = solver.encode(n.applicability);
        smt::Outcome some = solver.check({app});
        if (some == smt::Outcome::Unknown) {
          applies = Applies::Unknown;
        } else if (some == smt::Outcome::Sat) {
          smt::Outcome not_always = solver.check({solver.mk_not(app)});
          if (not_always == smt::Outcome::Unknown) applies = Applies::Unknown;
          else if (not_always == smt::Outcome::Unsat) applies = Applies::Always;
          else applies = mentions_conduct(problem, n.applicability) ? Applies::DependsOnConduct
                                                                     : Applies::DependsOnCircumstances;
        }
        if (applies == Applies::Unknown && !answer.unknown) {
          answer.unknown = true;
          answer.unknown_reason = solver.reason_unknown();
        }
      }
      it = cache.emplace(n.applicability, applies).first;
    }
    if (!it->second) continue;
    answer.entries.push_back({i, *it->second});
    if (*it->second == Applies::Always && n.modality != sema::Modality::Permission) {
      smt::Term content = solver.encode(n.content);
      binding.push_back(n.modality == sema::Modality::Prohibition ? solver.mk_not(content) : content);
    }
  }
  smt::Outcome comply = solver.check({solver.mk_and(binding)});
  if (comply == smt::Outcome::Unsat) answer.conflict = true;
  else if (comply == smt::Outcome::Unknown && !answer.unknown) {
    answer.unknown = true;
    answer.unknown_reason = solver.reason_unknown();
  }
  return answer;
}

}  // namespace tc::query
