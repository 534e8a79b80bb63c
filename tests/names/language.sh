#!/usr/bin/env bash
# One language rule for every command (pm(1), LANGUAGE): --lang, else the estates' locale,
# else the environment. Each command, given a Chinese estate under LANG=C.UTF-8, speaks
# Chinese (output and messages on stderr); with --lang en, English; estates of two languages
# leave it to the environment. Also: pm roster check still reads a roster CSV in the layout
# of earlier versions (the post's id in `post`, no `post_id`).
#
# usage: language.sh PM SOURCE_DIR WORK_DIR
set -uo pipefail
PM=$(realpath "$1")
SRC=$(realpath "$2")
WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK" && WORK=$(realpath "$WORK")
unset PM_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8
cd "$SRC" || exit 2

zh_estate=examples/residential-145k.yaml
portfolio=examples/city-portfolio/estates
start=(--start 2026-03-02 --weeks 1)
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect NAME PATTERN_ZH PATTERN_EN -- ARGS: pm ARGS (stdout and stderr together) matches
# PATTERN_ZH and not PATTERN_EN; pm --lang en ARGS the other way round.
expect() {
  local name=$1 zh=$2 en=$3
  shift 4
  local out_zh out_en
  out_zh=$("$PM" "$@" 2>&1)
  out_en=$("$PM" --lang en "$@" 2>&1)
  grep -Eq "$zh" <<<"$out_zh" || fail "$name: LANG=C.UTF-8, a Chinese estate: no '$zh' in: ${out_zh:0:300}"
  grep -Eq "$en" <<<"$out_zh" && fail "$name: LANG=C.UTF-8, a Chinese estate: English '$en' in: ${out_zh:0:300}"
  grep -Eq "$en" <<<"$out_en" || fail "$name: --lang en: no '$en' in: ${out_en:0:300}"
  grep -Eq "$zh" <<<"$out_en" && fail "$name: --lang en: Chinese '$zh' in: ${out_en:0:300}"
}

# A roster with gaps and a person on a post not theirs, for pm roster check's messages.
"$PM" roster "$zh_estate" "${start[@]}" -f csv -o "$WORK/roster.csv" || fail "pm roster -f csv"
awk -F, 'NR == 1 || NR % 4' "$WORK/roster.csv" >"$WORK/gaps.csv"
# An invalid Chinese estate (an unknown key), for pm validate's.
sed 's/^grade: 2$/grade: 2\nlifts_total: 3/' "$zh_estate" >"$WORK/invalid.yaml"
# The same estate changed, for pm diff.
sed 's/^  lifts: 25$/  lifts: 30/' "$zh_estate" >"$WORK/changed.yaml"

expect staff '人员配置' 'staffing' -- staff "$zh_estate"
expect staff-dir '人员配置' 'Staffing of' -- staff "$portfolio"
expect budget '费用测算' 'cost budget' -- budget "$zh_estate"
expect budget-csv-stderr 'pm: 注意' 'pm: note' -- budget "$zh_estate" -f csv
expect roster '排班表' ' roster ' -- roster "$zh_estate" "${start[@]}"
expect roster-check '只排了' 'rostered' -- roster check "$WORK/gaps.csv" "$zh_estate" "${start[@]}"
expect report '项目概况|组织架构' 'Overview|Organisation' -- report "$zh_estate" -f md
expect portfolio '小区组合' 'Portfolio|yuan' -- portfolio "$portfolio"
expect diff '人员配置变化' 'Staffing change' -- diff "$zh_estate" "$WORK/changed.yaml"
expect validate '未知的键' 'unknown key' -- validate "$WORK/invalid.yaml"

# Estates of two languages: the environment decides.
sed 's/^locale: zh-CN$/locale: en-GB/' "$WORK/invalid.yaml" >"$WORK/invalid-en.yaml"
out=$("$PM" validate "$WORK/invalid.yaml" "$WORK/invalid-en.yaml" 2>&1)
grep -q 'unknown key' <<<"$out" || fail "two languages under LANG=C.UTF-8: not English: ${out:0:300}"
out=$(LANG=zh_CN.UTF-8 "$PM" validate "$WORK/invalid.yaml" "$WORK/invalid-en.yaml" 2>&1)
grep -q '未知的键' <<<"$out" || fail "two languages under LANG=zh_CN.UTF-8: not Chinese: ${out:0:300}"
# An English estate under a Chinese environment speaks English.
out=$(LANG=zh_CN.UTF-8 "$PM" validate "$WORK/invalid-en.yaml" 2>&1)
grep -q 'unknown key' <<<"$out" || fail "an English estate under LANG=zh_CN.UTF-8: not English: ${out:0:300}"

# The roster CSV: ids beside names; pm roster check reads what pm writes, and the old layout.
head -1 "$WORK/roster.csv" | tr -d '\r' | grep -qx 'staff_id,staff_name,role_id,role,post_id,post,shift_id,shift,start,end,hours' ||
  fail "roster CSV header: $(head -1 "$WORK/roster.csv")"
"$PM" roster check "$WORK/roster.csv" "$zh_estate" || fail "pm roster check refuses pm's own roster"
python3 - "$WORK/roster.csv" "$WORK/old.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["staff_id", "staff_name", "role", "post", "shift", "start", "end", "hours"])
    for r in rows:
        w.writerow([r["staff_id"], r["staff_name"], r["role_id"], r["post_id"], r["shift_id"], r["start"], r["end"], r["hours"]])
EOF
"$PM" roster check "$WORK/old.csv" "$zh_estate" || fail "pm roster check refuses a roster in the earlier layout"
# The names are names: 早班 in Chinese, no E.
cut -d, -f8 "$WORK/roster.csv" | sort -u | tr '\n' ' ' | grep -q '早班' || fail "roster CSV: no shift names"

((failures == 0)) || exit 1
echo "language rule: every command"
