// libFuzzer target 2: the whole check (resolve, ground, analyse, every
// report format) on small treaty corpora generated from the fuzzer's bytes.
// The generator is grammar-aware: every input is a plausible corpus of one
// to three states, a few conducts, circumstances and quantities, and up to
// four treaties whose clauses combine them, so the solver and the analysis
// are exercised rather than the parser's error paths (target 1 does those).
// Solver limits are tight so that an input runs in milliseconds; unknown is
// an acceptable answer, a crash, a sanitizer report or an internal error
// (exit 4) is not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyse.h"
#include "cli/reports.h"
#include "diag/render.h"
#include "report/model.h"
#include "report/report.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace {

/// Reads choices from the fuzzer's bytes; zeros once they run out.
class Choices {
 public:
  Choices(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  unsigned pick(unsigned n) { return n == 0 ? 0 : next() % n; }
  bool coin() { return pick(2) == 1; }

 private:
  unsigned next() { return pos_ < size_ ? data_[pos_++] : 0; }
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

const char* const kStates[] = {"Austria", "Belgium", "Croatia"};
const char* const kDates[] = {"1990-01-01", "2000-01-01", "2010-01-01", "2030-01-01"};

class Generator {
 public:
  explicit Generator(Choices& c) : c_(c) {}

  std::string corpus() {
    states_ = 1 + c_.pick(3);
    out_ << "state ";
    for (unsigned i = 0; i < states_; ++i) out_ << (i ? ", " : "") << kStates[i];
    out_ << ";\n";
    out_ << "conduct c0(s: state);\nconduct c1(a: state, b: state);\n";
    out_ << "circumstance k0;\ncircumstance k1(s: state);\n";
    out_ << "quantity q0(s: state) in 0 .. 100;\ncircumstance quantity level in 0 .. 10;\n";
    if (c_.coin()) out_ << "axiom: " << formula(true, "Austria", 2) << ";\n";
    if (c_.pick(4) == 0) out_ << "axiom: for each s in states: c0(s) excludes c1(s, s);\n";
    treaties_ = 1 + c_.pick(4);
    for (unsigned t = 0; t < treaties_; ++t) treaty(t);
    if (c_.coin()) out_ << "expect " << c_.pick(3) << " conflicts;\n";
    return out_.str();
  }

 private:
  std::string state() { return kStates[c_.pick(states_)]; }

  std::string atom(bool circumstance, const std::string& who) {
    std::string other = c_.coin() ? who : state();
    switch (c_.pick(circumstance ? 4 : 3)) {
      case 0: return "c0(" + who + ")";
      case 1: return "c1(" + who + ", " + other + ")";
      case 2: return "q0(" + who + ") " + (c_.coin() ? ">= " : "<= ") + std::to_string(c_.pick(8) * 15);
      default: return c_.coin() ? "k0" : "k1(" + other + ")";
    }
  }

  std::string formula(bool circumstance, const std::string& who, int depth) {
    if (depth <= 0 || c_.pick(3) == 0) return atom(circumstance, who);
    switch (c_.pick(4)) {
      case 0: return "not " + atom(circumstance, who);
      case 1: return "(" + formula(circumstance, who, depth - 1) + " and " + formula(circumstance, who, depth - 1) + ")";
      case 2: return "(" + formula(circumstance, who, depth - 1) + " or " + formula(circumstance, who, depth - 1) + ")";
      default: return "(" + formula(circumstance, who, depth - 1) + " implies " + formula(circumstance, who, depth - 1) + ")";
    }
  }

  std::string condition(const std::string& who) {
    switch (c_.pick(5)) {
      case 0: return "when k1(" + who + ") ";
      case 1: return "unless k0 ";
      case 2: return "when level > " + std::to_string(c_.pick(10)) + " ";
      default: return "";
    }
  }

  std::string modality() {
    switch (c_.pick(3)) {
      case 0: return "must";
      case 1: return "must not";
      default: return "may";
    }
  }

  void clause(unsigned treaty, unsigned article) {
    std::string tail;
    if (treaty > 0 && c_.pick(5) == 0)
      tail = std::string(c_.coin() ? " specialises T" : " without prejudice to T") + std::to_string(c_.pick(treaty)) + ".1";
    if (c_.coin()) {
      out_ << "for each p in parties: " << condition("p") << "p " << modality() << " " << formula(false, "p", 2);
    } else {
      std::string who = state();
      out_ << condition(who) << who << " " << modality() << " " << formula(false, who, 2);
    }
    out_ << tail << ";";
  }

  void treaty(unsigned t) {
    out_ << "treaty T" << t << " in force " << kDates[c_.pick(4)] << " parties: { ";
    unsigned mask = 1 + c_.pick((1u << states_) - 1);
    bool first = true;
    for (unsigned i = 0; i < states_; ++i)
      if (mask & (1u << i)) {
        out_ << (first ? "" : ", ") << kStates[i];
        first = false;
      }
    out_ << " } {\n";
    unsigned articles = 1 + c_.pick(3);
    for (unsigned a = 1; a <= articles; ++a) {
      out_ << "  article " << a << " { ";
      clause(t, a);
      out_ << " }\n";
    }
    out_ << "}\n";
  }

  Choices& c_;
  std::ostringstream out_;
  unsigned states_ = 1, treaties_ = 1;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Choices choices(data, size);
  std::string text = Generator(choices).corpus();
  if (std::getenv("TC_FUZZ_PRINT")) std::cerr << text << "\n";

  tc::SourceSet sources;
  tc::Diagnostics diagnostics;
  tc::FileId file = sources.add("fuzz.treaty", text);
  tc::ast::Corpus corpus;
  corpus.files.push_back(tc::syntax::parse_file(sources, file, diagnostics));
  corpus.roots.push_back(file);
  std::optional<tc::sema::World> world;
  if (!diagnostics.has_errors()) world = tc::sema::resolve(corpus, sources, diagnostics);
  if (!world) return 0;  // generated text can still be ill-typed (e.g. a bad `specialises`)

  tc::ground::GroundOptions ground_options;
  ground_options.as_of = 20240601;
  tc::analysis::AnalysisOptions options;
  options.limits.rlimit = 2'000'000;
  options.max_rounds = 20;
  std::unique_ptr<tc::analysis::Run> run = tc::analysis::run_analysis(*world, ground_options, options);
  if (run->analysis.internal_error) {
    std::cerr << "internal error: " << run->analysis.internal_error_message << "\n" << text << "\n";
    std::abort();
  }
  tc::report::ReportInput input{sources, *world, run->problem, run->analysis, ground_options.as_of, 0, false};
  std::ostringstream rendered;
  tc::report::render_text(rendered, input, false);
  tc::report::ReportFacts facts;
  facts.run = tc::report::build_run_facts(input, "error");
  for (const std::string& format : tc::cli::kCheckFormats)
    if (format != "text") rendered << tc::cli::render_machine(format, facts);
  return 0;
}
