#!/usr/bin/env bash
# Progress on stderr only for a terminal, and only past a second: the 2009
# draft (`make demo` flags, tens of seconds) run under a pseudo-terminal
# (script(1)) shows "treatycheck: ..." progress lines rewritten with \r
# and cleared at the end; the same run with stderr to a file shows none,
# and its report is identical. Skipped (77) without script(1).
#
#   bash tests/scripts/test_progress.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
cd "$source_dir"
command -v script >/dev/null || { echo "SKIP: script(1) is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args="check examples/est-2009-draft.treaty --as-of 2024-06-01 --max-rounds 10 --no-permissions"
status=0
# Under a terminal: the report goes to a file, so what the terminal shows is stderr.
script -qec "$binary $args -o $work/tty-report.txt" /dev/null >"$work/tty.txt" 2>&1 || true
if ! grep -q $'\rtreatycheck: \|\r\x1b\[Ktreatycheck: ' "$work/tty.txt"; then
  echo "FAIL: no progress line on the terminal"; status=1
fi
grep -q $'\r\x1b\[K' "$work/tty.txt" || { echo "FAIL: the progress line is never cleared"; status=1; }
# Not a terminal: no progress at all.
"$binary" $args -o "$work/file-report.txt" 2>"$work/stderr.txt" || true
if grep -q "treatycheck: " "$work/stderr.txt"; then echo "FAIL: progress written to a file"; status=1; fi
cmp -s "$work/tty-report.txt" "$work/file-report.txt" || { echo "FAIL: the report differs with a terminal"; status=1; }
[ $status -eq 0 ] && echo "ok: progress on a terminal only"
exit $status
