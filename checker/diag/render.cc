#include "diag/render.h"

#include <algorithm>
#include <string_view>

namespace tc {
namespace {

constexpr std::size_t kMaxShownColumns = 160;

const char* color_for(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;35m";
    case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Replaces control characters (tabs included) by a single visible
// character so the underline stays aligned and no escape reaches a terminal.
std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c == '\t') out += ' ';
    else if (c < 0x20 || c == 0x7f) out += '?';
    else out += static_cast<char>(c);
  }
  return out;
}

// Returns the byte offset of the `n`-th code point of `text` (or its size).
std::size_t byte_of_code_point(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == n) return i;
      ++seen;
    }
  }
  return text.size();
}

}  // namespace

std::string format_location(const SourceSet& sources, Span span) {
  if (span.file == 0 || span.file >= sources.size()) return "<command line>";
  const SourceFile& file = sources.file(span.file);
  LineColumn lc = file.locate(span.begin);
  return file.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

void render_snippet(std::ostream& out, const SourceSet& sources, Span span, const RenderOptions& options) {
  if (span.file == 0 || span.file >= sources.size()) return;
  const SourceFile& file = sources.file(span.file);
  LineColumn start = file.locate(span.begin);
  LineColumn stop = file.locate(std::max(span.begin, span.end));
  std::string_view line = file.line_text(start.line);
  std::size_t line_cps = code_points(line);
  std::size_t first_col = start.column - 1;
  std::size_t last_col = stop.line == start.line ? std::max<std::size_t>(stop.column - 1, first_col + 1)
                                                 : std::max<std::size_t>(line_cps, first_col + 1);
  // Window of at most kMaxShownColumns code points around the span start.
  std::size_t window_begin = 0;
  if (line_cps > kMaxShownColumns && first_col > kMaxShownColumns / 4) window_begin = first_col - kMaxShownColumns / 4;
  std::size_t window_end = std::min(line_cps, window_begin + kMaxShownColumns);
  std::string_view shown = line.substr(byte_of_code_point(line, window_begin),
                                       byte_of_code_point(line, window_end) - byte_of_code_point(line, window_begin));
  std::string number = std::to_string(start.line);
  std::string gutter(number.size(), ' ');
  out << "  " << number << " | " << (window_begin > 0 ? "..." : "") << sanitize(shown)
      << (window_end < line_cps ? "..." : "") << "\n";
  std::size_t caret_from = first_col - window_begin + (window_begin > 0 ? 3 : 0);
  std::size_t caret_len = std::max<std::size_t>(1, std::min(last_col, window_end) - std::min(first_col, window_end));
  out << "  " << gutter << " | " << std::string(caret_from, ' ');
  if (options.color) out << "\x1b[1;32m";
  out << '^' << std::string(caret_len - 1, '~');
  if (options.color) out << "\x1b[0m";
  out << "\n";
}

void render_diagnostic(std::ostream& out, const SourceSet& sources, const Diagnostic& diagnostic,
                       const RenderOptions& options) {
  if (options.color) out << "\x1b[1m";
  out << format_location(sources, diagnostic.span) << ": ";
  if (options.color) out << color_for(diagnostic.severity);
  out << severity_name(diagnostic.severity) << "[" << diag_code(diagnostic.kind) << "]";
  if (options.color) out << "\x1b[0m\x1b[1m";
  out << ": " << diagnostic.message;
  if (options.color) out << "\x1b[0m";
  out << "\n";
  render_snippet(out, sources, diagnostic.span, options);
  for (const DiagNote& note : diagnostic.notes) {
    if (!note.span.empty()) out << format_location(sources, note.span) << ": ";
    else out << "  ";
    // A note whose message starts with "help: " is a suggestion and is labelled so.
    bool help = note.message.rfind("help: ", 0) == 0;
    if (options.color) out << color_for(Severity::Note);
    out << (help ? "help" : "note");
    if (options.color) out << "\x1b[0m";
    out << ": " << (help ? note.message.substr(6) : note.message) << "\n";
    render_snippet(out, sources, note.span, options);
  }
}

void render_diagnostics(std::ostream& out, const SourceSet& sources, const Diagnostics& diagnostics,
                        const RenderOptions& options) {
  std::vector<Diagnostic> sorted = diagnostics.sorted();
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : sorted) {
    render_diagnostic(out, sources, d, options);
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  if (errors + warnings > 0) {
    out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
}

}  // namespace tc
