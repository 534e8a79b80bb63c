#!/usr/bin/env python3
"""Plan 1 (the 145,000 m² residential estate, examples/residential-145k.yaml) as the seed wrote it.

Reads tests/seed/plan1.tsv (key, the seed's value, the seed's words) and checks every row
against what pm prints for the example under the norm set that reproduces the plan
(cn-practice): `pm staff -f json` for the departments, posts, headcounts, shifts and duties,
`pm report -f json` for the areas, buildings, lifts, garages, spaces and the maintenance
calendar. Fails when the example, the norm set or pm drifts from the seed.
Usage: check_plan1.py PM_BIN SOURCE_DIR
"""
import re
import sys

import seedlib

PM, SRC = sys.argv[1], sys.argv[2]
ESTATE = "examples/residential-145k.yaml"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


rows = seedlib.table("plan1.tsv")

args = ["--lang", "en", "--norms", "cn-practice", "-f", "json"]
out = seedlib.run_json(PM, {cmd: [cmd, ESTATE, *args] for cmd in ("staff", "report")}, SRC)
staff, report = out["staff"], out["report"]

departments = {d["id"]: d["headcount"] for d in staff["departments"]}
roles = {r["id"]: r for d in staff["departments"] for r in d["roles"]}
posts = {p["id"]: p for p in staff["posts"]}


facts = {}
for b in seedlib.section(report["sections"], "overview")["blocks"]:
    if b["type"] == "facts":
        facts.update({x["label"]: x["value"] for x in b["items"]})


def fact_number(label):
    """The figure a fact of the overview gives, without its unit or marks: '145,000 m²' → 145000."""
    m = re.match(r"([\d,]+)", facts.get(label, ""))
    return int(m.group(1).replace(",", "")) if m else None


AREA_LABELS = {"total": "Area managed", "residential": "Residential", "green": "Green",
               "underground_garage": "Underground garage"}
COUNT_LABELS = {"lifts": "Lifts", "garages": "Garages", "spaces": "Parking spaces", "patrol_zones": "Patrol zones"}
seen = set()
for key, value, words in rows:
    where = f"{key} = {value} ({words})"
    seen.add(key.split(".")[0])
    if key == "total":
        check(staff["total"] == int(value), f"{where}: pm staffs {staff['total']}")
    elif key.startswith("department."):
        got = departments.get(key.split(".", 1)[1])
        check(got == int(value), f"{where}: pm staffs {got}")
    elif key.startswith("role."):
        r = roles.get(key.split(".", 1)[1])
        check(r is not None and r["headcount"] == int(value), f"{where}: pm staffs {r and r['headcount']}")
    elif key.startswith("line."):
        _, role, building = key.split(".")
        words_en = building.replace("_", "-")
        lines = [x for x in roles.get(role, {"lines": []})["lines"] if words_en in x["explanation"]]
        check(len(lines) == 1 and lines[0]["people"] == int(value),
              f"{where}: pm's {words_en} lines {[(x['explanation'], x['people']) for x in lines]}")
    elif key.startswith("duty."):
        p = posts.get(key.split(".", 1)[1])
        check(p is not None and p["duty"] and p["seats"] == int(value), f"{where}: pm's post {p}")
    elif key == "shifts.security":
        for pid in ("gate", "patrol", "control_room"):
            p = posts.get(pid)
            ok = p is not None and len(p["shifts"]) == int(value) and p["weekly_hours"] == 168 * p["seats"]
            check(ok, f"{where}: pm's post {pid}: {p and p['shifts']}")
    elif key.startswith("buildings."):
        kind = key.split(".", 1)[1].replace("_", "-")
        m = re.search(r"(\d+) " + kind, facts.get("Buildings", ""))
        check(m is not None and int(m.group(1)) == int(value), f"{where}: pm says {facts.get('Buildings')!r}")
    elif key.startswith("area."):
        got = fact_number(AREA_LABELS[key.split(".", 1)[1]])
        check(got == int(value), f"{where}: pm says {got}")
    elif key in COUNT_LABELS:
        got = fact_number(COUNT_LABELS[key])
        check(got == int(value), f"{where}: pm says {got}")
    elif key == "calendar.plant_inspection":
        table = next(b for b in seedlib.section(report["sections"], "maintenance")["blocks"] if b.get("id") == "maintenance")
        cols = [c["id"] for c in table["columns"]]
        row = next((r for r in table["rows"] if r.get("key") == "plant_inspection"), None)
        months = [int(c[1:]) for c, cell in zip(cols, row["cells"]) if re.fullmatch(r"m\d+", c) and cell] if row else []
        check(months == [int(x) for x in value.split(",")], f"{where}: pm's calendar marks months {months}")
    else:
        check(False, f"{where}: no check for this key")

# Every kind of figure the seed gives has rows: a table cut short does not pass.
for kind in ("total", "department", "role", "line", "duty", "shifts", "buildings", "area", "lifts", "garages",
             "spaces", "calendar"):
    check(kind in seen, f"plan1.tsv has no {kind} rows")
check(len([k for k, _, _ in rows if k.startswith("role.")]) == 19, "plan1.tsv does not list the plan's 19 posts")

seedlib.finish("plan1", failures, len(rows))
