#!/usr/bin/env python3
"""pm compare, checked against pm staff and pm budget run on their own:

  norms       plan 1 (examples/residential-145k.yaml) under cn-practice and cn-standard: the
              terminal table shows both headcounts, costs and fees side by side, and the JSON's
              numbers are those of `pm staff/budget --norms X -f json`.
  outsourced  a compound with security in house against the same with a security contract,
              as a --variant and as a second estate file: the security department shrinks, the
              contract is costed at its price, and both ways give pm budget's numbers.
  schema      the JSON of several comparisons is valid against schemas/compare.schema.json (ajv).
  formats     md, csv (--bom), html, xlsx, docx and json by -o FILE's extension, the same bytes twice,
              and the language: --lang, else the estate's locale.

usage: check.py CASE PM SOURCE_DIR WORK_DIR
"""
import json
import os
import subprocess
import sys
import zipfile

PLAN1 = "examples/residential-145k.yaml"
COMPOUND = "tests/compare/compound.yaml"
COMPOUND_OUT = "tests/compare/compound-outsourced.yaml"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(pm, src, *args, rc=0, env_lang=None):
    env = dict(os.environ, LANG=env_lang or "C.UTF-8")
    for v in ("PM_LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(v, None)
    r = subprocess.run([pm, *args], cwd=src, capture_output=True, env=env)
    if r.returncode != rc:
        fail(f"pm {' '.join(args)}: exit {r.returncode}, expected {rc}\n{r.stderr.decode()}")
    return r


def js(pm, src, *args):
    return json.loads(run(pm, src, *args).stdout)


def near(a, b):
    return a is not None and b is not None and abs(a - b) < 0.005


def lump_sum(budget):
    return next(c for c in budget["fee"]["contracts"] if c["id"] == "lump_sum")


def same_as_alone(pm, src, variant, estate, *opts):
    """The variant's numbers are those pm staff and pm budget give for `estate` with `opts`."""
    name = variant["label"]
    staff = js(pm, src, "staff", estate, *opts, "-f", "json")
    budget = js(pm, src, "budget", estate, *opts, "-f", "json")
    if variant["headcount"] != staff["total"]:
        fail(f"{name}: headcount {variant['headcount']}, pm staff says {staff['total']}")
    mine = {d["id"]: d["headcount"] for d in variant["departments"]}
    theirs = {d["id"]: d["headcount"] for d in staff["departments"]}
    if mine != theirs:
        fail(f"{name}: departments {mine}, pm staff says {theirs}")
    if not near(variant["annual_cost"], budget["annual_cost"]):
        fail(f"{name}: annual cost {variant['annual_cost']}, pm budget says {budget['annual_cost']}")
    ls = lump_sum(budget)
    if not near(variant["fee_per_m2_month"], ls["per_m2_month_incl_vat"]):
        fail(f"{name}: fee {variant['fee_per_m2_month']}, pm budget says {ls['per_m2_month_incl_vat']}")
    if (variant["fee_per_household_month"] is None) != (ls["per_household_month"] is None) or (
            ls["per_household_month"] is not None
            and not near(variant["fee_per_household_month"], ls["per_household_month"])):
        fail(f"{name}: fee per household {variant['fee_per_household_month']}, "
             f"pm budget says {ls['per_household_month']}")
    return staff, budget


def money(v):
    return f"{v:,.2f}"


def case_norms(pm, src, work):
    args = ["compare", PLAN1, "--variant", "norms=cn-practice", "--variant", "norms=cn-standard"]
    cmp = js(pm, src, *args, "-f", "json")
    if len(cmp["variants"]) != 2:
        fail(f"expected 2 variants, got {len(cmp['variants'])}")
        return
    a, b = cmp["variants"]
    if (a["norms"], b["norms"]) != ("cn-practice", "cn-standard"):
        fail(f"norm sets {a['norms']}, {b['norms']}")
    same_as_alone(pm, src, a, PLAN1, "--norms", "cn-practice")
    same_as_alone(pm, src, b, PLAN1, "--norms", "cn-standard")
    # The terminal table puts both side by side: each headcount, cost and fee, and the change.
    text = run(pm, src, *args).stdout.decode()
    for v in (a, b):
        for needle in (v["label"], money(v["annual_cost"]), money(v["fee_per_m2_month"])):
            if needle not in text:
                fail(f"the table has no '{needle}':\n{text}")
    total = next((l for l in text.splitlines() if l.strip().startswith("合计")), "")
    change = b["headcount"] - a["headcount"]
    for needle in (str(a["headcount"]), str(b["headcount"]), ("+" if change > 0 else "") + str(change)):
        if needle not in total.split():
            fail(f"the total line has no '{needle}': {total!r}")
    # By name (市场常规配置, 合规配置), never by id.
    if "配置规范" not in text or "市场常规配置" not in text or "合规配置" not in text or "cn-practice" in text:
        fail(f"the table does not name the norm set each option is:\n{text}")
    if not cmp["differences"] or not any("市场常规配置" in s and "合规配置" in s
                                         for s in cmp["differences"][0]["sentences"]):
        fail(f"the differences do not name the norm sets: {cmp['differences']}")


def case_outsourced(pm, src, work):
    variant = js(pm, src, "compare", COMPOUND, "--variant", "外包: outsource=security:1.2/m2", "-f", "json")
    files = js(pm, src, "compare", COMPOUND, COMPOUND_OUT, "-f", "json")
    for name, cmp in (("--variant", variant), ("two files", files)):
        if len(cmp["variants"]) != 2:
            fail(f"{name}: expected 2 variants")
            continue
        inhouse, out = cmp["variants"]
        same_as_alone(pm, src, inhouse, COMPOUND)
        same_as_alone(pm, src, out, COMPOUND_OUT)
        sec = next((d for d in cmp["departments"] if d["id"] == "security"), None)
        if not sec or not sec["headcount"][1] < sec["headcount"][0]:
            fail(f"{name}: the security department does not shrink: {sec}")
        contract = [o for o in out["outsourced"] if o["service"] == "security"]
        if not contract or not near(contract[0]["annual"], 1.2 * 60000 * 12):
            fail(f"{name}: the security contract is {contract}, expected 864,000.00 a year")
        if inhouse["outsourced"]:
            fail(f"{name}: the in-house variant has contracts: {inhouse['outsourced']}")
        sentences = " ".join(cmp["differences"][0]["sentences"])
        if "秩序维护" not in sentences or "864,000.00" not in sentences:
            fail(f"{name}: the differences do not name the security department and contract: {sentences}")
        if not cmp["roles"] or not any(r["department"] == "security" for r in cmp["roles"]):
            fail(f"{name}: no security role changes: {cmp['roles']}")
    if variant["variants"][1]["label"] != "外包" or variant["variants"][0]["label"] != "按小区文件":
        fail(f"labels: {[v['label'] for v in variant['variants']]}")
    # The table shows the department's drop and the contract's cost side by side.
    text = run(pm, src, "compare", COMPOUND, "--variant", "外包: outsource=security:1.2/m2").stdout.decode()
    sec = next((d for d in variant["departments"] if d["id"] == "security"), {"headcount": [0, 0]})
    line = next((l for l in text.splitlines() if l.strip().startswith(sec.get("name", "秩序维护"))), "")
    for n in map(str, sec["headcount"]):
        if n not in line.split():
            fail(f"the security line has no {n}: {line!r}")
    if "864,000.00" not in text:
        fail(f"the table has no contract cost 864,000.00:\n{text}")
    # The contract the estate file lists: inhouse= drops it, outsource= without a price keeps it.
    back = js(pm, src, "compare", COMPOUND_OUT, "--variant", "inhouse=security", "-f", "json")
    if back["variants"][1]["outsourced"] or back["variants"][1]["headcount"] != files["variants"][0]["headcount"]:
        fail(f"inhouse=security does not give the in-house staffing: {back['variants'][1]}")
    kept = js(pm, src, "compare", COMPOUND_OUT, "--variant", "outsource=security", "-f", "json")
    if not near(kept["variants"][1]["annual_cost"], files["variants"][1]["annual_cost"]):
        fail("outsource=security without a price does not keep the file's contract")
    # A new contract without a price is costed at 0, and the comparison says so.
    unpriced = js(pm, src, "compare", COMPOUND, "--variant", "outsource=security", "-f", "json")
    if not any(w["code"] == "no-contract-value" for w in unpriced["variants"][1]["warnings"]):
        fail(f"an unpriced contract gives no warning: {unpriced['variants'][1]['warnings']}")


def case_schema(pm, src, work):
    npm = os.path.join(src, ".cache/npm/node_modules/.bin/ajv")
    if not os.access(npm, os.X_OK):
        if os.environ.get("CI") == "true":
            fail(f"{npm} is missing (CI=true: run .ci/deps --test)")
            return
        print(f"skipped: {npm} is missing (run: bash .ci/deps --test)")
        sys.exit(77)
    runs = {
        "norms": ["compare", PLAN1, "--variant", "norms=cn-practice", "--variant", "norms=cn-standard"],
        "outsourced-en": ["--lang", "en", "compare", COMPOUND, "--variant", "outsource=security:1.2/m2"],
        "files": ["compare", COMPOUND, COMPOUND_OUT, "examples/villa-riverside.yaml"],
        "grades": ["compare", COMPOUND, "--variant", "grade=1", "--variant", "grade=3, rates=shanghai",
                   "--variant", "unpriced: outsource=environment"],
    }
    paths = []
    for name, args in runs.items():
        p = os.path.join(work, name + ".json")
        with open(p, "wb") as f:
            f.write(run(pm, src, *args, "-f", "json").stdout)
        paths.append(p)
    args = [npm, "validate", "--spec=draft7", "-c", "ajv-formats", "--all-errors", "-s",
            os.path.join(src, "schemas/compare.schema.json")]
    for p in paths:
        args += ["-d", p]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"ajv: {r.stdout}{r.stderr}")


def case_formats(pm, src, work):
    base = ["compare", COMPOUND, "--variant", "A: grade=1", "--variant", "B: grade=3"]
    outs = {}
    for ext in ("md", "csv", "html", "xlsx", "docx", "json"):
        p = os.path.join(work, "out." + ext)
        if os.path.exists(p):
            os.remove(p)
        run(pm, src, "--bom", *base, "-o", p)
        with open(p, "rb") as f:
            outs[ext] = f.read()
    if not outs["md"].startswith(b"# ") or b"| " not in outs["md"]:
        fail("md is not Markdown with a table")
    if not outs["csv"].startswith(b"\xef\xbb\xbfkey,"):
        fail(f"csv (with --bom) does not start with the BOM and its header: {outs['csv'][:40]!r}")
    if b"headcount.security" not in outs["csv"] or b"fee_per_m2_month" not in outs["csv"]:
        fail("csv lacks its rows")
    if b"<table" not in outs["html"]:
        fail("html has no table")
    try:
        with zipfile.ZipFile(os.path.join(work, "out.xlsx")) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            if "<f>" not in sheet:
                fail("the workbook has no formulas")
    except Exception as e:  # noqa: BLE001 - any failure to read it is the finding
        fail(f"xlsx can't be read: {e}")
    try:  # Word: the two tables and the title as a Title paragraph (LibreOffice opens pm report's, tests/report).
        with zipfile.ZipFile(os.path.join(work, "out.docx")) as z:
            body = z.read("word/document.xml").decode()
            if body.count("<w:tbl>") < 2 or 'w:val="Title"' not in body or "方案比较" not in body:
                fail("the DOCX lacks its title or tables")
    except Exception as e:  # noqa: BLE001 - any failure to read it is the finding
        fail(f"docx can't be read: {e}")
    if json.loads(outs["json"])["lang"] != "zh":
        fail("the JSON of a zh-CN estate is not in Chinese")
    # Same input, same bytes.
    again = run(pm, src, *base, "-f", "md").stdout
    if again != run(pm, src, *base, "-f", "md").stdout:
        fail("two runs differ")
    # The language: --lang, else the estate's locale (not LANG).
    zh = run(pm, src, *base, env_lang="en_US.UTF-8").stdout.decode()
    en = run(pm, src, "--lang", "en", *base).stdout.decode()
    if "方案比较" not in zh:
        fail(f"LANG=en_US with a zh-CN estate is not in Chinese:\n{zh}")
    # The estate's own names (its entrances) are as the file writes them; 元 is the currency.
    own = en.replace("南门", "").replace("北门", "").replace("元", "")
    if "options compared" not in en or any("\u4e00" <= ch <= "\u9fff" for ch in own):
        fail(f"--lang en is not English:\n{en}")


def main():
    case, pm, src, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    {"norms": case_norms, "outsourced": case_outsourced, "schema": case_schema,
     "formats": case_formats}[case](os.path.abspath(pm), src, work)
    if failures:
        sys.exit(1)
    print(f"ok: {case}")


if __name__ == "__main__":
    main()
