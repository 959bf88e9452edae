// Lifting findings from the symmetry-reduced world to the full world.
#include <set>

#include "analysis/analyse.h"
#include "analysis/engine.h"

namespace tc::analysis {

void lift_findings(const sema::World& full, const ground::SymmetryClasses& classes,
                   const ground::GroundOptions& options, Analysis& analysis) {
  for (Finding& f : analysis.findings) {
    if (f.kind != FindingKind::ObligationConflict && f.kind != FindingKind::PermissionConflict) continue;
    std::set<sema::EntityId> caught;
    for (sema::EntityId e : f.caught)
      for (sema::EntityId m : classes.lift(e)) caught.insert(m);
    f.caught.assign(caught.begin(), caught.end());
    ground::GroundOptions counting = options;
    counting.only_clauses = std::set<sema::ClauseId>(f.clauses.begin(), f.clauses.end());
    counting.skip_axioms = true;
    counting.count_only = true;
    ground::Problem problem = ground::ground(full, counting);
    f.instance_count = 0;
    for (const ground::NormInstance& n : problem.norms) f.instance_count += caught.count(n.bearer);
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
  run->analysis.stats.seconds_ground = grounding;
  run->analysis.stats.seconds_lift = lift;
  return run;
}

}  // namespace tc::analysis
