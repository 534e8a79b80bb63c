#!/usr/bin/env bash
# CLI tests of pm roster. usage: run.sh PM SOURCE_DIR WORK_DIR TEST
set -euo pipefail
pm=$1 src=$2 work=$3 test=$4
mkdir -p "$work"
cd "$work"
plan1=$src/examples/residential-145k.yaml
staffed=$src/tests/roster/staffed.yaml
here=$src/tests/roster
npm_dir=$src/.cache/npm/node_modules
export NO_COLOR=1

none() { # fails if grep finds the pattern (a bare "! grep" would not stop the script under set -e)
  if grep "$@"; then echo "unexpected match: $*" >&2; exit 1; fi
}

need() { # a tool the test needs; CI installs it with .ci/deps --test
  if [[ ! -e $1 ]]; then echo "missing $1: run bash .ci/deps --test" >&2; exit 1; fi
}

case $test in
plan1-check)
  # The default 4-week roster of plan 1 passes pm roster check and an independent checker.
  "$pm" roster "$plan1" --start 2026-01-05 -f csv -o plan1.csv
  "$pm" roster "$plan1" --start 2026-01-05 -f json -o plan1.json
  "$pm" roster check plan1.csv "$plan1"
  python3 "$here/check_roster.py" plan1.csv plan1.json "$plan1"
  # 4 weeks: gate 84 + patrol 84 + control room 168 + HV room 168 + car park 56.
  test "$(($(wc -l < plan1.csv) - 1))" -eq 560
  # With --bom the CSV starts with a UTF-8 byte-order mark for Excel, and is otherwise the same.
  "$pm" --bom roster "$plan1" --start 2026-01-05 -f csv -o bom.csv
  test "$(head -c 3 bom.csv | od -An -tx1 | tr -d ' ')" = efbbbf
  cmp <(tail -c +4 bom.csv) plan1.csv
  # Saved back by Chinese Excel or WPS: GB18030, CRLF, dates as 2026/1/5 8:00. Read the same.
  python3 - plan1.csv excel.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
def excel(v):
    if len(v) == 16 and v[10] == "T":
        y, m, d = v[:10].split("-")
        return "%s/%d/%d %d:%s" % (y, int(m), int(d), int(v[11:13]), v[14:16])
    return v
with open(sys.argv[2], "w", encoding="gb18030", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    for i, r in enumerate(rows):
        w.writerow(r if i == 0 else [excel(v) for v in r])
PY
  if iconv -f utf-8 -t utf-8 excel.csv >/dev/null 2>&1; then # really not UTF-8 (the names are Chinese)
    echo "FAIL: excel.csv is valid UTF-8; the GB18030 case is not exercised"
    exit 1
  fi
  "$pm" roster check excel.csv "$plan1"
  ;;
staffed-check)
  # Named staff with leave, a part-timer and mixed licences: the solver's roster passes both checks.
  "$pm" roster "$staffed" --start 2026-01-05 -f csv -o staffed.csv 2>/dev/null
  "$pm" roster "$staffed" --start 2026-01-05 -f json -o staffed.json 2>/dev/null
  "$pm" roster check staffed.csv "$staffed" 2>/dev/null
  python3 "$here/check_roster.py" staffed.csv staffed.json "$staffed"
  # Licences: feng-xue holds no hv_electrician licence, so never works the HV room.
  none -q '^feng-xue,' staffed.csv
  # Leave (start is the 9th column, hours the 11th): wang-fang is away 10-14 January (no shift starts then; the checkers above also
  # catch a night that runs into it).
  none -E '^wang-fang,([^,]*,){7}2026-01-1[0-4]T' staffed.csv
  grep -q '^wang-fang,' staffed.csv
  # The part-timer works at most 24 h a week: 96 h in the 4 weeks.
  awk -F, '$1=="yang-lei"{h+=$11} END{exit !(h>0 && h<=96)}' staffed.csv
  ;;
year)
  # A year of the staffed estate, solved, still passes both checks.
  "$pm" roster "$staffed" --start 2026-01-05 --weeks 52 -f csv -o year.csv 2>/dev/null
  "$pm" roster "$staffed" --start 2026-01-05 --weeks 52 -f json -o year.json 2>/dev/null
  "$pm" roster check year.csv "$staffed" 2>/dev/null
  python3 "$here/check_roster.py" year.csv year.json "$staffed"
  ;;
ics)
  need "$npm_dir/ical.js/dist/ical.es5.cjs"
  "$pm" roster "$plan1" --start 2026-01-05 -f ics -o plan1.ics
  "$pm" roster "$plan1" --start 2026-01-05 -f csv -o plan1.csv
  node "$here/ics_check.cjs" "$npm_dir/ical.js" plan1.ics "$(($(wc -l < plan1.csv) - 1))"
  "$pm" roster "$staffed" --start 2026-01-05 -f ics -o staffed.ics 2>/dev/null
  "$pm" roster "$staffed" --start 2026-01-05 -f csv -o staffed.csv 2>/dev/null
  node "$here/ics_check.cjs" "$npm_dir/ical.js" staffed.ics "$(($(wc -l < staffed.csv) - 1))"
  ;;
schema)
  need "$npm_dir/.bin/ajv"
  for f in "$plan1" "$staffed" "$src/examples/villa-riverside.yaml"; do
    "$pm" roster "$f" --start 2026-01-05 -f json -o out.json 2>/dev/null
    "$npm_dir/.bin/ajv" validate --spec=draft7 -c ajv-formats -s "$src/schemas/roster.schema.json" -d out.json
  done
  # pm roster --min: the villa has butler teams, whose bound is their on-call nights.
  for f in "$plan1" "$src/examples/villa-riverside.yaml"; do
    "$pm" roster "$f" --start 2026-01-05 --min -f json -o min.json 2>/dev/null
    "$npm_dir/.bin/ajv" validate --spec=draft7 -c ajv-formats -s "$src/schemas/roster-min.schema.json" -d min.json
  done
  grep -q '"kind": "on_call_seven_days"' min.json
  ;;
deterministic)
  # Same input and seed: the same bytes, in every format.
  for fmt in csv json ics grid md html; do
    "$pm" roster "$staffed" --start 2026-01-05 --seed 3 -f $fmt -o a.$fmt 2>/dev/null
    "$pm" roster "$staffed" --start 2026-01-05 --seed 3 -f $fmt > b.$fmt 2>/dev/null
    cmp a.$fmt b.$fmt
  done
  # The seed matters to the solver.
  "$pm" roster "$staffed" --start 2026-01-05 --seed 4 -f csv -o c.csv 2>/dev/null
  if cmp -s a.csv c.csv; then echo 'seeds 3 and 4 gave the same roster' >&2; exit 1; fi
  ;;
refused)
  # cn-practice staffs 3 guards for a round-the-clock gate: refused, with where and how much.
  set +e
  (cd "$src" && "$pm" --lang en roster examples/residential-145k.yaml --start 2026-01-05 --norms cn-practice) > out.txt 2> err.txt
  rc=$?
  set -e
  test $rc -eq 1
  test ! -s out.txt
  diff -u "$here/refused.golden" err.txt
  ;;
unlawful-pattern)
  set +e
  "$pm" --lang en roster "$plan1" --start 2026-01-05 --pattern 三班倒 > out.txt 2> err.txt
  rc=$?
  set -e
  test $rc -eq 1
  test ! -s out.txt
  grep -q 'three-three (三班倒) is unlawful' err.txt
  ;;
check-errors)
  # An edited roster: each violation at its line, gaps named by post and time, exit 1.
  "$pm" roster "$plan1" --start 2026-01-05 -f csv -o plan1.csv
  python3 - plan1.csv edited.csv <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = []
swapped = False
for i, r in enumerate(rows):
    if i == 3:      # a seat left empty
        continue
    if r.startswith("gate_guard-02,") and ",2026-01-06T08:00," in r:
        r = r.replace("gate_guard-02,门岗 2", "gate_guard-03,门岗 3")  # 8 h after a middle shift
    if r.startswith("carpark_guard-01,") and not swapped:
        r = r.replace("carpark_guard-01,", "gardener-01,")      # not a person in the estate
        swapped = True
    out.append(r)
out.insert(12, 'patrol_guard-01,巡逻岗 1,patrol_guard,巡逻岗,gate,门岗,E,早班,2026-01-05T09:00,2026-01-05T17:00,8')
out.insert(14, 'broken,"quote"here,x,y,z,1,2,3,4,5,6')
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
del out[14]
open("edited-wellformed.csv", "w", encoding="utf-8").write("\n".join(out))
PY
  "$pm" roster "$plan1" --start 2026-01-05 -f json -o plan1.json
  # The independent checker finds these too (so it can fail).
  set +e
  python3 "$here/check_roster.py" edited-wellformed.csv plan1.json > py.txt
  rc=$?
  set -e
  test $rc -eq 1
  grep -q 'gate_guard-03 rests 8.0 h' py.txt
  set +e
  "$pm" --lang en roster check edited.csv "$plan1" > out.txt 2> err.txt
  rc=$?
  set -e
  test $rc -eq 1
  diff -u "$here/check-errors.golden" err.txt
  ;;
check-malformed)
  # Malformed rosters give located errors and exit 1, never a crash or a hang.
  printf '' > empty.csv
  printf 'staff_id,post,start,end\r\n' > header.csv
  printf 'staff_id,post,start,end\n\xff\xfe,gate\n' > binary.csv
  printf 'staff_id,post,start,end\ngate_guard-01,gate,1900-01-01T08:00,1900-01-01T16:00\ngate_guard-01,gate,2199-01-01T08:00,2199-01-01T16:00\n' > far.csv
  printf 'staff_id,post,start\n"a\n' > open.csv
  for f in empty:empty header:empty binary:not-utf8 far:too-long open:csv-syntax; do
    set +e
    timeout 20 "$pm" --lang en roster check "${f%%:*}.csv" "$plan1" 2> err.txt
    rc=$?
    set -e
    test $rc -eq 1
    grep -q "^${f%%:*}.csv.*\[${f#*:}\]$" err.txt
  done
  ;;
formats)
  "$pm" --lang en roster "$plan1" --start 2026-01-05 > grid.txt
  diff -u "$here/plan1-grid.golden" grid.txt
  none -q $'\x1b' grid.txt
  "$pm" roster "$plan1" --start 2026-01-05 -f md > r.md
  grep -q '^| 人员 | 一 01-05 |' r.md
  "$pm" roster "$plan1" --start 2026-01-05 -f html > r.html
  grep -q '^<!DOCTYPE html>' r.html
  grep -q '<td class="n">夜</td>' r.html
  python3 -c "import html.parser,sys; html.parser.HTMLParser().feed(open('r.html',encoding='utf-8').read())"
  ;;
usage)
  set +e
  "$pm" roster "$plan1" --start 2026-02-30 > /dev/null 2>&1; a=$?
  "$pm" roster "$plan1" --start 2026-01-05 --pattern nine-nine > /dev/null 2>&1; b=$?
  "$pm" roster "$plan1" --weeks 0 > /dev/null 2>&1; c=$?
  "$pm" roster check missing.csv "$plan1" > /dev/null 2>&1; d=$?
  "$pm" roster > /dev/null 2>&1; e=$?
  "$pm" roster "$src/examples" --min > /dev/null 2>&1; f=$?
  "$pm" roster "$plan1" --start 2026-01-05 --min -f ics > /dev/null 2>&1; g=$?
  set -e
  test "$a$b$c$d$e$f$g" = 2222222
  ;;
fair)
  # Fair shares (issue 17): plan 1's 4-week roster gives each group of people homed at one
  # round-the-clock post (the post's own staff, who share its shifts) nights and weekend
  # shifts within one shift of the group's average; it passes pm roster check, and the same
  # seed gives the same bytes. The patterns it adjusted say so.
  "$pm" roster "$plan1" --start 2026-01-05 -f json -o a.json
  "$pm" roster "$plan1" --start 2026-01-05 -f json > b.json
  cmp a.json b.json
  "$pm" roster "$plan1" --start 2026-01-05 -f csv -o plan1.csv
  "$pm" roster check plan1.csv "$plan1"
  python3 - a.json <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
round_the_clock = {p["id"] for p in j["posts"]
                   if not p["duty"] and "days" not in p["demand"][0] and len(p["demand"]) == 3}
home = {s["id"]: s["home_post"] for s in j["staff"]}
groups = {}
for x in j["summary"]["people"]:
    if home[x["staff_id"]] in round_the_clock:
        groups.setdefault(home[x["staff_id"]], []).append(x)
assert len(groups) == 4, sorted(groups)
for post, people in groups.items():
    for key in ("nights", "weekends"):
        v = [x[key] for x in people]
        average = sum(v) / len(v)
        assert all(abs(x - average) <= 1 for x in v), (post, key, v)
    # The summary's group agrees.
    g = [g for g in j["summary"]["groups"] if g["home_post"] == post][0]
    assert sorted(g["staff"]) == sorted(x["staff_id"] for x in people)
    assert g["nights"]["min"] == min(x["nights"] for x in people)
    assert g["weekends"]["max"] == max(x["weekends"] for x in people)
swapped = [p for p in j["posts"] if p.get("pattern_swaps", 0) > 0]
assert swapped, "no pattern was adjusted"
PY
  "$pm" --lang en roster "$plan1" --start 2026-01-05 > grid.txt
  grep -q 'pattern Five crews, three 8-hour shifts, with [0-9]* swaps to even out nights and weekend shifts' grid.txt
  ;;
*)
  echo "unknown test $test" >&2
  exit 2
  ;;
esac
