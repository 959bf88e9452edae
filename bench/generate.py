#!/usr/bin/env python3
"""Deterministic generator of benchmark corpora for treatycheck.

    bench/generate.py --clauses N --states M --institutions K \
        --conflicts C [--permission-conflicts P] [--seed S] OUT_DIR

writes into OUT_DIR:
  corpus.treaty   the corpus: M states, K institutions, treaties with N clauses
  expect.treaty   imports corpus.treaty; one `expect ...` per planted conflict
                  (run with `treatycheck test OUT_DIR/expect.treaty`)
  expected.json   the planted conflicts as clause pairs (treaty, article)

Why the corpus looks the way it does (docs/performance.md, "Benchmarks"):

* Membership profiles. Each institution's members are the states whose
  *profile* (a fixed, seeded set of institutions) contains it; state i gets
  profile i mod P. The profiles depend on the seed and K only, never on M,
  so raising M adds states to existing classes of interchangeable states:
  that is the "same membership profiles" growth of issue 7. No clause,
  axiom or definition names a state, so the engine's symmetry reduction
  may treat every class by representatives.
* Background clauses are conflict-free by construction, whatever the seed:
  `act_j` is only ever required or permitted, `ban_j` only forbidden or
  offered as an alternative to `act_j`, numeric lower bounds are all below
  every upper bound. They share atoms within a *family* j (about four
  clauses a family) so that the engine has real candidate sets to solve.
* Planted conflicts use atoms of their own, between two treaties whose
  parties overlap, so the expected set of conflicting pairs is exact. Some
  are settled by precedence (specialises, without prejudice): the checker
  still reports them, as notes.

Only the Python 3 standard library is used; the same arguments give the
same bytes.
"""

import argparse
import json
import os
import random
import sys

CIRCUMSTANCES = 6          # unary alert_c(s) circumstances shared by all families
QUANTITY_MAX = 1000
PLANTED_SHAPES = ("must_vs_must_not", "excludes_axiom", "numeric", "pair_must_vs_must_not")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", help="output directory (created)")
    p.add_argument("--clauses", "-n", type=int, default=200, help="N: clauses in total, planted ones included")
    p.add_argument("--states", "-m", type=int, default=57, help="M: states")
    p.add_argument("--institutions", "-k", type=int, default=8, help="K: institutions")
    p.add_argument("--profiles", type=int, default=8,
                   help="membership profiles (classes of interchangeable states); independent of M")
    p.add_argument("--conflicts", "-c", type=int, default=4, help="planted obligation conflicts")
    p.add_argument("--permission-conflicts", type=int, default=0, help="planted permission conflicts")
    p.add_argument("--pair-fraction", type=float, default=0.05,
                   help="fraction of background clauses quantified over pairs of states (p, q)")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    if a.institutions < 2:
        p.error("--institutions must be at least 2")
    if a.states < a.profiles:
        p.error("--states must be at least --profiles (every profile needs a state)")
    if 2 * (a.conflicts + a.permission_conflicts) > a.clauses:
        p.error("--clauses must be at least twice the number of planted conflicts")
    return a


def make_profiles(rng, k, count):
    """Seeded membership profiles: overlapping sets of institution indices."""
    profiles = []
    for i in range(count):
        size = rng.randint(1, max(1, min(k, 3 + k // 4)))
        prof = set(rng.sample(range(k), size))
        prof.add(i % k)  # every institution in some profile (when count >= k)
        profiles.append(frozenset(prof))
    # Institutions not covered when count < k get the first profile too.
    covered = set().union(*profiles)
    first = set(profiles[0])
    first.update(i for i in range(k) if i not in covered)
    profiles[0] = frozenset(first)
    return profiles


class Corpus:
    def __init__(self, a):
        self.a = a
        # Two streams: the profiles and the treaties must not move when M does.
        self.rng = random.Random(a.seed)
        prof_rng = random.Random(a.seed * 7919 + a.institutions)
        self.profiles = make_profiles(prof_rng, a.institutions, a.profiles)
        self.state_profile = [i % a.profiles for i in range(a.states)]
        self.treaties = []        # dicts: name, parties (list of institution idx), clauses, prevails
        self.decls = []           # declaration lines (conduct, quantities)
        self.declared = set()
        self.axioms = []
        self.expected = []        # planted conflicts
        self.used_alerts = set()

    # -- names -----------------------------------------------------------
    def state(self, i):
        return "S%03d" % (i + 1)

    def inst(self, k):
        return "I%02d" % (k + 1)

    def declare(self, name, text):
        if name not in self.declared:
            self.declared.add(name)
            self.decls.append(text)

    def alert(self):
        c = self.rng.randrange(CIRCUMSTANCES)
        self.used_alerts.add(c)
        return "alert%d" % c

    # -- treaties ----------------------------------------------------------
    def profiles_of(self, parties):
        return {i for i, prof in enumerate(self.profiles) if prof & set(parties)}

    def make_treaties(self):
        a = self.a
        count = max(2, min(2 * a.institutions, max(2, a.clauses // 25)))
        for t in range(count):
            first = t % a.institutions
            parties = [first]
            if self.rng.random() < 0.4:
                other = self.rng.randrange(a.institutions)
                if other != first:
                    parties.append(other)
            self.treaties.append({
                "name": "T%02d" % (t + 1),
                "parties": sorted(parties),
                "year": 1950 + t,
                "clauses": [],
                "prevails": None,
            })
        # A little lex superior among background treaties.
        for t in range(3, count - 1, 7):
            self.treaties[t]["prevails"] = self.treaties[t + 1]["name"]

    def add_clause(self, treaty, text):
        treaty["clauses"].append(text)
        return treaty["name"], str(len(treaty["clauses"]))

    # -- background clauses (conflict-free by construction) -----------------
    def background(self, count):
        families = max(4, count // 4)
        kinds = (["obligation"] * 30 + ["conditional"] * 15 + ["prohibition"] * 20 + ["permission"] * 10 +
                 ["upper"] * 10 + ["lower"] * 5)
        pair_cut = self.a.pair_fraction
        excl_families = set()
        for _ in range(count):
            j = self.rng.randrange(families)
            treaty = self.rng.choice(self.treaties)
            act, ban, lvl, hlp = "act%d" % j, "ban%d" % j, "lvl%d" % j, "help%d" % j
            kind = "pair" if self.rng.random() < pair_cut else self.rng.choice(kinds)
            prefix = "for each p in parties:\n      "
            if kind == "obligation":
                self.declare(act, "conduct %s(s: state);" % act)
                text = prefix + "p must %s(p);" % act
            elif kind == "conditional":
                self.declare(act, "conduct %s(s: state);" % act)
                self.declare(ban, "conduct %s(s: state);" % ban)
                text = prefix + "when %s(p)\n      p must %s(p) or %s(p);" % (self.alert(), act, ban)
                if j % 3 == 0 and j not in excl_families:
                    excl_families.add(j)
                    self.axioms.append("axiom: for each s in states: %s(s) excludes %s(s);" % (act, ban))
            elif kind == "prohibition":
                self.declare(ban, "conduct %s(s: state);" % ban)
                cond = ""
                if self.rng.random() < 0.3:
                    cond = "unless %s(p)\n      " % self.alert()
                text = prefix + cond + "p must not %s(p);" % ban
            elif kind == "permission":
                self.declare(act, "conduct %s(s: state);" % act)
                text = prefix + "p may %s(p);" % act
            elif kind == "upper":
                self.declare(lvl, "quantity %s(s: state) in 0 .. %d;" % (lvl, QUANTITY_MAX))
                text = prefix + "p must %s(p) <= %d;" % (lvl, self.rng.randrange(100, QUANTITY_MAX))
            elif kind == "lower":
                self.declare(lvl, "quantity %s(s: state) in 0 .. %d;" % (lvl, QUANTITY_MAX))
                text = (prefix + "when tension > %d\n      p must %s(p) >= %d;" %
                        (self.rng.randrange(0, 9), lvl, self.rng.randrange(1, 100)))
            else:  # pair: quantified over two states
                self.declare(hlp, "conduct %s(s: state, t: state);" % hlp)
                text = ("for each p in parties, q in states where p != q:\n      when %s(q)\n      "
                        "p must %s(p, q);" % (self.alert(), hlp))
            self.add_clause(treaty, text)

    # -- planted conflicts -----------------------------------------------------
    def overlapping_pair(self):
        """Two different treaties whose parties share at least one profile (so one state)."""
        for _ in range(1000):
            t1, t2 = self.rng.sample(self.treaties, 2)
            if self.profiles_of(t1["parties"]) & self.profiles_of(t2["parties"]):
                return t1, t2
        sys.exit("generate.py: no two treaties share a party; raise --profiles or --institutions")

    def plant(self, i, shape):
        t1, t2 = self.overlapping_pair()
        name = "pc%d" % i
        each = "for each p in parties:\n      "
        precedence = ""
        r = i % 4
        ref1 = (t1["name"], str(len(t1["clauses"]) + 1))
        if r == 1:
            precedence = "\n      specialises %s.%s" % ref1
        elif r == 2:
            precedence = "\n      without prejudice to %s.%s" % ref1
        if shape == "must_vs_must_not":
            self.declare(name, "conduct %s(s: state);" % name)
            c1 = each + "p must %s(p);" % name
            c2 = each + "when %s(p)\n      p must not %s(p)%s;" % (self.alert(), name, precedence)
        elif shape == "excludes_axiom":
            x, y = name + "x", name + "y"
            self.declare(x, "conduct %s(s: state);" % x)
            self.declare(y, "conduct %s(s: state);" % y)
            self.axioms.append("axiom: for each s in states: %s(s) excludes %s(s);" % (x, y))
            c1 = each + "p must %s(p);" % x
            c2 = each + "p must %s(p)%s;" % (y, precedence)
        elif shape == "numeric":
            self.declare(name, "quantity %s(s: state) in 0 .. %d;" % (name, QUANTITY_MAX))
            c1 = each + "p must %s(p) >= %d;" % (name, self.rng.randrange(600, 900))
            c2 = each + "when tension > %d\n      p must %s(p) <= %d%s;" % (
                self.rng.randrange(0, 9), name, self.rng.randrange(100, 500), precedence)
        else:  # pair_must_vs_must_not
            self.declare(name, "conduct %s(s: state, t: state);" % name)
            pair = "for each p in parties, q in states where p != q:\n      "
            c1 = pair + "p must %s(p, q);" % name
            c2 = pair + "when %s(q)\n      p must not %s(p, q)%s;" % (self.alert(), name, precedence)
        a1 = self.add_clause(t1, c1)
        assert a1 == ref1
        a2 = self.add_clause(t2, c2)
        self.expected.append({"kind": "obligation", "shape": shape, "clauses": [list(a1), list(a2)],
                              "resolved_by": ["", "specialises", "without prejudice", ""][r] or None})

    def plant_permission(self, i):
        t1, t2 = self.overlapping_pair()
        name = "pp%d" % i
        self.declare(name, "conduct %s(s: state);" % name)
        a1 = self.add_clause(t1, "for each p in parties:\n      p may %s(p);" % name)
        a2 = self.add_clause(t2, "for each p in parties:\n      when %s(p)\n      p must not %s(p);" %
                             (self.alert(), name))
        self.expected.append({"kind": "permission", "shape": "may_vs_must_not", "clauses": [list(a1), list(a2)],
                              "resolved_by": None})

    # -- output ------------------------------------------------------------------
    def build(self):
        a = self.a
        self.make_treaties()
        planted = a.conflicts + a.permission_conflicts
        background = a.clauses - 2 * planted
        # Interleave: background first per treaty order does not matter to the
        # engine; planted clauses land at the end of their treaties.
        self.background(background)
        for i in range(a.conflicts):
            self.plant(i, PLANTED_SHAPES[i % len(PLANTED_SHAPES)])
        for i in range(a.permission_conflicts):
            self.plant_permission(i)

    def corpus_text(self):
        a = self.a
        out = ["// Generated by bench/generate.py %s -- do not edit." % " ".join(
            ["--clauses %d" % a.clauses, "--states %d" % a.states, "--institutions %d" % a.institutions,
             "--profiles %d" % a.profiles, "--conflicts %d" % a.conflicts,
             "--permission-conflicts %d" % a.permission_conflicts, "--pair-fraction %g" % a.pair_fraction,
             "--seed %d" % a.seed]), ""]
        names = [self.state(i) for i in range(a.states)]
        out.append("state")
        for i in range(0, len(names), 12):
            out.append("  " + ", ".join(names[i:i + 12]) + ("," if i + 12 < len(names) else ";"))
        out.append("institution " + ", ".join(self.inst(k) for k in range(a.institutions)) + ";")
        out.append("")
        for k in range(a.institutions):
            members = [self.state(i) for i in range(a.states) if k in self.profiles[self.state_profile[i]]]
            out.append("membership %s {" % self.inst(k))
            for i in range(0, len(members), 12):
                out.append("  " + ", ".join(members[i:i + 12]) + ";")
            out.append("}")
        out.append("")
        for c in sorted(self.used_alerts):
            out.append("circumstance alert%d(s: state);" % c)
        out.append("circumstance quantity tension in 0 .. 10;")
        out.extend(self.decls)
        out.append("")
        out.extend(self.axioms)
        out.append("")
        for t in self.treaties:
            if not t["clauses"]:
                continue
            parties = " union ".join("members of %s" % self.inst(k) for k in t["parties"])
            head = 'treaty %s "Generated treaty %s" in force %d-01-01\n  parties: %s' % (
                t["name"], t["name"][1:], t["year"], parties)
            if t["prevails"] and any(u["name"] == t["prevails"] and u["clauses"] for u in self.treaties):
                head += "\n  prevails over %s" % t["prevails"]
            out.append(head)
            out.append("{")
            for n, text in enumerate(t["clauses"], 1):
                out.append("  article %d {\n    %s\n  }" % (n, text))
            out.append("}")
            out.append("")
        return "\n".join(out)

    def expect_text(self):
        out = ['// Generated by bench/generate.py: the planted conflicts, for `treatycheck test`.',
               'import "corpus.treaty";', ""]
        for e in self.expected:
            (t1, l1), (t2, l2) = e["clauses"]
            if e["kind"] == "permission":
                out.append("expect permission conflict %s.%s with %s.%s;" % (t1, l1, t2, l2))
            else:
                out.append("expect conflict %s.%s with %s.%s;" % (t1, l1, t2, l2))
        return "\n".join(out) + "\n"


def main(argv):
    a = parse_args(argv)
    corpus = Corpus(a)
    corpus.build()
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "corpus.treaty"), "w", encoding="utf-8") as f:
        f.write(corpus.corpus_text())
    with open(os.path.join(a.out, "expect.treaty"), "w", encoding="utf-8") as f:
        f.write(corpus.expect_text())
    with open(os.path.join(a.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"clauses": a.clauses, "states": a.states, "institutions": a.institutions,
                   "profiles": a.profiles, "seed": a.seed, "planted": corpus.expected}, f, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
