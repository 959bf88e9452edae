// Turning a found conflict into a finding: the witness cut to what
// matters, a representative minimal instance set, the plain replay, the
// states caught, and precedence.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "analysis/engine.h"

namespace tc::analysis {
namespace {

constexpr std::uint64_t kMaxReplayCombinations = 1ull << 22;

}  // namespace

bool replay_conflict(const ground::Problem& problem, const ground::Assignment& s, const std::vector<std::uint32_t>& norms,
                     std::optional<std::uint32_t> exercise, const std::vector<std::uint32_t>& conduct_axioms,
                     bool& exhaustive) {
  const ground::Pool& pool = problem.pool;
  std::vector<bool> known(problem.atoms.size());
  for (std::size_t i = 0; i < problem.atoms.size(); ++i) known[i] = !problem.atoms[i].is_conduct;

  // What must hold of the conduct: each norm complies, the permission is exercised.
  struct Check {
    ground::NodeId applicability, content;
    bool prohibition, exercise;
  };
  std::vector<Check> checks;
  for (std::uint32_t n : norms) {
    const ground::NormInstance& norm = problem.norms[n];
    checks.push_back({norm.applicability, norm.content, norm.modality == sema::Modality::Prohibition, false});
  }
  if (exercise) checks.push_back({problem.norms[*exercise].applicability, problem.norms[*exercise].content, false, true});

  // Axioms still open in this scenario, and the cone of conduct atoms.
  std::vector<ground::NodeId> open_axioms;
  for (std::uint32_t i : conduct_axioms)
    if (ground::evaluate_partial(pool, problem.axioms[i].formula, known, s) != 1) open_axioms.push_back(problem.axioms[i].formula);
  std::set<ground::GroundAtomId> cone;
  for (const Check& c : checks) {
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(pool, c.applicability, atoms);
    ground::collect_atoms(pool, c.content, atoms);
    for (auto a : atoms)
      if (problem.atoms[a].is_conduct) cone.insert(a);
  }
  std::vector<std::set<ground::GroundAtomId>> axiom_atoms(open_axioms.size());
  for (std::size_t i = 0; i < open_axioms.size(); ++i) {
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(pool, open_axioms[i], atoms);
    for (auto a : atoms)
      if (problem.atoms[a].is_conduct) axiom_atoms[i].insert(a);
  }
  std::vector<bool> axiom_in(open_axioms.size(), false);
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < open_axioms.size(); ++i) {
      if (axiom_in[i]) continue;
      bool touches = std::any_of(axiom_atoms[i].begin(), axiom_atoms[i].end(), [&](auto a) { return cone.count(a); });
      if (!touches) continue;
      axiom_in[i] = true;
      grew = true;
      cone.insert(axiom_atoms[i].begin(), axiom_atoms[i].end());
    }
  }
  std::vector<ground::NodeId> constraints;
  for (std::size_t i = 0; i < open_axioms.size(); ++i)
    if (axiom_in[i]) constraints.push_back(open_axioms[i]);

  // Candidate values per cone atom. Booleans: both. Integers: the whole
  // domain when small, else the critical points of every comparison that
  // mentions only this atom (exact), sampled otherwise.
  std::vector<ground::GroundAtomId> atoms(cone.begin(), cone.end());
  std::vector<std::vector<std::int64_t>> candidates(atoms.size());
  std::set<ground::NodeId> comparisons;
  {
    std::vector<ground::NodeId> roots = constraints;
    for (const Check& c : checks) {
      roots.push_back(c.applicability);
      roots.push_back(c.content);
    }
    std::set<ground::NodeId> seen;
    std::vector<ground::NodeId> stack(roots.begin(), roots.end());
    while (!stack.empty()) {
      ground::NodeId id = stack.back();
      stack.pop_back();
      if (!seen.insert(id).second) continue;
      const ground::Node& node = pool.node(id);
      if (node.op == ground::NodeOp::Le || node.op == ground::NodeOp::Lt || node.op == ground::NodeOp::Eq) comparisons.insert(id);
      for (auto k : node.kids) stack.push_back(k);
    }
  }
  ground::Assignment values = s;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const ground::GroundAtom& atom = problem.atoms[atoms[i]];
    if (!atom.is_quantity) {
      candidates[i] = {0, 1};
      continue;
    }
    if (atom.upper - atom.lower < 64) {
      for (std::int64_t v = atom.lower; v <= atom.upper; ++v) candidates[i].push_back(v);
      continue;
    }
    std::set<std::int64_t> points{atom.lower, atom.upper};
    for (ground::NodeId cmp : comparisons) {
      std::set<ground::GroundAtomId> in;
      ground::collect_atoms(pool, cmp, in);
      bool mentions = in.count(atoms[i]) > 0;
      std::size_t ints = 0;
      for (auto a : in) ints += problem.atoms[a].is_quantity && problem.atoms[a].is_conduct;
      if (!mentions) continue;
      if (ints > 1) exhaustive = false;
      // The comparison is kx + c <op> 0 in this atom: find its threshold.
      const ground::Node& node = pool.node(cmp);
      auto side = [&](std::int64_t x) {
        values[atoms[i]] = x;
        return ground::evaluate(pool, node.kids[0], values) - ground::evaluate(pool, node.kids[1], values);
      };
      std::int64_t c = side(0);
      std::int64_t k = side(1) - c;
      if (k == 0) continue;
      double root = -static_cast<double>(c) / static_cast<double>(k);
      for (std::int64_t d = -1; d <= 1; ++d)
        for (double r : {std::floor(root), std::ceil(root)}) {
          std::int64_t v = static_cast<std::int64_t>(r) + d;
          if (v >= atom.lower && v <= atom.upper) points.insert(v);
        }
    }
    candidates[i].assign(points.begin(), points.end());
  }

  std::uint64_t combinations = 1;
  for (const auto& c : candidates) {
    combinations *= c.size();
    if (combinations > kMaxReplayCombinations) break;
  }
  if (combinations > kMaxReplayCombinations) {
    exhaustive = false;
    return true;  // too large to enumerate: the solver's verdict stands, marked as not replayed exhaustively
  }

  std::vector<std::size_t> index(atoms.size(), 0);
  for (std::uint64_t round = 0; round < combinations; ++round) {
    for (std::size_t i = 0; i < atoms.size(); ++i) values[atoms[i]] = candidates[i][index[i]];
    bool ok = true;
    for (ground::NodeId f : constraints)
      if (!ground::evaluate(pool, f, values)) {
        ok = false;
        break;
      }
    for (std::size_t j = 0; ok && j < checks.size(); ++j) {
      const Check& c = checks[j];
      bool applies = ground::evaluate(pool, c.applicability, values) != 0;
      bool content = ground::evaluate(pool, c.content, values) != 0;
      if (c.exercise) ok = applies && content;
      else if (applies) ok = c.prohibition ? !content : content;
    }
    if (ok) return false;  // this conduct complies: no conflict
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      if (++index[i] < candidates[i].size()) break;
      index[i] = 0;
    }
  }
  return true;
}

void ComponentEngine::record(FindingKind kind, std::vector<sema::ClauseId> clauses,
                             std::optional<sema::ClauseId> permission, std::optional<std::uint32_t> exercise,
                             ground::Assignment s) {
  PhaseTimer timer(out_.stats.seconds_witness);
  std::vector<std::uint32_t> norms = norms_of(clauses);
  // A permission conflict needs the permission usable in the scenario:
  // without that, "no conduct exercises it" would hold vacuously.
  auto usable_in = [&](const ground::Assignment& candidate) {
    return !exercise || comply(candidate, {}, exercise).outcome == smt::Outcome::Sat;
  };
  auto conflicts_in = [&](const ground::Assignment& candidate) {
    return possible(candidate).has_value() && usable_in(candidate) &&
           comply(candidate, norms, exercise).outcome == smt::Outcome::Unsat;
  };
  // 1. Cut the scenario: drop true circumstances that do not matter. First
  //    in bulk (everything the clauses of the set do not mention), then one
  //    by one.
  std::set<ground::GroundAtomId> mentioned_by_set;
  for (std::uint32_t n : norms) {
    ground::collect_atoms(pool_, problem_.norms[n].applicability, mentioned_by_set);
    ground::collect_atoms(pool_, problem_.norms[n].content, mentioned_by_set);
  }
  if (exercise) ground::collect_atoms(pool_, problem_.norms[*exercise].applicability, mentioned_by_set);
  // Circumstances defined by a scenario axiom `c iff formula` (attacked,
  // aggressor) follow the others: they are recomputed after each cut
  // rather than cut themselves, or no single armed attack could be dropped.
  std::vector<std::pair<ground::GroundAtomId, ground::NodeId>> derived;
  std::set<ground::GroundAtomId> is_derived;
  for (const ground::AxiomInstance& axiom : problem_.axioms) {
    const ground::Node& n = pool_.node(axiom.formula);
    if (axiom.mentions_conduct || n.op != ground::NodeOp::Iff) continue;
    const ground::Node& head = pool_.node(n.kids[0]);
    if (head.op != ground::NodeOp::BoolAtom || is_derived.count(head.id)) continue;
    std::set<ground::GroundAtomId> body;
    ground::collect_atoms(pool_, n.kids[1], body);
    if (body.count(head.id)) continue;
    derived.push_back({head.id, n.kids[1]});
    is_derived.insert(head.id);
  }
  auto rederive = [&](ground::Assignment& candidate) {
    for (std::size_t pass = 0; pass < 4; ++pass) {
      bool changed = false;
      for (const auto& [atom, body] : derived) {
        std::int64_t value = ground::evaluate(pool_, body, candidate) != 0;
        changed = changed || candidate[atom] != value;
        candidate[atom] = value;
      }
      if (!changed) break;
    }
  };
  {
    ground::Assignment bulk = s;
    for (ground::GroundAtomId a = 0; a < problem_.atoms.size(); ++a)
      if (!problem_.atoms[a].is_conduct && !problem_.atoms[a].is_quantity && !mentioned_by_set.count(a) &&
          !is_derived.count(a))
        bulk[a] = 0;
    rederive(bulk);
    if (bulk != s && conflicts_in(bulk)) s = bulk;
  }
  // Then in halving chunks (delta debugging): a scenario with hundreds of
  // true circumstances of which a handful matter is cut in O(k log n)
  // checks instead of n.
  std::vector<ground::GroundAtomId> remaining;
  for (ground::GroundAtomId a : component_.circumstances)
    if (!problem_.atoms[a].is_quantity && s[a] != 0 && !is_derived.count(a)) remaining.push_back(a);
  for (std::size_t chunk = std::max<std::size_t>(1, remaining.size() / 2);; chunk = std::max<std::size_t>(1, chunk / 2)) {
    std::vector<ground::GroundAtomId> kept;
    for (std::size_t start = 0; start < remaining.size(); start += chunk) {
      std::size_t end = std::min(remaining.size(), start + chunk);
      ground::Assignment candidate = s;
      for (std::size_t i = start; i < end; ++i) candidate[remaining[i]] = 0;
      rederive(candidate);
      if (conflicts_in(candidate)) s = candidate;
      else kept.insert(kept.end(), remaining.begin() + static_cast<std::ptrdiff_t>(start),
                       remaining.begin() + static_cast<std::ptrdiff_t>(end));
    }
    remaining = std::move(kept);
    if (chunk == 1) break;
  }
  // 2. A representative minimal instance set in the cut scenario.
  Compliance compliance = comply(s, norms, exercise);
  std::vector<std::uint32_t> representative = compliance.core.empty() ? norms : compliance.core;
  for (std::size_t i = 0; i < representative.size();) {
    std::vector<std::uint32_t> without = representative;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    if (!without.empty() && comply(s, without, exercise).outcome == smt::Outcome::Unsat) representative = without;
    else ++i;
  }
  // 3. Replay with the plain evaluator before anything is printed.
  Finding f;
  f.kind = kind;
  f.clauses = clauses;
  f.permission = permission;
  f.scenario = s;
  std::optional<ground::Assignment> conduct = possible(s);
  bool possible_replayed = false;
  if (conduct) {
    possible_replayed = true;
    for (const ground::AxiomInstance& axiom : problem_.axioms)
      if (!ground::evaluate(pool_, axiom.formula, *conduct)) possible_replayed = false;
  }
  bool usable_replayed = true;
  if (exercise) {
    // The permission must be usable here: the replay finds conduct exercising it.
    bool exhaustive = true;
    usable_replayed = !replay_conflict(problem_, s, {}, exercise, component_.conduct_axioms, exhaustive);
  }
  if (!possible_replayed || !usable_replayed ||
      !replay_conflict(problem_, s, representative, exercise, component_.conduct_axioms, f.replay_exhaustive)) {
    out_.internal_error = true;
    out_.internal_error_message = "the witness for " + world_.clause_title(clauses.front()) +
                                  " did not replay with the plain evaluator";
    return;
  }
  // 4. The facts that matter: true circumstances left after the cut; false
  //    ones (mentioned by the representative) whose truth dissolves the conflict;
  //    integer circumstances the representative mentions.
  std::set<ground::GroundAtomId> mentioned;
  for (std::uint32_t n : representative) {
    ground::collect_atoms(pool_, problem_.norms[n].applicability, mentioned);
    ground::collect_atoms(pool_, problem_.norms[n].content, mentioned);
  }
  if (exercise) ground::collect_atoms(pool_, problem_.norms[*exercise].applicability, mentioned);
  for (ground::GroundAtomId a : component_.circumstances) {
    const ground::GroundAtom& atom = problem_.atoms[a];
    if (atom.is_quantity) {
      if (mentioned.count(a)) f.witness.push_back({a, s[a]});
    } else if (s[a] != 0) {
      f.witness.push_back({a, 1});
    } else if (mentioned.count(a)) {
      ground::Assignment flipped = s;
      flipped[a] = 1;
      if (possible(flipped) && comply(flipped, representative, exercise).outcome == smt::Outcome::Sat)
        f.witness.push_back({a, 0});
    }
  }
  // Read best as: what happens, then what does not, then the numbers.
  std::stable_sort(f.witness.begin(), f.witness.end(), [&](const WitnessFact& a, const WitnessFact& b) {
    auto rank = [&](const WitnessFact& w) { return problem_.atoms[w.atom].is_quantity ? 2 : w.value ? 0 : 1; };
    return rank(a) < rank(b);
  });
  for (std::uint32_t n : representative) {
    const ground::NormInstance& norm = problem_.norms[n];
    f.representative.push_back({norm.clause, norm.binding, norm.bearer, n});
  }
  if (exercise) {
    const ground::NormInstance& norm = problem_.norms[*exercise];
    f.exercised = InstanceInfo{norm.clause, norm.binding, norm.bearer, *exercise};
  }
  // 5. The states caught (semantics.md 7): the bearers bound by every
  //    clause of the conflict for whom, in the witness scenario, their own
  //    instances of those clauses cannot all be complied with.
  std::set<sema::EntityId> candidates;
  bool first = true;
  for (sema::ClauseId c : clauses) {
    std::set<sema::EntityId> bearers;
    for (std::uint32_t n : problem_.norms_of_clause[c]) bearers.insert(problem_.norms[n].bearer);
    if (first) candidates = bearers;
    else {
      std::set<sema::EntityId> both;
      std::set_intersection(candidates.begin(), candidates.end(), bearers.begin(), bearers.end(),
                            std::inserter(both, both.end()));
      candidates = both;
    }
    first = false;
  }
  std::set<sema::EntityId> caught;
  for (sema::EntityId b : candidates) {
    std::vector<std::uint32_t> own;
    for (std::uint32_t n : norms)
      if (problem_.norms[n].bearer == b) own.push_back(n);
    std::optional<std::uint32_t> own_exercise;
    if (exercise && problem_.norms[*exercise].bearer == b) own_exercise = exercise;
    if (exercise && !own_exercise) continue;
    if (comply(s, own, own_exercise).outcome == smt::Outcome::Unsat) caught.insert(b);
  }
  if (caught.empty())
    for (const InstanceInfo& i : f.representative) caught.insert(i.bearer);
  f.caught.assign(caught.begin(), caught.end());
  for (std::uint32_t n : norms)
    if (caught.count(problem_.norms[n].bearer)) f.instance_count++;
  // 6. Precedence, severity, identity.
  std::vector<sema::ClauseId> contenders = clauses;
  if (permission) contenders.push_back(*permission);
  f.resolution = resolve_precedence(world_, problem_, contenders);
  for (sema::ClauseId c : contenders)
    f.involves_political |= world_.treaties[world_.clauses[c].treaty].kind == sema::TreatyKind::Political;
  if (kind == FindingKind::ObligationConflict) {
    f.diag = f.resolution ? DiagKind::ResolvedConflict : DiagKind::ObligationConflict;
    f.severity = f.resolution ? Severity::Note : f.involves_political ? Severity::Warning : Severity::Error;
    f.id = finding_id(world_, kind, DiagKind::ObligationConflict, clauses, permission);
  } else {
    f.diag = f.resolution ? DiagKind::ResolvedPermissionConflict : DiagKind::PermissionConflict;
    f.severity = f.resolution ? Severity::Note : Severity::Warning;
    f.id = finding_id(world_, kind, DiagKind::PermissionConflict, clauses, permission);
  }
  for (const Finding& existing : out_.findings)
    if (existing.id == f.id) return;
  out_.findings.push_back(std::move(f));
}

}  // namespace tc::analysis
