#!/usr/bin/env bash
# Golden test: runs `pm ARGS...` from the source tree and compares its stdout, stderr and exit
# status with NAME.stdout, NAME.stderr (empty when absent) and RC.
# Usage: golden.sh PM SOURCE NAME RC ARGS...
# PM_UPDATE_GOLDEN=1 rewrites the golden files instead; review them before committing.
set -uo pipefail
pm=$1 src=$2 name=$3 want_rc=$4
shift 4
dir=$src/tests/budget/golden
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
cd "$src" || exit 1
# Messages follow the environment's language when --lang is not given: pin it.
env -u PM_LANG -u LC_ALL -u LC_MESSAGES LANG=C "$pm" "$@" >"$out" 2>"$err"
rc=$?
if [[ "${PM_UPDATE_GOLDEN:-}" == 1 ]]; then
  mkdir -p "$dir"
  cp "$out" "$dir/$name.stdout"
  if [[ -s "$err" ]]; then cp "$err" "$dir/$name.stderr"; else rm -f "$dir/$name.stderr"; fi
fi
status=0
if [[ "$rc" != "$want_rc" ]]; then
  echo "exit status $rc, expected $want_rc"
  status=1
fi
diff -u "$dir/$name.stdout" "$out" || status=1
if [[ -f "$dir/$name.stderr" ]]; then diff -u "$dir/$name.stderr" "$err" || status=1
elif [[ -s "$err" ]]; then echo "unexpected stderr:"; cat "$err"; status=1
fi
exit $status
