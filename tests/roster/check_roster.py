#!/usr/bin/env python3
"""An independent check of a roster CSV, written from the working-time law (劳动法 art. 38, 41; 国务院关于职工工作时间的规定 art. 3) and the
labour profile lib/data/labor/cn.toml, sharing no code with pm.

usage: check_roster.py ROSTER.csv ROSTER.json [ESTATE.yaml]

The JSON (pm roster --format json) gives the demand and the people's licences; the estate
file, when given, gives the named staff's unavailable dates and part-time hours. Prints each
problem and exits 1 if there is any.
"""
import csv
import datetime as dt
import json
import sys
from collections import defaultdict

MIN_REST_H = 12
MAX_DAYS_IN_ROW = 6
MIN_FREE_PER_7 = 1
MAX_NIGHTS_IN_ROW = 4
NIGHT = (22, 6)          # 22:00-06:00
NIGHT_MIN_H = 3          # a night shift has at least 3 h in the night window
WEEK_H = 40
OVERTIME_MONTH_H = 36

problems = []


def bad(msg):
    problems.append(msg)


def parse_t(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M")


def hours(a, b):
    return (b - a).total_seconds() / 3600


def night_hours(a, b):
    total = 0.0
    day = a.date() - dt.timedelta(days=1)
    while day <= b.date():
        ws = dt.datetime.combine(day, dt.time(NIGHT[0]))
        we = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(NIGHT[1]))
        total += max(0.0, hours(max(a, ws), min(b, we)))
        day += dt.timedelta(days=1)
    return total


def days_touched(a, b):
    d, last = a.date(), (b - dt.timedelta(minutes=1)).date()
    out = []
    while d <= last:
        out.append(d)
        d += dt.timedelta(days=1)
    return out


def main():
    rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    estate = None
    if len(sys.argv) > 3:
        import yaml
        estate = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
    for col in ("staff_id", "staff_name", "post_id", "start", "end"):
        if col not in rows[0]:
            bad("missing column " + col)
    # The post's id: post_id beside its name in post.
    for r in rows:
        r["post"] = r["post_id"]
    first = dt.date.fromisoformat(doc["start"])
    last = dt.date.fromisoformat(doc["end"])
    staff = {s["id"]: s for s in doc["staff"]}
    posts = {p["id"]: p for p in doc["posts"]}

    unavailable = defaultdict(set)
    part_time = {}
    if estate:
        for s in estate.get("staff", []):
            for u in s.get("unavailable", []):
                if isinstance(u, str):
                    a = b = dt.date.fromisoformat(u)
                else:
                    a, b = dt.date.fromisoformat(str(u["from"])), dt.date.fromisoformat(str(u["to"]))
                while a <= b:
                    unavailable[s["id"]].add(a)
                    a += dt.timedelta(days=1)
            if "hours_per_week" in s:
                part_time[s["id"]] = s["hours_per_week"]

    # Coverage: every shift of every day, with exactly the people it needs.
    need = {}
    for p in doc["posts"]:
        first_start = p["demand"][0]["start"]
        day = first
        while day <= last:
            for d in p["demand"]:
                if "days" in d and day.isoweekday() not in d["days"]:
                    continue
                start_day = day + dt.timedelta(days=1 if d["start"] < first_start else 0)
                s = dt.datetime.combine(start_day, dt.time.fromisoformat(d["start"]))
                e = dt.datetime.combine(start_day, dt.time.fromisoformat(d["end"]))
                if e <= s:
                    e += dt.timedelta(days=1)
                need[(p["id"], s, e)] = d["staff"]
            day += dt.timedelta(days=1)
    got = defaultdict(list)
    by_person = defaultdict(list)
    for i, r in enumerate(rows, start=2):
        s, e = parse_t(r["start"]), parse_t(r["end"])
        got[(r["post"], s, e)].append(r["staff_id"])
        by_person[r["staff_id"]].append((s, e, r["post"], i))
        if r["staff_id"] not in staff:
            bad(f"line {i}: unknown person {r['staff_id']}")
            continue
        p = posts.get(r["post"])
        if p is None:
            bad(f"line {i}: unknown post {r['post']}")
            continue
        who = staff[r["staff_id"]]
        if who["role"] not in p["roles"]:
            bad(f"line {i}: {r['staff_id']} ({who['role']}) may not work {r['post']}")
        lic = p.get("licence")
        if lic and not who["placeholder"] and lic not in who["licences"]:
            bad(f"line {i}: {r['staff_id']} lacks licence {lic} for {r['post']}")
        for d in days_touched(s, e):
            if d in unavailable[r["staff_id"]]:
                bad(f"line {i}: {r['staff_id']} is unavailable on {d}")
    for key, n in need.items():
        if len(set(got.get(key, []))) != n or len(got.get(key, [])) != n:
            bad(f"{key[0]} {key[1]}: needs {n}, has {len(got.get(key, []))}")
    for key in got:
        if key not in need:
            bad(f"{key[0]} {key[1]}: not a shift the post needs")

    cal_last = max([e for lst in by_person.values() for _, e, _, _ in lst] + [dt.datetime.combine(last, dt.time())])
    cal_last = (cal_last - dt.timedelta(minutes=1)).date()
    for pid, shifts in by_person.items():
        shifts.sort()
        for (s1, e1, _, _), (s2, e2, _, i) in zip(shifts, shifts[1:]):
            if hours(e1, s2) < MIN_REST_H:
                bad(f"line {i}: {pid} rests {hours(e1, s2)} h")
        worked = set()
        for s, e, _, _ in shifts:
            worked.update(days_touched(s, e))
        d, run = first, 0
        while d <= cal_last:
            run = run + 1 if d in worked else 0
            if run > MAX_DAYS_IN_ROW:
                bad(f"{pid}: {run} days in a row to {d}")
            if d - dt.timedelta(days=6) >= first:
                free = sum(1 for k in range(7) if d - dt.timedelta(days=k) not in worked)
                if free < MIN_FREE_PER_7:
                    bad(f"{pid}: no free day in the 7 days to {d}")
            d += dt.timedelta(days=1)
        nights = sorted({s.date() for s, e, _, _ in shifts if night_hours(s, e) >= NIGHT_MIN_H})
        run = 0
        for k, n in enumerate(nights):
            run = run + 1 if k and n - nights[k - 1] == dt.timedelta(days=1) else 1
            if run > MAX_NIGHTS_IN_ROW:
                bad(f"{pid}: {run} nights in a row to {n}")
        # Hours by calendar month of the shift's start, over the roster's days; a piece of
        # under 7 days joins the previous one. Limit: the 40-hour week pro rata plus the
        # monthly overtime cap pro rata; part-timers their contracted week.
        pieces = []
        d = first
        while d <= cal_last:
            if pieces and (d.month == pieces[-1][0].month) and d.year == pieces[-1][0].year:
                pieces[-1][1] = d
            else:
                pieces.append([d, d])
            d += dt.timedelta(days=1)
        merged = []
        for p in pieces:
            if merged and ((p[1] - p[0]).days + 1 < 7 or (merged[-1][1] - merged[-1][0]).days + 1 < 7):
                merged[-1][1] = p[1]
            else:
                merged.append(p)
        for a, b in merged:
            h = sum(hours(s, e) for s, e, _, _ in shifts if a <= s.date() <= b)
            days = (b - a).days + 1
            if pid in part_time and part_time[pid] < WEEK_H:
                limit = part_time[pid] * days / 7
            else:
                limit = WEEK_H * days / 7
                d = a
                while d <= b:
                    nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                    dim = (nxt - d.replace(day=1)).days
                    limit += OVERTIME_MONTH_H / dim
                    d += dt.timedelta(days=1)
            if h > limit + 1e-6:
                bad(f"{pid}: {h} h from {a} to {b}, limit {limit:.1f}")

    for p in problems:
        print(p)
    print(f"{len(rows)} shifts, {len(by_person)} people, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
