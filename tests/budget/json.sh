#!/usr/bin/env bash
# Runs `pm budget ARGS... --format json`, validates the output with ajv against
# schemas/budget.schema.json, and checks its arithmetic independently (check_json.py).
# Usage: json.sh PM SOURCE WORKFILE EXPECTED_LUMP_SUM|- ARGS...
set -euo pipefail
pm=$1 src=$2 work=$3 expect=$4
shift 4
cd "$src"
mkdir -p "$(dirname "$work")"
env -u PM_LANG -u LC_ALL LANG=C "$pm" budget "$@" --format json >"$work"
ajv=$src/.cache/npm/node_modules/.bin/ajv
if [[ ! -x "$ajv" ]]; then
  echo "ajv is not installed under .cache/npm: run 'bash .ci/deps --test'" >&2
  exit 1
fi
"$ajv" validate --spec=draft7 -c ajv-formats -s schemas/budget.schema.json -d "$work"
python3 tests/budget/check_json.py "$work" "$expect"
