#pragma once
/// Byte-level checks and offset bookkeeping for the syntax stage: no
/// ANTLR here. The lexer counts code points; diagnostics and the AST use
/// byte offsets; `CodePointMap` converts between the two.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source.h"

namespace tc::syntax {

/// Length of a leading UTF-8 byte order mark (0 or 3).
std::size_t bom_length(std::string_view text);

/// Checks the raw bytes of `file`: reports the first NUL byte (TC0006) and
/// the first invalid UTF-8 sequence (TC0005), each located at the byte.
/// Returns true when the bytes are fine to lex.
bool check_bytes(const SourceSet& sources, FileId file, Diagnostics& diagnostics);

/// Maps code point indexes inside `text[base..]` (as the lexer counts
/// them) to byte offsets in `text`. Keeps one entry per 64 code points, so
/// a 50 MB file costs 3 MB, not 200. `text` must be valid UTF-8 and
/// outlive the map.
class CodePointMap {
 public:
  CodePointMap(std::string_view text, std::size_t base);
  /// Byte offset of code point `index` (the end of the text for indexes past it).
  std::uint32_t byte_offset(std::size_t index) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::size_t base_;
  bool ascii_ = true;  ///< every byte after `base` is ASCII: offsets are base + index
  std::vector<std::uint32_t> samples_;  ///< byte offset of every kStride-th code point
};

/// "U+00A7 '§'" (the glyph only when printable).
std::string describe_code_point(char32_t code_point);
/// The UTF-8 encoding of one code point.
std::string encode_utf8(char32_t code_point);
/// Bytes of the UTF-8 sequence that starts with `lead` (1 to 4).
std::size_t utf8_length(unsigned char lead);
/// Decodes the (valid) UTF-8 sequence starting at `text[offset]`.
char32_t decode_utf8(std::string_view text, std::size_t offset);

}  // namespace tc::syntax
