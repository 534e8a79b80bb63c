#!/usr/bin/env python3
"""Holds the layers of lib/pm/ to the order ARCHITECTURE.md declares: a file of a folder may
include headers of its own folder and of folders below it, never above. The order is read from
ARCHITECTURE.md's block between "<!-- layers -->" and "<!-- /layers -->" (one folder per line,
bottom first), so the document and the test cannot drift apart. Also: lib/ never includes
cli/, and every folder of lib/pm/ is in the list.

usage: check.py SOURCE_DIR"""
import os
import re
import sys

src = sys.argv[1]
text = open(os.path.join(src, "ARCHITECTURE.md"), encoding="utf-8").read()
m = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
if not m:
    sys.exit("ARCHITECTURE.md has no <!-- layers --> block")
order = []
for line in m.group(1).splitlines():
    hit = re.match(r"\s*\d+\.\s+`([a-z0-9_]+)/`", line)
    if hit:
        order.append(hit.group(1))
rank = {name: i for i, name in enumerate(order)}
lib = os.path.join(src, "lib", "pm")
folders = sorted(d for d in os.listdir(lib) if os.path.isdir(os.path.join(lib, d)))
problems = []
for d in folders:
    if d not in rank:
        problems.append(f"lib/pm/{d}/ is not in ARCHITECTURE.md's list of layers")
include = re.compile(r'^\s*#\s*include\s*[<"](pm|cli)/([a-z0-9_]+)/')
checked = 0
for d in folders:
    for root, _, files in os.walk(os.path.join(lib, d)):
        for f in sorted(files):
            if not f.endswith((".hpp", ".cpp", ".inc")):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, src)
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                hit = include.match(line)
                if not hit:
                    continue
                checked += 1
                top, target = hit.groups()
                if top == "cli":
                    problems.append(f"{rel}:{n}: the library includes cli/ ({line.strip()})")
                elif d in rank and target in rank and rank[target] > rank[d]:
                    problems.append(f"{rel}:{n}: {d}/ includes {target}/, which is above it ({line.strip()})")
                elif target not in rank:
                    problems.append(f"{rel}:{n}: includes pm/{target}/, which is not a declared layer")
if checked < 100:
    problems.append(f"only {checked} includes found: is the pattern stale?")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"layers: {len(order)} layers, {checked} includes, all one way")
