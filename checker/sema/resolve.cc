// Placeholder until the semantic stage lands.
#include "sema/resolve.h"

namespace tc::sema {
std::optional<World> resolve(const ast::Corpus&, const SourceSet&, Diagnostics&) { return World{}; }
}  // namespace tc::sema
