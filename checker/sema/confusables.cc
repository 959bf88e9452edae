// Homoglyphs among declared names (docs/robustness.md): `Austria` with a
// Cyrillic А and `Austria` with a Latin A are two names that a reader
// cannot tell apart, so a clause may bind a State nobody meant. In the
// spirit of Unicode TR39 (confusable detection), each name is reduced to a
// skeleton by mapping the Greek and Cyrillic letters that look like Latin
// ones to those Latin letters; two names with one skeleton are confusable.
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "sema/resolver.h"

namespace tc::sema::detail {
namespace {

/// One code point of a name: its value and its UTF-8 bytes.
struct CodePoint {
  char32_t value = 0;
  std::string text;
};

/// The code points of `name` (sema sees only names the lexer accepted, so
/// valid UTF-8; a stray byte is kept as a code point of its own).
std::vector<CodePoint> code_points(const std::string& name) {
  std::vector<CodePoint> out;
  for (std::size_t i = 0; i < name.size();) {
    auto lead = static_cast<unsigned char>(name[i]);
    std::size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 1;
    length = std::min(length, name.size() - i);
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
    out.push_back({value, name.substr(i, length)});
    i += length;
  }
  return out;
}

enum class Script { Latin, Greek, Cyrillic, Other };

Script script_of(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
    return Script::Latin;
  if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return Script::Greek;
  if (c >= 0x400 && c <= 0x52F) return Script::Cyrillic;
  return Script::Other;
}

const char* script_name(Script s) {
  switch (s) {
    case Script::Latin: return "Latin";
    case Script::Greek: return "Greek";
    case Script::Cyrillic: return "Cyrillic";
    case Script::Other: break;
  }
  return "other";
}

/// The Latin letter a Greek or Cyrillic letter is mistaken for (TR39's
/// confusables for the letters that look the same in common fonts), or the
/// code point itself.
char32_t latin_lookalike(char32_t c) {
  static const std::map<char32_t, char32_t> kLookalikes{
      // Cyrillic capitals
      {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
      {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'}, {0x0405, 'S'}, {0x0406, 'I'},
      {0x0408, 'J'}, {0x04C0, 'I'}, {0x051A, 'Q'}, {0x051C, 'W'},
      // Cyrillic small letters
      {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'},
      {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0501, 'd'}, {0x04BB, 'h'}, {0x051B, 'q'}, {0x051D, 'w'},
      {0x04CF, 'l'},
      // Greek capitals
      {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'},
      {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'},
      // Greek small letters
      {0x03B1, 'a'}, {0x03B3, 'y'}, {0x03B9, 'i'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'},
      {0x03F2, 'c'}, {0x03F3, 'j'},
  };
  auto it = kLookalikes.find(c);
  return it == kLookalikes.end() ? c : it->second;
}

std::u32string skeleton(const std::vector<CodePoint>& name) {
  std::u32string out;
  for (const CodePoint& c : name) out += latin_lookalike(c.value);
  return out;
}

/// "U+0410 'А' (Cyrillic)".
std::string describe(const CodePoint& c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c.value));
  Script s = script_of(c.value);
  return std::string(buffer) + " '" + c.text + "'" + (s == Script::Other ? "" : " (" + std::string(script_name(s)) + ")");
}

/// The letters of Latin, Greek and Cyrillic in `name`, if it has more than one of these scripts.
std::map<Script, std::vector<const CodePoint*>> mixed_scripts(const std::vector<CodePoint>& name) {
  std::map<Script, std::vector<const CodePoint*>> by_script;
  for (const CodePoint& c : name) {
    Script s = script_of(c.value);
    if (s != Script::Other) by_script[s].push_back(&c);
  }
  if (by_script.size() < 2) by_script.clear();
  return by_script;
}

bool declared_before(const Span& a, const Span& b) { return std::tie(a.file, a.begin) < std::tie(b.file, b.begin); }

}  // namespace

void Resolver::check_confusable_names() {
  struct Name {
    const std::string* text;
    const Global* global;
    std::vector<CodePoint> points;
  };
  std::map<std::u32string, std::vector<Name>> by_skeleton;
  for (const auto& [text, global] : globals_) {
    if (global.span.empty()) continue;  // built-in sorts
    std::vector<CodePoint> points = code_points(text);
    std::u32string key = skeleton(points);
    by_skeleton[key].push_back({&text, &global, std::move(points)});
  }
  for (auto& [key, names] : by_skeleton) {
    std::sort(names.begin(), names.end(),
              [](const Name& a, const Name& b) { return declared_before(a.global->span, b.global->span); });
    // Each later name is reported against the first: one warning per look-alike.
    for (std::size_t i = 1; i < names.size(); ++i) {
      const Name& first = names.front();
      const Name& later = names[i];
      std::string differences;
      for (std::size_t k = 0; k < later.points.size() && k < first.points.size(); ++k) {
        if (later.points[k].value == first.points[k].value) continue;
        differences += (differences.empty() ? "" : ", ") + describe(later.points[k]) + " where '" + *first.text +
                       "' has " + describe(first.points[k]);
      }
      Diagnostic& d = report(DiagKind::ConfusableNames, later.global->span,
                             "'" + *later.text + "' looks like " + describe_global(*first.global) + " '" + *first.text +
                                 "' but is a different name");
      d.notes.push_back({first.global->span, "'" + *first.text + "' is declared here"});
      d.notes.push_back({Span{}, "help: '" + *later.text + "' has " + differences +
                                     "; use one script for both, or rename one of them"});
    }
  }
  // A single name that mixes scripts is suspect even without a twin: it
  // cannot be typed reliably, and a twin may be added later.
  for (const auto& [key, names] : by_skeleton) {
    if (names.size() > 1) continue;  // already reported above
    const Name& name = names.front();
    std::map<Script, std::vector<const CodePoint*>> scripts = mixed_scripts(name.points);
    if (scripts.empty()) continue;
    // The script with the most letters is taken as the one meant.
    auto main = std::max_element(scripts.begin(), scripts.end(),
                                 [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
    std::string odd;
    for (const auto& [script, letters] : scripts) {
      if (script == main->first) continue;
      for (const CodePoint* c : letters) odd += (odd.empty() ? "" : ", ") + describe(*c);
    }
    Diagnostic& d = report(DiagKind::MixedScriptName, name.global->span,
                           "the name '" + *name.text + "' mixes letters of different scripts");
    d.notes.push_back({Span{}, "help: among its " + std::string(script_name(main->first)) + " letters it has " + odd +
                                   "; write it in one script"});
  }
}

}  // namespace tc::sema::detail
