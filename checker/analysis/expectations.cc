#include "analysis/expectations.h"

#include <algorithm>
#include <map>

#include "analysis/norm_expectation.h"

namespace tc::analysis {
namespace {

bool intersects(const std::vector<sema::ClauseId>& a, const std::vector<sema::ClauseId>& b) {
  return std::any_of(a.begin(), a.end(), [&](sema::ClauseId c) { return std::find(b.begin(), b.end(), c) != b.end(); });
}

bool is_unresolved_problem(const Finding& f) {
  switch (f.kind) {
    case FindingKind::ObligationConflict:
    case FindingKind::PermissionConflict: return !f.resolution.has_value();
    default: return true;
  }
}

bool has_unknown(const Analysis& a) {
  return std::any_of(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.kind == FindingKind::Unknown; });
}

std::string list_findings(const sema::World& world, const Analysis& a, FindingKind kind) {
  std::string out;
  for (const Finding& f : a.findings) {
    if (f.kind != kind) continue;
    std::string set;
    for (sema::ClauseId c : f.clauses) set += (set.empty() ? "" : " + ") + world.clause_title(c);
    if (f.permission) set = world.clause_title(*f.permission) + " vs " + set;
    out += (out.empty() ? "" : "; ") + set;
  }
  return out.empty() ? "none" : out;
}

/// Judges an expectation about findings against one analysis.
ExpectationResult judge_findings(const sema::World& world, const sema::Expectation& e, const Analysis& a) {
  ExpectationResult r;
  auto matches = [&](const Finding& f) {
    if (e.kind == sema::ExpectKind::PermissionConflict) {
      if (f.kind != FindingKind::PermissionConflict || !f.permission || e.clause_groups.empty()) return false;
      const auto& perm = e.clause_groups[0];
      if (std::find(perm.begin(), perm.end(), *f.permission) == perm.end()) return false;
      for (std::size_t g = 1; g < e.clause_groups.size(); ++g)
        if (!intersects(e.clause_groups[g], f.clauses)) return false;
      return true;
    }
    if (f.kind != FindingKind::ObligationConflict) return false;
    for (const auto& group : e.clause_groups)
      if (!intersects(group, f.clauses)) return false;
    return true;
  };
  switch (e.kind) {
    case sema::ExpectKind::Conflict:
    case sema::ExpectKind::PermissionConflict:
    case sema::ExpectKind::NoConflict: {
      bool found = std::any_of(a.findings.begin(), a.findings.end(), matches);
      r.passed = e.kind == sema::ExpectKind::NoConflict ? !found : found;
      FindingKind kind = e.kind == sema::ExpectKind::PermissionConflict ? FindingKind::PermissionConflict
                                                                        : FindingKind::ObligationConflict;
      r.detail = std::string(found ? "found" : "not found") + "; findings of this kind: " + list_findings(world, a, kind);
      break;
    }
    case sema::ExpectKind::Consistent: {
      std::size_t problems = std::count_if(a.findings.begin(), a.findings.end(), is_unresolved_problem);
      r.passed = problems == 0;
      r.detail = problems == 0 ? "no unresolved finding"
                               : std::to_string(problems) + " unresolved finding(s): conflicts " +
                                     list_findings(world, a, FindingKind::ObligationConflict) + "; permission conflicts " +
                                     list_findings(world, a, FindingKind::PermissionConflict);
      break;
    }
    case sema::ExpectKind::Count: {
      std::int64_t n = 0;
      for (const Finding& f : a.findings) {
        bool obligation = f.kind == FindingKind::ObligationConflict;
        bool permission = f.kind == FindingKind::PermissionConflict;
        if (e.count_kind == sema::CountKind::Conflicts) n += obligation;
        else if (e.count_kind == sema::CountKind::PermissionConflicts) n += permission;
        else n += obligation || permission;
      }
      r.passed = n == e.count;
      r.detail = "counted " + std::to_string(n);
      break;
    }
    case sema::ExpectKind::Norm: break;
  }
  // With an open question, only a finding that was actually found is
  // definite: "no conflict", a count or "consistent" cannot pass.
  bool definite_pass = r.passed && (e.kind == sema::ExpectKind::Conflict || e.kind == sema::ExpectKind::PermissionConflict);
  if (has_unknown(a) && !definite_pass) {
    r.passed = false;
    r.unknown = true;
    r.detail += " (some questions are unknown)";
  }
  // Without the permission search, what depends on permission conflicts is open.
  bool about_permissions = e.kind == sema::ExpectKind::PermissionConflict || e.kind == sema::ExpectKind::Consistent ||
                           (e.kind == sema::ExpectKind::Count && e.count_kind != sema::CountKind::Conflicts);
  if (a.permissions_skipped && about_permissions && !definite_pass && !r.unknown) {
    r.passed = false;
    r.unknown = true;
    r.detail += " (permission conflicts were not searched: --no-permissions)";
  }
  return r;
}

}  // namespace

void add_scenario_facts(const sema::World& world, ground::Problem& problem, const ground::GroundOptions& options,
                        const sema::Scenario& scenario) {
  for (const sema::Expr& fact : scenario.facts) {
    ground::NodeId node = ground::ground_closed(world, problem, options, fact);
    problem.axioms.push_back({ground::kScenarioFact, node, false});
  }
}

std::vector<ExpectationResult> check_expectations(const sema::World& world, const ground::GroundOptions& ground_options,
                                                  const Analysis& base, const AnalysisOptions& options) {
  std::vector<ExpectationResult> results;
  std::map<std::pair<std::vector<sema::TreatyId>, int>, Analysis> cache;  // (without, scenario) -> analysis
  for (std::uint32_t i = 0; i < world.expectations.size(); ++i) {
    const sema::Expectation& e = world.expectations[i];
    ExpectationResult r;
    if (e.kind == sema::ExpectKind::Norm) {
      ground::Problem problem = ground::ground(world, ground_options);
      if (e.scenario) add_scenario_facts(world, problem, ground_options, world.scenarios.at(*e.scenario));
      r = judge_norm(world, problem, ground_options, e, options);
    } else if (e.without.empty() && !e.scenario) {
      r = judge_findings(world, e, base);
    } else {
      std::vector<sema::TreatyId> without = e.without;
      std::sort(without.begin(), without.end());
      auto key = std::make_pair(without, e.scenario ? static_cast<int>(*e.scenario) : -1);
      auto it = cache.find(key);
      if (it == cache.end()) {
        ground::GroundOptions opts = ground_options;
        opts.excluded_treaties.insert(without.begin(), without.end());
        ground::Problem problem = ground::ground(world, opts);
        if (e.scenario) add_scenario_facts(world, problem, opts, world.scenarios.at(*e.scenario));
        it = cache.emplace(key, analyse(world, problem, options)).first;
      }
      r = judge_findings(world, e, it->second);
    }
    r.expectation = i;
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace tc::analysis
