#pragma once
/// `treatycheck repair`: the suggested edits of a minimal correction set,
/// in words and as text patches. Which sets to suggest and whether they
/// work is decided by the caller (analysis::minimal_hitting_sets, and a
/// check of the edited corpus); this part only words and patches.

#include <map>
#include <string>
#include <vector>

#include "analysis/findings.h"
#include "ground/ground.h"
#include "sema/world.h"
#include "source/source.h"

namespace tc::report {

/// One clause of a suggestion: the exception that limits it, and where
/// the exception goes.
struct RepairEdit {
  sema::ClauseId clause = 0;
  std::string condition;    ///< "exists x in states: armed_attack(q, x)"; "" when none can be stated
  std::uint32_t insert_at = 0;  ///< byte offset in the clause's file: before the bearer
  std::string insertion;    ///< the text inserted there ("unless ...\n      ")
  bool repeats_condition = false;  ///< the exception only repeats the clause's own `when`: a deletion in effect
};

/// One minimal correction set and what checking it showed.
struct RepairSuggestion {
  std::vector<RepairEdit> edits;
  std::vector<std::string> removes;  ///< ids of the findings it meets
  bool removal_clean = false;        ///< the corpus without these clauses checks clean
  bool exception_clean = false;      ///< the corpus with the exceptions added checks clean
  std::string removal_note;          ///< what is left after removal, when not clean
  std::string exception_note;        ///< what is left with the exceptions, when not clean
};

/// The circumstances under which `clause` takes part in `findings`, as an
/// `unless` condition over the clause's own variables: the witness of
/// each finding, with the individuals of the clause's instance replaced
/// by its variables and the others quantified. "" when none can be stated.
std::string exception_condition(const sema::World& world, const ground::Problem& problem,
                                const std::vector<const analysis::Finding*>& findings, sema::ClauseId clause);

/// The edit that adds `unless condition` to `clause`, before its bearer
/// (on a line of its own, indented like the bearer, when the bearer
/// starts a line).
RepairEdit exception_edit(const SourceSet& sources, const sema::World& world, sema::ClauseId clause,
                          const std::string& condition);

/// The text of every file a suggestion edits, edited: with the exceptions
/// (`exceptions`) or with the clauses deleted. Keys are FileIds.
std::map<FileId, std::string> patched_files(const SourceSet& sources, const sema::World& world,
                                            const RepairSuggestion& suggestion, bool exceptions);

/// The text report of `treatycheck repair`: `conflicts` to repair, with
/// `unknown` questions the check left open (conflicts may hide there).
std::string render_repair(const SourceSet& sources, const sema::World& world,
                          const std::vector<RepairSuggestion>& suggestions, std::size_t conflicts, std::size_t unknown);

}  // namespace tc::report
