// The conflict search: components, the two-solver loop, permissions.
#include "analysis/analyse.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <functional>
#include <exception>
#include <mutex>
#include <thread>

#include "analysis/axioms_used.h"
#include "analysis/engine.h"

namespace tc::analysis {
namespace {


struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};


/// Whether the default course of conduct (nothing done, quantities at their
/// lower bounds) satisfies the conduct axioms in every scenario that
/// satisfies the scenario axioms. Then every such scenario is possible,
/// and the exists side needs no copy of the conduct to say so.
bool default_conduct_always_possible(ground::Problem& problem, const ProblemTables& tables, const smt::Limits& limits) {
  smt::Solver solver(problem, limits);
  std::vector<ground::NodeId> conduct_axioms;
  for (const ground::AxiomInstance& axiom : problem.axioms) {
    if (axiom.mentions_conduct)
      conduct_axioms.push_back(ground::substitute(problem.pool, axiom.formula, tables.conduct_mask, tables.defaults));
    else solver.add(solver.encode(axiom.formula));
  }
  solver.add(solver.encode(problem.pool.negate(problem.pool.conj(conduct_axioms))));
  return solver.check() == smt::Outcome::Unsat;
}

/// The axioms a background finding is about, in source order: those of a
/// minimal contradicting set when `contradicting` and the solver finds
/// one, else every axiom (the question was about all of them).
std::vector<std::uint32_t> background_axioms(const sema::World& world, const ground::Problem& problem,
                                             bool contradicting, const smt::Limits& limits) {
  std::set<std::uint32_t> out;
  if (contradicting)
    for (std::uint32_t i : contradicting_axioms(problem, limits))
      if (problem.axioms[i].axiom < world.axioms.size()) out.insert(problem.axioms[i].axiom);  // not bounds, not scenario facts
  if (out.empty())
    for (std::uint32_t a = 0; a < world.axioms.size(); ++a) out.insert(a);
  std::vector<std::uint32_t> ordered(out.begin(), out.end());
  std::sort(ordered.begin(), ordered.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Span& x = world.axioms[a].span;
    const Span& y = world.axioms[b].span;
    return std::tie(x.file, x.begin, a) < std::tie(y.file, y.begin, b);
  });
  return ordered;
}

}  // namespace

ground::NodeId requirement(ground::Pool& pool, const ground::NormInstance& n) {
  return n.modality == sema::Modality::Prohibition ? pool.negate(n.content) : n.content;
}

std::vector<Component> partition(const sema::World& world, const ground::Problem& problem) {
  // Nodes: clauses first, then ground atoms (conduct only link).
  std::size_t clause_count = world.clauses.size();
  UnionFind uf(clause_count + problem.atoms.size());
  auto link_conduct = [&](std::uint32_t owner, ground::NodeId node) {
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(problem.pool, node, atoms);
    for (ground::GroundAtomId a : atoms)
      if (problem.atoms[a].is_conduct) uf.unite(owner, static_cast<std::uint32_t>(clause_count + a));
  };
  for (const ground::NormInstance& n : problem.norms) {
    link_conduct(n.clause, n.content);
    link_conduct(n.clause, n.applicability);
  }
  std::vector<std::optional<std::uint32_t>> axiom_root(problem.axioms.size());
  for (std::uint32_t i = 0; i < problem.axioms.size(); ++i) {
    if (!problem.axioms[i].mentions_conduct) continue;
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(problem.pool, problem.axioms[i].formula, atoms);
    std::optional<std::uint32_t> first;
    for (ground::GroundAtomId a : atoms) {
      if (!problem.atoms[a].is_conduct) continue;
      std::uint32_t node = static_cast<std::uint32_t>(clause_count + a);
      if (first) uf.unite(*first, node);
      else first = node;
    }
    axiom_root[i] = first;
  }
  std::map<std::uint32_t, Component> by_root;
  for (sema::ClauseId c = 0; c < clause_count; ++c) {
    if (problem.norms_of_clause[c].empty()) continue;
    Component& comp = by_root[uf.find(c)];
    if (world.clauses[c].modality == sema::Modality::Permission) comp.permissions.push_back(c);
    else comp.clauses.push_back(c);
  }
  for (std::uint32_t i = 0; i < problem.axioms.size(); ++i) {
    if (!axiom_root[i]) continue;
    auto it = by_root.find(uf.find(*axiom_root[i]));
    if (it != by_root.end()) it->second.conduct_axioms.push_back(i);
  }
  // Atoms linked by any axiom (circumstances and conduct alike).
  UnionFind linked(problem.atoms.size());
  std::vector<std::optional<ground::GroundAtomId>> axiom_atom(problem.axioms.size());
  for (std::uint32_t i = 0; i < problem.axioms.size(); ++i) {
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(problem.pool, problem.axioms[i].formula, atoms);
    for (ground::GroundAtomId a : atoms) {
      if (axiom_atom[i]) linked.unite(*axiom_atom[i], a);
      else axiom_atom[i] = a;
    }
  }
  // The axioms of each linked group, in problem order: looking them up per
  // component instead of scanning every axiom keeps partition linear.
  std::unordered_map<ground::GroundAtomId, std::vector<std::uint32_t>> axioms_of_group;
  for (std::uint32_t i = 0; i < problem.axioms.size(); ++i)
    if (axiom_atom[i]) axioms_of_group[linked.find(*axiom_atom[i])].push_back(i);
  std::vector<Component> out;
  for (auto& [root, comp] : by_root) {
    std::set<ground::GroundAtomId> own;  // every atom of the component's norms and conduct axioms
    for (auto* list : {&comp.clauses, &comp.permissions})
      for (sema::ClauseId c : *list)
        for (std::uint32_t n : problem.norms_of_clause[c]) {
          ground::collect_atoms(problem.pool, problem.norms[n].content, own);
          ground::collect_atoms(problem.pool, problem.norms[n].applicability, own);
        }
    for (std::uint32_t i : comp.conduct_axioms) ground::collect_atoms(problem.pool, problem.axioms[i].formula, own);
    for (ground::GroundAtomId a : own)
      if (!problem.atoms[a].is_conduct) comp.circumstances.push_back(a);  // sorted, as `own` is
    std::set<std::uint32_t> groups;
    for (ground::GroundAtomId a : own) groups.insert(linked.find(a));
    for (std::uint32_t group : groups)
      if (auto it = axioms_of_group.find(group); it != axioms_of_group.end())
        comp.background_axioms.insert(comp.background_axioms.end(), it->second.begin(), it->second.end());
    std::sort(comp.background_axioms.begin(), comp.background_axioms.end());
    for (std::uint32_t i : comp.background_axioms) ground::collect_atoms(problem.pool, problem.axioms[i].formula, own);
    comp.background_atoms.assign(own.begin(), own.end());
    out.push_back(std::move(comp));
  }
  return out;
}

ComponentEngine::ComponentEngine(const sema::World& world, const ground::Problem& problem, const Component& component,
                                 const AnalysisOptions& options, bool possibility_trivial,
                                 const ground::Assignment& background_model, const ProblemTables& tables,
                                 Analysis& out)
    : world_(world), problem_(problem), pool_(&problem.pool), component_(component), options_(options), out_(out),
      possibility_trivial_(possibility_trivial), background_model_(background_model), tables_(tables),
      forall_(problem, options.limits, nullptr, &pool_), possible_(problem, options.limits, &forall_) {
  for (std::uint32_t i : component.conduct_axioms) forall_.add(forall_.encode(problem.axioms[i].formula));
  for (sema::ClauseId c : component.clauses) {
    for (std::uint32_t n : problem.norms_of_clause[c]) {
      const ground::NormInstance& norm = problem.norms[n];
      smt::Term lit = forall_.fresh_bool("n" + std::to_string(n));
      ground::NodeId complies = pool_.implies(norm.applicability, requirement(pool_, norm));
      forall_.add(forall_.mk_implies(lit, forall_.encode(complies)));
      norm_literal_[n] = lit;
    }
  }
  for (std::uint32_t i : component.background_axioms) possible_.add(possible_.encode(problem.axioms[i].formula));
}

ground::Assignment ComponentEngine::complete(const ground::Assignment& partial) const {
  ground::Assignment out = background_model_;
  for (ground::GroundAtomId a : component_.background_atoms) out[a] = partial[a];
  return out;
}

ground::Assignment ComponentEngine::scenario_of(const smt::Solver& e) const {
  ground::Assignment out = background_model_;
  for (ground::GroundAtomId a : component_.background_atoms)
    out[a] = problem_.atoms[a].is_conduct ? 0 : e.model_value(a);
  return out;
}

bool ComponentEngine::in_background(ground::GroundAtomId atom) const {
  return std::binary_search(component_.background_atoms.begin(), component_.background_atoms.end(), atom);
}

ProblemTables problem_tables(const ground::Problem& problem) {
  ProblemTables out;
  out.conduct_mask.resize(problem.atoms.size());
  out.defaults.assign(problem.atoms.size(), 0);
  for (std::size_t i = 0; i < problem.atoms.size(); ++i) {
    out.conduct_mask[i] = problem.atoms[i].is_conduct;
    out.defaults[i] = problem.atoms[i].default_value();
  }
  UnionFind links(problem.atoms.size());
  for (const ground::AxiomInstance& axiom : problem.axioms) {
    if (axiom.axiom == ground::kBoundsAxiom) continue;
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(problem.pool, axiom.formula, atoms);
    std::optional<ground::GroundAtomId> first;
    for (ground::GroundAtomId a : atoms) {
      if (!problem.atoms[a].is_conduct) continue;
      if (first) links.unite(*first, a);
      else first = a;
    }
  }
  out.conduct_links = std::move(links.parent);
  return out;
}

namespace {

bool stop_requested(const AnalysisOptions& options) {
  return options.interrupted != nullptr && options.interrupted->load();
}

std::string stop_reason(const AnalysisOptions& options) {
  if (options.timed_out != nullptr && options.timed_out->load()) return "the wall-clock limit (--timeout) ran out";
  return "interrupted";
}

/// The unknown reason of a query: a query cut short by Ctrl-C or --timeout
/// reports "canceled" like an exhausted budget, so the stop is the real reason.
std::string unknown_reason(const AnalysisOptions& options, const std::string& given) {
  std::string reason = stop_requested(options) ? stop_reason(options) : given;
  return reason.empty() ? "the solver gave no reason" : reason;
}

/// The diagnostic of an open question with `reason` (from unknown_reason).
DiagKind unknown_kind(const std::string& reason) {
  if (reason == "interrupted") return DiagKind::Interrupted;
  // Worded by stop_reason and smt::Solver::reason_unknown.
  return reason.find("--timeout") != std::string::npos ? DiagKind::Timeout : DiagKind::SolverUnknown;
}

}  // namespace

bool ComponentEngine::stop_requested() const { return analysis::stop_requested(options_); }

std::string ComponentEngine::stop_reason() const { return analysis::stop_reason(options_); }

std::vector<std::uint32_t> ComponentEngine::norms_of(const std::vector<sema::ClauseId>& clauses) const {
  std::vector<std::uint32_t> out;
  for (sema::ClauseId c : clauses)
    out.insert(out.end(), problem_.norms_of_clause[c].begin(), problem_.norms_of_clause[c].end());
  return out;
}

std::vector<smt::Term> ComponentEngine::scenario_assumptions(const ground::Assignment& s,
                                                             std::optional<ground::GroundAtomId> free_atom) {
  std::vector<smt::Term> out;
  for (ground::GroundAtomId a : component_.circumstances)
    if (a != free_atom) out.push_back(forall_.scenario_literal(a, s[a]));
  return out;
}

smt::Term ComponentEngine::exercise_literal(std::uint32_t instance) {
  // Made on first use: an obligation search never exercises a permission,
  // and a permission search only its own instances, so encoding every
  // permission instance of the component up front (5,163 on the 2009
  // draft) only made each A-side check slower.
  auto it = exercise_literal_.find(instance);
  if (it != exercise_literal_.end()) return it->second;
  const ground::NormInstance& norm = problem_.norms[instance];
  smt::Term lit = forall_.fresh_bool("x" + std::to_string(instance));
  forall_.add(forall_.mk_implies(lit, forall_.encode(pool_.conj({norm.applicability, norm.content}))));
  exercise_literal_.emplace(instance, lit);
  return lit;
}

Compliance ComponentEngine::comply(const ground::Assignment& s, const std::vector<std::uint32_t>& norms,
                                   std::optional<std::uint32_t> exercise, std::optional<ground::GroundAtomId> free_atom) {
  std::vector<smt::Term> assumptions = scenario_assumptions(s, free_atom);
  std::map<std::uint32_t, std::uint32_t> by_term;
  for (std::uint32_t n : norms) {
    smt::Term t = norm_literal_.at(n);
    by_term[t.index] = n;
    assumptions.push_back(t);
  }
  if (exercise) assumptions.push_back(exercise_literal(*exercise));
  if (free_atom && problem_.atoms[*free_atom].is_quantity) {
    // A free number stays within its declared bounds (a scenario axiom, not on A).
    ground::Pool& pool = pool_;
    const ground::GroundAtom& atom = problem_.atoms[*free_atom];
    ground::NodeId x = pool.int_atom(*free_atom);
    assumptions.push_back(forall_.encode(pool.conj({pool.compare(ast::CompareOp::Le, pool.int_const(atom.lower), x),
                                                    pool.compare(ast::CompareOp::Le, x, pool.int_const(atom.upper))})));
  }
  Compliance result;
  result.outcome = forall_.check(assumptions);
  if (result.outcome == smt::Outcome::Sat) {
    for (ground::GroundAtomId a : component_.background_atoms)
      if (problem_.atoms[a].is_conduct) result.conduct.push_back({a, forall_.model_value(a, 0)});
  } else if (result.outcome == smt::Outcome::Unsat) {
    for (smt::Term t : forall_.core())
      if (auto it = by_term.find(t.index); it != by_term.end()) result.core.push_back(it->second);
    std::sort(result.core.begin(), result.core.end());
  }
  return result;
}

std::optional<ground::Assignment> ComponentEngine::possible(const ground::Assignment& s) {
  if (possibility_trivial_) {
    // The default conduct satisfies the conduct axioms wherever the scenario
    // axioms hold, so the plain evaluator decides (no solver call).
    ground::Assignment values = s;
    for (std::size_t i = 0; i < problem_.atoms.size(); ++i)
      if (problem_.atoms[i].is_conduct) values[i] = tables_.defaults[i];
    for (std::uint32_t i : component_.background_axioms)
      if (!problem_.axioms[i].mentions_conduct && !ground::evaluate(pool_, problem_.axioms[i].formula, values))
        return std::nullopt;
    return values;
  }
  std::vector<smt::Term> assumptions;
  for (ground::GroundAtomId a : component_.background_atoms)
    if (!problem_.atoms[a].is_conduct) assumptions.push_back(possible_.scenario_literal(a, s[a]));
  if (possible_.check(assumptions) != smt::Outcome::Sat) return std::nullopt;
  ground::Assignment conduct = complete(possible_.model_conduct(0));
  for (std::size_t a = 0; a < conduct.size(); ++a)
    if (!problem_.atoms[a].is_conduct) conduct[a] = s[a];
  return conduct;
}

void ComponentEngine::add_background(smt::Solver& e) {
  for (std::uint32_t i : component_.background_axioms) {
    const ground::AxiomInstance& axiom = problem_.axioms[i];
    if (axiom.mentions_conduct && possibility_trivial_) continue;
    smt::Encoding possibility;
    possibility.copy = 1;
    e.add(e.encode(axiom.formula, axiom.mentions_conduct ? possibility : smt::Encoding{}));
  }
}

void ComponentEngine::setup_exists(smt::Solver& e, std::map<sema::ClauseId, smt::Term>& selection) {
  add_background(e);
  std::vector<smt::Term> any;
  for (sema::ClauseId c : component_.clauses) {
    selection[c] = e.fresh_bool("sel" + std::to_string(c));
    any.push_back(selection[c]);
  }
  e.add(e.mk_or(any));
}

std::vector<ground::NodeId> ComponentEngine::fixed_conduct(const ConductValues& conduct) {
  std::vector<ground::NodeId> replacement(problem_.atoms.size(), ground::kKeepAtom);
  for (const auto& [atom, value] : conduct)
    replacement[atom] = problem_.atoms[atom].is_quantity ? pool_.int_const(value)
                        : value                          ? pool_.true_node()
                                                         : pool_.false_node();
  return replacement;
}

namespace {

/// Calls `visit(atom, positive)` for every Boolean atom of `node` with the
/// polarity of its occurrence (both for atoms under `iff`).
void polar_atoms(const ground::Pool& pool, ground::NodeId node, bool positive,
                 const std::function<void(ground::GroundAtomId, bool)>& visit) {
  const ground::Node& n = pool.node(node);
  switch (n.op) {
    case ground::NodeOp::BoolAtom: visit(n.id, positive); break;
    case ground::NodeOp::Not: polar_atoms(pool, n.kids[0], !positive, visit); break;
    case ground::NodeOp::And:
    case ground::NodeOp::Or:
      for (ground::NodeId k : n.kids) polar_atoms(pool, k, positive, visit);
      break;
    case ground::NodeOp::Implies:
      polar_atoms(pool, n.kids[0], !positive, visit);
      polar_atoms(pool, n.kids[1], positive, visit);
      break;
    case ground::NodeOp::Iff:
      for (ground::NodeId k : n.kids) {
        polar_atoms(pool, k, positive, visit);
        polar_atoms(pool, k, !positive, visit);
      }
      break;
    default: break;  // integer comparisons: quantities keep their lower bound
  }
}

/// Like polar_atoms, but where the formula offers a choice (a disjunction,
/// read with its polarity) only the first option that involves conduct is
/// visited: "must a or b" asks for a alone. `involves_conduct` tells
/// whether a subformula mentions a conduct atom.
void chosen_atoms(const ground::Pool& pool, ground::NodeId node, bool positive,
                  const std::function<bool(ground::NodeId)>& involves_conduct,
                  const std::function<void(ground::GroundAtomId, bool)>& visit) {
  const ground::Node& n = pool.node(node);
  auto first = [&](const std::vector<std::pair<ground::NodeId, bool>>& options) {
    for (const auto& [kid, polarity] : options)
      if (involves_conduct(kid)) {
        chosen_atoms(pool, kid, polarity, involves_conduct, visit);
        return;
      }
  };
  switch (n.op) {
    case ground::NodeOp::BoolAtom: visit(n.id, positive); break;
    case ground::NodeOp::Not: chosen_atoms(pool, n.kids[0], !positive, involves_conduct, visit); break;
    case ground::NodeOp::And:
    case ground::NodeOp::Or: {
      bool choice = (n.op == ground::NodeOp::Or) == positive;
      if (!choice) {
        for (ground::NodeId k : n.kids) chosen_atoms(pool, k, positive, involves_conduct, visit);
        break;
      }
      std::vector<std::pair<ground::NodeId, bool>> options;
      for (ground::NodeId k : n.kids) options.push_back({k, positive});
      first(options);
      break;
    }
    case ground::NodeOp::Implies:
      if (positive) {
        first({{n.kids[0], false}, {n.kids[1], true}});
      } else {
        chosen_atoms(pool, n.kids[0], true, involves_conduct, visit);
        chosen_atoms(pool, n.kids[1], false, involves_conduct, visit);
      }
      break;
    default: polar_atoms(pool, node, positive, visit); break;
  }
}

}  // namespace

void ComponentEngine::add_strategies(smt::Solver& e, const std::map<sema::ClauseId, smt::Term>& selection,
                                     const std::map<std::uint32_t, smt::Term>* exercised) {
  ground::Pool& pool = pool_;
  const ground::Assignment& defaults = tables_.defaults;
  // For each conduct atom: when some selected, applicable norm wants it
  // true (`wanted`) or false (`unwanted`). Applicability is read with the
  // default conduct, so each strategy depends on the scenario and the
  // selection alone.
  std::map<ground::GroundAtomId, std::vector<smt::Term>> wanted, unwanted, forced;
  // `wanted` with one option of each choice (where an axiom makes a and b
  // exclusive, doing both of "must a or b" complies with nothing): the
  // first option no selected norm forbids, else the first option.
  std::map<ground::GroundAtomId, std::vector<smt::Term>> chosen_wanted;
  std::vector<std::pair<smt::Term, ground::NodeId>> choices;  // (when, requirement) of norms offering a choice
  auto involves_conduct = [&](ground::NodeId node) {
    std::set<ground::GroundAtomId> atoms;
    ground::collect_atoms(pool, node, atoms);
    return std::any_of(atoms.begin(), atoms.end(), [&](ground::GroundAtomId a) { return problem_.atoms[a].is_conduct; });
  };
  std::set<ground::GroundAtomId> conduct;
  // A permission search: the strategies exercise the permission instances
  // E claims, whatever the other norms say.
  if (exercised)
    for (const auto& [n, literal] : *exercised) {
      const ground::NormInstance& norm = problem_.norms[n];
      ground::collect_atoms(pool, norm.content, conduct);
      ground::collect_atoms(pool, norm.applicability, conduct);
      smt::Term when = e.mk_and({literal, e.encode(ground::substitute(pool, norm.applicability, tables_.conduct_mask, defaults))});
      polar_atoms(pool, norm.content, true, [&](ground::GroundAtomId atom, bool positive) {
        if (problem_.atoms[atom].is_conduct && positive) forced[atom].push_back(when);
      });
    }
  for (sema::ClauseId c : component_.clauses)
    for (std::uint32_t n : problem_.norms_of_clause[c]) {
      const ground::NormInstance& norm = problem_.norms[n];
      ground::collect_atoms(pool, norm.content, conduct);
      ground::collect_atoms(pool, norm.applicability, conduct);
      ground::NodeId applies = ground::substitute(pool, norm.applicability, tables_.conduct_mask, defaults);
      if (pool.is_false(applies)) continue;
      std::optional<smt::Term> when;
      std::size_t asked = 0, chosen = 0;
      ground::NodeId required = requirement(pool, norm);
      polar_atoms(pool, required, true, [&](ground::GroundAtomId atom, bool positive) {
        if (!problem_.atoms[atom].is_conduct) return;
        if (!when) when = e.mk_and({selection.at(c), e.encode(applies)});
        (positive ? wanted : unwanted)[atom].push_back(*when);
        asked += positive;
      });
      chosen_atoms(pool, required, true, involves_conduct,
                   [&](ground::GroundAtomId atom, bool positive) { chosen += positive && problem_.atoms[atom].is_conduct; });
      if (chosen != asked) choices.push_back({*when, required});
      else
        polar_atoms(pool, required, true, [&](ground::GroundAtomId atom, bool positive) {
          if (problem_.atoms[atom].is_conduct && positive) chosen_wanted[atom].push_back(*when);
        });
    }
  // Now that `unwanted` is known: a choice among plain acts ("must a or b
  // or c") takes nothing when one of its options is done anyway (asked by
  // a norm without a choice, or a claimed permission), else its first
  // option that no selected norm forbids; any other choice takes its
  // first option.
  const std::map<ground::GroundAtomId, std::vector<smt::Term>> plainly_wanted = chosen_wanted;  // before any choice
  for (const auto& choice : choices) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    smt::Term when = choice.first;
    ground::NodeId required = choice.second;
    const ground::Node& n = pool.node(required);
    bool plain = n.op == ground::NodeOp::Or;
    for (ground::NodeId k : n.kids)
      plain = plain && pool.node(k).op == ground::NodeOp::BoolAtom && problem_.atoms[pool.node(k).id].is_conduct;
    if (!plain) {
      chosen_atoms(pool, required, true, involves_conduct, [&](ground::GroundAtomId atom, bool positive) {
        if (problem_.atoms[atom].is_conduct && positive) chosen_wanted[atom].push_back(when);
      });
      continue;
    }
    std::vector<smt::Term> done_anyway;
    auto add_reasons = [&](const std::map<ground::GroundAtomId, std::vector<smt::Term>>& reasons, ground::GroundAtomId atom) {
      if (auto it = reasons.find(atom); it != reasons.end()) done_anyway.insert(done_anyway.end(), it->second.begin(), it->second.end());
    };
    for (ground::NodeId k : n.kids) {
      add_reasons(plainly_wanted, pool.node(k).id);
      add_reasons(forced, pool.node(k).id);
    }
    smt::Term open = e.mk_and({when, e.mk_not(e.mk_or(done_anyway))});
    std::vector<smt::Term> earlier_forbidden;
    for (ground::NodeId k : n.kids) {
      ground::GroundAtomId atom = pool.node(k).id;
      auto no = unwanted.find(atom);
      smt::Term forbidden = no == unwanted.end() ? e.mk_or({}) : e.mk_or(no->second);
      std::vector<smt::Term> pick{open, e.mk_not(forbidden)};
      pick.insert(pick.end(), earlier_forbidden.begin(), earlier_forbidden.end());
      chosen_wanted[atom].push_back(e.mk_and(pick));
      earlier_forbidden.push_back(forbidden);
    }
  }
  for (std::uint32_t i : component_.conduct_axioms) ground::collect_atoms(pool, problem_.axioms[i].formula, conduct);
  // Conduct axioms `x iff y` between two acts (joining NATO is being
  // admitted by it) make one act of two: a strategy that did one without
  // the other would break the axiom and refute nothing.
  std::map<ground::GroundAtomId, ground::GroundAtomId> same_act;
  auto act_of = [&](ground::GroundAtomId a) {
    while (same_act.count(a) && same_act.at(a) != a) a = same_act.at(a);
    return a;
  };
  for (std::uint32_t i : component_.conduct_axioms) {
    const ground::Node& n = pool.node(problem_.axioms[i].formula);
    if (n.op != ground::NodeOp::Iff) continue;
    const ground::Node& x = pool.node(n.kids[0]);
    const ground::Node& y = pool.node(n.kids[1]);
    if (x.op != ground::NodeOp::BoolAtom || y.op != ground::NodeOp::BoolAtom) continue;
    if (!problem_.atoms[x.id].is_conduct || !problem_.atoms[y.id].is_conduct) continue;
    ground::GroundAtomId a = act_of(x.id), b = act_of(y.id);
    if (a != b) same_act[std::max(a, b)] = std::min(a, b);
  }
  for (auto* reasons : {&wanted, &unwanted, &forced, &chosen_wanted}) {
    std::map<ground::GroundAtomId, std::vector<smt::Term>> merged;
    for (auto& [atom, terms] : *reasons) {
      auto& into = merged[act_of(atom)];
      into.insert(into.end(), terms.begin(), terms.end());
    }
    std::map<ground::GroundAtomId, std::vector<smt::Term>> spread;
    for (ground::GroundAtomId atom : conduct)
      if (auto it = merged.find(act_of(atom)); it != merged.end()) spread[atom] = it->second;
    *reasons = std::move(spread);
  }
  // Do nothing; do whatever some selected norm asks; do what is asked
  // unless some selected norm forbids it; where norms offer a choice, do
  // one option of each choice unless forbidden (only when some norm
  // offers a choice).
  for (int kind = 0; kind < (choices.empty() ? 3 : 4); ++kind) {
    std::uint32_t copy = next_copy_++;
    const auto& asking = kind == 3 ? chosen_wanted : wanted;
    for (ground::GroundAtomId atom : conduct) {
      if (!problem_.atoms[atom].is_conduct) continue;
      smt::Term x = e.conduct_literal(atom, problem_.atoms[atom].is_quantity ? defaults[atom] : 1, copy);
      auto it = asking.find(atom);
      auto must = forced.find(atom);
      if (problem_.atoms[atom].is_quantity || ((kind == 0 || it == asking.end()) && must == forced.end())) {
        e.add(problem_.atoms[atom].is_quantity ? x : e.mk_not(x));
        continue;
      }
      std::vector<smt::Term> reasons;
      if (kind != 0 && it != asking.end()) {
        smt::Term asked = e.mk_or(it->second);
        if (auto no = unwanted.find(atom); kind >= 2 && no != unwanted.end())
          asked = e.mk_and({asked, e.mk_not(e.mk_or(no->second))});
        reasons.push_back(asked);
      }
      if (must != forced.end()) reasons.push_back(e.mk_or(must->second));
      smt::Term value = e.mk_or(reasons);
      e.add(e.mk_implies(x, value));
      e.add(e.mk_implies(value, x));
    }
    smt::Encoding strategy;
    strategy.copy = copy;
    std::vector<smt::Term> premise;
    for (std::uint32_t i : component_.conduct_axioms) premise.push_back(e.encode(problem_.axioms[i].formula, strategy));
    std::vector<smt::Term> violations;
    for (sema::ClauseId c : component_.clauses)
      for (std::uint32_t n : problem_.norms_of_clause[c]) {
        const ground::NormInstance& norm = problem_.norms[n];
        ground::NodeId broken = pool.conj({norm.applicability, pool.negate(requirement(pool, norm))});
        if (!pool.is_false(broken)) violations.push_back(e.mk_and({selection.at(c), e.encode(broken, strategy)}));
      }
    smt::Term refute = e.mk_implies(e.mk_and(premise), e.mk_or(violations));
    if (!exercised) {
      e.add(refute);
      continue;
    }
    // As for a concrete conduct: it refutes only when it exercises a claimed instance.
    std::vector<smt::Term> uses;
    for (const auto& [n, literal] : *exercised) {
      const ground::NormInstance& norm = problem_.norms[n];
      uses.push_back(e.mk_and({literal, e.encode(pool.conj({norm.applicability, norm.content}), strategy)}));
    }
    e.add(e.mk_implies(e.mk_or(uses), refute));
  }
}

smt::Term ComponentEngine::refutation(smt::Solver& e, const std::vector<ground::NodeId>& conduct,
                                      const std::map<sema::ClauseId, smt::Term>& selection,
                                      const std::vector<std::uint32_t>* only_norms) {
  ground::Pool& pool = pool_;
  std::vector<ground::NodeId> premise;
  for (std::uint32_t i : component_.conduct_axioms)
    premise.push_back(ground::replace_atoms(pool, problem_.axioms[i].formula, conduct));
  std::vector<smt::Term> violations;
  auto add_violation = [&](std::uint32_t n, std::optional<smt::Term> guard) {
    const ground::NormInstance& norm = problem_.norms[n];
    ground::NodeId broken = pool.conj({norm.applicability, pool.negate(requirement(pool, norm))});
    ground::NodeId specialised = ground::replace_atoms(pool, broken, conduct);
    if (pool.is_false(specialised)) return;
    smt::Term t = e.encode(specialised);
    violations.push_back(guard ? e.mk_and({*guard, t}) : t);
  };
  if (only_norms) {
    for (std::uint32_t n : *only_norms) add_violation(n, std::nullopt);
  } else {
    for (sema::ClauseId c : component_.clauses)
      for (std::uint32_t n : problem_.norms_of_clause[c]) add_violation(n, selection.at(c));
  }
  return e.mk_implies(e.encode(pool.conj(premise)), e.mk_or(violations));
}

std::vector<sema::ClauseId> ComponentEngine::shrink(const ground::Assignment& s, const std::vector<std::uint32_t>& core,
                                                   std::optional<std::uint32_t> exercise) {
  PhaseTimer timer(out_.stats.seconds_minimise);
  std::set<sema::ClauseId> core_clauses;
  for (std::uint32_t n : core) core_clauses.insert(problem_.norms[n].clause);
  std::vector<sema::ClauseId> minimal(core_clauses.begin(), core_clauses.end());
  for (std::size_t i = 0; i < minimal.size();) {
    std::vector<sema::ClauseId> without = minimal;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    // An obligation conflict keeps at least one clause; with a permission
    // the empty set is tried too (the permission alone may be unusable).
    bool allowed = exercise.has_value() || !without.empty();
    if (allowed && comply(s, norms_of(without), exercise).outcome == smt::Outcome::Unsat) minimal = without;
    else ++i;
  }
  return minimal;
}

void ComponentEngine::find_obligation_conflicts() {
  if (component_.clauses.empty()) return;
  smt::Solver e(problem_, options_.limits, &forall_);
  std::map<sema::ClauseId, smt::Term> selection;
  setup_exists(e, selection);
  // Seed E with conduct strategies: each rules out, in one refinement,
  // every scenario it copes with (a strategy is a course of conduct chosen
  // as a function of the scenario, so this is sound refinement).
  add_strategies(e, selection);
  for (std::size_t round = 0;; ++round) {
    if (stop_requested()) {
      record_unknown("obligation conflicts", stop_reason());
      return;
    }
    if (round == options_.max_rounds) {
      record_unknown("obligation conflicts", "the search exceeded " + std::to_string(options_.max_rounds) + " refinement rounds");
      return;
    }
    // Ask first for a scenario with every clause selected: a conduct that
    // complies with all of them refutes the most (S, selection) pairs at
    // once, and a failure shows a conflict at once. Fall back to any selection.
    std::vector<smt::Term> all_selected;
    for (const auto& [clause, literal] : selection) all_selected.push_back(literal);
    smt::Outcome outcome = e.check(all_selected);
    if (outcome == smt::Outcome::Unsat) outcome = e.check();
    out_.stats.solver_checks++;
    if (options_.progress && round % 10 == 0)
      options_.progress("obligation conflicts: round " + std::to_string(round) + ", " +
                        std::to_string(component_.clauses.size()) + " clauses");
    if (outcome == smt::Outcome::Unsat) return;
    if (outcome == smt::Outcome::Unknown) {
      record_unknown("obligation conflicts", e.reason_unknown());
      return;
    }
    ground::Assignment s = scenario_of(e);
    std::vector<sema::ClauseId> chosen;
    for (sema::ClauseId c : component_.clauses)
      if (e.model_bool(selection.at(c))) chosen.push_back(c);
    Compliance compliance = comply(s, norms_of(chosen));
    if (compliance.outcome == smt::Outcome::Unknown) {
      record_unknown("obligation conflicts", forall_.reason_unknown());
      return;
    }
    if (compliance.outcome == smt::Outcome::Sat) {
      e.add(refutation(e, fixed_conduct(compliance.conduct), selection, nullptr));
      out_.stats.refinements++;
      continue;
    }
    std::vector<sema::ClauseId> minimal = shrink(s, compliance.core, std::nullopt);
    // Block every superset of `minimal` in every scenario where it conflicts.
    std::uint32_t copy = next_copy_++;
    smt::Encoding fresh;
    fresh.copy = copy;
    std::vector<smt::Term> compliable;
    for (std::uint32_t i : component_.conduct_axioms) compliable.push_back(e.encode(problem_.axioms[i].formula, fresh));
    for (std::uint32_t n : norms_of(minimal)) {
      const ground::NormInstance& norm = problem_.norms[n];
      compliable.push_back(e.encode(pool_.implies(norm.applicability, requirement(pool_, norm)), fresh));
    }
    std::vector<smt::Term> selected;
    for (sema::ClauseId c : minimal) selected.push_back(selection.at(c));
    e.add(e.mk_implies(e.mk_and(selected), e.mk_and(compliable)));
    record(FindingKind::ObligationConflict, minimal, std::nullopt, std::nullopt, s);
  }
}

void ComponentEngine::find_permission_conflicts(sema::ClauseId permission) {
  if (component_.clauses.empty()) return;
  const std::vector<std::uint32_t>& instances = problem_.norms_of_clause[permission];
  smt::Solver e(problem_, options_.limits, &forall_);
  std::map<sema::ClauseId, smt::Term> selection;
  setup_exists(e, selection);
  ground::Pool& pool = pool_;
  // The permission is usable in S: some conduct (copy 2) satisfies the
  // component's axioms, makes the instance apply and exercises it.
  std::map<std::uint32_t, smt::Term> exercised;
  std::vector<smt::Term> any;
  smt::Encoding usable;
  usable.copy = 2;
  std::vector<smt::Term> axioms_copy2;
  for (std::uint32_t i : component_.conduct_axioms) axioms_copy2.push_back(e.encode(problem_.axioms[i].formula, usable));
  for (std::uint32_t n : instances) {
    smt::Term x = e.fresh_bool("ex" + std::to_string(n));
    exercised[n] = x;
    any.push_back(x);
    std::vector<smt::Term> use = axioms_copy2;
    use.push_back(e.encode(pool.conj({problem_.norms[n].applicability, problem_.norms[n].content}), usable));
    e.add(e.mk_implies(x, e.mk_and(use)));
  }
  e.add(e.mk_or(any));
  // The selected clauses must be compliable in S without the permission:
  // a set that conflicts by itself is an obligation conflict, reported as such.
  {
    smt::Encoding alone;
    alone.copy = next_copy_++;
    for (std::uint32_t i : component_.conduct_axioms) e.add(e.encode(problem_.axioms[i].formula, alone));
    for (sema::ClauseId c : component_.clauses) {
      std::vector<smt::Term> complied;
      for (std::uint32_t n : problem_.norms_of_clause[c]) {
        const ground::NormInstance& norm = problem_.norms[n];
        complied.push_back(e.encode(pool.implies(norm.applicability, requirement(pool, norm)), alone));
      }
      e.add(e.mk_implies(selection.at(c), e.mk_and(complied)));
    }
  }
  add_strategies(e, selection, &exercised);
  std::string question = "permission conflicts of " + world_.clause_title(permission);
  for (std::size_t round = 0;; ++round) {
    if (stop_requested()) {
      record_unknown(question, stop_reason());
      return;
    }
    if (round == options_.max_rounds) {
      record_unknown(question, "the search exceeded " + std::to_string(options_.max_rounds) + " refinement rounds");
      return;
    }
    smt::Outcome outcome = e.check();
    out_.stats.solver_checks++;
    if (options_.progress && round % 10 == 0) options_.progress(question + ": round " + std::to_string(round));
    if (outcome == smt::Outcome::Unsat) return;
    if (outcome == smt::Outcome::Unknown) {
      record_unknown(question, e.reason_unknown());
      return;
    }
    ground::Assignment s = scenario_of(e);
    std::uint32_t instance = instances.front();
    for (std::uint32_t n : instances)
      if (e.model_bool(exercised.at(n))) {
        instance = n;
        break;
      }
    std::vector<sema::ClauseId> chosen;
    for (sema::ClauseId c : component_.clauses)
      if (e.model_bool(selection.at(c))) chosen.push_back(c);
    Compliance compliance = comply(s, norms_of(chosen), instance);
    if (compliance.outcome == smt::Outcome::Unknown) {
      record_unknown(question, forall_.reason_unknown());
      return;
    }
    if (compliance.outcome == smt::Outcome::Sat) {
      // This conduct exercises some instances and complies with the selection.
      std::vector<ground::NodeId> fixed = fixed_conduct(compliance.conduct);
      std::vector<smt::Term> uses;
      for (std::uint32_t n : instances) {
        ground::NodeId use = pool.conj({problem_.norms[n].applicability, problem_.norms[n].content});
        ground::NodeId specialised = ground::replace_atoms(pool, use, fixed);
        if (!pool.is_false(specialised)) uses.push_back(e.mk_and({exercised.at(n), e.encode(specialised)}));
      }
      smt::Term refute = refutation(e, fixed, selection, nullptr);
      e.add(e.mk_implies(e.mk_or(uses), refute));
      out_.stats.refinements++;
      continue;
    }
    std::vector<sema::ClauseId> minimal = shrink(s, compliance.core, instance);
    if (minimal.empty()) {
      // The permission cannot be exercised here at all: a lint matter, not a conflict.
      // E proposed it as usable, so this only happens through the A/E axiom split; block it.
      e.add(e.mk_not(exercised.at(instance)));
      continue;
    }
    // A permission conflict is reported with its smallest clause sets:
    // once `minimal` conflicts with the permission in some situation, its
    // supersets are not searched (docs/checking.md). Blocking them outright
    // keeps the loop from enumerating every instance of the permission.
    std::vector<smt::Term> selected;
    for (sema::ClauseId c : minimal) selected.push_back(selection.at(c));
    e.add(e.mk_not(e.mk_and(selected)));
    record(FindingKind::PermissionConflict, minimal, permission, instance, s);
  }
}

void ComponentEngine::record_unknown(const std::string& question, const std::string& given) {
  std::string reason = unknown_reason(options_, given);
  Finding f;
  f.kind = FindingKind::Unknown;
  f.diag = unknown_kind(reason);
  f.severity = Severity::Error;
  f.clauses = component_.clauses;
  std::sort(f.clauses.begin(), f.clauses.end(),
            [&](sema::ClauseId a, sema::ClauseId b) { return clause_before(world_, a, b); });
  f.question = question;
  f.unknown_reason = reason;
  f.id = finding_id(world_, f.kind, f.diag, f.clauses, std::nullopt);
  out_.findings.push_back(std::move(f));
}

namespace {

/// One independent question: the obligation search of a component, or
/// the search of one of its permissions.
struct SearchTask {
  std::size_t component = 0;
  std::optional<sema::ClauseId> permission;
};

/// The number of worker threads for `requested` (0 = one per core).
std::size_t worker_count(std::size_t requested, std::size_t tasks) {
  std::size_t jobs = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(jobs, tasks));
}

/// Runs every task on `options.jobs` workers; result i belongs to task i.
/// The problem is only read while tasks run (engines build in overlays).
std::vector<Analysis> run_tasks(const sema::World& world, const ground::Problem& problem,
                                const std::vector<Component>& components, const std::vector<SearchTask>& tasks,
                                const AnalysisOptions& options, bool trivial, const ground::Assignment& background_model,
                                const ProblemTables& tables) {
  std::vector<Analysis> results(tasks.size());
  std::vector<smt::Accounting> accounting(tasks.size());
  // Workers report progress concurrently; the caller's callback need not be thread-safe.
  std::mutex progress_mutex;
  AnalysisOptions shared = options;
  if (options.progress)
    shared.progress = [&progress_mutex, &options](const std::string& line) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      options.progress(line);
    };
  auto run_one = [&](std::size_t i) {
    AnalysisOptions own = shared;
    own.limits.accounting = &accounting[i];
    const SearchTask& task = tasks[i];
    ComponentEngine engine(world, problem, components[task.component], own, /*possibility_trivial=*/trivial,
                           background_model, tables, results[i]);
    if (task.permission) engine.find_permission_conflicts(*task.permission);
    else engine.find_obligation_conflicts();
    results[i].stats.seconds_encode = accounting[i].encode_seconds;
    results[i].stats.seconds_solve = accounting[i].check_seconds;
    results[i].stats.z3_checks = accounting[i].checks;
  };
  // Start the largest questions first, so that one long search does not
  // begin last; the order of the results does not depend on it.
  std::vector<std::size_t> order(tasks.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::size_t> size(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i)
    for (sema::ClauseId c : components[tasks[i].component].clauses) size[i] += problem.norms_of_clause[c].size();
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  std::size_t workers = worker_count(options.jobs, tasks.size());
  if (workers == 1) {
    for (std::size_t i : order) run_one(i);
    return results;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(workers);
  auto work = [&](std::size_t w) {
    try {
      for (std::size_t k = next++; k < order.size(); k = next++) run_one(order[k]);
    } catch (...) {
      failures[w] = std::current_exception();
      next = order.size();  // the others stop taking tasks
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

/// Merges per-task results in task order, as one engine running the
/// tasks one after another would have recorded them: a conflict already
/// found (same id) is kept once, the last internal error message wins.
void merge_results(std::vector<Analysis>& results, Analysis& out) {
  std::set<std::string> seen;
  for (const Finding& f : out.findings) seen.insert(f.id);
  for (Analysis& r : results) {
    for (Finding& f : r.findings) {
      if (f.kind != FindingKind::Unknown && !seen.insert(f.id).second) continue;
      out.findings.push_back(std::move(f));
    }
    if (r.internal_error) {
      out.internal_error = true;
      out.internal_error_message = r.internal_error_message;
    }
    Stats& s = out.stats;
    s.solver_checks += r.stats.solver_checks;
    s.refinements += r.stats.refinements;
    s.seconds_encode += r.stats.seconds_encode;
    s.seconds_solve += r.stats.seconds_solve;
    s.z3_checks += r.stats.z3_checks;
    s.seconds_minimise += r.stats.seconds_minimise;
    s.seconds_witness += r.stats.seconds_witness;
  }
}

}  // namespace

Analysis analyse(const sema::World& world, ground::Problem& problem, const AnalysisOptions& caller_options) {
  Analysis out;
  smt::Accounting accounting;
  AnalysisOptions options = caller_options;
  options.limits.accounting = &accounting;
  struct Account {
    Analysis& out;
    smt::Accounting& accounting;
    ~Account() {
      out.stats.seconds_encode += accounting.encode_seconds;
      out.stats.seconds_solve += accounting.check_seconds;
      out.stats.z3_checks += accounting.checks;
    }
  } account{out, accounting};
  out.stats.instances = problem.norms.size();
  out.stats.axiom_instances = problem.axioms.size();
  // Unsatisfiable background first: nothing else can be trusted.
  ground::Assignment background_model;
  {
    smt::Solver background(problem, options.limits);
    for (const ground::AxiomInstance& axiom : problem.axioms) background.add(background.encode(axiom.formula));
    smt::Outcome outcome = background.check();
    out.stats.solver_checks++;
    if (outcome == smt::Outcome::Sat) background_model = background.model_conduct(0);
    if (outcome != smt::Outcome::Sat) {
      Finding f;
      f.kind = outcome == smt::Outcome::Unsat ? FindingKind::UnsatisfiableBackground : FindingKind::Unknown;
      f.severity = Severity::Error;
      f.question = "whether the axioms and facts are consistent";
      f.unknown_reason = outcome == smt::Outcome::Unknown ? unknown_reason(options, background.reason_unknown()) : "";
      f.diag = outcome == smt::Outcome::Unsat ? DiagKind::UnsatisfiableBackground : unknown_kind(f.unknown_reason);
      f.axioms = background_axioms(world, problem, outcome == smt::Outcome::Unsat, options.limits);
      f.id = finding_id(world, f.kind, f.diag, {}, std::nullopt);
      out.findings.push_back(std::move(f));
      return out;
    }
  }
  if (options.progress)
    options.progress("grounded: " + std::to_string(world.sorts.at(sema::kStateSort).members.size()) + " states, " +
                     std::to_string(problem.norms.size()) + " norm instances, " +
                     std::to_string(problem.axioms.size()) + " axiom instances, " + std::to_string(problem.atoms.size()) +
                     " ground atoms");
  out.permissions_skipped = !options.permissions;
  ProblemTables tables = problem_tables(problem);
  bool trivial = default_conduct_always_possible(problem, tables, options.limits);
  std::vector<Component> components = partition(world, problem);
  out.stats.components = components.size();
  // One task per independent question: a component's obligation search,
  // and each of its permission searches. Every task gets a fresh engine
  // (its own Z3 context and pool overlay) whatever the number of workers,
  // and the results are merged in task order, so --jobs 1 and --jobs N
  // give byte-identical reports.
  std::vector<SearchTask> tasks;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (components[i].clauses.empty()) continue;  // nothing to conflict with
    tasks.push_back({i, std::nullopt});
    if (options.permissions)
      for (sema::ClauseId p : components[i].permissions) tasks.push_back({i, p});
  }
  out.stats.searches = tasks.size();
  out.stats.jobs = worker_count(options.jobs, tasks.size());
  std::vector<Analysis> results =
      run_tasks(world, problem, components, tasks, options, trivial, background_model, tables);
  merge_results(results, out);
  out.stats.ground_atoms = problem.atoms.size();
  std::stable_sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  });
  return out;
}

}  // namespace tc::analysis
