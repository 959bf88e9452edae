#!/usr/bin/env bash
# A short libFuzzer run of each target (docs/robustness.md): the regression
# inputs in tests/fuzz/TARGET/ first, then FUZZ_SECONDS (default 30) of new
# inputs. The clang build lives beside the normal one, in BUILD/fuzz-build;
# the first run builds it (several minutes), later runs only rebuild what
# changed. Any crash, sanitizer report, leak or timeout fails the test.
#
#   bash tests/scripts/test_fuzz.sh BINARY SOURCE_DIR
set -u
binary=${1:?usage: test_fuzz.sh BINARY SOURCE_DIR}
root=${2:?usage: test_fuzz.sh BINARY SOURCE_DIR}
build=$(cd "$(dirname "$binary")" && pwd)/fuzz-build
seconds=${FUZZ_SECONDS:-30}
status=0
for target in parse_resolve check; do
  if FUZZ_BUILD=$build "$root/scripts/fuzz" "$target" "$seconds"; then
    echo "ok: $target"
  else
    echo "FAIL: $target (see $build/fuzz-$target.log)" >&2
    status=1
  fi
done
exit $status
