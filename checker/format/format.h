#pragma once
/// The formatter: prints a parsed file in the canonical layout of the
/// treaty language (docs/drafting-tools.md#fmt), putting back the comments
/// the AST does not keep. Pure: AST + source text + comment spans in,
/// text out. The layout depends only on the AST and on where the source
/// has comments and blank lines, so formatting is idempotent.

#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostics.h"
#include "source/source.h"

namespace tc::format {

/// Formats `file`, whose source is `text` and whose comments are at
/// `comments` (byte spans into `text`, in source order). The result ends
/// in one newline. Callers verify the result by parsing it again
/// (ast::same_syntax): the printer never changes the abstract syntax of
/// a valid file, and the check turns a bug into a refusal, not a rewrite.
std::string format_file(const ast::File& file, std::string_view text, const std::vector<Span>& comments);

/// `s` as a string literal of the language (quotes and escapes added).
std::string quote(std::string_view s);

/// A formula or term in canonical form, parenthesised only where the
/// grammar's precedence requires.
std::string print_expr(const ast::Expr& expr);

}  // namespace tc::format

namespace tc::format {

/// Formatting one loaded file, checked.
struct Formatted {
  bool parsed = false;    ///< the input parsed without errors (else `diagnostics` say why)
  bool verified = false;  ///< the output parses to the same AST and has the same comments
  std::string text;       ///< the canonical text (when parsed)
  std::string problem;    ///< why verification failed
};

/// Parses `file`, formats it and parses the result again: `verified` only
/// when the abstract syntax and the sequence of comments are unchanged.
/// The formatted text is added to `sources` (as "PATH (formatted)").
Formatted format_source(SourceSet& sources, FileId file, Diagnostics& diagnostics);

}  // namespace tc::format
