#!/usr/bin/env bash
# Determinism of `treatycheck check`: the same input gives byte-identical
# output (semantics.md 7, issue 3 "Determinism").
#
#   tests/scripts/test_determinism.sh BINARY [ROOT]
#
# 1. Repetition. Every input below is checked RUNS times (default 10); the
#    stdout of every run must be byte-identical to the first, and so must
#    the exit status. Inputs: a selection of tests/golden/check/*.treaty
#    (conflicts with witnesses, permission conflicts, precedence, numeric
#    witnesses, unknown under --rlimit), a corpus split over three files,
#    and every examples/**/*.treaty whose first check finishes within
#    EXAMPLE_LIMIT seconds (default 60; slower examples are skipped with a
#    note, so the test stays usable on a laptop).
# 2. File order. A corpus split over several files is checked with the
#    files in every order (and spelled with and without a leading ./): the
#    whole stdout must be byte-identical in every order -- the lead clause
#    and its location, the order of the "then:" lines, the representative
#    instance, the witness, the parties caught and the counts -- and so
#    must the exit status. A finding-level comparison (ids, verdicts,
#    summary) is printed first when they differ, to make a failure easy to
#    read.
#
# 3. Identity. _ids_reformatted.treaty is _ids_original.treaty with its
#    declarations, treaties, articles and party lists reordered and its
#    layout changed: the finding ids must be the same.
#
# Environment: RUNS, EXAMPLE_LIMIT, JOBS (parallel runs, default nproc).
set -u
BIN=${1:?usage: test_determinism.sh BINARY [ROOT]}
ROOT=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
RUNS=${RUNS:-10}
EXAMPLE_LIMIT=${EXAMPLE_LIMIT:-60}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
AS_OF=2024-06-01
cd "$ROOT" || exit 2
export NO_COLOR=1 TZ=UTC
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
checked=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run_once OUT_PREFIX ARGS... : stdout to OUT_PREFIX.out, exit status to OUT_PREFIX.rc
run_once() {
  local prefix=$1
  shift
  "$BIN" check --as-of "$AS_OF" "$@" >"$prefix.out" 2>"$prefix.err"
  echo $? >"$prefix.rc"
}
export -f run_once
export BIN AS_OF

# repeat NAME ARGS... : RUNS runs (JOBS at a time) must agree byte for byte.
repeat() {
  local name=$1
  shift
  local dir="$WORK/$name"
  mkdir -p "$dir"
  seq 1 "$RUNS" | xargs -P "$JOBS" -I{} bash -c 'run_once "$0/{}" "${@}"' "$dir" "$@"
  local first_rc
  first_rc=$(cat "$dir/1.rc")
  if [ "$first_rc" -ge 4 ]; then
    fail "$name: exit status $first_rc (internal error): $(head -c 300 "$dir/1.err")"
    return
  fi
  if [ "$first_rc" -eq 2 ]; then
    fail "$name: exit status 2 (input error): $(head -c 300 "$dir/1.err")"
    return
  fi
  local i
  for i in $(seq 2 "$RUNS"); do
    if ! cmp -s "$dir/1.out" "$dir/$i.out"; then
      fail "$name: run $i differs from run 1"
      diff "$dir/1.out" "$dir/$i.out" | head -20
      return
    fi
    if [ "$(cat "$dir/$i.rc")" != "$first_rc" ]; then
      fail "$name: run $i exited $(cat "$dir/$i.rc"), run 1 exited $first_rc"
      return
    fi
  done
  checked=$((checked + 1))
  echo "ok   $name: $RUNS identical runs (exit $first_rc, $(wc -c <"$dir/1.out") bytes)"
}

# --- 1. repetition -------------------------------------------------------
G=tests/golden/check
for t in must_vs_must_not members_of_both minimal_sets permission_conflict permission_needs_compliable_set \
         precedence_without_prejudice price_reduction accession_after ruled_out_without_axiom; do
  if [ -f "$G/$t.treaty" ]; then
    repeat "$t" "$G/$t.treaty"
  else
    fail "missing input $G/$t.treaty"
  fi
done
repeat "unknown_rlimit_1000" --rlimit 1000 "$G/members_of_both.treaty"
repeat "split_corpus" "$G/_split_vocabulary.treaty" "$G/_split_first.treaty" "$G/_split_second.treaty"

if [ -d examples ]; then
  while IFS= read -r example; do
    start=$(date +%s)
    timeout "$EXAMPLE_LIMIT" "$BIN" check --as-of "$AS_OF" "$example" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq 124 ]; then
      echo "skip $example: the first check took longer than ${EXAMPLE_LIMIT}s"
      continue
    fi
    echo "     $example: first check $(($(date +%s) - start))s, exit $rc"
    repeat "example:$(echo "$example" | tr '/' '_')" "$example"
  done < <(find examples -name '*.treaty' | LC_ALL=C sort)
fi

# --- 2. file order -------------------------------------------------------
# The stable part of a report: headline codes and ids, in order, and the summary.
stable_part() {
  grep -E '^[^ ].*: (error|warning|note)\[TC[0-9]+\]|^  id: |^summary: ' "$1" |
    sed -E 's/^[^ ]*\.treaty:[0-9]+:[0-9]+: //; s/: .* cannot be complied with.*$/: (clauses)/; s/: .* permission cannot be used.*$/: (permission)/'
}

order_check() {
  local name=$1
  shift
  local files=("$@")
  local dir="$WORK/order_$name"
  mkdir -p "$dir"
  local n=0
  local perms
  perms=$(python3 -c 'import itertools,sys; [print(" ".join(p)) for p in itertools.permutations(sys.argv[1:])]' "${files[@]}")
  while IFS= read -r perm; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    run_once "$dir/$n" $perm
  done <<<"$perms"
  local ok=1 i
  stable_part "$dir/1.out" >"$dir/1.stable"
  for i in $(seq 2 "$n"); do
    stable_part "$dir/$i.out" >"$dir/$i.stable"
    if ! cmp -s "$dir/1.stable" "$dir/$i.stable" || [ "$(cat "$dir/$i.rc")" != "$(cat "$dir/1.rc")" ]; then
      fail "$name: the findings depend on the order of the files (order $i: $(sed -n "${i}p" <<<"$perms"))"
      diff "$dir/1.stable" "$dir/$i.stable" | head -20
      ok=0
      break
    fi
    if ! cmp -s "$dir/1.out" "$dir/$i.out"; then
      fail "$name: the report is not byte-identical in file order $i: $(sed -n "${i}p" <<<"$perms")"
      diff "$dir/1.out" "$dir/$i.out" | head -20
      ok=0
      break
    fi
  done
  if [ $ok = 1 ]; then
    checked=$((checked + 1))
    echo "ok   $name: $n file orders agree"
  fi
}

# --- 3. reordering and reformatting the source keeps the ids -------------
ids_of() { grep -E '^  id: ' "$1" | sed -E 's/^  id: +([^ ]+).*/\1/' | LC_ALL=C sort; }
run_once "$WORK/ids_original" "$G/_ids_original.treaty"
run_once "$WORK/ids_reformatted" "$G/_ids_reformatted.treaty"
ids_of "$WORK/ids_original.out" >"$WORK/ids_original.ids"
ids_of "$WORK/ids_reformatted.out" >"$WORK/ids_reformatted.ids"
if [ ! -s "$WORK/ids_original.ids" ]; then
  fail "ids: _ids_original.treaty gave no finding"
elif ! cmp -s "$WORK/ids_original.ids" "$WORK/ids_reformatted.ids"; then
  fail "ids: reordering and reformatting the source changed the finding ids"
  diff "$WORK/ids_original.ids" "$WORK/ids_reformatted.ids"
else
  checked=$((checked + 1))
  echo "ok   ids: $(wc -l <"$WORK/ids_original.ids") finding ids unchanged by reordering and reformatting"
fi

order_check split_corpus "$G/_split_vocabulary.treaty" "$G/_split_first.treaty" "$G/_split_second.treaty"
order_check split_corpus_spelling "./$G/_split_vocabulary.treaty" "$G/_split_first.treaty" "./$G/_split_second.treaty"
order_check accession "$G/_accession.treaty" "$G/accession_after.treaty"

echo "determinism: $checked passed, $failures failed"
[ "$failures" -eq 0 ]
