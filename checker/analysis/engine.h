#pragma once
/// Internal to the analysis stage: the counterexample-guided loop over two
/// solvers for one component of interacting clauses (engine-notes.md).
///
/// E (exists side): scenario variables, a selection literal per clause,
/// "the scenario admits some conduct" (conduct copy 1), blocking clauses.
/// A (for-all side): conduct copy 0, the component's conduct axioms, and
/// `lit_n -> (applicable_n -> requirement_n)` per norm instance, with the
/// scenario and the selection passed as assumptions.

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "analysis/analyse.h"

namespace tc::analysis {

/// Adds the lifetime of the scope to a phase total (`--stats`).
class PhaseTimer {
 public:
  explicit PhaseTimer(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() { total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

/// A group of clauses that share conduct (directly or through axioms):
/// only clauses of one component can conflict together.
struct Component {
  std::vector<sema::ClauseId> clauses;      ///< obligations and prohibitions
  std::vector<sema::ClauseId> permissions;
  std::vector<std::uint32_t> conduct_axioms;  ///< indices into Problem::axioms
  std::vector<ground::GroundAtomId> circumstances;  ///< circumstance atoms its formulas mention
  /// Every axiom (scenario or conduct) linked to the component's atoms
  /// through shared atoms, in problem order. The others constrain atoms the
  /// component can never see: given a satisfiable background they hold in
  /// the background model, whatever the component's atoms are, so the
  /// engine neither encodes nor solves them (docs/performance.md).
  std::vector<std::uint32_t> background_axioms;
  /// The atoms of the norms and of `background_axioms`, sorted: the atoms
  /// whose values the engine decides (ComponentEngine::complete).
  std::vector<ground::GroundAtomId> background_atoms;
};

/// Per-atom tables of a problem that every search reads, computed once
/// (computed per search, they made the work of a search grow with the size
/// of the whole corpus).
struct ProblemTables {
  std::vector<bool> conduct_mask;  ///< per atom: a conduct atom
  /// Per atom: the default value (a quantity at its lower bound, else 0).
  ground::Assignment defaults;
  /// Union-find parents over the atoms: conduct atoms that some axiom (not
  /// a quantity bound) mentions together share a root
  /// (conflict_instance_count).
  std::vector<std::uint32_t> conduct_links;
};

/// The tables of `problem`.
ProblemTables problem_tables(const ground::Problem& problem);

/// What a norm instance asks for: its content, negated for a prohibition.
ground::NodeId requirement(ground::Pool& pool, const ground::NormInstance& n);

/// Splits the problem into components (union-find over conduct atoms).
std::vector<Component> partition(const sema::World& world, const ground::Problem& problem);

/// Values of some conduct atoms: (atom, value) pairs.
using ConductValues = std::vector<std::pair<ground::GroundAtomId, std::int64_t>>;

/// Outcome of a compliance question on the A side.
struct Compliance {
  smt::Outcome outcome = smt::Outcome::Unknown;
  /// Sat: a complying course of conduct, as the values of the conduct atoms
  /// of the component's background (the only ones its formulas mention).
  ConductValues conduct;
  std::vector<std::uint32_t> core;     ///< Unsat: norm instances in the core
};

/// The solvers and the loops for one component.
class ComponentEngine {
 public:
  /// `possibility_trivial`: every scenario satisfying the scenario axioms
  /// is possible (the default conduct satisfies the conduct axioms).
  /// `problem` is only read (its pool must not change while the engine
  /// lives): formulas the engine builds go to an overlay of its pool, so
  /// that engines can run in parallel threads, each with its own Z3 context.
  /// `background_model` is a model of every axiom (circumstances and
  /// conduct): scenarios and conduct take its values on the atoms outside
  /// the component's background. `tables` are `problem`'s (problem_tables).
  ComponentEngine(const sema::World& world, const ground::Problem& problem, const Component& component,
                  const AnalysisOptions& options, bool possibility_trivial, const ground::Assignment& background_model,
                  const ProblemTables& tables, Analysis& out);

  /// Enumerates every clause-level obligation conflict of the component.
  void find_obligation_conflicts();
  /// Enumerates the permission conflicts of one permission clause.
  void find_permission_conflicts(sema::ClauseId permission);

  /// Can some conduct comply with `norms` (and exercise `exercise`) in scenario `s`?
  /// With `free_atom`, that circumstance may take any value (not only `s`'s):
  /// Unsat then means no value of it dissolves the conflict.
  Compliance comply(const ground::Assignment& s, const std::vector<std::uint32_t>& norms,
                    std::optional<std::uint32_t> exercise = std::nullopt,
                    std::optional<ground::GroundAtomId> free_atom = std::nullopt);
  /// Is scenario `s` possible (axioms satisfiable by some conduct)? Returns that conduct.
  std::optional<ground::Assignment> possible(const ground::Assignment& s);

 private:
  friend class FindingBuilder;
  /// Adds the scenario axioms and "the scenario is possible" to an exists-side solver.
  void add_background(smt::Solver& e);
  /// Builds E's common part: scenario axioms, possibility, selection literals.
  void setup_exists(smt::Solver& e, std::map<sema::ClauseId, smt::Term>& selection);
  /// Encodes `Axioms_K(S, a) -> not Compliant_sel(S, a)` for a conduct `a`
  /// given as a replacement of each conduct atom (a constant, or a formula
  /// over the scenario for a strategy).
  smt::Term refutation(smt::Solver& e, const std::vector<ground::NodeId>& conduct,
                       const std::map<sema::ClauseId, smt::Term>& selection, const std::vector<std::uint32_t>* only_norms);
  /// The replacement that fixes every conduct atom of `conduct` to its value.
  std::vector<ground::NodeId> fixed_conduct(const ConductValues& conduct);
  /// Refines E with conduct strategies (conduct chosen as a function of
  /// the scenario and the selection): do nothing; do what some selected,
  /// applicable norm asks; do that unless some such norm forbids it. Each
  /// is a sound refinement that rules out, at once, every proposal the
  /// strategy copes with.
  /// In a permission search, `exercised` (instance -> E's literal) makes
  /// each strategy also exercise the instances E claims.
  void add_strategies(smt::Solver& e, const std::map<sema::ClauseId, smt::Term>& selection,
                      const std::map<std::uint32_t, smt::Term>* exercised = nullptr);
  /// Moves each numeric circumstance of `s` towards 0 (within its bounds) as
  /// far as `conflicts_in` still holds; deterministic (binary search).
  void minimise_quantities(ground::Assignment& s, const std::function<bool(const ground::Assignment&)>& conflicts_in,
                           const std::function<void(ground::Assignment&)>& rederive);
  /// The states caught (semantics.md 7) by `norms`: bound by every clause
  /// (and, for a permission conflict, holding the permission), and unable
  /// to comply with their own instances (while using their own usable
  /// instance of the permission) in `s` or in `s` with its roles exchanged
  /// between the state and another one (the victim of the witness's attack
  /// is caught when another state is attacked).
  std::vector<sema::EntityId> caught_in(const ground::Assignment& s, const std::vector<sema::ClauseId>& clauses,
                                        const std::vector<std::uint32_t>& norms,
                                        std::optional<sema::ClauseId> permission);
  /// Builds a finding from a minimal clause set and its scenario; false on an internal error.
  void record(FindingKind kind, std::vector<sema::ClauseId> clauses, std::optional<sema::ClauseId> permission,
              std::optional<std::uint32_t> exercise, ground::Assignment scenario);
  void record_unknown(const std::string& question, const std::string& reason);
  std::vector<std::uint32_t> norms_of(const std::vector<sema::ClauseId>& clauses) const;
  /// Shrinks the clauses of an unsat core to a set minimal for scenario `s`
  /// (deletion), with the permission instance `exercise` exercised if given.
  std::vector<sema::ClauseId> shrink(const ground::Assignment& s, const std::vector<std::uint32_t>& core,
                                     std::optional<std::uint32_t> exercise);
  std::vector<smt::Term> scenario_assumptions(const ground::Assignment& s,
                                              std::optional<ground::GroundAtomId> free_atom = std::nullopt);
  /// A's literal "permission instance `instance` is exercised", encoded on first use.
  smt::Term exercise_literal(std::uint32_t instance);
  /// `partial` on the atoms of the component's background, the background
  /// model elsewhere: a whole assignment that satisfies every axiom when
  /// `partial` satisfies the component's.
  ground::Assignment complete(const ground::Assignment& partial) const;
  /// After a Sat check of `e`: its scenario, completed. The same as
  /// complete(e.model_scenario()), in time linear in the component (not in
  /// the corpus): conduct entries of the background are 0.
  ground::Assignment scenario_of(const smt::Solver& e) const;
  /// Whether `atom` is one of the component's background atoms.
  bool in_background(ground::GroundAtomId atom) const;
  bool stop_requested() const;
  /// Why the run stops: "interrupted" or the wall-clock timeout.
  std::string stop_reason() const;

  const sema::World& world_;
  const ground::Problem& problem_;
  ground::Pool pool_;  ///< overlay of problem_.pool: this engine's formulas
  const Component& component_;
  const AnalysisOptions& options_;
  Analysis& out_;
  bool possibility_trivial_ = false;
  const ground::Assignment& background_model_;
  const ProblemTables& tables_;
  smt::Solver forall_;   ///< A
  smt::Solver possible_; ///< all axioms, for possibility checks of a given scenario
  std::map<std::uint32_t, smt::Term> norm_literal_;      ///< per O/F norm instance (A)
  std::map<std::uint32_t, smt::Term> exercise_literal_;  ///< per permission instance (A), made on first use
  std::uint32_t next_copy_ = 3;  ///< conduct copies: 0 = A, 1 = possibility, 2 = permission use
};

/// The number of instances that take part in the conflict of `clauses`
/// (and `permission`): those linked, through shared conduct or conduct
/// axioms, to instances of every clause of the conflict (docs/checking.md
/// 5). Instances of the same clauses that can never meet the others (a
/// prohibition towards a state the obligation does not concern) are not
/// counted.
/// `tables` are `problem`'s (problem_tables).
std::size_t conflict_instance_count(const ground::Problem& problem, const ProblemTables& tables,
                                    const std::vector<sema::ClauseId>& clauses,
                                    std::optional<sema::ClauseId> permission);

/// Plain, solver-free replay of a conflict (semantics.md 7): in scenario
/// `s`, no conduct satisfying the axioms complies with `norms` (and
/// exercises `exercise`). `exhaustive` is cleared when integer domains
/// had to be sampled.
bool replay_conflict(const ground::Problem& problem, const ground::Assignment& s,
                     const std::vector<std::uint32_t>& norms, std::optional<std::uint32_t> exercise,
                     const std::vector<std::uint32_t>& conduct_axioms, bool& exhaustive);

}  // namespace tc::analysis
