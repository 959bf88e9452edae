#pragma once
/// Writing reports: to stdout, or to a file atomically (a temporary file
/// in the same directory, then rename), so an interrupted or failed run
/// never leaves a half-written report nor truncates an existing one.

#include <string>

namespace tc::cli {

/// Writes `content` to `path` ("-" or "" = stdout). Returns false and sets
/// `error` when the file cannot be written; the old file is then untouched.
bool write_output(const std::string& path, const std::string& content, std::string& error);

}  // namespace tc::cli
