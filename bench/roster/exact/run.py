#!/usr/bin/env python3
"""pm roster against an exact solver (a benchmark, not a test).

For one post of S seats, three 8-hour shifts every day (08-16, 16-24, 00-08), N interchangeable
full-time guards and W weeks from START, under the labour rules of lib/data/labor/cn.toml:
  - the lower bound on N (the largest, over the averaging windows and the 7-day windows, of the
    shifts to fill divided by what one person may lawfully work in that window), and the window
    that sets it;
  - pm's smallest headcount: pm roster with N = LB, LB+1, ... LB+5 named guards, each run timed
    (wall time, peak memory from /usr/bin/time -v), each roster checked by pm roster check and by
    this script's own checker;
  - clingo's answer (bench/roster/exact/roster.lp, the same hard rules as an answer-set program)
    at N = LB (and above while it proves N infeasible or runs out of time), its model written as
    pm's roster CSV and checked the same two ways; for up to 5 seats also at N = LB - 1, without
    the implied constraints (they contain the bound's counting argument), which must be
    infeasible;
  - for 4 seats or more, a roster put together from separate crews of 1, 2, 3 and 5 seats (each
    solved by clingo as above), the fewest people over the ways to split the seats: a headcount
    that is lawful, not necessarily the smallest;
  - `pm roster --min -f json`, when the binary has it: its bound, its minimum, whether proven.

usage: bench/roster/exact/run.py [PM] [--time-limit S] [--only S:W:START ...] [--json FILE]
PM defaults to build-release/pm, built as bench/roster/run.sh builds it.
"""

import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MODEL = os.path.join(HERE, "roster.lp")

# lib/data/labor/cn.toml
WEEKLY_HOURS = 40
OVERTIME_MONTH = 36
MIN_REST_H = 12
MAX_CONSECUTIVE_DAYS = 6
MIN_FREE_PER_7 = 1
MAX_CONSECUTIVE_NIGHTS = 4
NIGHT = (22 * 60, 6 * 60)  # a shift with >= 3 h in 22:00-06:00 is a night shift
SHIFT_H = 8
# The post's shifts: id, English name, start (minutes after midnight of the rota day).
SHIFTS = [("E", "Early shift", 8 * 60), ("M", "Middle shift", 16 * 60), ("N", "Night shift", 24 * 60)]

SEATS = [2, 3, 5, 10, 40]
WEEKS = [4, 52]
STARTS = ["2026-01-05", "2026-03-02", "2026-02-02"]
PM_TRIES = 6  # LB .. LB+5


# ---------------------------------------------------------------------------------------------
# Calendar: averaging windows and their caps, as lib/pm/roster/model.cpp computes them.


def month_start(d):
    return d.replace(day=1)


def next_month(d):
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def days_in_month(d):
    return (next_month(d) - month_start(d)).days


def overtime_cap(first, last):
    """36 h a month, pro rata for each month the days first..last cover."""
    cap, d = 0.0, first
    while d <= last:
        until = min(last, next_month(d) - dt.timedelta(days=1))
        cap += OVERTIME_MONTH * ((until - d).days + 1) / days_in_month(d)
        d = until + dt.timedelta(days=1)
    return cap


def averaging_windows(first, last):
    """Calendar months clipped to first..last; a piece shorter than 7 days merged into its
    neighbour. Returns [(first, last, label)]."""
    out, d = [], first
    while d <= last:
        w_last = min(last, next_month(d) - dt.timedelta(days=1))
        out.append([d, w_last, d.strftime("%Y-%m")])
        d = w_last + dt.timedelta(days=1)
    if len(out) > 1:
        merged = []
        for w in out:
            if merged and ((w[1] - w[0]).days + 1 < 7 or (merged[-1][1] - merged[-1][0]).days + 1 < 7):
                merged[-1][1] = w[1]
                merged[-1][2] += "+" + w[2]
            else:
                merged.append(w)
        out = merged
    return [tuple(w) for w in out]


def max_hours(first, last):
    days = (last - first).days + 1
    return WEEKLY_HOURS * days / 7 + overtime_cap(first, last)


class Instance:
    def __init__(self, seats, weeks, start):
        self.seats, self.weeks = seats, weeks
        self.start = dt.date.fromisoformat(start)
        self.rota_days = 7 * weeks
        # Calendar days 0..rota_days: the last is the morning the final night shift ends.
        self.cal_last = self.start + dt.timedelta(days=self.rota_days)
        self.windows = []
        for f, l, label in averaging_windows(self.start, self.cal_last):
            cap = max_hours(f, l)
            shifts = int(math.floor(cap / SHIFT_H + 1e-9))
            self.windows.append(((f - self.start).days, (l - self.start).days, label, cap, shifts))

    @property
    def key(self):
        return f"{self.seats}-{self.weeks}-{self.start.isoformat()}"

    @property
    def name(self):
        return f"{self.seats}×{self.weeks}w {self.start.isoformat()}"

    def shifts_on(self, c):
        """Shifts that start on calendar day c (each touches only that day)."""
        return (0 if c == 0 else 1) + (2 if c < self.rota_days else 0)

    def lower_bound(self):
        """max over windows of ceil(shifts to fill / shifts one person may work there)."""
        best, cands = None, []
        for f, l, label, cap, shifts in self.windows:
            days = l - f + 1
            one = min(shifts, days - days // (MAX_CONSECUTIVE_DAYS + 1))  # and no 7 days in a row
            demand = self.seats * sum(self.shifts_on(c) for c in range(f, l + 1))
            why = (f"month {label} ({days} d): {demand} shifts, "
                   f"{one} a person ({cap:.1f} h)")
            cand = (math.ceil(demand / one), demand / one, why)
            cands.append(cand)
            if best is None or cand[:2] > best[:2]:
                best = cand
        for c in range(0, self.rota_days - 5):  # 7-day windows c..c+6 within the calendar
            one = 7 - MIN_FREE_PER_7
            demand = self.seats * sum(self.shifts_on(x) for x in range(c, c + 7))
            cand = (math.ceil(demand / one), demand / one, f"any 7 days: {demand} shifts, {one} a person")
            cands.append(cand)
            if cand[:2] > best[:2]:
                best = cand
        # The window with the largest ratio is named; others that need as many people are counted.
        months = sum(1 for c in cands if c[0] == best[0] and c[2].startswith("month"))
        sevens = sum(1 for c in cands if c[0] == best[0] and c[2].startswith("any"))
        why = best[2]
        also = []
        others = months - best[2].startswith("month")
        if others > 0:
            also.append(f"{others} {'other ' if others < months else ''}month{'s' if others > 1 else ''}")
        if sevens and not best[2].startswith("any"):
            also.append("7-day windows")
        if also:
            why += "; " + " and ".join(also) + (" needs" if also == ["1 month"] else " need") + " as many"
        return best[0], why

    def facts(self, n, implied=True):
        lines = [f"seats({self.seats}).", f"person(1..{n}).", f"days({self.rota_days})."]
        lines += [f"win({f},{l},{s})." for f, l, _, _, s in self.windows]
        if not implied:
            return "\n".join(lines) + "\n"
        # Implied: what the others can't work of a window's shifts, each person must.
        need = []
        for f, l, _, _, s in self.windows:
            need.append((f, l, self.seats * sum(self.shifts_on(c) for c in range(f, l + 1)) - (n - 1) * s))
        for c in range(0, self.rota_days - 5):
            demand = self.seats * sum(self.shifts_on(x) for x in range(c, c + 7))
            need.append((c, c + 6, demand - (n - 1) * (7 - MIN_FREE_PER_7)))
        lines += [f"need({f},{l},{k})." for f, l, k in need if k > 0]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Files pm reads: a one-post norm set and an estate with N named guards (as bench/roster/run.sh).


def norms_toml(seats):
    return f"""[meta]
name = "bench-exact"
title_zh = "基准：一个 {seats} 席位的 24 小时岗位"
title_en = "Benchmark: one round-the-clock post of {seats} seats"
source = "bench/roster/exact/run.py"
labor = "cn"
cover_method = "labour"

[[rule]]
role = "gate_guard"
kind = "cover"
post = "gate"
seats = {seats}
hours = "24h"
source = "bench/roster/exact/run.py"
"""


def estate_yaml(n):
    staff = "".join(f"  - {{id: g{i}, name: Guard {i}, role: gate_guard}}\n" for i in range(1, n + 1))
    return f"""format: 1
id: bench-exact
name: {{zh: 基准测试：一个岗位, en: "Benchmark: one post"}}
locale: en
type: residential
areas: {{total: 40000}}
staff:
{staff}"""


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fmt_time(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def model_to_csv(inst, atoms):
    """clingo's w(P,B) atoms as pm's roster CSV."""
    rows = []
    for p, b in atoms:
        c, k = divmod(b, 3)
        day = dt.datetime.combine(inst.start, dt.time()) + dt.timedelta(days=c)
        sid, sname, _ = SHIFTS[(k + 2) % 3]  # block 0 of a day is the night shift of the day before
        start = day + dt.timedelta(hours=8 * k)
        end = start + dt.timedelta(hours=SHIFT_H)
        rows.append((start, p, sid, sname, end))
    rows.sort()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["staff_id", "staff_name", "role_id", "role", "post_id", "post", "shift_id", "shift", "start",
                "end", "hours"])
    for start, p, sid, sname, end in rows:
        w.writerow([f"g{p}", f"Guard {p}", "gate_guard", "Gate guard", "gate", "Gate guard", sid, sname,
                    fmt_time(start), fmt_time(end), SHIFT_H])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# An independent checker of a roster CSV, from the times themselves (not from roster.lp's blocks).


def check_csv(inst, text):
    """The hard rules, read from lib/pm/roster/rules.cpp; returns a list of problems."""
    probs = []
    t0 = dt.datetime.combine(inst.start, dt.time())
    mins = lambda s: int((dt.datetime.fromisoformat(s) - t0).total_seconds() // 60)
    rows = list(csv.DictReader(io.StringIO(text)))
    shifts = {}
    for r in rows:
        shifts.setdefault(r["staff_id"], []).append((mins(r["start"]), mins(r["end"])))
    # Coverage: each rota day's three shifts, exactly `seats` people.
    want = {}
    for d in range(inst.rota_days):
        for _, _, s in SHIFTS:
            want[(d * 1440 + s, d * 1440 + s + SHIFT_H * 60)] = 0
    for lst in shifts.values():
        for x in lst:
            if x not in want:
                probs.append(f"not a shift of the period: {x}")
            else:
                want[x] += 1
    probs += [f"slot {x}: {v} of {inst.seats}" for x, v in want.items() if v != inst.seats]
    ns, ne = NIGHT
    last_cal = inst.rota_days
    for who, lst in shifts.items():
        lst.sort()
        for (s1, e1), (s2, e2) in zip(lst, lst[1:]):
            if s2 - e1 < MIN_REST_H * 60:
                probs.append(f"{who}: {s2 - e1} min of rest before {s2}")
        worked = set()
        for s, e in lst:
            worked.update(range(s // 1440, (e - 1) // 1440 + 1))
        run = 0
        for d in range(0, last_cal + 1):
            run = run + 1 if d in worked else 0
            if run > MAX_CONSECUTIVE_DAYS:
                probs.append(f"{who}: {run} days in a row to day {d}")
        for w in range(0, last_cal - 5):
            if sum(d not in worked for d in range(w, w + 7)) < MIN_FREE_PER_7:
                probs.append(f"{who}: no free day in days {w}..{w + 6}")
        nights = []
        for s, e in lst:
            overlap = 0
            for d in range(s // 1440 - 1, (e - 1) // 1440 + 1):
                a = d * 1440 + ns
                b = a + (ne - ns if ne > ns else ne + 1440 - ns)
                overlap += max(0, min(b, e) - max(a, s))
            if overlap >= 180:
                nights.append(s // 1440)
        run, prev = 0, None
        for d in nights:
            run = run + 1 if prev is not None and d == prev + 1 else (run if d == prev else 1)
            prev = d
            if run > MAX_CONSECUTIVE_NIGHTS:
                probs.append(f"{who}: {run} nights in a row to day {d}")
        for f, l, label, cap, _ in inst.windows:
            h = sum((e - s) / 60 for s, e in lst if f <= s // 1440 <= l)
            if h > cap + 1e-6:
                probs.append(f"{who}: {h} h in {label}, cap {cap:.2f}")
    return probs


# ---------------------------------------------------------------------------------------------
# Running the tools.


def timed(cmd, timeout=None):
    """Runs cmd under /usr/bin/time -v: a dict of rc, out, err, wall and cpu (s), mem_mb (peak)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t = time.perf_counter()
        try:
            p = subprocess.run(["/usr/bin/time", "-v", "-o", tf.name] + cmd, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"rc": None, "out": "", "err": "timeout", "wall": time.perf_counter() - t, "cpu": None,
                    "mem_mb": None}
        wall = time.perf_counter() - t
        v = tf.read()
    num = lambda what: float(re.search(what + r": ([\d.]+)", v).group(1))
    return {"rc": p.returncode, "out": p.stdout, "err": p.stderr, "wall": wall,
            "cpu": num(r"User time \(seconds\)") + num(r"System time \(seconds\)"),
            "mem_mb": num(r"Maximum resident set size \(kbytes\)") / 1024}


def files_for(work, seats, n):
    norms = os.path.join(work, f"norms-{seats}.toml")
    if not os.path.exists(norms):
        write(norms, norms_toml(seats))
    estate = os.path.join(work, f"estate-{n}.yaml")
    if not os.path.exists(estate):
        write(estate, estate_yaml(n))
    return estate, norms


def checks(pm, inst, work, csv_path, n):
    """pm roster check and check_csv on a roster: (pm's verdict, own problems, pm's first lines)."""
    estate, norms = files_for(work, inst.seats, n)
    r = timed([pm, "roster", "check", csv_path, estate, "--norms", norms, "--start", inst.start.isoformat(),
               "--weeks", str(inst.weeks)])
    with open(csv_path, encoding="utf-8") as f:
        own = check_csv(inst, f.read())
    return {"pm_check": r["rc"] == 0, "own_check": own[:5], "check_msg": r["err"].strip().splitlines()[:3]}


def run_pm(pm, inst, work, lb, has_min):
    res = {"tries": []}
    for n in range(lb, lb + PM_TRIES):
        estate, norms = files_for(work, inst.seats, n)
        out = os.path.join(work, f"pm-{inst.key}-{n}.csv")
        r = timed([pm, "roster", estate, "--norms", norms, "--start", inst.start.isoformat(), "--weeks",
                   str(inst.weeks), "-f", "csv", "-o", out])
        t = {"n": n, "rc": r["rc"], "wall": r["wall"], "cpu": r["cpu"], "mem_mb": r["mem_mb"]}
        if r["rc"] == 0:
            t.update(checks(pm, inst, work, out, n))
        else:
            t["message"] = r["err"].strip().splitlines()[-1:]
        res["tries"].append(t)
        if r["rc"] == 0:
            res["n"] = n
            break
    if has_min:
        estate, norms = files_for(work, inst.seats, lb + PM_TRIES - 1)
        r = timed([pm, "roster", estate, "--norms", norms, "--start", inst.start.isoformat(), "--weeks",
                   str(inst.weeks), "--min", "-f", "json"])
        res["min"] = {"rc": r["rc"], "wall": r["wall"], "cpu": r["cpu"], "mem_mb": r["mem_mb"],
                      "output": (r["out"] + r["err"]).strip()[:2000]}
    return res


class Exact:
    """clingo on roster.lp, and rosters put together from smaller crews, remembered per instance."""

    CREWS = (1, 2, 3, 5)  # crew sizes (seats) tried for a post of more seats

    def __init__(self, pm, work, args):
        self.pm, self.work, self.a = pm, work, args
        self.done = {}

    def call(self, inst, n, limit, implied=True):
        facts = os.path.join(self.work, f"facts-{inst.key}-{n}{'' if implied else '-plain'}.lp")
        write(facts, inst.facts(n, implied))
        r = timed(["clingo", MODEL, facts, "--outf=2", f"--time-limit={limit}"], timeout=limit + 120)
        c = {"n": n, "wall": r["wall"], "cpu": r["cpu"], "mem_mb": r["mem_mb"], "limit": limit, "implied": implied}
        try:
            j = json.loads(r["out"])
        except ValueError:
            c.update(result="ERROR", error=r["err"].strip()[-300:])
            return c, None
        c["result"], c["time"] = j["Result"], j["Time"]["Total"]
        if j["Result"] != "SATISFIABLE":
            return c, None
        atoms = []
        for a in j["Call"][-1]["Witnesses"][-1]["Value"]:
            m = re.fullmatch(r"w\((\d+),(\d+)\)", a)
            atoms.append((int(m.group(1)), int(m.group(2))))
        c.update(self.verify(inst, n, atoms, "clingo"))
        return c, atoms

    def verify(self, inst, n, atoms, what):
        path = os.path.join(self.work, f"{what}-{inst.key}-{n}.csv")
        write(path, model_to_csv(inst, atoms))
        return checks(self.pm, inst, self.work, path, n)

    def solve(self, seats, weeks, start):
        """The smallest headcount found, as {"calls", "crews", "best": (n, atoms, how)}."""
        key = (seats, weeks, start)
        if key in self.done:
            return self.done[key]
        inst = Instance(seats, weeks, start)
        lb, _ = inst.lower_bound()
        r = {"calls": [], "best": None}
        # Crews: a post of S seats can be covered by separate crews of fewer seats, each with a lawful
        # roster of its own; their smallest headcounts add up to a headcount for S.
        if seats >= 4:
            sizes = {}
            for s in self.CREWS:
                if s < seats:
                    b = self.solve(s, weeks, start)["best"]
                    if b:
                        sizes[s] = b
            best = {0: (0, [])}
            for x in range(1, seats + 1):
                opts = [(best[x - s][0] + sizes[s][0], best[x - s][1] + [s]) for s in sizes if x - s in best]
                if opts:
                    best[x] = min(opts)
            if seats in best:
                n, parts = best[seats]
                atoms, off = [], 0
                for s in parts:
                    atoms += [(p + off, b) for p, b in sizes[s][1]]
                    off += sizes[s][0]
                counts = {s: parts.count(s) for s in sorted(set(parts), reverse=True)}
                how = " + ".join(f"{k} × ({s} seat{'s' if s > 1 else ''}, {sizes[s][0]})" for s, k in counts.items())
                r["crews"] = {"n": n, "how": how}
                r["crews"].update(self.verify(inst, n, atoms, "crews"))
                r["best"] = (n, atoms, "crews")
        cells = lb * 3 * (inst.rota_days + 1)  # the atoms w(P,B)
        # The whole post in one model: at the lower bound always (even where crews reach it), above it
        # while that is infeasible or unanswered and below what crews reached.
        if cells > self.a.max_cells:
            r["skipped"] = f"not run ({lb} people × {3 * inst.rota_days} shifts: too big)"
        else:
            for n in range(lb, lb + 3):
                if n > lb and r["best"] and n >= r["best"][0]:
                    break
                c, atoms = self.call(inst, n, self.a.time_limit)
                r["calls"].append(c)
                if atoms is not None:
                    if not r["best"] or n < r["best"][0]:
                        r["best"] = (n, atoms, "clingo")
                    break
        if seats <= 5 and cells <= self.a.max_cells and self.a.unsat_limit > 0:
            # Without the implied constraints, which contain the counting argument of the bound.
            r["below"], _ = self.call(inst, lb - 1, self.a.unsat_limit, implied=False)
        self.done[key] = r
        return r


def build_pm():
    b = os.path.join(ROOT, "build-release")
    subprocess.run(["cmake", "-S", ROOT, "-B", b, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", b, "-j2", "--target", "pm"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(b, "pm")


HEADER = ("| instance | lower bound | binding window | clingo, full model | clingo, crews | minimum | pm | "
          "pm time (CPU) | pm peak | pm refused |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pm", nargs="?", help="the pm binary (default: build-release/pm, built if missing)")
    ap.add_argument("--time-limit", type=int, default=30, help="seconds per clingo call at N >= LB (default 30)")
    ap.add_argument("--unsat-limit", type=int, default=5,
                    help="seconds for the clingo call at LB-1, made for up to 5 seats (default 5; 0: none)")
    ap.add_argument("--max-cells", type=int, default=100000,
                    help="no full clingo model where people × shifts exceeds this (default 100000: "
                         "all but 40 seats × 52 weeks)")
    ap.add_argument("--only", action="append", default=[], help="an instance SEATS:WEEKS:START (repeatable)")
    ap.add_argument("--no-clingo", action="store_true", help="pm only")
    ap.add_argument("--json", help="also write every measurement to this file")
    ap.add_argument("--keep", help="keep the generated files and rosters in this directory")
    ap.add_argument("--table", metavar="JSON", help="print the table of an earlier run's --json file, and stop")
    a = ap.parse_args()
    if a.table:
        with open(a.table, encoding="utf-8") as f:
            print(HEADER + "\n" + "|---" * HEADER.count(" | ") + "|---|")
            for r in json.load(f):
                print(row(r))
        return

    pm = a.pm or os.path.join(ROOT, "build-release", "pm")
    if not a.pm and not os.path.exists(pm):
        pm = build_pm()
    pm = os.path.abspath(pm)
    if not a.no_clingo and not shutil.which("clingo"):
        sys.exit("clingo not found (Debian package gringo), or pass --no-clingo")
    has_min = "--min" in subprocess.run([pm, "roster", "--help"], capture_output=True, text=True).stdout

    if a.only:
        insts = []
        for s in a.only:
            seats, weeks, start = s.split(":")
            insts.append(Instance(int(seats), int(weeks), start))
    else:
        insts = [Instance(s, w, st) for w in WEEKS for s in SEATS for st in STARTS]

    work = a.keep or tempfile.mkdtemp(prefix="pm-exact-")
    os.makedirs(work, exist_ok=True)
    clingo_v = "" if a.no_clingo else subprocess.run(["clingo", "--version"], capture_output=True,
                                                      text=True).stdout.splitlines()[0]
    began = time.perf_counter()
    print(f"pm: {pm}; {clingo_v}; clingo time limit {a.time_limit} s (N = LB-1: {a.unsat_limit} s); "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; pm roster --min: {'yes' if has_min else 'no'}",
          flush=True)
    print("\n" + HEADER + "\n" + "|---" * HEADER.count(" | ") + "|---|", flush=True)
    exact = Exact(pm, work, a)
    results = []
    for inst in insts:
        lb, why = inst.lower_bound()
        r = {"instance": inst.name, "seats": inst.seats, "weeks": inst.weeks, "start": inst.start.isoformat(),
             "lower_bound": lb, "binding": why, "windows": [w[:3] + (round(w[3], 3), w[4]) for w in inst.windows]}
        r["pm"] = run_pm(pm, inst, work, lb, has_min)
        if not a.no_clingo:
            e = exact.solve(inst.seats, inst.weeks, inst.start.isoformat())
            r["clingo"] = {k: v for k, v in e.items() if k != "best"}
            r["clingo"]["best"] = e["best"][0] if e["best"] else None
        results.append(r)
        print(row(r), flush=True)
    print(f"\n{len(results)} instances in {time.perf_counter() - began:.0f} s; load {os.getloadavg()[0]:.1f}",
          flush=True)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, default=str, ensure_ascii=False)
    if not a.keep:
        shutil.rmtree(work)
    bad = [r["instance"] for r in results if not verified(r)]
    if bad:
        print("rosters that failed a check: " + ", ".join(bad), file=sys.stderr)
        sys.exit(1)


def passed(c):
    return c["pm_check"] and not c["own_check"]


def verified(r):
    ok = all(passed(t) for t in r["pm"]["tries"] if t["rc"] == 0)
    c = r.get("clingo", {})
    for x in c.get("calls", []) + [c[k] for k in ("below", "crews") if k in c]:
        if "pm_check" in x and not passed(x):
            ok = False
    return ok


def clingo_cell(c):
    res = {"SATISFIABLE": "lawful", "UNSATISFIABLE": "infeasible", "UNKNOWN": "no answer"}.get(c["result"],
                                                                                              c["result"])
    if c["result"] == "UNKNOWN":
        return f"{c['n']}: {res} in {c['limit']} s"
    extra = ""
    if c["result"] == "SATISFIABLE":
        extra = ", checked" if passed(c) else ", FAILS A CHECK"
    return f"{c['n']}: {res}, {c['wall']:.2f} s ({c['cpu']:.2f}){extra}"


def row(r):
    p = r["pm"]
    tries = p["tries"]
    lb = r["lower_bound"]
    if "n" in p:
        t = tries[-1]
        pm_n = f"{p['n']}" + ("" if passed(t) else " (FAILS A CHECK)")
        pm_t, pm_m = f"{t['wall']:.2f} s ({t['cpu']:.2f})", f"{t['mem_mb']:.0f} MB"
    else:
        pm_n, pm_t, pm_m = f"none up to {lb + PM_TRIES - 1}", "", ""
    refused = ", ".join(f"{t['n']} ({t['wall']:.2f} s)" for t in tries if t["rc"] != 0) or "–"
    if "min" in p:
        try:
            m = json.loads(p["min"]["output"])["posts"][0]
            refused += (f"; --min: bound {m['lower_bound']}, rostered with {m['minimum']}"
                        f"{', proven' if m['proven'] else ''} ({p['min']['wall']:.2f} s)")
        except (ValueError, KeyError, IndexError):
            refused += f"; --min: rc {p['min']['rc']}"
    c = r.get("clingo")
    if c is None:
        full, crews, minimum = "–", "–", "–"
    else:
        parts = [clingo_cell(x) for x in ([c["below"]] if "below" in c else []) + c["calls"]]
        full = "; ".join(parts) or ("–" if "skipped" not in c else "")
        if "skipped" in c:
            full = (full + "; " if parts else "") + c["skipped"]
        k = c.get("crews")
        crews = "–" if not k else f"{k['n']}: {k['how']}" + (", checked" if passed(k) else ", FAILS A CHECK")
        best, low = c["best"], lb  # clingo's infeasible answers raise the lower bound
        for x in c["calls"]:
            if x["result"] == "UNSATISFIABLE":
                low = max(low, x["n"] + 1)
        # A lawful roster from pm, checked, is as good a witness as one from clingo.
        if "n" in p and passed(p["tries"][-1]):
            best = p["n"] if best is None else min(best, p["n"])
        minimum = f"≥ {low}" if best is None else (f"**{low}**" if best == low else f"{low}–{best}")
    return (f"| {r['instance']} | {lb} | {r['binding']} | {full} | {crews} | {minimum} | {pm_n} | {pm_t} | {pm_m} | "
            f"{refused} |")


if __name__ == "__main__":
    main()
