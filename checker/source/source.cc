#include "source/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace tc {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    // CR LF, lone LF and lone CR all end a line.
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

LineColumn SourceFile::locate(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::uint32_t line_index = static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
  std::uint32_t column = 1;
  for (std::uint32_t i = line_starts_[line_index]; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line_index + 1, column};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

SourceSet::SourceSet() {
  files_.push_back(std::make_unique<SourceFile>("<command line>", ""));
  canonical_.emplace_back();
}

FileId SourceSet::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  canonical_.emplace_back();
  return static_cast<FileId>(files_.size() - 1);
}

LoadResult SourceSet::load(const std::string& path) {
  namespace fs = std::filesystem;
  LoadResult result;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    result.error = LoadError::NotFound;
    result.message = "no such file";
    return result;
  }
  if (fs::is_directory(status)) {
    result.error = LoadError::NotRegularFile;
    result.message = "is a directory, not a treaty file";
    return result;
  }
  if (!fs::is_regular_file(status)) {
    result.error = LoadError::NotRegularFile;
    result.message = "is not a regular file";
    return result;
  }
  std::string canonical = fs::weakly_canonical(path, ec).string();
  if (ec) canonical = path;
  for (std::size_t i = 1; i < canonical_.size(); ++i) {
    if (!canonical_[i].empty() && canonical_[i] == canonical) {
      result.file = static_cast<FileId>(i);
      return result;
    }
  }
  // Opened without blocking and checked again on the descriptor: a path
  // swapped for a FIFO or device after the check above must not hang or
  // stream forever. At most kMaxFileBytes + 1 bytes are read, so a file
  // whose size the file system misreports (/proc) is bounded too.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    result.error = LoadError::Unreadable;
    result.message = errno == EACCES ? "cannot be read (permission denied)"
                                     : std::string("cannot be read (") + std::strerror(errno) + ")";
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    result.error = LoadError::NotRegularFile;
    result.message = "is not a regular file";
    return result;
  }
  if (static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes) {
    ::close(fd);
    result.error = LoadError::TooLarge;
    result.message = "is larger than the limit of 64 MiB";
    return result;
  }
  std::string text;
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.error = LoadError::Unreadable;
      result.message = std::string("cannot be read (") + std::strerror(errno) + ")";
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > kMaxFileBytes) {
      ::close(fd);
      result.error = LoadError::TooLarge;
      result.message = "is larger than the limit of 64 MiB";
      return result;
    }
  }
  ::close(fd);
  FileId id = add(path, std::move(text));
  canonical_[id] = canonical;
  result.file = id;
  return result;
}

}  // namespace tc
