#!/usr/bin/env python3
"""Checks of `pm staff --format json` that golden files can't state plainly.

usage: check_staffing.py PM SOURCE_DIR CHECK [WORK_DIR]
  plan1      cn-practice on examples/residential-145k.yaml reproduces the plan's 39 people
  default    the default norm set (cn-standard) staffs the same estate lawfully
  sums       roles sum to departments, departments to the total (every example, norm set, language)
  one-ratio  changing one ratio in a copy of cn-standard.toml changes exactly the lines that use it
"""
import glob
import json
import os
import re
import subprocess
import sys

PM, SRC, CHECK = sys.argv[1], sys.argv[2], sys.argv[3]
RESIDENTIAL = os.path.join(SRC, "examples", "residential-145k.yaml")
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


def staff(estate, *args):
    p = subprocess.run([PM, "staff", estate, "--format", "json", *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"pm staff {estate} {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def roles(s):
    return {r["id"]: r["headcount"] for d in s["departments"] for r in d["roles"]}


def departments(s):
    return {d["id"]: d["headcount"] for d in s["departments"]}


def check_plan1():
    s = staff(RESIDENTIAL, "--norms", "cn-practice", "--lang", "en")
    expect(s["norms"] == "cn-practice" and s["labor"] == "cn", f"norms/labor: {s['norms']}/{s['labor']}")
    expect(s["total"] == 39, f"total {s['total']}, expected 39")
    expect(departments(s) == {"management": 1, "customer_service": 5, "maintenance": 8, "security": 13,
                              "environment": 12}, f"departments {departments(s)}")
    # The posts of the 145,000 m² estate's plan.
    plan1 = {"project_manager": 1,
             "cs_supervisor": 1, "receptionist": 1, "cashier": 1, "storekeeper": 1, "admin_clerk": 1,
             "maintenance_supervisor": 1, "electrician": 2, "plumber": 2, "lift_technician": 1,
             "hv_duty_electrician": 2,
             "security_supervisor": 1, "gate_guard": 3, "patrol_guard": 6, "control_room_operator": 3,
             "environment_supervisor": 1, "indoor_cleaner": 5, "outdoor_cleaner": 3, "gardener": 3}
    expect(roles(s) == plan1, f"roles {roles(s)}")
    lawful = [w for w in s["warnings"] if w["code"] == "unlawful-cover"]
    phrase = "3 people for a round-the-clock seat = 56 h/week each; limit 40 h + 36 h/month overtime"
    expect(any(phrase in w["message"] and w["post"] == "control_room" for w in lawful),
           f"no 56-hour warning for the control room in {lawful}")
    expect({w["post"] for w in lawful} == {"gate", "patrol", "control_room", "hv_room"},
           f"unlawful-cover posts {[w['post'] for w in lawful]}")
    zh = staff(RESIDENTIAL, "--norms", "cn-practice")
    expect(zh["lang"] == "zh", "the estate's locale (zh-CN) picks Chinese")
    expect(any("3 人承担 1 个 24 小时岗位 = 每人每周 56 小时" in w["message"] for w in zh["warnings"]),
           "no Chinese 56-hour warning")


def check_default():
    practice = staff(RESIDENTIAL, "--norms", "cn-practice", "--lang", "en")
    s = staff(RESIDENTIAL, "--lang", "en")
    expect(s["norms"] == "cn-standard", f"default norms {s['norms']}")
    expect(not [w for w in s["warnings"] if w["code"] == "unlawful-cover"], f"unlawful cover: {s['warnings']}")
    expect(departments(s)["security"] > departments(practice)["security"], "no more security staff than practice")
    expect(roles(s)["control_room_operator"] > roles(practice)["control_room_operator"], "no more control-room staff")
    cr = [p for p in s["posts"] if p["id"] == "control_room"]
    expect(len(cr) == 1 and cr[0]["seats"] == 2 and len(cr[0]["shifts"]) == 3,
           f"control room not 2 per shift on three shifts: {cr}")
    limit = 40 + 36 * 12 / 52
    for p in s["posts"]:
        if not p["duty"]:
            expect(p["hours_per_person"] <= limit, f"post {p['id']}: {p['hours_per_person']} h/week each")
    for d in s["departments"]:
        for r in d["roles"]:
            for line in r["lines"]:
                expect(line["explanation"] and line["source"], f"{r['id']}: a line without explanation or source")
                if line["kind"] != "fixed":
                    expect(" = " in line["explanation"], f"{r['id']}: no arithmetic in {line['explanation']!r}")


def check_sums():
    examples = sorted(glob.glob(os.path.join(SRC, "examples", "*.yaml")))
    expect(len(examples) >= 2, "no examples")
    for e in examples:
        for norms in ("cn-standard", "cn-practice"):
            for lang in ("zh", "en"):
                s = staff(e, "--norms", norms, "--lang", lang)
                where = f"{os.path.basename(e)} {norms} {lang}"
                total = 0
                for d in s["departments"]:
                    expect(sum(r["headcount"] for r in d["roles"]) == d["headcount"], f"{where}: {d['id']}")
                    for r in d["roles"]:
                        expect(sum(l["people"] for l in r["lines"]) == r["headcount"], f"{where}: {r['id']}")
                    total += d["headcount"]
                expect(total == s["total"], f"{where}: departments sum to {total}, total {s['total']}")


def check_one_ratio(work):
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(SRC, "lib", "data", "norms", "cn-standard.toml"), encoding="utf-8") as f:
        text = f.read()
    # The gardener rule: one [[rule]] block; halve its capacities (m² of green per gardener, by
    # service grade).
    blocks = text.split("[[rule]]")
    hits = [i for i, b in enumerate(blocks) if re.search(r'^role = "gardener"$', b, re.M)]
    if len(hits) != 1:
        sys.exit(f"expected one gardener rule in cn-standard.toml, found {len(hits)}")
    blocks[hits[0]], n = re.subn(r"^per_by_grade = \[12500, 17500, 22500, 27500\]$",
                                 "per_by_grade = [6250, 8750, 11250, 13750]", blocks[hits[0]], flags=re.M)
    if n != 1:
        sys.exit("the gardener rule has no 'per_by_grade = [12500, 17500, 22500, 27500]'")
    custom = os.path.join(work, "custom.toml")
    with open(custom, "w", encoding="utf-8") as f:
        f.write("[[rule]]".join(blocks))
    for e in sorted(glob.glob(os.path.join(SRC, "examples", "*.yaml"))):
        a = staff(e, "--norms", os.path.join(SRC, "lib", "data", "norms", "cn-standard.toml"), "--lang", "en")
        b = staff(e, "--norms", custom, "--lang", "en")
        where = os.path.basename(e)
        changed = []
        la = {(d["id"], r["id"]): r for d in a["departments"] for r in d["roles"]}
        lb = {(d["id"], r["id"]): r for d in b["departments"] for r in d["roles"]}
        expect(la.keys() == lb.keys(), f"{where}: roles differ {la.keys() ^ lb.keys()}")
        for key in la:
            if la[key] != lb.get(key):
                changed.append(key[1])
        if ("environment", "gardener") not in la:
            # An estate staffed by its own units (plan 4) doesn't use the rule at all.
            expect(changed == [], f"{where}: changed roles {changed}, expected none")
            continue
        expect(changed == ["gardener"], f"{where}: changed roles {changed}, expected only gardener")
        g_a, g_b = la[("environment", "gardener")], lb[("environment", "gardener")]
        per = [re.search(r"÷ ([\d,]+) per person", g["explanation"]) for g in (g_a, g_b)]
        expect(all(per) and int(per[0].group(1).replace(",", "")) == 2 * int(per[1].group(1).replace(",", "")),
               f"{where}: gardener explanations {g_a['explanation']!r} / {g_b['explanation']!r}")
        delta = g_b["headcount"] - g_a["headcount"]
        expect(delta >= 0, f"{where}: less green per gardener gave fewer gardeners")
        da, db = departments(a), departments(b)
        expect({k: v for k, v in da.items() if k != "environment"} == {k: v for k, v in db.items() if k != "environment"},
               f"{where}: other departments changed")
        expect(db["environment"] - da["environment"] == delta and b["total"] - a["total"] == delta,
               f"{where}: environment/total did not change by {delta}")
        expect(a["posts"] == b["posts"], f"{where}: posts changed")
        expect([w for w in a["warnings"] if w["code"] != "indicator-out-of-band"] ==
               [w for w in b["warnings"] if w["code"] != "indicator-out-of-band"], f"{where}: warnings changed")


if CHECK == "plan1":
    check_plan1()
elif CHECK == "default":
    check_default()
elif CHECK == "sums":
    check_sums()
elif CHECK == "one-ratio":
    check_one_ratio(sys.argv[4])
else:
    sys.exit(f"unknown check {CHECK}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
