#!/usr/bin/env bash
# The corpus repaired by `treatycheck repair --apply N` checks clean: the
# tutorial's conflict (lesson 3) and a golden corpus with two conflicts,
# each copied with the files it imports; suggestion 1 (an exception) and
# suggestion 2 are applied, then `check` must exit 0 and report no
# conflict, and the applied text must hold the printed `unless` line.
# An --apply past the suggestions is a usage error that writes nothing.
#
#   bash tests/scripts/test_repair_apply.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

fail() { echo "FAIL: $*"; status=1; }

repair_and_check() {
  local name=$1 file=$2 n=$3
  local dir="$work/$name-$n"
  mkdir -p "$dir/examples/tutorial" "$dir/treaties" "$dir/tests/golden/repair"
  cp "$source_dir/treaties/"*.treaty "$dir/treaties/"
  cp "$source_dir/$file" "$dir/$file"
  (
    cd "$dir"
    if ! "$binary" repair --as-of 2024-06-01 --apply "$n" "$file" >repair.txt 2>repair.err; then
      fail "$name: repair --apply $n exited non-zero"; cat repair.txt repair.err; exit 1
    fi
    grep -q "wrote $file" repair.err || fail "$name: repair --apply $n wrote nothing"
    # The edit printed for suggestion n is in the file now.
    unless=$(awk -v n="$n" '/^[0-9]+\. /{k=$1+0} k==n && /^       unless /{sub(/^ +/, ""); print; exit}' repair.txt)
    if [ -n "$unless" ] && ! grep -qF "$unless" "$file"; then fail "$name: '$unless' is not in the repaired file"; fi
    set +e
    "$binary" check --as-of 2024-06-01 "$file" >check.txt 2>&1
    code=$?
    set -e
    [ "$code" -eq 0 ] || { fail "$name: the repaired corpus (suggestion $n) exits $code"; cat check.txt; exit 1; }
    grep -q "0 unresolved" check.txt || fail "$name: the repaired corpus still reports an unresolved conflict"
    echo "ok $name: suggestion $n applied, the corpus checks clean"
  ) || status=1
}

repair_and_check lesson3 examples/tutorial/03-a-conflict.treaty 1
repair_and_check lesson3 examples/tutorial/03-a-conflict.treaty 2
repair_and_check two-conflicts tests/golden/repair/smallest_first.treaty 1
repair_and_check two-conflicts tests/golden/repair/smallest_first.treaty 2

mkdir -p "$work/past/examples/tutorial" "$work/past/treaties"
cp "$source_dir/treaties/"*.treaty "$work/past/treaties/"
cp "$source_dir/examples/tutorial/03-a-conflict.treaty" "$work/past/examples/tutorial/"
before=$(md5sum "$work/past/examples/tutorial/03-a-conflict.treaty")
set +e
(cd "$work/past" && "$binary" repair --as-of 2024-06-01 --apply 9 examples/tutorial/03-a-conflict.treaty >/dev/null 2>&1)
code=$?
set -e
[ "$code" -eq 2 ] || fail "--apply 9 exited $code, wanted 2"
[ "$before" = "$(md5sum "$work/past/examples/tutorial/03-a-conflict.treaty")" ] || fail "--apply 9 changed the file"
exit $status
