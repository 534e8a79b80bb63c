#!/usr/bin/env bash
# Golden test of `pm staff` / `pm norms`: runs commands and compares what they print with
# committed golden files, printing a unified diff when they differ.
#
# usage: golden.sh PM CASE_DIR NAME WORK_DIR
#
# A case NAME in CASE_DIR is one of:
#   NAME.cmd + NAME.expected [+ NAME.stdout]
#       NAME.cmd is one line of shell run from CASE_DIR ('pm' stands for the binary; lines
#       starting with '#' are comments). NAME.expected is the exact stderr followed by a line
#       "exit N"; NAME.stdout the exact stdout (without it, stdout must be empty).
#   NAME.toml + NAME.expected (an error reproducer)
#       A norm-set file, or a labour profile when NAME starts with "labor-". It is checked
#       twice, and both must print NAME.expected exactly:
#         pm norms check NAME.toml
#         pm staff ESTATE --norms NAME.toml    (or --labor NAME.toml for a labour profile)
#       ESTATE is examples/residential-145k.yaml; stdout must stay empty.
#
# The environment is fixed (LANG=C.UTF-8; no PM_LANG, LC_ALL, LC_MESSAGES) unless a command
# sets a variable itself. To regenerate golden files after a deliberate change, run the tests
# with PM_UPDATE_GOLDEN=1 (`PM_UPDATE_GOLDEN=1 ctest --test-dir build -R staffing_`), then
# read every changed file in `git diff`: the output must be right, not merely what pm prints.
set -euo pipefail

if (($# != 4)); then
  echo "usage: $0 PM CASE_DIR NAME WORK_DIR" >&2
  exit 2
fi
PM_BIN=$(realpath "$1")
case_dir=$(realpath "$2")
name=$3
work=$4
here=$(dirname "$(realpath "$0")")
estate=$(realpath --relative-to="$case_dir" "$here/../../examples/residential-145k.yaml")

rm -rf "$work"
mkdir -p "$work/bin"
work=$(realpath "$work")
ln -s "$PM_BIN" "$work/bin/pm"

commands=()
if [[ -f "$case_dir/$name.cmd" ]]; then
  commands+=("$(grep -v '^[[:space:]]*#' "$case_dir/$name.cmd" | grep -v '^[[:space:]]*$' | head -n 1)")
elif [[ -f "$case_dir/$name.toml" ]]; then
  option=--norms
  [[ "$name" == labor-* ]] && option=--labor
  commands+=("pm norms check $name.toml" "pm staff $estate $option $name.toml")
else
  echo "golden.sh: case $name has neither $name.cmd nor $name.toml" >&2
  exit 2
fi

expected="$case_dir/$name.expected"
golden_stdout="$case_dir/$name.stdout"
if [[ ! -f "$expected" && "${PM_UPDATE_GOLDEN:-}" != 1 ]]; then
  echo "golden.sh: no $expected" >&2
  exit 2
fi

fail=0
for cmd in "${commands[@]}"; do
  status=0
  (
    cd "$case_dir"
    unset PM_LANG LC_ALL LC_MESSAGES LANGUAGE
    export LANG=C.UTF-8
    export PATH="$work/bin:$PATH"
    eval "$cmd"
  ) >"$work/stdout" 2>"$work/stderr" || status=$?
  {
    cat "$work/stderr"
    echo "exit $status"
  } >"$work/actual"

  if [[ "${PM_UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$work/actual" "$expected"
    if [[ -s "$work/stdout" || -f "$golden_stdout" ]]; then cp "$work/stdout" "$golden_stdout"; fi
    echo "updated $expected"
    continue
  fi

  echo "\$ (cd ${case_dir#"$PWD"/} && $cmd)"
  if ! diff -u --label "$name.expected" --label "actual stderr + exit status" "$expected" "$work/actual"; then
    fail=1
  fi
  if [[ -f "$golden_stdout" ]]; then
    if ! diff -u --label "$name.stdout" --label "actual stdout" "$golden_stdout" "$work/stdout"; then fail=1; fi
  elif [[ -s "$work/stdout" ]]; then
    echo "unexpected output on stdout (no $name.stdout):"
    cat "$work/stdout"
    fail=1
  fi
done
if ((fail)); then
  echo "FAIL: $name (to accept the new output: PM_UPDATE_GOLDEN=1, then review git diff)"
  exit 1
fi
echo "ok: $name"
