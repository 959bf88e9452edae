#!/usr/bin/env bash
# Interrupts, the wall-clock --timeout, the solver budget and output safety
# (docs/robustness.md):
#  - Ctrl-C (SIGINT) during an analysis stops it within seconds, prints
#    what was settled (open questions as TC3004) and exits non-zero;
#  - --timeout bounds the whole analysis: open questions become TC3003;
#  - an exhausted --rlimit gives unknown (TC3001, exit 3) in every format,
#    with byte-identical output run after run;
#  - an existing -o / --report file is never truncated or half-written by a
#    run that fails, is interrupted twice or is killed.
#
#   bash tests/scripts/test_interrupt.sh BINARY SOURCE_DIR
set -u
binary=${1:?usage: test_interrupt.sh BINARY SOURCE_DIR}
root=${2:?usage: test_interrupt.sh BINARY SOURCE_DIR}
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
root=$(cd "$root" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tc-interrupt.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export NO_COLOR=1
# Job control: without it a non-interactive shell starts background jobs
# with SIGINT ignored, and treatycheck (like every program) keeps an
# ignored SIGINT ignored.
set -m

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
ok() { echo "ok: $*"; }

# A corpus whose full check takes minutes: the bundled 2009 draft with the
# treaties it imports (make demo caps it with --max-rounds for that reason).
long=$root/examples/est-2009-draft.treaty

# elapsed_ms START_NS
elapsed_ms() { echo $((($(date +%s%N) - $1) / 1000000)); }

# --- Ctrl-C --------------------------------------------------------------
"$binary" check --as-of 2024-06-01 "$long" --report json=int.json >int.out 2>int.err &
pid=$!
sleep 3
kill -INT $pid
start=$(date +%s%N)
wait $pid
status=$?
took=$(elapsed_ms "$start")
if [ $status -ne 1 ] && [ $status -ne 3 ]; then
  fail "SIGINT: exit $status, expected 1 or 3 (findings or unknowns): $(head -3 int.err)"
elif [ "$took" -gt 60000 ]; then  # 2 s idle; up to ~35 s on a loaded 2-core machine (docs/robustness.md)
  fail "SIGINT: took ${took} ms to stop"
elif ! grep -q 'error\[TC3004\]: could not settle .*: interrupted' int.out; then
  fail "SIGINT: no open question reported as interrupted (TC3004): $(tail -3 int.out)"
elif ! grep -q '^summary: ' int.out; then
  fail "SIGINT: no summary line: the report was not finished"
elif ! python3 -c 'import json,sys; r=json.load(open("int.json")); assert "TC3004" in json.dumps(r)'; then
  fail "SIGINT: the --report json file is not a whole JSON report with TC3004"
else
  ok "SIGINT stopped the analysis in ${took} ms, exit $status, open questions TC3004, reports written whole"
fi

# Ctrl-C twice: quit at once (130) -- an existing -o file is either left
# as it was or replaced by a whole report, never truncated.
printf 'OLD REPORT\n' >kept.txt
"$binary" check --as-of 2024-06-01 "$long" -o kept.txt >/dev/null 2>twice.err &
pid=$!
sleep 3
kill -INT $pid
sleep 0.05
kill -INT $pid 2>/dev/null
wait $pid
status=$?
if [ $status -eq 130 ] && [ "$(cat kept.txt)" = "OLD REPORT" ]; then
  ok "second SIGINT: exit 130, the existing -o file untouched"
elif [ $status -ne 130 ] && grep -q '^summary: ' kept.txt; then
  ok "second SIGINT came after the report was written: exit $status, -o file whole"
else
  fail "second SIGINT: exit $status and -o file now: $(head -c 200 kept.txt)"
fi

# Killed outright (SIGKILL): the -o file is the old one.
printf 'OLD REPORT\n' >killed.txt
"$binary" check --as-of 2024-06-01 "$long" -o killed.txt --report sarif=killed.sarif >/dev/null 2>&1 &
pid=$!
sleep 2
kill -KILL $pid
wait $pid 2>/dev/null
if [ "$(cat killed.txt)" != "OLD REPORT" ] || [ -e killed.sarif ]; then
  fail "SIGKILL: the -o file was changed or a partial SARIF file exists"
else
  ok "SIGKILL: -o file untouched, no partial SARIF"
fi

# --- output safety on failure -------------------------------------------
printf 'OLD REPORT\n' >failed.txt
printf 'state A;\nconduct c(s: state;\n' >broken.treaty
"$binary" check broken.treaty -o failed.txt --report sarif=failed.txt.sarif >/dev/null 2>&1
status=$?
if [ $status -ne 2 ] || [ "$(cat failed.txt)" != "OLD REPORT" ] || [ -e failed.txt.sarif ]; then
  fail "input error: exit $status (expected 2), or the -o file was changed"
else
  ok "input error: exit 2, existing -o file untouched"
fi
"$binary" check --as-of 2024-06-01 "$root/tests/golden/check/must_vs_must_not.treaty" -o no/such/dir/out.txt >/dev/null 2>nodir.err
status=$?
if [ $status -ne 2 ] || ! grep -q "cannot write 'no/such/dir/out.txt'" nodir.err; then
  fail "unwritable -o: exit $status, expected 2 with 'cannot write': $(head -2 nodir.err)"
else
  ok "unwritable -o: exit 2 with a clear message"
fi
if ls ./*.tmp.* >/dev/null 2>&1; then fail "temporary report files left behind: $(ls ./*.tmp.*)"; fi

# --- wall-clock timeout ----------------------------------------------------
start=$(date +%s%N)
"$binary" check --as-of 2024-06-01 --timeout 3 "$long" >timeout.out 2>timeout.err
status=$?
took=$(elapsed_ms "$start")
if [ $status -ne 1 ] && [ $status -ne 3 ]; then
  fail "--timeout 3: exit $status, expected 1 or 3: $(head -3 timeout.err)"
elif [ "$took" -gt 60000 ]; then
  fail "--timeout 3: took ${took} ms"
elif ! grep -q 'error\[TC3003\]: could not settle .*timeout' timeout.out; then
  fail "--timeout 3: no open question reported as timed out (TC3003): $(tail -3 timeout.out)"
else
  ok "--timeout 3 stopped the analysis after ${took} ms, exit $status, open questions TC3003"
fi

# --- exhausted solver budget, every format, twice ------------------------
input="$root/tests/golden/check/members_of_both.treaty"
for format in text json sarif junit github markdown; do
  for run in 1 2; do
    "$binary" check --as-of 2024-06-01 --rlimit 1000 --format "$format" "$input" >"rlimit.$format.$run" 2>/dev/null
    echo $? >"rlimit.$format.$run.rc"
  done
  if [ "$(cat "rlimit.$format.1.rc")" != 3 ]; then
    fail "--rlimit 1000 --format $format: exit $(cat "rlimit.$format.1.rc"), expected 3"
  elif ! grep -q TC3001 "rlimit.$format.1"; then
    fail "--rlimit 1000 --format $format: the report does not name TC3001"
  elif ! cmp -s "rlimit.$format.1" "rlimit.$format.2" || [ "$(cat "rlimit.$format.2.rc")" != 3 ]; then
    fail "--rlimit 1000 --format $format: two runs differ"
  else
    ok "--rlimit 1000 --format $format: unknown (TC3001), exit 3, identical twice"
  fi
done

if [ $failures -gt 0 ]; then
  echo "$failures interrupt/limit case(s) FAILED" >&2
  exit 1
fi
echo "all interrupt, timeout, budget and output-safety cases passed"
