// `treatycheck check` and `treatycheck test`: the whole pipeline.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

#include "analysis/analyse.h"
#include "analysis/expectations.h"
#include "analysis/readings.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/reports.h"
#include "diag/render.h"
#include "ground/ground.h"
#include "report/report.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc::cli {
namespace {

std::atomic<bool> g_progress_shown{false};  ///< a progress line is on the terminal

/// Today's date (UTC) as a DayNumber.
sema::DayNumber today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return (utc.tm_year + 1900) * 10000 + (utc.tm_mon + 1) * 100 + utc.tm_mday;
}

/// Parses YYYY-MM-DD; false on anything else (including impossible dates).
bool parse_day(const std::string& text, sema::DayNumber& out) {
  ast::Date date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  date.year = std::stoi(text.substr(0, 4));
  date.month = std::stoi(text.substr(5, 2));
  date.day = std::stoi(text.substr(8, 2));
  if (!sema::is_valid_date(date)) return false;
  out = sema::day_number(date);
  return true;
}

}  // namespace

/// With no path, check the bundled draft (which imports the bundled treaties).
std::vector<std::string> default_paths(const std::vector<std::string>& given) {
  if (!given.empty()) return given;
  std::filesystem::path bundled = std::filesystem::path(TC_SOURCE_DIR) / "examples" / "est-2009-draft.treaty";
  std::error_code ec;
  std::filesystem::path relative = std::filesystem::relative(bundled, std::filesystem::current_path(), ec);
  if (!ec && !relative.empty() && relative.string().rfind("..", 0) != 0) return {relative.string()};
  return {bundled.string()};
}

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

/// Front end: parse and resolve. Prints diagnostics; nullopt on errors.
std::optional<sema::World> front_end(const std::vector<std::string>& paths, SourceSet& sources, bool color,
                                     FrontEndTimes* times) {
  Diagnostics diagnostics;
  auto start = std::chrono::steady_clock::now();
  ast::Corpus corpus = syntax::load_corpus(paths, sources, diagnostics);
  if (times) times->parse = seconds_since(start);
  start = std::chrono::steady_clock::now();
  std::optional<sema::World> world;
  if (!diagnostics.has_errors()) world = sema::resolve(corpus, sources, diagnostics);
  if (times) times->resolve = seconds_since(start);
  render_diagnostics(std::cerr, sources, diagnostics, RenderOptions{color});
  if (diagnostics.has_errors()) return std::nullopt;
  return world;
}

void print_stats(std::ostream& out, const analysis::Stats& s, const FrontEndTimes& times, double report_seconds,
                 double total_seconds) {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](double seconds) { return std::to_string(static_cast<long long>(seconds * 1000 + 0.5)) + " ms"; };
  out << "stats: " << s.instances << " norm instances, " << s.ground_atoms << " ground atoms, " << s.axiom_instances
      << " axiom instances, " << s.components << " components, " << s.solver_checks << " loop rounds, "
      << s.refinements << " refinements, " << s.z3_checks << " solver calls, " << s.searches << " searches on "
      << s.jobs << (s.jobs == 1 ? " worker" : " workers") << "\n"
      << "stats: parse " << ms(times.parse) << ", resolve " << ms(times.resolve) << ", reduce " << ms(s.seconds_reduce)
      << ", ground " << ms(s.seconds_ground) << ", encode " << ms(s.seconds_encode) << ", solve "
      << ms(s.seconds_solve) << ", minimise " << ms(s.seconds_minimise) << ", witness " << ms(s.seconds_witness)
      << ", lift " << ms(s.seconds_lift) << ", report " << ms(report_seconds) << "; total " << ms(total_seconds)
      << "\n"
      << "stats: peak memory " << usage.ru_maxrss / 1024 << " MB\n";
}

static Severity threshold(const std::string& fail_on) {
  return fail_on == "warning" ? Severity::Warning : Severity::Error;
}

/// The exit status of a check (cli.md), decided here only.
int exit_status(const analysis::Analysis& analysis, const std::string& fail_on) {
  if (analysis.internal_error) return kExitInternal;
  bool failing = false, unknown = false;
  for (const analysis::Finding& f : analysis.findings) {
    if (f.kind == analysis::FindingKind::Unknown) {
      unknown = true;
      continue;
    }
    if (fail_on != "never" && f.severity >= threshold(fail_on)) failing = true;
  }
  if (failing) return kExitFindings;
  if (unknown) return kExitUnknown;
  return kExitOk;
}

bool resolve_check_setup(const CheckOptions& options, ground::GroundOptions& ground_options,
                         analysis::AnalysisOptions& analysis_options) {
  ground_options.as_of = today();
  if (!options.as_of.empty() && !parse_day(options.as_of, ground_options.as_of)) {
    std::cerr << "treatycheck: error: --as-of expects a real date as YYYY-MM-DD, got '" << options.as_of << "'\n";
    return false;
  }
  for (const std::string& r : options.readings) {
    auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == r.size()) {
      std::cerr << "treatycheck: error: --reading expects TERM=NAME, got '" << r << "'\n";
      return false;
    }
    ground_options.readings[r.substr(0, eq)] = r.substr(eq + 1);
  }
  analysis_options.limits.rlimit = options.rlimit;
  analysis_options.limits.timeout_ms = static_cast<std::uint32_t>(options.timeout_seconds * 1000);
  analysis_options.interrupted = &interrupted();
  analysis_options.timed_out = &timed_out();
  enable_graceful_interrupt();
  if (options.timeout_seconds > 0) start_deadline(options.timeout_seconds);
  if (options.strategy == "naive") {
    analysis_options.symmetry_representatives = 0;
    analysis_options.limits.fresh_solver_per_check = true;
  }
  analysis_options.max_rounds = options.max_rounds;
  analysis_options.jobs = options.jobs;
  analysis_options.permissions = !options.no_permissions;
  if (options.stats) {
    auto start = std::chrono::steady_clock::now();
    analysis_options.progress = [start](const std::string& line) {
      double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "[" << static_cast<long>(t * 1000) << " ms] " << line << "\n";
    };
  } else if (isatty(STDERR_FILENO)) {
    // Progress for a terminal only, and only once a check has run for a
    // second: a quick check stays silent, and logs and pipes never see it.
    auto start = std::chrono::steady_clock::now();
    analysis_options.progress = [start](const std::string& line) {
      if (std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
      std::cerr << "\r\033[K" << "treatycheck: " << line.substr(0, 100) << std::flush;
      g_progress_shown.store(true);
    };
  }
  return true;
}

std::unique_ptr<analysis::Run> analyse_with_progress(const sema::World& world, const ground::GroundOptions& ground_options,
                                                     const analysis::AnalysisOptions& analysis_options) {
  std::unique_ptr<analysis::Run> run = analysis::run_analysis(world, ground_options, analysis_options);
  if (g_progress_shown.exchange(false)) std::cerr << "\r\033[K" << std::flush;
  return run;
}

bool validate_readings(const sema::World& world, const ground::GroundOptions& options) {
  auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::vector<std::string> terms;
  for (const sema::Definition& d : world.definitions)
    if (!d.readings.empty() && !d.readings.front().name.empty()) terms.push_back(d.name);
  std::sort(terms.begin(), terms.end());
  for (const auto& choice : options.readings) {
    // Named copies, not a structured binding: clang 14 (the fuzz build)
    // rejects capturing a structured binding in a lambda.
    const std::string& term = choice.first;
    const std::string& reading = choice.second;
    auto def = std::find_if(world.definitions.begin(), world.definitions.end(), [&](const sema::Definition& d) {
      return d.name == term && !d.readings.empty() && !d.readings.front().name.empty();
    });
    if (def == world.definitions.end()) {
      std::cerr << "treatycheck: error: --reading " << term << "=" << reading << ": no term '" << term << "'; "
                << (terms.empty() ? "the sources declare no term with readings" : "the terms are: " + list(terms))
                << "\n";
      return false;
    }
    std::vector<std::string> names;
    for (const sema::Definition::Reading& r : def->readings) names.push_back(r.name);
    if (std::find(names.begin(), names.end(), reading) == names.end()) {
      std::cerr << "treatycheck: error: --reading " << term << "=" << reading << ": term '" << term
                << "' has no reading '" << reading << "'; its readings are: " << list(names) << "\n";
      return false;
    }
  }
  return true;
}

bool check_revision(const std::vector<std::string>& paths, const CheckOptions& options, CheckedRevision& out) {
  if (!set_up_command(options, paths, out)) return false;
  std::unique_ptr<analysis::Run> run = analyse_with_progress(*out.world, out.ground_options, out.analysis_options);
  out.problem = std::move(run->problem);
  out.analysis = std::move(run->analysis);
  return true;
}

int run_check(const CheckOptions& options) {
  auto started = std::chrono::steady_clock::now();
  ReportPlan plan;
  if (!plan_reports(options, kCheckFormats, plan)) return kExitInputError;
  CommandSetup setup;
  if (!set_up_command(options, default_paths(options.paths), setup)) return kExitInputError;
  Analysed analysed = analyse_setup(options, setup);
  const analysis::Analysis& analysis = analysed.analysis();
  auto report_start = std::chrono::steady_clock::now();
  std::optional<report::StatsFacts> stats;
  if (options.stats) {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    stats = report::StatsFacts{analysis.stats, setup.times.parse, setup.times.resolve, seconds_since(started),
                               static_cast<std::uint64_t>(usage.ru_maxrss / 1024)};
  }
  int status = finish_check(options, plan, setup.sources, *setup.world, analysed.problem(), analysis,
                            setup.ground_options.as_of, analysed.problem_of(), stats ? &*stats : nullptr);
  if (status == kExitInputError) return status;
  if (options.stats)
    print_stats(std::cerr, analysis.stats, setup.times, seconds_since(report_start), seconds_since(started));
  if (analysis.internal_error) std::cerr << "treatycheck: internal error: " << analysis.internal_error_message << "\n";
  return status;
}

int run_test(const CheckOptions& options) {
  ReportPlan plan;
  if (!plan_reports(options, kTestFormats, plan)) return kExitInputError;
  CommandSetup setup;
  if (!set_up_command(options, default_paths(options.paths), setup)) return kExitInputError;
  const SourceSet& sources = setup.sources;
  const std::optional<sema::World>& world = setup.world;
  const ground::GroundOptions& ground_options = setup.ground_options;
  analysis::AnalysisOptions& analysis_options = setup.analysis_options;
  analysis_options.keep_test_names = true;  // scenarios name states: keep them in the reduced world
  std::unique_ptr<analysis::Run> run = analyse_with_progress(*world, ground_options, analysis_options);
  const analysis::Analysis& analysis = run->analysis;
  if (analysis.internal_error) {
    std::cerr << "treatycheck: internal error: " << analysis.internal_error_message << "\n";
    return kExitInternal;
  }
  std::vector<analysis::ExpectationResult> results =
      analysis::check_expectations(run->world, ground_options, analysis, analysis_options);
  // Report in source order (file, offset), deterministic.
  std::sort(results.begin(), results.end(), [&](const auto& a, const auto& b) {
    Span x = world->expectations[a.expectation].span, y = world->expectations[b.expectation].span;
    return std::make_pair(x.file, x.begin) < std::make_pair(y.file, y.begin);
  });
  std::size_t passed = 0, failed = 0, unknown = 0;
  std::ostringstream out;
  for (const analysis::ExpectationResult& r : results) {
    const sema::Expectation& e = world->expectations[r.expectation];
    const SourceFile& file = sources.file(e.span.file);
    std::string text = file.text().substr(e.span.begin, e.span.end - e.span.begin);
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string where = format_location(sources, e.span);
    if (e.scenario) text += "   [scenario \"" + world->scenarios[*e.scenario].name + "\"]";
    if (r.passed) {
      ++passed;
      out << "PASS " << where << ": " << text << "\n";
    } else if (r.unknown) {
      ++unknown;
      out << "UNKNOWN " << where << ": " << text << "\n     " << r.detail << "\n";
    } else {
      ++failed;
      out << "FAIL " << where << ": " << text << "\n     " << r.detail << "\n";
    }
  }
  out << passed << " passed, " << failed << " failed";
  if (unknown) out << ", " << unknown << " unknown";
  out << "\n";
  return finish_test(options, plan, sources, *world, results, ground_options.as_of, out.str());
}

}  // namespace tc::cli
