#pragma once
/// The semantic stage: name resolution, sorts and types, and every static
/// check of the language (duplicates, arity, sorts, conduct vs
/// circumstance, bounds, dates, labels, precedence targets ...).

#include <optional>

#include "ast/ast.h"
#include "diag/diagnostics.h"
#include "sema/world.h"

namespace tc::sema {

/// Resolves a parsed corpus into a World. Reports every problem found to
/// `diagnostics` (errors and warnings, each located, with notes pointing
/// at related declarations) and keeps going after an error: an unknown
/// name becomes an error value so one mistake does not cascade. Returns
/// nullopt when any error was reported.
std::optional<World> resolve(const ast::Corpus& corpus, const SourceSet& sources, Diagnostics& diagnostics);

}  // namespace tc::sema
