"""Shared by test_sarif_schema.sh and test_json_schema.sh: reruns every
golden test input of `check`, `diff` and `test` with a machine format and
yields the reports, so that each can be validated against its schema.

    invocations(root)        -> [(name, argv)] with the golden ARGS of each input
    run(binary, root, argv)  -> (exit code, stdout, stderr)
    run_all(binary, root, argvs) -> the same for many, in parallel, in order
    with_format(argv, fmt)   -> argv with --format fmt (replacing any other)
    expected_stdout(path)    -> the stdout recorded in a golden .expected file
"""
import concurrent.futures
import os
import re
import shlex
import subprocess

GOLDEN_DIRS = ["tests/golden/formats", "tests/golden/check", "tests/golden/expect", "tests/golden/readings"]


def directives(text):
    found = {}
    for line in text.splitlines()[:10]:
        m = re.match(r"\s*//\s*(ARGS|EXTRA|EXIT):\s*(.*)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def invocations(root):
    out = []
    for d in GOLDEN_DIRS:
        full = os.path.join(root, d)
        if not os.path.isdir(full):
            continue
        for name in sorted(os.listdir(full)):
            if not name.endswith(".treaty") or name.startswith("_") or name.startswith("fail_"):
                continue
            path = os.path.join(d, name)
            with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                args = directives(f.read())
            argv = shlex.split(args.get("ARGS", "validate"))
            if not argv or argv[0] not in ("check", "diff", "test"):
                continue
            extra = [os.path.join(d, e) for e in shlex.split(args.get("EXTRA", ""))]
            out.append((path, argv + [path] + extra))
    return out


def with_format(argv, fmt):
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a == "--format":
            skip = True
            continue
        if a.startswith("--format="):
            continue
        out.append(a)
    return out[:1] + ["--format", fmt] + out[1:]


def run(binary, root, argv):
    env = dict(os.environ, NO_COLOR="1", TZ="UTC")
    p = subprocess.run([binary] + argv, cwd=root, capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expected_stdout(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"--- stdout\n(.*)--- stderr\n", text, re.S)
    return m.group(1) if m else ""


def run_all(binary, root, argvs):
    workers = max(2, os.cpu_count() or 2)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda argv: run(binary, root, argv), argvs))
