// Turning a found conflict into a finding: the witness cut to what
// matters, a representative minimal instance set, the plain replay, the
// states caught, and precedence.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "analysis/engine.h"

namespace tc::analysis {
namespace {

constexpr std::uint64_t kMaxReplayCombinations = 1ull << 22;
/// Up to this many instances, the representative is the first minimal set
/// in the canonical order of all instances of the conflict's clauses.
constexpr std::size_t kMaxCanonicalRepresentative = 64;

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

namespace {

/// Delta debugging: drops chunks of `items` (halving their size down to
/// one, the last chunks first) while `holds` still holds of what is left.
/// Earlier items are kept in preference to later ones, so a canonical
/// order of `items` gives a canonical result; a minimal set of k among n
/// items costs O(k log n) checks instead of n.
template <class T>
std::vector<T> drop_while_holds(std::vector<T> items, const std::function<bool(const std::vector<T>&)>& holds) {
  for (std::size_t chunk = std::max<std::size_t>(1, items.size() / 2);; chunk = std::max<std::size_t>(1, chunk / 2)) {
    for (std::size_t end = items.size(); end > 0;) {
      std::size_t begin = end > chunk ? end - chunk : 0;
      std::vector<T> without(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(begin));
      without.insert(without.end(), items.begin() + static_cast<std::ptrdiff_t>(end), items.end());
      if (holds(without)) items = std::move(without);
      end = begin;
    }
    if (chunk == 1) break;
  }
  return items;
}

}  // namespace

void ComponentEngine::minimise_quantities(ground::Assignment& s,
                                          const std::function<bool(const ground::Assignment&)>& conflicts_in,
                                          const std::function<void(ground::Assignment&)>& rederive) {
  for (ground::GroundAtomId a : component_.circumstances) {
    const ground::GroundAtom& atom = problem_.atoms[a];
    if (!atom.is_quantity) continue;
    std::int64_t target = std::clamp<std::int64_t>(0, atom.lower, atom.upper);
    auto conflicts_at = [&](std::int64_t value) {
      ground::Assignment candidate = s;
      candidate[a] = value;
      rederive(candidate);
      return conflicts_in(candidate);
    };
    if (s[a] == target) continue;
    std::int64_t found = s[a];
    if (conflicts_at(target)) {
      found = target;
    } else {
      // No conflict at `lo`, a conflict at `hi`: halve the gap. The result
      // always conflicts (it was checked), next to a value that does not.
      std::int64_t lo = target, hi = s[a];
      while (hi - lo > 1 || lo - hi > 1) {
        std::int64_t mid = lo + (hi - lo) / 2;
        if (conflicts_at(mid)) hi = mid;
        else lo = mid;
      }
      found = hi;
    }
    s[a] = found;
    rederive(s);
  }
}

std::vector<sema::EntityId> ComponentEngine::caught_in(const ground::Assignment& s,
                                                       const std::vector<sema::ClauseId>& clauses,
                                                       const std::vector<std::uint32_t>& norms,
                                                       std::optional<sema::ClauseId> permission) {
  // Bound by every clause of the conflict, the permission included.
  std::vector<sema::ClauseId> all = clauses;
  if (permission) all.push_back(*permission);
  std::set<sema::EntityId> bound;
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::set<sema::EntityId> bearers;
    for (std::uint32_t n : problem_.norms_of_clause[all[i]]) bearers.insert(problem_.norms[n].bearer);
    if (i == 0) {
      bound = std::move(bearers);
      continue;
    }
    std::set<sema::EntityId> both;
    std::set_intersection(bound.begin(), bound.end(), bearers.begin(), bearers.end(), std::inserter(both, both.end()));
    bound = std::move(both);
  }
  auto caught_at = [&](sema::EntityId b, const ground::Assignment& scenario) {
    std::vector<std::uint32_t> own;
    for (std::uint32_t n : norms)
      if (problem_.norms[n].bearer == b) own.push_back(n);
    if (!permission) return comply(scenario, own).outcome == smt::Outcome::Unsat;
    // A holder is caught when one of its own instances of the permission
    // can be used here, but not while complying with its own duties.
    for (std::uint32_t x : problem_.norms_of_clause[*permission]) {
      if (problem_.norms[x].bearer != b) continue;
      if (comply(scenario, {}, x).outcome != smt::Outcome::Sat) continue;
      if (comply(scenario, own, x).outcome == smt::Outcome::Unsat) return true;
    }
    return false;
  };
  // The witness with the roles of `a` and `b` exchanged (attacker, victim,
  // ...), or nothing when a circumstance has no exchanged counterpart.
  auto exchanged = [&](sema::EntityId a, sema::EntityId b) -> std::optional<ground::Assignment> {
    ground::Assignment out = s;
    for (ground::GroundAtomId g = 0; g < problem_.atoms.size(); ++g) {
      const ground::GroundAtom& atom = problem_.atoms[g];
      if (atom.is_conduct) continue;
      std::vector<sema::EntityId> args = atom.args;
      for (sema::EntityId& e : args) e = e == a ? b : e == b ? a : e;
      if (args == atom.args) continue;
      auto it = problem_.atom_index.find({atom.atom, args});
      if (it != problem_.atom_index.end()) out[it->second] = s[g];
      else if (s[g] != 0) return std::nullopt;  // its counterpart was never grounded
    }
    return out;
  };
  const std::vector<sema::EntityId>& states = world_.sorts.at(sema::kStateSort).members;
  std::vector<sema::EntityId> caught;
  for (sema::EntityId b : bound) {
    if (stop_requested()) break;
    if (caught_at(b, s)) {
      caught.push_back(b);
      continue;
    }
    // The same situation for another state: a party that is, say, the
    // victim in the witness is caught when another state is attacked.
    // Each exchange is checked like the witness itself (possible, and the
    // party's own instances cannot be complied with).
    for (sema::EntityId other : states) {
      if (other == b || stop_requested()) continue;
      std::optional<ground::Assignment> moved = exchanged(b, other);
      if (moved && *moved != s && possible(*moved) && caught_at(b, *moved)) {
        caught.push_back(b);
        break;
      }
    }
  }
  return caught;
}

void ComponentEngine::record(FindingKind kind, std::vector<sema::ClauseId> clauses,
                             std::optional<sema::ClauseId> permission, std::optional<std::uint32_t> exercise,
                             ground::Assignment s) {
  PhaseTimer timer(out_.stats.seconds_witness);
  std::sort(clauses.begin(), clauses.end(),
            [&](sema::ClauseId a, sema::ClauseId b) { return clause_before(world_, a, b); });
  std::vector<std::uint32_t> norms = norms_of(clauses);
  // A permission conflict needs the permission usable in the scenario:
  // without that, "no conduct exercises it" would hold vacuously.
  auto usable_in = [&](const ground::Assignment& candidate) {
    return !exercise || comply(candidate, {}, exercise).outcome == smt::Outcome::Sat;
  };
  auto conflicts_in = [&](const ground::Assignment& candidate) {
    // After Ctrl-C or --timeout the scenario is kept as cut so far: it
    // already shows the conflict, and a prompt stop matters more than a short witness.
    if (stop_requested()) return false;
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
          !is_derived.count(a) && in_background(a))  // the others keep the background model's values
        bulk[a] = 0;
    rederive(bulk);
    if (bulk != s && conflicts_in(bulk)) s = bulk;
  }
  // Then in halving chunks (delta debugging): a scenario with hundreds of
  // true circumstances of which a handful matter is cut in O(k log n)
  // checks instead of n.
  {
    std::vector<ground::GroundAtomId> remaining;
    for (ground::GroundAtomId a : component_.circumstances)
      if (!problem_.atoms[a].is_quantity && s[a] != 0 && !is_derived.count(a)) remaining.push_back(a);
    const ground::Assignment before = s;
    auto keeping = [&](const std::vector<ground::GroundAtomId>& kept) {
      ground::Assignment candidate = before;
      std::set<ground::GroundAtomId> keep(kept.begin(), kept.end());
      for (ground::GroundAtomId a : remaining)
        if (!keep.count(a)) candidate[a] = 0;
      rederive(candidate);
      return candidate;
    };
    std::function<bool(const std::vector<ground::GroundAtomId>&)> holds =
        [&](const std::vector<ground::GroundAtomId>& kept) { return conflicts_in(keeping(kept)); };
    s = keeping(drop_while_holds(remaining, holds));
  }
  //    Numbers: the least value that still shows the conflict.
  minimise_quantities(s, conflicts_in, rederive);
  // 2. A representative minimal instance set in the cut scenario, chosen
  //    by a canonical order of instances (bearer, then binding, by name;
  //    then clause identity): the earliest instances that conflict are kept.
  auto names_of = [&](const ground::NormInstance& n) {
    std::vector<std::string> out{world_.entities.at(n.bearer).name};
    for (sema::EntityId e : n.binding) out.push_back(world_.entities.at(e).name);
    return out;
  };
  std::map<sema::ClauseId, std::size_t> clause_rank;
  for (std::size_t i = 0; i < clauses.size(); ++i) clause_rank[clauses[i]] = i;
  auto instance_before = [&](std::uint32_t a, std::uint32_t b) {
    const ground::NormInstance& x = problem_.norms[a];
    const ground::NormInstance& y = problem_.norms[b];
    std::vector<std::string> nx = names_of(x), ny = names_of(y);
    if (nx != ny) return nx < ny;
    if (x.clause != y.clause) return clause_rank[x.clause] < clause_rank[y.clause];
    return a < b;
  };
  // Over many instances the solver's core is the starting point instead
  // (one check instead of O(k log n)); it is deterministic too, since the
  // files are read in a canonical order.
  std::vector<std::uint32_t> ordered = norms;
  if (ordered.size() > kMaxCanonicalRepresentative) {
    Compliance compliance = comply(s, norms, exercise);
    if (!compliance.core.empty()) ordered = compliance.core;
  }
  std::sort(ordered.begin(), ordered.end(), instance_before);
  std::function<bool(const std::vector<std::uint32_t>&)> still_conflicts = [&](const std::vector<std::uint32_t>& kept) {
    // As for the scenario: after a stop the instances are kept as cut so far.
    if (stop_requested()) return false;
    return !kept.empty() && comply(s, kept, exercise).outcome == smt::Outcome::Unsat;
  };
  std::vector<std::uint32_t> representative = drop_while_holds(ordered, still_conflicts);
  std::sort(representative.begin(), representative.end(), [&](std::uint32_t a, std::uint32_t b) {
    const ground::NormInstance& x = problem_.norms[a];
    const ground::NormInstance& y = problem_.norms[b];
    if (x.clause != y.clause) return clause_rank[x.clause] < clause_rank[y.clause];
    return instance_before(a, b);
  });
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
  //    ones (mentioned by the representative) whose truth dissolves the
  //    conflict; numbers the representative mentions and that some other
  //    value would dissolve (a number under which it conflicts whatever its
  //    value is cut like a Boolean).
  std::set<ground::GroundAtomId> mentioned;
  for (std::uint32_t n : representative) {
    ground::collect_atoms(pool_, problem_.norms[n].applicability, mentioned);
    ground::collect_atoms(pool_, problem_.norms[n].content, mentioned);
  }
  if (exercise) ground::collect_atoms(pool_, problem_.norms[*exercise].applicability, mentioned);
  for (ground::GroundAtomId a : component_.circumstances) {
    const ground::GroundAtom& atom = problem_.atoms[a];
    if (stop_requested()) {
      // No more solver questions after a stop: the true circumstances and
      // the numbers the representative mentions stand for the witness.
      if (s[a] != 0 || (atom.is_quantity && mentioned.count(a))) f.witness.push_back({a, s[a]});
      continue;
    }
    if (atom.is_quantity) {
      if (mentioned.count(a) && comply(s, representative, exercise, a).outcome != smt::Outcome::Unsat)
        f.witness.push_back({a, s[a]});
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
  // 5. The states caught (semantics.md 7); empty when no single party is
  //    bound by every clause (the report then names who is bound by which).
  f.caught = caught_in(s, clauses, norms, permission);
  // A stop during the write-up leaves the witness uncut and the states
  // caught counted only up to the stop; the report says so.
  f.cut_short = stop_requested();
  f.instance_count = conflict_instance_count(problem_, tables_, clauses, permission);
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
