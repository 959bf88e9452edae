#!/usr/bin/env bash
# Every JSON report validates against the documented schema
# docs/treatycheck.schema.json ("treatycheck/1"):
#   - the recorded stdout of the golden tests tests/golden/formats/*_json;
#   - every golden input of check, diff and test (tests/golden/{formats,
#     check,expect}) run again with --format json;
# and the report's exit_code is the process's exit status, its verdict
# agrees with its findings, and the example in docs/json-schema.md is a
# valid report too.
#
#   bash tests/scripts/test_json_schema.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
python=/usr/bin/python3
"$python" -c "import jsonschema" 2>/dev/null || python=python3

"$python" - "$binary" "$source_dir" <<'PY'
import glob, json, os, re, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "scripts"))
import jsonschema
import report_validation as rv

binary, root = sys.argv[1:3]
schema = json.load(open(os.path.join(root, "docs/treatycheck.schema.json")))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema)
failures = []

def check(name, text, exit_code=None):
    try:
        report = json.loads(text)
    except ValueError as e:
        failures.append(f"{name}: not JSON: {e}")
        return
    for e in sorted(validator.iter_errors(report), key=lambda e: list(e.path))[:3]:
        failures.append(f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    if exit_code is not None and report.get("exit_code") != exit_code:
        failures.append(f"{name}: exit_code {report.get('exit_code')} != exit status {exit_code}")
    if report.get("command") == "check":
        findings = report["findings"]
        unsettled = [f for f in findings if f["kind"] != "unknown" and f["resolution"] is None]
        unknown = [f for f in findings if f["kind"] == "unknown"]
        want = "conflicts" if unsettled else "unknown" if unknown else "consistent"
        if report["internal_error"] is None and report["verdict"] != want:
            failures.append(f"{name}: verdict {report['verdict']}, findings say {want}")
        if report["summary"]["findings"] != len(findings):
            failures.append(f"{name}: summary.findings {report['summary']['findings']} != {len(findings)}")

count = 0
for expected in sorted(glob.glob(os.path.join(root, "tests/golden/formats/*_json.expected"))):
    if not os.path.basename(expected).startswith("fail_"):
        check(os.path.relpath(expected, root), rv.expected_stdout(expected))
        count += 1
jobs = rv.invocations(root)
for (name, argv), (code, out, err) in zip(jobs, rv.run_all(binary, root, [rv.with_format(a, "json") for _, a in jobs])):
    check(name + " (json)", out, code)
    count += 1
doc = open(os.path.join(root, "docs/json-schema.md"), encoding="utf-8").read()
examples = re.findall(r"^```json\n(.*?)^```", doc, re.M | re.S)
if not examples:
    failures.append("docs/json-schema.md: no ```json example")
for i, example in enumerate(examples):
    check(f"docs/json-schema.md example {i + 1}", example)
    count += 1

for f in failures:
    print("FAIL", f)
print(f"{count} JSON reports checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
PY
