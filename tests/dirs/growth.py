#!/usr/bin/env python3
"""Directory modes stream: the peak memory of `pm staff`, `pm budget` and `pm portfolio` on a
directory must not grow with the number of estates. Runs each on SMALL and LARGE copies of an
example estate (ids changed) and fails when the peak RSS of the larger run exceeds the smaller
one's by more than SLACK_MB. Not a timing test: only memory is compared.

usage: growth.py PM SOURCE_DIR WORK_DIR
"""
import os
import resource
import shutil
import subprocess
import sys

SMALL, LARGE, SLACK_MB = 20, 200, 8

pm, src, work = sys.argv[1], sys.argv[2], sys.argv[3]
estate = open(os.path.join(src, "examples", "residential-145k.yaml"), encoding="utf-8").read()


def make(n):
    d = os.path.join(work, f"e{n}")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for i in range(n):
        text = estate.replace("\nid: residential-145k\n", f"\nid: g{i:05d}\n", 1)
        assert text != estate
        with open(os.path.join(d, f"g{i:05d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    return d


def peak_mb(args):
    """Peak RSS of one run of pm in MB, from a fresh child (wait4's rusage)."""
    out = os.path.join(work, "out")
    proc = subprocess.Popen([pm, "--lang", "en", *args, "-o", out], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        sys.exit(f"FAIL: pm {' '.join(args)} exited {rc}: {err}")
    return usage.ru_maxrss / 1024.0


os.makedirs(work, exist_ok=True)
small, large = make(SMALL), make(LARGE)
fail = False
for cmd in (["staff", "-f", "json"], ["staff", "-f", "md"], ["budget", "-f", "json"], ["portfolio", "-f", "json"]):
    a = peak_mb([cmd[0], small, *cmd[1:]])
    b = peak_mb([cmd[0], large, *cmd[1:]])
    verdict = "ok" if b - a <= SLACK_MB else "FAIL"
    fail = fail or verdict == "FAIL"
    print(f"{verdict}: pm {' '.join(cmd)}: {a:.1f} MB for {SMALL} estates, {b:.1f} MB for {LARGE} "
          f"(at most {SLACK_MB} MB more)")
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if fail else 0)
