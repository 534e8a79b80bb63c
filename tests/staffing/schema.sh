#!/usr/bin/env bash
# Validates `pm staff --format json` for every example, norm set and language against
# schemas/staffing.schema.json with ajv (an independent validator), and checks that the schema
# rejects output that is not what pm prints (an extra key, a wrong type).
# usage: schema.sh PM SOURCE_DIR WORK_DIR
set -euo pipefail
pm=$(realpath "$1")
src=$(realpath "$2")
work=$3
ajv="$src/.cache/npm/node_modules/.bin/ajv"
if [[ ! -x "$ajv" ]]; then
  echo "FAIL: $ajv is missing; run: bash .ci/deps --test" >&2
  exit 1
fi
schema="$src/schemas/staffing.schema.json"
rm -rf "$work"
mkdir -p "$work"
fail=0
n=0
for estate in "$src"/examples/*.yaml; do
  for norms in cn-standard cn-practice; do
    for lang in zh en; do
      out="$work/$(basename "$estate" .yaml)-$norms-$lang.json"
      "$pm" --lang "$lang" staff "$estate" --norms "$norms" --format json >"$out"
      n=$((n + 1))
    done
  done
done
# And the edge cases of the golden tests (nobody on a post, no managed area...).
for f in "$src"/tests/staffing/cases/*json*.stdout; do
  [[ $(head -c 1 "$f") == "{" ]] || continue
  cp "$f" "$work/golden-$(basename "$f" .stdout).json"
  n=$((n + 1))
done
# Every output at once: ajv reports each file.
args=()
for f in "$work"/*.json; do args+=(-d "$f"); done
"$ajv" validate --spec=draft7 -c ajv-formats --all-errors -s "$schema" "${args[@]}" || fail=1

# The schema must be able to fail.
mkdir -p "$work/invalid"
python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
base = json.load(open(os.path.join(work, "residential-145k-cn-practice-en.json")))
bad = {
  "extra-key": lambda j: j.update(extra=1),
  "role-extra-key": lambda j: j["departments"][0]["roles"][0].update(note="x"),
  "total-string": lambda j: j.update(total="39"),
  "bad-warning-code": lambda j: j["warnings"][0].update(code="oops"),
  "bad-shift-time": lambda j: j["posts"][0]["shifts"][0].update(start="8:00"),
  "missing-lines": lambda j: j["departments"][0]["roles"][0].pop("lines"),
}
for name, mutate in bad.items():
    j = json.loads(json.dumps(base))
    mutate(j)
    json.dump(j, open(os.path.join(work, "invalid", name + ".json"), "w"))
PY
# One ajv run for all of them (node starts slowly); it says "FILE invalid" for each rejected one.
args=()
for f in "$work"/invalid/*.json; do args+=(-d "$f"); done
verdicts=$("$ajv" validate --spec=draft7 -c ajv-formats -s "$schema" "${args[@]}" 2>&1 || true)
for f in "$work"/invalid/*.json; do
  if ! grep -qxF "$f invalid" <<<"$verdicts"; then
    echo "FAIL: the schema accepts $(basename "$f")"
    fail=1
  fi
done
((fail == 0)) && echo "ok: $n outputs valid; invalid ones rejected"
exit $fail
