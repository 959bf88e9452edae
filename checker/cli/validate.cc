#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "diag/render.h"
#include "sema/resolve.h"
#include "smt/version.h"
#include "syntax/parse.h"

namespace tc::cli {

void print_version(std::ostream& out) {
  out << "treatycheck " << TC_VERSION << "\n"
      << "grammar " << syntax::grammar_version() << "\n"
      << "z3 " << smt::z3_version() << "\n"
      << "antlr4-runtime " << syntax::antlr_runtime_version() << "\n";
}

int run_validate(const CommonOptions& options) {
  SourceSet sources;
  Diagnostics diagnostics;
  ast::Corpus corpus = syntax::load_corpus(options.paths, sources, diagnostics);
  if (!diagnostics.has_errors()) sema::resolve(corpus, sources, diagnostics);
  render_diagnostics(std::cerr, sources, diagnostics, RenderOptions{options.use_color});
  if (diagnostics.has_errors()) return kExitInputError;
  std::cout << "ok: " << corpus.files.size() << (corpus.files.size() == 1 ? " file" : " files") << " valid\n";
  return kExitOk;
}

}  // namespace tc::cli
