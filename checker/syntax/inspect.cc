#include "syntax/inspect.h"

#include "syntax/tokens.h"

namespace tc::syntax {

std::vector<TokenInfo> tokens_of(const SourceSet& sources, FileId file, Diagnostics& diagnostics) {
  std::vector<TokenInfo> out;
  if (!check_bytes(sources, file, diagnostics)) return out;
  LexedFile lexed = lex_file(sources, file, diagnostics, ParseLimits{});
  TokenSpans spans(file, *lexed.offsets);
  const antlr4::dfa::Vocabulary& vocabulary = lexed.lexer->getVocabulary();
  for (const std::unique_ptr<antlr4::Token>& token : lexed.tokens) {
    Span span = spans.of(token.get());
    std::string kind = token->getType() == antlr4::Token::EOF ? "EOF" : vocabulary.getSymbolicName(token->getType());
    out.push_back({kind, std::string(lexed.text.substr(span.begin, span.end - span.begin)), span});
  }
  return out;
}

}  // namespace tc::syntax
