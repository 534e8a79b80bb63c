"""pm roster at the minimum headcount (issue 17), and refusals whose number works.

usage: minimum.py PM WORK_DIR CASE
  tight     the instances where hours are used up exactly: 7 people on 2 seats, 35 on 10 and
            140 on 40 for 4 weeks (from a 31-day month and from February), and a year of 40
            seats at the lower bound (144); each roster passes `pm roster check`
  min       `pm roster --min` names those minima, proven, with the window that binds
  refusal   a year of 2 seats with 7 people is refused with "add 1"; with 8 it is made
  property  random posts (seats, shift shapes, leave, headcount around the bound): whenever pm
            refuses, adding the number it names gives a lawful roster
"""
import json
import random
import re
import subprocess
import sys
from pathlib import Path

PM, WORK, CASE = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
WORK.mkdir(parents=True, exist_ok=True)
failures = []


def norms(seats, hours="24h", name="one-post"):
    path = WORK / f"{name}-{seats}-{hours.replace(':', '').replace('-', '_')}.toml"
    path.write_text(f"""[meta]
name = "{name}"
title_zh = "一个岗位"
title_en = "One post"
source = "tests/roster/minimum.py"
labor = "cn"
cover_method = "labour"

[[rule]]
role = "gate_guard"
kind = "cover"
post = "gate"
seats = {seats}
hours = "{hours}"
source = "tests/roster/minimum.py"
""", encoding="utf-8")
    return path


def estate(n, leave=(), tag=""):
    path = WORK / f"estate-{n}{tag}.yaml"
    lines = ["format: 1", f"id: test-{n}", "name: {zh: 测试, en: Test}", "locale: en", "type: residential",
             "areas: {total: 40000}", "staff:"]
    for i in range(1, n + 1):
        line = f"  - {{id: g{i}, name: Guard {i}, role: gate_guard"
        away = [l for l in leave if l[0] == i]
        if away:
            line += ", unavailable: [" + ", ".join(f"{{from: '{a}', to: '{b}'}}" for _, a, b in away) + "]"
        lines.append(line + "}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def roster(est, nrm, start, weeks, *extra):
    out = WORK / "out.csv"
    r = subprocess.run([PM, "roster", str(est), "--norms", str(nrm), "--start", start, "--weeks", str(weeks),
                        "-f", "csv", "-o", str(out), *extra], capture_output=True, text=True)
    return r, out


def check(csv, est, nrm, what):
    r = subprocess.run([PM, "roster", "check", str(csv), str(est), "--norms", str(nrm)], capture_output=True,
                       text=True)
    if r.returncode != 0:
        failures.append(f"{what}: pm roster check fails:\n{r.stdout}{r.stderr}")


def expect_roster(seats, n, start, weeks):
    nrm, est = norms(seats), estate(n)
    r, out = roster(est, nrm, start, weeks)
    what = f"{seats} seats, {n} people, {weeks} weeks from {start}"
    if r.returncode != 0:
        failures.append(f"{what}: refused (exit {r.returncode}):\n{r.stderr}")
        return
    check(out, est, nrm, what)


def minimum(seats, n, start, weeks):
    r = subprocess.run([PM, "roster", str(estate(n)), "--norms", str(norms(seats)), "--start", start, "--weeks",
                        str(weeks), "--min", "-f", "json"], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"--min {seats} seats: exit {r.returncode}: {r.stderr}")
        return None
    return json.loads(r.stdout)["posts"][0]


if CASE == "tight":
    for start in ("2026-01-05", "2026-02-02", "2026-03-02"):
        for seats, n in ((2, 7), (10, 35), (40, 140)):
            expect_roster(seats, n, start, 4)
    expect_roster(40, 144, "2026-01-05", 52)
    expect_roster(5, 18, "2026-03-02", 52)
elif CASE == "min":
    for seats, n, weeks, start in ((2, 7, 4, "2026-01-05"), (10, 35, 4, "2026-03-02"), (40, 144, 52, "2026-01-05"),
                                   (2, 8, 52, "2026-01-05")):
        m = minimum(seats, n, start, weeks)
        if m is None:
            continue
        if not (m["lower_bound"] == n and m["minimum"] == n and m["proven"]):
            failures.append(f"--min {seats} seats {weeks} weeks: expected {n} proven, got {m}")
    # The year's bound binds in a 30-day month: 90 shifts a seat, 25 shifts a person at most.
    m = minimum(40, 144, "2026-01-05", 52)
    if m and not (m["binding"]["kind"] == "averaging_period" and m["binding"]["per_person_hours"] == 200):
        failures.append(f"--min 40 seats 52 weeks: binding window {m['binding']}")
    # Four weeks: 7 days in a row bind as tightly as the month (one free day in seven).
    m = minimum(2, 7, "2026-01-05", 4)
    if m and m["binding"]["per_person_hours"] not in (48, 192):
        failures.append(f"--min 2 seats 4 weeks: binding window {m['binding']}")
elif CASE == "refusal":
    nrm = norms(2)
    r, _ = roster(estate(7), nrm, "2026-01-05", 52)
    if r.returncode != 1 or "add 1 gate guard:" not in r.stderr or not re.search(r"2026-\d\d-01 to 2026-\d\d-3[01] \(3[01] days\)", r.stderr):
        failures.append(f"a year of 2 seats with 7: expected a refusal naming a whole month and 'add 1':\n{r.stderr}")
    r, out = roster(estate(8), nrm, "2026-01-05", 52)
    if r.returncode != 0:
        failures.append(f"a year of 2 seats with 8: {r.stderr}")
    else:
        check(out, estate(8), nrm, "a year of 2 seats with 8")
elif CASE == "property":
    rng = random.Random(17)
    shapes = ["24h", "24h", "07:00-19:00", "08:00-20:00", "06:00-22:00"]
    refused = 0
    for case in range(24):
        seats = rng.randint(1, 4)
        hours = rng.choice(shapes)
        weeks = rng.choice([2, 4, 4, 6])
        start = rng.choice(["2026-01-05", "2026-02-02", "2026-03-02", "2026-06-29"])
        per_seat = {"24h": 3.5, "07:00-19:00": 1.6, "08:00-20:00": 1.6, "06:00-22:00": 2.4}[hours]
        n = max(1, round(seats * per_seat) + rng.randint(-2, 1))
        leave = []
        for _ in range(rng.randint(0, 2)):
            who, day = rng.randint(1, n), rng.randint(5, 20)
            leave.append((who, f"2026-{start[5:7]}-{day:02}", f"2026-{start[5:7]}-{day + rng.randint(0, 3):02}"))
        nrm, est = norms(seats, hours, name=f"p{case}"), estate(n, leave, tag=f"-p{case}")
        what = f"case {case}: {seats} seats {hours}, {n} people, leave {leave}, {weeks} weeks from {start}"
        r, out = roster(est, nrm, start, weeks)
        if r.returncode == 0:
            check(out, est, nrm, what)
            continue
        adds = re.findall(r"add (\d+) gate guards?:", r.stderr)
        if r.returncode != 1 or len(adds) != 1:
            failures.append(f"{what}: refused without one number to add (exit {r.returncode}):\n{r.stderr}")
            continue
        refused += 1
        more = n + int(adds[0])
        est2 = estate(more, leave, tag=f"-p{case}-more")
        r2, out2 = roster(est2, nrm, start, weeks)
        if r2.returncode != 0:
            failures.append(f"{what}: pm said add {adds[0]}, but {more} people are refused too:\n{r2.stderr}")
        else:
            check(out2, est2, nrm, what + f" + {adds[0]}")
    if refused < 5:
        failures.append(f"only {refused} of 24 random cases were refused: the property is hardly exercised")
else:
    sys.exit(f"unknown case {CASE}")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print(f"{CASE}: ok")
