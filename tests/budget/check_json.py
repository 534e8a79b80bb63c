#!/usr/bin/env python3
"""Checks a `pm budget --format json` document's arithmetic, independently of pm:
the lines add up exactly to annual_cost (in fen), items and departments too, monthly amounts
are annual ÷ 12 rounded to the fen, and each fee follows its formula (物业服务收费管理办法 art. 11).
Usage: check_json.py FILE EXPECTED_LUMP_SUM|-"""
import json
import sys
from decimal import ROUND_HALF_UP, Decimal


def fen(x):
    return int((Decimal(str(x)) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def round2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    expect = sys.argv[2]
    problems = []
    total = fen(doc["annual_cost"])
    for key in ("lines", "items", "departments"):
        s = sum(fen(x["annual"]) for x in doc[key])
        if s != total:
            problems.append(f"{key} add up to {s} fen, annual_cost is {total} fen")
    for x in doc["lines"] + doc["items"] + doc["departments"]:
        if round2(Decimal(fen(x["annual"])) / 1200) != Decimal(str(x["monthly"])).quantize(Decimal("0.01")):
            problems.append(f"monthly of {x.get('id')} is not annual ÷ 12: {x['annual']} / {x['monthly']}")
    if round2(Decimal(total) / 1200) != Decimal(str(doc["monthly_cost"])).quantize(Decimal("0.01")):
        problems.append("monthly_cost is not annual_cost ÷ 12")
    if len({x["id"] for x in doc["lines"]}) != len(doc["lines"]):
        problems.append("line ids are not unique")
    f = doc["fee"]
    # The fee pays for the owners' cost centre only (the lines without a cost_centre); the
    # centres add up to the total.
    owners = sum(fen(x["annual"]) for x in doc["lines"] if x.get("cost_centre", "owners") == "owners")
    if "cost_centres" in doc:
        if sum(fen(c["annual"]) for c in doc["cost_centres"]) != total:
            problems.append("cost_centres do not add up to annual_cost")
        if [fen(c["annual"]) for c in doc["cost_centres"] if c["id"] == "owners"] != [owners]:
            problems.append("the owners' cost centre is not the sum of its lines")
    elif owners != total:
        problems.append("lines outside the owners' cost centre but no cost_centres")
    cost = Decimal(owners) / 100
    area = Decimal(str(doc["chargeable_area"]))
    p, t, v, r = (Decimal(str(f[k])) for k in ("profit_rate", "tax_rate", "vat_rate", "remuneration_rate"))
    want = {
        "lump_sum": cost * (1 + p) / (1 - t) / 12 / area,
        "lump_sum_vat": cost * (1 + p) / 12 / area,
        "cost_plus": cost * (1 + r) / 12 / area,
    }
    # With VAT: what the owner pays; the same for the tax-included lump sum.
    incl = {"lump_sum": want["lump_sum"], "lump_sum_vat": want["lump_sum_vat"] * (1 + v),
            "cost_plus": want["cost_plus"] * (1 + v)}
    households = f["households"]
    for c in f["contracts"]:
        if round2(incl[c["id"]]) != Decimal(str(c["per_m2_month_incl_vat"])).quantize(Decimal("0.01")):
            problems.append(f"contract {c['id']}: with VAT {c['per_m2_month_incl_vat']}, the formula gives {incl[c['id']]}")
        if households is None:
            if c["per_household_month"] is not None:
                problems.append(f"contract {c['id']}: a fee per household without households")
        elif round2(incl[c["id"]] * Decimal(str(f["household_area"])) / households) != Decimal(
                str(c["per_household_month"])).quantize(Decimal("0.01")):
            problems.append(f"contract {c['id']}: per household {c['per_household_month']}")
    for k, w in want.items():
        got = Decimal(str(doc["fee_per_m2_month"][k])).quantize(Decimal("0.01"))
        if round2(w) != got:
            problems.append(f"fee {k}: {got}, the formula gives {w}")
    for c in f["contracts"]:
        if c["per_m2_month"] != doc["fee_per_m2_month"][c["id"]]:
            problems.append(f"contract {c['id']} disagrees with fee_per_m2_month")
    if expect != "-" and Decimal(str(doc["fee_per_m2_month"]["lump_sum"])) != Decimal(expect):
        problems.append(f"lump-sum fee {doc['fee_per_m2_month']['lump_sum']}, expected {expect}")
    if doc["illustrative"] != (doc["notice"] is not None):
        problems.append("notice must be given exactly when the rates are illustrative")
    if not any("专项维修资金" in n for n in doc["notes"]):
        problems.append("no note that major repairs come from the special maintenance fund")
    for p_ in problems:
        print(f"{sys.argv[1]}: {p_}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
