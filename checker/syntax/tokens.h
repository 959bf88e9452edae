#pragma once
/// Lexing for the syntax stage: runs the generated lexer over one file,
/// reports lexical problems (unterminated strings and comments, invalid
/// characters, unknown escapes, too many tokens), and checks nesting depth
/// on the token stream before the recursive parser ever sees it.
/// Includes ANTLR: for checker/syntax only.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source.h"
#include "syntax/antlr.h"
#include "syntax/parse.h"
#include "syntax/text.h"

namespace tc::syntax {

/// Byte spans of tokens and parse-tree nodes of one file.
class TokenSpans {
 public:
  TokenSpans(FileId file, const CodePointMap& offsets) : file_(file), offsets_(&offsets) {}
  FileId file() const { return file_; }
  /// The bytes of one token; an empty span at the end of input for EOF,
  /// at offset 0 for a token the error recovery made up.
  Span of(const antlr4::Token* token) const;
  Span of(antlr4::tree::TerminalNode* node) const { return of(node == nullptr ? nullptr : node->getSymbol()); }
  /// From the first token of `ctx` to the end of its last token.
  Span of(const antlr4::ParserRuleContext* ctx) const;
  /// The smallest span covering both.
  static Span join(Span a, Span b);
  /// An empty span just after `token` (where a missing ';' belongs).
  Span after(const antlr4::Token* token) const;

 private:
  FileId file_;
  const CodePointMap* offsets_;
};

/// Counts nesting on the token stream: brackets, runs of prefix `not` and
/// `-`, and, per statement and bracket level, quantifiers (whose body runs
/// as far right as it can, so each one nests the rest) and the
/// right-associative `implies`: everything the parser handles by recursion.
class NestingTracker {
 public:
  explicit NestingTracker(int limit) : limit_(limit) { levels_.push_back({}); }
  /// Feeds the next token of the default channel; true if it takes the
  /// nesting beyond the limit.
  bool feed(std::size_t type);

 private:
  struct Level {
    int base = 0;     ///< depth of the enclosing levels
    int run = 0;      ///< prefix `not` and `-` in a row at this level
    int implies = 0;  ///< `implies` seen in the current statement at this level
    int quantifiers = 0;  ///< `exists`/`forall` seen in the current statement at this level
    bool in_binder = false;  ///< between `exists`/`forall` and its ':'
  };
  bool prefix_position() const;
  static int depth(const Level& level) { return level.base + level.run + level.implies + level.quantifiers; }
  std::vector<Level> levels_;
  std::size_t previous_ = 0;
  int limit_;
};

/// One lexed file: the tokens of the default channel (ending in EOF),
/// ready for the parser. Owns the ANTLR objects the tokens point into.
struct LexedFile {
  std::string_view text;  ///< the whole file (a BOM included)
  std::size_t bom = 0;    ///< bytes of the leading BOM skipped before lexing
  std::unique_ptr<CodePointMap> offsets;
  std::unique_ptr<antlr4::ANTLRInputStream> input;
  std::unique_ptr<tcgen::TreatyLexer> lexer;
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  bool parseable = true;  ///< false when a limit was crossed: do not run the parser
  bool empty = false;     ///< no token but EOF and no lexical error: nothing declared
  /// Byte offsets where a lexical error left the token stream suspect: each
  /// invalid character, and the end of each unterminated string. A syntax
  /// error right after one of them is its echo and is not reported.
  std::vector<std::uint32_t> lexical_errors;
  /// Every `//` and `/* */` comment (hidden from the parser), in source order.
  std::vector<Span> comments;
};

/// Lexes `file` (whose bytes passed `check_bytes`), reporting lexical
/// problems and limits into `diagnostics`.
LexedFile lex_file(const SourceSet& sources, FileId file, Diagnostics& diagnostics, const ParseLimits& limits);

}  // namespace tc::syntax
