// Formatting with proof: the output is parsed again and compared with the
// input, so a printer bug is a refusal, never a silent rewrite.
#include "ast/dump.h"
#include "format/format.h"
#include "syntax/parse.h"

namespace tc::format {
namespace {

/// The comments of a file as text, trailing blanks dropped (the printer drops them).
std::vector<std::string> comment_texts(const SourceSet& sources, FileId file) {
  std::vector<std::string> out;
  const std::string& text = sources.file(file).text();
  for (Span c : syntax::comment_spans(sources, file)) {
    std::string s = text.substr(c.begin, c.end - c.begin);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Formatted format_source(SourceSet& sources, FileId file, Diagnostics& diagnostics) {
  Formatted out;
  Diagnostics parse_diagnostics;
  ast::File tree = syntax::parse_file(sources, file, parse_diagnostics);
  diagnostics.merge(parse_diagnostics);
  if (parse_diagnostics.has_errors()) return out;
  out.parsed = true;
  out.text = format_file(tree, sources.file(file).text(), syntax::comment_spans(sources, file));
  FileId again = sources.add(sources.file(file).path() + " (formatted)", out.text);
  Diagnostics scratch;
  ast::File reparsed = syntax::parse_file(sources, again, scratch);
  if (scratch.has_errors()) out.problem = "the formatted text does not parse";
  else if (!ast::same_syntax(tree, reparsed)) out.problem = "the formatted text has a different syntax tree";
  else if (comment_texts(sources, file) != comment_texts(sources, again)) out.problem = "the formatted text lost or changed a comment";
  out.verified = out.problem.empty();
  return out;
}

}  // namespace tc::format
