#!/usr/bin/env python3
"""The README's table of fees by city (section "Costs and fees"): the lump-sum fee with tax of
a few estates at each built-in city's rates, and where it falls in the city's guide band.
Usage: table.py PM SOURCE_DIR [--check README]  (prints the table, or checks the README has it)."""
import json
import subprocess
import sys

ESTATES = [
    ("examples/residential-145k.yaml", None),
    ("examples/villa-riverside.yaml", None),
    ("tests/calibration/estates/old-compound-30k.yaml", None),
    ("tests/calibration/estates/multi-storey-80k.yaml", None),
    ("tests/calibration/estates/high-rise-300k.yaml", None),
    ("tests/calibration/estates/office-tower-65k.yaml", None),
]
CITIES = ["beijing", "shanghai", "shenyang", "hefei", "chongqing", "guilin"]
NAMES = {"beijing": "Beijing", "shanghai": "Shanghai", "shenyang": "Shenyang", "hefei": "Hefei",
         "chongqing": "Chongqing", "guilin": "Guilin"}


def budget(pm, src, estate, rates):
    r = subprocess.run([pm, "--lang", "en", "budget", estate, "--rates", rates, "-f", "json"], cwd=src,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"pm budget {estate} --rates {rates}: {r.stderr}")
    return json.loads(r.stdout)


def table(pm, src):
    out = ["| Estate | Staff | " + " | ".join(NAMES[c] for c in CITIES) + " | Guide band (Hefei; Chongqing) |",
           "|---|---:|" + "---:|" * len(CITIES) + "---|"]
    for estate, _ in ESTATES:
        cells, bands, staff, name = [], [], 0, ""
        for c in CITIES:
            b = budget(pm, src, estate, c)
            staff, name = b["headcount"], b["estate_name"]
            lump = [k for k in b["fee"]["contracts"] if k["id"] == "lump_sum"][0]
            cells.append(f"{lump['per_m2_month_incl_vat']:.2f}")
            g = b["fee"]["guide_price"]
            if g:
                bands.append(f"{g['local_grade']} {'with' if g['lift'] else 'no'} lift {g['low']:.2f}–{g['high']:.2f}: {g['position']}")
        out.append(f"| {name} | {staff} | " + " | ".join(cells) + " | " + ("; ".join(bands) or "none (not residential)") + " |")
    return "\n".join(out) + "\n"


def main():
    pm, src = sys.argv[1], sys.argv[2]
    t = table(pm, src)
    if len(sys.argv) > 3 and sys.argv[3] == "--check":
        readme = open(sys.argv[4], encoding="utf-8").read()
        if t not in readme:
            print("FAIL: the README's fee table differs from pm's; regenerate it with\n"
                  f"  python3 tests/fees/table.py {pm} .\n--- pm says:\n{t}", file=sys.stderr)
            sys.exit(1)
        print("ok: the README's fee table is pm's")
        return
    sys.stdout.write(t)


main()
