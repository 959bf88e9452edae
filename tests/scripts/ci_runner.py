"""A small stand-in for the GitHub Actions runner, for test_ci_examples.sh.

It reads examples/ci/github-workflow.yml (the subset of YAML the file
uses; cross-checked with PyYAML when that is installed), and runs each
step of the job the way the runner does: `run:` steps with
`bash --noprofile --norc -eo pipefail`, the workflow's and the step's
`env:` (with the few ${{ }} expressions the file uses), `if:` conditions
(always(), github.event_name == '...', hashFiles('...') != ''),
GITHUB_PATH, GITHUB_STEP_SUMMARY and continue-on-error. `uses:` steps are
checked by the caller (checkout is the scratch repository itself; the
SARIF upload is validated against the schema).

    python3 ci_runner.py WORKFLOW REPO EVENT CONTEXT.json OUT.json
"""
import json
import os
import re
import subprocess
import sys


def strip_comment(value):
    # Comments start at " #" outside quotes (enough for this file).
    m = re.search(r"\s+#.*$", value)
    if m and value.count("'", 0, m.start()) % 2 == 0 and value.count('"', 0, m.start()) % 2 == 0:
        value = value[: m.start()]
    return value.strip()


def scalar(value):
    value = strip_comment(value)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def parse(text):
    """Returns {"env": {...}, "steps": [...]} for the one job of the file."""
    lines = text.splitlines()
    workflow_env, steps = {}, []
    i = 0

    def mapping(start, indent):
        out, j = {}, start
        while j < len(lines):
            line = lines[j]
            if not line.strip() or line.lstrip().startswith("#"):
                j += 1
                continue
            if len(line) - len(line.lstrip()) < indent:
                break
            key, _, value = line.strip().partition(":")
            out[key] = scalar(value)
            j += 1
        return out, j

    while i < len(lines):
        line = lines[i]
        if line.startswith("env:"):
            workflow_env, i = mapping(i + 1, 2)
            continue
        m = re.match(r"^(\s*)steps:\s*$", line)
        if not m:
            i += 1
            continue
        item_indent = len(m.group(1)) + 2
        i += 1
        step = None
        while i < len(lines):
            line = lines[i]
            if not line.strip() or line.lstrip().startswith("#"):
                i += 1
                continue
            indent = len(line) - len(line.lstrip())
            if indent < item_indent:
                break
            body = line.strip()
            if indent == item_indent and body.startswith("- "):
                step = {}
                steps.append(step)
                body = body[2:]
            key, _, value = body.partition(":")
            value = value.strip()
            key_indent = item_indent + 2
            if value == "|":
                block, i = [], i + 1
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > key_indent):
                    block.append(lines[i])
                    i += 1
                pad = min(len(b) - len(b.lstrip()) for b in block if b.strip())
                step[key] = "\n".join(b[pad:] for b in block).rstrip("\n") + "\n"
                continue
            if value == "" or value.startswith("#"):
                step[key], i = mapping(i + 1, key_indent + 2)
                continue
            step[key] = scalar(value)
            i += 1
    return {"env": workflow_env, "steps": steps}


def cross_check(text, parsed):
    try:
        import yaml
    except ImportError:
        return []
    doc = yaml.safe_load(text)
    job = next(iter(doc["jobs"].values()))
    problems = []
    if {k: str(v) for k, v in doc.get("env", {}).items()} != parsed["env"]:
        problems.append("workflow env differs from PyYAML's reading")
    for mine, theirs in zip(parsed["steps"], job["steps"]):
        for key in ("name", "if", "uses", "run"):
            if key in theirs and str(theirs[key]) != mine.get(key):
                problems.append(f"step {theirs.get('name')}: {key} differs from PyYAML's reading")
        for key in ("env", "with"):
            if key in theirs and {k: str(v) for k, v in theirs[key].items()} != mine.get(key):
                problems.append(f"step {theirs.get('name')}: {key} differs from PyYAML's reading")
    if len(parsed["steps"]) != len(job["steps"]):
        problems.append("number of steps differs from PyYAML's reading")
    return problems


def expand(value, context):
    def one(m):
        key = m.group(1).strip()
        if key not in context:
            raise KeyError(f"expression not known to the test runner: {key}")
        return context[key]
    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def condition(expr, context, repo):
    if not expr:
        return True
    py = expr
    py = re.sub(r"hashFiles\('([^']*)'\)\s*!=\s*''",
                lambda m: str(os.path.exists(os.path.join(repo, m.group(1)))), py)
    py = re.sub(r"github\.event_name\s*==\s*'([^']*)'",
                lambda m: str(context["github.event_name"] == m.group(1)), py)
    py = py.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    if re.sub(r"\b(True|False|and|or|not)\b|[()\s]", "", py):
        raise ValueError(f"if: not understood by the test runner: {expr}")
    return eval(py)


def main():
    workflow, repo, event, context_file, out_file = sys.argv[1:6]
    text = open(workflow, encoding="utf-8").read()
    parsed = parse(text)
    context = json.load(open(context_file))
    context["github.event_name"] = event
    runner_temp = context["runner.temp"]
    files = {name: os.path.join(runner_temp, name) for name in ("summary.md", "path", "output", "env")}
    for f in files.values():
        open(f, "a").close()
    env = dict(os.environ)
    env.update(RUNNER_TEMP=runner_temp, GITHUB_STEP_SUMMARY=files["summary.md"], GITHUB_PATH=files["path"],
               GITHUB_OUTPUT=files["output"], GITHUB_ENV=files["env"], GITHUB_WORKSPACE=repo, CI="true",
               GITHUB_ACTIONS="true")
    for k, v in parsed["env"].items():
        env[k] = expand(v, context)
    results = {"problems": cross_check(text, parsed), "steps": []}
    for step in parsed["steps"]:
        name = step.get("name", step.get("uses", "?"))
        record = {"name": name, "uses": step.get("uses"), "with": step.get("with", {}), "ran": False}
        results["steps"].append(record)
        if not condition(step.get("if", ""), context, repo):
            continue
        if "run" not in step:
            record["ran"] = True
            continue
        step_env = dict(env)
        for k, v in step.get("env", {}).items():
            step_env[k] = expand(v, context)
        extra_path = [p for p in open(files["path"]).read().splitlines() if p]
        if extra_path:
            step_env["PATH"] = ":".join(reversed(extra_path)) + ":" + step_env["PATH"]
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo,
                           env=step_env, capture_output=True, text=True, timeout=600)
        record.update(ran=True, exit=p.returncode, stdout=p.stdout, stderr=p.stderr,
                      continue_on_error=step.get("continue-on-error") == "true")
    json.dump(results, open(out_file, "w"), indent=1)


if __name__ == "__main__":
    main()
