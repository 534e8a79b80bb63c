#!/usr/bin/env python3
"""ajv agreement test: an independent validator (ajv) applies schemas/estate.schema.json to
the same data as pm validate, and must agree with pm on where the schema ends and the
semantic rules begin:

- every file under examples/ is valid for ajv (estates, and targets files, kind: targets,
  against schemas/targets.schema.json as pm validate checks them), and so is every starter
  `pm init` writes. These are given to ajv-cli as YAML, which it reads itself with js-yaml (a
  YAML 1.1 reader: an unquoted 2026-02-17 is a timestamp to it), as a user would run it;
- every reproducer whose golden output shows a schema code (unknown-key, missing-key,
  wrong-type, not-allowed, out-of-range, bad-format, empty, too-long, duplicate-item) is
  invalid for ajv, and ajv faults each value pm points at (or the mapping or list holding it);
- every reproducer whose only problems are semantic (area-exceeds-total, duplicate-id,
  unknown-role, bad-date, ...) or that pm accepts is valid for ajv: those rules are pm's own.

Reproducers that fail before the schema (yaml-syntax, not-finite, ...) are not the schema's
business and are left out. Skipped (exit 77) when ajv or python3-yaml is missing, unless CI=true.

usage: agreement.py SOURCE_DIR WORK_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SCHEMA_CODES = {"unknown-key", "missing-key", "wrong-type", "not-allowed", "out-of-range", "bad-format", "empty",
                "too-long", "duplicate-item"}
SEMANTIC_CODES = {"area-exceeds-total", "area-parts-exceed-total", "households-exceed-total", "duplicate-id",
                  "unknown-role", "missing-licence", "bad-date", "reversed-range", "duplicate-name",
                  "duplicate-service", "contradiction", "overlapping-phases", "unknown-group", "group-cycle",
                  "role-conflict", "inspection-times", "unknown-phase"}


def golden_codes(expected):
    with open(expected, encoding="utf-8") as f:
        lines = f.read().splitlines()
    codes = {m.group(1) for line in lines[:-1] for m in [re.search(r"\[([a-z0-9-]+)\]$", line)] if m}
    return codes, lines[-1]


def ajv_pointers(errors):
    """The values ajv faults, as JSON Pointers."""
    out = set()
    for e in errors:
        p = e["instancePath"]
        out.add(p)
        if e["keyword"] == "additionalProperties":
            key = e["params"]["additionalProperty"].replace("~", "~0").replace("/", "~1")
            out.add(p + "/" + key)
    return out


def pm_schema_pointers(pm, path):
    p = subprocess.run([pm, "validate", "--format", "json", path], capture_output=True, text=True)
    return {d["pointer"] for d in json.loads(p.stdout)["diagnostics"] if d["code"] in SCHEMA_CODES}


def main(src, work, pm):
    common.need_yaml()
    ajv = common.find_ajv(src)
    import yaml2json  # needs yaml

    os.makedirs(work, exist_ok=True)
    accept, reject = [], []
    for f in sorted(glob.glob(os.path.join(src, "examples", "**", "*.yaml"), recursive=True) +
                    glob.glob(os.path.join(src, "examples", "**", "*.yml"), recursive=True)):
        accept.append(f)
    for t in ("residential", "villa", "mixed_use", "office", "campus_dormitory", "institution", "industrial_park"):
        starter = os.path.join(work, f"init-{t}.yaml")
        if os.path.exists(starter):
            os.remove(starter)
        if subprocess.run([pm, "init", "-t", t, starter], capture_output=True).returncode != 0:
            print(f"FAIL: pm init -t {t} failed")
            return 1
        accept.append(starter)
    # Read by ajv-cli itself (js-yaml), not converted by pm's rules first: what a user's CI sees.
    as_yaml = set(accept)
    cases = sorted(glob.glob(os.path.join(src, "tests", "errors", "*.expected")) +
                   glob.glob(os.path.join(src, "tests", "cli", "*.expected")))
    for expected in cases:
        data = expected[: -len(".expected")] + ".yaml"
        if not os.path.exists(data):
            continue  # generated or command cases: parse-level problems, not the schema's
        codes, status = golden_codes(expected)
        if codes & SCHEMA_CODES:
            reject.append(data)
        elif codes <= SEMANTIC_CODES and status in ("exit 0", "exit 1"):
            accept.append(data)
    if len(accept) < 12 or len(reject) < 9:
        print(f"too few cases found ({len(accept)} to accept, {len(reject)} to reject): is the corpus there?")
        return 1

    json_of = {}
    for f in accept + reject:
        out = os.path.join(work, os.path.relpath(f, src).replace("/", "__") + ".json")
        if yaml2json.main([f, out]) != 0:
            print(f"FAIL: {os.path.relpath(f, src)} could not be converted to JSON")
            return 1
        json_of[f] = out
    # As pm validate does: a targets file (kind: targets) against its own schema.
    verdicts = {}
    given = {f: (f if f in as_yaml else out) for f, out in json_of.items()}
    for kind in ("estate", "targets"):
        files = []
        for f, out in json_of.items():
            with open(out, encoding="utf-8") as fh:
                data = json.load(fh)
            is_targets = isinstance(data, dict) and data.get("kind") == "targets"
            if is_targets == (kind == "targets"):
                files.append(given[f])
        if files:
            schema = os.path.join(src, "schemas", kind + ".schema.json")
            verdicts.update(common.ajv_validate(ajv, src, schema, files))

    failures = 0
    for f in accept:
        rel = os.path.relpath(f, src)
        errors = verdicts[given[f]]
        if errors is None:
            print(f"ok: ajv accepts {rel}")
        else:
            failures += 1
            print(f"FAIL: pm finds no schema problem in {rel}, but ajv rejects it:\n{json.dumps(errors, indent=2)}")
    for f in reject:
        rel = os.path.relpath(f, src)
        errors = verdicts[given[f]]
        if errors is None:
            failures += 1
            print(f"FAIL: pm reports schema problems in {rel}, but ajv accepts it")
            continue
        faulted = ajv_pointers(errors)
        pm_ptrs = pm_schema_pointers(pm, f)
        unmatched = sorted(p for p in pm_ptrs if p not in faulted and p.rsplit("/", 1)[0] not in faulted)
        if unmatched:
            failures += 1
            print(f"FAIL: in {rel} pm faults {unmatched}, ajv only {sorted(faulted)}")
        else:
            print(f"ok: ajv rejects {rel} and faults what pm faults ({', '.join(sorted(pm_ptrs)) or 'the file'})")
    print(f"{len(accept)} accepted, {len(reject)} rejected, {failures} disagreement(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: agreement.py SOURCE_DIR WORK_DIR PM", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]))
