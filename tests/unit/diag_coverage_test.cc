// Every input and name/type diagnostic (TC0xxx, TC1xxx) must be shown by
// at least one golden test, so each message, location and note is seen
// and reviewed. Analysis findings (TC2xxx and up) are covered elsewhere.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace {

/// The folders of golden tests: tests/golden/ and the hostile-input suite.
std::vector<std::string> golden_roots() {
  const char* env = std::getenv("TC_SOURCE_DIR");
  std::string root = std::string(env != nullptr ? env : TC_SOURCE_DIR);
  return {root + "/tests/golden", root + "/tests/hostile"};
}

/// All text of every .expected file under the golden folders.
std::string all_expected_output(std::size_t& files) {
  std::string text;
  files = 0;
  std::error_code ec;
  for (const std::string& golden_root : golden_roots()) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(golden_root, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".expected") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      text += buffer.str();
      ++files;
    }
  }
  return text;
}

/// Codes that no file in the repository can show: an unreadable file (the
/// tests run as root), a file over 64 MiB, 5 million tokens. They are
/// generated at run time by tests/scripts/test_bad_input.sh and the syntax
/// unit tests instead; this test checks that script still names them.
const std::set<std::string> kCoveredByScripts = {"TC0003", "TC0004", "TC0018"};

std::string bad_input_script() {
  const char* env = std::getenv("TC_SOURCE_DIR");
  std::ifstream in(std::string(env != nullptr ? env : TC_SOURCE_DIR) + "/tests/scripts/test_bad_input.sh");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void expect_codes_covered(char series) {
  std::size_t files = 0;
  std::string text = all_expected_output(files) + bad_input_script();
  ASSERT_GT(files, 0u) << "no .expected files under " << golden_roots().front();
  std::set<std::string> missing;
  for (tc::DiagKind kind : tc::all_diag_kinds()) {
    std::string code(tc::diag_code(kind));
    if (code.size() < 3 || code[2] != series) continue;
    // Rendered as "error[TC1001]" in text output, "TC1001" in other formats.
    bool scripted = kCoveredByScripts.count(code) > 0;
    if (scripted && bad_input_script().find(code) == std::string::npos) missing.insert(code + " (script no longer checks it)");
    if (!scripted && text.find(code) == std::string::npos) missing.insert(code + " " + std::string(tc::diag_name(kind)));
  }
  std::string list;
  for (const std::string& m : missing) list += "\n  " + m;
  EXPECT_TRUE(missing.empty()) << "diagnostics no golden test shows (add a fail_ test under tests/golden/):" << list;
}

TEST(DiagnosticCoverage, EveryInputAndSyntaxCodeHasAGoldenTest) { expect_codes_covered('0'); }

TEST(DiagnosticCoverage, EveryNameAndTypeCodeHasAGoldenTest) { expect_codes_covered('1'); }

}  // namespace
