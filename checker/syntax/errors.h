#pragma once
/// Syntax errors, clang style. A custom error strategy keeps ANTLR's
/// recovery (so every error of a file is reported) but words the messages
/// itself: "expected ';' after the clause", "unexpected 'must'; expected a
/// name or '('". Includes ANTLR: for checker/syntax only.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "syntax/antlr.h"
#include "syntax/tokens.h"

namespace tc::syntax {

/// Where syntax errors go: turns them into diagnostics and stops the parse
/// (by throwing antlr4::ParseCancellationException) after `cap` errors.
class SyntaxErrorSink {
 public:
  /// `lexical_errors`: sorted byte offsets of lexical errors (LexedFile).
  SyntaxErrorSink(const TokenSpans& spans, Diagnostics& diagnostics, std::size_t cap,
                  std::vector<std::uint32_t> lexical_errors = {})
      : spans_(spans), diagnostics_(diagnostics), cap_(cap), lexical_errors_(std::move(lexical_errors)) {}
  /// True if a lexical error lies between `previous` and `token`: a syntax
  /// error there is an echo of it (the parser never saw the bad character).
  bool echoes_lexical_error(antlr4::Token* previous, antlr4::Token* token) const;
  /// Reports one error; returns it so notes can be attached. The error
  /// after the cap becomes a "too many errors" note and stops the parse.
  Diagnostic& report(Span span, std::string message);
  std::size_t count() const { return count_; }
  bool gave_up() const { return gave_up_; }
  const TokenSpans& spans() const { return spans_; }

 private:
  const TokenSpans& spans_;
  Diagnostics& diagnostics_;
  std::size_t cap_;
  std::size_t count_ = 0;
  bool gave_up_ = false;
  std::vector<std::uint32_t> lexical_errors_;
};

/// ANTLR's default recovery with our messages.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ErrorStrategy(SyntaxErrorSink& sink) : sink_(sink) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  /// At a statement left open at the end of a line, lets the parser go on
  /// to its ';' so that recovery makes the ';' up ("expected ';' after the
  /// clause") and the statement is kept, instead of failing the statement.
  void sync(antlr4::Parser* parser) override;
  /// Never drops a ';' or '}' that ends its line as "extraneous": it
  /// almost always ends a statement whose middle is broken, and dropping it
  /// glues the next line onto that statement (one error becomes three).
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;

 private:
  /// "unexpected X; expected ..." or, for a statement left open at the end
  /// of a line, "expected ';' after the clause".
  void report_unexpected(antlr4::Parser* parser, antlr4::Token* token, const antlr4::misc::IntervalSet& expected);
  SyntaxErrorSink& sink_;
};

/// Receives whatever reaches the parser's listeners outside the strategy
/// (nothing, in practice) and sends it to the sink; replaces ANTLR's
/// console listener.
class ErrorListener : public antlr4::BaseErrorListener {
 public:
  explicit ErrorListener(SyntaxErrorSink& sink) : sink_(sink) {}
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, std::size_t line, std::size_t column,
                   const std::string& message, std::exception_ptr e) override;

 private:
  SyntaxErrorSink& sink_;
};

/// A readable list of token kinds: "';', 'and' or a name". Related tokens
/// are grouped ("an operator", "a declaration"); at most six entries.
std::string describe_expected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary);

}  // namespace tc::syntax
