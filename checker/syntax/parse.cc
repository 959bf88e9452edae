// The syntax stage for one file: bytes -> tokens -> parse tree -> AST.
#include "syntax/parse.h"

#include <memory>

#include "syntax/antlr.h"
#include "syntax/builder.h"
#include "syntax/errors.h"
#include "syntax/grammar_version.h"
#include "syntax/text.h"
#include "syntax/tokens.h"

namespace tc::syntax {
namespace {

/// Syntax errors reported per file before giving up on it.
constexpr std::size_t kMaxSyntaxErrors = 50;

}  // namespace

ast::File parse_file(const SourceSet& sources, FileId file, Diagnostics& diagnostics, const ParseLimits& limits) {
  ast::File out;
  out.file = file;
  if (!check_bytes(sources, file, diagnostics)) return out;
  LexedFile lexed = lex_file(sources, file, diagnostics, limits);
  if (lexed.empty) {
    diagnostics.report(DiagKind::EmptyFile, Span{file, 0, 0}, "no declarations in this file");
    return out;
  }
  if (!lexed.parseable) return out;

  TokenSpans spans(file, *lexed.offsets);
  antlr4::ListTokenSource source(std::move(lexed.tokens));
  antlr4::CommonTokenStream stream(&source);
  P parser(&stream);
  parser.removeErrorListeners();
  P::FileContext* tree = nullptr;
  // Two stages, as the ANTLR documentation recommends: the fast SLL
  // prediction gives the same tree as full LL whenever it succeeds, and
  // avoids LL's cost on nested parentheses (where `(` may open a formula
  // or a term). Only input SLL rejects is parsed again with full LL and
  // error recovery, which then reports the errors.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  } catch (const std::exception&) {
    tree = nullptr;  // whatever went wrong, the second stage will say it
  }
  SyntaxErrorSink sink(spans, diagnostics, kMaxSyntaxErrors, std::move(lexed.lexical_errors));
  ErrorListener listener(sink);
  if (tree == nullptr) {
    stream.seek(0);
    parser.reset();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<ErrorStrategy>(sink));
    parser.addErrorListener(&listener);
    try {
      tree = parser.file();
    } catch (const antlr4::ParseCancellationException&) {
      return out;  // too many errors: the note is reported, the tree is partial
    } catch (const std::exception& e) {
      diagnostics.report(DiagKind::SyntaxError, Span{file, 0, 0}, std::string("the parser failed: ") + e.what());
      return out;
    }
  }
  return build_file(tree, spans, lexed.text, diagnostics);
}

std::vector<Span> comment_spans(const SourceSet& sources, FileId file) {
  Diagnostics scratch;
  if (!check_bytes(sources, file, scratch)) return {};
  return lex_file(sources, file, scratch, ParseLimits{}).comments;
}

std::string grammar_version() { return TREATY_GRAMMAR_VERSION; }

std::string antlr_runtime_version() { return antlr4::RuntimeMetaData::VERSION; }

}  // namespace tc::syntax
