#pragma once
/// Symmetry reduction (engine-notes.md): states that belong to the same
/// institutions at the check date and are never named individually are
/// interchangeable. The reduced world keeps a few representatives of
/// each such class; results found on it are lifted back to every member
/// of the class. Grounding cost then stops growing with the number of
/// states of a class.

#include <map>
#include <vector>

#include "sema/world.h"

namespace tc::ground {

/// Classes of interchangeable states.
struct SymmetryClasses {
  /// Representative -> every state it stands for (itself included), in id order.
  std::map<sema::EntityId, std::vector<sema::EntityId>> members_of;
  /// States dropped from the reduced world.
  std::size_t dropped = 0;
  /// Every state of the class a state belongs to (the state itself when it is not reduced).
  std::vector<sema::EntityId> lift(sema::EntityId state) const;
};

/// Entities named individually in clauses, axioms, definitions or treaty
/// parties (and, with `include_tests`, in scenarios and expectations).
/// They are never interchangeable.
std::vector<bool> named_entities(const sema::World& world, bool include_tests);

/// Builds the reduced world: at most `representatives` states per class of
/// states with the same memberships at `as_of` (named states form their
/// own class). Entity ids are unchanged; only sort member lists and
/// memberships of dropped states are removed.
sema::World reduce_world(const sema::World& world, sema::DayNumber as_of, std::size_t representatives,
                         bool keep_test_names, SymmetryClasses& classes);

}  // namespace tc::ground
