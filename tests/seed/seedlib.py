"""What the seed checks (tests/seed/check_planN.py) share: the table of the seed's figures, pm
run in parallel for its JSON, the report's sections, and the verdict."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def table(name):
    """The rows (key, the seed's value, the seed's words) of tests/seed/NAME, comments skipped."""
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, value, words = line.rstrip("\n").split("\t")
            out.append((key, value, words.strip('"')))
    return out


def run_json(pm, runs, cwd):
    """{name: the JSON pm prints} for {name: [args]}, the runs at once (each is mostly start-up);
    exits on a run that fails."""
    procs = {name: subprocess.Popen([pm, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for name, args in runs.items()}
    out = {}
    for name, p in procs.items():
        stdout, stderr = p.communicate()
        if p.returncode != 0:
            sys.exit(f"pm {' '.join(runs[name])} exited {p.returncode}: {stderr.decode()[:300]}")
        out[name] = json.loads(stdout)
    return out


def sections(s):
    """A report section and all those inside it."""
    yield s
    for sub in s.get("sections", []):
        yield from sections(sub)


def section(top, sid):
    """The section of a report (its top-level list) with id SID, at any depth; None if none."""
    for s in top:
        for x in sections(s):
            if x["id"] == sid:
                return x
    return None


def finish(plan, failures, held):
    """Prints the verdict and exits 1 on any failure."""
    for f in failures:
        print(f"seed/{plan}: FAIL {f}")
    if not failures:
        print(f"seed/{plan}: {held} rows of the seed hold")
    sys.exit(1 if failures else 0)
