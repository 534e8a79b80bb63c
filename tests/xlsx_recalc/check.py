"""Steps of tests/xlsx_recalc/run.sh:
  bound RATES TABLE MIN MAX              adds base_min and base_max to [TABLE] of a rates file
  raise-wage RATES DEPARTMENT AMOUNT     raises [wages.department] DEPARTMENT in a rates file; prints the old wage
  set-input IN.xlsx OUT.xlsx KEY OLD NEW sets the input KEY (which must hold OLD) on the inputs sheet
  compare RECALC.xlsx EXPECTED.xlsx BUDGET.json BASE.json
      every formula of RECALC (recalculated by LibreOffice) equals EXPECTED's cached value (pm's
      workbook for the changed rates), and the total and the fees equal pm budget's JSON for the
      changed rates, which differ from the unchanged BASE (else the test could not tell)."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx import Workbook  # noqa: E402

# The last two sheets: budget and inputs (pm report's workbook has staffing and roster before
# them, pm budget's has only these two).
INPUTS = -1
BUDGET = -2
FEN = 0.005
# pm report's last sheet lists the references its source columns' marks refer to: no figures.
REFERENCES = ("References", "参考文献")


def figures(wb):
    """The sheets that hold figures, in order."""
    return [s for s in wb.sheets if s[0] not in REFERENCES]


def raise_wage(path, department, amount):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^\[wages\.department\]\n(.*?)(?=^\[)", text, re.S | re.M)
    if not m:
        sys.exit("no [wages.department] in " + path)
    body = m.group(1)
    w = re.search(r"^%s\s*=\s*([0-9.]+)" % re.escape(department), body, re.M)
    if not w:
        sys.exit("no %s under [wages.department]" % department)
    old = float(w.group(1))
    body = body[: w.start(1)] + repr(old + amount) + body[w.end(1):]
    open(path, "w", encoding="utf-8").write(text[: m.start(1)] + body + text[m.end(1):])
    print(int(old) if old.is_integer() else old)


def bound(path, table, low, high):
    text = open(path, encoding="utf-8").read()
    head = "[%s]\n" % table
    if text.count(head) != 1:
        sys.exit("no [%s] in %s" % (table, path))
    text = text.replace(head, head + "base_min = %s\nbase_max = %s\n" % (low, high))
    open(path, "w", encoding="utf-8").write(text)


def find_input(wb, key):
    name = figures(wb)[INPUTS][0]
    cells = wb.cells(name)
    for addr, (value, _) in cells.items():
        if value == key and addr.startswith("D"):
            row = addr[1:]
            return name, "B" + row, cells["B" + row][0]
    sys.exit("no input %s on sheet %s" % (key, name))


def set_input(src, dst, key, old, new):
    wb = Workbook(src)
    sheet, addr, value = find_input(wb, key)
    if value != float(old):
        sys.exit("input %s is %s, expected %s" % (key, value, old))
    wb.set_number(sheet, addr, float(new))
    wb.save(dst)


def compare(recalc_path, expected_path, budget_path, base_path):
    recalc, expected = Workbook(recalc_path), Workbook(expected_path)
    budget = json.load(open(budget_path, encoding="utf-8"))
    base = json.load(open(base_path, encoding="utf-8"))
    problems = []
    if budget["fee_per_m2_month"] == base["fee_per_m2_month"]:
        problems.append("the changed wage does not change pm's fee: the test could not tell a recalculation")
    formulas = 0
    for (name, _), (rname, _) in zip(expected.sheets, recalc.sheets):
        want, got = expected.cells(name), recalc.cells(rname)
        for addr, (value, formula) in want.items():
            if formula is None:
                continue
            formulas += 1
            g = got.get(addr, (None, None))[0]
            if not isinstance(g, float) or abs(g - value) > FEN:
                problems.append("%s!%s =%s: LibreOffice gives %s, pm %s" % (name, addr, formula[:120], g, value))
    # The budget sheet's figures against pm budget's JSON: the total row, and each way of charging.
    sheet = recalc.cells(figures(recalc)[BUDGET][0])
    rows = {}
    for addr, (value, _) in sheet.items():
        m = re.match(r"([A-Z]+)([0-9]+)$", addr)
        rows.setdefault(int(m.group(2)), {})[m.group(1)] = value
    def number(row, col):
        v = rows.get(row, {}).get(col)
        return v if isinstance(v, float) else None
    def check(what, got, want):
        if got is None or abs(got - want) > FEN:
            problems.append("%s: LibreOffice gives %s, pm budget %s" % (what, got, want))
    totals = sorted(r for r, cells in rows.items() if isinstance(cells.get("B"), float) and
                    cells.get("A") in ("合计", "Total"))
    check("annual cost", number(totals[0], "B") if totals else None, budget["annual_cost"])
    households = budget["fee"]["households"] is not None
    for k in budget["fee"]["contracts"]:
        row = next((r for r, cells in rows.items() if cells.get("A") == k["name"]), None)
        if row is None:
            problems.append("no row for %s on the budget sheet" % k["id"])
            continue
        check(k["id"] + " per m² a month", number(row, "B"), k["per_m2_month"])
        check(k["id"] + " per m² a month with VAT", number(row, "C"), k["per_m2_month_incl_vat"])
        if households:
            check(k["id"] + " per household a month", number(row, "D"), k["per_household_month"])
        check(k["id"] + " annual revenue", number(row, "E" if households else "D"), k["annual_revenue"])
    if formulas < 100:
        problems.append("only %d formulas in pm's workbook" % formulas)
    if problems:
        print("\n".join(problems[:40]))
        sys.exit(1)
    print("ok: %d formulas recalculated by LibreOffice equal pm's; fees %s (were %s)" %
          (formulas, budget["fee_per_m2_month"], base["fee_per_m2_month"]))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "bound":
        bound(*args)
    elif cmd == "raise-wage":
        raise_wage(args[0], args[1], float(args[2]))
    elif cmd == "set-input":
        set_input(*args)
    elif cmd == "compare":
        compare(*args)
    else:
        sys.exit("unknown step " + cmd)
