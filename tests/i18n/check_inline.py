#!/usr/bin/env python3
"""Every user-facing string is in the message catalogue (lib/pm/i18n/messages.inc): fails on a
language chosen inline (`zh ? "..." : "..."`) and on Chinese text in code outside the catalogue,
comments aside, except the few lines ALLOWED names with the reason they are not messages."""
import pathlib
import re
import sys

ALLOWED = {
    # A keyword searched for in the data files' `source` fields, not text shown to anyone.
    ("lib/pm/catalog/reader.cpp", '"假设"'),
    # The same for illustrative figures and rules cited without checking, in the Chinese side.
    ("lib/pm/catalog/reader.cpp", '"示意"'),
    ("lib/pm/catalog/reader.cpp", '"未核实"'),
    # Titles of Chinese regulations, cited in Chinese in both languages.
    ("lib/pm/budget/budget.cpp", '"物业服务收费管理办法"'),
    ("lib/pm/budget/budget.cpp", '"物业服务定价成本监审办法"'),
    ("lib/pm/budget/budget.cpp", '"专项维修资金"'),
    ("lib/pm/budget/budget.cpp", '"劳部发〔1994〕503号"'),
}
# Files whose Chinese literals are all keywords and punctuation searched for in the data's
# source strings (splitting them into works and assumptions), never text shown to anyone.
ALLOWED_FILES = {"lib/pm/report/cite.cpp",
                 # The column names and cell words of a ledger, matched in the input (pm import).
                 "lib/pm/app/import.cpp"}
HAN = re.compile(r"[\u4e00-\u9fff]")
TERNARY = re.compile(r"\bzh\s*\?|Lang::zh\s*\?|zh\(\)\s*\?")


def code_of(line):
    """The line without a // comment (string literals containing // are kept whole)."""
    out, in_str, i = [], False, 0
    while i < len(line):
        c = line[i]
        if c == '"' and (i == 0 or line[i - 1] != "\\"):
            in_str = not in_str
        if not in_str and line.startswith("//", i):
            break
        out.append(c)
        i += 1
    return "".join(out)


def main(root):
    root = pathlib.Path(root)
    bad = []
    for folder in ("lib/pm", "cli"):
        for p in sorted((root / folder).rglob("*")):
            if p.suffix not in (".cpp", ".hpp") or p.name == "messages.inc":
                continue
            rel = p.relative_to(root).as_posix()
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                code = code_of(line)
                if TERNARY.search(code):
                    bad.append(f"{rel}:{n}: a language chosen inline; use i18n::tr/both and a message")
                elif (HAN.search(code) and rel not in ALLOWED_FILES
                      and not any(rel == f and s in code for f, s in ALLOWED)):
                    bad.append(f"{rel}:{n}: Chinese text outside the message catalogue")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
