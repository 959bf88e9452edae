#pragma once
/// Diagnostics: the one list of kinds, a collecting sink, and ordering.
/// Rendering lives in render.h; nothing here prints.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.h"

namespace tc {

/// How serious a diagnostic is. Ordered from least to most severe.
enum class Severity { Note, Warning, Error };

/// Every diagnostic the tool can emit, from diagnostic_kinds.def.
enum class DiagKind {
#define X(name, code, severity, description) name,
#include "diag/diagnostic_kinds.def"
#undef X
};

/// Stable code of a kind, e.g. "TC1002".
std::string_view diag_code(DiagKind kind);
/// Default severity of a kind.
Severity diag_default_severity(DiagKind kind);
/// One-line description of a kind (docs, SARIF rule text).
std::string_view diag_description(DiagKind kind);
/// CamelCase name of a kind (e.g. "DuplicateDeclaration").
std::string_view diag_name(DiagKind kind);
/// Every kind, in declaration order.
const std::vector<DiagKind>& all_diag_kinds();
/// "error", "warning" or "note".
std::string_view severity_name(Severity severity);

/// A secondary location attached to a diagnostic.
struct DiagNote {
  Span span;  ///< may be empty for a note without location
  std::string message;
};

/// One located message.
struct Diagnostic {
  DiagKind kind;
  Severity severity;
  Span span;  ///< empty span = file-level or command-line message
  std::string message;
  std::vector<DiagNote> notes;
};

/// Collects diagnostics from every stage. Stages report and continue;
/// nobody throws for user errors.
class Diagnostics {
 public:
  /// Adds a diagnostic with the kind's default severity and returns it so
  /// notes can be attached.
  Diagnostic& report(DiagKind kind, Span span, std::string message);
  /// Number of diagnostics with severity Error.
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  /// All diagnostics, in report order.
  const std::vector<Diagnostic>& all() const { return items_; }
  /// All diagnostics sorted by (file, offset, code, message): the order
  /// every renderer uses, so output is deterministic.
  std::vector<Diagnostic> sorted() const;
  /// Appends another sink's diagnostics.
  void merge(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace tc
