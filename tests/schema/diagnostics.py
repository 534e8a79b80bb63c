#!/usr/bin/env python3
"""Checks `pm validate --format json` against schemas/diagnostics.schema.json with ajv:

- the JSON output for every reproducer (tests/errors, tests/cli; generated ones too) and
  every golden JSON output (*.stdout) is valid for the schema;
- it says what the text output says: rendered as FILE:LINE:COL: SEVERITY: MESSAGE [CODE],
  its diagnostics are exactly the golden stderr of the reproducer, with the same exit status;
- the schema is not vacuous: each document in tests/schema/bad-diagnostics/ is invalid.

Skipped (exit 77) when ajv is missing, unless CI=true.
usage: diagnostics.py SOURCE_DIR WORK_DIR PM
"""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def one_line(s):
    """As cli/reporters.cpp prints text: control characters escaped."""
    out = []
    for c in s:
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\x%02x" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def as_text(d):
    where = d["file"]
    if d["line"] > 0:
        where += f":{d['line']}" + (f":{d['column']}" if d["column"] > 0 else "")
    return f"{one_line(where)}: {d['severity']}: {one_line(d['message'])} [{d['code']}]"


def main(src, work, pm):
    ajv = common.find_ajv(src)
    os.makedirs(work, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PM_LANG", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"

    # Reproducers run as the golden tests run them by default: "pm validate NAME.yaml" in
    # their directory (generated ones in the work directory), here with --format json.
    runs = []  # (label, directory, argument, golden .expected)
    for case_dir in ("tests/errors", "tests/cli"):
        d = os.path.join(src, case_dir)
        for expected in sorted(glob.glob(os.path.join(d, "*.expected"))):
            name = os.path.basename(expected)[: -len(".expected")]
            if os.path.exists(os.path.join(d, name + ".cmd")):
                continue
            if os.path.exists(os.path.join(d, name + ".gen")):
                with open(os.path.join(work, name + ".yaml"), "wb") as out:
                    subprocess.run(["bash", name + ".gen"], cwd=d, stdout=out, check=True)
                runs.append((f"{case_dir}/{name}.gen", work, name + ".yaml", expected))
            else:
                runs.append((f"{case_dir}/{name}.yaml", d, name + ".yaml", expected))
    # The I/O errors, whose golden tests run commands.
    runs.append(("a missing file", os.path.join(src, "tests/errors"), "no-such-estate.yaml",
                 os.path.join(src, "tests/errors/missing-file.expected")))
    runs.append(("a directory without estates", os.path.join(src, "tests/errors"), "no-yaml-dir",
                 os.path.join(src, "tests/errors/no-yaml-dir.expected")))

    failures = 0
    outputs = {}
    for i, (label, cwd, arg, expected) in enumerate(runs):
        p = subprocess.run([pm, "validate", "--format", "json", arg], cwd=cwd, capture_output=True, env=env)
        path = os.path.join(work, f"out-{i:03}.json")
        with open(path, "wb") as f:
            f.write(p.stdout)
        outputs[path] = label
        try:
            doc = json.loads(p.stdout.decode("utf-8"))
            got = [as_text(d) for d in doc["diagnostics"]] + [f"exit {p.returncode}"]
        except (ValueError, KeyError, TypeError) as e:
            failures += 1
            print(f"FAIL: {label}: the JSON output is not usable ({e}):\n{p.stdout[:500]!r}")
            continue
        with open(expected, encoding="utf-8", errors="surrogateescape") as f:
            want = f.read().splitlines()
        if got != want:
            failures += 1
            print(f"FAIL: {label}: --format json says\n  " + "\n  ".join(got) +
                  f"\nbut the text output ({os.path.relpath(expected, src)}) says\n  " + "\n  ".join(want))
        if p.stderr:
            failures += 1
            print(f"FAIL: {label}: --format json wrote to stderr: {p.stderr!r}")
    for i, golden in enumerate(sorted(glob.glob(os.path.join(src, "tests", "*", "*.stdout")))):
        with open(golden, "rb") as f:
            data = f.read()
        if data.startswith(b"{"):  # ajv-cli reads a file by its extension: give it .json
            path = os.path.join(work, f"golden-{i:03}.json")
            with open(path, "wb") as f:
                f.write(data)
            outputs[path] = os.path.relpath(golden, src)

    schema = os.path.join(src, "schemas", "diagnostics.schema.json")
    verdicts = common.ajv_validate(ajv, src, schema, list(outputs))
    for path, label in outputs.items():
        if verdicts[path] is not None:
            failures += 1
            print(f"FAIL: the JSON output for {label} does not match the schema:\n{json.dumps(verdicts[path], indent=2)}")
    print(f"ok: {len(outputs)} JSON outputs checked against {os.path.relpath(schema, src)}")

    bad = sorted(glob.glob(os.path.join(src, "tests", "schema", "bad-diagnostics", "*.json")))
    if len(bad) < 5:
        print("FAIL: the negative controls in tests/schema/bad-diagnostics are missing")
        return 1
    verdicts = common.ajv_validate(ajv, src, schema, bad)
    for f in bad:
        if verdicts[f] is None:
            failures += 1
            print(f"FAIL: the schema accepts {os.path.relpath(f, src)}, which it must reject")
        else:
            print(f"ok: the schema rejects {os.path.basename(f)}")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: diagnostics.py SOURCE_DIR WORK_DIR PM", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])))
