#pragma once
/// Subcommand implementations. Each takes parsed options and returns an
/// exit code; printing happens here and in report/, never in analysis.

#include <ostream>
#include <string>
#include <vector>

namespace tc::cli {

/// Options shared by every subcommand that reads treaty files.
struct CommonOptions {
  std::vector<std::string> paths;
  std::string color = "auto";
  bool use_color = false;
};

/// `treatycheck --version`.
void print_version(std::ostream& out);
/// `treatycheck validate PATHS...`: front end only.
int run_validate(const CommonOptions& options);

}  // namespace tc::cli
