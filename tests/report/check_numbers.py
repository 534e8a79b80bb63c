#!/usr/bin/env python3
"""Checks that the numbers of a report (pm report --format json) are those of pm staff,
pm budget and pm roster for the same inputs, and that its tables add up.

usage: check_numbers.py REPORT.json STAFF.json BUDGET.json [ROSTER.json]

Every table is found by its id and every row by its key (role, department, post, cost line,
person), so a row that goes missing or changes fails the check.
"""
import json
import sys

problems = []


def close(a, b, tol=0.005):
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol


def expect(what, got, want, tol=0.005):
    if not close(got, want, tol):
        problems.append(f"{what}: report says {got!r}, expected {want!r}")


def tables(sections, out):
    for s in sections:
        for b in s["blocks"]:
            if b["type"] == "table":
                out[b["id"]] = b
        tables(s["sections"], out)
    return out


def cell(table, key, column, kind=None):
    cols = [c["id"] for c in table["columns"]]
    if column not in cols:
        problems.append(f"table {table['id']} has no column {column}")
        return None
    for r in table["rows"]:
        if r["key"] == key and (kind is None or r["kind"] == kind):
            return r["cells"][cols.index(column)]
    problems.append(f"table {table['id']} has no row {key!r}" + (f" ({kind})" if kind else ""))
    return None


def adds_up(table, column, tol=0.005):
    """Group rows are the sums of the body rows under them; the total is the sum of the groups
    (or of the body rows when there are no groups)."""
    cols = [c["id"] for c in table["columns"]]
    i = cols.index(column)
    groups, body, current = [], [], None
    for r in table["rows"]:
        v = r["cells"][i]
        if r["kind"] == "group":
            current = [r["key"], v, 0.0]
            groups.append(current)
        elif r["kind"] == "body":
            if isinstance(v, (int, float)):
                body.append(v)
                if current is not None:
                    current[2] += v
        elif r["kind"] == "total":
            want = sum(g[1] for g in groups) if groups else sum(body)
            expect(f"{table['id']} total of {column}", v, want, tol)
    for key, v, s in groups:
        expect(f"{table['id']} group {key} {column} (sum of its rows)", v, s, tol)


def main(report_path, staff_path, budget_path, roster_path=None):
    rep = json.load(open(report_path, encoding="utf-8"))
    staff = json.load(open(staff_path, encoding="utf-8"))
    bud = json.load(open(budget_path, encoding="utf-8"))
    t = tables(rep["sections"], {})

    # Staffing: headcounts by department and role, the total, the posts.
    s = rep["summary"]
    expect("summary.headcount", s["headcount"], staff["total"])
    st = t["staffing"]
    for d in staff["departments"]:
        expect(f"staffing department {d['id']}", cell(st, d["id"], "headcount", "group"), d["headcount"])
        expect(f"departments table {d['id']}", cell(t["departments"], d["id"], "headcount"), d["headcount"])
        for r in d["roles"]:
            expect(f"staffing role {r['id']}", cell(st, r["id"], "headcount", "body"), r["headcount"])
    expect("staffing total", cell(st, "total", "headcount", "total"), staff["total"])
    adds_up(st, "headcount")
    if staff["posts"]:
        pt = t["posts"]
        for p in staff["posts"]:
            expect(f"post {p['id']} seats", cell(pt, p["id"], "seats"), p["seats"])
            expect(f"post {p['id']} seat-hours a week", cell(pt, p["id"], "weekly_hours"), p["weekly_hours"], 0.05)
            if not p["duty"]:
                expect(f"post {p['id']} people", cell(pt, p["id"], "people"), p["people"])
                expect(f"post {p['id']} hours per person", cell(pt, p["id"], "hours_per_person"), p["hours_per_person"], 0.05)

    # Budget: the summary, every line, item and department, the fee of every contract.
    expect("summary.annual_cost", s["annual_cost"], bud["annual_cost"])
    expect("summary.monthly_cost", s["monthly_cost"], bud["monthly_cost"])
    if s["fee_charged"] != bud["fee_charged"]:
        problems.append(f"summary.fee_charged {s['fee_charged']}, pm budget {bud['fee_charged']}")
    if not bud["fee_charged"]:  # a cost budget: no fee anywhere
        if s["fee_per_m2_month"] is not None or "fee" in t:
            problems.append("no fee is charged, yet the report gives one")
    else:
        for k, v in bud["fee_per_m2_month"].items():
            expect(f"summary.fee_per_m2_month.{k}", s["fee_per_m2_month"][k], v)
            expect(f"fee table {k}", cell(t["fee"], k, "per_m2_month"), v)
        for c in bud["fee"]["contracts"]:
            expect(f"fee table {c['id']} annual revenue", cell(t["fee"], c["id"], "annual_revenue"), c["annual_revenue"])
    bi = t["budget_items"]
    for it in bud["items"]:
        expect(f"budget item {it['id']} annual", cell(bi, it["id"], "annual", "group"), it["annual"])
        expect(f"budget item {it['id']} monthly", cell(bi, it["id"], "monthly", "group"), it["monthly"])
    for line in bud["lines"]:
        expect(f"budget line {line['id']} annual", cell(bi, line["id"], "annual", "body"), line["annual"])
        expect(f"budget line {line['id']} monthly", cell(bi, line["id"], "monthly", "body"), line["monthly"])
    expect("budget total", cell(bi, "total", "annual", "total"), bud["annual_cost"])
    expect("budget monthly total", cell(bi, "total", "monthly", "total"), bud["monthly_cost"])
    adds_up(bi, "annual", 0.01)
    bd = t["budget_departments"]
    for d in bud["departments"]:
        key = d["id"] or "common"
        expect(f"budget department {key} annual", cell(bd, key, "annual"), d["annual"])
        expect(f"budget department {key} monthly", cell(bd, key, "monthly"), d["monthly"])
        if d["id"]:
            expect(f"budget department {key} headcount", cell(bd, key, "headcount"), d["headcount"])
    adds_up(bd, "annual", 0.01)

    # Roster: every person's totals, as pm roster --start DATE gives them.
    if roster_path:
        ros = json.load(open(roster_path, encoding="utf-8"))
        if not s["roster"]:
            problems.append("pm roster made a roster but the report has none")
        else:
            expect("summary.roster_coverage", s["roster_coverage"], ros["summary"]["coverage"], 0.05)
            rp = t["roster_people"]
            for p in ros["summary"]["people"]:
                for k in ("shifts", "hours", "weekly_average", "overtime", "nights", "weekends", "holidays"):
                    expect(f"roster person {p['staff_id']} {k}", cell(rp, p["staff_id"], k), p[k], 0.05)
            # Shifts worked: on-call nights (hours 0, the butlers' 值) are duties, not shifts.
            worked = sum(1 for a in ros["assignments"] if a["hours"] > 0)
            expect("roster shifts", cell(t["roster"], "total", "shifts", "total"), worked)
            adds_up(t["roster"], "shifts")
            adds_up(rp, "shifts")

    if problems:
        print("\n".join(problems))
        return 1
    fee = s["fee_per_m2_month"]["lump_sum"] if s["fee_per_m2_month"] else "none"
    print(f"ok: {report_path}: {staff['total']} people, {bud['annual_cost']:.2f} 元, fee {fee}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
