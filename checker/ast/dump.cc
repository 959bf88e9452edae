#include "ast/dump.h"

#include <sstream>

namespace tc::ast {
namespace {

class Dumper {
 public:
  std::string take() { return out_.str(); }

  void file(const File& f) {
    for (const Import& i : f.imports) line("import", quote(i.path));
    for (const IndividualsDecl& d : f.states) individuals("state", d.individuals);
    for (const IndividualsDecl& d : f.institutions) individuals("institution", d.individuals);
    for (const SortDecl& d : f.sorts) individuals("sort " + d.name.text, d.individuals);
    for (const MembershipDecl& m : f.memberships) membership(m);
    for (const AtomDecl& a : f.atoms) atom(a);
    for (const DefinitionDecl& d : f.definitions) {
      line("define", d.name.text + params(d.params) + opt(d.description));
      nested([&] { expr(d.body); });
    }
    for (const TermDecl& t : f.terms) term(t);
    for (const AxiomDecl& a : f.axioms) {
      line("axiom", opt(a.title));
      nested([&] {
        for (const Binder& b : a.binders) binder(b);
        if (a.where) { line("where", ""); nested([&] { expr(*a.where); }); }
        expr(a.body);
      });
    }
    for (const TreatyDecl& t : f.treaties) treaty(t);
    for (const Expectation& e : f.expectations) expectation(e);
    for (const Scenario& s : f.scenarios) {
      line("scenario", quote(s.name));
      nested([&] {
        for (const Expr& fact : s.facts) expr(fact);
        for (const Expectation& e : s.expectations) expectation(e);
      });
    }
  }

 private:
  template <typename F>
  void nested(F body) {
    ++depth_;
    body();
    --depth_;
  }
  void line(const std::string& head, const std::string& rest) {
    out_ << std::string(2 * depth_, ' ') << head;
    if (!rest.empty()) out_ << ' ' << rest;
    out_ << '\n';
  }
  static std::string quote(const std::string& s) { return "\"" + s + "\""; }
  static std::string opt(const std::optional<std::string>& s) { return s ? quote(*s) : "-"; }
  static std::string params(const std::vector<Param>& ps) {
    std::string out = "(";
    for (const Param& p : ps) out += p.name.text + ":" + p.sort.text + " ";
    return out + ")";
  }
  static std::string date(const std::optional<Date>& d) { return d ? d->to_string() : "-"; }
  static std::string ref(const ClauseRef& r) { return r.treaty.text + "." + r.article.text; }

  void individuals(const std::string& head, const std::vector<Individual>& list) {
    std::string rest;
    for (const Individual& i : list) rest += i.name.text + (i.display ? "=" + quote(*i.display) : "") + " ";
    line(head, rest);
  }
  void membership(const MembershipDecl& m) {
    line("membership", m.institution.text);
    nested([&] {
      for (const MembershipEntry& e : m.entries) {
        std::string rest;
        for (const Ident& i : e.members) rest += i.text + " ";
        line("entry", rest + "since " + date(e.since) + " until " + date(e.until));
      }
    });
  }
  void atom(const AtomDecl& a) {
    std::string rest = std::string(a.kind == AtomKind::Conduct ? "conduct" : "circumstance") +
                       (a.is_quantity ? " quantity " : " ") + a.name.text + params(a.params);
    if (a.lower) rest += " lower " + std::to_string(*a.lower);
    if (a.upper) rest += " upper " + std::to_string(*a.upper);
    line("atom", rest + " " + opt(a.description));
  }
  void term(const TermDecl& t) {
    line("term", t.name.text + params(t.params));
    nested([&] {
      for (const Reading& r : t.readings) {
        line("reading", r.name.text + (r.is_default ? " default " : " ") + opt(r.explanation) + " " + opt(r.source));
        nested([&] { expr(r.body); });
      }
    });
  }
  void treaty(const TreatyDecl& t) {
    line("treaty", t.name.text + " " + opt(t.title) + " kind " + std::to_string(static_cast<int>(t.kind)) + "x" +
                       std::to_string(t.kind_spans.size()));
    nested([&] {
      auto dated = [&](const char* name, const std::vector<DatedAttr>& list) {
        for (const DatedAttr& a : list) line(name, date(a.date));
      };
      dated("signed", t.signed_);
      dated("in-force", t.in_force);
      dated("draft", t.draft);
      dated("withdrawn", t.withdrawn);
      dated("suspended", t.suspended);
      dated("terminated", t.terminated);
      for (const SetExpr& s : t.parties) { line("parties", ""); nested([&] { set(s); }); }
      std::string over = t.prevails_over_all ? "all " : "";
      for (const Ident& i : t.prevails_over) over += i.text + " ";
      line("prevails", over);
      for (const Article& a : t.articles) article(a);
    });
  }
  void article(const Article& a) {
    line(a.is_paragraph ? "paragraph" : "article", quote(a.label.text) + " own " + quote(a.own_label.text) + " " +
                                                       opt(a.title) + " " + opt(a.wording) + " " + opt(a.paraphrase));
    nested([&] {
      for (const Clause& c : a.clauses) clause(c);
      for (const Article& p : a.paragraphs) article(p);
    });
  }
  void clause(const Clause& c) {
    static const char* kModality[] = {"must", "must-not", "may"};
    line("clause", kModality[static_cast<int>(c.modality)]);
    nested([&] {
      for (const Binder& b : c.binders) binder(b);
      if (c.where) { line("where", ""); nested([&] { expr(*c.where); }); }
      for (const Condition& k : c.conditions) {
        line(k.kind == ConditionKind::When ? "when" : "unless", "");
        nested([&] { expr(k.formula); });
      }
      line("bearer", "");
      nested([&] { expr(c.bearer); });
      line("content", "");
      nested([&] { expr(c.content); });
      for (const ClauseRef& r : c.reparation_of) line("reparation-of", ref(r));
      for (const ClauseRef& r : c.specialises) line("specialises", ref(r));
      for (const ClauseRef& r : c.without_prejudice_to) line("without-prejudice-to", ref(r));
    });
  }
  void expectation(const Expectation& e) {
    std::string rest = std::to_string(static_cast<int>(e.kind)) + " count " + std::to_string(e.count) + " of " +
                       std::to_string(static_cast<int>(e.count_kind)) + " modality " +
                       std::to_string(static_cast<int>(e.modality));
    for (const ClauseRef& r : e.clauses) rest += " " + ref(r);
    for (const Ident& i : e.without) rest += " without " + i.text;
    line("expect", rest);
    nested([&] {
      if (e.bearer) expr(*e.bearer);
      if (e.content) expr(*e.content);
    });
  }
  void binder(const Binder& b) {
    std::string vars;
    for (const Ident& v : b.vars) vars += v.text + " ";
    line("binder", vars);
    nested([&] {
      for (const SetExpr& s : b.set) set(s);
    });
  }
  void set(const SetExpr& s) {
    std::string rest = s.name.text;
    for (const Ident& i : s.names) rest += " " + i.text;
    line("set" + std::to_string(static_cast<int>(s.kind)), rest);
    nested([&] {
      for (const SetExpr& c : s.children) set(c);
      for (const Expr& f : s.formula) expr(f);
    });
  }
  void expr(const Expr& e) {
    std::string rest = e.name;
    if (e.kind == ExprKind::Int) rest += std::to_string(e.value);
    if (e.kind == ExprKind::Compare) rest += std::to_string(static_cast<int>(e.compare));
    line("expr" + std::to_string(static_cast<int>(e.kind)), rest);
    nested([&] {
      for (const Binder& b : e.binders) binder(b);
      for (const Expr& c : e.children) expr(c);
      for (const SetExpr& s : e.set) set(s);
    });
  }

  std::ostringstream out_;
  int depth_ = 0;
};

}  // namespace

std::string dump(const File& file) {
  Dumper d;
  d.file(file);
  return d.take();
}

bool same_syntax(const File& a, const File& b) { return dump(a) == dump(b); }

}  // namespace tc::ast
