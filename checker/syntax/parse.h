#pragma once
/// The syntax stage: bytes -> ast::File, and the import closure of the
/// files named on the command line -> ast::Corpus. The only code that
/// sees ANTLR types lives behind this header.

#include <optional>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostics.h"
#include "source/source.h"

namespace tc::syntax {

/// Documented limits of the front end (docs/robustness.md).
struct ParseLimits {
  /// Deepest nesting, counted on the tokens before parsing: each '(' or
  /// '{' opens a level; within a level, each prefix `not` or `-` of a run,
  /// and each quantifier or `implies` of a statement (their right side
  /// holds the rest of the formula) adds one. Deeper input gets TC0014 and
  /// is not parsed, so the recursive parser never overflows its stack.
  int max_nesting = 256;
  /// Most tokens in one file (comments and white space not counted);
  /// more gets TC0018.
  std::size_t max_tokens = 5'000'000;
};

/// Parses one loaded file. Checks the bytes first (valid UTF-8, no NUL),
/// then lexes and parses with error recovery so every syntax error of the
/// file is reported. Returns the AST of what could be parsed (possibly
/// partial) -- callers decide from `diagnostics` whether to go on.
ast::File parse_file(const SourceSet& sources, FileId file, Diagnostics& diagnostics,
                     const ParseLimits& limits = {});

/// Spans of the comments of `file` (`//` and `/* */`), in source order.
/// The AST keeps no comments; `fmt` needs them to put them back.
/// Lexical problems are not reported here (parse_file reports them).
std::vector<Span> comment_spans(const SourceSet& sources, FileId file);

/// Loads and parses `paths` and, transitively, their imports (relative to
/// the importing file). Missing or unreadable files, directories and
/// import cycles are diagnosed at the import (or on the command line).
/// Each file is parsed once; imported files come before their importers.
/// The roots are read in the order of their canonical paths, whatever the
/// order of `paths`, so that the corpus depends on the set of files only.
ast::Corpus load_corpus(const std::vector<std::string>& paths, SourceSet& sources, Diagnostics& diagnostics,
                        const ParseLimits& limits = {});

/// Grammar version string (bumped when Treaty.g4 changes).
std::string grammar_version();
/// Version of the ANTLR runtime linked in.
std::string antlr_runtime_version();

}  // namespace tc::syntax
