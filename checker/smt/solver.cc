#include "smt/solver.h"

#include <z3++.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <unordered_map>

namespace tc::smt {

namespace {

/// Adds the lifetime of the scope to an accounting field, if any.
class ScopedTimer {
 public:
  ScopedTimer(Accounting* accounting, double Accounting::*field)
      : accounting_(accounting), field_(field), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() {
    if (accounting_)
      accounting_->*field_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  Accounting* accounting_;
  double Accounting::*field_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

struct Solver::Impl {
  // The context is the first member: it must outlive every expr below.
  std::shared_ptr<z3::context> owned_context;
  z3::context& context;
  /// Created at the first check (see `ensure_solver`), so the logic can
  /// follow what was asserted.
  std::optional<z3::solver> solver;
  bool solver_is_propositional = false;
  bool saw_integer = false;       ///< an integer variable or constant was encoded
  std::vector<z3::expr> asserted; ///< every assertion, to rebuild the solver
  Limits limits;
  std::vector<z3::expr> terms;
  // Scenario variables per ground atom (circumstances only), and conduct
  // variables per copy per ground atom. Sparse: a component's engine
  // touches a few hundred of a large corpus's 150,000 atoms, and dense
  // tables per copy cost more to allocate and free than its solving.
  std::unordered_map<ground::GroundAtomId, z3::expr> scenario_vars;
  std::vector<std::unordered_map<ground::GroundAtomId, z3::expr>> conduct_vars;
  std::vector<std::unordered_map<ground::NodeId, z3::expr>> cache;  // per copy
  std::optional<z3::model> model;
  std::vector<Term> last_assumptions;
  std::vector<z3::expr> last_core;
  std::uint32_t fresh_counter = 0;
  std::vector<std::string> atom_names;  ///< empty = generated names

  explicit Impl(std::shared_ptr<z3::context> shared) : owned_context(std::move(shared)), context(*owned_context) {}

  /// The solver for what has been asserted. A purely propositional problem
  /// gets Z3's incremental SAT core (QF_FD), which solves these problems
  /// far faster than the SMT core (the 2009 draft: 125 s -> 35 s) and keeps
  /// assumptions and cores; quantities (linear arithmetic) need the SMT
  /// core, and the solver is rebuilt on it if an integer appears later.
  z3::solver& ensure_solver() {
    bool propositional = !saw_integer;
    if (solver && (solver_is_propositional == propositional)) return *solver;
    solver.emplace(propositional ? z3::solver(context, "QF_FD") : z3::solver(context));
    solver_is_propositional = propositional;
    z3::params params(context);
    if (limits.rlimit) params.set("rlimit", static_cast<unsigned>(std::min<std::uint64_t>(limits.rlimit, 0xFFFFFFFFu)));
    if (limits.timeout_ms) params.set("timeout", limits.timeout_ms);
    params.set("random_seed", 0u);
    // Scenarios with few true circumstances make short witnesses and
    // refinements that cover more: let the SAT core try `false` first.
    if (propositional) params.set("phase", "always_false");
    solver->set(params);
    for (const z3::expr& e : asserted) solver->add(e);
    return *solver;
  }

  /// The variable of a ground atom: a scenario variable for circumstances,
  /// the variable of conduct copy `copy` for conduct.
  z3::expr atom_var(const ground::Problem& problem, ground::GroundAtomId id, std::uint32_t copy);

  Term store(const z3::expr& e) {
    terms.push_back(e);
    return Term{static_cast<std::uint32_t>(terms.size() - 1)};
  }
};

namespace {

z3::expr make_var(z3::context& context, const ground::GroundAtom& atom, const std::string& name, bool& saw_integer) {
  saw_integer = saw_integer || atom.is_quantity;
  return atom.is_quantity ? context.int_const(name.c_str()) : context.bool_const(name.c_str());
}

}  // namespace

z3::expr Solver::Impl::atom_var(const ground::Problem& problem, ground::GroundAtomId id, std::uint32_t copy) {
  const ground::GroundAtom& atom = problem.atoms[id];
  // A readable name only for copy 0: other copies need names of their own.
  bool readable = id < atom_names.size() && copy == 0;
  if (atom.is_conduct) {
    if (conduct_vars.size() <= copy) conduct_vars.resize(copy + 1);
    auto& conduct = conduct_vars[copy];
    auto it = conduct.find(id);
    if (it == conduct.end())
      it = conduct
               .emplace(id, make_var(context, atom,
                                     readable ? atom_names[id] : "a" + std::to_string(copy) + "_" + std::to_string(id),
                                     saw_integer))
               .first;
    return it->second;
  }
  auto it = scenario_vars.find(id);
  if (it == scenario_vars.end())
    it = scenario_vars.emplace(id, make_var(context, atom, readable ? atom_names[id] : "s_" + std::to_string(id), saw_integer))
             .first;
  return it->second;
}

namespace {
// The contexts of the live solvers, for interrupt_all(); a context shared
// by siblings appears once per solver.
std::mutex g_live_mutex;
std::multiset<z3::context*> g_live_contexts;
}  // namespace

// Once set, every later check answers Unknown at once: the search loops
// wind down without running full queries after Ctrl-C or --timeout.
static std::atomic<bool> g_stopped{false};

void interrupt_all() {
  g_stopped.store(true);
  std::lock_guard<std::mutex> lock(g_live_mutex);
  for (z3::context* context : g_live_contexts) context->interrupt();
}

Solver::Solver(const ground::Problem& problem, const Limits& limits, const Solver* sibling, const ground::Pool* pool)
    : impl_(std::make_unique<Impl>(sibling ? sibling->impl_->owned_context : std::make_shared<z3::context>())),
      problem_(problem), pool_(pool ? *pool : sibling ? sibling->pool_ : problem.pool) {
  impl_->limits = limits;
  std::lock_guard<std::mutex> lock(g_live_mutex);
  g_live_contexts.insert(&impl_->context);
}

Solver::~Solver() {
  std::lock_guard<std::mutex> lock(g_live_mutex);
  g_live_contexts.erase(g_live_contexts.find(&impl_->context));
}

Term Solver::encode(ground::NodeId root, const Encoding& encoding) {
  Impl& im = *impl_;
  ScopedTimer timer(im.limits.accounting, &Accounting::encode_seconds);
  z3::context& ctx = im.context;
  bool cacheable = encoding.fixed_conduct == nullptr && encoding.fixed_circumstances == nullptr;
  std::unordered_map<ground::NodeId, z3::expr> local;
  if (cacheable && im.cache.size() <= encoding.copy) im.cache.resize(encoding.copy + 1);
  auto& cache = cacheable ? im.cache[encoding.copy] : local;

  auto atom_expr = [&](ground::GroundAtomId id) -> z3::expr {
    const ground::GroundAtom& atom = problem_.atoms[id];
    const ground::Assignment* fixed = atom.is_conduct ? encoding.fixed_conduct : encoding.fixed_circumstances;
    if (fixed) {
      std::int64_t v = id < fixed->size() ? (*fixed)[id] : 0;
      im.saw_integer = im.saw_integer || atom.is_quantity;
      return atom.is_quantity ? ctx.int_val(static_cast<int64_t>(v)) : ctx.bool_val(v != 0);
    }
    return im.atom_var(problem_, id, encoding.copy);
  };

  // Iterative post-order walk: formulas can be deep.
  std::vector<std::pair<ground::NodeId, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [id, expanded] = stack.back();
    if (cache.count(id)) {
      stack.pop_back();
      continue;
    }
    const ground::Node& n = pool_.node(id);
    if (!expanded) {
      stack.back().second = true;
      for (ground::NodeId k : n.kids)
        if (!cache.count(k)) stack.push_back({k, false});
      continue;
    }
    stack.pop_back();
    z3::expr_vector kids(ctx);
    for (ground::NodeId k : n.kids) kids.push_back(cache.at(k));
    z3::expr e(ctx);
    switch (n.op) {
      case ground::NodeOp::True: e = ctx.bool_val(true); break;
      case ground::NodeOp::False: e = ctx.bool_val(false); break;
      case ground::NodeOp::BoolAtom:
      case ground::NodeOp::IntAtom: e = atom_expr(n.id); break;
      case ground::NodeOp::IntConst:
        im.saw_integer = true;
        e = ctx.int_val(static_cast<int64_t>(n.value));
        break;
      case ground::NodeOp::Not: e = !kids[0]; break;
      case ground::NodeOp::And: e = z3::mk_and(kids); break;
      case ground::NodeOp::Or: e = z3::mk_or(kids); break;
      case ground::NodeOp::Implies: e = z3::implies(kids[0], kids[1]); break;
      case ground::NodeOp::Iff: e = kids[0] == kids[1]; break;
      case ground::NodeOp::Add: e = z3::sum(kids); break;
      case ground::NodeOp::Mul: e = kids[0] * kids[1]; break;
      case ground::NodeOp::Neg: e = -kids[0]; break;
      case ground::NodeOp::Le: e = kids[0] <= kids[1]; break;
      case ground::NodeOp::Lt: e = kids[0] < kids[1]; break;
      case ground::NodeOp::Eq: e = kids[0] == kids[1]; break;
    }
    cache.emplace(id, e);
  }
  return im.store(cache.at(root));
}

Term Solver::fresh_bool(const std::string& name) {
  return impl_->store(impl_->context.bool_const((name + "!" + std::to_string(impl_->fresh_counter++)).c_str()));
}

Term Solver::mk_not(Term a) { return impl_->store(!impl_->terms[a.index]); }

Term Solver::mk_and(const std::vector<Term>& kids) {
  z3::expr_vector v(impl_->context);
  for (Term t : kids) v.push_back(impl_->terms[t.index]);
  return impl_->store(z3::mk_and(v));
}

Term Solver::mk_or(const std::vector<Term>& kids) {
  z3::expr_vector v(impl_->context);
  for (Term t : kids) v.push_back(impl_->terms[t.index]);
  return impl_->store(z3::mk_or(v));
}

Term Solver::mk_implies(Term a, Term b) { return impl_->store(z3::implies(impl_->terms[a.index], impl_->terms[b.index])); }

Term Solver::mk_iff(Term a, Term b) { return impl_->store(impl_->terms[a.index] == impl_->terms[b.index]); }

Term Solver::named_bool(const std::string& name) { return impl_->store(impl_->context.bool_const(name.c_str())); }

void Solver::set_atom_names(std::vector<std::string> names) { impl_->atom_names = std::move(names); }

Term Solver::scenario_literal(ground::GroundAtomId atom, std::int64_t value) {
  z3::expr var = impl_->atom_var(problem_, atom, 0);
  if (problem_.atoms[atom].is_quantity) return impl_->store(var == impl_->context.int_val(static_cast<int64_t>(value)));
  return impl_->store(value ? var : !var);
}

Term Solver::conduct_literal(ground::GroundAtomId atom, std::int64_t value, std::uint32_t copy) {
  z3::expr var = impl_->atom_var(problem_, atom, copy);
  if (problem_.atoms[atom].is_quantity) return impl_->store(var == impl_->context.int_val(static_cast<int64_t>(value)));
  return impl_->store(value ? var : !var);
}

void Solver::add(Term t) {
  const z3::expr& e = impl_->terms[t.index];
  impl_->asserted.push_back(e);
  if (impl_->solver) impl_->solver->add(e);
}


Outcome Solver::check(const std::vector<Term>& assumptions) {
  ++checks_;
  Impl& im = *impl_;
  ScopedTimer timer(im.limits.accounting, &Accounting::check_seconds);
  if (im.limits.accounting) im.limits.accounting->checks++;
  im.model.reset();
  im.last_assumptions = assumptions;
  z3::expr_vector v(im.context);
  for (Term t : assumptions) v.push_back(im.terms[t.index]);
  // An interruption (Ctrl-C, --timeout) can land after the answer but
  // before the model or core is read: Z3 then throws "canceled", and the
  // question is as open as if the check itself had been stopped.
  if (g_stopped.load()) return Outcome::Unknown;
  try {
    if (im.limits.fresh_solver_per_check) im.solver.reset();
    z3::solver& solver = im.ensure_solver();
    auto t0 = std::chrono::steady_clock::now();
    z3::check_result result = v.empty() ? solver.check() : solver.check(v);
    // A profiling aid (docs/performance.md): which solver's checks cost what.
    static const bool trace = std::getenv("TC_TRACE_CHECKS") != nullptr;
    if (trace) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const char* answer = result == z3::sat ? "sat" : result == z3::unsat ? "unsat" : "unknown";
      std::fprintf(stderr, "check: solver %p, %s, %zu assumptions, %zu assertions, %.3f s, %s\n",
                   static_cast<void*>(this), im.solver_is_propositional ? "QF_FD" : "SMT", assumptions.size(),
                   im.asserted.size(), seconds, answer);
    }
    if (result == z3::sat) {
      im.model = solver.get_model();
      return Outcome::Sat;
    }
    if (result == z3::unsat) {
      im.last_core.clear();
      z3::expr_vector core = solver.unsat_core();
      for (unsigned i = 0; i < core.size(); ++i) im.last_core.push_back(core[i]);
      return Outcome::Unsat;
    }
  } catch (const z3::exception&) {
    im.model.reset();
  }
  return Outcome::Unknown;
}

std::vector<Term> Solver::core() const {
  std::vector<Term> out;
  for (Term t : impl_->last_assumptions) {
    for (const z3::expr& c : impl_->last_core) {
      if (z3::eq(c, impl_->terms[t.index])) {
        out.push_back(t);
        break;
      }
    }
  }
  return out;
}

std::string Solver::reason_unknown() const {
  try {
    std::string reason = impl_->solver ? impl_->solver->reason_unknown() : std::string("not checked");
    // The SAT and SMT cores word the same events differently ("canceled",
    // "sat.canceled", "max. resource limit exceeded"): one wording each.
    if (reason.find("timeout") != std::string::npos) return "the time limit (--timeout) ran out";
    if (reason.find("canceled") != std::string::npos || reason.find("resource limit") != std::string::npos)
      return "the resource limit (--rlimit) ran out";
    // Z3's SAT core stops at the resource limit without saying so.
    if (impl_->limits.rlimit && (reason.empty() || reason == "no reason given" || reason == "unknown"))
      return "the resource limit (--rlimit) ran out";
    return reason;
  } catch (const z3::exception& e) {
    return e.msg();
  }
}

namespace {
/// The value of `var` in `model`, completed as Z3 would (false, 0). A
/// constant is read from the model's table, not through Z3's evaluator:
/// the evaluator honours an interruption and throws "canceled" when Ctrl-C
/// lands between the answer and the reading, while the answer stands.
std::int64_t value_of(const z3::model& model, const z3::expr& var, bool is_int) {
  if (var.is_const()) {
    z3::func_decl decl = var.decl();
    if (!model.has_interp(decl)) return 0;
    z3::expr v = model.get_const_interp(decl);
    if (is_int) {
      int64_t out = 0;
      if (v.is_numeral_i64(out)) return out;
    } else if (v.is_true() || v.is_false()) {
      return v.is_true() ? 1 : 0;
    }
  }
  try {
    z3::expr v = model.eval(var, true);
    if (is_int) {
      int64_t out = 0;
      v.is_numeral_i64(out);
      return out;
    }
    return v.is_true() ? 1 : 0;
  } catch (const z3::exception&) {
    return 0;  // only after a stop, which the callers check before trusting anything
  }
}
}  // namespace

bool Solver::model_bool(Term t) const {
  if (!impl_->model) return false;
  return value_of(*impl_->model, impl_->terms[t.index], false) != 0;
}

ground::Assignment Solver::model_scenario() const {
  ground::Assignment values(problem_.atoms.size(), 0);
  if (!impl_->model) return values;
  for (std::size_t i = 0; i < problem_.atoms.size(); ++i)
    if (!problem_.atoms[i].is_conduct) values[i] = problem_.atoms[i].default_value();
  for (const auto& [id, var] : impl_->scenario_vars)
    values[id] = value_of(*impl_->model, var, problem_.atoms[id].is_quantity);
  return values;
}

ground::Assignment Solver::model_conduct(std::uint32_t copy) const {
  ground::Assignment values = model_scenario();
  if (!impl_->model) return values;
  for (std::size_t i = 0; i < problem_.atoms.size(); ++i)
    if (problem_.atoms[i].is_conduct) values[i] = problem_.atoms[i].default_value();
  if (copy < impl_->conduct_vars.size())
    for (const auto& [id, var] : impl_->conduct_vars[copy])
      values[id] = value_of(*impl_->model, var, problem_.atoms[id].is_quantity);
  return values;
}

std::int64_t Solver::model_value(ground::GroundAtomId atom, std::uint32_t copy) const {
  if (!impl_->model) return 0;
  const ground::GroundAtom& a = problem_.atoms[atom];
  const std::unordered_map<ground::GroundAtomId, z3::expr>* vars = &impl_->scenario_vars;
  if (a.is_conduct) vars = copy < impl_->conduct_vars.size() ? &impl_->conduct_vars[copy] : nullptr;
  if (vars)
    if (auto it = vars->find(atom); it != vars->end()) return value_of(*impl_->model, it->second, a.is_quantity);
  return a.default_value();
}

void Solver::interrupt() { impl_->context.interrupt(); }

std::string Solver::to_smt2() const {
  z3::solver plain(impl_->context);
  for (const z3::expr& e : impl_->asserted) plain.add(e);
  return plain.to_smt2();
}

}  // namespace tc::smt
