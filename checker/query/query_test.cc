// query::ask against a brute-force oracle: on a small world every
// assignment of the ground atoms is enumerated; an instance applies
// "always" exactly when its applicability holds in every assignment the
// background allows, "never" (left out) when in none.
#include <gtest/gtest.h>

#include <map>

#include "analysis/expectations.h"
#include "query/query.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc {
namespace {

struct Fixture {
  SourceSet sources;
  std::optional<sema::World> world;
};

std::unique_ptr<Fixture> resolve_text(const std::string& text) {
  auto out = std::make_unique<Fixture>();
  Diagnostics diagnostics;
  ast::Corpus corpus;
  FileId id = out->sources.add("q.treaty", text);
  corpus.files.push_back(syntax::parse_file(out->sources, id, diagnostics));
  corpus.roots = {id};
  out->world = sema::resolve(corpus, out->sources, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return out;
}

constexpr const char* kText = R"(
state A, B;
circumstance storm(at: state);
circumstance calm(at: state);
circumstance attacked(v: state);
conduct patrol(by: state);
conduct assist(h: state, v: state);
conduct thank(by: state, h: state);
axiom: for each s in states: storm(s) excludes calm(s);
treaty T binding in force 2000-01-01 parties: {A, B} {
  article 1 { for each p in parties: when storm(p) p must patrol(p); }
  article 2 { for each p, q in parties where p != q: when attacked(q) unless calm(q) p must assist(p, q); }
  article 3 { for each p, q in parties where p != q: when assist(q, p) p must thank(p, q); }
  article 4 { for each p in parties: when storm(p) and calm(p) p may patrol(p); }
  article 5 { for each p in parties: p must not assist(p, p); }
}
treaty U binding in force 2000-01-01 parties: {A} {
  article 1 { for each p in parties: when storm(p) p must not patrol(p); }
}
scenario "storm in A" { storm(A); attacked(B); }
scenario "calm B" { calm(B); }
)";

/// Every assignment of the ground atoms that satisfies the background.
std::vector<ground::Assignment> situations(const ground::Problem& problem) {
  std::vector<ground::Assignment> out;
  std::size_t n = problem.atoms.size();
  EXPECT_LE(n, 20u);
  for (std::uint64_t bits = 0; bits < (1ull << n); ++bits) {
    ground::Assignment a(n);
    for (std::size_t i = 0; i < n; ++i) a[i] = (bits >> i) & 1;
    bool ok = true;
    for (const ground::AxiomInstance& axiom : problem.axioms) ok = ok && ground::evaluate(problem.pool, axiom.formula, a);
    if (ok) out.push_back(std::move(a));
  }
  return out;
}

TEST(Query, AgreesWithEnumeratingEverySituation) {
  auto f = resolve_text(kText);
  ASSERT_TRUE(f->world);
  for (const sema::Scenario& scenario : f->world->scenarios) {
    ground::GroundOptions options;
    options.as_of = 20240601;
    ground::Problem problem = ground::ground(*f->world, options);
    analysis::add_scenario_facts(*f->world, problem, options, scenario);
    query::Answer answer = query::ask(problem, smt::Limits{});
    ASSERT_FALSE(answer.unknown);
    std::vector<ground::Assignment> all = situations(problem);
    ASSERT_FALSE(all.empty());
    std::map<std::uint32_t, query::Applies> got;
    for (const query::Entry& e : answer.entries) got[e.norm] = e.applies;
    std::size_t always = 0;
    for (std::uint32_t i = 0; i < problem.norms.size(); ++i) {
      const ground::NormInstance& n = problem.norms[i];
      std::size_t holds = 0;
      for (const ground::Assignment& a : all) holds += ground::evaluate(problem.pool, n.applicability, a) != 0;
      std::string what = scenario.name + ": " + f->world->clause_title(n.clause) + " instance " + std::to_string(i);
      if (holds == 0) {
        EXPECT_EQ(got.count(i), 0u) << what << " never applies";
      } else if (holds == all.size()) {
        ASSERT_EQ(got.count(i), 1u) << what;
        EXPECT_EQ(got[i], query::Applies::Always) << what;
        ++always;
      } else {
        ASSERT_EQ(got.count(i), 1u) << what;
        EXPECT_TRUE(got[i] == query::Applies::DependsOnCircumstances || got[i] == query::Applies::DependsOnConduct)
            << what;
      }
    }
    EXPECT_GT(always, 0u) << scenario.name;
  }
}

TEST(Query, NamesTheKindOfDependenceAndSeesConflicts) {
  auto f = resolve_text(kText);
  ASSERT_TRUE(f->world);
  ground::GroundOptions options;
  options.as_of = 20240601;
  ground::Problem problem = ground::ground(*f->world, options);
  analysis::add_scenario_facts(*f->world, problem, options, f->world->scenarios.at(0));
  query::Answer answer = query::ask(problem, smt::Limits{});
  bool conduct = false, circumstances = false;
  for (const query::Entry& e : answer.entries) {
    std::string title = f->world->clause_title(problem.norms[e.norm].clause);
    if (title == "T Art 3") {
      EXPECT_EQ(e.applies, query::Applies::DependsOnConduct);
      conduct = true;
    }
    if (title == "T Art 1" && e.applies == query::Applies::DependsOnCircumstances) circumstances = true;
  }
  EXPECT_TRUE(conduct);
  EXPECT_TRUE(circumstances);  // storm(B) is open in "storm in A"
  EXPECT_TRUE(answer.conflict);  // A must patrol (T.1) and must not (U.1)

  ground::Problem calm = ground::ground(*f->world, options);
  analysis::add_scenario_facts(*f->world, calm, options, f->world->scenarios.at(1));
  EXPECT_FALSE(query::ask(calm, smt::Limits{}).conflict);  // storm(A) is open there: T.1 and U.1 need not bind
}

}  // namespace
}  // namespace tc
