#!/usr/bin/env bash
# Validates every treaty example in docs/*.md with `treatycheck validate`.
#
#   bash tests/scripts/test_docs_examples.sh BINARY SOURCE_DIR
#
# Fenced blocks are selected by their info string:
#   ```treaty              validated after the file's prelude blocks; must pass
#   ```treaty prelude      shared declarations, prepended to every other block
#                          of the same file (and validated on their own)
#   ```treaty standalone   validated without the prelude
#   ```treaty fail TC1004  validated after the prelude; must fail with that code
#   ```treaty fragment     not a complete file; skipped (keep these few)
#   ```treaty test         like ```treaty, and `treatycheck test --as-of
#                          2024-06-01` on it must pass every expectation
# For docs/language.md it also checks that the reserved-word list matches
# the grammar and that every diagnostic code of diagnostic_kinds.def is
# listed.
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$binary" "$source_dir" "$work" <<'PY'
import glob, os, re, subprocess, sys

binary, root, work = sys.argv[1:4]
failures = []
checked = 0

def run(path, command=("validate",)):
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run([binary, *command, path], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout + p.stderr

for doc in sorted(glob.glob(os.path.join(root, "docs", "*.md"))):
    text = open(doc, encoding="utf-8").read()
    blocks = []  # (line, flags, body)
    for m in re.finditer(r"^```treaty([^\n]*)\n(.*?)^```[ \t]*$", text, re.M | re.S):
        line = text.count("\n", 0, m.start()) + 1
        blocks.append((line, m.group(1).split(), m.group(2)))
    prelude = "".join(body for _, flags, body in blocks if flags[:1] == ["prelude"])
    rel = os.path.relpath(doc, root)
    for n, (line, flags, body) in enumerate(blocks):
        kind = flags[0] if flags else "example"
        if kind == "fragment":
            continue
        if kind not in ("example", "prelude", "standalone", "fail", "test"):
            failures.append(f"{rel}:{line}: unknown block marker {' '.join(flags)!r}")
            continue
        source = body if kind in ("prelude", "standalone") else prelude + body
        path = os.path.join(work, f"{os.path.basename(doc)[:-3]}_{line}.treaty")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        code, output = run(path)
        checked += 1
        where = f"{rel}:{line}"
        if kind == "fail":
            want = flags[1] if len(flags) > 1 else ""
            if not re.fullmatch(r"TC\d{4}", want):
                failures.append(f"{where}: 'fail' needs a code, as in ```treaty fail TC1004")
            elif code == 0:
                failures.append(f"{where}: expected to fail with {want}, but it is valid")
            elif f"[{want}]" not in output:
                failures.append(f"{where}: expected {want}, got:\n{output}")
        elif code != 0 or "warning[" in output:
            failures.append(f"{where}: example does not validate cleanly:\n{output}")
        elif kind == "test":
            code, output = run(path, ("test", "--as-of", "2024-06-01"))
            if code != 0:
                failures.append(f"{where}: `treatycheck test` does not pass on the example:\n{output}")

# docs/language.md lists every reserved word and every diagnostic code.
lang = os.path.join(root, "docs", "language.md")
if os.path.exists(lang):
    doc = open(lang, encoding="utf-8").read()
    grammar = open(os.path.join(root, "grammar", "Treaty.g4"), encoding="utf-8").read()
    keywords = set()
    for alt in re.findall(r"^[A-Z_]+\s*:\s*((?:'[a-z]+'\s*\|?\s*)+);", grammar, re.M):
        keywords |= set(re.findall(r"'([a-z]+)'", alt))
    m = re.search(r"These words are reserved[^:]*:\n(.*?)\.\n", doc, re.S)
    listed = set(re.findall(r"[a-z]+", m.group(1))) if m else set()
    if listed != keywords:
        failures.append("docs/language.md: reserved words differ from the grammar: "
                        f"missing {sorted(keywords - listed)}, extra {sorted(listed - keywords)}")
    kinds = open(os.path.join(root, "checker", "diag", "diagnostic_kinds.def"), encoding="utf-8").read()
    for code in re.findall(r'"(TC\d{4})"', kinds):
        if not re.search(rf"^\| {code} \|", doc, re.M):
            failures.append(f"docs/language.md: diagnostic {code} is not listed in section 16")

for f in failures:
    print("FAIL " + f)
print(f"{checked} examples checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
PY
