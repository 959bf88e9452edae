#!/usr/bin/env bash
# Bench corpora as a differential test (issue 7): on small corpora from
# bench/generate.py,
#   1. the planted conflicts are found, each as the right kind, and nothing
#      else is reported as a conflict (the background is conflict-free by
#      construction);
#   2. the default strategy and `--strategy naive` report the same findings
#      (id, code and clauses of every finding of the JSON report);
#   3. `treatycheck test` passes the generated expect statements.
# No timing is asserted; each run has a generous timeout only so that a hang
# fails the test instead of blocking the suite.
#
#   tests/scripts/test_bench_agree.sh BINARY [ROOT]
set -u
BIN=${1:?usage: test_bench_agree.sh BINARY [ROOT]}
ROOT=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
LIMIT=${BENCH_AGREE_LIMIT:-300}
cd "$ROOT" || exit 2
export NO_COLOR=1 TZ=UTC
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passed=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# compare EXPECTED_JSON DEFAULT_JSON NAIVE_JSON: prints problems, exits 1 on any.
compare() {
  python3 - "$@" <<'EOF'
import json, sys
expected = json.load(open(sys.argv[1]))["planted"]
reports = {name: json.load(open(path)) for name, path in (("default", sys.argv[2]), ("naive", sys.argv[3]))}
KIND = {"TC2001": "obligation", "TC2002": "obligation", "TC2101": "permission", "TC2102": "permission"}
bad = []

def key(f):
    return (f.get("id"), f.get("code"), tuple(sorted((c["treaty"], c["article"]) for c in f.get("clauses", []))))

for name, report in reports.items():
    found = {}
    for f in report.get("findings", []):
        if f.get("code") in KIND:
            pair = frozenset((c["treaty"], c["article"]) for c in f.get("clauses", []))
            found.setdefault(pair, set()).add(KIND[f["code"]])
        elif f.get("severity") == "error" or f.get("code", "").startswith(("TC3", "TC4")):
            bad.append("%s: unexpected %s finding: %s" % (name, f.get("code"), f.get("message")))
    planted = {frozenset(map(tuple, e["clauses"])): e["kind"] for e in expected}
    for pair, kind in sorted(planted.items(), key=str):
        if kind not in found.get(pair, set()):
            bad.append("%s: planted %s conflict %s not found (found: %s)" % (name, kind, sorted(pair), sorted(found.get(pair, []))))
    for pair in sorted(set(found) - set(planted), key=str):
        bad.append("%s: conflict %s was not planted" % (name, sorted(pair)))
d, n = (sorted(key(f) for f in reports[s].get("findings", [])) for s in ("default", "naive"))
if d != n:
    bad.append("default and naive strategies disagree:\n  only default: %s\n  only naive: %s"
               % (sorted(set(d) - set(n)), sorted(set(n) - set(d))))
if not expected:
    bad.append("the generator planted nothing: this corpus tests nothing")
for b in bad:
    print("   ", b)
print("    %d planted, %d findings (default), %d findings (naive)" % (len(expected), len(d), len(n)))
sys.exit(1 if bad else 0)
EOF
}

# corpus NAME GENERATOR-ARGS...
corpus() {
  local name=$1
  shift
  local dir="$WORK/$name"
  if ! python3 bench/generate.py "$dir" "$@" >"$WORK/$name.gen" 2>&1; then
    fail "$name: generator failed: $(head -c 300 "$WORK/$name.gen")"
    return
  fi
  if ! "$BIN" validate "$dir/corpus.treaty" "$dir/expect.treaty" >"$WORK/$name.validate" 2>&1; then
    fail "$name: the generated corpus does not validate:"
    head -20 "$WORK/$name.validate"
    return
  fi
  local strategy rc
  for strategy in default naive; do
    timeout "$LIMIT" "$BIN" check "$dir/corpus.treaty" --as-of 2024-06-01 --strategy "$strategy" \
      --format json >"$dir/$strategy.json" 2>"$dir/$strategy.err"
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
      fail "$name: check --strategy $strategy exited $rc: $(head -c 300 "$dir/$strategy.err")"
      return
    fi
  done
  if ! compare "$dir/expected.json" "$dir/default.json" "$dir/naive.json" >"$WORK/$name.cmp" 2>&1; then
    fail "$name ($*):"
    cat "$WORK/$name.cmp"
    return
  fi
  timeout "$LIMIT" "$BIN" test "$dir/expect.treaty" --as-of 2024-06-01 >"$WORK/$name.test" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: treatycheck test of the planted expectations exited $rc:"
    grep -v '^PASS' "$WORK/$name.test" | head -20
    return
  fi
  passed=$((passed + 1))
  echo "ok   $name: $(tail -1 "$WORK/$name.cmp" | sed 's/^ *//')"
}

# Classes of 4-5 interchangeable states (3 profiles, 14 states), so that the
# symmetry reduction of the default strategy really drops states.
corpus every_shape --clauses 40 --states 14 --institutions 3 --profiles 3 --conflicts 4 --permission-conflicts 1 --seed 1
corpus more_treaties --clauses 60 --states 14 --institutions 4 --profiles 3 --conflicts 5 --seed 2
corpus pairs --clauses 30 --states 12 --institutions 3 --profiles 3 --conflicts 4 --pair-fraction 0.3 --seed 3

echo "bench agreement: $passed passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$passed" -gt 0 ]
