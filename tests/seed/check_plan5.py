#!/usr/bin/env python3
"""Plan 5 of the seed (篇五: a college's student dormitories) as pm gives it.

tests/seed/plan5.tsv holds what the seed says (key, value, the seed's words); this checks each
row against pm's output for examples/college-dormitories.yaml: the dormitory rules, the survey
frequency (every quarter or half year, not the standard's once a year), fire equipment on every
floor counted as buildings × floors, the volunteer fire team, the commitments, the cleaning
standards, two inspection rounds a day and the liability limits (the report's JSON); the
24-hour posts of the managers and of the water and electrical staff (`pm staff -f json`); and no
fee per m² (`pm budget -f json`, the report's summary and text).

usage: check_plan5.py PM SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys

import seedlib

PM, SRC = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(SRC, "examples", "college-dormitories.yaml")

failures = []


def fail(msg):
    failures.append(msg)


def pm(*args):
    r = subprocess.run([PM, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"pm {' '.join(args)} exited {r.returncode}:\n{r.stderr}")
    return r.stdout




def texts(s):
    """Every text of a section and its subsections: paragraphs, list items, facts, cells."""
    out = []
    for x in seedlib.sections(s):
        for b in x["blocks"]:
            if b["type"] == "paragraph":
                out.append(b["text"])
            elif b["type"] == "list":
                out.extend(b["items"])
            elif b["type"] == "facts":
                out.extend(f'{i["label"]}：{i["value"]}' for i in b["items"])
            elif b["type"] == "table":
                out.append(b["caption"])
                for r in b["rows"]:
                    out.extend(str(c) for c in r["cells"])
    return out




def floors_of(path):
    """The floors of all the example's buildings: each group's count × floors."""
    total, group = 0, None
    in_buildings = False
    for line in open(path, encoding="utf-8"):
        if re.match(r"^\S", line):
            in_buildings = line.startswith("buildings:")
            continue
        if not in_buildings:
            continue
        if re.match(r"^  - ", line):
            if group:
                total += group.get("count", 0) * group.get("floors", 0)
            group = {}
        m = re.match(r"^\s+-?\s*(count|floors):\s*(\d+)", line)
        if m and group is not None:
            group[m.group(1)] = int(m.group(2))
    if group:
        total += group.get("count", 0) * group.get("floors", 0)
    return total


staff = json.loads(pm("staff", "-f", "json", "--lang", "zh", EXAMPLE))
report = json.loads(pm("report", "-f", "json", "--lang", "zh", EXAMPLE))
budget = json.loads(pm("budget", "-f", "json", "--lang", "zh", EXAMPLE))

all_sections = [x for top in report["sections"] for x in seedlib.sections(top)]
by_id = {x["id"]: x for x in all_sections}
report_text = "\n".join(t for top in report["sections"] for t in texts(top))


def text_of(section_id):
    return "\n".join(texts(by_id[section_id])) if section_id in by_id else ""


def tables(section_id):
    return [b for s in seedlib.sections(by_id.get(section_id, {"blocks": [], "sections": []})) for b in s["blocks"]
            if b["type"] == "table"]


def listed_after(section_id, title):
    """The items of the list that follows the paragraph `title` in a section."""
    blocks = by_id[section_id]["blocks"] if section_id in by_id else []
    for i, b in enumerate(blocks):
        if b["type"] == "paragraph" and b["text"] == title and i + 1 < len(blocks) and blocks[i + 1]["type"] == "list":
            return blocks[i + 1]["items"]
    return []


floors = floors_of(EXAMPLE)
posts = {p["id"]: p for p in staff["posts"]}
headcount = {r["id"]: r["headcount"] for d in staff["departments"] for r in d["roles"]}

for key, value, words in seedlib.table("plan5.tsv"):
    kind, _, rest = key.partition(":")
    if kind == "rule":
        items = [i for b in by_id.get("rules", {"blocks": []})["blocks"] if b["type"] == "list" for i in b["items"]]
        if value not in items:
            fail(f"rule {value!r} not among the report's rules ({words})")
    elif kind == "survey_frequency":
        rows_ = [r for t in tables("standards") + tables("maintenance") for r in t["rows"]
                 if r["key"].startswith("satisfaction")]
        if not rows_:
            fail("no satisfaction survey in the standards or the maintenance calendar")
        for r in rows_:
            cells = " ".join(str(c) for c in r["cells"])
            if value not in cells or "每年至少" in cells:
                fail(f"survey {r['key']}: {cells!r}, want {value!r} ({words})")
    elif kind == "report_frequency":
        if value not in report_text:
            fail(f"{value!r} (reporting to the group) not in the report ({words})")
    elif kind == "fire_per_floor":
        found = [r["cells"] for t in tables("fire-safety") for r in t["rows"] if r["cells"][0] == value]
        if len(found) != 1 or found[0][-1] != floors:
            fail(f"fire equipment {value!r}: {found}, want one row counting {floors} floors ({words})")
    elif kind == "fire_floors":
        counts = [r["cells"][-1] for t in tables("fire-safety") for r in t["rows"]]
        if not counts or any(c != floors for c in counts) or floors <= 0:
            fail(f"fire equipment on every floor: counts {counts}, the example's floors {floors} ({words})")
    elif kind in ("fire_team", "fire_duty"):
        if value not in text_of("fire-safety"):
            fail(f"{kind} {value!r} not in the report's fire safety ({words})")
    elif kind == "duty_24h":
        p = posts.get(rest)
        if p is None:
            fail(f"no post {rest} ({words})")
            continue
        hours = sum(((int(s["end"][:2]) * 60 + int(s["end"][3:]) - int(s["start"][:2]) * 60 - int(s["start"][3:]))
                     % 1440 or 1440) for s in p["shifts"]) / 60
        if p["duty"] or hours != int(value) or p["weekly_hours"] != p["seats"] * int(value) * 7:
            fail(f"post {rest}: {hours} h a day, {p['weekly_hours']} h a week, duty {p['duty']}; "
                 f"want {value} h a day every day ({words})")
        for role in p["roles"]:
            if headcount.get(role) != p["people"]:
                fail(f"post {rest}: role {role} has {headcount.get(role)} people, the post {p['people']}: "
                     f"the round-the-clock post should be all of them ({words})")
    elif kind == "commitment":
        if value not in text_of("commitments"):
            fail(f"commitment {value!r} not in the report ({words})")
    elif kind == "inspection_rounds":
        facts = {i["label"]: i["value"] for b in by_id.get("inspections", {"blocks": []})["blocks"]
                 if b["type"] == "facts" for i in b["items"]}
        if facts.get("每天巡查次数") != value:
            fail(f"inspection rounds: {facts.get('每天巡查次数')!r}, want {value} ({words})")
    elif kind == "cleaning":
        if value not in text_of("cleaning-standards"):
            fail(f"cleaning standard {value!r} not in the report ({words})")
    elif kind in ("liability_borne", "liability_not_borne"):
        items = listed_after("liability", "我方承担：" if kind == "liability_borne" else "我方不承担：")
        if value not in items:
            fail(f"{kind} {value!r} not in {items} ({words})")
    elif kind == "fee":
        if budget["fee_charged"] is not False or budget["fee"] is not None or budget["fee_per_m2_month"] is not None:
            fail(f"fee: pm budget gives a fee ({words})")
        summary = report["summary"]
        if summary["fee_charged"] is not False or summary["fee_per_m2_month"] is not None:
            fail(f"fee: the report's summary gives a fee ({words})")
        if "元/m²·月" in report_text or "物业服务费测算" in report_text:
            fail(f"fee: the report prints a fee per m² ({words})")
    else:
        fail(f"unknown key {key}")

seedlib.finish("plan5", failures, len(seedlib.table("plan5.tsv")))
