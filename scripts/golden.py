#!/usr/bin/env python3
"""Golden-file test runner.

Each test is a file NAME.treaty in a directory under tests/golden/. Its
first lines may hold directives (comments):

    // ARGS: check --format json        (default: validate)
    // EXTRA: other.treaty               (more input files, relative to the test's directory)

The runner executes `treatycheck ARGS FILE EXTRA...` from the repository
root and compares stdout, stderr and the exit code with NAME.expected.
Paths are printed relative to the repository root, so the output is the
same on every machine. Files whose name starts with `fail_` must exit
non-zero; the others must exit 0 unless `// EXIT: N` says otherwise.

    scripts/golden.py --binary build/treatycheck tests/golden/DIR...
    scripts/golden.py --update --binary build/treatycheck tests/golden/DIR...
"""
import argparse
import os
import re
import shlex
import subprocess
import sys


def directives(text):
    found = {}
    for line in text.splitlines()[:10]:
        m = re.match(r"\s*//\s*(ARGS|EXTRA|EXIT):\s*(.*)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def run_one(binary, root, path):
    with open(path, encoding="utf-8", errors="replace") as f:
        d = directives(f.read())
    args = shlex.split(d.get("ARGS", "validate"))
    rel = os.path.relpath(path, root)
    extra = [os.path.relpath(os.path.join(os.path.dirname(path), e), root)
             for e in shlex.split(d.get("EXTRA", ""))]
    env = dict(os.environ, NO_COLOR="1", TZ="UTC")
    proc = subprocess.run([binary] + args + [rel] + extra, cwd=root, capture_output=True,
                          env=env, timeout=300)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    actual = f"exit: {proc.returncode}\n--- stdout\n{out}--- stderr\n{err}"
    name = os.path.basename(path)
    problems = []
    if name.startswith("fail_") and proc.returncode == 0:
        problems.append("a fail_ test exited 0")
    if not name.startswith("fail_"):
        want = int(d.get("EXIT", "0"))
        if proc.returncode != want:
            problems.append(f"exit {proc.returncode}, wanted {want}")
    return actual, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--root", default=os.getcwd())
    parser.add_argument("--update", action="store_true")
    parser.add_argument("dirs", nargs="+")
    a = parser.parse_args()
    binary = os.path.abspath(a.binary)
    failures = 0
    count = 0
    for d in a.dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".treaty") or name.startswith("_"):
                continue
            path = os.path.join(d, name)
            expected_path = path[: -len(".treaty")] + ".expected"
            actual, problems = run_one(binary, a.root, path)
            count += 1
            if a.update:
                with open(expected_path, "w", encoding="utf-8") as f:
                    f.write(actual)
                if problems:
                    print(f"WARNING {path}: {'; '.join(problems)}")
                continue
            expected = None
            if os.path.exists(expected_path):
                with open(expected_path, encoding="utf-8") as f:
                    expected = f.read()
            if expected is None:
                problems.append("no .expected file (run make update-golden)")
            elif expected != actual:
                problems.append("output differs from .expected")
                import difflib
                sys.stdout.writelines(difflib.unified_diff(
                    expected.splitlines(True), actual.splitlines(True), expected_path, "actual"))
            if problems:
                failures += 1
                print(f"FAIL {path}: {'; '.join(problems)}")
    print(f"{count - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
