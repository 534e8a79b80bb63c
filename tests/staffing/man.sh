#!/usr/bin/env bash
# The man pages of pm staff and pm norms: no mandoc lint warnings, and every option that
# `pm staff --help` shows is documented in pm-staff(1) in the same spelling. (That pm-norms(5)
# names every quantity is a unit test: test_staff_quantity.cpp.)
# usage: man.sh PM SOURCE_DIR
set -euo pipefail
pm=$(realpath "$1")
src=$(realpath "$2")
pages=("$src/man/pm-staff.1" "$src/man/pm-norms.1" "$src/man/pm-norms.5")
fail=0
for p in "${pages[@]}"; do
  [[ -f "$p" ]] || { echo "FAIL: missing $p"; fail=1; continue; }
  out=$(mandoc -T lint -W warning "$p" 2>&1) || true
  if [[ -n "$out" ]]; then
    echo "FAIL: mandoc -T lint -W warning $p:"
    echo "$out"
    fail=1
  fi
done
# Options as the help prints them ("-n,--norms"), as the page renders them ("-n, --norms").
text=$(MANWIDTH=200 mandoc -T ascii "$src/man/pm-staff.1" | sed 's/.\x08//g')
while read -r opt; do
  short=${opt%%,*}
  long=${opt#*,}
  if [[ "$opt" == *,* ]]; then
    grep -q -- "$short, $long" <<<"$text" || { echo "FAIL: pm-staff(1) lacks '$short, $long'"; fail=1; }
  else
    grep -q -- "$opt" <<<"$text" || { echo "FAIL: pm-staff(1) lacks '$opt'"; fail=1; }
  fi
done < <("$pm" staff --help | grep -oE '^  (-[a-zA-Z],)?--[a-z-]+')
((fail == 0)) && echo "ok"
exit $fail
