#include "ground/symmetry.h"

#include <algorithm>
#include <functional>

namespace tc::ground {
namespace {

void mark_expr(const sema::Expr& e, std::vector<bool>& named);

void mark_set(const sema::Set& s, std::vector<bool>& named) {
  for (sema::EntityId id : s.entities) named.at(id) = true;
  for (const sema::Set& c : s.children) mark_set(c, named);
  for (const sema::Expr& f : s.filter) mark_expr(f, named);
}

void mark_expr(const sema::Expr& e, std::vector<bool>& named) {
  if (e.op == sema::Op::Entity) named.at(e.id) = true;
  for (const sema::Expr& a : e.args) mark_expr(a, named);
  for (const sema::Set& s : e.bound_sets) mark_set(s, named);
  for (const sema::Set& s : e.set) mark_set(s, named);
}

}  // namespace

std::vector<sema::EntityId> SymmetryClasses::lift(sema::EntityId state) const {
  auto it = members_of.find(state);
  if (it == members_of.end()) return {state};
  return it->second;
}

std::vector<bool> named_entities(const sema::World& world, bool include_tests) {
  std::vector<bool> named(world.entities.size(), false);
  for (const sema::Clause& c : world.clauses) {
    mark_expr(c.bearer, named);
    mark_expr(c.content, named);
    for (const sema::Condition& k : c.conditions) mark_expr(k.formula, named);
    if (c.where) mark_expr(*c.where, named);
    for (const sema::Binding& b : c.bindings) mark_set(b.domain, named);
  }
  for (const sema::Axiom& a : world.axioms) {
    mark_expr(a.body, named);
    if (a.where) mark_expr(*a.where, named);
    for (const sema::Binding& b : a.bindings) mark_set(b.domain, named);
  }
  for (const sema::Definition& d : world.definitions)
    for (const sema::Definition::Reading& r : d.readings) mark_expr(r.body, named);
  // Treaty party lists do not make a state special: party-ship is part of
  // the profile (reduce_world), so two parties of the same treaties with the
  // same memberships stay interchangeable.
  if (!include_tests) return named;
  for (const sema::Scenario& s : world.scenarios)
    for (const sema::Expr& f : s.facts) mark_expr(f, named);
  for (const sema::Expectation& e : world.expectations) {
    if (e.bearer) mark_expr(*e.bearer, named);
    if (e.content) mark_expr(*e.content, named);
  }
  return named;
}

sema::World reduce_world(const sema::World& world, sema::DayNumber as_of, std::size_t representatives,
                         bool keep_test_names, SymmetryClasses& classes) {
  std::vector<bool> named = named_entities(world, keep_test_names);
  // Profile: the institutions a state belongs to at the check date, and the
  // explicit party lists it appears in.
  std::vector<std::vector<std::uint32_t>> listed(world.entities.size());
  std::function<void(const sema::Set&, std::uint32_t)> mark_lists = [&](const sema::Set& set, std::uint32_t treaty) {
    for (sema::EntityId e : set.entities) listed.at(e).push_back(treaty);
    for (const sema::Set& c : set.children) mark_lists(c, treaty);
  };
  for (std::uint32_t t = 0; t < world.treaties.size(); ++t)
    if (world.treaties[t].parties) mark_lists(*world.treaties[t].parties, t);
  std::map<std::vector<std::uint32_t>, std::vector<sema::EntityId>> by_profile;
  for (sema::EntityId s : world.sorts.at(sema::kStateSort).members) {
    if (named[s]) continue;
    std::vector<std::uint32_t> profile;
    for (const sema::Membership& m : world.memberships)
      if (m.member == s && world.is_member(m.institution, s, as_of)) profile.push_back(m.institution);
    std::sort(profile.begin(), profile.end());
    profile.erase(std::unique(profile.begin(), profile.end()), profile.end());
    profile.push_back(0xFFFFFFFFu);
    std::vector<std::uint32_t> lists = listed[s];
    std::sort(lists.begin(), lists.end());
    lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
    profile.insert(profile.end(), lists.begin(), lists.end());
    by_profile[profile].push_back(s);
  }
  std::vector<bool> dropped(world.entities.size(), false);
  for (auto& [profile, states] : by_profile) {
    std::sort(states.begin(), states.end());
    std::size_t keep = std::min(representatives, states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
      if (i < keep) continue;
      dropped[states[i]] = true;
      ++classes.dropped;
    }
    // Every representative stands for itself; the first also for the dropped ones.
    for (std::size_t i = 0; i < keep; ++i) classes.members_of[states[i]] = {states[i]};
    for (std::size_t i = keep; i < states.size(); ++i) classes.members_of[states[0]].push_back(states[i]);
  }
  sema::World reduced = world;
  for (sema::Sort& sort : reduced.sorts)
    sort.members.erase(std::remove_if(sort.members.begin(), sort.members.end(), [&](sema::EntityId e) { return dropped[e]; }),
                       sort.members.end());
  reduced.memberships.erase(std::remove_if(reduced.memberships.begin(), reduced.memberships.end(),
                                           [&](const sema::Membership& m) { return dropped[m.member]; }),
                            reduced.memberships.end());
  return reduced;
}

}  // namespace tc::ground
