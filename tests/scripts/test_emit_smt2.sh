#!/usr/bin/env bash
# emit-smt2 writes SMT-LIB that Z3 reads back: every tutorial lesson and
# the 2009 draft with the corpus parse with `z3 -in` without an error, and
# there is one "applies" definition per norm instance announced in the header.
#
#   bash tests/scripts/test_emit_smt2.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
cd "$2"
command -v z3 >/dev/null || { echo "z3 binary missing (scripts/install-deps installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in examples/tutorial/*.treaty examples/est-2009-draft.treaty; do
  "$binary" emit-smt2 --as-of 2024-06-01 "$f" > "$work/out.smt2"
  announced=$(sed -n 's/^; as of [0-9-]*: .* \([0-9]*\) norm instances$/\1/p' "$work/out.smt2")
  defined=$(grep -c '^(declare-fun |.* applies| () Bool)$' "$work/out.smt2" || true)
  if [ "$announced" != "$defined" ]; then
    echo "FAIL $f: header announces $announced norm instances, $defined 'applies' definitions"
    status=1
  fi
  if ! z3 -in < "$work/out.smt2" > "$work/z3.txt" 2>&1 || grep -q error "$work/z3.txt" ||
     ! grep -qx 'sat' "$work/z3.txt"; then
    echo "FAIL $f: z3 does not read the output back:"; head -5 "$work/z3.txt"
    status=1
  fi
done
[ $status -eq 0 ] && echo "emit-smt2: every output parsed by z3"
exit $status
