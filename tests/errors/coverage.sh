#!/usr/bin/env bash
# Checks the reproducer corpus itself: every diagnostic code pm validate can emit has a
# reproducer whose golden output shows it, and is described in man/pm-validate.1; every
# case has its golden file and every golden file its case; every committed reproducer
# says in a comment on its first line what it demonstrates.
# usage: coverage.sh SOURCE_DIR
set -euo pipefail
src=$1
dir="$src/tests/errors"
fail=0
problem() { echo "coverage: $*"; fail=1; }

# Codes, as string literals where pm validate's diagnostics are made (the reader, the schema
# validator, the semantic checks, the validation of paths, the checks of a directory of estates): kebab-case ones anywhere in these files, one-word ones where they are passed as a code. "schema" is the fallback for a
# valijson complaint that has no message of its own: reaching it is a bug, not a case.
files=("$src/lib/pm/yaml/document.cpp" "$src/lib/pm/schema/validator.cpp" "$src"/lib/pm/estate/check*.cpp
       "$src/lib/pm/app/validate.cpp" "$src/lib/pm/app/directory.cpp")
codes=$( {
  grep -ohE '"[a-z]+(-[a-z0-9]+)+"' "${files[@]}"
  grep -ohE '(code = |Severity::[a-z]+, |fail\([^"]*|(true|false), )"[a-z]+"' "${files[@]}" | grep -oE '"[a-z]+"'
} | tr -d '"' | grep -vx schema | sort -u)
(($(wc -l <<<"$codes") >= 30)) || problem "found only $(wc -l <<<"$codes") codes in the sources; is the pattern stale?"

for code in $codes; do
  grep -qF "[$code]" "$dir"/*.expected || problem "no reproducer shows [$code] (add tests/errors/$code.yaml and its .expected)"
  grep -qxF ".B $code" "$src/man/pm-validate.1" || problem "man/pm-validate.1 does not describe the code $code"
done
# Codes in golden files that the sources don't make: a stale golden file, or a pattern gap.
for code in $(grep -ohE '\[[a-z0-9-]+\]$' "$dir"/*.expected | tr -d '[]' | sort -u); do
  grep -qxF "$code" <<<"$codes" || problem "golden files show [$code], which is not a code in the sources"
done

shopt -s nullglob
for input in "$dir"/*.yaml "$dir"/*.gen "$dir"/*.cmd; do
  name=$(basename "${input%.*}")
  [[ -f "$dir/$name.expected" ]] || problem "$(basename "$input") has no $name.expected"
done
for golden in "$dir"/*.expected; do
  name=$(basename "${golden%.expected}")
  [[ -f "$dir/$name.yaml" || -f "$dir/$name.gen" || -f "$dir/$name.cmd" ]] || problem "$name.expected has no case"
  [[ "$(tail -n 1 "$golden")" =~ ^exit\ [0-9]+$ ]] || problem "$name.expected does not end with 'exit N'"
done
for input in "$dir"/*.yaml "$dir"/*.gen "$dir"/*.cmd; do
  [[ -s "$input" ]] || continue # the empty file can't say anything
  first=$(head -n 1 "$input" | sed 's/^\xef\xbb\xbf//')
  [[ "$first" == *"#"* ]] || problem "$(basename "$input") does not say on its first line what it demonstrates"
done

((fail == 0)) && echo "coverage: $(wc -l <<<"$codes") codes, all with a reproducer and a description"
exit $fail
