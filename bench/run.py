#!/usr/bin/env python3
"""pm's benchmarks (not tests; bench/run.sh is the entry point). Prints one Markdown table.

  validate   `pm validate DIR` on a generated corpus of N estates (bench/gen_estates.py), on one
             thread per processor and with -j 1 on one, and,
             in the same run, alternating with it, ajv-cli validating the same .yaml files
             against the same schema (schemas/estate.schema.json): one node process for all
             files, as `ajv validate --spec=draft7 -c ajv-formats -s SCHEMA -d 'DIR/*.yaml'`.
  latency    `pm validate FILE` on the plan 1 example and on the largest example.
  portfolio  `pm portfolio DIR -f json` on the same corpus.
  roster     bench/roster/run.sh (one year for 40 round-the-clock gates; three cases).

Each timed run is one process, started and waited for here: wall time from start to exit,
CPU time (user + system) and peak memory (maximum resident set size) from wait4(2), the
figures `/usr/bin/time -v` prints. The corpus is written, and every file read once by each
tool, before the clock starts. Reported: the median and the best of the runs.

Every run is checked, so that a wrong answer can't pass for a fast one: pm and ajv must find
every file of the corpus valid (and both must reject a corpus with one bad file), portfolio must
count N estates and no invalid file, and the rosters must pass `pm roster check`.
Exit status: 0 done, 1 a check failed, 2 usage or a missing tool; with --smoke, 77 when
ajv-cli is missing (the rest has run and passed), unless CI=true.

usage: run.py PM [--estates N] [--runs R] [--latency-runs R] [--roster-runs R] [--ajv PATH]
              [--no-ajv] [--no-roster] [--smoke] [--work DIR]
"""
import argparse
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(ROOT, "schemas", "estate.schema.json")


class CheckFailed(Exception):
    pass


class Run:
    def __init__(self, code, wall, cpu, out, err, rss_kb=None):
        self.code, self.wall, self.cpu, self.out, self.err, self.rss_kb = code, wall, cpu, out, err, rss_kb


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd, env=None, rss=False):
    """Runs cmd as one child process; its output goes to temporary files, read afterwards.

    With rss, the peak memory comes from GNU time wrapped around cmd (an untimed run): the
    maximum resident set size that wait4(2) reports to this Python process would include
    Python's own, which a child keeps across exec(2)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
        if rss and TIME:
            cmd = [TIME, "-f", "%M", "-o", rss_file.name] + cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        r = Run(p.returncode, wall, ru.ru_utime + ru.ru_stime, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"))
        if rss and TIME:
            lines = rss_file.read().split()
            r.rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else None
        return r


def check(cond, what):
    if not cond:
        raise CheckFailed(what)


def find_ajv(given):
    for p in [given, os.environ.get("PM_AJV"), os.path.join(ROOT, ".cache", "npm", "node_modules", ".bin", "ajv")]:
        if p and os.access(p, os.X_OK):
            return p
    return None


def npm_version(ajv, package):
    pj = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(ajv)))), package, "package.json")
    try:
        with open(pj, encoding="utf-8") as f:
            return json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return "?"


# ---- the checks on each tool's answer -------------------------------------------------------

def pm_validate_ok(r):
    check(r.code == 0, f"pm validate exited {r.code} on the corpus (expected 0, all valid):\n{r.err[-2000:]}")
    check(r.err.strip() == "", f"pm validate reported problems on a valid corpus:\n{r.err[-2000:]}")


def pm_validate_counts(r, n):
    """The -v run: pm says how many files it checked."""
    check(r.code == 0 and f"{n} file(s) checked, 0 invalid" in r.err, f"pm validate -v did not report {n} files checked, 0 invalid (exit {r.code}):\n{r.err[-2000:]}")


def ajv_ok(r, n):
    valid = sum(1 for line in r.out.splitlines() if line.endswith(" valid"))
    check(r.code == 0 and valid == n, f"ajv found {valid} of {n} files valid (exit {r.code}):\n{r.err[-2000:]}")


def portfolio_ok(r, n):
    check(r.code == 0, f"pm portfolio exited {r.code}:\n{r.err[-2000:]}")
    try:
        totals = json.loads(r.out)["totals"]
    except (ValueError, KeyError) as e:
        raise CheckFailed(f"pm portfolio -f json printed no totals: {e}")
    check(totals["estates"] == n and totals["invalid"] == 0,
          f"pm portfolio counted {totals['estates']} estates and {totals['invalid']} invalid files; expected {n} and 0")
    check(totals["staff"] > 0 and totals["area"] > 0, f"pm portfolio's totals are empty: {totals}")


# ---- statistics and the table ---------------------------------------------------------------

def ms(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def mb(kb):
    return f"{kb / 1024:.1f} MB" if kb is not None else "—"


def summary(runs, rss_run):
    """Median and best wall time, median CPU time of the timed runs; peak memory of rss_run."""
    walls = [r.wall for r in runs]
    cpus = [r.cpu for r in runs]
    return {"median": statistics.median(walls), "best": min(walls), "cpu": statistics.median(cpus),
            "rss": rss_run.rss_kb, "n": len(runs)}


def row(name, s, note=""):
    return [name, str(s["n"]), ms(s["median"]), ms(s["best"]), ms(s["cpu"]), mb(s["rss"]), note]


def print_table(rows):
    head = ["benchmark", "runs", "wall (median)", "wall (best)", "CPU (median)", "peak RSS", "notes"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")


def machine(pm, build_dir):
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    build_type = "?"
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    build_type = line.split("=", 1)[1].strip() or "(none)"
    except OSError:
        pass
    version = run([pm, "--version"]).out.strip()
    return (f"{version}, {build_type} build; {os.cpu_count()} cores, {cpu}; {platform.system()} {platform.release()}; "
            f"{time.strftime('%Y-%m-%d %H:%M %Z')}; load average {os.getloadavg()[0]:.2f}")


# ---- the benchmarks -------------------------------------------------------------------------

def bench_validate(pm, ajv, corpus, n, runs, rows):
    pm_cmd = [pm, "validate", corpus]
    ajv_cmd = [ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "-s", SCHEMA, "-d", os.path.join(corpus, "*.yaml")] if ajv else None
    # Untimed: every file read once by each tool (the page cache is warm for both), and the answers checked.
    pm_validate_counts(run([pm, "validate", "-v", "--lang", "en", corpus]), n)
    pm_rss = run(pm_cmd, rss=True)
    pm_validate_ok(pm_rss)
    if ajv_cmd:
        ajv_rss = run(ajv_cmd, rss=True)
        ajv_ok(ajv_rss, n)
    # pm checks files on one thread per processor; ajv-cli (node) validates on one. The same
    # run on one thread (-j 1) shows what the threads add.
    pm1_cmd = [pm, "validate", "-j", "1", corpus]
    pm1_rss = run(pm1_cmd, rss=True)
    pm_validate_ok(pm1_rss)
    pm_runs, pm1_runs, ajv_runs = [], [], []
    for _ in range(runs):  # alternating, so that a change of load on the machine hits all alike
        r = run(pm_cmd)
        pm_validate_ok(r)
        pm_runs.append(r)
        r = run(pm1_cmd)
        pm_validate_ok(r)
        pm1_runs.append(r)
        if ajv_cmd:
            r = run(ajv_cmd)
            ajv_ok(r, n)
            ajv_runs.append(r)
    p = summary(pm_runs, pm_rss)
    rows.append(row(f"pm validate, {n:,} estates ({os.cpu_count()} threads)", p, f"{p['median'] / n * 1e6:.0f} µs a file"))
    p1 = summary(pm1_runs, pm1_rss)
    rows.append(row(f"pm validate -j 1, the same files on one thread", p1, f"{p1['median'] / n * 1e6:.0f} µs a file"))
    if ajv_cmd:
        a = summary(ajv_runs, ajv_rss)
        rows.append(row(f"ajv-cli validate, the same {n:,} files", a, f"{a['median'] / n * 1e6:.0f} µs a file"))
        rows.append(["ratio ajv / pm", "", f"{a['median'] / p['median']:.2f}×", f"{a['best'] / p['best']:.2f}×",
                     f"{a['cpu'] / p['cpu']:.2f}×", "", "above 1: pm is faster"])
        rows.append(["ratio ajv / pm -j 1", "", f"{a['median'] / p1['median']:.2f}×", f"{a['best'] / p1['best']:.2f}×",
                     f"{a['cpu'] / p1['cpu']:.2f}×", "", "one thread each"])


def bench_rejects(pm, ajv, corpus, work, n):
    """Untimed: both tools must reject the corpus once one of its files is made invalid."""
    bad_dir = os.path.join(work, "with-one-bad-file")
    shutil.rmtree(bad_dir, ignore_errors=True)
    shutil.copytree(corpus, bad_dir)
    files = sorted(glob.glob(os.path.join(bad_dir, "*.yaml")))
    bad = files[len(files) // 2]
    with open(bad, encoding="utf-8") as f:
        text = f.read()
    text, k = re.subn(r"(?m)^id: .*$", "id: Not A Valid Id", text)  # the schema's id pattern forbids it
    check(k == 1, f"{bad} has no id line to spoil")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text)
    r = run([pm, "validate", "--format", "json", bad_dir])
    diags = json.loads(r.out)["diagnostics"] if r.out.strip() else []
    check(r.code == 1 and [(d["file"], d["pointer"]) for d in diags] == [(bad, "/id")],
          f"pm validate did not reject exactly {bad} at /id (exit {r.code}): {diags}")
    if ajv:
        r = run([ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "-s", SCHEMA, "-d", os.path.join(bad_dir, "*.yaml")])
        check(r.code != 0 and f"{bad} invalid" in r.err, f"ajv did not reject {bad} (exit {r.code})")
    shutil.rmtree(bad_dir)


def bench_latency(pm, runs, rows):
    examples = [p for p in glob.glob(os.path.join(ROOT, "examples", "**", "*.y*ml"), recursive=True)
                if "kind: targets" not in open(p, encoding="utf-8").read()]
    plan1 = os.path.join(ROOT, "examples", "residential-145k.yaml")
    largest = max(examples, key=os.path.getsize)
    for f in dict.fromkeys([plan1, largest]):
        rs = []
        for i in range(runs + 1):  # the first, untimed, for the peak memory
            r = run([pm, "validate", f], rss=i == 0)
            check(r.code == 0 and r.err.strip() == "", f"pm validate {f} exited {r.code}:\n{r.err[-2000:]}")
            rs.append(r)
        rows.append(row(f"pm validate {os.path.relpath(f, ROOT)} ({os.path.getsize(f):,} bytes)", summary(rs[1:], rs[0]),
                        "one file"))


def bench_portfolio(pm, corpus, n, runs, rows):
    cmd = [pm, "portfolio", corpus, "-f", "json"]
    first = run(cmd, rss=True)  # untimed: warm-up and peak memory
    portfolio_ok(first, n)
    rs = []
    for _ in range(runs):
        r = run(cmd)
        portfolio_ok(r, n)
        rs.append(r)
    s = summary(rs, first)
    rows.append(row(f"pm portfolio -f json, {n:,} estates", s, f"{s['median'] / n * 1e6:.0f} µs an estate"))


def bench_roster(pm, runs, weeks, rows):
    script = os.path.join(HERE, "roster", "run.sh")
    env = dict(os.environ, PM_BENCH_WEEKS=str(weeks))
    cases = {}
    for _ in range(runs):
        r = run(["bash", script, pm], env=env)
        check(r.code == 0, f"bench/roster/run.sh failed (exit {r.code}):\n{r.out}{r.err[-2000:]}")
        for line in r.out.splitlines():
            m = re.match(r"(\S+)\s+(\d+) shifts\s+wall (?:(\d+):)?(\d+):([\d.]+)\s+peak (\d+) MB", line)
            if m:
                h = int(m.group(3) or 0)
                wall = h * 3600 + int(m.group(4)) * 60 + float(m.group(5))
                cases.setdefault((m.group(1), int(m.group(2))), []).append((wall, int(m.group(6))))
    check(len(cases) == 3, f"bench/roster/run.sh printed {len(cases)} cases, expected 3")
    for (name, shifts), v in cases.items():
        walls = [w for w, _ in v]
        rows.append([f"pm roster, {weeks} weeks: {name}", str(len(v)), ms(statistics.median(walls)), ms(min(walls)), "",
                     f"{max(m for _, m in v)} MB", f"{shifts:,} shifts; checked by pm roster check"])


def bench_baseline(pm, old, corpus, n, runs, rows):
    """pm against an earlier build of itself, on the same corpus, runs alternating."""
    plan1 = os.path.join(ROOT, "examples", "residential-145k.yaml")
    cases = [("pm validate", ["validate", corpus], pm_validate_ok),
             ("pm portfolio -f json", ["portfolio", corpus, "-f", "json"], lambda r: portfolio_ok(r, n)),
             ("pm report (plan 1, Markdown)", ["report", plan1, "--date", "2026-01-05"],
              lambda r: check(r.code == 0 and r.out.startswith("#"), f"pm report exited {r.code}"))]
    for name, args, ok in cases:
        new_rss, old_rss = run([pm] + args, rss=True), run([old] + args, rss=True)
        ok(new_rss)
        ok(old_rss)
        new_runs, old_runs = [], []
        for _ in range(runs):
            for exe, into in ((pm, new_runs), (old, old_runs)):
                r = run([exe] + args)
                ok(r)
                into.append(r)
        a, b = summary(new_runs, new_rss), summary(old_runs, old_rss)
        rows.append(row(f"{name}: this build", a, f"{n:,} estates" if corpus in args else "one file"))
        rows.append(row(f"{name}: baseline", b, os.path.basename(os.path.dirname(os.path.dirname(old))) or old))
        rows.append([f"ratio baseline / this build", "", f"{b['median'] / a['median']:.2f}×",
                     f"{b['best'] / a['best']:.2f}×", f"{b['cpu'] / a['cpu']:.2f}×", "", "above 1: this build is faster"])
    # The roster benchmark (bench/roster/run.sh, 52 weeks), alternating the two builds.
    script = os.path.join(HERE, "roster", "run.sh")
    cases = {}
    for _ in range(runs):
        for label, exe in (("this build", pm), ("baseline", old)):
            r = run(["bash", script, exe], env=dict(os.environ, PM_BENCH_WEEKS="52"))
            check(r.code == 0, f"bench/roster/run.sh {exe} failed (exit {r.code}):\n{r.out}{r.err[-2000:]}")
            for line in r.out.splitlines():
                m = re.match(r"(\S+)\s+(\d+) shifts\s+wall (?:(\d+):)?(\d+):([\d.]+)\s+peak (\d+) MB", line)
                if m:
                    wall = int(m.group(3) or 0) * 3600 + int(m.group(4)) * 60 + float(m.group(5))
                    cases.setdefault((m.group(1), label), []).append((wall, int(m.group(6))))
    for (name, label), v in sorted(cases.items(), key=lambda kv: (kv[0][0], kv[0][1] != "this build")):
        walls = [w for w, _ in v]
        rows.append([f"pm roster, 52 weeks, {name}: {label}", str(len(v)), ms(statistics.median(walls)), ms(min(walls)),
                     "", f"{max(m for _, m in v)} MB", "checked by pm roster check"])


def main():
    ap = argparse.ArgumentParser(description="pm's benchmarks")
    ap.add_argument("pm")
    ap.add_argument("--estates", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each corpus benchmark")
    ap.add_argument("--latency-runs", type=int, default=50)
    ap.add_argument("--roster-runs", type=int, default=3)
    ap.add_argument("--ajv", help="ajv-cli's ajv (default: $PM_AJV, else .cache/npm/node_modules/.bin/ajv)")
    ap.add_argument("--no-ajv", action="store_true", help="leave out the comparison with ajv-cli")
    ap.add_argument("--no-roster", action="store_true")
    ap.add_argument("--smoke", action="store_true",
                    help="a few seconds: 20 estates, one run each, 2-week rosters (the ctest bench_smoke)")
    ap.add_argument("--work", help="where to write the corpus (default: a temporary directory)")
    ap.add_argument("--baseline", help="an earlier pm binary: only compare it with this one, runs alternating")
    a = ap.parse_args()
    weeks = 52
    if a.smoke:
        a.estates, a.runs, a.latency_runs, a.roster_runs, weeks = 20, 1, 3, 1, 2
    pm = os.path.abspath(a.pm)
    if not os.access(pm, os.X_OK):
        print(f"error: no pm at {pm}", file=sys.stderr)
        return 2
    ajv = None if a.no_ajv else find_ajv(a.ajv)
    if not a.no_ajv and not ajv:
        msg = "ajv-cli is not installed (bash .ci/deps --test installs it under .cache/npm; or pass --ajv PATH, or --no-ajv)"
        if not a.smoke or os.environ.get("CI") == "true":
            print("error: " + msg, file=sys.stderr)
            return 2
        print("note: " + msg + "; the comparison is skipped", file=sys.stderr)
    roster = not a.no_roster
    if roster and not os.access("/usr/bin/time", os.X_OK):
        if not a.smoke:
            print("error: bench/roster/run.sh needs /usr/bin/time (apt-get install time), or pass --no-roster", file=sys.stderr)
            return 2
        print("note: /usr/bin/time is missing: the roster benchmark is skipped", file=sys.stderr)
        roster = False

    work = a.work or tempfile.mkdtemp(prefix="pm-bench-")
    corpus = os.path.join(work, "estates")
    try:
        if os.path.exists(corpus):
            shutil.rmtree(corpus)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_estates.py"), corpus, str(a.estates)], check=True)
        print(f"pm benchmarks: {machine(pm, os.path.dirname(pm))}")
        if ajv:
            print(f"ajv-cli {npm_version(ajv, 'ajv-cli')} (ajv {npm_version(ajv, 'ajv')}, ajv-formats "
                  f"{npm_version(ajv, 'ajv-formats')}), node {run(['node', '--version']).out.strip()}")
        print(f"corpus: {a.estates:,} estates from bench/gen_estates.py, "
              f"{sum(os.path.getsize(p) for p in glob.glob(os.path.join(corpus, '*.yaml'))):,} bytes\n")
        rows = []
        if a.baseline:
            bench_baseline(pm, os.path.abspath(a.baseline), corpus, a.estates, a.runs, rows)
            print_table(rows)
            return 0
        bench_validate(pm, ajv, corpus, a.estates, a.runs, rows)
        bench_rejects(pm, ajv, corpus, work, a.estates)
        bench_latency(pm, a.latency_runs, rows)
        bench_portfolio(pm, corpus, a.estates, a.runs, rows)
        if roster:
            bench_roster(pm, a.roster_runs, weeks, rows)
        print_table(rows)
        print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    except CheckFailed as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    if not ajv and not a.no_ajv:
        print("skipped: the comparison with ajv-cli (not installed)")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
