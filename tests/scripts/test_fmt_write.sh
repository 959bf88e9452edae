#!/usr/bin/env bash
# fmt --write rewrites files in place: afterwards --check passes, the files
# still validate, a second --write changes nothing, and a file that does
# not parse is left untouched (exit 2).
#
#   bash tests/scripts/test_fmt_write.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
cd "$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus/treaties" "$work/corpus/examples/tutorial"
cp treaties/*.treaty "$work/corpus/treaties/"
cp examples/tutorial/*.treaty "$work/corpus/examples/tutorial/"
cd "$work/corpus"
fail() { echo "FAIL: $*"; exit 1; }

set +e
"$binary" fmt --check treaties examples > before.txt 2>&1; before=$?
set -e
[ "$before" -le 1 ] || fail "fmt --check exited $before: $(cat before.txt)"
"$binary" fmt --write treaties examples 2> written.txt || fail "fmt --write failed: $(cat written.txt)"
"$binary" fmt --check treaties examples > after.txt 2>&1 || fail "--check after --write: $(cat after.txt)"
for f in examples/tutorial/*.treaty; do
  "$binary" validate "$f" > /dev/null 2>&1 || fail "$f no longer validates after fmt --write"
done
cp -r treaties snapshot
"$binary" fmt --write treaties 2> again.txt
[ ! -s again.txt ] || fail "a second --write changed files: $(cat again.txt)"
diff -r treaties snapshot > /dev/null || fail "a second --write changed bytes"
ls treaties | grep -q '\.tmp\.' && fail "a temporary file was left behind"

printf 'state Estonia Finland;\n' > broken.treaty
cp broken.treaty broken.orig
set +e
"$binary" fmt --write broken.treaty > /dev/null 2>&1; status=$?
set -e
[ "$status" -eq 2 ] || fail "fmt --write on a syntax error exited $status, wanted 2"
cmp -s broken.treaty broken.orig || fail "a file that does not parse was rewritten"
echo "fmt --write: in place, stable, validating; bad input untouched"
