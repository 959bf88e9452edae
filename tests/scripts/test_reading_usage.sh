#!/usr/bin/env bash
# A bad --reading (a term the sources do not declare, a reading the term
# does not have, no '=') is a usage error, exit 2 with a message naming
# --reading, in every command that takes the option; the same command with
# a good --reading does not exit 2, so the 2 comes from the reading. Every
# subcommand whose --help lists --reading must be covered here.
#
#   bash tests/scripts/test_reading_usage.sh BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
cd "$2"
file=tests/golden/readings/_vague.treaty
status=0
covered=()

# try NAME ARGS...: the command with three bad readings and one good one.
try() {
  local name=$1
  shift
  covered+=("$name")
  for bad in affects_safety=broad affects_security=wide affects_security; do
    err=$("$binary" "$@" --reading "$bad" 2>&1 >/dev/null)
    code=$?
    if [ $code -ne 2 ] || ! grep -q -- "--reading" <<<"$err"; then
      echo "FAIL $name --reading $bad: exit $code (want 2 with a message naming --reading): $err"
      status=1
    fi
  done
  "$binary" "$@" --reading affects_security=broad >/dev/null 2>&1
  code=$?
  if [ $code -eq 2 ]; then
    echo "FAIL $name --reading affects_security=broad: exit 2, but the reading is good"
    status=1
  fi
}

try check check --as-of 2024-06-01 "$file"
try test test --as-of 2024-06-01 "$file"
try diff diff --as-of 2024-06-01 "$file" "$file"
try explain explain TC2001-3375850c --as-of 2024-06-01 "$file"
try repair repair --as-of 2024-06-01 "$file"
try lint lint --as-of 2024-06-01 "$file"
try query query --as-of 2024-06-01 --fact 'armed_attack(Russia, Austria)' "$file"
try emit-smt2 emit-smt2 --as-of 2024-06-01 "$file"
# --all-readings varies the other terms; a bad fixed one is still an error.
"$binary" check --as-of 2024-06-01 --all-readings --reading affects_security=wide "$file" >/dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL check --all-readings with a bad --reading: not exit 2"; status=1; }

# Every subcommand that offers --reading is one of those tried above.
for sub in $("$binary" --help | awk 'tolower($0) ~ /^subcommands:/ {on = 1; next} on && NF {print $1}'); do
  "$binary" "$sub" --help 2>/dev/null | grep -q -- "--reading" || continue
  if [[ ! " ${covered[*]} " == *" $sub "* ]]; then
    echo "FAIL $sub takes --reading but is not tried here"
    status=1
  fi
done
[ ${#covered[@]} -ge 8 ] || { echo "FAIL only ${#covered[@]} commands tried"; status=1; }
[ $status -eq 0 ] && echo "reading usage: a bad --reading is exit 2 in ${covered[*]}"
exit $status
