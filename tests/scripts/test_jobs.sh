#!/usr/bin/env bash
# `--jobs N` (issue 7) and its determinism (issue 8): the report does not
# depend on the number of worker threads.
#
#   tests/scripts/test_jobs.sh BINARY [ROOT]
#
# 1. Several goldens with many independent searches (components and
#    permission searches), each checked with --jobs 1, 2 and 3 in text and
#    JSON: stdout and the exit status must be byte-identical.
# 2. A bench corpus (bench/generate.py, small) in JSON, --jobs 1 against
#    --jobs 2: byte-identical, and it has findings (so the test can fail).
# 3. --stats says how many workers ran, and --jobs 2 really used two.
# 4. --timeout stops every worker: a corpus whose searches cannot finish
#    in time, with --jobs 2, ends promptly with exit 3 and TC3003.
# No timing is asserted beyond the generous bound of 4.
set -u
BIN=${1:?usage: test_jobs.sh BINARY [ROOT]}
ROOT=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
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

# same NAME ARGS... : --jobs 1, 2 and 3 give the same stdout and exit status.
same() {
  local name=$1
  shift
  local j
  for j in 1 2 3; do
    "$BIN" check --as-of 2024-06-01 --jobs "$j" "$@" >"$WORK/$name.$j.out" 2>"$WORK/$name.$j.err"
    echo $? >"$WORK/$name.$j.rc"
  done
  if [ "$(cat "$WORK/$name.1.rc")" -ge 2 ] && [ "$(cat "$WORK/$name.1.rc")" -ne 3 ]; then
    fail "$name: exit status $(cat "$WORK/$name.1.rc"): $(head -c 300 "$WORK/$name.1.err")"
    return
  fi
  for j in 2 3; do
    if ! cmp -s "$WORK/$name.1.out" "$WORK/$name.$j.out" || ! cmp -s "$WORK/$name.1.rc" "$WORK/$name.$j.rc"; then
      fail "$name: --jobs $j differs from --jobs 1"
      diff "$WORK/$name.1.out" "$WORK/$name.$j.out" | head -20
      return
    fi
  done
  passed=$((passed + 1))
  echo "ok   $name: --jobs 1, 2, 3 identical (exit $(cat "$WORK/$name.1.rc"), $(wc -c <"$WORK/$name.1.out") bytes)"
}

G=tests/golden/check
for t in permission_conflict members_of_both minimal_sets precedence_without_prejudice price_reduction; do
  if [ -f "$G/$t.treaty" ]; then
    same "$t" "$G/$t.treaty"
    same "$t.json" --format json "$G/$t.treaty"
  else
    fail "missing input $G/$t.treaty"
  fi
done
same "split_corpus" "$G/_split_vocabulary.treaty" "$G/_split_first.treaty" "$G/_split_second.treaty"

# --- 2. a bench corpus ---------------------------------------------------
if python3 bench/generate.py "$WORK/bench" --clauses 60 --states 14 --institutions 4 --profiles 3 --conflicts 5 \
     --permission-conflicts 2 --seed 4 >"$WORK/gen.log" 2>&1; then
  same "bench" --format json "$WORK/bench/corpus.treaty"
  if ! grep -q '"code": "TC2' "$WORK/bench.1.out"; then
    fail "bench: the corpus gave no conflict, so the comparison tests little"
  fi
else
  fail "bench/generate.py failed: $(head -c 300 "$WORK/gen.log")"
fi

# --- 3. --stats reports the workers --------------------------------------
"$BIN" check --as-of 2024-06-01 --jobs 2 --stats "$WORK/bench/corpus.treaty" >/dev/null 2>"$WORK/stats.err"
if grep -qE 'searches on 2 workers' "$WORK/stats.err"; then
  passed=$((passed + 1))
  echo "ok   stats: $(grep -oE '[0-9]+ searches on [0-9]+ workers?' "$WORK/stats.err")"
else
  fail "--jobs 2 --stats does not report two workers: $(grep '^stats:' "$WORK/stats.err" | head -1)"
fi

# --- 4. --timeout stops every worker -------------------------------------
# Obligations over pairs of states in a world that cannot be reduced (the
# naive strategy), with an unlimited budget: far more than a second of work.
if python3 bench/generate.py "$WORK/slow" --clauses 400 --states 40 --institutions 6 --conflicts 6 \
     --permission-conflicts 3 --pair-fraction 0.3 --seed 5 >"$WORK/gen-slow.log" 2>&1; then
  start=$(date +%s)
  timeout 120 "$BIN" check --as-of 2024-06-01 --jobs 2 --strategy naive --rlimit 0 --timeout 1 \
    "$WORK/slow/corpus.treaty" >"$WORK/slow.out" 2>"$WORK/slow.err"
  rc=$?
  took=$(($(date +%s) - start))
  if [ "$rc" -eq 124 ]; then
    fail "--timeout 1 --jobs 2: still running after 120 s"
  elif ! grep -q 'TC3003' "$WORK/slow.out"; then
    # A machine fast enough to finish in a second has nothing to stop.
    echo "note --timeout: the corpus finished within the limit (exit $rc, ${took}s); nothing to stop"
  elif [ "$rc" -ne 3 ] && [ "$rc" -ne 1 ]; then
    fail "--timeout 1 --jobs 2: exit $rc (expected 3, or 1 with a conflict settled before the stop)"
  elif [ "$took" -gt 60 ]; then
    fail "--timeout 1 --jobs 2: took ${took}s to stop"
  else
    passed=$((passed + 1))
    echo "ok   timeout: --jobs 2 stopped after ${took}s with TC3003 (exit $rc)"
  fi
else
  fail "bench/generate.py failed: $(head -c 300 "$WORK/gen-slow.log")"
fi

echo "jobs: $passed passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$passed" -gt 0 ]
