#!/usr/bin/env bash
# pm staff -o FILE: writes the file (stdout stays empty), and refuses to write over an input:
# the estate, or a norm-set or labour-profile file given by path. Exit 2 and no change then.
# usage: output.sh PM SOURCE_DIR WORK_DIR
set -euo pipefail
pm=$(realpath "$1")
src=$(realpath "$2")
work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"
cp "$src/examples/residential-145k.yaml" estate.yaml
cp "$src/lib/data/norms/cn-practice.toml" norms.toml
cp "$src/lib/data/labor/cn.toml" labor.toml
fail=0

"$pm" staff estate.yaml --format json -o out.json >stdout 2>stderr || { echo "FAIL: -o out.json exited $?"; fail=1; }
if [[ -s stdout || -s stderr ]]; then echo "FAIL: -o printed something"; cat stdout stderr; fail=1; fi
"$pm" staff estate.yaml --format json >direct.json
cmp -s out.json direct.json || { echo "FAIL: -o wrote something else than stdout"; fail=1; }

for target in estate.yaml norms.toml labor.toml ./norms.toml; do
  before=$(sha256sum estate.yaml norms.toml labor.toml)
  status=0
  "$pm" --lang en staff estate.yaml --norms norms.toml --labor labor.toml -o "$target" 2>stderr || status=$?
  after=$(sha256sum estate.yaml norms.toml labor.toml)
  if ((status != 2)); then echo "FAIL: -o $target exited $status, expected 2"; fail=1; fi
  grep -q "refusing to write over the input file" stderr || { echo "FAIL: -o $target: no refusal:"; cat stderr; fail=1; }
  [[ "$before" == "$after" ]] || { echo "FAIL: -o $target changed an input"; fail=1; }
done
((fail == 0)) && echo "ok"
exit $fail
