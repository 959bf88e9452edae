// `treatycheck fmt`: the canonical layout, verified by parsing it again.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "cli/drafting.h"
#include "cli/output.h"
#include "diag/render.h"
#include "format/format.h"

namespace tc::cli {
namespace {

/// The files to format: each path, or the .treaty files under a directory
/// (sorted, so the order of the output does not depend on the file system).
std::vector<std::string> expand(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".treaty") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

enum class Outcome { Same, Changed, Refused, Failed };

/// Formats one file into `formatted`. Refuses (with a diagnostic) input
/// that does not parse, and output that would differ in syntax or comments.
Outcome format_one(const std::string& path, SourceSet& sources, bool color, std::string& formatted) {
  Diagnostics diagnostics;
  LoadResult loaded = sources.load(path);
  if (!loaded.file) {
    bool missing = loaded.error == LoadError::NotFound;
    diagnostics.report(missing ? DiagKind::FileNotFound : DiagKind::FileUnreadable, Span{},
                       "cannot read '" + path + "': " + (missing ? "no such file" : "it " + loaded.message));
    render_diagnostics(std::cerr, sources, diagnostics, RenderOptions{color});
    return Outcome::Refused;
  }
  format::Formatted result = format::format_source(sources, *loaded.file, diagnostics);
  render_diagnostics(std::cerr, sources, diagnostics, RenderOptions{color});
  if (!result.parsed) return Outcome::Refused;
  if (!result.verified) {
    std::cerr << "treatycheck: internal error: formatting " << path << " failed its check (" << result.problem
              << "); the file is left as it is (please report this)\n";
    return Outcome::Failed;
  }
  formatted = std::move(result.text);
  return formatted == sources.file(*loaded.file).text() ? Outcome::Same : Outcome::Changed;
}

}  // namespace

int run_fmt(const FmtOptions& options) {
  if (options.check && options.write) {
    std::cerr << "treatycheck: error: fmt takes --check or --write, not both\n";
    return kExitInputError;
  }
  std::vector<std::string> files = expand(options.paths);
  if (files.empty()) {
    std::cerr << "treatycheck: error: fmt: no .treaty file in the given paths\n";
    return kExitInputError;
  }
  SourceSet sources;
  bool refused = false, failed = false;
  std::size_t changed = 0;
  for (const std::string& path : files) {
    std::string formatted;
    Outcome outcome = format_one(path, sources, options.use_color, formatted);
    refused |= outcome == Outcome::Refused;
    failed |= outcome == Outcome::Failed;
    if (outcome == Outcome::Refused || outcome == Outcome::Failed) continue;
    if (options.check) {
      if (outcome == Outcome::Changed) {
        ++changed;
        std::cout << path << ": not in canonical layout (run: treatycheck fmt --write " << path << ")\n";
      }
    } else if (options.write) {
      if (outcome != Outcome::Changed) continue;
      std::string error;
      if (!write_output(path, formatted, error)) {
        std::cerr << "treatycheck: error: " << error << "\n";
        refused = true;
        continue;
      }
      ++changed;
      std::cerr << "formatted " << path << "\n";
    } else {
      std::cout << formatted;
    }
  }
  if (failed) return kExitInternal;
  if (refused) return kExitInputError;
  if (options.check && changed > 0) {
    std::cerr << changed << (changed == 1 ? " file" : " files") << " of " << files.size()
              << " not in canonical layout\n";
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace tc::cli
