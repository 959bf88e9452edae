#!/usr/bin/env bash
# Every SARIF report the tests produce validates against the official
# SARIF 2.1.0 schema (a copy in tests/schemas/, so a clean clone has it):
#   - the recorded stdout of the golden tests tests/golden/formats/*_sarif;
#   - every golden input of check, diff (tests/golden/{formats,check}) run
#     again with --format sarif;
# and each also satisfies what GitHub code scanning needs beyond the
# schema: repository-relative uris under %SRCROOT%, a location per result,
# ruleIds with rules, partialFingerprints equal to the finding ids of the
# JSON report, and invocations[0].exitCode equal to the exit status.
#
#   bash tests/scripts/test_sarif_schema.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
python=/usr/bin/python3
"$python" -c "import jsonschema" 2>/dev/null || python=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The plain command-line validator, once, exactly as documented.
(cd "$source_dir" && "$binary" check --as-of 2024-06-01 --format sarif -o "$work/nato.sarif" \
   tests/golden/formats/nato_sarif.treaty) || test $? -eq 1
"$python" -m jsonschema -i "$work/nato.sarif" "$source_dir/tests/schemas/sarif-schema-2.1.0.json"

"$python" - "$binary" "$source_dir" <<'PY'
import glob, json, os, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "scripts"))
import jsonschema
import report_validation as rv

binary, root = sys.argv[1:3]
schema = json.load(open(os.path.join(root, "tests/schemas/sarif-schema-2.1.0.json")))
validator = jsonschema.validators.validator_for(schema)(schema)
failures = []

def check(name, text, exit_code=None, json_ids=None):
    try:
        sarif = json.loads(text)
    except ValueError as e:
        failures.append(f"{name}: not JSON: {e}")
        return
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    for e in errors[:3]:
        failures.append(f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    if "%SRCROOT%" not in run.get("originalUriBaseIds", {}):
        failures.append(f"{name}: no originalUriBaseIds %SRCROOT%")
    if exit_code is not None and run["invocations"][0]["exitCode"] != exit_code:
        failures.append(f"{name}: invocations[0].exitCode {run['invocations'][0]['exitCode']} != exit {exit_code}")
    ids = []
    for r in run["results"]:
        if r["ruleId"] not in rules or rules[r["ruleIndex"]] != r["ruleId"]:
            failures.append(f"{name}: ruleId {r['ruleId']} / ruleIndex {r.get('ruleIndex')} do not match the rules")
        if not r.get("locations"):
            failures.append(f"{name}: result {r['ruleId']} without a location")
        for loc in r.get("locations", []) + r.get("relatedLocations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            if art.get("uriBaseId") != "%SRCROOT%" or art["uri"].startswith("/") or ":" in art["uri"]:
                failures.append(f"{name}: uri not repository-relative: {art}")
            region = loc["physicalLocation"].get("region", {})
            if "startLine" not in region:
                failures.append(f"{name}: region without startLine")
        ids.append(r["partialFingerprints"]["treatycheck/v1"])
    if json_ids is not None and sorted(ids) != sorted(json_ids):
        failures.append(f"{name}: partialFingerprints {sorted(ids)} != JSON ids {sorted(json_ids)}")

count = 0
for expected in sorted(glob.glob(os.path.join(root, "tests/golden/formats/*_sarif.expected"))):
    if os.path.basename(expected).startswith("fail_"):
        continue
    check(os.path.relpath(expected, root), rv.expected_stdout(expected))
    count += 1
jobs = [(name, argv) for name, argv in rv.invocations(root) if argv[0] in ("check", "diff")]
sarif_runs = rv.run_all(binary, root, [rv.with_format(argv, "sarif") for _, argv in jobs])
json_runs = rv.run_all(binary, root, [rv.with_format(argv, "json") for _, argv in jobs])
for (name, argv), (code, out, err), (jcode, jout, _) in zip(jobs, sarif_runs, json_runs):
    report = json.loads(jout)
    if argv[0] == "diff":
        ids = [f["id"] for k in ("introduced", "unchanged", "resolved") for f in report[k]]
    else:
        ids = [f["id"] for f in report["findings"]]
    if code != jcode:
        failures.append(f"{name}: exit {code} with sarif, {jcode} with json")
    check(name + " (sarif)", out, code, ids)
    count += 1

for f in failures:
    print("FAIL", f)
print(f"{count} SARIF reports checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
PY
