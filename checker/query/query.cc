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

Answer ask(const ground::Problem& problem, const smt::Limits& limits, const std::set<sema::EntityId>& wanted) {
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
  // Every model the solver returns is a situation of the scenario: an
  // applicability true in one and false in another depends on the
  // situation, with no further question. Most instances are settled so.
  std::vector<ground::Assignment> models{solver.model_conduct(0)};
  auto classify = [&](ground::NodeId node) -> std::optional<Applies> {
    if (problem.pool.is_true(node)) return Applies::Always;
    bool seen_true = false, seen_false = false;
    for (const ground::Assignment& m : models) (ground::evaluate(problem.pool, node, m) ? seen_true : seen_false) = true;
    auto depends = [&] {
      return mentions_conduct(problem, node) ? Applies::DependsOnConduct : Applies::DependsOnCircumstances;
    };
    if (seen_true && seen_false) return depends();
    smt::Term app = solver.encode(node);
    smt::Outcome other = solver.check({seen_true ? solver.mk_not(app) : app});
    if (other == smt::Outcome::Unknown) {
      if (!answer.unknown) answer.unknown_reason = solver.reason_unknown();
      answer.unknown = true;
      return Applies::Unknown;
    }
    if (other == smt::Outcome::Unsat) return seen_true ? std::optional<Applies>(Applies::Always) : std::nullopt;
    if (models.size() < 256) models.push_back(solver.model_conduct(0));
    return depends();
  };
  // Applicability is hash-consed: instances of one clause often share it.
  std::map<ground::NodeId, std::optional<Applies>> cache;
  std::vector<smt::Term> binding;  // what the instances that always apply require
  for (std::uint32_t i = 0; i < problem.norms.size(); ++i) {
    const ground::NormInstance& n = problem.norms[i];
    if (problem.pool.is_false(n.applicability)) continue;
    if (!wanted.empty() && !wanted.count(n.bearer)) continue;
    auto it = cache.find(n.applicability);
    if (it == cache.end()) it = cache.emplace(n.applicability, classify(n.applicability)).first;
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
