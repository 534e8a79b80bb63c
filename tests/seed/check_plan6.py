#!/usr/bin/env python3
"""Plan 6 (the city's campaign, examples/city-portfolio) as the seed wrote it.

Reads tests/seed/plan6.tsv (key, the seed's value, the seed's words) and checks every row
against what `pm portfolio examples/city-portfolio` prints: the JSON for each value, and the
Markdown report for the names a reader sees. Fails when the example or pm drifts from the seed.
Usage: check_plan6.py PM_BIN SOURCE_DIR
"""
import json
import re
import subprocess
import sys

import seedlib

PM, SRC = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([PM, "--lang", "zh", *args], cwd=SRC, capture_output=True, text=True)


rows = seedlib.table("plan6.tsv")

j = run("portfolio", "examples/city-portfolio", "-f", "json")
check(j.returncode in (0, 1) and j.stdout, f"pm portfolio -f json failed ({j.returncode}): {j.stderr[:300]}")
out = json.loads(j.stdout)
md = run("portfolio", "examples/city-portfolio", "-f", "md").stdout
camp = out["campaign"]
targets = {t["id"]: t for t in out["targets"]}
group = camp["groups"][0] if camp["groups"] else {}
departments = [d["name"] for d in camp["departments"]]
seen = set()

for key, value, words in rows:
    where = f"{key} = {value} ({words})"
    if key == "scope.estates":
        check(camp["scope"]["estates"] == int(value), f"{where}: pm says {camp['scope']['estates']}")
        check(value in md, f"{where}: not in the report")
    elif key.startswith("phase."):
        _, n, field = key.split(".")
        phases = camp["phases"]
        if int(n) > len(phases):
            check(False, f"{where}: pm has {len(phases)} phases")
            continue
        p = phases[int(n) - 1]
        if field == "name":
            check(p["name"] == value, f"{where}: pm says {p['name']}")
            check(value in md, f"{where}: not in the report")
        else:
            # The seed writes the year as 20xx.
            check(re.fullmatch(r"20\d\d-" + value, p[field]) is not None, f"{where}: pm says {p[field]}")
            check(p[field] in md, f"{where}: {p[field]} not in the report")
    elif key.startswith("target."):
        tid = key.split(".", 1)[1]
        seen.add(tid)
        t = targets.get(tid)
        check(t is not None, f"{where}: no such target in pm's output")
        if t:
            check(abs(t["goal"] - float(value)) < 1e-9, f"{where}: pm's goal is {t['goal']}")
            check(t["name"] in md, f"{where}: the target {t['name']} is not in the report")
    elif key == "tender.public_min_area":
        th = camp["tender_threshold"] or {}
        check(th.get("public_min_area") == float(value), f"{where}: pm says {th}")
        check(f"{int(value):,}" in md, f"{where}: not in the report")
    elif key == "tender.below":
        check((camp["tender_threshold"] or {}).get("below") == value, f"{where}: pm says {camp['tender_threshold']}")
    elif key == "group.lead":
        check(group.get("lead") == value, f"{where}: pm says {group.get('lead')}")
        check(value in md, f"{where}: not in the report")
    elif key == "group.deputy":
        check(value in group.get("deputies", []), f"{where}: pm says {group.get('deputies')}")
        check(value in md, f"{where}: not in the report")
    elif key == "group.member":
        check(value in group.get("members", []), f"{where}: pm says {group.get('members')}")
    elif key == "group.office_seat":
        check((group.get("office") or {}).get("seat") == value, f"{where}: pm says {group.get('office')}")
    elif key == "principle":
        check(camp["principle"] == value, f"{where}: pm says {camp['principle']}")
        check(value in md, f"{where}: not in the report")
    elif key == "department":
        check(value in departments, f"{where}: pm's bodies are {departments}")
        check(value in md, f"{where}: not in the report")
    else:
        check(False, f"unknown key {key}")

# The seed's targets, no fewer and no more; three phases.
check(seen == set(targets), f"targets in pm but not in the table, or the reverse: {sorted(set(targets) ^ seen)}")
check(len(camp["phases"]) == 3, f"pm has {len(camp['phases'])} phases, the seed 3")

seedlib.finish("plan6", failures, len(rows))
