#pragma once
/// TC2304: atoms, definitions, terms, user sorts and institutions of the
/// root files that nothing in the corpus refers to.

#include "diag/diagnostics.h"
#include "sema/world.h"

namespace tc::lint {

/// Reports each unused declaration of a root file into `out`.
void lint_unused(const sema::World& world, Diagnostics& out);

}  // namespace tc::lint
