// load_corpus: command-line files, imports relative to the importer,
// missing files, directories, cycles, each file once, imports first.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "syntax/parse.h"

namespace tc {
namespace {

namespace fs = std::filesystem;

/// A scratch directory, removed afterwards; the process works inside it so
/// that paths are short and relative, as a user would type them.
class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    old_cwd_ = fs::current_path();
    root_ = fs::temp_directory_path() / ("tc-corpus-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::current_path(root_);
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    fs::remove_all(root_);
  }
  static void write(const std::string& path, const std::string& text) {
    fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  ast::Corpus load(const std::vector<std::string>& paths) { return syntax::load_corpus(paths, sources_, diagnostics_); }
  std::vector<std::string> paths(const ast::Corpus& corpus) const {
    std::vector<std::string> out;
    for (const ast::File& f : corpus.files) out.push_back(sources_.file(f.file).path());
    return out;
  }
  /// "CODE path:line:col message" for each diagnostic.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics_.sorted()) {
      std::string where = "-";
      if (d.span.file != 0) {
        LineColumn lc = sources_.file(d.span.file).locate(d.span.begin);
        where = sources_.file(d.span.file).path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
      }
      out.push_back(std::string(diag_code(d.kind)) + " " + where + " " + d.message);
    }
    return out;
  }

  fs::path old_cwd_;
  fs::path root_;
  SourceSet sources_;
  Diagnostics diagnostics_;
};

TEST_F(CorpusTest, ImportsComeFirstAndAreLoadedOnce) {
  write("treaties/world.treaty", "state A;\n");
  write("treaties/nato.treaty", "import \"world.treaty\";\ninstitution NATO;\n");
  write("examples/draft.treaty",
        "import \"../treaties/nato.treaty\";\nimport \"../treaties/world.treaty\";\nstate B;\n");
  write("examples/other.treaty", "import \"../examples/../treaties/world.treaty\";\nstate C;\n");
  ast::Corpus corpus = load({"examples/draft.treaty", "examples/other.treaty", "examples/draft.treaty"});
  EXPECT_TRUE(messages().empty()) << ::testing::PrintToString(messages());
  EXPECT_EQ(paths(corpus), (std::vector<std::string>{"treaties/world.treaty", "treaties/nato.treaty",
                                                     "examples/draft.treaty", "examples/other.treaty"}));
  ASSERT_EQ(corpus.roots.size(), 2u);
  EXPECT_EQ(sources_.file(corpus.roots[0]).path(), "examples/draft.treaty");
  EXPECT_EQ(sources_.file(corpus.roots[1]).path(), "examples/other.treaty");
  EXPECT_EQ(corpus.files[0].states.at(0).individuals.at(0).name.text, "A");
}

TEST_F(CorpusTest, MissingCommandLineFile) {
  write("dir/x.treaty", "state A;");
  ast::Corpus corpus = load({"nope.treaty", "dir", "dir/x.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 2u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "TC0001 - cannot read 'nope.treaty': no such file");
  EXPECT_EQ(m[1], "TC0002 - cannot read 'dir': it is a directory, not a treaty file");
  EXPECT_EQ(corpus.files.size(), 1u);
  EXPECT_EQ(corpus.roots.size(), 1u);
}

TEST_F(CorpusTest, MissingImportAndDirectoryImport) {
  write("a.treaty", "import \"sub/missing.treaty\";\nimport \"sub\";\nimport \"\";\nstate A;\n");
  write("sub/b.treaty", "state B;");
  ast::Corpus corpus = load({"a.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 3u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "TC0017 a.treaty:1:8 cannot import 'sub/missing.treaty': no such file");
  EXPECT_EQ(m[1], "TC0017 a.treaty:2:8 cannot import 'sub': it is a directory, not a treaty file");
  EXPECT_EQ(m[2], "TC0017 a.treaty:3:8 empty import path");
  EXPECT_EQ(corpus.files.size(), 1u);
}

TEST_F(CorpusTest, ImportPathsAreRelativeToTheImporter) {
  write("x/y/a.treaty", "import \"../b.treaty\";\nstate A;");
  ast::Corpus corpus = load({"x/y/a.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "TC0017 x/y/a.treaty:1:8 cannot import '../b.treaty' (resolved to 'x/b.treaty'): no such file");
}

TEST_F(CorpusTest, SelfImportIsACycle) {
  write("self.treaty", "import \"self.treaty\";\nstate A;\n");
  ast::Corpus corpus = load({"self.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "TC0016 self.treaty:1:8 import cycle: 'self.treaty' imports itself");
  EXPECT_EQ(corpus.files.size(), 1u);
}

TEST_F(CorpusTest, CycleIsReportedAtTheClosingImportWithTheChain) {
  write("a.treaty", "import \"b.treaty\";\nstate A;\n");
  write("b.treaty", "import \"c.treaty\";\nstate B;\n");
  write("c.treaty", "state C;\nimport \"a.treaty\";\n");
  ast::Corpus corpus = load({"a.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 1u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "TC0016 c.treaty:2:8 import cycle: importing 'a.treaty' here leads back to this file");
  ASSERT_EQ(diagnostics_.all()[0].notes.size(), 1u);
  EXPECT_EQ(diagnostics_.all()[0].notes[0].message, "import chain: a.treaty -> b.treaty -> c.treaty -> a.treaty");
  EXPECT_EQ(paths(corpus), (std::vector<std::string>{"c.treaty", "b.treaty", "a.treaty"}));
}

TEST_F(CorpusTest, ParseErrorsInImportedFilesAreReported) {
  write("a.treaty", "import \"b.treaty\";\nstate A;\n");
  write("b.treaty", "state B\n");
  ast::Corpus corpus = load({"a.treaty"});
  auto m = messages();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "TC0010 b.treaty:1:8 expected ';' after the state declaration");
  EXPECT_EQ(corpus.files.size(), 2u);
}

}  // namespace
}  // namespace tc
