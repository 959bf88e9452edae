// The solver-based lint checks. One solver holds the background (axioms
// and quantity bounds) and, behind one selector literal per clause, each
// clause's "applies => requires"; every question is a check under
// assumptions, so the encoding is built once.
#include "lint/lint.h"

#include <algorithm>
#include <map>
#include <set>

#include "lint/unused.h"

namespace tc::lint {
namespace {

class Linter {
 public:
  Linter(const sema::World& world, const ground::GroundOptions& ground_options, const Options& options,
         Diagnostics& out)
      : world_(world),
        ground_options_(ground_options),
        problem_(ground::ground(world, ground_options)),
        solver_(problem_, options.limits),
        out_(out) {}

  Outcome run() {
    for (const ground::AxiomInstance& axiom : problem_.axioms) solver_.add(solver_.encode(axiom.formula));
    smt::Outcome background = ask({});
    if (background == smt::Outcome::Unsat) {
      outcome_.background_unsatisfiable = true;
      return outcome_;
    }
    if (background == smt::Outcome::Unknown) return outcome_;
    encode_clauses();
    for (sema::ClauseId c = 0; c < world_.clauses.size(); ++c) {
      if (linted(c)) clause(c);
    }
    for (sema::TreatyId t = 0; t < world_.treaties.size(); ++t) {
      if (world_.treaties[t].in_root_file) treaty_precedence(t);
    }
    return outcome_;
  }

 private:
  /// A clause of a root file whose treaty is in force at the check date
  /// (a treaty not in force binds nobody: not the clause's fault).
  bool linted(sema::ClauseId c) const {
    const sema::Clause& clause = world_.clauses[c];
    return world_.treaties[clause.treaty].in_root_file && problem_.treaty_in_force.at(clause.treaty);
  }

  smt::Outcome ask(const std::vector<smt::Term>& assumptions) {
    smt::Outcome o = solver_.check(assumptions);
    if (o == smt::Outcome::Unknown) {
      if (outcome_.unknown++ == 0) outcome_.unknown_reason = solver_.reason_unknown();
    }
    return o;
  }

  /// Per clause: "some instance applies" and a selector for "every instance
  /// that applies is complied with" (obligations and prohibitions).
  void encode_clauses() {
    ground::Pool& pool = problem_.pool;
    applies_.resize(world_.clauses.size());
    selector_.resize(world_.clauses.size());
    for (sema::ClauseId c = 0; c < world_.clauses.size(); ++c) {
      std::vector<ground::NodeId> any, complied;
      for (std::uint32_t i : instances(c)) {
        const ground::NormInstance& n = problem_.norms[i];
        any.push_back(n.applicability);
        if (n.modality != sema::Modality::Permission) complied.push_back(pool.implies(n.applicability, required(n)));
      }
      applies_[c] = pool.disj(any);
      if (complied.empty()) continue;
      selector_[c] = solver_.fresh_bool("comply_" + std::to_string(c));
      solver_.add(solver_.mk_implies(*selector_[c], solver_.encode(pool.conj(complied))));
    }
  }

  const std::vector<std::uint32_t>& instances(sema::ClauseId c) const {
    static const std::vector<std::uint32_t> kNone;
    return c < problem_.norms_of_clause.size() ? problem_.norms_of_clause[c] : kNone;
  }

  ground::NodeId required(const ground::NormInstance& n) {
    return n.modality == sema::Modality::Prohibition ? problem_.pool.negate(n.content) : n.content;
  }

  std::string day() const { return sema::format_day(ground_options_.as_of); }

  /// A finding with its suggestion as the last note; other notes go before it.
  Diagnostic& report(DiagKind kind, Span span, const std::string& message, const std::string& help,
                     std::vector<DiagNote> notes = {}) {
    Diagnostic& d = out_.report(kind, span, message);
    d.notes = std::move(notes);
    d.notes.push_back({Span{}, "help: " + help});
    return d;
  }

  void clause(sema::ClauseId c) {
    const sema::Clause& clause = world_.clauses[c];
    std::string title = world_.clause_title(c);
    if (instances(c).empty()) {
      report(DiagKind::VacuousClause, clause.span,
             title + " can never apply: on " + day() + " its `for each` ranges over no party",
             "check the treaty's parties and the clause's `for each ... where`; or remove the clause");
      return;
    }
    smt::Outcome applicable = ask({solver_.encode(applies_[c])});
    if (applicable == smt::Outcome::Unknown) return;
    if (applicable == smt::Outcome::Unsat) {
      if (!impossible_conditions(c)) {
        report(DiagKind::VacuousClause, clause.span,
               title + " can never apply: its conditions cannot hold together in any situation the axioms allow",
               "relax a condition, or remove the clause");
      }
      return;
    }
    // A reparation applies exactly when its primary clause is breached, so
    // assuming the others are complied with says nothing about it.
    if (clause.modality == sema::Modality::Permission) unusable_permission(c);
    else if (clause.reparation_of.empty()) redundant(c);
    for (sema::ClauseId target : clause.specialises) idle_clause_precedence(c, target, "specialises");
    for (sema::ClauseId target : clause.without_prejudice_to) idle_clause_precedence(c, target, "without prejudice to");
  }

  /// TC2303: the conditions that alone keep a vacuous clause from applying.
  /// Each is asked on its own, closed over the clause's `for each`.
  bool impossible_conditions(sema::ClauseId c) {
    const sema::Clause& clause = world_.clauses[c];
    bool found = false;
    for (const sema::Condition& k : clause.conditions) {
      sema::Expr body = k.formula;
      if (k.is_unless) body = negation(std::move(body));
      if (clause.where) body = conjunction(*clause.where, std::move(body));
      sema::Expr closed = std::move(body);
      if (!clause.bindings.empty()) {
        sema::Expr exists;
        exists.op = sema::Op::Exists;
        exists.type = sema::Type::Bool;
        for (const sema::Binding& b : clause.bindings) {
          exists.bound.push_back(b.var);
          exists.bound_sets.push_back(b.domain);
        }
        exists.args.push_back(std::move(closed));
        closed = std::move(exists);
      }
      ground::NodeId node = ground::ground_closed(world_, problem_, ground_options_, closed);
      if (ask({solver_.encode(node)}) != smt::Outcome::Unsat) continue;
      found = true;
      if (k.is_unless) {
        report(DiagKind::ImpossibleCondition, k.formula.span,
               "this `unless` condition always holds, so " + world_.clause_title(c) + " never applies",
               "remove the clause, or narrow the `unless` condition");
      } else {
        report(DiagKind::ImpossibleCondition, k.formula.span,
               "this condition can never hold, so " + world_.clause_title(c) + " never applies",
               "check the condition against the axioms (an axiom may exclude it), or remove the clause");
      }
    }
    return found;
  }

  static sema::Expr negation(sema::Expr e) {
    sema::Expr out;
    out.op = sema::Op::Not;
    out.type = sema::Type::Bool;
    out.span = e.span;
    out.args.push_back(std::move(e));
    return out;
  }

  static sema::Expr conjunction(const sema::Expr& a, sema::Expr b) {
    sema::Expr out;
    out.op = sema::Op::And;
    out.type = sema::Type::Bool;
    out.args.push_back(a);
    out.args.push_back(std::move(b));
    return out;
  }

  /// TC2302: in no situation does the clause apply and require something
  /// that complying with the other clauses does not already give -- and
  /// there is a situation where it applies and the others can be complied
  /// with (else the question is void).
  void redundant(sema::ClauseId c) {
    ground::Pool& pool = problem_.pool;
    std::vector<ground::NodeId> escapes;  // an instance applies and its requirement fails
    for (std::uint32_t i : instances(c)) {
      const ground::NormInstance& n = problem_.norms[i];
      escapes.push_back(pool.conj({n.applicability, pool.negate(required(n))}));
    }
    smt::Term escape = solver_.encode(pool.disj(escapes));
    std::vector<smt::Term> assumptions{escape};
    // Only the clauses whose requirements share an atom with this one's:
    // a subset of the others, so an implication found is real (one that
    // needs a longer chain through the axioms is missed), and the solver
    // is spared the rest of the corpus.
    std::set<sema::ClauseId> related;
    for (std::uint32_t i : instances(c)) {
      for (ground::GroundAtomId a : content_atoms(i)) {
        auto it = clauses_of_atom().find(a);
        if (it != clauses_of_atom().end()) related.insert(it->second.begin(), it->second.end());
      }
    }
    std::vector<sema::ClauseId> others;
    for (sema::ClauseId o : related) {
      if (o == c || !selector_[o]) continue;
      assumptions.push_back(*selector_[o]);
      others.push_back(o);
    }
    if (ask(assumptions) != smt::Outcome::Unsat) return;
    std::vector<smt::Term> core = solver_.core();
    // Where the other clauses cannot all be complied with, everything
    // "follows" from them: that is a conflict (check's business), not a
    // redundancy. Ask for one situation where the clause applies and the
    // others can be complied with.
    assumptions[0] = solver_.encode(applies_[c]);
    if (ask(assumptions) != smt::Outcome::Sat) return;
    std::vector<sema::ClauseId> implying;
    for (std::size_t k = 0; k < others.size(); ++k) {
      bool in_core = std::any_of(core.begin(), core.end(), [&](smt::Term t) { return t.index == assumptions[k + 1].index; });
      if (in_core) implying.push_back(others[k]);
    }
    const sema::Clause& clause = world_.clauses[c];
    if (implying.empty()) {
      report(DiagKind::RedundantClause, clause.span,
             world_.clause_title(c) + " requires nothing beyond what the axioms already give whenever it applies",
             "remove the clause, or say in a comment why it restates the axioms");
      return;
    }
    std::string names;
    std::vector<DiagNote> notes;
    for (sema::ClauseId o : implying) {
      names += (names.empty() ? "" : ", ") + world_.clause_title(o);
      notes.push_back({world_.clauses[o].span, "implied by " + world_.clause_title(o)});
    }
    report(DiagKind::RedundantClause, clause.span,
           world_.clause_title(c) + " is implied whenever it applies: complying with " + names +
               " already gives what it requires",
           "remove the clause, or keep it on purpose (a restatement) and say so in a comment", std::move(notes));
  }

  /// TC2306: the permission's content cannot hold together with its
  /// applicability in any situation the axioms allow.
  void unusable_permission(sema::ClauseId c) {
    ground::Pool& pool = problem_.pool;
    std::vector<ground::NodeId> uses;
    for (std::uint32_t i : instances(c)) {
      const ground::NormInstance& n = problem_.norms[i];
      uses.push_back(pool.conj({n.applicability, n.content}));
    }
    if (ask({solver_.encode(pool.disj(uses))}) != smt::Outcome::Unsat) return;
    report(DiagKind::UnusablePermission, world_.clauses[c].span,
           world_.clause_title(c) + " can never be exercised: what it permits is impossible whenever it applies",
           "check the permitted conduct against the axioms and the clause's conditions");
  }

  /// TC2305 for `specialises` and `without prejudice to`: no instance of
  /// the clause ever applies together with an instance of the target that
  /// it could clash with, so the precedence never settles a conflict. Two
  /// instances can clash when their contents share an atom, or through an
  /// axiom about conduct (then every pair counts).
  void idle_clause_precedence(sema::ClauseId c, sema::ClauseId target, const std::string& rule) {
    ground::Pool& pool = problem_.pool;
    std::vector<ground::NodeId> together;
    for (std::uint32_t i : instances(c)) {
      for (std::uint32_t j : instances(target)) {
        if (!conduct_axioms() && !share_atom(i, j)) continue;
        together.push_back(pool.conj({problem_.norms[i].applicability, problem_.norms[j].applicability}));
      }
    }
    smt::Outcome outcome = ask({solver_.encode(pool.disj(together))});
    if (outcome != smt::Outcome::Unsat) return;
    report(DiagKind::IdlePrecedence, world_.clauses[c].span,
           "`" + rule + " " + world_.clause_title(target) +
               "` never decides anything: the two clauses never apply together to the same conduct",
           "remove the precedence declaration (it can never settle a conflict)",
           {{world_.clauses[target].span, world_.clause_title(target) + " is here"}});
  }

  /// Ground atom -> the clauses whose requirements mention it.
  const std::map<ground::GroundAtomId, std::set<sema::ClauseId>>& clauses_of_atom() {
    if (clauses_of_atom_.empty()) {
      for (std::uint32_t i = 0; i < problem_.norms.size(); ++i) {
        for (ground::GroundAtomId a : content_atoms(i)) clauses_of_atom_[a].insert(problem_.norms[i].clause);
      }
    }
    return clauses_of_atom_;
  }

  bool conduct_axioms() const {
    return std::any_of(problem_.axioms.begin(), problem_.axioms.end(),
                       [](const ground::AxiomInstance& a) { return a.mentions_conduct; });
  }

  bool share_atom(std::uint32_t i, std::uint32_t j) {
    const std::set<ground::GroundAtomId>& a = content_atoms(i);
    const std::set<ground::GroundAtomId>& b = content_atoms(j);
    return std::any_of(a.begin(), a.end(), [&](ground::GroundAtomId x) { return b.count(x) > 0; });
  }

  const std::set<ground::GroundAtomId>& content_atoms(std::uint32_t norm) {
    auto it = content_atoms_.find(norm);
    if (it == content_atoms_.end()) {
      it = content_atoms_.emplace(norm, std::set<ground::GroundAtomId>{}).first;
      ground::collect_atoms(problem_.pool, problem_.norms[norm].content, it->second);
    }
    return it->second;
  }

  /// TC2305 for `prevails over`: no clause of the treaty ever applies
  /// together with a clause of the other one.
  void treaty_precedence(sema::TreatyId t) {
    const sema::Treaty& treaty = world_.treaties[t];
    std::vector<sema::TreatyId> targets = treaty.prevails_over;
    if (treaty.prevails_over_all) return;  // a general rule, idle or not by design
    for (sema::TreatyId other : targets) {
      std::string message = "`prevails over " + world_.treaties[other].name + "` never decides anything: ";
      bool idle = false;
      if (!problem_.treaty_in_force.at(t) || !problem_.treaty_in_force.at(other)) {
        idle = true;
        message += "on " + day() + " the two treaties are not both in force";
      } else {
        smt::Outcome together = ask({solver_.encode(any_applies(t)), solver_.encode(any_applies(other))});
        if (together == smt::Outcome::Unknown) continue;
        idle = together == smt::Outcome::Unsat;
        message += "no clause of " + treaty.name + " applies in a situation where a clause of " +
                   world_.treaties[other].name + " applies";
      }
      if (idle) {
        report(DiagKind::IdlePrecedence, treaty.span, message,
               "remove it, or keep it for later dates and say so in a comment");
      }
    }
  }

  ground::NodeId any_applies(sema::TreatyId t) {
    std::vector<ground::NodeId> any;
    for (sema::ClauseId c : world_.treaties[t].clauses) any.push_back(applies_[c]);
    return problem_.pool.disj(any);
  }

  const sema::World& world_;
  const ground::GroundOptions& ground_options_;
  ground::Problem problem_;
  smt::Solver solver_;
  Diagnostics& out_;
  Outcome outcome_;
  std::vector<ground::NodeId> applies_;
  std::vector<std::optional<smt::Term>> selector_;
  std::map<std::uint32_t, std::set<ground::GroundAtomId>> content_atoms_;
  std::map<ground::GroundAtomId, std::set<sema::ClauseId>> clauses_of_atom_;
};

}  // namespace

Outcome lint(const sema::World& world, const ground::GroundOptions& ground_options, const Options& options,
             Diagnostics& out) {
  lint_unused(world, out);
  if (!options.solver) return {};
  Linter linter(world, ground_options, options, out);
  return linter.run();
}

}  // namespace tc::lint
