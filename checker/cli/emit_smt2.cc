// `treatycheck emit-smt2`: the grounded problem as SMT-LIB text. The
// background (axioms, quantity bounds) is asserted; each norm instance
// gets two named Booleans defined by equations, "... applies" and
// "... requires" (or "... permits"), from which every question the
// analysis asks is built (docs/drafting-tools.md#emit-smt2).
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "cli/drafting.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "smt/solver.h"

namespace tc::cli {
namespace {

/// A name fit for an SMT-LIB quoted symbol (no '|', no '\').
std::string symbol(std::string text) {
  for (char& c : text)
    if (c == '|' || c == '\\') c = '/';
  return text;
}

std::string atom_name(const sema::World& world, const ground::GroundAtom& atom) {
  std::string out = world.atoms[atom.atom].name;
  if (!atom.args.empty()) {
    out += "(";
    for (std::size_t i = 0; i < atom.args.size(); ++i) out += (i ? ", " : "") + world.entities[atom.args[i]].name;
    out += ")";
  }
  return symbol(out);
}

/// "NAT Art 5 [p=Finland, q=Estonia]".
std::string instance_name(const sema::World& world, const ground::NormInstance& n) {
  const sema::Clause& clause = world.clauses[n.clause];
  std::string out = world.clause_title(n.clause);
  if (!n.binding.empty()) {
    out += " [";
    for (std::size_t i = 0; i < n.binding.size() && i < clause.bindings.size(); ++i) {
      out += (i ? ", " : "") + clause.variables[clause.bindings[i].var].name + "=" + world.entities[n.binding[i]].name;
    }
    out += "]";
  }
  return symbol(out);
}

}  // namespace

int run_emit_smt2(const CheckOptions& options) {
  std::vector<std::string> paths = default_paths(options.paths);
  CommandSetup setup;
  if (!set_up_command(options, paths, setup)) return kExitInputError;
  const sema::World& world = *setup.world;
  const ground::GroundOptions& ground_options = setup.ground_options;
  ground::Problem problem = ground::ground(world, ground_options);

  smt::Solver solver(problem, smt::Limits{});
  std::vector<std::string> names;
  for (const ground::GroundAtom& atom : problem.atoms) names.push_back(atom_name(world, atom));
  solver.set_atom_names(std::move(names));
  for (const ground::AxiomInstance& axiom : problem.axioms) solver.add(solver.encode(axiom.formula));
  ground::Pool& pool = problem.pool;
  for (const ground::NormInstance& n : problem.norms) {
    std::string name = instance_name(world, n);
    solver.add(solver.mk_iff(solver.named_bool(name + " applies"), solver.encode(n.applicability)));
    switch (n.modality) {
      case sema::Modality::Obligation:
        solver.add(solver.mk_iff(solver.named_bool(name + " requires"), solver.encode(n.content)));
        break;
      case sema::Modality::Prohibition:
        solver.add(solver.mk_iff(solver.named_bool(name + " requires"), solver.encode(pool.negate(n.content))));
        break;
      case sema::Modality::Permission:
        solver.add(solver.mk_iff(solver.named_bool(name + " permits"), solver.encode(n.content)));
        break;
    }
  }
  std::ostringstream out;
  out << "; treatycheck emit-smt2";
  for (const std::string& p : paths) out << " " << p;
  out << "\n; as of " << sema::format_day(ground_options.as_of) << ": " << problem.atoms.size() << " ground atoms, "
      << problem.axioms.size() << " background assertions, " << problem.norms.size() << " norm instances\n"
      << "; A norm instance binds when it applies: (=> |X applies| |X requires|). A conflict is a scenario\n"
      << "; (values of the circumstance atoms) in which the background and the binding instances leave no\n"
      << "; value of the conduct atoms; see docs/drafting-tools.md#emit-smt2.\n";
  out << solver.to_smt2();
  std::string error;
  if (!write_output(options.output, out.str(), error)) {
    std::cerr << "treatycheck: error: " << error << "\n";
    return kExitInputError;
  }
  return kExitOk;
}

}  // namespace tc::cli
