// Unit tests of the semantic stage, written as treaty text: each test
// parses a small corpus with the syntax stage and resolves it.
// tests/golden/sema/ shows the same rules as rendered diagnostics.
#include "sema/resolve.h"

#include <gtest/gtest.h>

#include <memory>

#include "sema/resolver.h"
#include "syntax/parse.h"

namespace tc::sema {
namespace {

/// The standard little world most tests start from.
constexpr const char* kWorld = R"(
state France, Germany, Estonia, Russia;
institution NATO, EU;
sort territory: Crimea;
membership NATO { France, Germany since 1949-08-24; Estonia since 2004-03-29; }
circumstance armed_attack(a: state, v: state);
circumstance crisis;
circumstance quantity threat in 0 .. 10;
conduct assist(h: state, v: state);
conduct admit(by: institution, s: state);
conduct speak(p: party);
quantity troops(f: state, o: state) in 0 .. 200000;
)";

struct Outcome {
  SourceSet sources;
  Diagnostics diagnostics;
  std::optional<World> world;

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.all()) out.emplace_back(diag_code(d.kind));
    return out;
  }
  const Diagnostic& at(std::size_t i) const { return diagnostics.all().at(i); }
  /// The only diagnostic (fails the test when there is not exactly one).
  const Diagnostic& only() const {
    EXPECT_EQ(diagnostics.all().size(), 1u) << dump();
    static const Diagnostic none{DiagKind::SyntaxError, Severity::Error, {}, "<none>", {}};
    return diagnostics.all().empty() ? none : diagnostics.all().front();
  }
  /// The source text a span covers.
  std::string text(Span span) const {
    if (span.file == 0 || span.file >= sources.size()) return "";
    return sources.file(span.file).text().substr(span.begin, span.end - span.begin);
  }
  std::string dump() const {
    std::string out;
    for (const Diagnostic& d : diagnostics.all()) {
      out += std::string(diag_code(d.kind)) + " at '" + text(d.span) + "': " + d.message + "\n";
    }
    return out;
  }
};

/// Parses `files` (the last one is the file named on the command line; the
/// others come first, as imports do) and resolves them.
std::unique_ptr<Outcome> resolve_files(const std::vector<std::string>& files) {
  auto out = std::make_unique<Outcome>();
  ast::Corpus corpus;
  for (std::size_t i = 0; i < files.size(); ++i) {
    FileId id = out->sources.add("f" + std::to_string(i) + ".treaty", files[i]);
    corpus.files.push_back(syntax::parse_file(out->sources, id, out->diagnostics));
  }
  corpus.roots = {corpus.files.back().file};
  EXPECT_FALSE(out->diagnostics.has_errors()) << "syntax errors:\n" << out->dump();
  out->world = resolve(corpus, out->sources, out->diagnostics);
  return out;
}

/// kWorld followed by `text`, in one file.
std::unique_ptr<Outcome> check(const std::string& text) { return resolve_files({std::string(kWorld) + text}); }

const Clause& clause(const Outcome& o, ClauseId id = 0) { return o.world->clauses.at(id); }

// ------------------------------------------------------------------ names and lookup

TEST(Resolve, EmptyCorpusHasTheBuiltInSorts) {
  auto o = resolve_files({"// nothing\ncircumstance x;"});
  ASSERT_TRUE(o->world);
  ASSERT_EQ(o->world->sorts.size(), 3u);
  EXPECT_EQ(o->world->sorts[kStateSort].name, "state");
  EXPECT_EQ(o->world->sorts[kInstitutionSort].name, "institution");
  EXPECT_EQ(o->world->sorts[kPartySort].name, "party");
}

TEST(Resolve, SortsAndSubSorts) {
  auto o = check("");
  ASSERT_TRUE(o->world) << o->dump();
  const World& w = *o->world;
  EXPECT_EQ(w.sorts[kStateSort].members.size(), 4u);
  EXPECT_EQ(w.sorts[kInstitutionSort].members.size(), 2u);
  EXPECT_EQ(w.sorts[kPartySort].members.size(), 6u);  // states and institutions
  SortId territory = w.sort_by_name.at("territory");
  EXPECT_EQ(territory, kFirstUserSort);
  EXPECT_EQ(w.sorts[territory].members, std::vector<EntityId>{w.entity_by_name.at("Crimea")});
  EXPECT_EQ(w.entities[w.entity_by_name.at("NATO")].sort, kInstitutionSort);
  EXPECT_TRUE(sort_accepts(kPartySort, kStateSort));
  EXPECT_TRUE(sort_accepts(kPartySort, kInstitutionSort));
  EXPECT_FALSE(sort_accepts(kStateSort, kPartySort));
  EXPECT_FALSE(sort_accepts(kPartySort, territory));
}

TEST(Resolve, DisplayNames) {
  auto o = resolve_files({R"(state United_Kingdom "United Kingdom", France;)"});
  ASSERT_TRUE(o->world);
  EXPECT_EQ(o->world->entities[0].display, "United Kingdom");
  EXPECT_EQ(o->world->entities[1].display, "France");
}

TEST(Resolve, DuplicateDeclarationAcrossKindsAndFiles) {
  auto o = resolve_files({kWorld, "conduct France;"});
  EXPECT_FALSE(o->world);
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::DuplicateDeclaration);
  EXPECT_EQ(d.message, "'France' is already declared as the state 'France'");
  EXPECT_EQ(d.span.file, 2u);  // the imported file comes first
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "first declared here");
  EXPECT_EQ(d.notes[0].span.file, 1u);
  EXPECT_EQ(o->text(d.notes[0].span), "France");
}

TEST(Resolve, LookAlikeNamesWarnAtTheLaterOne) {
  // "Frаnce" has a Cyrillic а (U+0430): a different name that reads the same.
  auto o = resolve_files({kWorld, "state Fr\u0430nce;\nconduct \u0430ssist(h: state);"});
  ASSERT_TRUE(o->world) << o->dump();  // warnings only
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1028", "TC1028"})) << o->dump();
  const Diagnostic& d = o->at(0);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.span.file, 2u);
  EXPECT_EQ(o->text(d.span), "Fr\u0430nce");
  EXPECT_EQ(d.message, "'Fr\u0430nce' looks like the state 'France' but is a different name");
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(o->text(d.notes[0].span), "France");
  EXPECT_EQ(d.notes[1].message,
            "help: 'Fr\u0430nce' has U+0430 '\u0430' (Cyrillic) where 'France' has U+0061 'a' (Latin); use one "
            "script for both, or rename one of them");
  EXPECT_EQ(o->at(1).message, "'\u0430ssist' looks like the conduct 'assist' but is a different name");
}

TEST(Resolve, MixedScriptNameWarnsAndOneScriptDoesNot) {
  // Names wholly in Greek, Cyrillic or accented Latin are fine; so is a
  // Greek name next to a Latin one that only shares some letters.
  auto fine = resolve_files({"state \u0395\u03bb\u03bb\u03ac\u03b4\u03b1, \u0420\u043e\u0441\u0441\u0438\u044f, "
                             "\u010cesko, \u00d6sterreich, Hellada, Rossiya;"});
  EXPECT_TRUE(fine->diagnostics.all().empty()) << fine->dump();
  // "Ukrаine" with a Cyrillic а and no Latin twin.
  auto o = resolve_files({"state Ukr\u0430ine;"});
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::MixedScriptName);
  EXPECT_EQ(d.message, "the name 'Ukr\u0430ine' mixes letters of different scripts");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "help: among its Latin letters it has U+0430 '\u0430' (Cyrillic); write it in one script");
}

TEST(Resolve, FirstDeclarationIsFirstInReadingOrder) {
  // A treaty declared below a conduct of the same name is the duplicate,
  // whatever the order of the AST's per-kind lists.
  auto o = resolve_files({"conduct T;\ntreaty T { }"});
  EXPECT_EQ(o->only().message, "'T' is already declared as the conduct 'T'");
}

TEST(Resolve, DuplicateOfTheBuiltInSort) {
  auto o = resolve_files({"sort party;"});
  EXPECT_EQ(o->only().message, "'party' is the name of a built-in sort");
}

TEST(Resolve, LookupOrderVariableThenEntityThenAtomThenDefinition) {
  auto o = check(R"(
define tense := crisis;
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 {
    for each France in states:
      when crisis and tense
      France must assist(France, Estonia);
  }
})");
  ASSERT_TRUE(o->world) << o->dump();  // the shadowing is a warning
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::ShadowedVariable);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message, "variable 'France' hides the state 'France': inside its scope the name means the variable");
  const Clause& c = clause(*o);
  EXPECT_EQ(c.bearer.op, Op::Var);
  EXPECT_EQ(c.content.args[0].op, Op::Var);     // the variable wins
  EXPECT_EQ(c.content.args[1].op, Op::Entity);  // then individuals
  const Expr& when = c.conditions[0].formula;
  EXPECT_EQ(when.args[0].op, Op::Atom);        // then 0-ary atoms
  EXPECT_EQ(when.args[1].op, Op::Definition);  // then 0-ary definitions
}

TEST(Resolve, UndeclaredNameSuggestsACloseName) {
  auto o = check("axiom: assist(France, Frnace);");
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::UndeclaredName);
  EXPECT_EQ(d.message, "undeclared name 'Frnace'; did you mean 'France'?");
  EXPECT_EQ(o->text(d.span), "Frnace");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "'France' is declared here");
}

TEST(Resolve, SuggestionsScaleWithTheLengthOfTheName) {
  auto o = check("axiom: assist(France, Zanzibar) or assist(France, Rusia) or speak(EV);");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1001", "TC1001", "TC1001"}));
  EXPECT_EQ(o->at(0).message, "undeclared name 'Zanzibar'");
  EXPECT_EQ(o->at(1).message, "undeclared name 'Rusia'; did you mean 'Russia'?");
  EXPECT_EQ(o->at(2).message, "undeclared name 'EV'; did you mean 'EU'?");
  EXPECT_EQ(detail::edit_distance("Frnace", "France"), 1u);  // a transposition is one edit
  EXPECT_EQ(detail::edit_distance("EST", "NAT"), 2u);
}

TEST(Resolve, AnUnknownNameDoesNotCascade) {
  auto o = check("axiom: assist(Frnace, Germany) = 3 and not nosuch(Germany) and troops(Zanzibar, France) > 2;");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1001", "TC1001", "TC1001"})) << o->dump();
}

TEST(Resolve, NamesMayBeUsedBeforeTheirDeclaration) {
  auto o = resolve_files({R"(
define early(s: state) := act(s);
treaty T in force 2000-01-01 parties: { Late } { article 1 { Late must early(Late); } }
conduct act(s: state);
state Late;
)"});
  ASSERT_TRUE(o->world) << o->dump();
  EXPECT_TRUE(o->world->definitions[0].mentions_conduct);
}

// ------------------------------------------------------------------ calls, sorts, types

TEST(Resolve, WrongArity) {
  auto o = check("axiom: assist(France);");
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::WrongArity);
  EXPECT_EQ(d.message, "'assist' takes 2 arguments, but 1 was given");
  EXPECT_EQ(o->text(d.span), "assist");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "'assist' is declared here");
  EXPECT_EQ(o->text(d.notes[0].span), "assist");
  auto bare = check("axiom: assist;");
  EXPECT_EQ(bare->only().message, "'assist' takes 2 arguments, but none were given");
}

TEST(Resolve, WrongSortOfAnArgument) {
  auto o = check("axiom: assist(France, NATO);");
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::WrongSort);
  EXPECT_EQ(d.message, "argument 2 of 'assist' must be a state, but 'NATO' is an institution");
  EXPECT_EQ(o->text(d.span), "NATO");
  EXPECT_EQ(d.notes.size(), 1u);
}

TEST(Resolve, SubSortIsAcceptedButAPartyVariableIsNotAState) {
  auto ok = check("axiom: speak(France) and speak(NATO);");
  EXPECT_TRUE(ok->world) << ok->dump();
  auto o = check("axiom: forall p in party: assist(p, Estonia);");
  EXPECT_EQ(o->only().kind, DiagKind::WrongSort);
  EXPECT_EQ(o->only().message, "argument 1 of 'assist' must be a state, but 'p' is a party (a state or an institution)");
}

TEST(Resolve, TypeMismatches) {
  auto number_as_formula = check("axiom: troops(France, Estonia);");
  EXPECT_EQ(number_as_formula->only().kind, DiagKind::TypeMismatch);
  EXPECT_EQ(number_as_formula->only().message,
            "'troops(France, Estonia)' is a number, but a formula (something true or false) is expected here");
  auto formula_as_number = check("axiom: assist(France, Estonia) + 1 >= 1;");
  EXPECT_EQ(formula_as_number->only().message, "'assist(France, Estonia)' is a truth value, but a number is expected here");
  auto individual_as_formula = check("axiom: speak(France) and Germany;");
  EXPECT_EQ(individual_as_formula->only().message,
            "'Germany' is a state, but a formula (something true or false) is expected here");
  auto number_as_argument = check("axiom: assist(France, 3);");
  EXPECT_EQ(number_as_argument->only().kind, DiagKind::TypeMismatch);
  EXPECT_EQ(number_as_argument->only().message, "argument 2 of 'assist' must be a state, but '3' is a number");
  auto sort_as_value = check("axiom: speak(territory);");
  EXPECT_EQ(sort_as_value->only().kind, DiagKind::TypeMismatch);
  EXPECT_EQ(sort_as_value->only().message, "'territory' is the sort 'territory', which cannot stand in a formula");
  auto individual_called = check("axiom: France(Germany);");
  EXPECT_EQ(individual_called->only().kind, DiagKind::TypeMismatch);
}

TEST(Resolve, QuantitiesAreNumbersAndAtomsTruthValues) {
  auto o = check("axiom: troops(France, Estonia) >= 5000 and crisis;");
  ASSERT_TRUE(o->world) << o->dump();
  const Expr& body = o->world->axioms[0].body;
  EXPECT_EQ(body.op, Op::And);
  const Expr& cmp = body.args[0];
  EXPECT_EQ(cmp.op, Op::Compare);
  EXPECT_EQ(cmp.compare, ast::CompareOp::Ge);
  EXPECT_EQ(cmp.args[0].op, Op::Atom);
  EXPECT_EQ(cmp.args[0].type, Type::Int);
  EXPECT_EQ(cmp.args[1].op, Op::Int);
  EXPECT_EQ(cmp.args[1].value, 5000);
  EXPECT_EQ(body.args[1].type, Type::Bool);
}

TEST(Resolve, ComparingIndividuals) {
  auto order = check("axiom: forall p, q in states: p < q;");
  EXPECT_EQ(order->only().kind, DiagKind::TypeMismatch);
  auto sorts = check("axiom: France != Crimea;");
  EXPECT_EQ(sorts->only().kind, DiagKind::WrongSort);
  EXPECT_EQ(sorts->only().message, "'France' is a state and 'Crimea' is a territory: they can never be equal");
  auto party_and_state = check("axiom: forall p in party: p != France or speak(p);");
  EXPECT_TRUE(party_and_state->world) << party_and_state->dump();
  auto formulas = check("axiom: crisis = crisis;");
  EXPECT_EQ(formulas->only().message, "cannot compare 'crisis' (a truth value) with 'crisis' (a truth value): use 'iff' to compare formulas");
}

TEST(Resolve, MultiplicationMustBeLinear) {
  auto o = check("axiom: troops(France, Estonia) * troops(Estonia, France) <= 10;");
  EXPECT_EQ(o->only().kind, DiagKind::NonLinearArithmetic);
  auto constants = check("axiom: -2 * troops(France, Estonia) + troops(France, Estonia) * (1 + 2) - 3 <= 10;");
  EXPECT_TRUE(constants->world) << constants->dump();
}

// ------------------------------------------------------------------ quantities and bounds

TEST(Resolve, ComparisonOutsideTheBounds) {
  auto o = check("axiom: troops(France, Estonia) >= 300000;");
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::QuantityOutOfBounds);
  EXPECT_EQ(d.message,
            "300000 lies outside the bounds of 'troops' (0 .. 200000), so 'troops(France, Estonia) >= 300000' is always "
            "false");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "bounds of 'troops' declared here");
  EXPECT_EQ(o->text(d.notes[0].span), "in 0 .. 200000");
}

TEST(Resolve, ComparisonOutsideTheBoundsWithTheLiteralOnTheLeft) {
  auto o = check("axiom: -1 < threat and threat = 20 and 5 <= threat and threat != 10;");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1007", "TC1007"})) << o->dump();
  EXPECT_NE(o->at(0).message.find("'-1 < threat' is always true"), std::string::npos);
  EXPECT_NE(o->at(1).message.find("'threat = 20' is always false"), std::string::npos);
}

TEST(Resolve, InvalidAndMissingBounds) {
  auto o = resolve_files({"quantity a in 10 .. 0;\nquantity b;\nconduct c in 0 .. 1;"});
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1008", "TC1008", "TC1008"}));
  EXPECT_EQ(o->at(0).message, "quantity 'a' has lower bound 10 above its upper bound 0");
  EXPECT_EQ(o->text(o->at(0).span), "in 10 .. 0");
  EXPECT_EQ(o->at(1).message, "quantity 'b' needs bounds: in LOW .. HIGH");
  EXPECT_EQ(o->text(o->at(1).span), "b");
  EXPECT_EQ(o->at(2).message, "'c' has bounds but is not a quantity: declare it as a quantity, or drop the bounds");
}

TEST(Resolve, AtomSignatures) {
  auto o = check("");
  const World& w = *o->world;
  const Atom& troops = w.atoms[w.atom_by_name.at("troops")];
  EXPECT_TRUE(troops.is_quantity);
  EXPECT_TRUE(troops.is_conduct);
  EXPECT_EQ(troops.lower, 0);
  EXPECT_EQ(troops.upper, 200000);
  EXPECT_EQ(troops.params, (std::vector<SortId>{kStateSort, kStateSort}));
  EXPECT_EQ(troops.param_names, (std::vector<std::string>{"f", "o"}));
  const Atom& threat = w.atoms[w.atom_by_name.at("threat")];
  EXPECT_TRUE(threat.is_quantity);
  EXPECT_FALSE(threat.is_conduct);
  EXPECT_EQ(w.atoms[w.atom_by_name.at("speak")].params, std::vector<SortId>{kPartySort});
}

TEST(Resolve, ParameterSorts) {
  auto o = resolve_files({"sort territory;\nstate France;\nconduct occupy(t: teritory);\nconduct x(s: France);"});
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1001", "TC1004"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "undeclared sort 'teritory'; did you mean 'territory'?");
  EXPECT_EQ(o->at(1).message,
            "'France' is the state 'France', not a sort: use state, institution, party or a declared sort");
}

// ------------------------------------------------------------------ dates and memberships

TEST(Resolve, CalendarDates) {
  EXPECT_TRUE(is_valid_date(ast::Date{2024, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 2, 29, {}}));
  EXPECT_TRUE(is_valid_date(ast::Date{2000, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{1900, 2, 29, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 4, 31, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 13, 1, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{2023, 1, 0, {}}));
  EXPECT_FALSE(is_valid_date(ast::Date{0, 1, 1, {}}));
}

TEST(Resolve, InvalidDates) {
  auto o = check("membership EU { France since 2023-02-29; }\ntreaty T signed 2021-04-31 in force 2020-13-01 { }");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1009", "TC1009", "TC1009"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "'2023-02-29' is not a date: February 2023 has 28 days");
  EXPECT_EQ(o->text(o->at(0).span), "2023-02-29");
  EXPECT_EQ(o->at(1).message, "'2021-04-31' is not a date: April 2021 has 30 days");
  EXPECT_EQ(o->at(2).message, "'2020-13-01' is not a date: there is no month 13");
}

TEST(Resolve, MembershipDatesOutOfOrder) {
  auto o = check("membership EU { France since 2004-05-01 until 2004-05-01; }");
  EXPECT_EQ(o->only().kind, DiagKind::DatesOutOfOrder);
  EXPECT_EQ(o->only().message, "membership ends on 2004-05-01, which is not after it starts on 2004-05-01");
}

TEST(Resolve, MembershipNeedsAnInstitutionAndParties) {
  auto o = check("membership France { Germany; }\nmembership EU { Crimea, NATO; }");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1015", "TC1004"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "'France' is the state 'France', not an institution: only institutions have members");
  EXPECT_EQ(o->at(1).message,
            "members of an institution must be states or institutions, but 'Crimea' is the territory 'Crimea'");
}

TEST(Resolve, IsMemberAtDates) {
  auto o = check(R"(
state UK;
membership EU { UK since 1973-01-01 until 2020-01-31; Estonia since 2004-05-01; }
membership EU { France; }
)");
  ASSERT_TRUE(o->world) << o->dump();
  const World& w = *o->world;
  EntityId eu = w.entity_by_name.at("EU"), uk = w.entity_by_name.at("UK"), ee = w.entity_by_name.at("Estonia");
  EXPECT_FALSE(w.is_member(eu, uk, 19721231));
  EXPECT_TRUE(w.is_member(eu, uk, 19730101));
  EXPECT_TRUE(w.is_member(eu, uk, 20200130));
  EXPECT_FALSE(w.is_member(eu, uk, 20200131));  // `until` is the first day outside
  EXPECT_FALSE(w.is_member(eu, ee, 20040430));
  EXPECT_TRUE(w.is_member(eu, ee, 20250101));
  EXPECT_TRUE(w.is_member(eu, w.entity_by_name.at("France"), 19000101));  // no dates: always
  EXPECT_FALSE(w.is_member(eu, w.entity_by_name.at("Germany"), 20250101));
  EXPECT_EQ(w.memberships.size(), 3u + 3u);  // NATO's three and EU's three
}

// ------------------------------------------------------------------ treaties

TEST(Resolve, TreatyAttributes) {
  auto o = check(R"(
treaty T "Title" signed 1950-01-01 in force 1949-08-24 parties: members of NATO prevails over all { }
treaty U political draft 2009-11-29 prevails over T, T withdrawn 2010-01-01 { }
)");
  ASSERT_TRUE(o->world) << o->dump();
  const Treaty& t = o->world->treaties[0];
  EXPECT_EQ(t.title, "Title");
  EXPECT_EQ(t.kind, TreatyKind::Binding);  // the default
  EXPECT_EQ(t.in_force_from, 19490824);
  EXPECT_EQ(t.signed_on, 19500101);  // signed after entry into force: fine
  EXPECT_TRUE(t.prevails_over_all);
  EXPECT_TRUE(t.in_root_file);
  EXPECT_FALSE(t.is_draft);
  const Treaty& u = o->world->treaties[1];
  EXPECT_EQ(u.kind, TreatyKind::Political);
  EXPECT_TRUE(u.is_draft);
  EXPECT_EQ(u.draft_date, 20091129);
  EXPECT_EQ(u.withdrawn_on, 20100101);  // no entry into force to be before
  EXPECT_EQ(u.prevails_over, std::vector<TreatyId>{0});
  EXPECT_FALSE(u.parties);
  EXPECT_EQ(o->world->root_files, std::vector<FileId>{1});
}

TEST(Resolve, InRootFileOnlyForCommandLineFiles) {
  auto o = resolve_files({"treaty Imported { }", "treaty Draft { }"});
  ASSERT_TRUE(o->world);
  EXPECT_FALSE(o->world->treaties[0].in_root_file);
  EXPECT_TRUE(o->world->treaties[1].in_root_file);
  EXPECT_EQ(o->world->root_files, std::vector<FileId>{2});
}

TEST(Resolve, DuplicateAndConflictingAttributes) {
  auto o = check("treaty T binding political binding in force 1990-01-01 in force 1991-01-01 draft { }");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1018", "TC1017", "TC1017", "TC1018"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "a treaty cannot be both binding and political");
  EXPECT_EQ(o->text(o->at(0).span), "political");
  EXPECT_EQ(o->at(1).message, "'binding' is given twice");
  EXPECT_EQ(o->at(2).message, "'in force' is given twice");
  EXPECT_EQ(o->at(3).message, "treaty 'T' cannot be a draft and in force at once");
  auto parties = check("treaty T parties: states parties: { France } { }");
  EXPECT_EQ(parties->only().message, "'parties' is given twice");
}

TEST(Resolve, EndBeforeEntryIntoForce) {
  auto o = check("treaty T in force 1995-01-01 withdrawn 1990-01-01 terminated 1995-01-01 { }");
  EXPECT_EQ(o->only().kind, DiagKind::DatesOutOfOrder);
  EXPECT_EQ(o->only().message, "treaty 'T' is withdrawn on 1990-01-01, before it enters into force on 1995-01-01");
}

TEST(Resolve, UndatedTreatyWithClausesIsInForceWithAWarning) {
  auto o = check(R"(
treaty U parties: { France } { article 1 { France must speak(France); } }
treaty P prevails over all { }
treaty D draft parties: { France } { article 1 { France must speak(France); } }
)");
  ASSERT_TRUE(o->world) << o->dump();
  EXPECT_EQ(o->only().kind, DiagKind::UndatedTreaty);
  EXPECT_EQ(o->text(o->only().span), "U");
  EXPECT_TRUE(o->world->treaties[0].undated);
  EXPECT_TRUE(o->world->treaties[1].undated);  // no clauses: nothing to warn about
  EXPECT_FALSE(o->world->treaties[2].undated);
}

TEST(Resolve, MissingPartiesAndPrecedenceTargets) {
  auto o = check(R"(
treaty T in force 2000-01-01 prevails over T, NATT, France { article 1 { France must speak(France); } }
treaty NAT { }
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1021", "TC1012", "TC1012", "TC1025"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "treaty 'T' cannot prevail over itself");
  EXPECT_EQ(o->at(1).message, "unknown treaty 'NATT'; did you mean 'NAT'?");
  EXPECT_EQ(o->at(2).message, "'France' is the state 'France', not a treaty");
  EXPECT_EQ(o->at(3).message, "treaty 'T' has clauses but declares no parties: add 'parties: ...' before its articles");
}

TEST(Resolve, ArticlesParagraphsAndClauseIndices) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 { France must speak(France); }
  article 2 {
    France must speak(France);
    paragraph 1 { Estonia must speak(Estonia); }
    Germany must speak(Germany);
    paragraph 2(2) { France must speak(France); }
  }
  article "final" { }
}
)");
  ASSERT_TRUE(o->world) << o->dump();
  const World& w = *o->world;
  const Treaty& t = w.treaties[0];
  std::vector<std::string> labels;
  for (ArticleId a : t.articles) labels.push_back(w.articles[a].label);
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "2(1)", "2(2)", "final"}));
  const Article& two = w.articles[*w.find_article(0, "2")];
  EXPECT_FALSE(two.is_paragraph);
  EXPECT_FALSE(two.parent);
  EXPECT_EQ(two.clauses, (std::vector<ClauseId>{1, 2, 3, 4}));  // its own and its paragraphs', in source order
  EXPECT_EQ(two.own_clauses, (std::vector<ClauseId>{1, 3}));
  const Article& two_one = w.articles[*w.find_article(0, "2(1)")];
  EXPECT_TRUE(two_one.is_paragraph);
  EXPECT_EQ(two_one.parent, w.find_article(0, "2"));
  EXPECT_EQ(two_one.clauses, std::vector<ClauseId>{2});
  EXPECT_EQ(w.clauses[2].article, *w.find_article(0, "2(1)"));
  EXPECT_EQ(w.clauses[2].index_in_article, 0u);
  EXPECT_EQ(w.clauses[3].index_in_article, 1u);  // Germany: second of article 2's own clauses
  EXPECT_EQ(t.clauses, (std::vector<ClauseId>{0, 1, 2, 3, 4}));
  EXPECT_EQ(w.clause_title(3), "T Art 2 (clause 2)");
  EXPECT_EQ(w.clause_title(2), "T Art 2(1)");
  EXPECT_EQ(w.clause_title(0), "T Art 1");
  EXPECT_FALSE(w.find_article(0, "3"));
}

TEST(Resolve, DuplicateArticleLabel) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 2 { paragraph 1 { France must speak(France); } }
  article 2(1) { France must speak(France); }
}
)");
  const Diagnostic& d = o->only();
  EXPECT_EQ(d.kind, DiagKind::DuplicateArticleLabel);
  EXPECT_EQ(d.message, "treaty 'T' already has an article '2(1)'");
  EXPECT_EQ(o->text(d.span), "2(1)");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "first article '2(1)' is here");
  EXPECT_EQ(o->text(d.notes[0].span), "1");
}

// ------------------------------------------------------------------ sets and variables

TEST(Resolve, PartiesOfTheEnclosingTreaty) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 { for each p, q in parties where p != q: p must assist(p, q); }
}
)");
  ASSERT_TRUE(o->world) << o->dump();
  const Clause& c = clause(*o);
  ASSERT_EQ(c.variables.size(), 2u);
  EXPECT_EQ(c.variables[0].name, "p");
  EXPECT_EQ(c.variables[1].name, "q");
  EXPECT_EQ(c.variables[0].sort, kStateSort);  // every member of NATO is a state
  ASSERT_EQ(c.bindings.size(), 2u);
  EXPECT_EQ(c.bindings[0].var, 0u);
  EXPECT_EQ(c.bindings[1].var, 1u);
  EXPECT_EQ(c.bindings[0].domain.op, SetOp::PartiesOf);
  EXPECT_EQ(c.bindings[1].domain.op, SetOp::PartiesOf);
  EXPECT_EQ(c.bindings[0].domain.treaty, 0u);
  ASSERT_TRUE(c.where);
  EXPECT_EQ(c.where->args[1].op, Op::Var);
  EXPECT_EQ(c.where->args[1].id, 1u);
  EXPECT_EQ(c.bearer.op, Op::Var);
  EXPECT_EQ(c.bearer.id, 0u);
  EXPECT_EQ(c.modality, Modality::Obligation);
  const Treaty& t = o->world->treaties[0];
  ASSERT_TRUE(t.parties);
  EXPECT_EQ(t.parties->op, SetOp::MembersOf);
  EXPECT_EQ(t.parties->entity, o->world->entity_by_name.at("NATO"));
}

TEST(Resolve, MembersSortFollowsTheData) {
  auto o = check(R"(
institution G;
membership G { France, EU; }
institution Empty;
axiom: exists x in members of G: true;
axiom: exists x in members of Empty: true;
)");
  ASSERT_TRUE(o->world) << o->dump();
  EXPECT_EQ(o->world->axioms[0].body.bound_sets[0].sort, kPartySort);
  EXPECT_EQ(o->world->axioms[1].body.bound_sets[0].sort, kStateSort);
}

TEST(Resolve, BarePartiesOutsideATreaty) {
  auto o = check("axiom: forall p in parties: speak(p);\ntreaty T parties: parties { }");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1001", "TC1001"})) << o->dump();
  EXPECT_EQ(o->at(0).message.rfind("'parties' refers to the parties of the enclosing treaty, and there is none here", 0), 0u);
  EXPECT_EQ(o->at(1).message.rfind("'parties' refers to the parties of the enclosing treaty, and there is none here", 0), 0u);
}

TEST(Resolve, PartiesOfAnotherTreatyAndCycles) {
  auto o = check(R"(
treaty A in force 2000-01-01 parties: parties of B { }
treaty B in force 2000-01-01 parties: { France } union parties of A { }
treaty C in force 2000-01-01 parties: parties of X { }
treaty D in force 2000-01-01 parties: parties of C { }
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1020", "TC1012"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "the parties of 'A' are defined through themselves");
}

TEST(Resolve, SetKindsAndSorts) {
  auto o = check(R"(
axiom: exists x in territory: true;
axiom: exists x in France: true;
axiom: exists x in { France } union { NATO }: true;
axiom: exists x in { s in states where armed_attack(s, France) }: true;
axiom: exists x in institutions minus members of NATO: true;
axiom: exists x in { France, Germany } intersect parties of T: true;
treaty T in force 2000-01-01 parties: { Germany, Estonia } { }
)");
  ASSERT_TRUE(o->world) << o->dump();
  const auto& ax = o->world->axioms;
  auto domain = [&](std::size_t i) -> const Set& { return ax[i].body.bound_sets.at(0); };
  EXPECT_EQ(domain(0).op, SetOp::AllOfSort);
  EXPECT_EQ(domain(0).sort, o->world->sort_by_name.at("territory"));
  EXPECT_EQ(domain(1).op, SetOp::List);
  EXPECT_EQ(domain(1).entities, std::vector<EntityId>{o->world->entity_by_name.at("France")});
  EXPECT_EQ(domain(2).op, SetOp::Union);
  EXPECT_EQ(domain(2).sort, kPartySort);
  EXPECT_EQ(domain(3).op, SetOp::Builder);
  EXPECT_EQ(domain(3).sort, kStateSort);
  // the builder's variable comes first in the axiom's variables, then x
  ASSERT_EQ(ax[3].variables.size(), 2u);
  EXPECT_EQ(ax[3].variables[domain(3).var].name, "s");
  EXPECT_EQ(ax[3].body.bound, std::vector<VarId>{1});
  EXPECT_EQ(domain(3).filter.at(0).args[0].op, Op::Var);
  EXPECT_EQ(domain(3).children.at(0).op, SetOp::AllOfSort);
  EXPECT_EQ(domain(4).op, SetOp::Minus);
  EXPECT_EQ(domain(4).sort, kPartySort);
  EXPECT_EQ(domain(5).op, SetOp::Intersect);
  EXPECT_EQ(domain(5).children.at(1).op, SetOp::PartiesOf);
  EXPECT_EQ(domain(5).sort, kStateSort);
}

TEST(Resolve, SetsThatCannotMix) {
  auto o = check(R"(
axiom: exists x in states union territory: true;
axiom: exists x in { France, Crimea }: true;
axiom: exists x in members of France: true;
axiom: exists x in { assist }: true;
axiom: exists x in assist: true;
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1004", "TC1004", "TC1015", "TC1004", "TC1014"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "cannot combine 'states' (each a state) with 'territory' (each a territory)");
  EXPECT_EQ(o->at(1).message, "a set cannot mix 'France' (a state) and 'Crimea' (a territory)");
}

TEST(Resolve, MembershipTests) {
  auto o = check("axiom: Crimea in states;\naxiom: France not in members of NATO;\naxiom: 3 in states;");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1004", "TC1014"})) << o->dump();
  auto ok = check("axiom: France not in members of NATO;");
  ASSERT_TRUE(ok->world);
  const Expr& body = ok->world->axioms[0].body;
  EXPECT_EQ(body.op, Op::Not);
  EXPECT_EQ(body.args[0].op, Op::InSet);
  EXPECT_EQ(body.args[0].set.at(0).op, SetOp::MembersOf);
}

TEST(Resolve, QuantifiersIndexVariables) {
  auto o = check(
      "axiom: for each h, v in states: assist(h, v) implies exists a in states: armed_attack(a, v);");
  ASSERT_TRUE(o->world) << o->dump();
  const Axiom& ax = o->world->axioms[0];
  ASSERT_EQ(ax.variables.size(), 3u);
  ASSERT_EQ(ax.bindings.size(), 2u);
  EXPECT_EQ(ax.bindings[1].var, 1u);
  const Expr& exists = ax.body.args[1];
  EXPECT_EQ(exists.op, Op::Exists);
  EXPECT_EQ(exists.bound, std::vector<VarId>{2});
  ASSERT_EQ(exists.bound_sets.size(), 1u);
  EXPECT_EQ(exists.args[0].args[1].id, 1u);  // v
  EXPECT_TRUE(ax.mentions_conduct);
  auto background = check("axiom: crisis implies threat > 3;");
  EXPECT_FALSE(background->world->axioms[0].mentions_conduct);
}

TEST(Resolve, MultipleBindersShareOneDomainPerGroup) {
  auto o = check("axiom: forall p, q in states, i in institutions: speak(p) or speak(i) or p = q;");
  ASSERT_TRUE(o->world) << o->dump();
  const Expr& all = o->world->axioms[0].body;
  EXPECT_EQ(all.bound, (std::vector<VarId>{0, 1, 2}));
  ASSERT_EQ(all.bound_sets.size(), 3u);
  EXPECT_EQ(all.bound_sets[1].sort, kStateSort);
  EXPECT_EQ(all.bound_sets[2].sort, kInstitutionSort);
}

TEST(Resolve, VariableHidingAVariable) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 { for each p in parties: when exists p in states: crisis p must speak(p); }
}
)");
  ASSERT_TRUE(o->world);
  EXPECT_EQ(o->only().kind, DiagKind::ShadowedVariable);
  EXPECT_EQ(o->only().message, "variable 'p' hides another variable of the same name");
  EXPECT_EQ(o->only().notes.at(0).message, "the hidden variable is declared here");
  EXPECT_EQ(clause(*o).bearer.id, 0u);  // outside the quantifier, the outer p again
}

// ------------------------------------------------------------------ definitions

TEST(Resolve, DefineHasOneUnnamedReading) {
  auto o = check(R"(define helps(p: state, q: state) := exists x in states: assist(p, q) described "p helps q";)");
  ASSERT_TRUE(o->world) << o->dump();
  const Definition& d = o->world->definitions[0];
  EXPECT_EQ(d.param_count, 2u);
  ASSERT_EQ(d.variables.size(), 3u);  // parameters first, then x
  EXPECT_EQ(d.variables[2].name, "x");
  ASSERT_EQ(d.readings.size(), 1u);
  EXPECT_EQ(d.readings[0].name, "");
  EXPECT_EQ(d.default_reading, 0u);
  EXPECT_TRUE(d.mentions_conduct);
  EXPECT_EQ(d.description, "p helps q");
}

TEST(Resolve, TermReadings) {
  auto o = check(R"(
term affects(p: state, q: state) {
  reading broad := armed_attack(p, q);
  reading narrow default "armed force only" source "Art 51" := assist(p, q);
}
term single { reading only := true; }
)");
  ASSERT_TRUE(o->world) << o->dump();
  const Definition& d = o->world->definitions[0];
  ASSERT_EQ(d.readings.size(), 2u);
  EXPECT_EQ(d.readings[0].name, "broad");
  EXPECT_EQ(d.default_reading, 1u);
  EXPECT_EQ(d.readings[1].explanation, "armed force only");
  EXPECT_EQ(d.readings[1].source, "Art 51");
  EXPECT_TRUE(d.mentions_conduct);  // in some reading
  EXPECT_EQ(o->world->definitions[1].default_reading, 0u);
}

TEST(Resolve, DefaultReadingRules) {
  auto o = resolve_files({R"(
term none { reading a := true; reading b := false; }
term two { reading a default := true; reading b default := false; }
term empty { }
term same { reading a := true; reading a default := false; }
)"});
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1019", "TC1019", "TC1019", "TC1002"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "term 'none' has 2 readings but none is marked 'default'");
  EXPECT_EQ(o->at(1).message, "term 'two' marks 2 readings as 'default'; exactly one must be");
  EXPECT_EQ(o->at(2).message, "term 'empty' has no reading");
  EXPECT_EQ(o->at(3).message, "term 'same' already has a reading 'a'");
}

TEST(Resolve, RecursiveDefinitions) {
  auto o = resolve_files({"define self := not self;\ndefine ping := pong;\ndefine pong := ping;"});
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1020", "TC1020"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "definition 'self' refers to itself: a definition must be expandable to a formula without it");
  EXPECT_EQ(o->at(1).message,
            "definition 'ping' refers to itself ('ping' -> 'pong' -> 'ping'): a definition must be expandable to a "
            "formula without it");
  EXPECT_EQ(o->text(o->at(1).span), "ping");  // the reference that closes the cycle, in pong
  EXPECT_EQ(o->at(1).notes.size(), 2u);
}

TEST(Resolve, MentionsConductThroughDefinitions) {
  auto o = check("define a := b;\ndefine b := speak(France);\ndefine c := armed_attack(France, Germany);");
  ASSERT_TRUE(o->world) << o->dump();
  EXPECT_TRUE(o->world->definitions[0].mentions_conduct);
  EXPECT_TRUE(o->world->definitions[1].mentions_conduct);
  EXPECT_FALSE(o->world->definitions[2].mentions_conduct);
}

TEST(Resolve, DefinitionArgumentsAndParameters) {
  auto o = check("define helps(p: state) := speak(p);\naxiom: helps(NATO);\ndefine both(p: state, p: state) := true;");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1002", "TC1004"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "parameter 'p' is declared twice");
  EXPECT_EQ(o->at(1).message, "argument 1 of 'helps' must be a state, but 'NATO' is an institution");
}

// ------------------------------------------------------------------ clauses

TEST(Resolve, Bearers) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 {
    Crimea must speak(France);
    assist must speak(France);
    speak(France) must speak(France);
    Frnace must speak(France);
    for each t in territory: t must speak(France);
    NATO may admit(NATO, Estonia);
  }
}
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1016", "TC1016", "TC1016", "TC1026", "TC1016"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "the bearer 'Crimea' is the territory 'Crimea': only states and institutions can bear norms");
  EXPECT_EQ(o->at(3).message,
            "the bearer 'Frnace' is neither a declared state or institution nor a variable bound by 'for each'; did you "
            "mean 'France'?");
  EXPECT_EQ(o->at(4).message, "the bearer 't' is a territory: only states and institutions can bear norms");
}

TEST(Resolve, ContentMustMentionConduct) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 {
    France must not armed_attack(France, Germany);
    France must true;
    France must calm;
  }
}
define calm := not crisis;
)");
  ASSERT_EQ(o->codes(), (std::vector<std::string>{"TC1005", "TC1005", "TC1005"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "the content of a norm must say what the bearer does: 'armed_attack' is a circumstance");
  EXPECT_EQ(o->text(o->at(0).span), "armed_attack(France, Germany)");
  EXPECT_EQ(o->at(1).message, "the content of a norm must say what the bearer does: it mentions no conduct");
  EXPECT_EQ(o->at(2).message, "the content of a norm must say what the bearer does: 'calm' is defined by circumstances only");
}

TEST(Resolve, ContentThroughADefinitionAndConditionsThatMentionAnything) {
  auto o = check(R"(
define helps(p: state) := speak(p);
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 {
    unless speak(Germany)
    when armed_attack(Germany, France)
    France must helps(France);
  }
}
)");
  ASSERT_TRUE(o->world) << o->dump();
  const Clause& c = clause(*o);
  ASSERT_EQ(c.conditions.size(), 2u);
  EXPECT_TRUE(c.conditions[0].is_unless);
  EXPECT_FALSE(c.conditions[1].is_unless);
  EXPECT_EQ(c.content.op, Op::Definition);
}

TEST(Resolve, Modalities) {
  auto o = check(R"(
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 { France must speak(France); France shall not speak(France); France may speak(France); }
}
)");
  ASSERT_TRUE(o->world) << o->dump();
  EXPECT_EQ(clause(*o, 0).modality, Modality::Obligation);
  EXPECT_EQ(clause(*o, 1).modality, Modality::Prohibition);
  EXPECT_EQ(clause(*o, 2).modality, Modality::Permission);
  EXPECT_EQ(o->text(clause(*o, 1).modality_span), "shall not");
}

TEST(Resolve, ClauseReferences) {
  auto o = check(R"(
treaty EST in force 2000-01-01 parties: members of NATO {
  article 2 { France must speak(France); paragraph 1 { Germany must speak(Germany); } }
}
treaty NAT in force 2000-01-01 parties: members of NATO {
  article 5 {
    specialises EST.2 Estonia must speak(Estonia) without prejudice to EST.2(1);
    reparation of NAT.5 France must speak(France);
  }
}
)");
  ASSERT_TRUE(o->world) << o->dump();
  const World& w = *o->world;
  EXPECT_EQ(w.clauses[2].specialises, (std::vector<ClauseId>{0, 1}));  // article 2 and its paragraph
  EXPECT_EQ(w.clauses[2].without_prejudice_to, (std::vector<ClauseId>{1}));
  EXPECT_EQ(w.clauses[3].reparation_of, (std::vector<ClauseId>{2, 3}));  // its own article: allowed
}

TEST(Resolve, BadClauseReferences) {
  auto o = check(R"(
treaty EST in force 2000-01-01 parties: members of NATO { article 2 { paragraph 1 { } } }
treaty T in force 2000-01-01 parties: members of NATO {
  article 1 { France must speak(France) specialises EST.2(2) specialises ESTT.1 specialises T.1; }
}
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1013", "TC1012", "TC1021"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "treaty 'EST' has no article '2(2)'; did you mean '2(1)'?");
  EXPECT_EQ(o->at(2).message, "a clause cannot specialise its own article 'T.1', which contains it");
}

// ------------------------------------------------------------------ expectations and scenarios

TEST(Resolve, Expectations) {
  std::string text = R"(
treaty EST in force 2000-01-01 parties: members of NATO { article 2 { paragraph 1 { France must speak(France); } } }
treaty NAT in force 2000-01-01 parties: members of NATO { article 5 { Germany must speak(Germany); } }
expect conflict EST.2(1) with NAT.5;
expect consistent without EST;
expect 3 permission conflicts;
scenario "attack" {
  armed_attack(Russia, Estonia);
  expect Germany must assist(Germany, Estonia);
}
)";
  auto o = check(text);
  ASSERT_TRUE(o->world) << o->dump();
  const World& w = *o->world;
  ASSERT_EQ(w.expectations.size(), 4u);
  const Expectation& e = w.expectations[0];
  EXPECT_EQ(e.kind, ExpectKind::Conflict);
  EXPECT_EQ(e.clause_groups, (std::vector<std::vector<ClauseId>>{{0}, {1}}));
  EXPECT_EQ(e.clause_group_labels, (std::vector<std::string>{"EST.2(1)", "NAT.5"}));
  EXPECT_EQ(o->text(e.clause_group_spans.at(0)), "EST.2(1)");
  EXPECT_FALSE(e.scenario);
  EXPECT_EQ(w.expectations[1].kind, ExpectKind::Consistent);
  EXPECT_EQ(w.expectations[1].without, std::vector<TreatyId>{0});
  EXPECT_EQ(w.expectations[2].kind, ExpectKind::Count);
  EXPECT_EQ(w.expectations[2].count, 3);
  EXPECT_EQ(w.expectations[2].count_kind, CountKind::PermissionConflicts);
  const Expectation& n = w.expectations[3];
  EXPECT_EQ(n.kind, ExpectKind::Norm);
  EXPECT_EQ(n.scenario, 0u);
  ASSERT_TRUE(n.bearer);
  EXPECT_EQ(n.bearer->op, Op::Entity);
  ASSERT_TRUE(n.content);
  EXPECT_EQ(n.content->op, Op::Atom);
  EXPECT_EQ(w.scenarios[0].name, "attack");
  EXPECT_EQ(w.scenarios[0].expectations, std::vector<std::uint32_t>{3});
  EXPECT_EQ(w.scenarios[0].facts.size(), 1u);
}

TEST(Resolve, BadExpectations) {
  auto o = check(R"(
expect consistent without ESTT;
expect conflict NAT.5 with NAT.5;
scenario "s" { expect p must speak(France); expect France must crisis; }
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1012", "TC1012", "TC1012", "TC1026", "TC1005"})) << o->dump();
  EXPECT_EQ(o->at(3).message, "the bearer 'p' is not a declared state or institution");
}

TEST(Resolve, ScenarioRules) {
  auto o = check(R"(
scenario "s" { armed_attack(France, Estonia); forall a in states: not armed_attack(a, Germany); }
scenario "s" { assist(France, Estonia); }
scenario "t" { threat = 20; }
)");
  EXPECT_EQ(o->codes(), (std::vector<std::string>{"TC1022", "TC1006", "TC1007"})) << o->dump();
  EXPECT_EQ(o->at(0).message, "there is already a scenario named 's'");
  EXPECT_EQ(o->at(1).message,
            "a scenario states only circumstances, what no treaty controls, but 'assist' is conduct: what parties do is "
            "for the checker to find");
  auto ok = check(R"(scenario "s" { forall a in states: not armed_attack(a, Germany); })");
  ASSERT_TRUE(ok->world);
  EXPECT_EQ(ok->world->scenarios[0].variables.size(), 1u);
}

TEST(Resolve, ScenarioFactThroughAConductDefinition) {
  auto o = check("define helping := speak(France);\nscenario \"s\" { helping; }");
  EXPECT_EQ(o->only().kind, DiagKind::ConductAsCircumstance);
  EXPECT_EQ(o->only().message.find("'helping' mentions conduct") != std::string::npos, true);
}

TEST(Resolve, WarningsAloneStillGiveAWorld) {
  auto o = check("axiom: for each France in states: speak(France);");
  EXPECT_TRUE(o->world);
  EXPECT_EQ(o->codes(), std::vector<std::string>{"TC1023"});
}

TEST(Resolve, AMalformedTreeIsNotACrash) {
  // Only a file with syntax errors gives such a tree; resolve must survive it.
  ast::Corpus corpus;
  ast::File file;
  file.file = 1;
  ast::AxiomDecl axiom;
  axiom.body.kind = ast::ExprKind::And;  // no children
  file.axioms.push_back(axiom);
  ast::AxiomDecl quant;
  quant.body.kind = ast::ExprKind::Exists;
  quant.body.binders.push_back(ast::Binder{});  // no set
  quant.body.children.push_back(ast::Expr{});
  file.axioms.push_back(quant);
  corpus.files.push_back(file);
  SourceSet sources;
  Diagnostics diagnostics;
  resolve(corpus, sources, diagnostics);
  SUCCEED();
}

}  // namespace
}  // namespace tc::sema
