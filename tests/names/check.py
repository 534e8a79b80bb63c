#!/usr/bin/env python3
"""Names, never ids: every command's Chinese and English output, for every example and two
calibration estates, names what it shows (高压配电室, Early shift) instead of the catalogue's ids
(hv_room, E). Ids may appear only where a program reads them: JSON keys and id fields, CSV id
columns, the roster calendar's UID, TOML and YAML.

The ids are collected from the data (lib/data/**/*.toml: every id, role, post and file name)
and from the vocabulary of estate quantities (lib/pm/catalog/quantities.cpp).

usage: check.py PM SOURCE_DIR WORK_DIR [--keep]   (--keep leaves the outputs in WORK_DIR)
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

PM, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
KEEP = "--keep" in sys.argv[4:]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)

# --- The ids --------------------------------------------------------------------------------
ids = set()
for f in glob.glob(os.path.join(SRC, "lib", "data", "**", "*.toml"), recursive=True):
    text = open(f, encoding="utf-8").read()
    ids.update(re.findall(r'^\s*(?:id|role|post|name|licence|department)\s*=\s*"([^"]+)"', text, re.M))
    for listed in re.findall(r'^\s*(?:roles|licences)\s*=\s*\[([^\]]*)\]', text, re.M):
        ids.update(re.findall(r'"([^"]+)"', listed))
    # Rate tables keyed by department and role ids ([wages.role] cs_supervisor = ...).
    for table, body in re.findall(r'^\[([\w.]+)\]\n((?:(?!^\[).*\n?)*)', text, re.M):
        if table.endswith((".role", ".department")):
            ids.update(re.findall(r'^(\w+)\s*=', body, re.M))
quantities = open(os.path.join(SRC, "lib", "pm", "catalog", "quantities.cpp"), encoding="utf-8").read()
ids.update(re.findall(r'\{"([a-z_]+(?:\.[a-z_]+)?)", both\(', quantities))
for prefix, block in (("outsourced.", "outsourced_services"), ("special.", "special_services")):
    body = re.search(block + r"\[\] = \{(.*?)\};", quantities, re.S).group(1)
    for sid in re.findall(r'\{"([a-z_]+)"', body):
        ids.update({prefix + sid, sid})
# Names that read as words of the language they are written in are names too: "security",
# "maintenance" and "villa" are English. In Chinese text every id is foreign; in English text
# only those that no English sentence would hold (hv_room, five-three, parking.spaces).
ids = {i for i in ids if len(i) >= 3 and re.fullmatch(r"[a-z][a-z0-9_.-]*", i)}
looks_like_id = {i for i in ids if re.search(r"[_.\-0-9]", i)}
ID_EN = re.compile(r"(?<![\w.\-/@#])(" + "|".join(sorted(map(re.escape, looks_like_id), key=len, reverse=True))
                   + r")(?![\w\-/@]|\.\w)")
ID_ZH = re.compile(r"(?<![\w.\-/@#])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
                   + r")(?![\w\-/@]|\.\w)")

# --- The outputs ----------------------------------------------------------------------------
ex = sorted(glob.glob(os.path.join(SRC, "examples", "*.yaml")))
estates = ex + [os.path.join(SRC, "tests", "calibration", "estates", n)
                for n in ("office-tower-65k.yaml", "old-compound-20k.yaml")]
portfolio = os.path.join(SRC, "examples", "city-portfolio")
START = ["--start", "2026-03-02", "--weeks", "1"]


def name(path):
    return os.path.splitext(os.path.basename(path))[0]


# Every format of every command for plan 1 and the office tower; for the other estates the
# formats whose content differs (the text formats draw one document: Markdown stands for them).
FULL = {"residential-145k", "office-tower-65k"}
runs = []  # (label, args, format)
for e in estates:
    n = name(e)
    full = n in FULL
    for f in ("table", "md", "csv", "json") if full else ("md", "csv"):
        runs.append((f"staff-{n}.{f}", ["staff", e, "-f", f], f))
    runs.append((f"staff-explain-{n}.table", ["staff", e, "--explain"], "table"))
    for f in ("table", "md", "csv", "json", "xlsx") if full else ("md", "csv", "xlsx"):
        runs.append((f"budget-{n}.{f}", ["budget", e, "-f", f] + (["-o", "OUT"] if f == "xlsx" else []), f))
    runs.append((f"budget-explain-{n}.table", ["budget", e, "--explain"], "table"))
    for f in ("grid", "md", "html", "csv", "json", "ics") if full else ("md", "csv", "ics"):
        runs.append((f"roster-{n}.{f}", ["roster", e, *START, "-f", f], f))
    # Its messages: a roster with every fourth shift gone and one person on another's post.
    runs.append((f"roster-check-{n}.text", ["roster", "check", "EDITED:" + e, e, *START], "text"))
    for f in ("md", "html", "json", "xlsx") if full else ("md", "xlsx"):
        runs.append((f"report-{n}.{f}", ["report", e, "-f", f] + (["-o", "OUT"] if f == "xlsx" else []), f))
d = os.path.join(portfolio, "estates")
for f in ("table", "md", "csv", "html", "json"):
    runs.append((f"portfolio.{f}", ["portfolio", d, "--targets", os.path.join(portfolio, "targets.yaml"), "-f", f], f))
runs += [("staff-dir.table", ["staff", d], "table"), ("budget-dir.table", ["budget", d], "table"),
         ("roster-dir.grid", ["roster", os.path.join(SRC, "examples"), *START], "grid"),
         ("norms-list.table", ["norms", "list"], "list"), ("rates-list.table", ["rates", "list"], "list")]
for e in estates[:2]:
    for f in ("text", "md", "json"):
        runs.append((f"diff-{name(e)}.{f}", ["diff", e, "CHANGED:" + e, "-f", f], f))
# Options side by side: norm sets, and security contracted out.
plan1 = os.path.join(SRC, "examples", "residential-145k.yaml")
for f in ("table", "md", "html"):  # (its CSV's columns hold the variants' settings as written)
    runs.append((f"compare-norms.{f}", ["compare", plan1, "--variant", "norms=cn-practice", "--variant",
                                         "norms=cn-standard", "-f", f], f))
runs.append(("compare-outsourced.table", ["compare", plan1, "--variant", "outsource=security:900000"], "table"))
runs.append(("validate.text", ["validate", *sorted(glob.glob(os.path.join(SRC, "tests", "errors", "*.yaml")))],
             "text"))


def changed(path):
    """The estate with one more lift and one entrance less: a diff with staff and cost lines."""
    out = os.path.join(WORK, "changed-" + os.path.basename(path))
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"(\n  lifts: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 3), text, count=1)
    text = re.sub(r"(\n  total: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 20000), text, count=1)
    open(out, "w", encoding="utf-8").write(text)
    return out


def edited(path, lang):
    """pm's roster CSV of the estate, edited so that pm roster check has things to say."""
    out = os.path.join(WORK, lang, "edited-" + name(path) + ".csv")
    p = subprocess.run([PM, "roster", path, *START, "-f", "csv"], capture_output=True, text=True)
    rows = list(csv.reader(io.StringIO(p.stdout)))
    if len(rows) > 3:
        head, body = rows[0], [r for i, r in enumerate(rows[1:]) if i % 4]
        c = head.index("post_id" if "post_id" in head else "post")
        posts = sorted({r[c] for r in body})
        if len(posts) > 1:
            body[0][c] = next(x for x in posts if x != body[0][c])
        rows = [head] + body
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return out


def run(lang, label, args, fmt):
    out = os.path.join(WORK, lang, label)
    args = [changed(a[8:]) if a.startswith("CHANGED:") else edited(a[7:], lang) if a.startswith("EDITED:")
            else out if a == "OUT" else a for a in args]
    p = subprocess.run([PM, "--lang", lang, *args], capture_output=True)
    if p.returncode not in (0, 1):
        return [f"{lang} pm {' '.join(args)} exited {p.returncode}: {p.stderr.decode()[:300]}"]
    if fmt != "xlsx":
        open(out, "wb").write(p.stdout)
    open(out + ".stderr", "wb").write(p.stderr)
    problems = []
    # Diagnostics quote the estate file ('households', 'gate_guard'): YAML, not prose.
    stderr = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "''", p.stderr.decode("utf-8", "replace"))
    for where, text in texts(out, fmt) + [("stderr", stderr)]:
        text = re.sub(r"\bpm [a-z]+", "pm", text)  # the commands' own names
        # A place in the estate file (units › office › clerk) names its keys, as file:line does.
        text = re.sub(r"\.yaml: units( › [\w-]+)+", ".yaml", text)
        for m in (ID_ZH if lang == "zh" else ID_EN).finditer(text):
            s = text[max(0, m.start() - 50):m.end() + 30].replace("\n", "⏎")
            problems.append(f"{lang}/{label} {where}: id {m.group(1)!r} in …{s}…")
    return problems


def json_prose(v, key=""):
    """String values of a JSON output that people read: not keys, not id fields."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield from json_prose(x, k)
    elif isinstance(v, list):
        for x in v:
            yield from json_prose(x, key)
    elif isinstance(v, str) and not (key in ID_FIELDS or key.endswith("_id") or key.endswith("_ids")):
        yield v


# JSON fields that hold ids by design (schemas/*.json name them so).
ID_FIELDS = {"id", "role", "roles", "department", "post", "pattern", "norms", "rates", "labor", "licence",
             "licences", "estate", "file", "code", "kind", "type", "quantity", "name_id", "rule", "item",
             "key", "service", "condition", "shift", "lang", "locale", "inputs", "when", "unit", "scope",
             "format", "style", "anchor", "building_type", "category", "status", "severity", "applies",
             "home_post", "unused_inputs", "field", "inputs_used", "fields"}


def texts(path, fmt):
    if fmt == "json":
        try:
            return [("json", "\n".join(json_prose(json.load(open(path, encoding="utf-8")))))]
        except ValueError:
            return [("json?", open(path, encoding="utf-8").read())]
    if fmt == "xlsx":
        # Text of cells (shared and inline strings), not formulas or defined names; the inputs
        # sheet's Key column names each input by its key in the rates file, for programs.
        texts = []
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            shared = []
            if "xl/sharedStrings.xml" in names:
                xml = z.read("xl/sharedStrings.xml").decode("utf-8")
                shared = [re.sub(r"<[^>]*>", "", si) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]
            for n in sorted(x for x in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", x)):
                cells = []  # (column, text)
                xml = z.read(n).decode("utf-8")
                for ref, attrs, body in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(.*?)</c>', xml, re.S):
                    if 't="s"' in attrs:
                        cells.append((ref, shared[int(re.search(r"<v>(\d+)</v>", body).group(1))]))
                    elif 't="inlineStr"' in attrs or 't="str"' in attrs:
                        cells.append((ref, re.sub(r"<f>.*?</f>|<[^>]*>", "", body, flags=re.S)))
                keys = {col for col, t in cells if t in ("Key", "键")}
                texts += [t for col, t in cells if col not in keys]
        return [("xlsx", "\n".join(texts))]
    raw = open(path, encoding="utf-8", errors="replace").read()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))
        if not rows:
            return []
        # Id columns: id, *_id, a column beside its *_name, and the data sets' names.
        head = rows[0]
        keep = [i for i, h in enumerate(head)
                if not (h in ("id", "rates", "file") or h.endswith("_id") or h + "_name" in head)]
        return [("csv", "\n".join(",".join(c for i, c in enumerate(r) if i in keep) for r in rows[1:]))]
    if fmt == "html":
        body = re.sub(r"<style>.*?</style>|<script.*?</script>|<[^>]*>", " ", raw, flags=re.S)
        return [("html", body)]
    if fmt == "list":
        # pm norms list, pm rates list: the first column is what -n and -r take.
        return [("list", "\n".join(l.split(" ", 1)[1] if " " in l else "" for l in raw.splitlines()))]
    if fmt == "ics":
        return [("ics", "\n".join(l for l in raw.replace("\r\n ", "").splitlines() if not l.startswith("UID:")))]
    if fmt == "md":
        # Anchors ({#id}, <a id="...">) are link targets, not text.
        return [("md", re.sub(r"\\([_*\[\]])", r"\1", re.sub(r"\{#[^}]*\}|<a [^>]*>", " ", raw)))]
    return [(fmt, raw)]


for lang in ("zh", "en"):
    os.makedirs(os.path.join(WORK, lang))
with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
    results = list(pool.map(lambda r: run(*r), [(lang, *r) for lang in ("zh", "en") for r in runs]))
failures = [x for r in results for x in r]
for f in failures[:int(os.environ.get("NAMES_SHOW", "60"))]:
    print("FAIL:", f)
if len(failures) > 60:
    print(f"... and {len(failures) - 60} more")
print(f"{len(runs) * 2} outputs, {len(ids)} ids, {len(failures)} ids found")
if not KEEP:
    shutil.rmtree(WORK, ignore_errors=True)
sys.exit(1 if failures else 0)
