#!/usr/bin/env bash
# Stable finding ids, baselines and `treatycheck diff`, end to end:
#   1. ids survive reformatting, reordering articles and treaties, renaming
#      variables, shifting lines, and edits elsewhere in the file;
#   2. --write-baseline writes sorted, commented ids atomically; --baseline
#      leaves those findings out, decides the exit status on the rest, and
#      reports stale entries; --baseline F --write-baseline F only prunes;
#   3. diff of two files, of two directories, with --with, in every format
#      (SARIF validated against the schema), exit 1 only when the new
#      revision introduces a finding at or above --fail-on;
#   4. -o writes atomically: a failed write leaves nothing behind.
#
#   bash tests/scripts/test_baseline_diff.sh BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
python=/usr/bin/python3
"$python" -c "import jsonschema" 2>/dev/null || python=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export NO_COLOR=1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
tc() { "$binary" "$1" --as-of 2024-06-01 "${@:2}"; }

# ids FILE...: the sorted finding ids of a check, one per line.
ids() {
  tc check --format json "$@" | "$python" -c '
import json, sys
print("\n".join(sorted(f["id"] for f in json.load(sys.stdin)["findings"])))'
}
# field JSON_FILE EXPR: evaluates a Python expression over the report `r`.
field() { "$python" -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
expect_exit() {  # expect_exit WANT DESCRIPTION COMMAND...
  local want=$1 what=$2
  shift 2
  "$@" >/dev/null 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, wanted $want ($(head -c 300 "$work/stderr"))"
}

cat > corpus.treaty <<'T'
state A, B, C;
institution NATO;
membership NATO { A since 2000-01-01; B since 2010-01-01; }
circumstance armed_attack(attacker: state, victim: state);
circumstance unsc_has_acted(victim: state);
conduct assist(helper: state, victim: state);
conduct affects(p: state, q: state);
conduct host_forces(host: state, from: state);
conduct notify(s: state);
axiom "no self-attack": for each s in states: not armed_attack(s, s);
axiom "assisting the victim affects the attacker": for each h, a, v in states: armed_attack(a, v) and assist(h, v) implies affects(h, a);
treaty NAT "North Atlantic Treaty" in force 1949-08-24 parties: members of NATO {
  article 5 "Collective defence" { for each p, q in parties where p != q: when exists a in states: armed_attack(a, q) unless unsc_has_acted(q) p must assist(p, q); }
  article 6 { for each p, q in parties where p != q: p may host_forces(p, q); }
}
T
mkdir -p v1 reformatted edited v3 v4
cp corpus.treaty v1/ && cp corpus.treaty reformatted/ && cp corpus.treaty edited/ && cp corpus.treaty v3/ && cp corpus.treaty v4/
# v1: EST 2(1) conflicts with NAT 5 (error); EST 3 blocks NAT 6's permission (warning).
cat > v1/draft.treaty <<'T'
import "corpus.treaty";
treaty EST "Draft" draft 2009-11-29 parties: states {
  article 2(1) { for each p, q in parties where p != q: p must not affects(p, q); }
  article 3 { for each p, q in parties where p != q: p must not host_forces(p, q); }
  article 4 { for each p in parties: p must notify(p); }
}
T
# The same draft reformatted: lines shifted by comments, articles reordered,
# clauses broken over lines, variables renamed.
cat > reformatted/draft.treaty <<'T'
// A reformatted copy of the draft.
// Its articles come in another order
// and its clauses are laid out differently.

import "corpus.treaty";

treaty EST "Draft" draft 2009-11-29 parties: states {
  article 4 {
    for each s in parties:
      s must notify(s);
  }
  article 3 {
    for each x, y in parties where x != y:
      x must not host_forces(x, y);
  }
  article 2(1) {
    for each p, q in parties
      where p != q:
        p must not affects(p, q);
  }
}
T
# Edits elsewhere: a new harmless article and a changed harmless clause.
cat > edited/draft.treaty <<'T'
import "corpus.treaty";
treaty EST "Draft, second reading" draft 2009-12-15 parties: states {
  article 1 "Purpose" { for each p in parties: p must notify(p); }
  article 2(1) { for each p, q in parties where p != q: p must not affects(p, q); }
  article 3 { for each p, q in parties where p != q: p must not host_forces(p, q); }
  article 4 { for each p in parties where p != C: p must notify(p); }
}
T
# v3: v1 plus article 5, which contradicts article 4 (a new error).
sed 's|^}$|  article 5 { for each p in parties: p must not notify(p); }\n}|' v1/draft.treaty > v3/draft.treaty
# v4: v1 without article 3 (the permission conflict is gone).
grep -v 'article 3 ' v1/draft.treaty > v4/draft.treaty

# ---------------------------------------------------------------- 1. stable ids
ids v1/draft.treaty > ids.v1
[ "$(wc -l < ids.v1)" -eq 2 ] || fail "v1 should have 2 findings, has: $(cat ids.v1)"
for variant in reformatted edited; do
  ids $variant/draft.treaty > ids.$variant
  cmp -s ids.v1 ids.$variant || fail "ids changed in $variant: $(diff ids.v1 ids.$variant | tr '\n' ' ')"
done
tc check --format json v1/draft.treaty > v1.json
tc check --format json reformatted/draft.treaty > reformatted.json
[ "$(field v1.json 'r["findings"][0]["clauses"][0]["location"]["line"]')" != \
  "$(field reformatted.json 'r["findings"][0]["clauses"][0]["location"]["line"]')" ] ||
  fail "the reformatted draft should move the clauses to other lines"
ids v3/draft.treaty > ids.v3
[ "$(comm -23 ids.v3 ids.v1 | wc -l)" -eq 1 ] && [ "$(comm -13 ids.v3 ids.v1 | wc -l)" -eq 0 ] ||
  fail "v3 should keep v1's ids and add one"

# ---------------------------------------------------------------- 2. baselines
expect_exit 1 "check v1 without baseline" tc check v1/draft.treaty
expect_exit 1 "write the baseline (exit status as usual)" tc check --write-baseline baseline.txt v1/draft.treaty
grep -v '^#' baseline.txt | sed 's/ .*//' > baseline.ids
cmp -s baseline.ids ids.v1 || fail "baseline ids differ from the findings: $(cat baseline.txt)"
sort -c baseline.ids || fail "baseline not sorted"
grep -q '^TC2001-[0-9a-f]\{8\}  # EST Art 2(1) / NAT Art 5$' baseline.txt || fail "baseline lines lack the clause comment: $(cat baseline.txt)"
ls | grep -q '\.tmp\.' && fail "a temporary file was left behind"
expect_exit 0 "v1 against its baseline" tc check --baseline baseline.txt v1/draft.treaty
tc check --baseline baseline.txt --format json v1/draft.treaty > b1.json
[ "$(field b1.json 'len(r["findings"]), len(r["baseline"]["suppressed"]), len(r["baseline"]["stale"]), r["verdict"]')" = \
  "(0, 2, 0, 'consistent')" ] || fail "baseline report of v1: $(field b1.json 'r["baseline"]')"
expect_exit 0 "reformatted draft against the baseline" tc check --baseline baseline.txt reformatted/draft.treaty
expect_exit 1 "a new conflict is not in the baseline" tc check --baseline baseline.txt v3/draft.treaty
tc check --baseline baseline.txt --format json v3/draft.treaty > b3.json
[ "$(field b3.json '[f["id"] for f in r["findings"]]')" = "['$(comm -23 ids.v3 ids.v1)']" ] ||
  fail "only the new finding should be reported: $(field b3.json '[f["id"] for f in r["findings"]]')"
expect_exit 0 "a resolved finding leaves a stale entry, exit 0" tc check --baseline baseline.txt v4/draft.treaty
tc check --baseline baseline.txt --format json v4/draft.treaty > b4.json
stale=$(field b4.json '[e["id"] for e in r["baseline"]["stale"]]')
[ "$stale" = "['$(comm -23 ids.v1 <(ids v4/draft.treaty))']" ] || fail "stale entries of v4: $stale"
tc check --baseline baseline.txt v4/draft.treaty | grep -q "note: stale baseline entry" || fail "text report lacks the stale note"
for fmt in sarif junit github markdown; do
  tc check --baseline baseline.txt --format $fmt v4/draft.treaty > stale.$fmt
  grep -q "$(echo "$stale" | tr -d "[]'")" stale.$fmt || fail "$fmt report does not name the stale entry"
done
# Prune: with --baseline of the same file, --write-baseline drops stale entries and adds nothing.
cp baseline.txt pruned.txt
sed 's|^}$|  article 5 { for each p in parties: p must not notify(p); }\n}|' v4/draft.treaty > v4/draft5.treaty
tc check --baseline pruned.txt --write-baseline pruned.txt v4/draft5.treaty >/dev/null
[ "$(grep -v '^#' pruned.txt | sed 's/ .*//')" = "$(comm -12 ids.v1 <(ids v4/draft.treaty))" ] ||
  fail "pruning should keep only the entries that still match: $(cat pruned.txt)"
printf 'TC2001-0000000\n' > bad.txt
expect_exit 2 "a malformed baseline" tc check --baseline bad.txt v1/draft.treaty

# ---------------------------------------------------------------- 3. diff
expect_exit 1 "diff v1 v3 introduces a conflict" tc diff v1/draft.treaty v3/draft.treaty
expect_exit 0 "diff v3 v1 only resolves" tc diff v3/draft.treaty v1/draft.treaty
expect_exit 0 "diff of a reformatting" tc diff v1/draft.treaty reformatted/draft.treaty
expect_exit 1 "diff of two directories" tc diff v1 v3
tc diff --format json v1 v3 > d.json
[ "$(field d.json 'r["changes"]["introduced"], r["changes"]["resolved"], r["changes"]["unchanged"], r["exit_code"]')" = "(1, 0, 2, 1)" ] ||
  fail "diff v1 v3 changes: $(field d.json 'r["changes"]')"
tc diff --format json v1/draft.treaty reformatted/draft.treaty > same.json
[ "$(field same.json 'r["changes"]')" = "{'introduced': 0, 'resolved': 0, 'unchanged': 2}" ] ||
  fail "a reformatting changed findings: $(field same.json 'r["changes"]')"
# Only a warning introduced: exit 0 with --fail-on error, 1 with --fail-on warning.
expect_exit 0 "diff v4 v1 introduces a warning (fail-on error)" tc diff v4/draft.treaty v1/draft.treaty
expect_exit 1 "diff v4 v1 introduces a warning (fail-on warning)" tc diff --fail-on warning v4/draft.treaty v1/draft.treaty
# --with: drafts without imports, the corpus given once for both.
mkdir -p with_old with_new
grep -v '^import' v1/draft.treaty > with_old/draft.treaty
grep -v '^import' v3/draft.treaty > with_new/draft.treaty
expect_exit 1 "diff --with" tc diff with_old/draft.treaty with_new/draft.treaty --with corpus.treaty
tc diff --format json with_old/draft.treaty with_new/draft.treaty --with corpus.treaty > w.json
[ "$(field w.json 'r["changes"]["introduced"]')" = 1 ] || fail "diff --with: $(field w.json 'r["changes"]')"
expect_exit 2 "diff of a file and a directory" tc diff v1 v3/draft.treaty
# Every format, the SARIF validated.
for fmt in text json sarif junit github markdown; do
  tc diff --format $fmt -o diff.$fmt v1 v3 >stdout.$fmt
  [ -s diff.$fmt ] || fail "diff --format $fmt wrote nothing"
  [ -s stdout.$fmt ] && fail "diff --format $fmt -o wrote to stdout too"
done
"$python" -m jsonschema -i diff.sarif "$source_dir/tests/schemas/sarif-schema-2.1.0.json" || fail "diff SARIF does not validate"
"$python" -m jsonschema -i diff.json "$source_dir/docs/treatycheck.schema.json" || fail "diff JSON does not validate"
"$python" -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); assert r.get("failures") == "1", r.attrib' diff.junit ||
  fail "diff JUnit should parse and hold one failure"
[ "$(grep -c '^::error ' diff.github)" -eq 1 ] || fail "diff github: one annotation for the introduced error: $(cat diff.github)"
grep -v '^::' diff.github && fail "diff github output has lines that are not workflow commands"
grep -q '^#### Introduced' diff.markdown || fail "diff markdown lacks the introduced section"
"$python" - diff.sarif <<'PY' || fail "diff SARIF baselineState"
import json, sys
states = sorted(r["baselineState"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"])
assert states == ["new", "unchanged", "unchanged"], states
PY

# ---------------------------------------------------------------- 4. atomic -o
echo "old report" > keep.json
expect_exit 2 "-o into a missing directory" tc check --format json -o missing/dir/report.json v1/draft.treaty
expect_exit 2 "an unreadable input keeps the old report" tc check --format json -o keep.json no-such-file.treaty
[ "$(cat keep.json)" = "old report" ] || fail "a failed run replaced the old report"
ls | grep -q '\.tmp\.' && fail "a temporary file was left behind"

if [ "$failures" -ne 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "baseline and diff: all passed"
