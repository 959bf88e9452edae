#pragma once
/// A span-free textual dump of the AST: two files have the same dump
/// exactly when they have the same abstract syntax. `fmt` uses it to prove
/// that formatting changed layout only; tests use it for AST equality.

#include <string>

#include "ast/ast.h"

namespace tc::ast {

/// One line per node, indented by depth; no spans, no file id.
std::string dump(const File& file);

/// Same abstract syntax (spans ignored).
bool same_syntax(const File& a, const File& b);

}  // namespace tc::ast
