#!/usr/bin/env bash
# The ready-made CI files in examples/ci/ work as shipped: this runs the
# very steps of examples/ci/github-workflow.yml (tests/scripts/ci_runner.py
# stands in for the GitHub runner) and the hook examples/ci/pre-commit
# (as a git hook and through the entry of examples/ci/pre-commit-config.yaml)
# against a scratch drafting repository, and the baseline command that
# docs/ci.md gives:
#   1. a pull request that adds a conflict: the check step fails, the
#      annotation sits on the new clause, the SARIF validates and points at
#      it, the summary and the pull-request comment say what changed;
#   2. after accepting the finding with the documented baseline command:
#      the run is green, the SARIF has no result;
#   3. the pre-commit hook blocks a commit that adds a conflict and lets a
#      harmless one through; `fmt --check` runs when treatycheck has fmt
#      and is skipped (with a message) when it does not.
#
#   bash tests/scripts/test_ci_examples.sh BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
python=/usr/bin/python3
"$python" -c "import jsonschema" 2>/dev/null || python=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org GIT_COMMITTER_NAME=ci \
  GIT_COMMITTER_EMAIL=ci@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# treatycheck and a recording `gh` on PATH, as an installed runner would have.
mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/treatycheck"
cat > "$work/bin/gh" <<'SH'
#!/usr/bin/env bash
echo "$*" >> "$GH_LOG"
for ((i = 1; i <= $#; i++)); do
  if [ "${!i}" = "--body-file" ]; then j=$((i + 1)); cp "${!j}" "$GH_LOG.body"; fi
done
SH
chmod +x "$work/bin/gh"
export PATH="$work/bin:$PATH" GH_LOG="$work/gh.log"
has_fmt=0
treatycheck --help | grep -Eq '^[[:space:]]+fmt[[:space:]]' && has_fmt=1

# ---------------------------------------------------------------- the drafting repository
repo="$work/drafting"
mkdir -p "$repo/treaties" "$repo/drafts" "$repo/ci"
cd "$repo"
git init -q -b main .
cat > treaties/corpus.treaty <<'T'
state Austria, Belgium, Czechia;
institution ALLIANCE;
membership ALLIANCE { Austria since 2000-01-01; Belgium since 2000-01-01; }
circumstance armed_attack(attacker: state, victim: state);
conduct assist(helper: state, victim: state);
conduct affects(p: state, q: state);
conduct notify(s: state);
axiom "no self-attack": for each s in states: not armed_attack(s, s);
axiom "assisting the victim affects the attacker": for each h, a, v in states: armed_attack(a, v) and assist(h, v) implies affects(h, a);
treaty PACT "Defence Pact" in force 2001-01-01 parties: members of ALLIANCE {
  article 5 "Collective defence" { for each p, q in parties where p != q: when exists a in states: armed_attack(a, q) p must assist(p, q); }
}
T
cat > drafts/security.treaty <<'T'
import "../treaties/corpus.treaty";

treaty SEC "Draft security treaty" draft 2024-01-15 parties: states {
  article 1 { for each p in parties: p must notify(p); }
  article 2 { for each p, q in parties where p != q: p must not affects(p, q); }
}
T
if [ $has_fmt -eq 1 ]; then treatycheck fmt --write treaties/corpus.treaty drafts/security.treaty >/dev/null 2>&1; fi
# The team has accepted SEC Art 2 against PACT Art 5, with the command docs/ci.md gives.
accept=$(sed -n '/^```sh$/,/^```$/p' "$source_dir/docs/ci.md" | grep -m1 '^treatycheck check --write-baseline')
[ -n "$accept" ] || fail "docs/ci.md gives no 'treatycheck check --write-baseline' command in a \`\`\`sh block"
bash -c "$accept" >/dev/null 2>&1
[ -s .treatycheck-baseline ] || fail "the documented baseline command wrote no baseline: $accept"
git add -A && git commit -qm "base: the draft, one accepted finding"
base_sha=$(git rev-parse HEAD)

# The pull request: article 3 forbids the assistance that PACT Art 5 requires.
git checkout -qb amend
sed -i 's|^}$|  article 3 { for each p, q in parties where p != q: p must not assist(p, q); }\n}|' drafts/security.treaty
if [ $has_fmt -eq 1 ]; then treatycheck fmt --write drafts/security.treaty >/dev/null 2>&1; fi
git commit -qam "amend: article 3"
head_sha=$(git rev-parse HEAD)
# The finding sits on the clause: on the article's line as written above, on
# the next line once fmt has laid the article out.
new_line=$(awk '/article 3/ { seen = 1 } seen && /for each/ { print NR; exit }' drafts/security.treaty)

run_workflow() {  # run_workflow EVENT SHA OUT.json
  local temp="$work/runner-$1-$2"
  rm -rf "$temp" && mkdir -p "$temp"
  git -C "$repo" worktree prune
  cat > "$work/context.json" <<JSON
{"github.server_url": "https://github.com", "github.repository": "example/drafting", "github.sha": "$2",
 "github.token": "test-token", "github.event.pull_request.base.sha": "$base_sha",
 "github.event.pull_request.number": "7", "runner.temp": "$temp"}
JSON
  rm -f "$repo"/treatycheck.sarif "$repo"/treatycheck.md "$repo"/treatycheck-diff.md
  "$python" "$source_dir/tests/scripts/ci_runner.py" "$source_dir/examples/ci/github-workflow.yml" "$repo" "$1" \
    "$work/context.json" "$3"
}
# step OUT.json NAME FIELD: a field of a step's record.
step() { "$python" -c 'import json, sys
r = json.load(open(sys.argv[1]))
s = [s for s in r["steps"] if s["name"] == sys.argv[2]]
print(s[0].get(sys.argv[3], "") if s else "NO SUCH STEP")' "$@"; }

# ---------------------------------------------------------------- 1. the pull request
run_workflow pull_request "$head_sha" "$work/pr.json" || fail "the runner failed"
"$python" -c 'import json, sys; [print("FAIL: runner:", p) for p in json.load(open(sys.argv[1]))["problems"]]' "$work/pr.json" |
  grep . && failures=$((failures + 1))
[ "$(step "$work/pr.json" "Install treatycheck" exit)" = 0 ] || fail "install step: $(step "$work/pr.json" "Install treatycheck" stderr)"
[ "$(step "$work/pr.json" "Check the drafts" exit)" = 1 ] ||
  fail "the check step should fail on the new conflict: exit $(step "$work/pr.json" "Check the drafts" exit): $(step "$work/pr.json" "Check the drafts" stderr)"
annotations=$(step "$work/pr.json" "Check the drafts" stdout)
[ "$(grep -c '^::error ' <<< "$annotations")" = 1 ] || fail "one error annotation expected: $annotations"
grep -q "^::error file=drafts/security.treaty,line=$new_line," <<< "$annotations" ||
  fail "the annotation should sit on drafts/security.treaty line $new_line: $annotations"
grep -v '^::' <<< "$annotations" | grep . && fail "the check step printed prose among the workflow commands"
# The upload step ran, and what it uploads is valid SARIF pointing at the new clause.
sarif=$(step "$work/pr.json" "Upload SARIF to code scanning" with | "$python" -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["sarif_file"])')
[ "$(step "$work/pr.json" "Upload SARIF to code scanning" ran)" = True ] || fail "the SARIF upload step did not run"
[ -f "$repo/$sarif" ] || fail "the upload step's sarif_file '$sarif' was not written by the check step"
"$python" -m jsonschema -i "$repo/$sarif" "$source_dir/tests/schemas/sarif-schema-2.1.0.json" || fail "the uploaded SARIF does not validate"
"$python" - "$repo/$sarif" "$new_line" <<'PY' || fail "SARIF results"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(results) == 1, results
loc = results[0]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "drafts/security.treaty", "uriBaseId": "%SRCROOT%"}, loc
assert loc["region"]["startLine"] == int(sys.argv[2]), loc["region"]
PY
grep -q "treatycheck" "$work/runner-pull_request-$head_sha/summary.md" || fail "no job summary"
grep -q "1 introduced" "$work/runner-pull_request-$head_sha/summary.md" || fail "the job summary lacks the diff"
[ "$(step "$work/pr.json" "What the pull request changes" exit)" = 0 ] ||
  fail "diff step: $(step "$work/pr.json" "What the pull request changes" stderr)"
grep -q "^pr comment 7 --edit-last --body-file treatycheck-diff.md" "$GH_LOG" || fail "no pull-request comment: $(cat "$GH_LOG" 2>/dev/null)"
grep -q "### treatycheck diff: 1 introduced, 0 resolved, 1 unchanged" "$GH_LOG.body" || fail "comment body: $(head -3 "$GH_LOG.body")"
grep -q "https://github.com/example/drafting/blob/$head_sha/drafts/security.treaty#L$new_line" "$GH_LOG.body" ||
  fail "the comment should link to the new clause"

# ---------------------------------------------------------------- 2. accepted: green
bash -c "$accept" >/dev/null 2>&1
git commit -qam "accept SEC Art 3"
run_workflow push "$(git rev-parse HEAD)" "$work/push.json" || fail "the runner failed"
[ "$(step "$work/push.json" "Check the drafts" exit)" = 0 ] ||
  fail "accepted findings should not fail the check: $(step "$work/push.json" "Check the drafts" stdout)"
[ "$(step "$work/push.json" "What the pull request changes" ran)" = False ] || fail "the diff step ran on a push"
"$python" -m jsonschema -i "$repo/treatycheck.sarif" "$source_dir/tests/schemas/sarif-schema-2.1.0.json" || fail "SARIF (push)"
"$python" -c 'import json, sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []' "$repo/treatycheck.sarif" ||
  fail "accepted findings should not be uploaded"

# ---------------------------------------------------------------- 3. pre-commit
cp "$source_dir/examples/ci/pre-commit" .git/hooks/pre-commit
printf '\n' >> drafts/security.treaty
sed -i 's|^}$|  article 4 { for each p in parties: p must not notify(p); }\n}|' drafts/security.treaty
git add drafts/security.treaty
if git commit -qm "a conflicting article" > "$work/hook.out" 2>&1; then
  fail "the git hook let a new conflict through"
fi
grep -q 'error\[TC2001\]' "$work/hook.out" || fail "the git hook should show the finding: $(head -5 "$work/hook.out")"
if [ $has_fmt -eq 0 ]; then
  grep -q "no 'fmt' command; skipping the format check" "$work/hook.out" || fail "the hook should say it skips fmt"
fi
# The pre-commit framework's way: the entry, given the changed files that match `files`.
cp "$source_dir/examples/ci/pre-commit" ci/treatycheck-pre-commit
read -r entry files_re <<< "$("$python" - "$source_dir/examples/ci/pre-commit-config.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
entry = re.search(r"^\s*entry:\s*(\S+)", text, re.M).group(1)
files = re.search(r"^\s*files:\s*(\S+)", text, re.M).group(1)
assert re.search(r"^\s*pass_filenames:\s*true", text, re.M)
print(entry, files)
PY
)"
mapfile -t changed < <(git diff --cached --name-only | grep -E "$files_re")
[ "${#changed[@]}" -eq 1 ] || fail "pre-commit would pass ${changed[*]}"
"./$entry" "${changed[@]}" > "$work/entry.out" 2>&1 && fail "the pre-commit entry let a new conflict through"
git checkout -q HEAD -- drafts/security.treaty
sed -i 's|Draft security treaty|Draft security treaty, second reading|' drafts/security.treaty
git add drafts/security.treaty
"./$entry" drafts/security.treaty > "$work/entry.out" 2>&1 || fail "the pre-commit entry blocked a harmless change: $(cat "$work/entry.out")"
git commit -qm "a harmless change" > "$work/hook.out" 2>&1 || fail "the git hook blocked a harmless change: $(cat "$work/hook.out")"

if [ "$failures" -ne 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "CI examples: all passed"
