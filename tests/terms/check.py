#!/usr/bin/env python3
"""The right words and sections for each estate type (issue 15, item 2).

Renders `pm report` (Markdown) in Chinese and English for an estate file and fails on a word
the estate must not read: the words of another estate type (an office is no 小区 and has no
业主委员会), the special maintenance fund outside housing, and the duties and sections of plant
the estate does not have (lifts, a control room, CCTV). The table of forbidden words is below,
as data; each row says which estates it holds for.

Sources and references are left out of the check: a reference may name the residential plan or
standard a figure comes from. "小区文件" (the tool's name for an estate file) is the client-text
work's to remove, not this test's.

Usage: check.py PM ESTATE.yaml
"""
import re
import subprocess
import sys

import yaml

# (name, applies to the estate?, words forbidden in Chinese, words forbidden in English)
FORBIDDEN = [
    ("non-residential words",
     lambda e: e["type"] in ("office", "campus_dormitory", "institution", "industrial_park"),
     ["小区", "住户", "业主委员会", "业主大会", "业委会", "住宅小区物业管理服务等级标准"],
     ["owners' committee", "owners' assembly", "residents"]),
    ("no owners in rented or owned-by-one estates",
     lambda e: e["type"] in ("campus_dormitory", "institution", "industrial_park"),
     ["业主"], ["owner satisfaction", "owners'"]),
    ("no special maintenance fund outside housing",
     lambda e: e["type"] in ("office", "campus_dormitory", "institution", "industrial_park"),
     ["专项维修资金"], ["maintenance fund"]),
    ("no lifts",
     lambda e: e["lifts"] == 0,
     ["电梯", "轿厢"], ["lift", "elevator"]),
    ("no control room",
     lambda e: not e["control_room"],
     ["中央控制室", "监控中心", "监控室", "控制室"], ["control room"]),
    ("no cameras (nor a control room, which watches them)",
     lambda e: e["cctv"] == 0 and not e["control_room"],
     ["监控录像", "监控系统", "摄像"], ["CCTV", "camera", "recording"]),
    ("placeholders filled in",
     lambda e: True,
     ["{estate}", "{occupants}", "{governance}", "{client}"],
     ["{estate}", "{occupants}", "{governance}", "{client}"]),
]

# Words allowed although they contain a forbidden one.
# 新迎小区: the name of an estate the institution's engineering unit repairs (its plan's words).
ALLOWED = ["小区文件", "消防控制室", "新迎小区"]


def facts(path):
    with open(path, encoding="utf-8") as f:
        d = yaml.safe_load(f)
    eq = d.get("equipment") or {}
    return {
        "type": d.get("type", "residential"),
        "lifts": eq.get("lifts", 0) or 0,
        "control_room": bool(eq.get("control_room")),
        "cctv": eq.get("cctv_cameras", 0) or 0,
    }


def body(md):
    """The report without its sources: source lines, source columns, a references section."""
    out = []
    source_col = None
    skip_section = False
    for line in md.splitlines():
        if line.startswith("#"):
            skip_section = bool(re.search(r"参考文献|References|资料来源", line))
        if skip_section:
            continue
        s = line.strip()
        if s.startswith("*来源") or s.startswith("*Source") or s.startswith("来源：") or s.startswith("Source:"):
            continue
        if s.startswith("|"):
            cells = [c.strip() for c in s.strip("|").split("|")]
            if source_col is None and any(c in ("来源", "Source", "依据", "Basis") for c in cells):
                source_col = [i for i, c in enumerate(cells) if c in ("来源", "Source", "依据", "Basis")]
            if source_col:
                cells = [c for i, c in enumerate(cells) if i not in source_col]
            out.append(" | ".join(cells))
            continue
        source_col = None
        out.append(line)
    return "\n".join(out)


def main():
    pm, estate = sys.argv[1], sys.argv[2]
    e = facts(estate)
    failed = False
    for lang in ("zh", "en"):
        r = subprocess.run([pm, "report", estate, "--format", "md", "--lang", lang, "--date", "2026-01-05"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"FAIL: pm report {estate} --lang {lang} exited {r.returncode}: {r.stderr}", file=sys.stderr)
            return 1
        text = body(r.stdout)
        for allowed in ALLOWED:
            text = text.replace(allowed, "")
        for name, holds, zh, en in FORBIDDEN:
            if not holds(e):
                continue
            for word in zh if lang == "zh" else en:
                flags = 0 if lang == "zh" else re.IGNORECASE
                for m in re.finditer(re.escape(word), text, flags):
                    line = text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.end())]
                    print(f"FAIL ({lang}, {name}): '{word}' in: {line.strip()[:200]}", file=sys.stderr)
                    failed = True
                    break
    if failed:
        return 1
    print(f"ok: {estate} ({e['type']}) reads right in zh and en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
