// Lint findings checked against brute force on a small world: whatever
// lint claims about a clause (never applies, implied by the others) holds
// in every assignment of the ground atoms that the axioms allow.
#include <gtest/gtest.h>

#include <set>

#include "lint/lint.h"
#include "sema/resolve.h"
#include "syntax/parse.h"

namespace tc {
namespace {

constexpr const char* kText = R"(
state A, B;
circumstance storm(at: state);
circumstance calm(at: state);
circumstance attacked(v: state);
conduct patrol(by: state);
conduct assist(h: state, v: state);
circumstance unused_thing(at: state);
axiom: for each s in states: storm(s) excludes calm(s);
treaty T binding in force 2000-01-01 parties: {A, B} {
  article 1 { for each p in parties: when storm(p) when calm(p) p must patrol(p); }
  article 2 { for each p, q in parties where p != q: when attacked(q) p must assist(p, q); }
  article 3 { for each p, q in parties where p != q: when attacked(q) and storm(q) p must assist(p, q); }
  article 4 { for each p in parties: when storm(p) p must patrol(p); }
  article 5 { for each p in parties: when storm(p) and calm(p) p must not patrol(p); }
  article 6 { for each p in parties: when calm(p) p must not patrol(p) specialises T.4; }
}
)";

struct LintRun {
  SourceSet sources;
  std::optional<sema::World> world;
  Diagnostics findings;
  ground::Problem problem;
};

std::unique_ptr<LintRun> lint_text(const std::string& text) {
  auto out = std::make_unique<LintRun>();
  Diagnostics diagnostics;
  ast::Corpus corpus;
  FileId id = out->sources.add("l.treaty", text);
  corpus.files.push_back(syntax::parse_file(out->sources, id, diagnostics));
  corpus.roots = {id};
  out->world = sema::resolve(corpus, out->sources, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  ground::GroundOptions options;
  options.as_of = 20240601;
  lint::Outcome outcome = lint::lint(*out->world, options, lint::Options{}, out->findings);
  EXPECT_EQ(outcome.unknown, 0u);
  out->problem = ground::ground(*out->world, options);
  return out;
}

/// The clause whose span starts where the finding points (or contains it: conditions).
std::optional<sema::ClauseId> clause_at(const sema::World& world, Span span) {
  for (sema::ClauseId c = 0; c < world.clauses.size(); ++c) {
    Span s = world.clauses[c].span;
    if (s.file == span.file && s.begin <= span.begin && span.end <= s.end) return c;
  }
  return std::nullopt;
}

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

bool complied(const ground::Problem& p, const ground::NormInstance& n, const ground::Assignment& a) {
  if (!ground::evaluate(p.pool, n.applicability, a)) return true;
  bool content = ground::evaluate(p.pool, n.content, a) != 0;
  return n.modality == sema::Modality::Prohibition ? !content : content;
}

TEST(Lint, EveryClaimHoldsInEverySituation) {
  auto run = lint_text(kText);
  const sema::World& world = *run->world;
  const ground::Problem& p = run->problem;
  std::vector<ground::Assignment> all = situations(p);
  std::set<std::string> kinds;
  for (const Diagnostic& d : run->findings.all()) {
    kinds.insert(std::string(diag_code(d.kind)));
    if (d.kind == DiagKind::UnusedDeclaration) {
      EXPECT_NE(d.message.find("unused_thing"), std::string::npos) << d.message;
      continue;
    }
    std::optional<sema::ClauseId> c = clause_at(world, d.span);
    ASSERT_TRUE(c) << d.message;
    const auto& mine = p.norms_of_clause[*c];
    for (const ground::Assignment& a : all) {
      if (d.kind == DiagKind::VacuousClause || d.kind == DiagKind::ImpossibleCondition) {
        for (std::uint32_t i : mine) EXPECT_FALSE(ground::evaluate(p.pool, p.norms[i].applicability, a)) << d.message;
      } else if (d.kind == DiagKind::RedundantClause) {
        bool others = true;
        for (std::uint32_t j = 0; j < p.norms.size(); ++j) {
          if (p.norms[j].clause != *c && p.norms[j].modality != sema::Modality::Permission) others = others && complied(p, p.norms[j], a);
        }
        if (!others) continue;
        for (std::uint32_t i : mine) EXPECT_TRUE(complied(p, p.norms[i], a)) << d.message;
      } else if (d.kind == DiagKind::IdlePrecedence) {
        // Instances with the same conduct (same bearer here) never apply together.
        for (std::uint32_t i : mine)
          for (std::uint32_t j : p.norms_of_clause[world.clauses[*c].specialises.at(0)])
            if (p.norms[i].bearer == p.norms[j].bearer) {
              EXPECT_FALSE(ground::evaluate(p.pool, p.norms[i].applicability, a) &&
                           ground::evaluate(p.pool, p.norms[j].applicability, a))
                  << d.message;
            }
      }
    }
  }
  // The text has one of each: the oracle above is not vacuous.
  for (const char* code : {"TC2301", "TC2302", "TC2303", "TC2304", "TC2305"}) EXPECT_TRUE(kinds.count(code)) << code;
}

TEST(Lint, ImportedFilesAreContextOnly) {
  // The same declarations in an imported file give no finding.
  auto out = std::make_unique<LintRun>();
  Diagnostics diagnostics;
  ast::Corpus corpus;
  FileId lib = out->sources.add("lib.treaty", kText);
  FileId root = out->sources.add("root.treaty", "expect consistent;\n");
  corpus.files.push_back(syntax::parse_file(out->sources, lib, diagnostics));
  corpus.files.push_back(syntax::parse_file(out->sources, root, diagnostics));
  corpus.roots = {root};
  out->world = sema::resolve(corpus, out->sources, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ground::GroundOptions options;
  options.as_of = 20240601;
  lint::lint(*out->world, options, lint::Options{}, out->findings);
  EXPECT_TRUE(out->findings.all().empty());
}

}  // namespace
}  // namespace tc
