#include "syntax/tokens.h"

#include <algorithm>
#include <string>

namespace tc::syntax {
namespace {

using tcgen::TreatyLexer;

constexpr std::size_t kInvalidIndex = static_cast<std::size_t>(-1);

/// A hint for characters people paste from word processors or other languages.
std::string hint_for(char32_t c) {
  switch (c) {
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u00AB': case U'\u00BB':
      return "; strings use straight double quotes '\"'";
    case U'\u2264': return "; write '<='";
    case U'\u2265': return "; write '>='";
    case U'\u2260': return "; write '!='";
    case U'\u2212': case U'\u2013': case U'\u2014': return "; write '-'";
    case U'\u00AC': case U'!': return "; write 'not' (or '!=' for inequality)";
    case U'&': case U'\u2227': return "; write 'and'";
    case U'|': case U'\u2228': return "; write 'or'";
    case U'\u2192': case U'\u21D2': return "; write 'implies'";
    case U'\u2200': return "; write 'forall'";
    case U'\u2203': return "; write 'exists'";
    case U'\u2208': return "; write 'in'";
    case U'#': return "; comments start with '//'";
    case U'\'': case U'\u2018': case U'\u2019': return "; strings use double quotes '\"'";
    default: return "";
  }
}

/// Reports escapes other than \" \\ \n \t inside a string token.
void check_escapes(std::string_view text, Span span, Diagnostics& diagnostics) {
  for (std::uint32_t i = span.begin; i + 1 < span.end; ++i) {
    if (text[i] != '\\') continue;
    char next = text[i + 1];
    if (next == '"' || next == '\\' || next == 'n' || next == 't') {
      ++i;
      continue;
    }
    char32_t c = decode_utf8(text, i + 1);
    std::uint32_t length = static_cast<std::uint32_t>(encode_utf8(c).size());
    diagnostics.report(DiagKind::SyntaxError, Span{span.file, i, i + 1 + length},
                       "unknown escape sequence '\\" + encode_utf8(c) +
                           "' in a string; the escapes are \\\" \\\\ \\n and \\t");
    i += length;
  }
}

/// Lexer errors cannot happen (ERROR_CHAR matches any character); should
/// one happen anyway, it becomes a diagnostic rather than console noise.
class LexerErrorListener : public antlr4::BaseErrorListener {
 public:
  LexerErrorListener(const TokenSpans& spans, Diagnostics& diagnostics) : spans_(spans), diagnostics_(diagnostics) {}
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token*, std::size_t, std::size_t, const std::string& msg,
                   std::exception_ptr) override {
    auto* lexer = dynamic_cast<antlr4::Lexer*>(recognizer);
    Span at{spans_.file(), 0, 0};
    if (lexer != nullptr) {
      antlr4::CommonToken probe(std::size_t{0});
      probe.setStartIndex(lexer->getCharIndex());
      probe.setStopIndex(lexer->getCharIndex());
      at = spans_.of(&probe);
    }
    diagnostics_.report(DiagKind::InvalidCharacter, at, "cannot read this text: " + msg);
  }

 private:
  const TokenSpans& spans_;
  Diagnostics& diagnostics_;
};

/// The lexer's input, decoded from UTF-8 that `check_bytes` accepted.
/// ANTLRInputStream's own decoder goes through std::wstring_convert and
/// holds several copies at once (about 1 GB for a 50 MB file); this one
/// writes the code points once, into a string of the right size.
class Utf8Input : public antlr4::ANTLRInputStream {
 public:
  explicit Utf8Input(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    _data.reserve(count);
    for (std::size_t i = 0; i < text.size();) {
      _data.push_back(decode_utf8(text, i));
      i += utf8_length(static_cast<unsigned char>(text[i]));
    }
  }
};

/// Files above this size are lexed twice: counted first, then kept.
constexpr std::size_t kCountFirstBytes = 1 << 20;

void report_too_many_tokens(Span at, const ParseLimits& limits, Diagnostics& diagnostics) {
  diagnostics.report(DiagKind::TooManyTokens, at,
                     "more than " + std::to_string(limits.max_tokens) +
                         " tokens in one file; split it into several files joined by 'import'");
}

}  // namespace

Span TokenSpans::of(const antlr4::Token* token) const {
  if (token == nullptr || token->getStartIndex() == kInvalidIndex) return Span{file_, 0, 0};
  std::uint32_t begin = offsets_->byte_offset(token->getStartIndex());
  if (token->getType() == antlr4::Token::EOF) return Span{file_, begin, begin};
  std::size_t stop = token->getStopIndex();
  std::uint32_t end = stop == kInvalidIndex ? begin : offsets_->byte_offset(stop + 1);
  return Span{file_, begin, std::max(begin, end)};
}

Span TokenSpans::of(const antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr || ctx->start == nullptr) return Span{file_, 0, 0};
  Span first = of(ctx->start);
  if (ctx->stop == nullptr || ctx->stop->getTokenIndex() < ctx->start->getTokenIndex()) {
    return Span{file_, first.begin, first.begin};
  }
  return join(first, of(ctx->stop));
}

Span TokenSpans::join(Span a, Span b) { return Span{a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

Span TokenSpans::after(const antlr4::Token* token) const {
  Span span = of(token);
  return Span{file_, span.end, span.end};
}

bool NestingTracker::prefix_position() const {
  switch (previous_) {
    case TreatyLexer::ID: case TreatyLexer::INT: case TreatyLexer::RPAREN: case TreatyLexer::TRUE:
    case TreatyLexer::FALSE: case TreatyLexer::STRING: case TreatyLexer::DATE:
    case TreatyLexer::MUST: case TreatyLexer::SHALL:  // `must not` is a modality
      return false;
    default:
      return true;
  }
}

bool NestingTracker::feed(std::size_t type) {
  Level& top = levels_.back();
  int reached = 0;
  switch (type) {
    case TreatyLexer::LPAREN:
    case TreatyLexer::LBRACE: {
      Level inner;
      inner.base = depth(top) + 1;
      reached = inner.base;
      levels_.push_back(inner);
      break;
    }
    case TreatyLexer::RPAREN:
    case TreatyLexer::RBRACE:
      if (levels_.size() > 1) levels_.pop_back();
      if (!levels_.back().in_binder) levels_.back().run = 0;
      break;
    case TreatyLexer::NOT:
    case TreatyLexer::DASH:
      if (prefix_position()) {
        ++top.run;
        reached = depth(top);
      } else if (!top.in_binder) {
        top.run = 0;
      }
      break;
    case TreatyLexer::EXISTS:
    case TreatyLexer::FORALL:
      ++top.quantifiers;
      top.in_binder = true;
      reached = depth(top);
      break;
    case TreatyLexer::COLON:
      if (top.in_binder) top.in_binder = false;
      else top.run = 0;
      break;
    case TreatyLexer::IMPLIES:
      ++top.implies;
      top.run = 0;
      reached = depth(top);
      break;
    case TreatyLexer::SEMI:
      top.run = 0;
      top.implies = 0;
      top.quantifiers = 0;
      top.in_binder = false;
      break;
    default:
      if (!top.in_binder) top.run = 0;
      break;
  }
  previous_ = type;
  return reached > limit_;
}

LexedFile lex_file(const SourceSet& sources, FileId file, Diagnostics& diagnostics, const ParseLimits& limits) {
  LexedFile out;
  out.text = sources.file(file).text();
  out.bom = bom_length(out.text);
  out.offsets = std::make_unique<CodePointMap>(out.text, out.bom);
  std::string_view body = out.text.substr(out.bom);
  out.input = std::make_unique<Utf8Input>(body);
  out.lexer = std::make_unique<TreatyLexer>(out.input.get());
  TokenSpans spans(file, *out.offsets);
  LexerErrorListener listener(spans, diagnostics);
  out.lexer->removeErrorListeners();
  out.lexer->addErrorListener(&listener);
  // The lexer outlives this function; the listener does not.
  struct Detach {
    antlr4::Lexer* lexer;
    ~Detach() { lexer->removeErrorListeners(); }
  } detach{out.lexer.get()};

  // A large file is first only counted, so that one over the token limit
  // is refused without holding millions of tokens in memory.
  if (body.size() > kCountFirstBytes) {
    std::size_t count = 0;
    for (auto token = out.lexer->nextToken(); token->getType() != antlr4::Token::EOF; token = out.lexer->nextToken()) {
      if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL || token->getType() == TreatyLexer::ERROR_CHAR) continue;
      if (++count > limits.max_tokens) {
        report_too_many_tokens(spans.of(token.get()), limits, diagnostics);
        out.parseable = false;
        return out;
      }
    }
    out.lexer->reset();
  }

  NestingTracker nesting(limits.max_nesting);
  std::size_t count = 0;
  std::size_t problems = 0;
  bool nesting_reported = false;
  for (;;) {
    std::unique_ptr<antlr4::Token> token = out.lexer->nextToken();
    std::size_t type = token->getType();
    Span span = spans.of(token.get());
    if (type == antlr4::Token::EOF) {
      out.tokens.push_back(std::move(token));
      break;
    }
    if (type == TreatyLexer::LINE_COMMENT || type == TreatyLexer::BLOCK_COMMENT) out.comments.push_back(span);
    if (type == TreatyLexer::BLOCK_COMMENT) {
      std::string_view comment = out.text.substr(span.begin, span.end - span.begin);
      if (comment.size() < 4 || comment.substr(comment.size() - 2) != "*/") {
        ++problems;
        diagnostics.report(DiagKind::UnterminatedComment, Span{file, span.begin, span.begin + 2},
                           "unterminated /* comment: no '*/' before the end of the file");
      }
    }
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    if (type == TreatyLexer::ERROR_CHAR) {
      ++problems;
      char32_t c = decode_utf8(out.text, span.begin);
      diagnostics.report(DiagKind::InvalidCharacter, span, "invalid character " + describe_code_point(c) + hint_for(c));
      out.lexical_errors.push_back(span.begin);
      continue;  // the parser never sees it, so it causes no second error
    }
    if (type == TreatyLexer::UNTERMINATED_STRING) {
      ++problems;
      diagnostics.report(DiagKind::UnterminatedString, span, "missing terminating '\"' character");
      out.lexical_errors.push_back(span.end);
      // The parser sees a string, so one typo does not cascade.
      if (auto* writable = dynamic_cast<antlr4::WritableToken*>(token.get())) writable->setType(TreatyLexer::STRING);
    }
    if (type == TreatyLexer::STRING || type == TreatyLexer::UNTERMINATED_STRING) {
      check_escapes(out.text, span, diagnostics);
    }
    if (++count > limits.max_tokens) {
      report_too_many_tokens(span, limits, diagnostics);
      out.parseable = false;
      out.tokens.clear();
      return out;
    }
    if (!nesting_reported && nesting.feed(type)) {
      nesting_reported = true;
      out.parseable = false;
      out.tokens.clear();
      diagnostics.report(DiagKind::NestingTooDeep, span,
                         "nesting deeper than " + std::to_string(limits.max_nesting) +
                             " levels (brackets, braces, 'not', '-', quantifiers and 'implies' chains); "
                             "split the expression with definitions");
    }
    if (out.parseable) out.tokens.push_back(std::move(token));
  }
  out.empty = count == 0 && problems == 0;
  return out;
}

}  // namespace tc::syntax
