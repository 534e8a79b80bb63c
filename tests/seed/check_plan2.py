#!/usr/bin/env python3
"""Plan 2 (the model-estate campaign, examples/model-estate-campaign.yaml) as the seed wrote it.

Reads tests/seed/plan2.tsv (key, the seed's value, the seed's words) and checks every row
against what pm prints for the example: `pm report -f json` in Chinese for the programme (its
name, basis, goal, scoring standard, six phases with their dates, their overlap and their
inspections) and the groups (leads, deputies with their roles, members, archive owners,
duties); `pm validate -f json` for the overlap of phases 4 and 5, which the file declares and
pm must accept without a word. Fails when the example or pm drifts from the seed.
Usage: check_plan2.py PM_BIN SOURCE_DIR
"""
import re
import sys

import seedlib

PM, SRC = sys.argv[1], sys.argv[2]
ESTATE = "examples/model-estate-campaign.yaml"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


rows = seedlib.table("plan2.tsv")

out = seedlib.run_json(PM, {cmd: ["--lang", "zh", cmd, ESTATE, "-f", "json"] for cmd in ("report", "validate")}, SRC)
report, validate = out["report"], out["validate"]


def table(sid, tid):
    s = seedlib.section(report["sections"], sid)
    return next((b for b in s["blocks"] if b["type"] == "table" and b["id"] == tid), None) if s else None


def cells(t):
    """A table's rows by key, each a mapping of column id to cell text."""
    ids = [c["id"] for c in t["columns"]]
    return {r["key"]: dict(zip(ids, [str(x) for x in r["cells"]])) for r in t["rows"] if r.get("key")}


programme = seedlib.section(report["sections"], "programme")
paragraphs = [b["text"] for b in programme["blocks"] if b["type"] == "paragraph"] if programme else []
phases = list(cells(table("programme", "programme")).values()) if programme else []
gantt = next((b for b in programme["blocks"] if b["type"] == "gantt"), {"tasks": []}) if programme else {"tasks": []}
groups = cells(table("groups", "groups"))
def split(text):
    """Names as the Chinese report joins them."""
    return [x for x in text.split("、") if x] if text else []


def phase(n):
    return phases[n - 1] if 0 < n <= len(phases) else {}


seen = set()
for key, value, words in rows:
    where = f"{key} = {value} ({words})"
    seen.add(key.split(".")[0])
    if key == "estate.name":
        check(report["estate"] == value or value in report["title"], f"{where}: pm's title {report['title']!r}")
    elif key == "programme.name":
        check(any(p == "工作计划：" + value for p in paragraphs), f"{where}: not in {paragraphs}")
    elif key == "programme.goal":
        check(any(p.startswith("目标：" + value) for p in paragraphs), f"{where}: not in {paragraphs}")
    elif key == "programme.basis":
        check(any(p.startswith("依据：" + value) for p in paragraphs), f"{where}: not in {paragraphs}")
    elif key == "programme.standard":
        check(any(p == f"评分标准：《{value}》" for p in paragraphs), f"{where}: not in {paragraphs}")
    elif key == "phases":
        check(len(phases) == int(value) and len(gantt["tasks"]) == int(value),
              f"{where}: pm has {len(phases)} phases, {len(gantt['tasks'])} bars")
    elif key.startswith("phase."):
        _, n, field = key.split(".")
        p, n = phase(int(n)), int(n)
        task = gantt["tasks"][n - 1] if n <= len(gantt["tasks"]) else {}
        if field == "name":
            check(p.get("phase") == f"第{n}阶段：{value}" and task.get("label") == value,
                  f"{where}: pm's phase {p.get('phase')!r}, bar {task.get('label')!r}")
        else:
            # The seed gives months and days (the year is the file's assumption).
            got = p.get(field, "")
            check(got[5:] == value and task.get(field, "")[5:] == value, f"{where}: pm's phase {n} {field} {got!r}")
    elif key.startswith("overlap."):
        _, a, b = key.split(".")
        check(f"与第{b}阶段重叠 {value} 天" in phase(int(a)).get("overlap", ""), f"{where}: pm's phase {a} {phase(int(a))}")
        check(f"与第{a}阶段重叠 {value} 天" in phase(int(b)).get("overlap", ""), f"{where}: pm's phase {b} {phase(int(b))}")
        said = [x for x in paragraphs if x.startswith(f"第{a}阶段与第{b}阶段重叠 {value} 天")]
        check(len(said) == 1 and "有意安排" in said[0], f"{where}: the report does not say it, as planned: {paragraphs}")
        # Declared in the file: pm validate accepts it without a warning; every other pair is apart.
        check(validate["diagnostics"] == [], f"{where}: pm validate says {validate['diagnostics']}")
        others = [p["phase"] for i, p in enumerate(phases, 1) if p.get("overlap") and i not in (int(a), int(b))]
        check(not others, f"{where}: other phases overlap too: {others}")
    elif key.startswith("inspection."):
        got = phase(int(key.split(".")[1])).get("inspection", "")
        check(value in got, f"{where}: pm says {got!r}")
    elif key.startswith("group."):
        _, gid, field = key.split(".")
        g = groups.get(gid)
        if g is None:
            check(False, f"{where}: no group {gid} in {list(groups)}")
            continue
        if field == "name":
            check(g["group"] == value, f"{where}: pm says {g['group']!r}")
        elif field == "lead":
            check(g["lead"] == value, f"{where}: pm says {g['lead']!r}")
        elif field in ("deputies", "members"):
            check(split(g[field]) == split(value), f"{where}: pm says {g[field]!r}")
        elif field == "archive":
            check(g["archive"] == value, f"{where}: pm says {g['archive']!r}")
        elif field == "duty":
            check(value in g["duties"], f"{where}: not among {g['duties']!r}")
        else:
            check(False, f"{where}: no check for this key")
    else:
        check(False, f"{where}: no check for this key")

# Every kind of fact the seed gives has rows, and every group the report shows has its rows.
for kind in ("estate", "programme", "phases", "phase", "overlap", "inspection", "group"):
    check(kind in seen, f"plan2.tsv has no {kind} rows")
for gid in groups:
    for field in ("lead", "duty") + (("archive", "members") if gid not in ("leading", "working") else ("deputies",)):
        check(any(k == f"group.{gid}.{field}" for k, _, _ in rows), f"plan2.tsv has no group.{gid}.{field} row")
check(len(groups) == 7, f"pm shows {len(groups)} groups; the seed has 7: {list(groups)}")
check(all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.get("from", "")) for p in phases), "a phase without an ISO date")

seedlib.finish("plan2", failures, len(rows))
