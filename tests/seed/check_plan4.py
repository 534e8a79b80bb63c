#!/usr/bin/env python3
"""Plan 4 of the seed (篇四: an institution's property-management centre) as pm gives it.

tests/seed/plan4.tsv holds what the seed says (key, value, the seed's words); this checks each
row against pm's output for examples/institution-centre.yaml: the five units and their 13 posts,
one person each and nothing else (`pm staff -f json`); each post's age limit (under 45, 45 not
included), experience and requirements, each unit's scope and the internal application (the
report's JSON); and no fee per m² (`pm budget -f json`, the report's summary and text).

usage: check_plan4.py PM SOURCE_DIR
"""
import json
import os
import subprocess
import sys

import seedlib

PM, SRC = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(SRC, "examples", "institution-centre.yaml")
CN_DIGITS = {"1": "一", "2": "两", "3": "三", "4": "四", "5": "五"}

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


staff = json.loads(pm("staff", "-f", "json", "--lang", "zh", EXAMPLE))
report = json.loads(pm("report", "-f", "json", "--lang", "zh", EXAMPLE))
budget = json.loads(pm("budget", "-f", "json", "--lang", "zh", EXAMPLE))

all_sections = [x for top in report["sections"] for x in seedlib.sections(top)]
by_id = {x["id"]: x for x in all_sections}
report_text = "\n".join(t for top in report["sections"] for t in texts(top))

# The posts pm staffs, by unit name and post name, and the report's section of each.
staffed = {}
for d in staff["departments"]:
    for r in d["roles"]:
        staffed[(d["name"], r["name"])] = r


def post(unit, name):
    """The staffed post the seed's (unit, name) is: the same name, or the name with a gloss in
    brackets (招待所人员（管理员）)."""
    found = [r for (u, n), r in staffed.items() if u == unit and (n == name or n.startswith(name + "（"))]
    return found[0] if len(found) == 1 else None


def role_facts(unit, name):
    r = post(unit, name)
    if r is None:
        return None
    s = by_id.get("role-" + r["id"])
    if s is None:
        return None
    return {i["label"]: i["value"] for b in s["blocks"] if b["type"] == "facts" for i in b["items"]}


seed_posts = []
for key, value, words in seedlib.table("plan4.tsv"):
    kind, _, rest = key.partition(":")
    if kind == "units":
        names = [d["name"] for d in staff["departments"]]
        if names != value.split(","):
            fail(f"units: pm staffs {names}, the seed lists {value} ({words})")
    elif kind == "post":
        unit, name = rest.split(":")
        seed_posts.append((unit, name))
        r = post(unit, name)
        if r is None:
            fail(f"{key}: not staffed ({words})")
        elif r["headcount"] != int(value):
            fail(f"{key}: pm staffs {r['headcount']}, the seed says {value} ({words})")
    elif kind == "total":
        if staff["total"] != int(value):
            fail(f"total: pm staffs {staff['total']}, the seed's posts add up to {value}")
    elif kind == "age_under":
        want = f"{value} 岁以下（不含 {value} 岁）"
        for unit, name in seed_posts:
            facts = role_facts(unit, name)
            if facts is None or facts.get("年龄") != want:
                fail(f"age of {unit} {name}: {facts and facts.get('年龄')!r}, want {want!r} ({words})")
        if f"{value}岁以下，不含{value}岁" not in report_text:
            fail(f"the application's age condition is not in the report ({words})")
    elif kind == "experience":
        unit, name = rest.split(":")
        facts = role_facts(unit, name)
        want = f"{value} 年以上"
        if facts is None or facts.get("工作经验") != want:
            fail(f"{key}: {facts and facts.get('工作经验')!r}, want {want!r} ({words})")
    elif kind == "requirement":
        unit, name = rest.split(":")
        facts = role_facts(unit, name)
        if facts is None or not any(value in v for v in facts.values()):
            fail(f"{key}: {value!r} not among the post's requirements {facts} ({words})")
    elif kind == "scope":
        units = [s for s in all_sections if s["id"].startswith("duties-") and s["title"].endswith(rest)]
        scope = [b["text"] for s in units for b in s["blocks"] if b["type"] == "paragraph"]
        if not any(value in t for t in scope):
            fail(f"{key}: {value!r} not in the unit's scope {scope} ({words})")
    elif kind == "application":
        proc = "\n".join(texts(by_id["processes"])) if "processes" in by_id else ""
        want = CN_DIGITS[value] + "日内" if rest == "days" else value
        if want not in proc:
            fail(f"{key}: {want!r} not in the report's processes ({words})")
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

# The seed's posts and no others.
extra = [k for k in staffed if not any(u == k[0] and (n == k[1] or k[1].startswith(n + "（")) for u, n in seed_posts)]
if extra:
    fail(f"posts the seed does not give: {extra}")

seedlib.finish("plan4", failures, len(seedlib.table("plan4.tsv")))
