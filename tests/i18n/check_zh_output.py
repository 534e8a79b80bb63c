#!/usr/bin/env python3
"""Chinese output is Chinese: every command's Chinese output on every example holds no English
phrase (three or more English words in a row, as in "assumption: 1 per 100,000 m² begun") and
cites no internal document ("Seed", "DOMAIN.md").

usage: check_zh_output.py PM SOURCE_DIR
"""
import glob
import os
import re
import subprocess
import sys

PM, SRC = sys.argv[1], sys.argv[2]
ENGLISH = re.compile(r"(?<![\w./-])([A-Za-z][A-Za-z'’-]+(?:[ ,;:()]+[A-Za-z][A-Za-z'’-]+){2,})")
INTERNAL = re.compile(r"\bSeed\b|DOMAIN\.md|seed plan", re.I)
examples = sorted(glob.glob(os.path.join(SRC, "examples", "*.yaml")))
portfolio = os.path.join(SRC, "examples", "city-portfolio")
runs = []
for e in examples:
    runs += [["staff", e, "--explain"], ["staff", e, "--explain", "-f", "md"], ["budget", e, "--explain"],
             ["report", e, "-f", "md"], ["report", e, "-f", "html"]]
runs += [["roster", os.path.join(SRC, "examples", "residential-145k.yaml"), "--start", "2026-01-05"],
         ["diff", examples[0], examples[-1]], ["norms", "list"],
         ["compare", os.path.join(SRC, "examples", "residential-145k.yaml"), "--variant", "norms=cn-practice",
          "--variant", "outsource=security:1.2/m2", "-f", "md"],
         ["portfolio", os.path.join(portfolio, "estates"), "--targets", os.path.join(portfolio, "targets.yaml")]]
failures = []
for args in runs:
    p = subprocess.run([PM, "--lang", "zh", *args], capture_output=True, text=True)
    text = p.stdout + p.stderr
    if p.returncode not in (0, 1):
        failures.append(f"pm {' '.join(args)} exited {p.returncode}: {p.stderr[:300]}")
        continue
    # Markup (HTML tags, attribute values, CSS) and file paths are not prose.
    prose = re.sub(r"<style>.*?</style>|<script.*?</script>|<[^>]*>", " ", text, flags=re.S)
    for m in ENGLISH.finditer(prose):
        failures.append(f"pm {' '.join(os.path.basename(a) for a in args)}: English inside Chinese: {m.group(1)!r}")
    for m in INTERNAL.finditer(text):
        failures.append(f"pm {' '.join(os.path.basename(a) for a in args)}: cites an internal document: {m.group(0)!r}")
for f in failures[:40]:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
