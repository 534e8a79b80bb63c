#!/usr/bin/env bash
# The directory benchmark (issue 18): time and peak memory of pm staff, budget and portfolio
# on directories of 1,000, 5,000 and 10,000 estates (bench/dirs/gen.py), JSON to -o FILE and
# the table to stdout; prints a Markdown table for bench/RESULTS.md.
# usage: bench/dirs/run.sh PM [N...]   (default N: 1000 5000 10000). Not a test: it takes
# many minutes. Run it on a quiet machine.
set -euo pipefail
pm=$(realpath "$1")
shift
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 5000 10000)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| estates | command | elapsed | CPU (user+sys) | peak RSS | output |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  python3 "$here/gen.py" "$work/e$n" "$n"
  for cmd in "staff -f json -o $work/out.json" "staff -f md" "budget -f json -o $work/out.json" \
    "portfolio -f json -o $work/out.json"; do
    set -- $cmd
    what=$1
    shift
    if /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$pm" --lang en "$what" "$work/e$n" "$@" > "$work/stdout" 2> "$work/stderr"; then
      rc=0
    else
      rc=$?
    fi
    read -r secs user sys kb < "$work/time"
    bytes=$( [[ " $* " == *" -o "* ]] && stat -c %s "$work/out.json" || stat -c %s "$work/stdout")
    printf '| %s | pm %s%s | %s s | %s s | %s MB | %s MB%s |\n' "$n" "$what" "$( (($#)) && printf ' %s' "${@/#$work\//}")" "$secs" \
      "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
      "$((kb / 1024))" "$((bytes / 1048576))" "$( ((rc)) && echo " (exit $rc)")"
    rm -f "$work/out.json"
  done
  rm -rf "$work/e$n"
done
