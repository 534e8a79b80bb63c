#!/usr/bin/env python3
"""Writes N deterministic estate files (with governance facts) into DIR.

Used for the city portfolio example (plan 6) and for the benchmarks. Same N and seed,
same files.  Usage: gen_estates.py DIR N [--seed S] [--prefix P]
"""
import argparse
import os
import random

DISTRICTS = ["和平", "沈河", "大东", "皇姑", "铁西", "浑南", "于洪", "沈北", "苏家屯"]
WORDS = ["花园", "家园", "新村", "小区", "雅苑", "名邸", "新城", "嘉园", "公寓", "丽景"]
PREFIX = ["阳光", "金地", "绿城", "华润", "万科", "保利", "龙湖", "中海", "富力", "恒大", "首开", "远洋"]
COMPANIES = ["盛京物业", "万达物业", "长城物业", "东方物业", "和泰物业", "安居物业"]


def campaign_facts(i, seed, new, tendered, area):
    """The facts of a city's campaign (tender method and approval, covenant, repairs, property
    management, credit files), drawn from a stream of their own so that the other facts of
    each estate stay as they were. Some are left unstated, as in a real ledger."""
    rnd = random.Random(f"{seed}-campaign-{i}")
    g = {}
    if new and tendered:
        if area >= 50000:
            g["tender_method"] = "public" if rnd.random() < 0.8 else rnd.choice(["invited", "negotiated"])
        else:
            g["tender_method"] = rnd.choice(["public", "invited", "negotiated"])
            if g["tender_method"] != "public":
                g["tender_approved"] = rnd.random() < 0.7
    if new:
        g["covenant_signed"] = rnd.random() < 0.9
    g["eligible_for_management"] = True
    g["professionally_managed"] = rnd.random() < 0.95
    if rnd.random() < 0.9:
        g["credit_file"] = rnd.random() < 0.85
    due = rnd.randrange(0, 15)
    return g, {"due": due, "on_time": due - min(due, rnd.choice([0, 0, 0, 1, 2]))}


def estate(i, rnd, prefix, seed):
    eid = f"{prefix}{i:05d}"
    district = DISTRICTS[i % len(DISTRICTS)]
    name = f"{district}{PREFIX[rnd.randrange(len(PREFIX))]}{WORDS[rnd.randrange(len(WORDS))]}"
    total = rnd.randrange(30, 400) * 1000
    residential = int(total * rnd.uniform(0.6, 0.85))
    garage = int(total * rnd.uniform(0.0, 0.12))
    green = int(total * rnd.uniform(0.1, 0.35))
    high = rnd.randrange(0, 20)
    multi = rnd.randrange(0 if high else 2, 25)
    households = (high * 120 + multi * 36)
    lifts = high * 2
    new = rnd.random() < 0.3
    open_items = rnd.randrange(0, 12)
    closed = rnd.randrange(0, 30)
    lines = [
        "# yaml-language-server: $schema=../../schemas/estate.schema.json",
        f"# Generated sample (bench/gen_estates.py, seed {seed}), not real data.",
        "format: 1",
        f"id: {eid}",
        "name:",
        f"  zh: {name}{i}",
        "city: 沈阳",
        "locale: zh-CN",
        "type: residential",
        f"grade: {rnd.choice([1, 2, 2, 3, 3, 4])}",
        "areas:",
        f"  total: {total}",
        f"  residential: {residential}",
        f"  green: {green}",
    ]
    if garage:
        lines.append(f"  underground_garage: {garage}")
    lines.append(f"households: {households}")
    lines.append("buildings:")
    if high:
        lines += ["  - type: high_rise", f"    count: {high}", "    floors: 18", f"    households: {high * 120}"]
    if multi:
        lines += ["  - type: multi_storey", f"    count: {multi}", "    floors: 6", f"    households: {multi * 36}"]
    lines += ["equipment:", f"  lifts: {lifts}", "  substations: 1",
              f"  high_voltage_rooms: {1 if total > 150000 else 0}",
              "  control_room:", "    present: true", f"    fire_control: {'true' if high else 'false'}"]
    lines += ["entrances:", "  - name: 正门", "    pedestrians: true", "    vehicles: true", "    hours: 24h"]
    if lifts and rnd.random() < 0.5:
        lines += ["outsourced:", "  - service: lift_maintenance", f"    annual_cost: {lifts * 6000}"]
    g = {
        "company": COMPANIES[rnd.randrange(len(COMPANIES))],
        "new_estate": new,
        "tendered": (rnd.random() < 0.9) if new else (rnd.random() < 0.6),
        "contract_signed": rnd.random() < 0.92,
        "company_licensed": rnd.random() < 0.97,
        "manager_certified": rnd.random() < 0.9,
        "eligible_for_committee": True,
        "owners_committee": rnd.random() < 0.75,
    }
    more, repairs = campaign_facts(i, seed, new, g["tendered"], total)
    g.update(more)
    lines.append("governance:")
    for k, v in g.items():
        lines.append(f"  {k}: {str(v).lower() if isinstance(v, bool) else v}")
    lines += ["  rectification:", f"    open: {open_items}", f"    closed: {closed}"]
    lines += ["  repairs:", f"    due: {repairs['due']}", f"    on_time: {repairs['on_time']}"]
    return eid, "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=244)
    ap.add_argument("--prefix", default="estate-")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)
    for i in range(1, a.n + 1):
        eid, text = estate(i, rnd, a.prefix, a.seed)
        with open(os.path.join(a.dir, eid + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
