#!/usr/bin/env python3
"""pm import and the YAML pm writes.

usage: check.py PM SOURCE_DIR CASE

roundtrip  a ledger of 244 rows, generated here with a fixed seed (Chinese column names, names
           that YAML must quote), imported in one run: 244 files that pm validate accepts,
           that PyYAML reads back to the ledger's values, and that pm portfolio takes with
           the city's targets and counts.
init       pm init of every type: the file validates, and PyYAML reads it as the template
           it was made from (same keys and values), with the template's comments.
coverage   every diagnostic code of pm import has a golden case here and is described in
           man/pm-import.1.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import yaml

PM, SRC, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args, cwd=None):
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("PM_LANG", None)
    return subprocess.run([PM, *args], capture_output=True, text=True, env=env, cwd=cwd)


HEADER = ["编号", "小区名称", "区", "类型", "建筑面积", "户数", "楼栋数", "层数", "物业企业", "新建", "招投标方式",
          "招标批准", "前期物业合同", "业主临时公约", "企业资质", "经理持证", "业主委员会", "具备成立条件",
          "遗留问题未整改", "遗留问题已整改", "报修", "及时维修", "具备物业管理条件", "物业化", "诚信档案"]
BOOLS = {"新建": "new_estate", "招标批准": "tender_approved", "前期物业合同": "contract_signed",
         "业主临时公约": "covenant_signed", "企业资质": "company_licensed", "经理持证": "manager_certified",
         "业主委员会": "owners_committee", "具备成立条件": "eligible_for_committee",
         "具备物业管理条件": "eligible_for_management", "物业化": "professionally_managed", "诚信档案": "credit_file"}
METHODS = {"公开招标": "public", "邀请招标": "invited", "议标": "negotiated"}
# Names a plain YAML scalar could not carry as they are.
ODD = ["花园: 二期", "# 一号院", "- 东区", "@家园", '"金色"家园', "'银色'家园", "两行\n名称", "yes", "2026-05-10", "0123"]


def ledger(n=244, seed=244):
    rnd = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        name = ODD[i - 1] if i <= len(ODD) else f"{rnd.choice(['和平', '沈河', '皇姑', '大东', '铁西'])}{rnd.choice(['新城', '花园', '家园', '小区'])}{i}"
        floors = rnd.choice([3, 6, 9, 18, 26])
        due = rnd.randint(0, 200)
        opened = rnd.randint(0, 20)
        row = {"编号": f"sy-{i:05d}", "小区名称": name, "区": rnd.choice(["和平区", "沈河区", ""]),
               "类型": rnd.choice(["住宅", "residential", ""]), "建筑面积": str(rnd.randint(20, 400) * 1000),
               "户数": str(rnd.randint(100, 3000)), "楼栋数": str(rnd.randint(1, 40)), "层数": str(floors),
               "物业企业": rnd.choice(["东方物业", "万科物业", "", "A, B & C 物业"]),
               "招投标方式": rnd.choice(list(METHODS) + [""]),
               "遗留问题未整改": str(opened), "遗留问题已整改": str(rnd.randint(0, 30)),
               "报修": str(due), "及时维修": str(rnd.randint(0, due))}
        for b in BOOLS:
            row[b] = rnd.choice(["是", "否", "yes", "no", "1", "0", ""])
        if truth(row["业主委员会"]) and row["具备成立条件"] in ("否", "no", "0"):
            row["具备成立条件"] = "是"  # a committee where none could be formed is a contradiction
        rows.append(row)
    return rows


def csv_text(rows):
    def cell(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    lines = [",".join(HEADER)] + [",".join(cell(r[h]) for h in HEADER) for r in rows]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def truth(v):
    return v in ("是", "yes", "1")


def case_roundtrip():
    rows = ledger()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "沈阳台账.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(csv_text(rows))
        out = os.path.join(tmp, "estates")
        r = run("import", path, "--into", out)
        check(r.returncode == 0, f"import exits 0: {r.stderr[-2000:]}")
        files = sorted(os.listdir(out)) if os.path.isdir(out) else []
        check(len(files) == 244, f"244 files written, not {len(files)}")
        v = run("validate", out)
        check(v.returncode == 0, f"pm validate accepts the directory: {v.stderr[-2000:]}")
        # Another reader agrees with the ledger.
        for row in rows:
            f = os.path.join(out, row["编号"] + ".yaml")
            if not os.path.exists(f):
                continue
            text = open(f, encoding="utf-8").read()
            e = yaml.safe_load(text)
            what = row["编号"]
            check(e["id"] == row["编号"] and e["name"] == {"zh" if any(ord(c) > 127 for c in row["小区名称"]) else "en": row["小区名称"]},
                  f"{what}: id and name as the ledger says, read by PyYAML: {e['id']!r} {e['name']!r}")
            check(e["areas"] == {"total": int(row["建筑面积"])} and e["households"] == int(row["户数"]), f"{what}: areas")
            check(e.get("district") == (row["区"] or None), f"{what}: district")
            g = e.get("governance", {})
            for col, key in BOOLS.items():
                want = None if row[col] == "" else truth(row[col])
                check(g.get(key) == want, f"{what}: {key} is {g.get(key)!r}, the ledger says {row[col]!r}")
            check(g.get("tender_method") == METHODS.get(row["招投标方式"]), f"{what}: tender_method")
            check(g.get("company") == (row["物业企业"] or None), f"{what}: company")
            check(g.get("rectification") == {"open": int(row["遗留问题未整改"]), "closed": int(row["遗留问题已整改"])},
                  f"{what}: rectification")
            check(g.get("repairs") == {"due": int(row["报修"]), "on_time": int(row["及时维修"])}, f"{what}: repairs")
            b = e["buildings"][0]
            floors = int(row["层数"])
            check(b["floors"] == floors and b["count"] == int(row["楼栋数"]) and
                  b["type"] == ("high_rise" if floors >= 10 else "mid_rise" if floors >= 7 else "multi_storey"),
                  f"{what}: buildings")
            check(e["type"] == "residential", f"{what}: type")
            if row["类型"] == "":
                check("# assumption" in text or "# 假设" in text, f"{what}: the assumed type is said")
            check(text.startswith("# Imported by pm import from the ledger") and "line " in text.split("\n")[0],
                  f"{what}: the header names the ledger and the line")
        # The portfolio of the city: its targets over the 244 estates, in one run.
        p = run("portfolio", out, "--targets", os.path.join(SRC, "examples/city-portfolio/targets.yaml"), "-f", "json")
        check(p.stdout.strip() != "", f"pm portfolio reports: {p.returncode} {p.stderr[-2000:]}")
        if p.stdout.strip():
            d = json.loads(p.stdout)
            # Exit 1 says a target is not met (the generated ledger meets few), nothing else.
            check(p.returncode == (0 if d["all_met"] else 1), f"pm portfolio exits {p.returncode}: {p.stderr[-2000:]}")
            check(len(d["estates"]) == 244, f"the portfolio counts 244 estates, not {len(d['estates'])}")
            targets = yaml.safe_load(open(os.path.join(SRC, "examples/city-portfolio/targets.yaml"), encoding="utf-8"))
            check(len(d["targets"]) == len(targets["targets"]), "each of the city's targets is judged")
        # Once more: nothing is overwritten without --force, and nothing else is written.
        r = run("import", path, "--into", out)
        check(r.returncode == 2 and "--force" in r.stderr, f"a second import refuses: {r.returncode} {r.stderr}")
        check(os.path.isdir(out) and len(os.listdir(out)) == 244, "no stray temporary files")


def case_init():
    types = sorted(f[:-5] for f in os.listdir(os.path.join(SRC, "lib/data/templates")))
    check(len(types) == 7, f"seven types: {types}")
    with tempfile.TemporaryDirectory() as tmp:
        for t in types:
            f = os.path.join(tmp, f"my-{t}.yaml")
            r = run("init", "--type", t, f)
            check(r.returncode == 0, f"init {t}: {r.stderr}")
            if r.returncode:
                continue
            v = run("validate", f)
            check(v.returncode == 0, f"init {t} validates: {v.stderr}")
            text = open(f, encoding="utf-8").read()
            template = open(os.path.join(SRC, "lib/data/templates", t + ".yaml"), encoding="utf-8").read()
            want = yaml.safe_load(template.replace("{{id}}", f"my-{t.replace('_', '-')}"))
            got = yaml.safe_load(text)
            check(got == want, f"init {t}: PyYAML reads the template's keys and values\n{got}\n{want}")
            # The teaching comments are all there.
            comments = [c.strip() for c in re.findall(r"(?:^|\s)#\s?(.*)$", template, re.M)]
            for c in comments:
                if "{{" in c:
                    continue
                check(c in text, f"init {t}: comment {c!r} kept")
            check(list(got) == list(want), f"init {t}: keys in the template's order")


def case_coverage():
    src = open(os.path.join(SRC, "lib/pm/app/import.cpp"), encoding="utf-8").read()
    codes = set(re.findall(r'"(import-[a-z-]+|csv-syntax|not-utf8|nul-byte)"', src))
    check(len(codes) >= 15, f"found only {sorted(codes)}")
    here = os.path.dirname(os.path.abspath(__file__))
    golden = "".join(open(os.path.join(here, f), encoding="utf-8").read() for f in os.listdir(here) if f.endswith(".expected"))
    man = open(os.path.join(SRC, "man/pm-import.1"), encoding="utf-8").read()
    for c in sorted(codes):
        check(f"[{c}]" in golden, f"no golden case shows [{c}]")
        check(f".B {c.replace('-', chr(92) + '-')}\n" in man, f"man/pm-import.1 does not describe {c}")


{"roundtrip": case_roundtrip, "init": case_init, "coverage": case_coverage}[CASE]()
for f in failures[:40]:
    print("FAIL:", f)
print(f"{CASE}: {'ok' if not failures else str(len(failures)) + ' failures'}")
sys.exit(1 if failures else 0)
