#!/usr/bin/env bash
# The HTML report renders in headless Chromium without a script error and
# shows every finding: for a conflict, a permission conflict, settled
# conflicts, an unknown, a consistent corpus and the bundled 2009 draft
# (the real corpus), the page is loaded with --dump-dom after its script
# ran, and the DOM must carry data-rendered="ok" (set by the page's last
# script line), an empty #script-errors (the page's error hook writes
# there), every finding id of the JSON report as a section id, and the
# graph; Chromium's console log (--enable-logging=stderr) must hold no
# uncaught error and no blocked request (the page fetches nothing).
# Exits 77 (skipped) when Chromium is not installed.
#
#   bash tests/scripts/test_html_chromium.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
cd "$source_dir"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed (scripts/install-deps installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
check_page() {
  local name=$1; shift
  local html="$work/$name.html" json="$work/$name.json"
  set +e
  "$binary" check "$@" --format html -o "$html" --report "json=$json"
  local code=$?
  set -e
  if [ "$code" -ge 2 ] && [ "$code" -ne 3 ]; then echo "FAIL $name: check exited $code"; status=1; return; fi
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom "file://$html" \
    >"$work/$name.dom" 2>"$work/$name.log" || true
  python3 - "$work/$name.dom" "$json" "$work/$name.log" "$name" <<'PY' || status=1
import json, re, sys
dom_path, json_path, log_path, name = sys.argv[1:5]
dom = open(dom_path, encoding="utf-8", errors="replace").read()
report = json.load(open(json_path))
log = open(log_path, encoding="utf-8", errors="replace").read()
problems = []
if 'data-rendered="ok"' not in dom:
    problems.append("the page script did not finish (no data-rendered=\"ok\")")
m = re.search(r'<pre id="script-errors">(.*?)</pre>', dom, re.S)
if m is None:
    problems.append("no #script-errors element")
elif m.group(1).strip():
    problems.append("script errors: " + m.group(1).strip())
for line in log.splitlines():
    if "CONSOLE" in line or "Uncaught" in line or "Refused" in line or "net::ERR" in line:
        if "Uncaught" in line or "Refused" in line or "net::ERR" in line or ":ERROR:" in line.split("CONSOLE")[0]:
            problems.append("console: " + line.strip())
findings = report["findings"]
for f in findings:
    if f'id="{f["id"]}"' not in dom:
        problems.append("finding not shown: " + f["id"])
shown = re.search(r'<span id="shown">(\d+)</span>', dom)
if shown is None or int(shown.group(1)) != len(findings):
    problems.append(f"the page counts {shown.group(1) if shown else '?'} findings, the report has {len(findings)}")
if findings and any(f.get("clauses") for f in findings) and "<svg" not in dom:
    problems.append("no article graph")
if '<table class="matrix">' not in dom and "No instrument applies" not in dom:
    problems.append("no conflict matrix")
if problems:
    print(f"FAIL {name}:")
    for p in problems:
        print("   " + p)
    sys.exit(1)
print(f"ok {name}: {len(findings)} findings shown, no script error")
PY
}

check_page nato --as-of 2024-06-01 tests/golden/formats/nato_text.treaty
check_page permission --as-of 2024-06-01 examples/tutorial/04-readings-and-permissions.treaty
check_page precedence --as-of 2024-06-01 examples/tutorial/05-precedence.treaty
check_page unknown --as-of 2024-06-01 --rlimit 100 tests/golden/formats/unknown_json.treaty
check_page consistent --as-of 2024-06-01 examples/tutorial/01-first-obligation.treaty
check_page draft-2009 --as-of 2024-06-01 --max-rounds 10 --no-permissions examples/est-2009-draft.treaty
exit $status
