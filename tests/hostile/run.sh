#!/usr/bin/env bash
# Runs one hostile-input case of cases*.tsv: its command in a fresh scratch directory, with
# "pm" on the PATH standing for the binary limited to 2 s (timeout) and 500 MB of address
# space (prlimit --as); then checks the exit status and that the output holds the message.
#
# usage: run.sh PM SOURCE_DIR WORK_DIR NAME
# With PM_SANITIZED=1 (an ASan build, which reserves terabytes of address space and runs
# several times slower; CI builds it at -O0) the memory cap is left out and the time limit
# is 60 s, a guard against hangs only: the 2 s limit is checked on the optimised build; with
# PM_DEBUG_BUILD=1 (unoptimised) the time limit is 10 s.
set -uo pipefail
pm_bin=$(realpath "$1")
src=$(realpath "$2")
work=$3
name=$4

line=$(awk -F'\t' -v n="$name" '!/^#/ && $1 == n' "$src"/tests/hostile/cases*.tsv)
[[ -n $line ]] || { echo "run.sh: no case '$name' in tests/hostile/cases*.tsv" >&2; exit 2; }
if [[ $line == *$'\n'* ]]; then echo "run.sh: more than one case named '$name'" >&2; exit 2; fi
IFS=$'\t' read -r _ cmd want_exit want_msg <<< "$line"

rm -rf "$work"
mkdir -p "$work/bin" "$work/run"
work=$(realpath "$work")
chmod 755 "$work" "$work/bin" "$work/run" # a case may run pm as an unprivileged user

limit_s=2
cap=(prlimit --as=500000000 --)
if [[ ${PM_DEBUG_BUILD:-} == 1 ]]; then
  limit_s=10
  echo "note: unoptimised build: $limit_s s time limit"
fi
if [[ ${PM_SANITIZED:-} == 1 ]]; then
  limit_s=60
  cap=()
  echo "note: sanitizer build: no memory cap, $limit_s s time limit"
fi
# The messages checked are English: --lang en, as the example estate would speak Chinese.
cat > "$work/bin/pm" << WRAP
#!/usr/bin/env bash
exec timeout -k 1 $limit_s ${cap[*]} "$pm_bin" --lang en "\$@"
WRAP
chmod 755 "$work/bin/pm"

cd "$work/run"
export SRC=$src E=$src/tests/errors D=$src/lib/data EX=$src/examples/residential-145k.yaml
export PATH="$work/bin:$PATH" LANG=C.UTF-8 PM_LANG=en
unset LC_ALL LC_MESSAGES
start=$(date +%s%N)
out=$(bash -c "source '$src/tests/hostile/gen.sh'; $cmd" 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))

if ((rc == 77)) && [[ $out == *SKIP:* ]]; then
  echo "$out"
  exit 77
fi
fail=0
if ((rc == 124 || rc == 137)); then
  echo "FAIL: pm took longer than $limit_s s (exit $rc)"
  fail=1
elif [[ $rc != "$want_exit" ]]; then
  echo "FAIL: exit $rc, expected $want_exit"
  fail=1
fi
if [[ $out != *"$want_msg"* ]]; then
  echo "FAIL: the output lacks: $want_msg"
  fail=1
fi
if ((${#out} > 4000)); then out="${out:0:4000}... (${#out} bytes in all)"; fi
echo "command: $cmd"
echo "exit $rc in $ms ms (whole command, input generation included); output:"
echo "$out"
exit $fail
