#include "syntax/text.h"

#include <algorithm>
#include <cstdio>

namespace tc::syntax {
namespace {

/// Length of the valid UTF-8 sequence at `text[i]`, or 0 when it is invalid
/// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
/// truncated).
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}


std::string hex_byte(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", c);
  return buffer;
}

}  // namespace

std::size_t bom_length(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; }

bool check_bytes(const SourceSet& sources, FileId file, Diagnostics& diagnostics) {
  std::string_view text = sources.file(file).text();
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t first_nul = kNone, first_bad = kNone, nul_count = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      if (first_nul == kNone) first_nul = i;
      ++nul_count;
      ++i;
      continue;
    }
    std::size_t length = valid_sequence_length(text, i);
    if (length == 0 && first_bad == kNone) first_bad = i;
    i += length == 0 ? 1 : length;
  }
  auto at = [file](std::size_t offset) {
    return Span{file, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(offset + 1)};
  };
  if (first_nul != kNone) {
    std::string message = "NUL byte in the file; a treaty file must be text";
    if (nul_count > 1) message += " (" + std::to_string(nul_count) + " NUL bytes in all)";
    diagnostics.report(DiagKind::NulByte, at(first_nul), message);
  }
  if (first_bad != kNone) {
    diagnostics.report(DiagKind::InvalidUtf8, at(first_bad),
                       "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[first_bad])) +
                           "); a treaty file must be saved as UTF-8");
  }
  return first_nul == kNone && first_bad == kNone;
}

CodePointMap::CodePointMap(std::string_view text, std::size_t base) : text_(text), base_(base) {
  for (std::size_t i = base; i < text.size() && ascii_; ++i) ascii_ = static_cast<unsigned char>(text[i]) < 0x80;
  if (ascii_) return;
  samples_.reserve((text.size() - base) / kStride + 1);
  std::size_t count = 0;
  for (std::size_t i = base; i < text.size(); i += utf8_length(static_cast<unsigned char>(text[i]))) {
    if (count % kStride == 0) samples_.push_back(static_cast<std::uint32_t>(i));
    ++count;
  }
  if (count % kStride == 0) samples_.push_back(static_cast<std::uint32_t>(text.size()));
}

std::uint32_t CodePointMap::byte_offset(std::size_t index) const {
  if (ascii_) return static_cast<std::uint32_t>(std::min(base_ + index, text_.size()));
  std::size_t sample = index / kStride;
  if (sample >= samples_.size()) return static_cast<std::uint32_t>(text_.size());
  std::size_t offset = samples_[sample];
  for (std::size_t k = index % kStride; k > 0 && offset < text_.size(); --k) {
    offset += utf8_length(static_cast<unsigned char>(text_[offset]));
  }
  return static_cast<std::uint32_t>(std::min(offset, text_.size()));
}

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

std::string encode_utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

char32_t decode_utf8(std::string_view text, std::size_t offset) {
  auto byte = [&](std::size_t k) -> char32_t {
    return offset + k < text.size() ? static_cast<unsigned char>(text[offset + k]) : 0;
  };
  char32_t lead = byte(0);
  switch (utf8_length(static_cast<unsigned char>(lead))) {
    case 1: return lead;
    case 2: return ((lead & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default: return ((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  }
}

std::string describe_code_point(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  std::string out = buffer;
  bool printable = c >= 0x21 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0xAD && !(c >= 0x200B && c <= 0x200F) &&
                   !(c >= 0x2028 && c <= 0x202E) && !(c >= 0x2060 && c <= 0x206F);
  if (printable) out += " '" + encode_utf8(c) + "'";
  return out;
}

}  // namespace tc::syntax
