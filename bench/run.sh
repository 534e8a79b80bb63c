#!/usr/bin/env bash
# pm's benchmarks: validate on 10,000 generated estates against ajv-cli, the latency of one
# file, portfolio on 10,000 estates, and the roster benchmark; prints one Markdown table.
# usage: bench/run.sh [BUILD_DIR] [OPTIONS]   (OPTIONS: see bench/run.py --help; --smoke is the
# few-second check that ctest runs). Without BUILD_DIR, builds build-release/ (Release) first.
# Not a test: it takes a few minutes. Run it on a quiet machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ $# -gt 0 && $1 != -* ]]; then
  build=$1
  shift
else
  build=$root/build-release
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
  cmake --build "$build" -j2 --target pm > /dev/null
fi
if ! command -v python3 > /dev/null; then
  echo "bench/run.sh needs python3 (bash .ci/deps --test installs it)" >&2
  [[ " $* " == *" --smoke "* && ${CI:-} != true ]] && exit 77
  exit 2
fi
exec python3 -B "$root/bench/run.py" "$build/pm" "$@"
