#!/usr/bin/env python3
"""The calibration suite: pm's default staffing of estates of every kind and size against the
published figures of sources.toml, and properties that hold for any estate.

usage: check.py PM SOURCE_DIR CHECK [WORK_DIR]
  ranges      every estate's total, and its main roles, inside the ranges its sources give
  table       print the README's calibration table (Markdown)
  readme      README.md holds that table as printed
  monotone    staffing never falls when area, floors, households, lifts or the service grade rise
  outsourcing outsourcing a service never raises the in-house headcount, and removes its posts
"""
import copy
import json
import math
import os
import subprocess
import sys
import tomllib

import yaml

PM, SRC, CHECK = sys.argv[1], sys.argv[2], sys.argv[3]
WORK = sys.argv[4] if len(sys.argv) > 4 else None
HERE = os.path.join(SRC, "tests", "calibration")
with open(os.path.join(HERE, "sources.toml"), "rb") as f:
    DATA = tomllib.load(f)
SOURCES = DATA["source"]
# Which of pm's roles each of the grade table's role groups counts, and the quantity it divides.
GROUPS = {
    "cleaners": (["indoor_cleaner", "outdoor_cleaner"], "area"),
    "maintenance": (["electrician", "plumber", "general_maintenance"], "area"),
    "customer_service": (["cs_clerk"], "households"),
    "gardeners": (["gardener"], "green"),
}
TYPE_NAMES = {"residential": "住宅 residential", "office": "写字楼 office", "campus_dormitory": "校园 campus"}
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


def staff_file(path, *args):
    p = subprocess.run([PM, "staff", path, "--format", "json", *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"pm staff {path} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def roles(s):
    return {r["id"]: r["headcount"] for d in s["departments"] for r in d["roles"]}


def load(entry):
    with open(os.path.join(HERE, entry["file"]), encoding="utf-8") as f:
        return yaml.safe_load(f)


def total_range(entry, estate):
    area = estate["areas"]["total"]
    lows, highs, cited = [], [], []
    for name in entry["totals"]:
        for lo_area, hi_area, lo, hi in SOURCES[name][entry["kind"]]:
            if lo_area <= area < hi_area:
                lows.append(lo)
                highs.append(hi)
                cited.append(name)
    return math.floor(area / max(highs)), math.ceil(area / min(lows)), min(lows), max(highs), cited


def role_range(group, estate):
    _, what = GROUPS[group]
    q = {"area": estate["areas"]["total"], "green": estate["areas"].get("green", 0),
         "households": estate.get("households", 0)}[what]
    low, high = SOURCES["grade-table"][group][estate["grade"] - 1]
    lo, hi = math.floor(q / high), math.ceil(q / low)
    if group == "customer_service":  # at least 2 at grades 1 and 2, 1 at 3 and 4
        least = 2 if estate["grade"] <= 2 else 1
        lo, hi = max(lo, least), max(hi, least)
    return lo, hi


def check_ranges():
    for entry in DATA["estate"]:
        estate = load(entry)
        s = staff_file(os.path.join(HERE, entry["file"]))
        lo, hi, *_ = total_range(entry, estate)
        expect(lo <= s["total"] <= hi, f"{entry['file']}: total {s['total']} outside {lo}–{hi}")
        got = roles(s)
        for group in entry["roles"]:
            ids, _ = GROUPS[group]
            n = sum(got.get(r, 0) for r in ids)
            rlo, rhi = role_range(group, estate)
            expect(rlo <= n <= rhi, f"{entry['file']}: {group} {n} outside {rlo}–{rhi}")


def table():
    rows = ["| Estate | Type | Grade | Area m² | Staff | m²/person | Range | Source |",
            "|---|---|---:|---:|---:|---:|---:|---|"]
    for entry in DATA["estate"]:
        estate = load(entry)
        s = staff_file(os.path.join(HERE, entry["file"]), "--lang", "en")
        lo, hi, mlo, mhi, cited = total_range(entry, estate)
        area = estate["areas"]["total"]
        src = "; ".join(dict.fromkeys(f"{SOURCES[c]['title']} ({SOURCES[c]['issuer']})" for c in cited))
        rows.append(f"| {estate['name']['en']} | {estate['type']} | {estate['grade']} | {area:,} | {s['total']} | "
                    f"{round(area / s['total']):,} | {lo}–{hi} ({mlo:,}–{mhi:,} m²/person) | {src} |")
    return "\n".join(rows) + "\n"


def check_readme():
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    expect(table() in readme, "README.md's calibration table differs from `tests/calibration/check.py table`: "
           "paste its output into README.md")


def variant(estate, name):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"{estate['id']}-{name}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(estate, f, allow_unicode=True, sort_keys=False)
    return staff_file(path)


def check_monotone():
    for entry in DATA["estate"]:
        base = load(entry)
        before = staff_file(os.path.join(HERE, entry["file"]))["total"]

        def more(name, change):
            e = copy.deepcopy(base)
            change(e)
            after = variant(e, name)["total"]
            expect(after >= before, f"{entry['file']}: {name}: staff fell from {before} to {after}")

        def area(e):
            for k in e["areas"]:
                e["areas"][k] = round(e["areas"][k] * 1.5)

        def floors(e):
            for b in e["buildings"]:
                b["floors"] = b.get("floors", 1) + 10

        def households(e):
            e["households"] = e.get("households", 500) * 2

        def lifts(e):
            e.setdefault("equipment", {})["lifts"] = e.get("equipment", {}).get("lifts", 0) + 20

        more("area", area)
        more("floors", floors)
        more("households", households)
        more("lifts", lifts)
        for g in range(base["grade"] - 1, 0, -1):
            more(f"grade{g}", lambda e, g=g: e.__setitem__("grade", g))


# Each outsourced service and the in-house roles it must remove.
SERVICES = {"security": ["gate_guard", "patrol_guard", "carpark_guard", "control_room_operator"],
            "cleaning": ["indoor_cleaner", "outdoor_cleaner"], "greening": ["gardener"],
            "lift_maintenance": ["lift_technician"], "fire_system_maintenance": [], "pest_control": [],
            "water_tank_cleaning": [], "waste_removal": [], "river_cleaning": [], "municipal_road_cleaning": []}


def check_outsourcing():
    for entry in DATA["estate"]:
        base = load(entry)
        before = staff_file(os.path.join(HERE, entry["file"]))
        for service, removed in SERVICES.items():
            e = copy.deepcopy(base)
            e.setdefault("outsourced", []).append({"service": service, "annual_cost": 100000})
            after = variant(e, f"out-{service}")
            expect(after["total"] <= before["total"],
                   f"{entry['file']}: outsourcing {service} raised staff from {before['total']} to {after['total']}")
            left = {r: n for r, n in roles(after).items() if r in removed and n > 0}
            expect(not left, f"{entry['file']}: {service} outsourced, yet in-house {left}")
            had = any(roles(before).get(r, 0) > 0 for r in removed)
            expect(not had or f"outsourced.{service}" not in after["unused_inputs"],
                   f"{entry['file']}: outsourced {service} removed posts, yet is reported as unused")


if CHECK == "ranges":
    check_ranges()
elif CHECK == "table":
    sys.stdout.write(table())
elif CHECK == "readme":
    check_readme()
elif CHECK == "monotone":
    check_monotone()
elif CHECK == "outsourcing":
    check_outsourcing()
else:
    sys.exit(f"unknown check {CHECK}")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
