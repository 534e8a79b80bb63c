#!/usr/bin/env bash
# Writes N varied estates into DIR for the directory benchmark: the examples in turn, each
# copy with its own id (the example's id and a number), so that no two collide.
# usage: bench/dirs/gen.sh DIR N
set -euo pipefail
dir=$1 n=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
examples=("$root"/examples/*.yaml)
for ((i = 0; i < n; i++)); do
  src=${examples[i % ${#examples[@]}]}
  id=$(printf 'x%05d' "$i")
  sed "s/^id: .*/id: $id/" "$src" > "$dir/$id.yaml"
done
