// The one setup that every command grounding the corpus shares, so that a
// usage error (a bad --as-of or --reading) means exit 2 in all of them.
#include "cli/pipeline.h"

namespace tc::cli {

bool set_up_command(const CheckOptions& options, const std::vector<std::string>& paths, CommandSetup& out,
                    const Loader& load) {
  if (!resolve_check_setup(options, out.ground_options, out.analysis_options)) return false;
  out.world = load ? load(out.sources, out.times) : front_end(paths, out.sources, options.use_color, &out.times);
  return out.world && validate_readings(*out.world, out.ground_options);
}

Analysed analyse_setup(const CheckOptions& options, const CommandSetup& setup) {
  Analysed out;
  if (options.all_readings)
    out.readings = analysis::run_all_readings(*setup.world, setup.ground_options, setup.analysis_options);
  else
    out.run = analyse_with_progress(*setup.world, setup.ground_options, setup.analysis_options);
  return out;
}

}  // namespace tc::cli
