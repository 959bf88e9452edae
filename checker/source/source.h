#pragma once
/// Source files, byte spans and line lookup. The first stage of the
/// pipeline: everything after it refers to text by `Span`.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tc {

/// Index of a file inside a `SourceSet`.
using FileId = std::uint32_t;

/// A half-open byte range [begin, end) inside one source file.
struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// True for the default-constructed "no location" span.
  bool empty() const { return begin == end && file == 0 && begin == 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// 1-based line and column (column counted in Unicode code points).
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

/// One loaded source file: its path as the user named it and its bytes.
class SourceFile {
 public:
  /// Takes the display path (relative as given, or as resolved from an
  /// import) and the raw bytes. Line starts are indexed once here.
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  /// Line and column of a byte offset (offsets past the end clamp to it).
  LineColumn locate(std::uint32_t offset) const;
  /// The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  /// Number of lines (a file without newline has one line).
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

/// Why a file could not be loaded.
enum class LoadError { NotFound, NotRegularFile, Unreadable, TooLarge };

/// Outcome of `SourceSet::load`.
struct LoadResult {
  std::optional<FileId> file;
  std::optional<LoadError> error;
  std::string message;  ///< human-readable reason when `error` is set
};

/// Owns every file of a run. FileIds are stable for the life of the set.
/// File 0 is a reserved pseudo-file "<command line>" so that the empty
/// span never points into a real file.
class SourceSet {
 public:
  SourceSet();
  /// Maximum size of one source file accepted by `load` (bytes).
  static constexpr std::uint64_t kMaxFileBytes = 64ull * 1024 * 1024;

  /// Reads `path` from disk. Loading the same canonical path twice returns
  /// the first FileId.
  LoadResult load(const std::string& path);
  /// Adds an in-memory file (tests, stdin).
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  /// The canonical absolute path recorded for a loaded file ("" for in-memory ones).
  const std::string& canonical_path(FileId id) const { return canonical_.at(id); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::string> canonical_;
};

}  // namespace tc
