#!/usr/bin/env bash
# CLI tests of pm report. usage: run.sh PM SOURCE_DIR WORK_DIR TEST [EXAMPLE]
# EXAMPLE is the name of an examples/*.yaml file without .yaml, for the per-example tests.
# Tests that need chromium, LibreOffice, poppler or the npm packages skip (exit 77) when they are missing,
# except with CI=true, where they fail: .ci/deps --test installs them.
set -euo pipefail
pm=$1 src=$2 work=$3 test=$4 example=${5:-}
here=$src/tests/report
npm_dir=$src/.cache/npm/node_modules
rm -rf "$work"
mkdir -p "$work"
cd "$work"
# Messages and the default language must not follow the caller's environment.
unset PM_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8
date=2026-01-05
estate=$src/examples/$example.yaml

none() { # fails if grep finds the pattern (a bare "! grep" would not stop the script under set -e)
  if grep "$@"; then echo "unexpected match: $*" >&2; exit 1; fi
}

need() { # a program or file the test needs
  if command -v "$1" >/dev/null 2>&1 || [[ -e $1 ]]; then return; fi
  if [[ "${CI:-}" == true ]]; then
    echo "FAIL: $1 is missing (CI=true: the test may not be skipped; run bash .ci/deps --test)"
    exit 1
  fi
  echo "skipped: $1 is missing (install it with: bash .ci/deps --test)"
  exit 77
}

case $test in
formats)
  # Every format, in both languages, from -o FILE's extension and from --format to stdout.
  for lang in zh en; do
    for ext in md html json xlsx; do
      "$pm" report "$estate" --lang "$lang" -o "out-$lang.$ext"
      test -s "out-$lang.$ext"
    done
    for f in md html json; do
      "$pm" report "$estate" --lang "$lang" --format "$f" >"stdout-$lang.$f"
      cmp "stdout-$lang.$f" "out-$lang.$f"
    done
    "$pm" report "$estate" --lang "$lang" --format xlsx >"stdout-$lang.xlsx"
    cmp "stdout-$lang.xlsx" "out-$lang.xlsx"
    "$pm" report "$estate" --lang "$lang" -o "out-$lang.docx"
    "$pm" report "$estate" --lang "$lang" --format docx >"stdout-$lang.docx"
    cmp "stdout-$lang.docx" "out-$lang.docx"
    unzip -p "out-$lang.docx" word/document.xml | grep -q 'w:pStyle w:val="Heading1"'
  done
  # The document is in one language: Chinese headings in zh, none in en (the estate's own
  # names may be Chinese, so only the fixed headings are compared).
  grep -q '^## 1 项目概况' out-zh.md
  grep -q '^## 1 Estate overview' out-en.md
  none -q '^#.*\(项目概况\|人员配置\|费用测算\)' out-en.md
  none -q '^#.*\(Estate overview\|Staffing\|Cost budget\)' out-zh.md
  # The default language is the estate's locale (zh-CN for every example).
  "$pm" report "$estate" -o default.md
  cmp default.md out-zh.md
  # Markdown by default on stdout.
  "$pm" report "$estate" | cmp - out-zh.md
  ;;
numbers)
  # Every number equals pm staff / pm budget / pm roster for the same inputs; the JSON is valid
  # against schemas/report.schema.json (ajv, an independent validator).
  need "$npm_dir/.bin/ajv"
  "$pm" staff "$estate" -f json >staff.json
  "$pm" budget "$estate" -f json >budget.json
  roster=
  if "$pm" roster "$estate" --start "$date" -f json >roster.json 2>roster.err; then roster=roster.json; fi
  for lang in zh en; do
    "$pm" report "$estate" --lang "$lang" --date "$date" -f json >"report-$lang.json"
    "$npm_dir/.bin/ajv" validate --spec=draft7 -c ajv-formats -s "$src/schemas/report.schema.json" -d "report-$lang.json"
    "$pm" --lang "$lang" staff "$estate" -f json >"staff-$lang.json"
    "$pm" --lang "$lang" budget "$estate" -f json >"budget-$lang.json"
    python3 "$here/check_numbers.py" "report-$lang.json" "staff-$lang.json" "budget-$lang.json" $roster
  done
  # Without --date the excerpt is the documented default start.
  "$pm" report "$estate" -f json >nodate.json
  python3 "$here/check_numbers.py" nodate.json staff.json budget.json $roster
  # The Markdown and HTML show the same totals as the JSON.
  "$pm" report "$estate" -o report.md
  "$pm" report "$estate" -o report.html
  total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' staff.json)
  cost=$(python3 -c 'import json,sys; print(format(json.load(open(sys.argv[1]))["annual_cost"], ",.2f"))' budget.json)
  grep -q "| \*\*合计\*\* | \*\*$total\*\* |" report.md
  grep -qF "**$cost**" report.md
  grep -qF ">$cost<" report.html
  ;;
checker-fails)
  # The number checker is not a rubber stamp: a report with one headcount changed, or a
  # budget line dropped, fails it.
  estate=$src/examples/residential-145k.yaml
  "$pm" staff "$estate" -f json >staff.json
  "$pm" budget "$estate" -f json >budget.json
  "$pm" report "$estate" -f json >report.json
  python3 "$here/check_numbers.py" report.json staff.json budget.json
  python3 - report.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
def walk(ss):
    for s in ss:
        for b in s["blocks"]:
            if b["type"] == "table" and b["id"] == "staffing":
                for r in b["rows"]:
                    if r["key"] == "gate_guard":
                        r["cells"][1] += 1
            if b["type"] == "table" and b["id"] == "budget_items":
                b["rows"] = [r for r in b["rows"] if r["key"] != "energy.lifts"]
        walk(s["sections"])
walk(d["sections"])
json.dump(d, open("tampered.json", "w"))
EOF
  if python3 "$here/check_numbers.py" tampered.json staff.json budget.json >tampered.out; then
    echo "the checker passed a tampered report"; exit 1
  fi
  grep -q 'gate_guard' tampered.out
  grep -q 'energy.lifts' tampered.out
  ;;
xlsx)
  # An independent reader (exceljs) finds the three sheets, formulas for the totals, and the
  # totals of pm staff, pm budget and pm roster; every formula re-evaluated gives its cached value.
  need "$npm_dir/exceljs"
  "$pm" staff "$estate" -f json >staff.json
  "$pm" budget "$estate" -f json >budget.json
  roster=
  if "$pm" roster "$estate" --start "$date" -f json >roster.json 2>/dev/null; then roster=roster.json; fi
  for lang in zh en; do
    "$pm" report "$estate" --lang "$lang" --date "$date" -o "report-$lang.xlsx"
    node "$here/check_xlsx.js" "$npm_dir" "report-$lang.xlsx" staff.json budget.json $roster
  done
  # No partial file is left when the workbook cannot be written.
  mkdir out
  if "$pm" --lang en report "$estate" -o out/missing-dir/report.xlsx 2>err.txt; then echo "wrote into a missing directory"; exit 1; fi
  grep -q 'cannot write' err.txt
  test -z "$(ls -A out)"
  ;;
print)
  # Word and PDF a client opens, for an office tower, a small compound and plan 1, with one run
  # of each slow program for all three: Chromium prints each HTML report to A4 PDF (pm report
  # -f pdf) and screenshots one; LibreOffice opens the three DOCX in one invocation and converts
  # them to PDF; poppler reads the PDFs back. Structure, not pixels.
  need chromium
  need soffice
  need pdftotext
  need pdfimages
  need pdftoppm
  estates=("$src/tests/calibration/estates/office-tower-65k.yaml" "$src/tests/calibration/estates/old-compound-20k.yaml"
           "$src/examples/residential-145k.yaml")
  names=()
  for e in "${estates[@]}"; do
    n=$(basename "$e" .yaml)
    names+=("$n")
    "$pm" report "$e" --date "$date" -o "$n.html"
    "$pm" report "$e" --date "$date" -o "$n.docx"
    timeout 120 "$pm" report "$e" --date "$date" -o "$n.pdf"
  done
  # (a) The printed HTML: A4 pages, several of them; a cover alone on page 1 without a page
  # number; the contents on page 2 with section numbers; "第 N 页 / 共 M 页" and the running
  # header on the others.
  for n in "${names[@]}"; do
    pdfinfo "$n.pdf" >info.txt
    grep -q 'Page size: *59[45].* x 84[12].* pts (A4)' info.txt
    pages=$(sed -n 's/^Pages: *//p' info.txt)
    test "$pages" -gt 6
    pdftotext -f 1 -l 1 "$n.pdf" cover.txt
    tr -d '\n' <cover.txt | grep -q '物业管理服务方案' # a long title wraps
    grep -q '^项目' cover.txt
    none -qE '第 ?1 ?页' cover.txt
    pdftotext -f 2 -l 2 "$n.pdf" toc.txt
    grep -q '目录' toc.txt
    grep -q '人员配置' toc.txt
    pdftotext -f 3 -l 3 "$n.pdf" page3.txt
    grep -qE "第 ?3 ?页 ?/ ?共 ?$pages ?页" page3.txt # pdftotext may drop the spaces
    grep -q '物业管理服务方案' page3.txt
  done
  # Plan 1's cover names its client, consultant and version (its proposal section).
  pdftotext -f 1 -l 1 residential-145k.pdf cover.txt
  grep -q '委托方' cover.txt && grep -q '编制单位' cover.txt && grep -q '版本' cover.txt
  # The PDF renders (pdftoppm) to pages that are not blank.
  # (pages 2–4: the cover carries a few lines only, its text is checked above)
  pdftoppm -r 30 -png -f 2 -l 4 residential-145k.pdf page
  for f in page-*.png; do python3 "$here/png_ink.py" "$f" 0.5; done
  # The same input gives the same PDF: Chromium's dates are set to the document's.
  timeout 120 "$pm" report "${estates[1]}" --date "$date" -o again.pdf
  cmp again.pdf old-compound-20k.pdf
  grep -aq "/CreationDate (D:20260105000000" again.pdf
  # A screenshot of the HTML report on screen is not blank.
  profile=$(mktemp -d)
  trap 'rm -rf "$profile"' EXIT
  flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
         --disable-component-update --disable-sync --user-data-dir="$profile")
  timeout 120 chromium "${flags[@]}" --screenshot="$work/shot.png" --window-size=800,1000 \
    "file://$work/residential-145k.html" 2>/dev/null
  python3 "$here/png_ink.py" shot.png 1
  # (b) The DOCX: its parts (Word styles, tables with a repeated header row, the org chart as
  # a picture, a TOC field, PAGE and NUMPAGES in the footer, the running title in the header),
  # then LibreOffice opens all three and converts them to PDF.
  for n in "${names[@]}"; do python3 "$here/check_docx.py" "$n.docx"; done
  timeout 180 soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir lo \
    "${names[@]/%/.docx}" >lo.log 2>&1
  for n in "${names[@]}"; do
    test -s "lo/$n.pdf"
    pdftotext "lo/$n.pdf" lo.txt
    grep -q '目录' lo.txt
    grep -q '人员配置' lo.txt
    grep -q '费用测算' lo.txt
    grep -qE '第 ?[0-9]+ ?页 ?/ ?共 ?[0-9]+ ?页' lo.txt
    # The org chart is a picture on the organisation chapter's first page after the contents.
    page=$(python3 "$here/page_of.py" lo.txt '组织架构')
    test "$(pdfimages -f "$page" -l "$page" -list "lo/$n.pdf" | tail -n +3 | wc -l)" -ge 1
  done
  ;;
deterministic)
  # The same inputs give the same bytes, in every format, with and without --date; no
  # timestamp of the run appears anywhere.
  # One second apart (once for all formats), so that a clock in the output would show.
  for ext in md html json xlsx docx; do
    "$pm" report "$estate" -o "a.$ext"
    "$pm" report "$estate" --date "$date" -o "c.$ext"
  done
  sleep 1
  for ext in md html json xlsx docx; do
    "$pm" report "$estate" -o "b.$ext"
    cmp "a.$ext" "b.$ext"
    "$pm" report "$estate" --date "$date" -o "d.$ext"
    cmp "c.$ext" "d.$ext"
  done
  today=$(date +%Y-%m-%d)
  for ext in md html json; do none -q "$today" "a.$ext"; done
  unzip -p a.xlsx docProps/core.xml | grep -q '1980-01-01T00:00:00Z'
  unzip -p c.xlsx docProps/core.xml | grep -q "${date}T00:00:00Z"
  none -q "$today" <(unzip -p a.xlsx)
  none -q "$today" <(unzip -p a.docx)
  grep -q "$date" c.md
  ;;
selfcontained)
  # One file: inline CSS and SVG; no script, no external resource, an A4 print stylesheet and
  # a font stack with Chinese fonts; every text escaped.
  "$pm" report "$estate" -o report.html
  none -qi '<script' report.html
  none -qiE '(src|href)[[:space:]]*=[[:space:]]*"?(https?:)?//' report.html
  none -qiE '@import|url\(|<link|<iframe|<object|<embed' report.html
  grep -q '@page{size:A4' report.html
  grep -q '@media print' report.html
  grep -q 'Noto Sans CJK SC' report.html
  grep -q '<svg class="chart org"' report.html
  # Every href points inside the file.
  none -qE 'href="[^#]' report.html
  # Text that looks like markup stays text.
  python3 - "$src/examples/residential-145k.yaml" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
evil = '  zh: "<b>某住宅</b> & \\"引号\\" <script>alert(1)</script>"'
assert "  zh: 某住宅小区（方案一）" in text
open("escaping.yaml", "w", encoding="utf-8").write(text.replace("  zh: 某住宅小区（方案一）", evil, 1))
EOF
  grep -q '<script>alert' escaping.yaml
  "$pm" report escaping.yaml -o escaping.html
  none -q '<script>alert' escaping.html
  grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' escaping.html
  grep -q '&lt;b&gt;某住宅&lt;/b&gt; &amp; &quot;引号&quot;' escaping.html
  "$pm" report escaping.yaml -o escaping.md
  grep -qF '\<script\>alert(1)\</script\>' escaping.md
  ;;
refused)
  # Under cn-practice (3 people for a round-the-clock seat) pm roster refuses: the report is
  # still written, says why post by post, has no roster, and its numbers are pm staff's.
  estate=$src/examples/residential-145k.yaml
  set +e
  "$pm" roster "$estate" --norms cn-practice --start "$date" >/dev/null 2>roster.err; rc=$?
  set -e
  test $rc -eq 1
  "$pm" report "$estate" --norms cn-practice --lang en -o report.md
  grep -q 'No lawful roster can be made' report.md
  grep -q 'gate: from 2026-01-05 to 2026-02-02 (29 days) needs 672 h, and the 3 gate guards who may take it can lawfully work at most 576 h there' report.md
  grep -q 'gate: add 1 gate guard: with them a lawful roster exists' report.md
  "$pm" report "$estate" --norms cn-practice -f json >report.json
  "$pm" staff "$estate" --norms cn-practice -f json >staff.json
  "$pm" budget "$estate" --norms cn-practice -f json >budget.json
  python3 "$here/check_numbers.py" report.json staff.json budget.json
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["roster"] is False and d["summary"]["headcount"] == 39' report.json
  "$pm" report "$estate" --norms cn-practice -o report.xlsx
  unzip -p report.xlsx xl/sharedStrings.xml | grep -q '无法依法排班'
  ;;
usage)
  estate=$src/examples/residential-145k.yaml
  # The format must be known: from --format or -o's extension.
  set +e
  "$pm" report "$estate" -o plan.txt 2>err.txt; rc=$?
  set -e
  test $rc -eq 2 && grep -q 'cannot tell the format' err.txt && test ! -e plan.txt
  set +e
  "$pm" report "$estate" --format odt 2>err.txt; rc=$?
  set -e
  test $rc -eq 2
  # PDF needs Chromium: without it, exit 2 naming what to install, and no file.
  set +e
  PM_CHROMIUM=/nonexistent/chromium "$pm" report "$estate" -o plan.pdf 2>err.txt; rc=$?
  set -e
  test $rc -eq 2 && grep -q 'install chromium' err.txt && test ! -e plan.pdf
  # --date must be a real date.
  set +e
  "$pm" report "$estate" --date 2026-02-30 2>err.txt; rc=$?
  set -e
  test $rc -eq 2 && grep -q -- '--date' err.txt
  # Never over an input.
  cp "$estate" estate.yaml
  set +e
  "$pm" report estate.yaml -f md -o estate.yaml 2>err.txt; rc=$?
  set -e
  test $rc -eq 2 && cmp estate.yaml "$estate"
  set +e
  "$pm" report estate.yaml -f xlsx -o estate.yaml 2>err.txt; rc=$?
  set -e
  test $rc -eq 2 && cmp estate.yaml "$estate"
  # XLSX is refused on a terminal (script(1) gives the command one).
  if command -v script >/dev/null 2>&1; then
    set +e
    script -qec "$pm report $estate --format xlsx" /dev/null >tty.out 2>&1; rc=$?
    set -e
    test $rc -eq 2 && grep -q 'XLSX is binary' tty.out
  fi
  # An invalid estate exits 1 with located diagnostics, and writes nothing.
  printf 'format: 1\nid: x\nname: x\ntype: residential\nareas: {total: -5}\n' >bad.yaml
  set +e
  "$pm" report bad.yaml -o bad.html 2>err.txt; rc=$?
  set -e
  test $rc -eq 1 && grep -q 'bad.yaml:' err.txt && test ! -e bad.html
  # Errors in Chinese with --lang zh.
  set +e
  "$pm" --lang zh report "$estate" -o plan.txt 2>err.txt
  set -e
  grep -q '无法从文件名' err.txt
  ;;
*)
  echo "unknown test $test" >&2
  exit 2
  ;;
esac
