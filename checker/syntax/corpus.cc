// The import closure: command-line files and, transitively, what they
// import, each parsed once, imported files before their importers.
#include <algorithm>
#include <filesystem>

#include "syntax/parse.h"

namespace tc::syntax {
namespace {

enum class Visit { New, Active, Done };

/// "no such file", "it is a directory, not a treaty file", ...
std::string reason(const LoadResult& result) {
  if (result.error == LoadError::NotFound) return "no such file";
  return "it " + result.message;
}

DiagKind load_error_kind(LoadError error) {
  switch (error) {
    case LoadError::NotFound: return DiagKind::FileNotFound;
    case LoadError::NotRegularFile: return DiagKind::NotRegularFile;
    case LoadError::Unreadable: return DiagKind::FileUnreadable;
    case LoadError::TooLarge: return DiagKind::FileTooLarge;
  }
  return DiagKind::FileUnreadable;
}

class CorpusLoader {
 public:
  CorpusLoader(SourceSet& sources, Diagnostics& diagnostics, const ParseLimits& limits)
      : sources_(sources), diagnostics_(diagnostics), limits_(limits) {}

  void add_root(const std::string& path) {
    LoadResult result = sources_.load(path);
    if (!result.file) {
      diagnostics_.report(load_error_kind(result.error.value_or(LoadError::Unreadable)), Span{},
                          "cannot read '" + path + "': " + reason(result));
      return;
    }
    FileId id = *result.file;
    if (std::find(corpus_.roots.begin(), corpus_.roots.end(), id) == corpus_.roots.end()) corpus_.roots.push_back(id);
    if (state(id) == Visit::New) visit(id);
  }

  ast::Corpus take() { return std::move(corpus_); }

 private:
  Visit& state(FileId id) {
    if (states_.size() <= id) states_.resize(id + 1, Visit::New);
    return states_[id];
  }

  /// Parses `id`, then everything it imports (depth first), then appends
  /// it to the corpus: a post-order, so imports come first.
  void visit(FileId id) {
    state(id) = Visit::Active;
    active_.push_back(id);
    ast::File file = parse_file(sources_, id, diagnostics_, limits_);
    for (const ast::Import& import : file.imports) {
      std::optional<FileId> target = open_import(import, id);
      if (!target) continue;
      if (state(*target) == Visit::Active) report_cycle(import, id, *target);
      else if (state(*target) == Visit::New) visit(*target);
    }
    active_.pop_back();
    state(id) = Visit::Done;
    corpus_.files.push_back(std::move(file));
  }

  /// Loads the file an import names, relative to the importing file.
  std::optional<FileId> open_import(const ast::Import& import, FileId importer) {
    namespace fs = std::filesystem;
    fs::path written(import.path);
    fs::path joined = written.is_absolute() ? written : fs::path(sources_.file(importer).path()).parent_path() / written;
    std::string resolved = joined.lexically_normal().string();
    std::string where = resolved == import.path ? "" : " (resolved to '" + resolved + "')";
    if (import.path.empty()) {
      diagnostics_.report(DiagKind::ImportNotFound, import.span, "empty import path");
      return std::nullopt;
    }
    LoadResult result = sources_.load(resolved);
    if (!result.file) {
      DiagKind kind = result.error == LoadError::TooLarge ? DiagKind::FileTooLarge : DiagKind::ImportNotFound;
      diagnostics_.report(kind, import.span, "cannot import '" + import.path + "'" + where + ": " + reason(result));
      return std::nullopt;
    }
    return result.file;
  }

  void report_cycle(const ast::Import& import, FileId importer, FileId target) {
    const std::string& target_path = sources_.file(target).path();
    std::string message = importer == target
                              ? "import cycle: '" + target_path + "' imports itself"
                              : "import cycle: importing '" + target_path + "' here leads back to this file";
    std::string chain;
    auto from = std::find(active_.begin(), active_.end(), target);
    for (auto it = from; it != active_.end(); ++it) chain += sources_.file(*it).path() + " -> ";
    chain += target_path;
    Diagnostic& diagnostic = diagnostics_.report(DiagKind::ImportCycle, import.span, message);
    diagnostic.notes.push_back({Span{}, "import chain: " + chain});
  }

  SourceSet& sources_;
  Diagnostics& diagnostics_;
  ParseLimits limits_;
  std::vector<Visit> states_;   ///< by FileId
  std::vector<FileId> active_;  ///< files being visited, outermost first
  ast::Corpus corpus_;
};

}  // namespace

ast::Corpus load_corpus(const std::vector<std::string>& paths, SourceSet& sources, Diagnostics& diagnostics,
                        const ParseLimits& limits) {
  // The files are read in the order of their canonical paths, not in the
  // order given: everything downstream (ids, grounding, the solver's
  // models, hence witnesses and representatives) then depends on the set
  // of files only, and the report is byte-identical in any argument order.
  std::vector<std::pair<std::string, std::string>> ordered;
  for (const std::string& path : paths) {
    std::error_code ec;
    std::string key = std::filesystem::weakly_canonical(std::filesystem::path(path), ec).generic_string();
    ordered.emplace_back(ec ? path : key, path);
  }
  std::stable_sort(ordered.begin(), ordered.end());
  CorpusLoader loader(sources, diagnostics, limits);
  for (const auto& entry : ordered) loader.add_root(entry.second);
  return loader.take();
}

}  // namespace tc::syntax
