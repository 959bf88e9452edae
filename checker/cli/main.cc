// treatycheck: the command-line entry point. All logic lives in app.cc.
#include "cli/app.h"

int main(int argc, char** argv) { return tc::cli::run_main(argc, argv); }
