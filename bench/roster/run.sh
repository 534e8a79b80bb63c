#!/usr/bin/env bash
# Benchmark of pm roster (not a test): one year for 40 round-the-clock seats and the staff
# they need. usage: bench/roster/run.sh [PM]   (default: build-release/pm, built if missing)
# PM_BENCH_WEEKS=N rosters N weeks instead of 52 (bench/run.sh --smoke uses 2).
#
# Three cases, each timed with /usr/bin/time -v (wall time and peak memory):
#   patterns  40 staffed 24 h gates, 5 guards each: 五班三运转 on every gate
#   solver    the same, with --pattern none: the general solver for all 40 gates
#   one-post  one post of 40 seats and the 181 guards cn-standard staffs for it (4.51 per
#             seat, which no pattern fits): the solver, 40 people per shift
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pm=${1:-}
if [[ -z $pm ]]; then
  cmake -S "$root" -B "$root/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
  cmake --build "$root/build-release" -j2 --target pm > /dev/null
  pm=$root/build-release/pm
fi
weeks=${PM_BENCH_WEEKS:-52}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  cat <<'YAML'
format: 1
id: bench-40-gates
name: {zh: 基准测试：40 个门岗, en: "Benchmark: 40 gates"}
locale: en
type: residential
areas: {total: 40000}
entrances:
YAML
  for i in $(seq 1 40); do echo "  - {name: Gate $i, hours: 24h}"; done
} > "$work/gates.yaml"

cat > "$work/one-post.toml" <<'TOML'
[meta]
name = "bench-one-post"
title_zh = "基准：一个 40 席位的 24 小时岗位"
title_en = "Benchmark: one round-the-clock post of 40 seats"
source = "bench/roster/run.sh"
labor = "cn"
cover_method = "labour"

[[rule]]
role = "gate_guard"
kind = "cover"
post = "gate"
seats = 40
hours = "24h"
source = "bench/roster/run.sh"
TOML
cat > "$work/one-post.yaml" <<'YAML'
format: 1
id: bench-one-post
name: {zh: 基准测试：一个 40 席位岗位, en: "Benchmark: one post of 40 seats"}
locale: en
type: residential
areas: {total: 40000}
YAML

run() { # NAME CHECK-ARGS -- ROSTER-ARGS
  local name=$1
  shift
  local check=()
  while [[ $1 != -- ]]; do check+=("$1"); shift; done
  shift
  /usr/bin/time -v "$pm" roster "$@" --start 2026-01-05 --weeks "$weeks" -f csv -o "$work/$name.csv" 2> "$work/$name.time"
  local wall mem rows
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
  mem=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  rows=$(($(wc -l < "$work/$name.csv") - 1))
  printf '%-9s %8s shifts  wall %s  peak %d MB\n' "$name" "$rows" "$wall" $((mem / 1024))
  "$pm" roster check "$work/$name.csv" "${check[@]}" 2> /dev/null || { echo "$name: the roster fails pm roster check" >&2; exit 1; }
}

echo "pm roster, $weeks weeks from 2026-01-05, $(nproc) cores"
run patterns "$work/gates.yaml" -- "$work/gates.yaml"
run solver "$work/gates.yaml" -- "$work/gates.yaml" --pattern none
run one-post "$work/one-post.yaml" --norms "$work/one-post.toml" -- "$work/one-post.yaml" --norms "$work/one-post.toml"
