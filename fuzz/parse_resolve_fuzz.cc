// libFuzzer target 1: the front end (parse, then resolve) and the
// diagnostic renderer on arbitrary bytes. Any crash, sanitizer report,
// leak or hang here is a bug: bad input must only ever produce diagnostics.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "diag/render.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tc::SourceSet sources;
  tc::Diagnostics diagnostics;
  tc::FileId file = sources.add("fuzz.treaty", std::string(reinterpret_cast<const char*>(data), size));
  tc::ast::Corpus corpus;
  corpus.files.push_back(tc::syntax::parse_file(sources, file, diagnostics));
  corpus.roots.push_back(file);
  // The CLI resolves only a corpus that parsed cleanly; the fuzzer does too,
  // so that sema sees the ASTs it is promised (imports are not followed:
  // they would read the disk).
  if (!diagnostics.has_errors() && corpus.files.front().imports.empty())
    tc::sema::resolve(corpus, sources, diagnostics);
  std::ostringstream rendered;
  tc::render_diagnostics(rendered, sources, diagnostics, tc::RenderOptions{/*color=*/true});
  return 0;
}
