#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace tc {
namespace {

struct KindInfo {
  std::string_view name;
  std::string_view code;
  Severity severity;
  std::string_view description;
};

constexpr KindInfo kKinds[] = {
#define X(name, code, severity, description) {#name, code, Severity::severity, description},
#include "diag/diagnostic_kinds.def"
#undef X
};

const KindInfo& info(DiagKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

}  // namespace

std::string_view diag_code(DiagKind kind) { return info(kind).code; }
Severity diag_default_severity(DiagKind kind) { return info(kind).severity; }
std::string_view diag_description(DiagKind kind) { return info(kind).description; }
std::string_view diag_name(DiagKind kind) { return info(kind).name; }

const std::vector<DiagKind>& all_diag_kinds() {
  static const std::vector<DiagKind> kinds = [] {
    std::vector<DiagKind> out;
    for (std::size_t i = 0; i < std::size(kKinds); ++i) out.push_back(static_cast<DiagKind>(i));
    return out;
  }();
  return kinds;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

Diagnostic& Diagnostics::report(DiagKind kind, Span span, std::string message) {
  items_.push_back(Diagnostic{kind, diag_default_severity(kind), span, std::move(message), {}});
  return items_.back();
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::make_tuple(a.span.file, a.span.begin, diag_code(a.kind), a.message) <
           std::make_tuple(b.span.file, b.span.begin, diag_code(b.kind), b.message);
  });
  // Identical diagnostics (same place, kind and text) are reported once.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.kind == b.kind && a.span == b.span && a.message == b.message;
                        }),
            out.end());
  return out;
}

void Diagnostics::merge(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace tc
