#pragma once
/// Text rendering of diagnostics, clang style:
///   file:line:col: error[TC1002]: message
///      12 |   state Belgium;
///         |         ^^^^^^^
///   other.treaty:3:7: note: first declared here

#include <ostream>
#include <string>

#include "diag/diagnostics.h"
#include "source/source.h"

namespace tc {

/// Rendering switches.
struct RenderOptions {
  bool color = false;  ///< ANSI colours (decided by the CLI from --color and NO_COLOR)
};

/// "path:line:col" for a span ("<command line>" for the empty span).
std::string format_location(const SourceSet& sources, Span span);

/// Writes the source line of `span` with an underline beneath it (nothing
/// for the empty span). Lines longer than the display limit are cut around
/// the span so a 1 MB line never floods the terminal.
void render_snippet(std::ostream& out, const SourceSet& sources, Span span, const RenderOptions& options);

/// Writes one diagnostic with its snippet and notes.
void render_diagnostic(std::ostream& out, const SourceSet& sources, const Diagnostic& diagnostic,
                       const RenderOptions& options);

/// Writes all diagnostics sorted, followed by an "N errors, M warnings" line
/// when there is at least one.
void render_diagnostics(std::ostream& out, const SourceSet& sources, const Diagnostics& diagnostics,
                        const RenderOptions& options);

}  // namespace tc
