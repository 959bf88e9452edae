// Property test of --all-readings (analysis/readings.h): on random small
// corpora with vague terms, the merged findings equal the union of the
// analyses under every combination of readings (the full product, no
// pruning), and each finding's readings say exactly under which
// combinations it holds. So the pruning never drops a combination that
// changes a finding.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "analysis/analyse.h"
#include "analysis/readings.h"
#include "ground/ground.h"
#include "random_world.h"
#include "sema/world.h"

namespace tc {
namespace {

using analysis::ReadingChoice;
using test_corpora::RandomWorld;

/// A RandomWorld with 2-3 vague terms (0-ary, 2 or 3 readings each) used
/// by clauses' contents and conditions, sometimes by an axiom, sometimes
/// inside another term's reading, sometimes by nothing.
struct RandomTerms : RandomWorld {
  using RandomWorld::RandomWorld;

  sema::Expr call(sema::DefinitionId d) {
    sema::Expr e;
    e.op = sema::Op::Definition;
    e.id = d;
    return e;
  }

  void add_terms() {
    int terms = pick(4) == 0 ? 3 : 2;
    for (int t = 0; t < terms; ++t) {
      sema::Definition d;
      d.name = "t" + std::to_string(t);
      int readings = pick(5) == 0 ? 3 : 2;
      bool conduct = pick(3) != 0;
      for (int r = 0; r < readings; ++r) {
        sema::Expr body = formula(1, conduct, true, -1);
        if (t > 0 && pick(5) == 0) body = test_corpora::node(sema::Op::Or, {body, call(pick(t))});
        d.readings.push_back({"r" + std::to_string(r), std::nullopt, std::nullopt, body, {}});
      }
      d.default_reading = pick(readings);
      d.mentions_conduct = conduct;
      world.definitions.push_back(d);
    }
    for (sema::Clause& clause : world.clauses) {
      int use = pick(4);
      sema::DefinitionId d = pick(terms);
      if (use == 0) clause.content = test_corpora::node(sema::Op::And, {clause.content, call(d)});
      if (use == 1) clause.content = test_corpora::node(sema::Op::Or, {clause.content, call(d)});
      if (use == 2) clause.conditions.push_back({pick(2) == 0, call(d)});
    }
    if (!world.axioms.empty() && pick(3) == 0)
      world.axioms[0].body = test_corpora::node(sema::Op::Or, {world.axioms[0].body, call(pick(terms))});
  }
};

/// Every combination of readings of every term with several.
std::vector<ReadingChoice> full_product(const sema::World& world) {
  std::vector<ReadingChoice> out{{}};
  for (const sema::Definition& d : world.definitions) {
    if (d.readings.size() < 2) continue;
    std::vector<ReadingChoice> next;
    for (const ReadingChoice& c : out)
      for (const auto& r : d.readings) {
        ReadingChoice extended = c;
        extended[d.name] = r.name;
        next.push_back(extended);
      }
    out = next;
  }
  return out;
}

/// Whether the finding's readings say it holds under `choice`.
bool predicted(const analysis::FindingReadings& r, const ReadingChoice& choice) {
  std::vector<std::string> key;
  for (const std::string& t : r.decisive) key.push_back(choice.at(t));
  return std::find(r.holds_under.begin(), r.holds_under.end(), key) != r.holds_under.end();
}

// 24 corpora by default (each analysed under every combination: about a
// second each); TC_PROPERTY_CORPORA raises it.
static const unsigned kCorpora = std::getenv("TC_PROPERTY_CORPORA") ? std::atoi(std::getenv("TC_PROPERTY_CORPORA")) : 24;

TEST(ReadingsProperty, AllReadingsEqualsUnionOfSingleReadingRuns) {
  int pruned = 0, depending = 0, everywhere = 0;
  for (unsigned seed = 1; seed <= kCorpora; ++seed) {
    RandomTerms random(seed);
    random.build();
    random.add_terms();
    const sema::World& world = random.world;
    ground::GroundOptions options;
    options.as_of = 20240601;
    analysis::AnalysisOptions analysis_options;
    // Truth: the findings of each full combination, by id.
    std::vector<ReadingChoice> product = full_product(world);
    std::map<std::string, std::set<std::size_t>> holds;  // id -> combinations (indices into product)
    for (std::size_t i = 0; i < product.size(); ++i) {
      ground::GroundOptions chosen = options;
      chosen.readings = product[i];
      auto run = analysis::run_analysis(world, chosen, analysis_options);
      ASSERT_FALSE(run->analysis.internal_error) << "seed " << seed;
      for (const analysis::Finding& f : run->analysis.findings) {
        ASSERT_NE(f.kind, analysis::FindingKind::Unknown) << "seed " << seed;
        holds[f.id].insert(i);
      }
    }
    auto all = analysis::run_all_readings(world, options, analysis_options);
    ASSERT_FALSE(all->analysis.internal_error) << "seed " << seed;
    ASSERT_TRUE(all->analysis.readings);
    EXPECT_EQ(all->analysis.readings->product, product.size()) << "seed " << seed;
    pruned += all->plan.combinations.size() < product.size();
    std::set<std::string> merged;
    for (const analysis::Finding& f : all->analysis.findings) {
      ASSERT_TRUE(f.readings) << "seed " << seed;
      merged.insert(f.id);
      (f.readings->decisive.empty() ? everywhere : depending)++;
      for (std::size_t i = 0; i < product.size(); ++i)
        EXPECT_EQ(predicted(*f.readings, product[i]), holds[f.id].count(i) > 0)
            << "seed " << seed << ", finding " << f.id << ", combination " << i;
    }
    std::set<std::string> truth;
    for (const auto& [id, where] : holds) truth.insert(id);
    EXPECT_EQ(merged, truth) << "seed " << seed;
  }
  std::cout << kCorpora << " corpora: " << pruned << " pruned, " << depending << " findings depend on a reading, "
            << everywhere << " hold under every reading\n";
  // The generator must exercise pruning and findings that do and do not depend on a reading.
  EXPECT_GT(pruned, static_cast<int>(kCorpora / 10));
  EXPECT_GT(depending, static_cast<int>(kCorpora / 10));
  EXPECT_GT(everywhere, static_cast<int>(kCorpora / 10));
}

TEST(ReadingsProperty, IdsSurviveAReadingThatChangesNothing) {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    RandomTerms random(seed);
    random.build();
    random.add_terms();
    ground::GroundOptions options;
    options.as_of = 20240601;
    auto before = analysis::run_all_readings(random.world, options, {});
    // A new reading of t0 that says what its default says.
    sema::Definition& t0 = random.world.definitions[0];
    sema::Definition::Reading copy = t0.readings[t0.default_reading];
    copy.name = "same_as_default";
    t0.readings.push_back(copy);
    auto after = analysis::run_all_readings(random.world, options, {});
    std::vector<std::string> ids_before, ids_after;
    for (const auto& f : before->analysis.findings) ids_before.push_back(f.id);
    for (const auto& f : after->analysis.findings) ids_after.push_back(f.id);
    EXPECT_EQ(ids_before, ids_after) << "seed " << seed;
  }
}

}  // namespace
}  // namespace tc
