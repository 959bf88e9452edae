#!/usr/bin/env bash
# `check --stats --format json` (issue 7): the JSON report carries a
# `stats` object with every phase, the instance counts, solver calls and
# peak memory, valid against docs/treatycheck.schema.json; without
# --stats there is none (reports stay byte-stable). No timing is asserted:
# only that each phase is there as a non-negative number of milliseconds.
#
#   tests/scripts/test_stats_json.sh BINARY [ROOT]
set -u
BIN=${1:?usage: test_stats_json.sh BINARY [ROOT]}
ROOT=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$ROOT" || exit 2
export NO_COLOR=1 TZ=UTC
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IN=tests/golden/check/permission_conflict.treaty
"$BIN" check --as-of 2024-06-01 --format json --stats --jobs 2 "$IN" >"$WORK/with.json" 2>"$WORK/with.err"
"$BIN" check --as-of 2024-06-01 --format json "$IN" >"$WORK/without.json" 2>/dev/null
python3 - "$WORK/with.json" "$WORK/without.json" docs/treatycheck.schema.json <<'PY'
import json, sys
with_stats, without, schema = (json.load(open(p)) for p in sys.argv[1:4])
bad = []
s = with_stats.get("stats")
if not isinstance(s, dict):
    bad.append("no stats object with --stats")
else:
    phases = ["parse", "resolve", "reduce", "ground", "encode", "solve", "minimise", "witness", "lift"]
    for p in phases:
        v = s.get("phases_ms", {}).get(p)
        if not isinstance(v, int) or v < 0:
            bad.append("phase %s: %r" % (p, v))
    for k in ["norm_instances", "ground_atoms", "components", "searches", "jobs", "solver_calls", "peak_memory_mb"]:
        if not isinstance(s.get(k), int) or s[k] <= 0:
            bad.append("%s should be a positive count: %r" % (k, s.get(k)))
    for k in ["axiom_instances", "loop_rounds", "refinements", "total_ms"]:
        if not isinstance(s.get(k), int) or s[k] < 0:
            bad.append("%s: %r" % (k, s.get(k)))
    if s.get("jobs") != 2 and s.get("searches", 0) >= 2:
        bad.append("--jobs 2 with %s searches ran on %s workers" % (s.get("searches"), s.get("jobs")))
if "stats" in without:
    bad.append("a stats object without --stats")
rest = dict(with_stats)
rest.pop("stats", None)
if rest != without:
    bad.append("--stats changed the report beyond adding stats")
try:
    import jsonschema
    jsonschema.validate(with_stats, schema)
except ImportError:
    print("note: python3-jsonschema missing; schema not checked")
except Exception as e:
    bad.append("schema: %s" % str(e).splitlines()[0])
for b in bad:
    print("FAIL:", b)
if not bad:
    print("ok   stats object: %d phases, %d solver calls, %d MB peak" % (len(s["phases_ms"]), s["solver_calls"], s["peak_memory_mb"]))
sys.exit(1 if bad else 0)
PY
