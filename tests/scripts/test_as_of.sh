#!/usr/bin/env bash
# `--as-of DATE`: treaties and memberships are evaluated on that day.
#
#   tests/scripts/test_as_of.sh BINARY [ROOT]
#
# Checks the day boundaries (entry into force and `since` inclusive,
# withdrawal and `until` exclusive), drafts (treated as in force for their
# parties whatever the date), the default date (today, UTC), and the
# rejection of dates that do not exist (exit 2, nothing analysed).
set -u
BIN=${1:?usage: test_as_of.sh BINARY [ROOT]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
export NO_COLOR=1 TZ=UTC
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passed=0

# expect_run DESCRIPTION WANT_EXIT WANT_PATTERN ARGS... : stdout+stderr must match the regex.
expect_run() {
  local what=$1 want_rc=$2 pattern=$3
  shift 3
  local out rc
  out=$("$BIN" "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $what: exit $rc, wanted $want_rc"
    echo "$out" | head -20
    failures=$((failures + 1))
  elif ! grep -Eq -- "$pattern" <<<"$out"; then
    echo "FAIL $what: output does not match /$pattern/"
    echo "$out" | head -20
    failures=$((failures + 1))
  else
    passed=$((passed + 1))
    echo "ok   $what"
  fi
}

# NEW also binds Denmark, never a member of UNION, so the two treaties
# never have the same parties and lex posterior never settles the conflict.
cat >"$WORK/dates.treaty" <<'EOF'
state Austria, Belgium, Croatia, Denmark;
institution UNION;
membership UNION { Austria since 1995-01-01; Belgium since 1958-01-01 until 2020-01-31; Croatia since 2013-07-01; }
conduct notify(s: state);

treaty OLD in force 1990-01-01 parties: members of UNION {
  article 1 { for each p in parties: p must notify(p); }
}
treaty NEW "enters into force on 2010-01-01, withdrawn on 2015-06-01" in force 2010-01-01 withdrawn 2015-06-01
  parties: { Austria, Belgium, Croatia, Denmark } {
  article 1 { for each p in parties: p must not notify(p); }
}
EOF

F="$WORK/dates.treaty"
# Entry into force is inclusive.
expect_run "the day before entry into force: no conflict" 0 '^summary: 0 conflicts.*1 instrument in force.*as of 2009-12-31$' check --as-of 2009-12-31 "$F"
expect_run "the day of entry into force: conflict" 1 'caught: +2 parties \(as of 2010-01-01\): Austria, Belgium$' check --as-of 2010-01-01 "$F"
# Withdrawal is exclusive: the treaty no longer binds on the day.
expect_run "the day before withdrawal: conflict" 1 'caught: +3 parties \(as of 2015-05-31\): Austria, Belgium, Croatia$' check --as-of 2015-05-31 "$F"
expect_run "the day of withdrawal: no conflict" 0 '^summary: 0 conflicts.*1 instrument in force.*as of 2015-06-01$' check --as-of 2015-06-01 "$F"
# Membership: since inclusive, until exclusive.
expect_run "the day before Croatia joins: Croatia not caught" 1 'caught: +2 parties \(as of 2013-06-30\): Austria, Belgium$' check --as-of 2013-06-30 "$F"
expect_run "the day Croatia joins: Croatia caught" 1 'caught: +3 parties \(as of 2013-07-01\): Austria, Belgium, Croatia$' check --as-of 2013-07-01 "$F"

cat >"$WORK/leave.treaty" <<'EOF'
state Austria, Belgium;
institution UNION;
membership UNION { Austria since 1995-01-01; Belgium since 1958-01-01 until 2020-01-31; }
conduct notify(s: state);
treaty OLD in force 1990-01-01 parties: members of UNION {
  article 1 { for each p in parties: p must notify(p); }
}
treaty LATER in force 2000-01-01 parties: { Belgium } {
  article 1 { Belgium must not notify(Belgium); }
}
EOF
expect_run "the last day of membership: conflict for Belgium" 1 'caught: +1 party \(as of 2020-01-30\): Belgium$' check --as-of 2020-01-30 "$WORK/leave.treaty"
expect_run "the day membership ends: no conflict" 0 '^summary: 0 conflicts' check --as-of 2020-01-31 "$WORK/leave.treaty"

# A draft is treated as in force for its parties, whatever the date.
cat >"$WORK/draft.treaty" <<'EOF'
state Austria, Belgium;
conduct notify(s: state);
treaty OLD in force 1990-01-01 parties: { Austria } {
  article 1 { Austria must notify(Austria); }
}
treaty DRAFT draft 2030-01-01 parties: { Austria, Belgium } {
  article 1 { Austria must not notify(Austria); }
}
EOF
expect_run "a draft dated later binds its parties now" 1 'error\[TC2001\]: DRAFT Art 1 cannot be complied with together with OLD Art 1' check --as-of 2024-06-01 "$WORK/draft.treaty"
expect_run "a draft binds its parties at any date" 1 'caught: +1 party \(as of 1995-01-01\): Austria$' check --as-of 1995-01-01 "$WORK/draft.treaty"

# The default date is today (UTC).
today=$(date -u +%Y-%m-%d)
expect_run "without --as-of the date is today (UTC)" 1 "as of $today\$" check "$WORK/draft.treaty"

# Leap days exist in leap years only; impossible dates are refused.
expect_run "2024-02-29 is a date" 0 'as of 2024-02-29$' check --as-of 2024-02-29 "$F"
for bad in 2023-02-29 2024-02-30 2024-13-01 2024-00-10 2024-6-1 20240601 yesterday; do
  expect_run "--as-of '$bad' is refused" 2 "--as-of expects a real date as YYYY-MM-DD, got '$bad'" check --as-of "$bad" "$F"
done
expect_run "test takes --as-of too" 2 "--as-of expects a real date" test --as-of 2023-02-29 "$F"
# An empty date is a usage error, not "today": `--as-of "$UNSET"` in a CI
# script must not check a different day than meant.
for command in check test query; do
  expect_run "$command --as-of '' is refused" 2 "--as-of: expects a date as YYYY-MM-DD, got an empty string" \
    $command --as-of '' "$F"
done

# A treaty with neither `in force` nor `draft` binds on every date, with a
# warning (TC1030) that says so and how to date it.
cat >"$WORK/undated.treaty" <<'EOF2'
state Austria;
conduct notify(s: state);
treaty ONE parties: { Austria } { article 1 { Austria must notify(Austria); } }
treaty TWO in force 2010-01-01 parties: { Austria } { article 1 { Austria must not notify(Austria); } }
EOF2
expect_run "an undated treaty binds on the date of a dated one" 1 'error\[TC2001\]: ONE Art 1 cannot be complied with together with TWO Art 1' \
  check --as-of 2024-06-01 "$WORK/undated.treaty"
expect_run "an undated treaty is warned about" 1 "warning\[TC1030\]: treaty 'ONE' says neither 'in force' nor 'draft'" \
  check --as-of 2024-06-01 "$WORK/undated.treaty"
expect_run "before the dated one, nothing conflicts" 0 '^summary: 0 conflicts.*1 instrument in force.*as of 2009-12-31$' \
  check --as-of 2009-12-31 "$WORK/undated.treaty"

echo "as-of: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
