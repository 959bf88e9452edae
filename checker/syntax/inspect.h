#pragma once
/// A look at the lexer from outside the syntax stage, without ANTLR types:
/// for tests (the runtime-compatibility test checks real tokens) and for
/// debugging tools.

#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source.h"

namespace tc::syntax {

/// One token of the default channel.
struct TokenInfo {
  std::string kind;  ///< the grammar's token name: "ID", "MUST", "SEMI", "EOF"
  std::string text;  ///< the bytes of the token in the file
  Span span;
};

/// The tokens the parser would see for `file` (comments and white space
/// dropped, EOF last). Lexical problems go to `diagnostics`; a file whose
/// bytes are not valid UTF-8 gives no tokens.
std::vector<TokenInfo> tokens_of(const SourceSet& sources, FileId file, Diagnostics& diagnostics);

}  // namespace tc::syntax
