#!/usr/bin/env bash
# Golden test of one pm command: runs it, then compares its stderr and exit status (and its
# stdout) with committed golden files, printing a unified diff when they differ.
#
# usage: golden.sh PM CASE_DIR NAME WORK_DIR
#
# A case NAME in CASE_DIR is made of:
#   NAME.expected  golden: the exact stderr, then a last line "exit N"            (required)
#   NAME.stdout    golden: the exact stdout; without this file stdout must be empty
#   NAME.cmd       the command: one line of shell, run from CASE_DIR, in which 'pm' stands for
#                  the binary; lines starting with '#' are comments; $GOLDEN_WORK is a scratch
#                  directory it may write to. Default: pm validate NAME.yaml
#   NAME.yaml      the input; or
#   NAME.gen       a bash script whose stdout is the input (inputs that are binary, huge or
#                  deep): it is written to WORK_DIR/NAME.yaml, and the command runs in WORK_DIR.
#
# Messages carry file names as given on the command line, so commands use relative paths.
# The environment is fixed (LANG=C.UTF-8, no PM_LANG, LC_ALL or LC_MESSAGES) unless the
# command sets a variable itself, e.g. "PM_LANG=zh pm validate x.yaml".
#
# To regenerate the golden files after a deliberate change of messages, run the tests with
# PM_UPDATE_GOLDEN=1 (e.g. `PM_UPDATE_GOLDEN=1 ctest --test-dir build -R golden`), then read
# every changed file in `git diff`: the messages must be right, not merely what pm prints.
set -euo pipefail

if (($# != 4)); then
  echo "usage: $0 PM CASE_DIR NAME WORK_DIR" >&2
  exit 2
fi
PM_BIN=$(realpath "$1")
case_dir=$(realpath "$2")
name=$3
work=$4

expected="$case_dir/$name.expected"
golden_stdout="$case_dir/$name.stdout"
if [[ ! -f "$expected" && "${PM_UPDATE_GOLDEN:-}" != 1 ]]; then
  echo "golden.sh: no $expected" >&2
  exit 2
fi

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
run_dir="$case_dir"
if [[ -f "$case_dir/$name.gen" ]]; then
  (cd "$case_dir" && bash "$name.gen") >"$work/$name.yaml"
  run_dir="$work"
fi

if [[ -f "$case_dir/$name.cmd" ]]; then
  cmd=$(grep -v '^[[:space:]]*#' "$case_dir/$name.cmd" | grep -v '^[[:space:]]*$' | head -n 1)
elif [[ -f "$case_dir/$name.yaml" || -f "$case_dir/$name.gen" ]]; then
  cmd="pm validate $name.yaml"
else
  echo "golden.sh: case $name has neither $name.cmd, $name.yaml nor $name.gen" >&2
  exit 2
fi

# 'pm' in the command is the binary under test.
mkdir -p "$work/bin"
ln -s "$PM_BIN" "$work/bin/pm"

status=0
(
  cd "$run_dir"
  unset PM_LANG LC_ALL LC_MESSAGES LANGUAGE
  export LANG=C.UTF-8
  export PATH="$work/bin:$PATH"
  export GOLDEN_WORK="$work" # a scratch directory the command may use
  eval "$cmd"
) >"$work/stdout" 2>"$work/stderr" || status=$?
{
  cat "$work/stderr"
  echo "exit $status"
} >"$work/actual"

if [[ "${PM_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp "$work/actual" "$expected"
  if [[ -s "$work/stdout" || -f "$golden_stdout" ]]; then cp "$work/stdout" "$golden_stdout"; fi
  echo "updated $expected$([[ -f "$golden_stdout" ]] && echo " and $golden_stdout")"
  exit 0
fi

fail=0
echo "\$ (cd ${run_dir#"$PWD"/} && $cmd)"
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
if ((fail)); then
  echo "FAIL: $name (to accept the new output: PM_UPDATE_GOLDEN=1, then review git diff)"
  exit 1
fi
echo "ok: $name"
