#!/usr/bin/env python3
"""Tests of the plan 2-6 features: pm portfolio, pm init, pm diff and the new estate rules.

usage: check.py PM SOURCE_DIR CASE
Each case runs pm as a user would and checks what it prints against what the inputs imply,
computed here independently of pm's code.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

PM, SRC, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
ENV = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1")
ENV.pop("PM_LANG", None)
AJV = os.path.join(SRC, ".cache/npm/node_modules/.bin/ajv")
failures = []


def run(*args, cwd=SRC):
    return subprocess.run([PM, *args], capture_output=True, text=True, cwd=cwd, env=ENV)


def check(cond, what):
    if not cond:
        failures.append(what)


def ajv(schema, data_text):
    if not os.path.exists(AJV):
        if os.environ.get("CI") == "true":
            failures.append("ajv is missing (bash .ci/deps --test installs it)")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(data_text)
    r = subprocess.run([AJV, "validate", "--spec=draft7", "-c", "ajv-formats", "-s", os.path.join(SRC, "schemas", schema),
                        "-d", f.name], capture_output=True, text=True)
    os.unlink(f.name)
    check(r.returncode == 0, f"ajv rejects the output against {schema}: {r.stdout}{r.stderr}")


def yaml_load(path):
    import yaml  # python3-yaml, installed by .ci/deps --test
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def case_portfolio():
    d = os.path.join(SRC, "examples/city-portfolio")
    r = run("portfolio", "examples/city-portfolio", "--format", "json")
    check(r.returncode == 1, f"a missed target exits 1, got {r.returncode}: {r.stderr}")
    out = json.loads(r.stdout)
    ajv("portfolio.schema.json", r.stdout)
    estates = [yaml_load(p) for p in sorted(glob.glob(os.path.join(d, "estates", "*.yaml")))]
    # A target is a share, or {goal, wording}.
    targets = {k: (v["goal"] if isinstance(v, dict) else v)
               for k, v in yaml_load(os.path.join(d, "targets.yaml"))["targets"].items()}
    check(len(out["estates"]) == len(estates) >= 30, "every estate has a row")
    g = [e["governance"] for e in estates]
    closed = sum(x["rectification"]["closed"] for x in g)
    items = closed + sum(x["rectification"]["open"] for x in g)
    new = [x for x in g if x.get("new_estate")]
    expect = {
        "rectification": (closed, items),
        "tendering": (sum(1 for x in new if x.get("tendered")), len(new)),
        "contracts": (sum(1 for x in new if x.get("contract_signed")), len(new)),
        "licensed_companies": (sum(1 for x in g if x.get("company_licensed")), len(g)),
        "certified_managers": (sum(1 for x in g if x.get("manager_certified")), len(g)),
        "owners_committees": (sum(1 for x in g if x.get("owners_committee")),
                              sum(1 for x in g if x.get("eligible_for_committee", True))),
        "repairs_on_time": (sum(x["repairs"]["on_time"] for x in g), sum(x["repairs"]["due"] for x in g)),
        "covenants": (sum(1 for x in new if x.get("covenant_signed")), len(new)),
        # Estates that don't say are not counted (they are listed as unknown).
        "credit_files": (sum(1 for x in g if x.get("credit_file")), sum(1 for x in g if "credit_file" in x)),
        "professional_management": (sum(1 for x in g if x.get("professionally_managed")),
                                    sum(1 for x in g if x.get("eligible_for_management", True))),
    }
    check(len(got := {t["id"]: t for t in out["targets"]}) == 10, "all ten targets of the seed")
    check(len(got["credit_files"]["unknown"]) == sum(1 for x in g if "credit_file" not in x) > 0,
          "estates that don't state a credit file are unknown, not met")
    got = {t["id"]: t for t in out["targets"]}
    check(set(got) == set(targets), f"one row per target: {sorted(got)}")
    for tid, (num, den) in expect.items():
        t = got[tid]
        check((t["numerator"], t["denominator"]) == (num, den), f"{tid}: {t['numerator']}/{t['denominator']} != {num}/{den}")
        met = den == 0 or num / den >= targets[tid] - 1e-12
        check(t["met"] == met, f"{tid}: met is {t['met']}, expected {met}")
        if tid not in ("rectification", "repairs_on_time"):
            check(len(t["missing"]) == den - num, f"{tid}: {len(t['missing'])} estates listed as short, expected {den - num}")
    check(out["all_met"] is False, "all_met is false when a target is missed")
    check(out["totals"]["staff"] == sum(e["staff"] for e in out["estates"]), "staff total adds up")
    # The staffing of each estate is what pm staff says.
    first = out["estates"][0]
    s = json.loads(run("staff", first["file"], "--format", "json").stdout)
    check(s["total"] == first["staff"], f"portfolio staff {first['staff']} != pm staff {s['total']}")
    # Cost and fee per estate are pm budget's, at the rates of the estate's city; the totals add up;
    # figures at illustrative rates carry the notice.
    bud = json.loads(run("budget", first["file"], "--format", "json").stdout)
    check(first["rates"] == bud["rates"] == "shenyang", f"the estate's city picks its rates: {first['rates']}")
    check(first["annual_cost"] == bud["annual_cost"], f"portfolio cost {first['annual_cost']} != pm budget {bud['annual_cost']}")
    lump = [k for k in bud["fee"]["contracts"] if k["id"] == "lump_sum"][0]
    check(first["fee_per_m2_month"] == lump["per_m2_month_incl_vat"], "portfolio fee = pm budget's lump sum with tax")
    check(abs(out["totals"]["annual_cost"] - sum(e["annual_cost"] for e in out["estates"])) < 0.01, "cost total adds up")
    check(out["notice"] and all(e["illustrative"] for e in out["estates"]), "illustrative rates carry the notice")
    # --rates costs every estate at the rates given; rates that are not illustrative carry no notice.
    with tempfile.TemporaryDirectory() as tmp:
        mine = os.path.join(tmp, "mine.toml")
        text = run("rates", "show", "chongqing").stdout
        with open(mine, "w") as f:
            f.write(text.replace("illustrative = true", "illustrative = false", 1))
        g = json.loads(run("portfolio", "examples/city-portfolio", "--rates", mine, "--format", "json").stdout)
        check(all(e["rates"] == mine and not e["illustrative"] for e in g["estates"]), "--rates applies to every estate")
        check(g["notice"] is None, "rates that are not illustrative carry no notice")
        ajv("portfolio.schema.json", json.dumps(g))
        # Rates that can't cost an estate say why; no estate is left uncosted in silence.
        bad = run("portfolio", "examples/city-portfolio", "--rates", "tests/budget/textbook-rates.toml", "--format", "json")
        check(bad.returncode == 1 and "[missing-key]" in bad.stderr, f"uncostable estates are reported: {bad.stderr[:300]}")
    t = run("--lang", "en", "portfolio", "examples/city-portfolio")
    check("Costs and fees at illustrative rates (Shenyang)" in t.stdout, "the table says its costs rest on illustrative rates")
    # Other formats: the table names the targets; md and html are well formed; csv has a row per estate.
    t = run("--lang", "en", "portfolio", "examples/city-portfolio")
    check("owners' committees formed" in t.stdout and "MISSED" in t.stdout, "the table shows the targets")
    c = run("portfolio", "examples/city-portfolio", "--format", "csv")
    check(len(c.stdout.strip().splitlines()) == len(estates) + 1, "csv: a header and a row per estate")
    h = run("portfolio", "examples/city-portfolio", "--format", "html")
    check(h.stdout.startswith("<!DOCTYPE html>") and "http" not in h.stdout, "html is one self-contained page")
    # Targets all met: a portfolio of the estates that meet everything exits 0.
    with tempfile.TemporaryDirectory() as tmp:
        good = [p for p, e in zip(sorted(glob.glob(os.path.join(d, "estates", "*.yaml"))), estates)
                if e["governance"]["company_licensed"]]
        for p in good:
            os.symlink(p, os.path.join(tmp, os.path.basename(p)))
        with open(os.path.join(tmp, "t.yaml"), "w") as f:
            f.write("format: 1\nkind: targets\ntargets: {licensed_companies: 1.0}\n")
        r = run("portfolio", tmp)
        check(r.returncode == 0, f"all targets met exits 0, got {r.returncode}: {r.stderr}")
    # The tender threshold: a large new estate not tendered publicly and a small one invited
    # without approval are findings by name and exit 1; one that doesn't say how it tendered is
    # listed apart and fails nothing.
    import yaml
    base = estates[0]
    cases = {"big-invited": (120000, {"tender_method": "invited", "tender_approved": True}),
             "small-unapproved": (40000, {"tender_method": "negotiated", "tender_approved": False}),
             "small-approved": (40000, {"tender_method": "invited", "tender_approved": True}),
             "big-public": (120000, {"tender_method": "public"}),
             "unsaid": (60000, {})}
    with tempfile.TemporaryDirectory() as tmp:
        def write(cases):
            for f in glob.glob(os.path.join(tmp, "*.yaml")):
                os.unlink(f)
            for eid, (area, facts) in cases.items():
                e = dict(base, id=eid, name={"zh": f"{eid}小区", "en": f"{eid} estate"})
                e["areas"] = {"total": area, "residential": area * 0.7, "green": area * 0.2}
                e["governance"] = dict(new_estate=True, tendered=True, **facts)
                with open(os.path.join(tmp, eid + ".yaml"), "w", encoding="utf-8") as f:
                    yaml.safe_dump(e, f, allow_unicode=True)
            with open(os.path.join(tmp, "t.yaml"), "w") as f:
                f.write("format: 1\nkind: targets\ntargets: {tendering: 1.0}\n"
                        "tender_threshold: {public_min_area: 50000, below: invited_or_negotiated_with_approval}\n")
        write(cases)
        r = run("portfolio", tmp, "--format", "json")
        check(r.returncode == 1, f"a tender that breaks the threshold exits 1, got {r.returncode}: {r.stderr}")
        ajv("portfolio.schema.json", r.stdout)
        found = {f["estate"]: (f["kind"], f["breach"]) for f in json.loads(r.stdout)["tender_findings"]}
        check(found == {"big-invited": ("not_public", True), "small-unapproved": ("not_approved", True),
                        "unsaid": ("method_unknown", False)}, f"tender findings: {found}")
        md = run("--lang", "en", "portfolio", tmp, "--format", "md").stdout
        check("big-invited estate (120,000 m²) is 50,000 m² or more" in md and "big-invited\n" not in md,
              "findings name the estate, not its id")
        del cases["big-invited"], cases["small-unapproved"]
        write(cases)
        r = run("portfolio", tmp)
        check(r.returncode == 0, f"no breach (only an unknown) exits 0, got {r.returncode}: {r.stderr}")


def case_init():
    with tempfile.TemporaryDirectory() as tmp:
        for t in ["residential", "villa", "mixed_use", "office", "campus_dormitory", "institution", "industrial_park"]:
            f = os.path.join(tmp, f"My {t} Estate.yaml")
            r = run("init", "--type", t, f)
            check(r.returncode == 0, f"init {t}: {r.stderr}")
            v = run("validate", f)
            check(v.returncode == 0, f"init {t} output does not validate: {v.stderr}")
            text = open(f, encoding="utf-8").read()
            check(text.startswith("# yaml-language-server: $schema="), f"init {t}: schema line first")
            check(f"id: my-{t.replace('_', '-')}-estate" in text, f"init {t}: id from the file name")
            s = run("staff", f, "--format", "json")
            check(s.returncode == 0 and json.loads(s.stdout)["total"] > 0, f"init {t}: staffs someone")
        f = os.path.join(tmp, "My villa Estate.yaml")
        before = open(f, encoding="utf-8").read()
        r = run("init", f)
        check(r.returncode == 2 and "already exists" in r.stderr, "init refuses an existing file with exit 2")
        check(open(f, encoding="utf-8").read() == before, "init leaves an existing file alone")


def case_diff():
    base = os.path.join(SRC, "examples/residential-145k.yaml")
    text = open(base, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as tmp:
        new = os.path.join(tmp, "new.yaml")
        # Three more high-rise buildings and a second staffed entrance.
        changed = text.replace("count: 9", "count: 12").replace(
            "entrances:\n  - name: 主入口", "entrances:\n  - name: 北门\n    pedestrians: true\n    hours: 24h\n  - name: 主入口")
        open(new, "w", encoding="utf-8").write(changed)
        r = run("diff", base, new, "--format", "json")
        check(r.returncode == 0, f"diff exits 0: {r.stderr}")
        ajv("diff.schema.json", r.stdout)
        d = json.loads(r.stdout)
        a = json.loads(run("staff", base, "--format", "json").stdout)
        b = json.loads(run("staff", new, "--format", "json").stdout)
        check((d["staffing"]["before"], d["staffing"]["after"]) == (a["total"], b["total"]), "totals match pm staff")

        def roles(s):
            return {r["id"]: r["headcount"] for dep in s["departments"] for r in dep["roles"]}
        ra, rb = roles(a), roles(b)
        expect = {k: rb.get(k, 0) - ra.get(k, 0) for k in set(ra) | set(rb) if rb.get(k, 0) != ra.get(k, 0)}
        got = {x["role"]: x["change"] for x in d["staffing"]["roles"]}
        check(got == expect, f"role changes {got} != {expect}")
        check(got.get("indoor_cleaner", 0) > 0 and got.get("gate_guard", 0) > 0, "the change shows cleaners and guards")
        md = run("--lang", "en", "diff", base, new, "--format", "md")
        check("| Gate guard |" in md.stdout and "+" in md.stdout, "md: a table row per changed role with +N")
        # The budget grows with the staff, as pm budget says.
        ba = json.loads(run("budget", base, "--format", "json").stdout)
        bb = json.loads(run("budget", new, "--format", "json").stdout)
        check(abs(d["budget"]["annual_cost"]["before"] - ba["annual_cost"]) < 0.01 and
              abs(d["budget"]["annual_cost"]["after"] - bb["annual_cost"]) < 0.01, "diff's costs are pm budget's")
        check(d["roster"]["before"]["feasible"] and d["roster"]["after"]["feasible"], "cn-standard stays rosterable")
        # The practice norms can't be rostered: the diff says so, with the reason.
        p = json.loads(run("--lang", "en", "diff", base, new, "--norms", "cn-practice", "--format", "json").stdout)
        check(not p["roster"]["after"]["feasible"] and any("add" in x for x in p["roster"]["after"]["problems"]),
              "cn-practice: not rosterable, with how many to add")
        same = run("diff", base, base)
        check(same.returncode == 0 and ("No role changes" in same.stdout or "不变" in same.stdout), "no change says so")


def case_examples():
    # Every example (one per kind of plan) validates and staffs.
    for p in sorted(glob.glob(os.path.join(SRC, "examples", "*.yaml"))):
        r = run("staff", p, "--format", "json")
        check(r.returncode == 0, f"{p}: pm staff fails: {r.stderr}")
        s = json.loads(r.stdout)
        check(s["total"] == sum(d["headcount"] for d in s["departments"]), f"{p}: departments add up")
    inst = json.loads(run("staff", "examples/institution-centre.yaml", "--format", "json").stdout)
    units = yaml_load(os.path.join(SRC, "examples/institution-centre.yaml"))["units"]
    check([d["id"] for d in inst["departments"]] == [u["id"] for u in units], "plan 4: departments are the units")
    check(inst["total"] == sum(p["headcount"] for u in units for p in u["positions"]), "plan 4: headcount as given")
    dorm = json.loads(run("staff", "examples/college-dormitories.yaml", "--format", "json").stdout)
    check(any(p["id"] == "dorm_duty" for p in dorm["posts"]), "plan 5: a 24-hour dormitory duty post")


def case_directories():
    # Every command that takes an estate also takes a directory.
    d = "examples"
    singles = [p for p in sorted(glob.glob(os.path.join(SRC, d, "*.yaml")))]
    s = run("staff", d, "--format", "json")
    check(s.returncode == 0, f"staff DIR: {s.stderr}")
    sd = json.loads(s.stdout)
    ajv("staffing.schema.json", s.stdout)
    check(len(sd["estates"]) == len(singles) + 32, "staff DIR: every estate, sub-directories included")
    check(sd["total"] == sum(e["total"] for e in sd["estates"]), "staff DIR: the total adds up")
    one = json.loads(run("staff", singles[0], "--format", "json").stdout)
    check(any(e == one for e in sd["estates"]), "staff DIR: an estate's entry is what pm staff FILE prints")
    b = run("budget", d, "--format", "json")
    check(b.returncode == 0, f"budget DIR: {b.stderr}")
    ajv("budget.schema.json", b.stdout)
    bd = json.loads(b.stdout)
    check(abs(bd["annual_cost"] - sum(e["annual_cost"] for e in bd["estates"])) < 0.01, "budget DIR: the total adds up")
    r = run("roster", d, "--start", "2026-01-05", "--format", "json")
    check(r.returncode == 0, f"roster DIR with cn-standard: every estate rosters: {r.stdout[-500:]} {r.stderr}")
    ajv("roster.schema.json", r.stdout)
    rp = run("--lang", "en", "roster", d, "--start", "2026-01-05", "--norms", "cn-practice")
    check(rp.returncode == 1 and "add at least 1 gate guard" in rp.stdout, "roster DIR with cn-practice: refusals with reasons")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "reports")
        w = run("report", d, "-o", out, "--format", "json")
        check(w.returncode == 0, f"report DIR: exit {w.returncode}: " +
              " | ".join(l for l in w.stderr.splitlines() if not l.startswith("wrote")))
        files = sorted(os.listdir(out)) if os.path.isdir(out) else []
        check(len(files) == len(singles) + 32, f"report DIR: one report per estate, got {len(files)}")
        n = run("report", d)
        check(n.returncode == 2, "report DIR without -o is a usage error")


{"directories": case_directories, "portfolio": case_portfolio, "init": case_init, "diff": case_diff, "examples": case_examples}[CASE]()
for f in failures:
    print("FAIL:", f)
print(f"{CASE}: {'ok' if not failures else str(len(failures)) + ' failures'}")
sys.exit(1 if failures else 0)
