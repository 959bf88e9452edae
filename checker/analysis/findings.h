#pragma once
/// What the analysis found: the data every report renders. Plain values;
/// nothing here prints or solves.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "ground/ground.h"
#include "sema/world.h"

namespace tc::analysis {

enum class FindingKind {
  ObligationConflict,       ///< semantics.md 4: no conduct complies with a minimal set
  PermissionConflict,       ///< a permission that cannot be used without breaching a minimal set
  UnsatisfiableBackground,  ///< the axioms contradict each other
  Unknown,                  ///< a question the solver could not settle
};

/// Which precedence rule settles a conflict (semantics.md 5).
enum class PrecedenceRule { LexSuperior, LexSpecialis, WithoutPrejudice, LexPosterior };

/// "lex superior" ...
std::string_view rule_name(PrecedenceRule rule);

/// How a conflict is resolved: `prevailing` wins over every other clause
/// of the conflict, by `rules` (one per other clause, in clause order).
struct Resolution {
  sema::ClauseId prevailing = 0;
  std::vector<PrecedenceRule> rules;
  std::string explanation;  ///< one sentence for drafters
};

/// One circumstance of a witness scenario: `atom` has `value`.
struct WitnessFact {
  ground::GroundAtomId atom = 0;
  std::int64_t value = 0;
};

/// A clause instance of the representative conflict.
struct InstanceInfo {
  sema::ClauseId clause = 0;
  std::vector<sema::EntityId> binding;  ///< per `for each` variable
  sema::EntityId bearer = 0;
  std::uint32_t norm = 0;               ///< index into ground::Problem::norms
};

/// Under which readings of the vague terms a finding holds (check
/// --all-readings, analysis/readings.h). Names, not ids, so that reports
/// and baselines read them directly.
struct FindingReadings {
  /// The terms whose readings were varied for this finding (those of its
  /// interaction group, analysis/readings.h), sorted by name.
  std::vector<std::string> varied;
  std::size_t checked = 0;  ///< combinations of their readings checked
  /// The terms whose reading decides whether the finding holds, sorted;
  /// empty when it holds under every combination checked.
  std::vector<std::string> decisive;
  /// The combinations of readings of `decisive` (one reading name per
  /// term, in `decisive` order) under which the finding holds.
  std::vector<std::vector<std::string>> holds_under;
  /// Combinations under which the finding's question was left unknown
  /// (resource limits): it may hold there too.
  std::vector<std::vector<std::string>> undecided_under;
};

/// One finding.
struct Finding {
  FindingKind kind = FindingKind::ObligationConflict;
  DiagKind diag = DiagKind::ObligationConflict;
  Severity severity = Severity::Error;
  std::string id;  ///< stable fingerprint, e.g. "TC2001-5c1e0a9f"
  /// Clauses of the minimal set (obligations and prohibitions), ordered by identity.
  std::vector<sema::ClauseId> clauses;
  /// Permission conflicts: the permission that cannot be used.
  std::optional<sema::ClauseId> permission;
  /// Permission conflicts: the instance of the permission that cannot be used.
  std::optional<InstanceInfo> exercised;
  /// A minimal set of instances in the witness scenario (one or more per clause).
  std::vector<InstanceInfo> representative;
  /// Instances of the clauses (and of the permission) that take part in
  /// the conflict: linked through shared conduct or conduct axioms to
  /// instances of every other clause of it (analysis::conflict_instance_count).
  std::size_t instance_count = 0;
  /// The witness, cut to the circumstances that matter (true ones and the
  /// false ones whose truth would dissolve the conflict).
  std::vector<WitnessFact> witness;
  ground::Assignment scenario;  ///< the full witness scenario (circumstances)
  /// The states caught (semantics.md 7): bound by every clause (a permission
  /// conflict: holding the permission too) and unable, in the witness
  /// scenario, to comply with their own instances. Empty when no single
  /// party is bound by every clause or none is caught on its own instances.
  std::vector<sema::EntityId> caught;
  std::optional<Resolution> resolution;
  bool involves_political = false;
  bool replay_exhaustive = true;  ///< false when integer domains were sampled in the replay
  /// Set when Ctrl-C or --timeout landed while the finding was written up:
  /// the conflict is settled, but the witness may not be cut to the facts
  /// that matter and `caught` holds only the states checked before the stop.
  bool cut_short = false;
  /// Unsatisfiable background, or an unknown about it: the axioms it is
  /// about (indices into sema::World::axioms), in source order; the report
  /// points at the first.
  std::vector<std::uint32_t> axioms;
  std::string unknown_reason;      ///< Unknown findings
  std::string question;            ///< Unknown findings: what could not be settled
  std::optional<FindingReadings> readings;  ///< set by --all-readings only
};

/// Statistics of one analysis run (--stats).
struct Stats {
  std::size_t instances = 0;
  std::size_t ground_atoms = 0;
  std::size_t axiom_instances = 0;
  std::size_t components = 0;
  std::size_t searches = 0;  ///< independent questions: obligation searches and permission searches
  std::size_t jobs = 0;      ///< worker threads that ran them
  std::uint64_t solver_checks = 0;   ///< loop rounds (exists-side questions)
  std::uint64_t refinements = 0;
  // Wall time per phase, in seconds (`--stats`). `solve` and `encode` are
  // summed over every solver call, including those made while minimising
  // and building witnesses; `minimise` and `witness` are the wall time of
  // those steps, their solver calls included. With several workers the
  // times of the searches are summed over the workers, so they can exceed
  // the wall time of the run.
  double seconds_reduce = 0;    ///< symmetry reduction
  double seconds_ground = 0;
  double seconds_encode = 0;
  double seconds_solve = 0;
  std::uint64_t z3_checks = 0;  ///< every Z3 check, all solvers
  double seconds_minimise = 0;
  double seconds_witness = 0;
  double seconds_lift = 0;      ///< instance counts and states caught on the full world
};

/// One term with several readings, as --all-readings treated it.
struct TermReadings {
  std::string term;
  std::vector<std::string> readings;  ///< in declaration order
  std::string default_reading;
  /// "varied" (combined with the terms of its group), "global" (used by an
  /// axiom: combined with every group), "fixed" (chosen with --reading) or
  /// "unused" (no clause in force and no axiom reaches it: it cannot matter).
  std::string role;
  std::size_t group = 0;  ///< "varied": its interaction group (0-based)
  std::string chosen;     ///< "fixed": the reading chosen
};

/// The plan and size of a --all-readings run.
struct ReadingsSummary {
  std::vector<TermReadings> terms;  ///< every term with more than one reading, by name
  std::size_t combinations = 0;     ///< analyses run
  std::size_t product = 0;          ///< combinations of all readings of all terms (unpruned)
};

/// Result of `analyse`.
struct Analysis {
  std::vector<Finding> findings;  ///< sorted: kind, then id
  Stats stats;
  bool internal_error = false;    ///< a witness did not replay (exit 4)
  bool permissions_skipped = false;  ///< `--no-permissions`: no permission conflict was searched for
  std::string internal_error_message;
  std::optional<ReadingsSummary> readings;  ///< set by --all-readings only
};

}  // namespace tc::analysis
