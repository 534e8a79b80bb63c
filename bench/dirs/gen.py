#!/usr/bin/env python3
"""Writes N varied estates into DIR for the directory benchmark: the examples in turn, each
copy with its own id (x00000, x00001...), so that no two collide.

usage: bench/dirs/gen.py DIR N
"""
import glob
import os
import re
import sys

out, n = sys.argv[1], int(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
examples = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "examples", "*.yaml")))]
os.makedirs(out, exist_ok=True)
for i in range(n):
    name = f"x{i:05d}"
    text = re.sub(r"(?m)^id: .*$", f"id: {name}", examples[i % len(examples)], count=1)
    with open(os.path.join(out, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write(text)
