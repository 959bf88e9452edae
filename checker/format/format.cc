// The canonical layout. Two parts: expression printing (parentheses from
// the grammar's precedence, since the AST keeps none) and the layout of
// declarations with the comments put back. Comments are anchored by
// position: each printed line that stands for source text (a declaration,
// a clause line, a closing brace) first emits the comments that start
// before the end of that text; a comment on the same source line as the
// text before it stays at the end of that line.
#include "format/format.h"

#include <algorithm>
#include <functional>
#include <set>

namespace tc::format {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::SetExpr;
using ast::SetKind;

constexpr std::size_t kFillWidth = 80;   ///< lists of names are filled to this width
constexpr std::size_t kLineWidth = 100;  ///< a statement longer than this breaks after its head

const std::set<std::string_view>& keywords() {
  static const std::set<std::string_view> k = {
      "import", "state", "institution", "sort", "membership", "since", "until", "circumstance", "conduct",
      "quantity", "described", "define", "term", "reading", "default", "source", "axiom", "treaty", "binding",
      "political", "signed", "force", "draft", "withdrawn", "suspended", "terminated", "parties", "prevails",
      "over", "all", "article", "paragraph", "wording", "paraphrase", "reparation", "of", "specialises",
      "specializes", "without", "prejudice", "to", "for", "each", "where", "when", "unless", "must", "shall",
      "may", "not", "and", "or", "implies", "iff", "excludes", "exists", "forall", "in", "true", "false",
      "members", "states", "institutions", "intersect", "union", "minus", "expect", "conflict", "conflicts",
      "no", "with", "permission", "consistent", "finding", "findings", "scenario"};
  return k;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_word(char c) { return is_digit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// An ASCII identifier that is not a keyword.
bool plain_identifier(std::string_view s) {
  if (s.empty() || is_digit(s[0])) return false;
  if (!std::all_of(s.begin(), s.end(), is_ascii_word)) return false;
  return keywords().count(s) == 0;
}

/// The INT token: digits, groups joined by single underscores.
bool plain_int(std::string_view s) {
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_digit(s[i])) continue;
    if (s[i] != '_' || !is_digit(s[i + 1])) return false;
  }
  return true;
}

/// A label as written bare (`2(1)`, `preamble`) when the lexer reads it
/// back the same, else as a string.
std::string label(const std::string& text) {
  if (plain_identifier(text)) return text;
  std::size_t open = text.find('(');
  if (plain_int(std::string_view(text).substr(0, open))) {
    bool ok = true;
    for (std::size_t at = open; ok && at != std::string::npos && at < text.size();) {
      std::size_t close = text.find(')', at);
      if (text[at] != '(' || close == std::string::npos) {
        ok = false;
        break;
      }
      std::string_view part = std::string_view(text).substr(at + 1, close - at - 1);
      ok = plain_int(part) || plain_identifier(part);
      at = close + 1;
    }
    if (ok) return text;
  }
  return quote(text);
}

std::string ref(const ast::ClauseRef& r) { return r.treaty.text + "." + label(r.article.text); }

std::string compare_op(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Lt: return "<";
    case ast::CompareOp::Le: return "<=";
    case ast::CompareOp::Eq: return "=";
    case ast::CompareOp::Ne: return "!=";
    case ast::CompareOp::Ge: return ">=";
    case ast::CompareOp::Gt: return ">";
  }
  return "=";
}

// ---------------------------------------------------------------- expressions

/// Binding strength in the grammar (higher binds tighter). Quantifiers are
/// apart: their body runs as far right as it can, so a quantifier needs
/// parentheses exactly when something follows it.
int formula_precedence(ExprKind kind) {
  switch (kind) {
    case ExprKind::Implies: return 1;
    case ExprKind::Iff: return 2;
    case ExprKind::Excludes: return 3;
    case ExprKind::Or: return 4;
    case ExprKind::And: return 5;
    case ExprKind::Not: return 6;
    default: return 7;
  }
}

int term_precedence(ExprKind kind) {
  switch (kind) {
    case ExprKind::Add: case ExprKind::Sub: return 1;
    case ExprKind::Mul: return 2;
    case ExprKind::Neg: return 3;
    default: return 4;
  }
}

bool is_term(ExprKind kind) {
  switch (kind) {
    case ExprKind::Name: case ExprKind::Call: case ExprKind::Int: case ExprKind::Add: case ExprKind::Sub:
    case ExprKind::Mul: case ExprKind::Neg: return true;
    default: return false;
  }
}

std::string set_text(const SetExpr& s, int min_precedence);
std::string formula(const Expr& e, int min_precedence, bool tail);

std::string term(const Expr& e, int min_precedence) {
  int p = term_precedence(e.kind);
  std::string out;
  switch (e.kind) {
    case ExprKind::Add: out = term(e.children[0], 1) + " + " + term(e.children[1], 2); break;
    case ExprKind::Sub: out = term(e.children[0], 1) + " - " + term(e.children[1], 2); break;
    case ExprKind::Mul: out = term(e.children[0], 2) + " * " + term(e.children[1], 3); break;
    case ExprKind::Neg: out = "-" + term(e.children[0], 3); break;
    case ExprKind::Int:
      // Negative literals do not come out of the parser (`-5` is a negation).
      out = std::to_string(e.value);
      break;
    case ExprKind::Name: out = e.name; break;
    case ExprKind::Call: {
      out = e.name + "(";
      for (std::size_t i = 0; i < e.children.size(); ++i) out += (i ? ", " : "") + term(e.children[i], 0);
      out += ")";
      break;
    }
    default: return "(" + formula(e, 0, true) + ")";  // a formula where a term belongs: not from the parser
  }
  return p < min_precedence ? "(" + out + ")" : out;
}

std::string binders(const std::vector<ast::Binder>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    for (std::size_t v = 0; v < list[i].vars.size(); ++v) out += (v ? ", " : "") + list[i].vars[v].text;
    out += " in " + set_text(list[i].set.at(0), 0);
  }
  return out;
}

std::string formula(const Expr& e, int min_precedence, bool tail) {
  if (is_term(e.kind)) return term(e, 0);
  if (e.kind == ExprKind::Exists || e.kind == ExprKind::Forall) {
    std::string out = std::string(e.kind == ExprKind::Exists ? "exists " : "forall ") + binders(e.binders) + ": " +
                      formula(e.children.at(0), 0, true);
    return tail ? out : "(" + out + ")";
  }
  int p = formula_precedence(e.kind);
  bool parens = p < min_precedence;
  if (parens) tail = true;
  std::string out;
  auto binary = [&](const char* op, bool right_assoc) {
    out = formula(e.children.at(0), right_assoc ? p + 1 : p, false) + " " + op + " " +
          formula(e.children.at(1), right_assoc ? p : p + 1, tail);
  };
  switch (e.kind) {
    case ExprKind::True: out = "true"; break;
    case ExprKind::False: out = "false"; break;
    case ExprKind::Not: out = "not " + formula(e.children.at(0), 6, tail); break;
    case ExprKind::And: binary("and", false); break;
    case ExprKind::Or: binary("or", false); break;
    case ExprKind::Excludes: binary("excludes", false); break;
    case ExprKind::Iff: binary("iff", false); break;
    case ExprKind::Implies: binary("implies", true); break;
    case ExprKind::In: out = term(e.children.at(0), 0) + " in " + set_text(e.set.at(0), 0); break;
    case ExprKind::NotIn: out = term(e.children.at(0), 0) + " not in " + set_text(e.set.at(0), 0); break;
    case ExprKind::Compare:
      out = term(e.children.at(0), 0) + " " + compare_op(e.compare) + " " + term(e.children.at(1), 0);
      break;
    default: break;
  }
  return parens ? "(" + out + ")" : out;
}

int set_precedence(SetKind kind) {
  switch (kind) {
    case SetKind::Union: case SetKind::Minus: return 1;
    case SetKind::Intersect: return 2;
    default: return 3;
  }
}

std::string set_text(const SetExpr& s, int min_precedence) {
  std::string out;
  switch (s.kind) {
    case SetKind::MembersOf: out = "members of " + s.name.text; break;
    case SetKind::Parties: out = s.name.text.empty() ? "parties" : "parties of " + s.name.text; break;
    case SetKind::States: out = "states"; break;
    case SetKind::Institutions: out = "institutions"; break;
    case SetKind::Named: out = s.name.text; break;
    case SetKind::List: {
      out = "{";
      for (std::size_t i = 0; i < s.names.size(); ++i) out += (i ? ", " : "") + s.names[i].text;
      out += "}";
      break;
    }
    case SetKind::Builder:
      out = "{" + s.name.text + " in " + set_text(s.children.at(0), 0) + " where " + formula(s.formula.at(0), 0, true) +
            "}";
      break;
    case SetKind::Union: out = set_text(s.children.at(0), 1) + " union " + set_text(s.children.at(1), 2); break;
    case SetKind::Minus: out = set_text(s.children.at(0), 1) + " minus " + set_text(s.children.at(1), 2); break;
    case SetKind::Intersect:
      out = set_text(s.children.at(0), 2) + " intersect " + set_text(s.children.at(1), 3);
      break;
  }
  return set_precedence(s.kind) < min_precedence ? "(" + out + ")" : out;
}

std::string params(const std::vector<ast::Param>& list, bool always) {
  if (list.empty() && !always) return "";
  std::string out = "(";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + list[i].name.text + ": " + list[i].sort.text;
  return out + ")";
}

std::string modality(ast::Modality m) {
  switch (m) {
    case ast::Modality::Obligation: return "must";
    case ast::Modality::Prohibition: return "must not";
    case ast::Modality::Permission: return "may";
  }
  return "must";
}

/// "p must assist(p, q)". An obligation whose text starts with `not` is
/// bracketed: `must not` would read as a prohibition.
std::string norm(const Expr& bearer, ast::Modality m, const Expr& content) {
  std::string what = formula(content, 0, true);
  if (m == ast::Modality::Obligation && what.rfind("not ", 0) == 0) what = "(" + what + ")";
  return term(bearer, 0) + " " + modality(m) + " " + what;
}

std::string individual(const ast::Individual& i) { return i.name.text + (i.display ? " " + quote(*i.display) : ""); }

// ---------------------------------------------------------------- layout

/// One output line: code, and a comment kept at its end.
struct Line {
  std::string text;
  std::string trailing;
  bool code = false;  ///< stands for source text (a trailing comment may join it)
};

class Printer {
 public:
  Printer(std::string_view text, const std::vector<Span>& comments) : text_(text), comments_(comments) {}

  std::string finish() {
    flush_before(static_cast<std::uint32_t>(text_.size()) + 1);
    align_trailing();
    std::string out;
    for (const Line& l : lines_) {
      std::string line = l.text;
      if (!l.trailing.empty()) line += (line.empty() ? "" : "  ") + l.trailing;
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
      out += line + "\n";
    }
    if (out.empty()) out = "\n";
    return out;
  }

  void file(const ast::File& f) {
    // The AST keeps one list per kind of declaration; print them in source order.
    std::vector<std::pair<std::uint32_t, std::function<void()>>> items;
    for (const auto& d : f.imports) items.push_back({d.span.begin, [&] { import(d); }});
    for (const auto& d : f.states) items.push_back({d.span.begin, [&] { individuals("state", d); }});
    for (const auto& d : f.institutions) items.push_back({d.span.begin, [&] { individuals("institution", d); }});
    for (const auto& d : f.sorts) items.push_back({d.span.begin, [&] { sort(d); }});
    for (const auto& d : f.memberships) items.push_back({d.span.begin, [&] { membership(d); }});
    for (const auto& d : f.atoms) items.push_back({d.span.begin, [&] { atom(d); }});
    for (const auto& d : f.definitions) items.push_back({d.span.begin, [&] { definition(d); }});
    for (const auto& d : f.terms) items.push_back({d.span.begin, [&] { term_decl(d); }});
    for (const auto& d : f.axioms) items.push_back({d.span.begin, [&] { axiom(d); }});
    for (const auto& d : f.treaties) items.push_back({d.span.begin, [&] { treaty(d); }});
    for (const auto& d : f.expectations) items.push_back({d.span.begin, [&] { expectation(d); }});
    for (const auto& d : f.scenarios) items.push_back({d.span.begin, [&] { scenario(d); }});
    run_in_order(items);
  }

 private:
  using Items = std::vector<std::pair<std::uint32_t, std::function<void()>>>;
  static void run_in_order(Items& items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& item : items) item.second();
  }

  std::string pad() const { return std::string(2 * indent_, ' '); }

  /// Whether the source has an empty line between byte offsets a and b.
  bool blank_between(std::uint32_t a, std::uint32_t b) const {
    if (a >= b || b > text_.size()) return false;
    std::string_view gap = text_.substr(a, b - a);
    std::size_t first = gap.find('\n');
    while (first != std::string_view::npos) {
      std::size_t next = gap.find('\n', first + 1);
      if (next == std::string_view::npos) return false;
      std::string_view between = gap.substr(first + 1, next - first - 1);
      if (between.find_first_not_of(" \t\r\f") == std::string_view::npos) return true;
      first = next;
    }
    return false;
  }

  void blank_if(std::uint32_t begin) {
    if (lines_.empty() || lines_.back().text.empty()) return;
    const std::string& last = lines_.back().text;
    if (!last.empty() && last.back() == '{' && lines_.back().trailing.empty()) return;
    if (blank_between(previous_end_, begin)) lines_.push_back({});
  }

  void comment(Span c) {
    std::string text(text_.substr(c.begin, c.end - c.begin));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.pop_back();
    bool same_line = c.begin >= previous_end_ &&
                     text_.substr(previous_end_, c.begin - previous_end_).find('\n') == std::string_view::npos;
    if (same_line && !lines_.empty() && lines_.back().code && lines_.back().trailing.empty()) {
      lines_.back().trailing = text;
    } else {
      blank_if(c.begin);
      lines_.push_back({pad() + text, "", false});
    }
    previous_end_ = std::max(previous_end_, c.end);
  }

  void flush_before(std::uint32_t position) {
    while (next_comment_ < comments_.size() && comments_[next_comment_].begin < position) comment(comments_[next_comment_++]);
  }

  /// Prints the lines of one piece of source text `at`: first the comments
  /// inside or before it, then the lines.
  void code(Span at, const std::vector<std::string>& text) {
    flush_before(at.end);
    blank_if(at.begin);
    for (const std::string& t : text) lines_.push_back({pad() + t, "", true});
    previous_end_ = std::max(previous_end_, at.end);
  }
  void code(Span at, const std::string& text) { code(at, std::vector<std::string>{text}); }
  /// A line with no source text of its own (a keyword the AST keeps no span for).
  /// No comment joins it: where it stands in the source is not known.
  void plain(const std::string& text) { lines_.push_back({pad() + text, "", false}); }

  /// Closes a block at the `}` that ends `block`.
  void close(Span block) {
    Span brace{block.file, block.end > 0 ? block.end - 1 : 0, block.end};
    flush_before(brace.begin);
    --indent_;
    lines_.push_back({pad() + "}", "", true});
    previous_end_ = std::max(previous_end_, brace.end);
  }

  /// `head` followed by `items` separated by ", ", on one line if it fits,
  /// else `head` alone and the items filled on the lines below (indent + 1).
  std::vector<std::string> fill(const std::string& head, const std::string& separator_after_head,
                                const std::vector<std::string>& items, const std::string& end) {
    std::string one = head + (items.empty() ? "" : separator_after_head);
    for (std::size_t i = 0; i < items.size(); ++i) one += (i ? ", " : "") + items[i];
    one += end;
    if (2 * indent_ + one.size() <= kFillWidth || items.size() < 2) return {one};
    std::vector<std::string> out{head + (separator_after_head == " " ? "" : separator_after_head.substr(0, 1))};
    filled(items, end, "  ", out);
    return out;
  }

  /// Fills `items` ("a, b, c" + `end`) into lines beginning with `lead`.
  void filled(const std::vector<std::string>& items, const std::string& end, const std::string& lead,
              std::vector<std::string>& out) const {
    std::string current;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string piece = items[i] + (i + 1 < items.size() ? "," : end);
      if (!current.empty() && 2 * indent_ + lead.size() + current.size() + 1 + piece.size() > kFillWidth) {
        out.push_back(lead + current);
        current.clear();
      }
      current += (current.empty() ? "" : " ") + piece;
    }
    if (!current.empty()) out.push_back(lead + current);
  }

  // ---- declarations

  void import(const ast::Import& d) { code(d.span, "import " + quote(d.path) + ";"); }

  void individuals(const std::string& keyword, const ast::IndividualsDecl& d) {
    std::vector<std::string> items;
    for (const auto& i : d.individuals) items.push_back(individual(i));
    code(d.span, fill(keyword, " ", items, ";"));
  }

  void sort(const ast::SortDecl& d) {
    std::vector<std::string> items;
    for (const auto& i : d.individuals) items.push_back(individual(i));
    code(d.span, fill("sort " + d.name.text, ": ", items, ";"));
  }

  void membership(const ast::MembershipDecl& d) {
    code(Span{d.span.file, d.span.begin, d.institution.span.end}, "membership " + d.institution.text + " {");
    ++indent_;
    for (const auto& e : d.entries) {
      std::vector<std::string> names;
      for (const auto& m : e.members) names.push_back(m.text);
      std::string end;
      if (e.since) end += " since " + e.since->to_string();
      if (e.until) end += " until " + e.until->to_string();
      std::vector<std::string> out;
      filled(names, end + ";", "", out);
      code(e.span, out);
    }
    close(d.span);
  }

  void atom(const ast::AtomDecl& d) {
    std::string head = d.kind == ast::AtomKind::Circumstance ? (d.is_quantity ? "circumstance quantity " : "circumstance ")
                                                             : (d.is_quantity ? "quantity " : "conduct ");
    head += d.name.text + params(d.params, false);
    if (d.lower && d.upper) head += " in " + std::to_string(*d.lower) + " .. " + std::to_string(*d.upper);
    std::vector<std::string> out{head};
    if (d.description) {
      std::string described = "described " + quote(*d.description);
      if (2 * indent_ + head.size() + 1 + described.size() + 1 <= kLineWidth) out[0] += " " + described;
      else out.push_back("  " + described);
    }
    out.back() += ";";
    code(d.span, out);
  }

  void definition(const ast::DefinitionDecl& d) {
    std::string head = "define " + d.name.text + params(d.params, false) + " :=";
    std::string body = formula(d.body, 0, true);
    std::vector<std::string> out;
    if (2 * indent_ + head.size() + 1 + body.size() + 1 <= kLineWidth) out.push_back(head + " " + body);
    else out = {head, "    " + body};
    if (d.description) out.push_back("  described " + quote(*d.description));
    out.back() += ";";
    code(d.span, out);
  }

  void term_decl(const ast::TermDecl& d) {
    code(Span{d.span.file, d.span.begin, d.name.span.end}, "term " + d.name.text + params(d.params, false) + " {");
    ++indent_;
    for (const auto& r : d.readings) {
      std::string line = "reading " + r.name.text + (r.is_default ? " default" : "");
      if (r.explanation) line += " " + quote(*r.explanation);
      if (r.source) line += " source " + quote(*r.source);
      line += " :=";
      std::string body = formula(r.body, 0, true) + ";";
      if (2 * indent_ + line.size() + 1 + body.size() <= kLineWidth) code(r.span, line + " " + body);
      else code(r.span, std::vector<std::string>{line, "    " + body});
    }
    close(d.span);
  }

  /// `for each ...[ where ...]:` of a clause or an axiom.
  static std::string prefix(const std::vector<ast::Binder>& list, const std::optional<Expr>& where) {
    std::string out = "for each " + binders(list);
    if (where) out += " where " + formula(*where, 0, false);
    return out + ":";
  }

  void axiom(const ast::AxiomDecl& d) {
    std::vector<std::string> out{"axiom" + (d.title ? " " + quote(*d.title) : std::string()) + ":"};
    std::string body = formula(d.body, 0, true) + ";";
    if (d.binders.empty()) {
      out.push_back("  " + body);
    } else {
      std::string head = prefix(d.binders, d.where);
      if (2 * indent_ + 2 + head.size() + 1 + body.size() <= kLineWidth) {
        out.push_back("  " + head + " " + body);
      } else {
        out.push_back("  " + head);
        out.push_back("    " + body);
      }
    }
    code(d.span, out);
  }

  void treaty(const ast::TreatyDecl& d) {
    std::string head = "treaty " + d.name.text + (d.title ? " " + quote(*d.title) : "");
    // Attributes in one canonical order, each on its line with its own span.
    std::vector<std::pair<Span, std::string>> attributes;
    std::string kind = d.kind == ast::TreatyKind::Political ? "political" : "binding";
    for (Span s : d.kind_spans) attributes.push_back({s, kind});
    auto dated = [&](const char* keyword, const std::vector<ast::DatedAttr>& list) {
      for (const auto& a : list) attributes.push_back({a.span, keyword + (a.date ? " " + a.date->to_string() : "")});
    };
    dated("signed", d.signed_);
    dated("in force", d.in_force);
    dated("draft", d.draft);
    dated("withdrawn", d.withdrawn);
    dated("suspended", d.suspended);
    dated("terminated", d.terminated);
    for (std::size_t i = 0; i < d.parties.size(); ++i) {
      attributes.push_back({d.parties_spans.at(i), "parties: " + set_text(d.parties[i], 0)});
    }
    if (d.prevails_over_all) attributes.push_back({d.prevails_span, "prevails over all"});
    if (!d.prevails_over.empty()) {
      std::string names;
      for (const auto& n : d.prevails_over) names += (names.empty() ? "" : ", ") + n.text;
      attributes.push_back({d.prevails_span, "prevails over " + names});
    }
    Span head_span{d.span.file, d.span.begin, d.name.span.end};
    if (attributes.empty()) {
      code(head_span, head + " {");
    } else {
      code(head_span, head);
      ++indent_;
      for (const auto& [span, text] : attributes) code(span, text);
      --indent_;
      plain("{");
    }
    ++indent_;
    for (const auto& a : d.articles) article(a);
    close(d.span);
  }

  void article(const ast::Article& a) {
    std::string head = std::string(a.is_paragraph ? "paragraph " : "article ") + label(a.own_label.text) +
                       (a.title ? " " + quote(*a.title) : "");
    Span head_span{a.span.file, a.span.begin, a.own_label.span.end};
    if (!a.wording && !a.paraphrase) {
      code(head_span, head + " {");
    } else {
      code(head_span, head);
      ++indent_;
      if (a.wording) plain("wording " + quote(*a.wording));
      if (a.paraphrase) plain("paraphrase " + quote(*a.paraphrase));
      --indent_;
      plain("{");
    }
    ++indent_;
    Items items;
    for (const auto& c : a.clauses) items.push_back({c.span.begin, [&] { clause(c); }});
    for (const auto& p : a.paragraphs) items.push_back({p.span.begin, [&] { article(p); }});
    run_in_order(items);
    close(a.span);
  }

  void clause(const ast::Clause& c) {
    bool quantified = !c.binders.empty();
    if (quantified) {
      Span at{c.span.file, c.binders.front().span.begin, c.where ? c.where->span.end : c.binders.back().span.end};
      code(at, prefix(c.binders, c.where));
      ++indent_;
    }
    for (const auto& k : c.conditions) {
      code(k.span, std::string(k.kind == ast::ConditionKind::When ? "when " : "unless ") + formula(k.formula, 0, true));
    }
    std::vector<std::pair<Span, std::string>> attributes;
    for (const auto& r : c.reparation_of) attributes.push_back({r.span, "reparation of " + ref(r)});
    for (const auto& r : c.specialises) attributes.push_back({r.span, "specialises " + ref(r)});
    for (const auto& r : c.without_prejudice_to) attributes.push_back({r.span, "without prejudice to " + ref(r)});
    code(Span{c.span.file, c.bearer.span.begin, c.content.span.end},
         norm(c.bearer, c.modality, c.content) + (attributes.empty() ? ";" : ""));
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      code(attributes[i].first, attributes[i].second + (i + 1 == attributes.size() ? ";" : ""));
    }
    if (quantified) --indent_;
  }

  static std::string expectation_text(const ast::Expectation& e) {
    auto refs = [&] {
      std::string out;
      for (std::size_t i = 0; i < e.clauses.size(); ++i) out += (i ? " with " : "") + ref(e.clauses[i]);
      return out;
    };
    std::string out = "expect ";
    switch (e.kind) {
      case ast::ExpectKind::Conflict: out += "conflict " + refs(); break;
      case ast::ExpectKind::NoConflict: out += "no conflict " + refs(); break;
      case ast::ExpectKind::PermissionConflict: out += "permission conflict " + refs(); break;
      case ast::ExpectKind::Consistent: {
        out += "consistent";
        for (std::size_t i = 0; i < e.without.size(); ++i) out += (i ? ", " : " without ") + e.without[i].text;
        break;
      }
      case ast::ExpectKind::Count: {
        bool one = e.count == 1;
        out += std::to_string(e.count) + " ";
        if (e.count_kind == ast::CountKind::PermissionConflicts) out += one ? "permission conflict" : "permission conflicts";
        else if (e.count_kind == ast::CountKind::Findings) out += one ? "finding" : "findings";
        else out += one ? "conflict" : "conflicts";
        break;
      }
      case ast::ExpectKind::Norm:
        out += norm(*e.bearer, e.modality, *e.content);
        break;
    }
    return out + ";";
  }

  void expectation(const ast::Expectation& e) { code(e.span, expectation_text(e)); }

  void scenario(const ast::Scenario& s) {
    code(Span{s.span.file, s.span.begin, s.name_span.end}, "scenario " + quote(s.name) + " {");
    ++indent_;
    Items items;
    for (const auto& f : s.facts) items.push_back({f.span.begin, [&] { code(f.span, formula(f, 0, true) + ";"); }});
    for (const auto& e : s.expectations) items.push_back({e.span.begin, [&] { expectation(e); }});
    run_in_order(items);
    close(s.span);
  }

  /// Lines in a row that end in a comment get their comments in one column.
  void align_trailing() {
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t j = i;
      std::size_t width = 0;
      while (j < lines_.size() && !lines_[j].trailing.empty() && lines_[j].trailing.find('\n') == std::string::npos) {
        width = std::max(width, lines_[j].text.size());
        ++j;
      }
      if (j - i >= 2) {
        for (std::size_t k = i; k < j; ++k) lines_[k].text.resize(width, ' ');
      }
      i = j == i ? i + 1 : j;
    }
  }

  std::string_view text_;
  const std::vector<Span>& comments_;
  std::size_t next_comment_ = 0;
  std::vector<Line> lines_;
  int indent_ = 0;
  std::uint32_t previous_end_ = 0;
};

}  // namespace

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string print_expr(const Expr& expr) { return formula(expr, 0, true); }

std::string format_file(const ast::File& file, std::string_view text, const std::vector<Span>& comments) {
  Printer printer(text, comments);
  printer.file(file);
  return printer.finish();
}

}  // namespace tc::format
