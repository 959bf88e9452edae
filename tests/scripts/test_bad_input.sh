#!/usr/bin/env bash
# Bad input never crashes or hangs treatycheck: each case must exit 2 (input
# error) with a clear message, within 60 seconds; large valid input is
# answered within a time and memory bound (`works`). The committed hostile
# inputs are in tests/hostile/ (see its README). The inputs are generated
# here, in a temporary directory, so nothing large lives in the repository.
#
#   bash tests/scripts/test_bad_input.sh BINARY SOURCE_DIR
set -u

binary=${1:?usage: test_bad_input.sh BINARY SOURCE_DIR}
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
work=$(mktemp -d "${TMPDIR:-/tmp}/tc-bad-input.XXXXXX")
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1

# A sanitized build (TC_SANITIZED=1, set by tests/CMakeLists.txt) runs
# several times slower: its time limits are scaled, not dropped.
slowdown=1
if [ "${TC_SANITIZED:-0}" = 1 ]; then slowdown=4; fi

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# check NAME CODE PATTERN ARGS...: runs `treatycheck validate ARGS`, expects
# exit 2 and stderr matching PATTERN (an extended regular expression) and
# containing error[CODE].
check() {
  local name=$1 code=$2 pattern=$3
  shift 3
  local status
  timeout $((60 * slowdown)) "$binary" validate "$@" >"$name.out" 2>"$name.err"
  status=$?
  if [ "$status" -eq 124 ]; then
    fail "$name: no answer within 60 seconds (hang?)"
  elif [ "$status" -ge 128 ]; then
    fail "$name: crashed with exit $status (signal $((status - 128)))"
    tail -5 "$name.err" >&2
  elif [ "$status" -ne 2 ]; then
    fail "$name: exit $status, expected 2"
    head -5 "$name.err" >&2
  elif ! grep -q "error\[$code\]" "$name.err"; then
    fail "$name: no error[$code] in the output:"
    head -5 "$name.err" >&2
  elif ! head -1 "$name.err" | grep -Eq "$pattern"; then
    fail "$name: first line does not match /$pattern/:"
    head -1 "$name.err" | cut -c1-300 >&2
  elif [ "$(wc -c <"$name.err")" -gt 20000 ]; then
    fail "$name: $(wc -c <"$name.err") bytes of diagnostics: the output must stay short"
  else
    echo "ok: $name ($(head -1 "$name.err" | cut -c1-120))"
  fi
}

located='^[^ ]+\.treaty:[0-9]+:[0-9]+: error\['

# 1 MB of random bytes (seeded, so a failure can be reproduced).
python3 -c '
import random, sys
random.seed(20091129)
sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(1 << 20)))' >garbage.treaty
check garbage 'TC000[56]' "$located" garbage.treaty

# 10,000 levels of parentheses: diagnosed before the recursive parser runs.
python3 -c 'print("circumstance a;\ndefine d := " + "(" * 10000 + "a" + ")" * 10000 + ";")' >nested.treaty
check nested TC0014 "$located" nested.treaty

# 10,000 nested braces, 'not's and minus signs.
python3 -c 'print("treaty T { " + "article 1 { " * 10000)' >braces.treaty
check braces TC0014 "$located" braces.treaty
python3 -c 'print("define d := " + "not " * 10000 + "a;")' >nots.treaty
check nots TC0014 "$located" nots.treaty

# A 1 MB line whose error is at its very end: the snippet is cut, not printed whole.
python3 -c 'print("state " + ", ".join("S%d" % i for i in range(120000)) + " oops;")' >longline.treaty
check longline TC0010 "$located" longline.treaty

# 50 MB of declarations: more tokens than the limit of 5,000,000.
python3 -c '
import sys
sys.stdout.write("state A;\n" * (50 * 1024 * 1024 // 9))' >big.treaty
check big TC0018 "$located" big.treaty

# 65 MB (sparse): over the file size limit, refused before reading.
truncate -s 65M huge.treaty
check huge TC0004 "^<command line>: error\[TC0004\]: .*huge\.treaty" huge.treaty

# A directory, a missing file, an unreadable file.
mkdir adir
check directory TC0002 "^<command line>: error\[TC0002\]: cannot read 'adir': it is a directory" adir
check missing TC0001 "^<command line>: error\[TC0001\]: cannot read 'nope\.treaty': no such file" nope.treaty
echo 'state A;' >unreadable.treaty
chmod 000 unreadable.treaty
if [ -r unreadable.treaty ]; then
  echo "skip: unreadable file (running as root: chmod 000 does not stop root from reading)"
else
  check unreadable TC0003 "^<command line>: error\[TC0003\]: cannot read 'unreadable\.treaty'" unreadable.treaty
fi

# Special files: a device, a FIFO (opening it would block), and a file
# that exists but fails to read even for root (/proc/self/mem).
check devzero TC0002 "^<command line>: error\[TC0002\]: cannot read '/dev/zero': it is not a regular file" /dev/zero
mkfifo fifo.treaty
check fifo TC0002 "^<command line>: error\[TC0002\]: cannot read 'fifo\.treaty': it is not a regular file" fifo.treaty
if [ -e /proc/self/mem ]; then
  check procmem TC0003 "^<command line>: error\[TC0003\]: cannot read '/proc/self/mem': it cannot be read" /proc/self/mem
fi

# An import of each kind of bad file.
printf 'import "garbage.treaty";\nimport "adir";\nimport "nope.treaty";\nimport "/dev/zero";\nimport "fifo.treaty";\nstate B;\n' >imports.treaty
check imports TC0017 "$located" imports.treaty

# works NAME SECONDS EXITS ARGS...: large but valid input must be answered
# (exit status one of EXITS, e.g. "0 1 3") within SECONDS and 4 GiB of
# address space (not capped for a sanitized build, TC_SANITIZED=1: ASan's
# shadow memory alone reserves terabytes of address space).
works() {
  local name=$1 limit=$2 exits=$3
  shift 3
  local status start
  start=$(date +%s)
  if [ "${TC_SANITIZED:-0}" = 1 ]; then
    timeout $((limit * slowdown)) "$binary" "$@" >"$name.out" 2>"$name.err"
  else
    (ulimit -v 4194304; timeout "$limit" "$binary" "$@") >"$name.out" 2>"$name.err"
  fi
  status=$?
  if [ "$status" -eq 124 ]; then
    fail "$name: no answer within $limit seconds"
  elif ! [[ " $exits " == *" $status "* ]]; then
    fail "$name: exit $status, expected one of: $exits"
    head -5 "$name.err" >&2
  else
    echo "ok: $name (exit $status in $(($(date +%s) - start)) s)"
  fi
}

# A 100,000-long 'and' chain (sema used to copy the tree at every level).
python3 -c '
print("state A;\nconduct c(s: state);\ntreaty T in force 2000-01-01 parties: { A } {")
print("  article 1 { A must " + " and ".join(["c(A)"] * 100000) + "; }\n}")' >andchain.treaty
works andchain-validate 60 0 validate andchain.treaty
works andchain-check 120 0 check --as-of 2024-06-01 andchain.treaty

# 10,000 states in one treaty: resolved quickly; the check is bounded by
# --timeout (the engine's search grows with the number of distinct parties:
# docs/robustness.md).
python3 -c '
names = ["S%d" % i for i in range(10000)]
print("state " + ", ".join(names) + ";\nconduct notify(s: state);\ncircumstance crisis(s: state);")
print("treaty A in force 2000-01-01 parties: { " + ", ".join(names) + " } {")
print("  article 1 { for each p in parties: when crisis(p) p must notify(p); }\n}")
print("treaty B in force 2001-01-01 parties: { S17, S4711 } {")
print("  article 1 { for each p in parties: p must not notify(p); }\n}")' >states.treaty
works states-validate 60 0 validate states.treaty
works states-check 90 "1 3" check --as-of 2024-06-01 --timeout 20 states.treaty

# A valid 1 MB line, and a valid 50 MB file (mostly one comment).
python3 -c 'print("state " + ", ".join("S%d" % i for i in range(120000)) + ";")' >validline.treaty
works longline-valid 60 0 validate validline.treaty
python3 -c '
import sys
sys.stdout.write("/* " + ("x" * 79 + "\n") * (50 * 1024 * 1024 // 80) + "*/\n")
sys.stdout.write("state A;\nconduct c(s: state);\ntreaty T in force 2000-01-01 parties: { A } {\n")
sys.stdout.write("  article 1 { A must c(A); }\n}\n")' >big-valid.treaty
works big-valid 120 0 check --as-of 2024-06-01 big-valid.treaty

if [ "$failures" -gt 0 ]; then
  echo "$failures bad-input case(s) FAILED" >&2
  exit 1
fi
echo "all bad-input cases passed"
