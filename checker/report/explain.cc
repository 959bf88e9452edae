// `treatycheck explain`: one finding as a narrative.
#include "report/explain.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "analysis/readings.h"

namespace tc::report {
namespace {

constexpr std::size_t kMaxNamesShown = 12;
/// Past this length an expanded term is cut to the alternatives that matter.
constexpr std::size_t kLongExpansion = 160;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string list_words(const std::vector<std::string>& items, const char* last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? (i + 1 == items.size() ? last : ", ") : "") + items[i];
  return out;
}

std::string names(const sema::World& world, const std::vector<sema::EntityId>& ids) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < ids.size() && i < kMaxNamesShown; ++i) shown.push_back(world.entities.at(ids[i]).display);
  std::string out = list_words(shown, ids.size() > kMaxNamesShown ? ", " : " and ");
  if (ids.size() > kMaxNamesShown) out += " and " + std::to_string(ids.size() - kMaxNamesShown) + " more";
  return out;
}

/// An atom applied to named individuals, in words when it is described.
std::string atom_words(const sema::World& world, sema::AtomId id, const std::vector<std::string>& args) {
  const sema::Atom& atom = world.atoms.at(id);
  std::string words = atom.description ? instantiate_description(*atom.description, atom.param_names, args) : "";
  if (!words.empty()) return words;
  return atom.name + (args.empty() ? "" : "(" + list_words(args, ", ") + ")");
}

/// One circumstance of the witness in words.
std::string fact_words(const sema::World& world, const ground::Problem& problem, const analysis::WitnessFact& fact) {
  const ground::GroundAtom& atom = problem.atoms.at(fact.atom);
  std::vector<std::string> args;
  for (sema::EntityId e : atom.args) args.push_back(world.entities.at(e).display);
  std::string words = atom_words(world, atom.atom, args);
  if (atom.is_quantity) return words + " is " + std::to_string(fact.value);
  return fact.value ? words : "it is not the case that " + words;
}

/// A requirement of an instance in words: described atoms and terms are
/// told with their descriptions, the rest as a formula.
std::string requirement_words(const sema::World& world, const analysis::InstanceInfo& instance, const sema::Expr& e) {
  const sema::Clause& clause = world.clauses.at(instance.clause);
  auto arg_name = [&](const sema::Expr& arg) -> std::string {
    if (arg.op == sema::Op::Entity) return world.entities.at(arg.id).display;
    for (std::size_t i = 0; i < clause.bindings.size() && i < instance.binding.size(); ++i)
      if (arg.op == sema::Op::Var && clause.bindings[i].var == arg.id) return world.entities.at(instance.binding[i]).display;
    return describe_in_instance(world, instance, arg);
  };
  switch (e.op) {
    case sema::Op::Atom:
    case sema::Op::Definition: {
      const std::optional<std::string>& description =
          e.op == sema::Op::Atom ? world.atoms.at(e.id).description : world.definitions.at(e.id).description;
      if (!description) break;
      std::vector<std::string> args, params;
      for (const sema::Expr& a : e.args) args.push_back(arg_name(a));
      if (e.op == sema::Op::Atom) {
        params = world.atoms.at(e.id).param_names;
      } else {
        const sema::Definition& d = world.definitions.at(e.id);
        for (std::size_t i = 0; i < d.param_count && i < d.variables.size(); ++i) params.push_back(d.variables[i].name);
      }
      std::string words = instantiate_description(*description, params, args);
      if (words.empty()) break;
      return words;
    }
    case sema::Op::Not: {
      std::string inner = requirement_words(world, instance, e.args[0]);
      return "it is not the case that " + inner;
    }
    case sema::Op::And:
      return requirement_words(world, instance, e.args[0]) + ", and " + requirement_words(world, instance, e.args[1]);
    default: break;
  }
  return describe_in_instance(world, instance, e);
}

std::string article_heading(const sema::World& world, sema::ClauseId c) {
  const sema::Clause& clause = world.clauses.at(c);
  const sema::Treaty& treaty = world.treaties.at(clause.treaty);
  const sema::Article& article = world.articles.at(clause.article);
  std::string text = treaty.title ? *treaty.title + " (" + treaty.name + ")" : treaty.name;
  if (treaty.is_draft) text += ", a draft";
  if (treaty.kind == sema::TreatyKind::Political) text += ", a political commitment";
  text += ", Article " + article.label;
  if (article.title) text += " \"" + *article.title + "\"";
  std::string title = world.clause_title(c);
  std::size_t clause_no = title.find(" (clause ");
  if (clause_no != std::string::npos) text += title.substr(clause_no);
  return text;
}

/// The words of the article (its wording, else its paraphrase), if any.
std::optional<std::string> article_words(const sema::World& world, sema::ClauseId c) {
  const sema::Article& article = world.articles.at(world.clauses.at(c).article);
  if (article.wording) return "\"" + *article.wording + "\"";
  if (article.paraphrase) return "in short: " + *article.paraphrase;
  return std::nullopt;
}

std::string where(const SourceSet& sources, Span span) {
  if (span.file == 0 || span.file >= sources.size()) return "";
  const SourceFile& file = sources.file(span.file);
  LineColumn at = file.locate(span.begin);
  return file.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string span_text(const SourceSet& sources, Span span) {
  if (span.file == 0 || span.file >= sources.size()) return "";
  std::string raw = sources.file(span.file).text().substr(span.begin, span.end - span.begin), out;
  for (char c : raw) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The definitions with several readings that an expression uses (directly or through other definitions).
void collect_terms(const sema::World& world, const sema::Expr& e, std::set<sema::DefinitionId>& out) {
  if (e.op == sema::Op::Definition && out.insert(e.id).second)
    for (const sema::Definition::Reading& r : world.definitions.at(e.id).readings) collect_terms(world, r.body, out);
  for (const sema::Expr& a : e.args) collect_terms(world, a, out);
}

/// Numbered paragraphs of the story.
class Story {
 public:
  explicit Story(const ReportInput& input) : in_(input) {}

  /// One clause instance: who is bound by what, with the article's words.
  std::size_t instance(const analysis::InstanceInfo& instance, bool exercised) {
    const sema::World& world = in_.world;
    const sema::Clause& clause = world.clauses.at(instance.clause);
    std::string bearer = world.entities.at(instance.bearer).display;
    std::string verb = clause.modality == sema::Modality::Obligation    ? " must: "
                       : clause.modality == sema::Modality::Prohibition ? " must not: "
                                                                        : " may: ";
    out_ << ++count_ << ". " << article_heading(world, instance.clause) << ", binds " << bearer << ":\n";
    if (auto words = article_words(world, instance.clause)) out_ << "     " << *words << "\n";
    out_ << "     " << where(in_.sources, clause.span) << ": " << span_text(in_.sources, clause.span) << "\n";
    std::string words = requirement_words(world, instance, clause.content);
    std::string formula = describe_in_instance(world, instance, clause.content);
    out_ << "   -> " << bearer << verb << words << "\n";
    if (words != formula) out_ << "      (" << formula << ")";
    if (exercised) out_ << (words != formula ? "  " : "      ") << "<- the permission to be used";
    if (exercised || words != formula) out_ << "\n";
    // A defined term is expanded by grounding: show what it amounts to here.
    std::set<sema::DefinitionId> terms;
    collect_terms(world, clause.content, terms);
    if (!terms.empty() && instance.norm < in_.problem.norms.size()) expansion(instance);
    return count_;
  }

  /// The conduct the other instances of the finding are about: a long
  /// expansion is cut to the alternatives that touch it.
  void set_others(const analysis::Finding& f) {
    if (f.exercised) instances_.push_back(&*f.exercised);
    for (const analysis::InstanceInfo& i : f.representative) instances_.push_back(&i);
  }

  /// One axiom instance: what the corpus states as background knowledge.
  std::size_t axiom(std::uint32_t index) {
    const ground::AxiomInstance& instance = in_.problem.axioms.at(index);
    out_ << ++count_ << ". ";
    if (instance.axiom == ground::kBoundsAxiom) {
      out_ << "A quantity stays within its declared bounds:\n";
    } else {
      const sema::Axiom& axiom = in_.world.axioms.at(instance.axiom);
      out_ << "The corpus states" << (axiom.title ? " (axiom \"" + *axiom.title + "\")" : "") << ":\n"
           << "     " << where(in_.sources, axiom.span) << ": " << span_text(in_.sources, axiom.span) << "\n";
    }
    out_ << "   -> here: " << describe(in_.world, in_.problem, instance.formula) << "\n";
    return count_;
  }

  void line(const std::string& text) { out_ << text << "\n"; }
  /// Lines that already end in newlines.
  void text(const std::string& lines) { out_ << lines; }

  /// What a defined term amounts to for this instance; when that is long,
  /// the alternatives that mention the other instances' conduct.
  void expansion(const analysis::InstanceInfo& instance) {
    const ground::Problem& problem = in_.problem;
    ground::NodeId content = problem.norms[instance.norm].content;
    std::string full = describe(in_.world, problem, content);
    const ground::Node& node = problem.pool.node(content);
    std::set<ground::GroundAtomId> others;
    for (const analysis::InstanceInfo* i : instances_)
      if (i != &instance && i->norm < problem.norms.size()) ground::collect_atoms(problem.pool, problem.norms[i->norm].content, others);
    std::vector<std::string> touching;
    if (full.size() > kLongExpansion && node.op == ground::NodeOp::Or) {
      for (ground::NodeId kid : node.kids) {
        std::set<ground::GroundAtomId> atoms;
        ground::collect_atoms(problem.pool, kid, atoms);
        if (std::any_of(atoms.begin(), atoms.end(), [&](ground::GroundAtomId a) { return others.count(a) > 0; }))
          touching.push_back(describe(in_.world, problem, kid));
      }
    }
    if (touching.empty()) {
      out_ << "      that is: " << full << "\n";
      return;
    }
    out_ << "      that is, among " << node.kids.size() << " alternatives: " << list_words(touching, " or ") << "\n";
  }
  std::string str() const { return out_.str(); }

 private:
  const ReportInput& in_;
  std::vector<const analysis::InstanceInfo*> instances_;  ///< every instance of the finding
  std::ostringstream out_;
  std::size_t count_ = 0;
};

std::vector<std::string> numbers(std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from; i <= to; ++i) out.push_back(std::to_string(i));
  return out;
}

/// Code points of UTF-8 text: the width of a column.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// `text` in lines of at most `columns` code points, broken at spaces (a
/// longer word gets a line of its own).
std::vector<std::string> wrap(const std::string& text, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    if (!line.empty() && width(line) + 1 + width(word) > columns) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

/// A label column and one column per reading, each cell wrapped to its
/// column, so that the readings of a term can be compared line by line.
std::string side_by_side(const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
  constexpr std::size_t kWidth = 100, kIndent = 2, kLabel = 13, kGap = 3;
  std::size_t n = rows.empty() ? 0 : rows.front().second.size();
  if (n == 0) return "";
  std::size_t budget = std::max<std::size_t>(20, (kWidth - kIndent - kLabel - kGap * (n - 1)) / n);
  std::vector<std::size_t> columns(n, 1);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < n && c < row.second.size(); ++c)
      columns[c] = std::max(columns[c], std::min(budget, width(row.second[c])));
  std::string out;
  for (const auto& [label, cells] : rows) {
    std::vector<std::vector<std::string>> wrapped;
    std::size_t height = 1;
    for (std::size_t c = 0; c < n; ++c) {
      wrapped.push_back(wrap(c < cells.size() ? cells[c] : "", columns[c]));
      height = std::max(height, wrapped.back().size());
    }
    for (std::size_t l = 0; l < height; ++l) {
      std::string line = std::string(kIndent, ' ') + (l == 0 ? label : "");
      line += std::string(kIndent + kLabel > width(line) ? kIndent + kLabel - width(line) : 1, ' ');
      for (std::size_t c = 0; c < n; ++c) {
        std::string cell = l < wrapped[c].size() ? wrapped[c][l] : "";
        line += cell;
        if (c + 1 < n) line += std::string(columns[c] - std::min(columns[c], width(cell)) + kGap, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  return out;
}

/// The terms with several readings that the finding's clauses use.
std::set<sema::DefinitionId> clause_terms(const sema::World& world, const analysis::Finding& f) {
  std::set<sema::DefinitionId> terms, out;
  std::vector<sema::ClauseId> clauses = f.clauses;
  if (f.permission) clauses.push_back(*f.permission);
  for (sema::ClauseId c : clauses) {
    const sema::Clause& clause = world.clauses.at(c);
    collect_terms(world, clause.content, terms);
    for (const sema::Condition& condition : clause.conditions) collect_terms(world, condition.formula, terms);
  }
  for (sema::DefinitionId id : terms)
    if (world.definitions.at(id).readings.size() > 1) out.insert(id);
  return out;
}

/// Whether the finding's question was left open (solver limits) under
/// some combination with `reading` of the decisive term `term`.
bool undecided_under(const analysis::FindingReadings& r, const std::string& term, const std::string& reading) {
  auto at = std::find(r.decisive.begin(), r.decisive.end(), term);
  if (at == r.decisive.end()) return false;
  std::size_t t = static_cast<std::size_t>(at - r.decisive.begin());
  return std::any_of(r.undecided_under.begin(), r.undecided_under.end(),
                     [&](const std::vector<std::string>& c) { return c.at(t) == reading; });
}

/// What the finding does under each reading of `d`, one cell per reading;
/// `contrast` is set when `d` is decisive (--all-readings).
std::vector<std::string> verdicts(const sema::Definition& d, const analysis::Finding& f,
                                  const analysis::ReadingContrast* contrast, const ExplainContext& context,
                                  const std::string& verb) {
  std::vector<std::string> out;
  auto witness = context.readings.find(d.name);
  const std::string& used = witness != context.readings.end() ? witness->second : d.readings[d.default_reading].name;
  auto fixed = context.fixed.find(d.name);
  bool varied = f.readings && std::find(f.readings->varied.begin(), f.readings->varied.end(), d.name) !=
                                  f.readings->varied.end();
  for (std::size_t i = 0; i < d.readings.size(); ++i) {
    const std::string& name = d.readings[i].name;
    std::string cell;
    if (contrast) {
      bool holds = std::find(contrast->holds.begin(), contrast->holds.end(), i) != contrast->holds.end();
      cell = holds                                     ? verb
             : undecided_under(*f.readings, d.name, name) ? "undecided (solver limits)"
             : verb == "holds"                         ? "does not hold"
                                                       : "settled";
    } else if (varied) {
      cell = verb;  // varied, not decisive: no reading of it changes the verdict
    } else if (fixed != context.fixed.end()) {
      cell = name == fixed->second ? verb + " (fixed with --reading)" : "not checked (--reading fixes another)";
    } else {
      cell = name == used ? verb + " (this check)" : "not checked";
    }
    if (name == used && cell.rfind(verb, 0) == 0) cell += "; the situation above";
    out.push_back(cell);
  }
  return out;
}

/// One term's readings side by side: explanation, source, definition, and
/// what the finding does under each.
void reading_table(Story& story, const ReportInput& input, sema::DefinitionId id, const analysis::Finding& f,
                   const analysis::ReadingContrast* contrast, const ExplainContext& context, const std::string& verb) {
  const sema::Definition& d = input.world.definitions.at(id);
  std::vector<std::string> params;
  for (std::size_t i = 0; i < d.param_count && i < d.variables.size(); ++i) params.push_back(d.variables[i].name);
  std::string at = where(input.sources, d.span);
  story.line("  " + d.name + (params.empty() ? "" : "(" + list_words(params, ", ") + ")") +
             (at.empty() ? "" : ", " + at) + ":");
  std::vector<std::string> names, explanations, sources, definitions;
  for (std::size_t i = 0; i < d.readings.size(); ++i) {
    const sema::Definition::Reading& r = d.readings[i];
    names.push_back(r.name + (i == d.default_reading ? " (default)" : ""));
    explanations.push_back(r.explanation.value_or("-"));
    sources.push_back(r.source.value_or("-"));
    std::string text = span_text(input.sources, r.body.span);
    definitions.push_back(text.empty() ? "-" : text);
  }
  story.text(side_by_side({{"reading", names},
                           {"explanation", explanations},
                           {"source", sources},
                           {"definition", definitions},
                           {f.kind == analysis::FindingKind::Unknown ? "the question" : "the finding",
                            verdicts(d, f, contrast, context, verb)}}));
}

/// Which reading of which vague term makes the difference, with the
/// definitions side by side (issue 9); without --all-readings, the
/// readings this check used and how to learn whether they matter.
void tell_readings(Story& story, const ReportInput& input, const analysis::Finding& f, const ExplainContext& context) {
  const sema::World& world = input.world;
  bool unknown = f.kind == analysis::FindingKind::Unknown;
  std::string verb = unknown ? "is open" : "holds";
  std::set<sema::DefinitionId> shown = clause_terms(world, f);
  std::vector<analysis::ReadingContrast> contrasts = analysis::reading_contrasts(world, f);
  if (f.readings) {
    const analysis::FindingReadings& r = *f.readings;
    if (r.varied.empty() && shown.empty()) return;
    story.line("");
    std::string said = describe_readings(r, unknown);
    if (r.decisive.empty()) {
      story.line("Readings: no reading makes the difference: the finding " + said +
                 (unknown ? "." : "; tightening the wording of a term will not remove it, the clauses themselves clash."));
    } else {
      story.line("Readings: the " + std::string(r.decisive.size() == 1 ? "reading of " : "readings of ") +
                 list_words(r.decisive) + (r.decisive.size() == 1 ? " makes" : " make") + " the difference: the finding " +
                 said + ".");
      shown.clear();
      for (const analysis::ReadingContrast& c : contrasts) shown.insert(c.term);
      std::vector<std::string> others;
      for (const std::string& term : r.varied)
        if (std::find(r.decisive.begin(), r.decisive.end(), term) == r.decisive.end()) others.push_back(term);
      if (!others.empty())
        story.line("It " + verb + " under every reading of " + list_words(others) + ": " +
                   (others.size() == 1 ? "that term makes" : "those terms make") + " no difference.");
    }
  } else {
    if (shown.empty()) return;
    story.line("");
    std::vector<std::string> names;
    for (sema::DefinitionId id : shown) names.push_back(world.definitions.at(id).name);
    story.line("Readings: this check reads " + list_words(names) + " one way only; whether the finding depends on " +
               (names.size() == 1 ? "that reading" : "those readings") + ": `treatycheck explain " + f.id +
               " --all-readings" + context.paths + "` (with the same options), or --reading TERM=NAME.");
  }
  for (sema::DefinitionId id : shown) {
    auto contrast = std::find_if(contrasts.begin(), contrasts.end(),
                                 [&](const analysis::ReadingContrast& c) { return c.term == id; });
    reading_table(story, input, id, f, contrast == contrasts.end() ? nullptr : &*contrast, context, verb);
  }
  story.line("");
}

void tell_precedence(Story& story, const sema::World& world, const analysis::Finding& f) {
  if (f.resolution) {
    std::string text = "Precedence settles it: " + f.resolution->explanation;
    story.line(text + (text.back() == '.' ? "" : "."));
    story.line("The conflict stays in the text, but the sources say which clause gives way; it is reported as a note.");
    return;
  }
  std::set<sema::TreatyId> treaties;
  for (sema::ClauseId c : f.clauses) treaties.insert(world.clauses.at(c).treaty);
  if (f.permission) treaties.insert(world.clauses.at(*f.permission).treaty);
  story.line(std::string("Nothing in the sources says which prevails: ") +
             (treaties.size() == 1 ? "the clauses are in the same treaty and none specialises the other"
                                   : "no treaty prevails over the others, no clause specialises another or is "
                                     "without prejudice to it, and lex posterior needs the same parties") +
             ".");
}

void tell_caught(Story& story, const ReportInput& input, const analysis::Finding& f) {
  if (f.caught.empty()) {
    story.line("Caught: " + describe_caught(input.world, f, sema::format_day(input.as_of), 0) + "; " +
               std::to_string(f.instance_count) + (f.instance_count == 1 ? " instance" : " instances") + " in all.");
    return;
  }
  story.line("Caught: " + std::to_string(f.caught.size()) + (f.caught.size() == 1 ? " State" : " States") +
             " bound by all of these in such a situation (as of " + sema::format_day(input.as_of) +
             "): " + names(input.world, f.caught) + "; " + std::to_string(f.instance_count) +
             (f.instance_count == 1 ? " instance" : " instances") + " in all.");
}

/// The witness told for the individuals of the instances: circumstances
/// about other States are counted, not listed (the check lists them).
std::string scenario_sentence(const ReportInput& input, const analysis::Finding& f) {
  std::set<sema::EntityId> involved;
  auto note = [&](const analysis::InstanceInfo& i) {
    involved.insert(i.bearer);
    involved.insert(i.binding.begin(), i.binding.end());
  };
  if (f.exercised) note(*f.exercised);
  for (const analysis::InstanceInfo& i : f.representative) note(i);
  std::vector<std::string> facts;
  std::size_t elsewhere = 0;
  for (const analysis::WitnessFact& fact : f.witness) {
    const std::vector<sema::EntityId>& args = input.problem.atoms.at(fact.atom).args;
    if (std::all_of(args.begin(), args.end(), [&](sema::EntityId e) { return involved.count(e) > 0; }))
      facts.push_back(fact_words(input.world, input.problem, fact));
    else
      ++elsewhere;
  }
  std::string more = elsewhere ? " (The witness has " + std::to_string(elsewhere) +
                                     (elsewhere == 1 ? " more circumstance" : " more circumstances") +
                                     " about other States; `treatycheck check` lists them.)"
                               : "";
  if (facts.empty()) return "In any situation (no particular circumstance of these States is needed):" + more;
  return "Suppose " + list_words(facts) + "." + more;
}

std::string explain_conflict(const ReportInput& input, const analysis::Finding& f, const ExplainContext& context) {
  Story story(input);
  const sema::World& world = input.world;
  bool permission = f.kind == analysis::FindingKind::PermissionConflict;
  story.set_others(f);
  story.line(scenario_sentence(input, f));
  story.line("");
  std::size_t first_norm = 1, used = 0;
  if (f.exercised) used = story.instance(*f.exercised, true), first_norm = used + 1;
  std::size_t last_norm = used;
  for (const analysis::InstanceInfo& i : f.representative) last_norm = story.instance(i, false);
  std::size_t last = last_norm;
  for (std::uint32_t a : context.axioms) last = story.axiom(a);
  story.line("");
  std::vector<std::string> all = numbers(1, last);
  std::vector<std::string> norms = numbers(first_norm, last_norm);
  std::string background = context.axioms.empty() ? "" : " (given " + list_words(numbers(last_norm + 1, last)) + ")";
  if (permission) {
    story.line("No course of conduct uses the permission of " + std::to_string(used) + " while complying with " +
               list_words(norms) + background + ": in this situation the permission cannot be used without a breach.");
  } else if (norms.size() == 1) {
    story.line("No course of conduct satisfies " + list_words(all) + " at once: in this situation " +
               world.clause_title(f.clauses.front()) + " cannot be complied with.");
  } else {
    story.line("No course of conduct satisfies " + list_words(all) + " at once: whatever the parties do in this "
               "situation, at least one of " + list_words(norms, " or ") + " is breached" + background + ".");
  }
  if (!f.replay_exhaustive)
    story.line("(The plain replay could not enumerate every course of conduct here; the solver's proof stands.)");
  tell_caught(story, input, f);
  tell_precedence(story, world, f);
  if (f.involves_political && !f.resolution)
    story.line("A political commitment is involved: this is reported as a warning, not an error.");
  tell_readings(story, input, f, context);
  if (!f.resolution)
    story.line("Ways out: `treatycheck repair" + context.paths +
               "` lists the smallest sets of clauses to limit or remove, each checked.");
  return story.str();
}

std::string explain_unknown(const ReportInput& input, const analysis::Finding& f, const ExplainContext& context) {
  Story story(input);
  story.line("Open question: " + f.question + ".");
  story.line("Why it is open: " + (f.unknown_reason.empty() ? std::string("the solver gave no reason") : f.unknown_reason) +
             ".");
  for (const analysis::InstanceInfo& i : f.representative) story.instance(i, false);
  story.line("This is NOT reported as consistent: a conflict may hide here. To settle it, raise the limit that was "
             "reached (--rlimit, --timeout or --max-rounds), or check fewer instruments together.");
  tell_readings(story, input, f, context);
  return story.str();
}

std::string explain_background(const ReportInput& input, const ExplainContext& context) {
  Story story(input);
  story.line("No situation at all satisfies the axioms and facts of the corpus, so every clause would hold "
             "vacuously and nothing else can be checked.");
  if (context.axioms.empty()) {
    story.line("(treatycheck could not narrow the contradiction down to a few axioms within its limits.)");
    return story.str();
  }
  story.line("");
  story.line("These cannot all be true together:");
  for (std::uint32_t a : context.axioms) story.axiom(a);
  story.line("");
  story.line("Fix: correct or drop one of them (an axiom that is too strong, or a fact that is wrong).");
  return story.str();
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string instantiate_description(const std::string& description, const std::vector<std::string>& params,
                                    const std::vector<std::string>& names) {
  std::string out;
  std::vector<std::size_t> seen(params.size(), 0);
  for (std::size_t i = 0; i < description.size();) {
    if (!word_char(description[i])) {
      out += description[i++];
      continue;
    }
    std::size_t end = i;
    while (end < description.size() && word_char(description[end])) ++end;
    std::string word = description.substr(i, end - i);
    for (std::size_t p = 0; p < params.size() && p < names.size(); ++p) {
      if (params[p] != word) continue;
      if (++seen[p] > 1) return "";
      word = names[p];
    }
    out += word;
    i = end;
  }
  return out;
}

std::vector<std::string> nearby_ids(const std::vector<std::string>& ids, const std::string& wanted, std::size_t limit) {
  auto score = [&](const std::string& id) {
    std::size_t prefix = 0;
    while (prefix < id.size() && prefix < wanted.size() && std::tolower(id[prefix]) == std::tolower(wanted[prefix])) ++prefix;
    return std::make_pair(id.size() - prefix, edit_distance(id, wanted));
  };
  std::vector<std::string> out = ids;
  std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) { return score(a) < score(b); });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string explain_finding(const ReportInput& input, const analysis::Finding& finding, const ExplainContext& context) {
  std::string head = finding.id + " " + std::string(severity_name(finding.severity)) + "[" +
                     std::string(diag_code(finding.diag)) + "]: " + headline(input.world, finding) + "\n\n";
  switch (finding.kind) {
    case analysis::FindingKind::ObligationConflict:
    case analysis::FindingKind::PermissionConflict: return head + explain_conflict(input, finding, context);
    case analysis::FindingKind::Unknown: return head + explain_unknown(input, finding, context);
    case analysis::FindingKind::UnsatisfiableBackground: return head + explain_background(input, context);
  }
  return head;
}

}  // namespace tc::report
