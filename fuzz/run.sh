#!/usr/bin/env bash
# Runs one libFuzzer target for a while, seeded from the files of that kind the repository
# already has (examples, built-in data, test reproducers): they are gathered at run time into
# BUILD/fuzz-seeds/TARGET, so no input is kept twice. New inputs found go to
# BUILD/fuzz-corpus/TARGET (kept between runs); a crash, leak, sanitizer report or an input
# slower than --timeout seconds leaves BUILD/fuzz-findings/TARGET/<kind>-<hash> and exits non-zero.
#
# usage: fuzz/run.sh BUILD TARGET SECONDS [libFuzzer options...]
#   BUILD    a build directory configured with -DCMAKE_CXX_COMPILER=clang++ -DPM_FUZZ=ON
#   TARGET   estate, norms, labor, rates, targets or roster_csv ("all": each in turn)
#   SECONDS  how long to fuzz (-max_total_time)
# Prints one line per run: target, seconds, executions, result.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
if (($# < 3)); then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
build=$(cd "$1" && pwd)
target=$2
seconds=$3
shift 3

if [[ $target == all ]]; then
  rc=0
  for t in estate norms labor rates targets roster_csv; do "$0" "$build" "$t" "$seconds" "$@" || rc=1; done
  exit $rc
fi

# Seed files of each kind: the patterns are relative to the source tree.
seeds_of() {
  cd "$src"
  case $1 in
  estate) find examples lib/data/templates tests -name '*.yaml' -o -name '*.yml' ;;
  norms) find lib/data/norms tests -name '*.toml' ;;
  labor) find lib/data/labor tests -name '*.toml' ;;
  rates) find lib/data/rates tests/budget -name '*.toml' ;;
  targets) find examples tests -name '*targets*.yaml' ;;
  roster_csv) ;; # generated below
  *) echo "fuzz/run.sh: unknown target '$1'" >&2; exit 2 ;;
  esac
}

bin="$build/fuzz/fuzz_$target"
[[ -x $bin ]] || { echo "fuzz/run.sh: $bin is not built (cmake --build $build --target fuzzers)" >&2; exit 2; }
seed_dir="$build/fuzz-seeds/$target"
corpus="$build/fuzz-corpus/$target"
findings="$build/fuzz-findings/$target"
rm -rf "$seed_dir"
mkdir -p "$seed_dir" "$corpus" "$findings"
n=0
while IFS= read -r f; do
  n=$((n + 1))
  cp "$src/$f" "$seed_dir/$n-$(basename "$f")"
done < <(seeds_of "$target" | sort)
# The generated reproducers (huge, binary, deep) are made at run time too.
if [[ $target == estate ]]; then
  for g in "$src"/tests/errors/*.gen; do
    name=$(basename "$g" .gen)
    # Inputs over the 4 MiB limit are stopped before parsing; libFuzzer caps input length anyway.
    [[ $name == too-large ]] && continue
    (cd "$src/tests/errors" && bash "$g") > "$seed_dir/gen-$name.yaml"
  done
fi

# Roster CSVs as pm roster writes them for the fuzz target's estate (pm init's residential
# template), over one and four weeks, by pattern and by the solver alone.
if [[ $target == roster_csv ]]; then
  pm=$build/pm
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$pm" init --type residential "$tmp/e.yaml" > /dev/null 2>&1
  for args in "--weeks 1" "--weeks 4" "--weeks 2 --pattern none" "--weeks 1 --seed 7"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the options are meant to split
    "$pm" roster "$tmp/e.yaml" --start 2026-03-02 $args -f csv > "$seed_dir/$n-roster.csv" || true
  done
fi

log="$build/fuzz-$target.log"
# -timeout: an input that takes longer is a finding (pm must answer any file in well under 2 s
# without sanitizers; with them it runs several times slower). -rss_limit_mb: likewise memory.
# -max_len: large enough for every seed, small enough to keep mutations quick.
# -entropic=0: libFuzzer 14's entropic scheduler spent 55% of the time in
# UpdateFeatureFrequency on the estate target (7 executions a second instead of 420).
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -entropic=0 \
  -print_final_stats=1 -artifact_prefix="$findings/" "$@" "$corpus" "$seed_dir" > "$log" 2>&1
rc=$?
set -e
execs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1)
if ((rc == 0)); then
  result="no finding"
else
  result="FINDING (exit $rc): $(ls -t "$findings" | head -n 1); see $log"
  grep -a -m 3 -E 'ERROR|runtime error|SUMMARY' "$log" >&2 || tail -n 20 "$log" >&2
fi
printf '%-10s %5ss %10s execs  %s  (%d seeds)\n' "$target" "$seconds" "${execs:-?}" "$result" "$n"
exit $rc
