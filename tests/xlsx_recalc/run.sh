#!/usr/bin/env bash
# usage: run.sh PM SOURCE WORKDIR LANG [COMMAND] — see tests.cmake. COMMAND writes the
# workbook: report (the default) or budget.
set -euo pipefail
pm=$1 src=$2 work=$3 lang=$4 cmd=${5:-report}
estate=$src/examples/residential-145k.yaml
key=wages.department.security # the security department's monthly wage
raise=500

if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIP: soffice (LibreOffice) is not installed; .ci/deps --test installs libreoffice-calc-nogui"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/profile/user" "$work/out"
cd "$work"

# The example rates with the social insurance base kept within 5,000 and 12,000 a month, so
# that the raise takes the guards over the floor and the managers stay at the ceiling; then the
# same change on pm's side: a copy with the department's wage raised.
"$pm" rates init --from example base.toml 2>/dev/null
python3 "$src/tests/xlsx_recalc/check.py" bound base.toml social_insurance 5000 12000
cp base.toml rates.toml
old=$(python3 "$src/tests/xlsx_recalc/check.py" raise-wage rates.toml security "$raise")
"$pm" --lang "$lang" "$cmd" "$estate" --rates base.toml -o base.xlsx
"$pm" --lang "$lang" "$cmd" "$estate" --rates rates.toml -o expected.xlsx
"$pm" --lang "$lang" budget "$estate" --rates base.toml -f json >base.json
"$pm" --lang "$lang" budget "$estate" --rates rates.toml -f json >budget.json

# The change on the workbook's side: the one input cell, every cached value left stale.
python3 "$src/tests/xlsx_recalc/check.py" set-input base.xlsx changed.xlsx "$key" "$old" "$((old + raise))"

# LibreOffice keeps an XLSX's cached values on load unless told to recalculate: a throwaway
# profile that always recalculates (Tools > Options > Calc > Formula: "Recalculation on file
# load", Excel 2007 and newer: always).
cat >profile/user/registrymodifications.xcu <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to xlsx --outdir out \
  changed.xlsx >soffice.log 2>&1 || { cat soffice.log; exit 1; }
[[ -f out/changed.xlsx ]] || { echo "soffice wrote no workbook"; cat soffice.log; exit 1; }

python3 "$src/tests/xlsx_recalc/check.py" compare out/changed.xlsx expected.xlsx budget.json base.json
