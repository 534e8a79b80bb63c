#!/usr/bin/env python3
"""A proposal holds only what a client should read (issue 15, item 1).

For every example estate, a starter of every estate type (pm init -t TYPE) and two calibration
estates (an office tower, an old compound), in Chinese and English, pm report writes Markdown,
HTML, XLSX and JSON; every text of them is checked:
  - no internal note: Seed, DOMAIN, pm roster/staff/budget, 凭记忆, 未经核实, 本文件由 pm,
    方案一…六 as a reference to another plan, 示意数字, 费率文件;
  - no English sentence (three or more English words) in Chinese text, no Chinese in English
    text, outside the colophon, URLs, standard codes, the reference list (works keep their
    titles) and the names the estate file gives;
  - every reference mark [n] / [An] in the text resolves to an entry of the list, and every
    entry is cited at least once;
  - the colophon line names the tool, input, norm set and rates (by name); --provenance adds the appendix.
Usage: client_text.py PM_BIN SOURCE_DIR WORK_DIR
"""

import concurrent.futures
import html
import json
import os
import re
import subprocess
import sys
import zipfile

import yaml

PM, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
TYPES = ["residential", "villa", "mixed_use", "office", "campus_dormitory", "institution", "industrial_park"]
FORMATS = ["md", "html", "xlsx", "json"]

FORBIDDEN = [
    r"Seed", r"DOMAIN", r"\bpm (roster|staff|budget|report|init|validate|norms|rates|diff|portfolio)\b",
    r"\bpm's\b", r"凭记忆", r"未经核实", r"本文件由", r"方案[一二三四五六七八九十]", r"示意数字", r"费率文件",
    r"from memory", r"rates file", r"--date", r"--start",
]
# Three or more English words in a row (words of two letters or more).
ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’\-]+(?:[ ,/]+[A-Za-z][A-Za-z'’\-]+){2,}")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")
# Codes and names that are not sentences: standard numbers, units, URLs.
ALLOWED_EN_IN_ZH = re.compile(
    r"https?://\S+|[a-z0-9.-]+\.(com|cn|net|org)(/\S*)?|\b(GB|GB/T|TSG|DL/T|DL|JGJ|CJJ)\s*[A-Z]?[0-9.\-]+"
)
# In English text a Chinese work keeps its title ("物业服务收费管理办法 art. 11", "劳部发〔1994〕503号")
# and a term may be glossed in brackets ("Junior college (大专)"): names, not sentences.
HAN = "\u3400-\u9fff"
TITLE = re.compile(rf"[{HAN}《》〔〕（）、·0-9]*[{HAN}》〕]*(标准|法|条例|规定|办法|规则|规程|清单|目录|通知|意见|号|》|汇编)")
GLOSS = re.compile(rf"\([{HAN}]{{1,8}}\)")
MARK = re.compile(r"\[(A?\d+(?:,A?\d+)*)\]")

failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")


def run(args, **kw):
    return subprocess.run([PM] + args, capture_output=True, **kw)


def estate_strings(path):
    """Every string the estate file gives (names, notes): they stay as written."""
    out = set()

    def walk(x):
        if isinstance(x, str):
            if len(x) >= 2:
                out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    with open(path, encoding="utf-8") as f:
        walk(yaml.safe_load(f))
    return sorted(out, key=len, reverse=True)


def texts_of_json(j, skip=("id", "key", "estate", "lang", "type", "align", "kind", "style", "parent", "from", "to",
                            "provenance", "date", "format")):
    out = []

    def walk(x, key=None):
        if key in skip:
            return
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(v, k)
        elif isinstance(x, list):
            for v in x:
                walk(v, key)

    walk(j)
    return out


def texts_of_html(s):
    s = re.sub(r"<footer>.*?</footer>", "", s, flags=re.S)
    s = re.sub(r"<style>.*?</style>", "", s, flags=re.S)
    s = re.sub(r"<[^>]+>", "\n", s)
    return [html.unescape(t) for t in s.split("\n") if t.strip()]


def texts_of_md(s):
    body = s.rsplit("\n---\n", 1)[0]  # the colophon after the last rule
    body = re.sub(r"```mermaid.*?```", "", body, flags=re.S)
    body = re.sub(r"\\(.)", r"\1", body)
    return [t for t in body.split("\n") if t.strip()]


def texts_of_xlsx(path):
    out = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml":
                xml = z.read(n).decode("utf-8")
                out += [html.unescape(t) for t in re.findall(r"<t[^>]*>([^<]*)</t>", xml)]
    return out


def check_texts(where, texts, lang, allowed, references):
    for t in texts:
        s = t
        for a in allowed:  # estate-given names and notes, and the works of the reference list
            if a in s:
                s = s.replace(a, " ")
        for pat in FORBIDDEN:
            m = re.search(pat, s)
            if m:
                fail(where, f"internal text {m.group(0)!r} in {t[:120]!r}")
        if lang == "zh":
            s2 = ALLOWED_EN_IN_ZH.sub(" ", s)
            m = ENGLISH.search(s2)
            if m:
                fail(where, f"English inside Chinese text: {m.group(0)!r} in {t[:120]!r}")
        else:
            s2 = TITLE.sub(" ", GLOSS.sub(" ", s.replace("元", "")))
            m = CJK.search(s2)
            if m:
                fail(where, f"Chinese inside English text: {t[:120]!r}")


def check_marks(where, texts, refs, assumptions):
    cited_r, cited_a = set(), set()
    for t in texts:
        if re.match(r"^(- )?\[A?\d+\] \S", t):
            continue  # an entry of the lists itself
        for m in MARK.finditer(t):
            for n in m.group(1).split(","):
                if n.startswith("A"):
                    k = int(n[1:])
                    if not 1 <= k <= len(assumptions):
                        fail(where, f"mark [{n}] has no assumption ({len(assumptions)} listed)")
                    cited_a.add(k)
                else:
                    k = int(n)
                    if not 1 <= k <= len(refs):
                        fail(where, f"mark [{n}] has no reference ({len(refs)} listed)")
                    cited_r.add(k)
    for k in range(1, len(refs) + 1):
        if k not in cited_r:
            fail(where, f"reference [{k}] {refs[k - 1][:60]!r} is never cited")
    for k in range(1, len(assumptions) + 1):
        if k not in cited_a:
            fail(where, f"assumption [A{k}] {assumptions[k - 1][:60]!r} is never marked")


def one(job):
    name, path, lang = job
    allowed = estate_strings(path)
    outs = {}
    for fmt in FORMATS:
        out = os.path.join(WORK, f"{name}.{lang}.{fmt}")
        r = run(["--lang", lang, "report", path, "-o", out])
        if r.returncode != 0:
            fail(f"{name} {lang} {fmt}", f"pm report exited {r.returncode}: {r.stderr.decode()[:300]}")
            return
        outs[fmt] = out
    with open(outs["json"], encoding="utf-8") as f:
        j = json.load(f)
    refs = [x["text"] for x in j.get("references", [])]
    assumptions = [x["text"] for x in j.get("assumptions", [])]
    if [x["n"] for x in j.get("references", [])] != list(range(1, len(refs) + 1)):
        fail(f"{name} {lang} json", "references are not numbered 1..n")
    if len(set(refs)) != len(refs) or len(set(assumptions)) != len(assumptions):
        fail(f"{name} {lang} json", "a reference or an assumption is listed twice")
    prov = j.get("provenance", {})
    colophon = prov.get("colophon", "")
    # The colophon names the tool and the input file; the norm set and rates by name, not id
    # (the ids are in the --provenance appendix, checked below).
    for key in ("tool", "input"):
        if not prov.get(key) or prov[key] not in colophon:
            fail(f"{name} {lang}", f"the colophon {colophon!r} does not name the {key}")
    for key in ("norms", "rates"):
        if prov.get(key) and re.search(r"(?<![\w-])" + re.escape(prov[key]) + r"(?![\w-])", colophon):
            fail(f"{name} {lang}", f"the colophon {colophon!r} gives the {key} by id")
    works = sorted(refs, key=len, reverse=True)
    with open(outs["md"], encoding="utf-8") as f:
        md = f.read()
    if not colophon or colophon not in re.sub(r"\\(.)", r"\1", md.rsplit("\n---\n", 1)[-1]):
        fail(f"{name} {lang} md", "the colophon is not the last line")
    with open(outs["html"], encoding="utf-8") as f:
        page = f.read()
    sets = {
        "md": texts_of_md(md),
        "html": texts_of_html(page),
        "xlsx": texts_of_xlsx(outs["xlsx"]),
        "json": texts_of_json(j),
    }
    for fmt, texts in sets.items():
        check_texts(f"{name} {lang} {fmt}", texts, lang, allowed + works, refs)
    check_marks(f"{name} {lang} json", texts_of_json({k: v for k, v in j.items() if k not in ("references", "assumptions")}),
                refs, assumptions)
    check_marks(f"{name} {lang} md", texts_of_md(md), refs, assumptions)


def main():
    os.makedirs(WORK, exist_ok=True)
    estates = []
    for f in sorted(os.listdir(os.path.join(SRC, "examples"))):
        if f.endswith(".yaml"):
            estates.append((f[:-5], os.path.join(SRC, "examples", f)))
    for t in TYPES:
        p = os.path.join(WORK, f"init-{t}.yaml")
        if os.path.exists(p):
            os.remove(p)
        r = run(["init", "-t", t, p])
        if r.returncode != 0:
            fail(f"init {t}", r.stderr.decode()[:300])
            continue
        estates.append((f"init-{t}", p))
    for n in ("office-tower-65k", "old-compound-20k"):
        estates.append((n, os.path.join(SRC, "tests", "calibration", "estates", n + ".yaml")))
    jobs = [(n, p, lang) for n, p in estates for lang in ("zh", "en")]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        list(ex.map(one, jobs))

    # --provenance: the appendix names the norm set and the rates by id; without it, no appendix.
    p = os.path.join(SRC, "examples", "residential-145k.yaml")
    with_p = run(["--lang", "zh", "report", p, "--provenance", "-f", "json"])
    without = run(["--lang", "zh", "report", p, "-f", "json"])
    if with_p.returncode != 0 or without.returncode != 0:
        fail("--provenance", "pm report failed")
    else:
        a, b = json.loads(with_p.stdout), json.loads(without.stdout)
        a.setdefault("provenance", {k: "?" for k in ("norms", "labor", "rates", "input")})
        ids = [s["id"] for s in a["sections"]]
        if "provenance" not in ids or any(s["id"] == "provenance" for s in b["sections"]):
            fail("--provenance", f"the appendix is missing with the switch or present without it: {ids}")
        appendix = json.dumps(next(s for s in a["sections"] if s["id"] == "provenance"), ensure_ascii=False)
        for key in ("norms", "labor", "rates", "input"):
            if a["provenance"][key] not in appendix:
                fail("--provenance", f"the appendix does not name the {key} {a['provenance'][key]!r}")

    if failures:
        for f in failures[:200]:
            print("FAIL:", f)
        print(f"{len(failures)} failures", file=sys.stderr)
        return 1
    print(f"ok: {len(jobs)} proposals in {len(FORMATS)} formats hold client text only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
