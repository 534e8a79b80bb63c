#!/usr/bin/env bash
# Fails when a C++ source differs from what clang-format 14 (Debian 12's) makes of it under
# .clang-format; prints the offending places. Fix with: clang-format-14 -i FILE...
set -euo pipefail
cd "$1"
cf=$(command -v clang-format-14 || true)
if [[ -z $cf ]]; then
  echo "SKIP: clang-format-14 is not installed"
  exit 77
fi
mapfile -t files < <(find cli lib fuzz tests -name '*.cpp' -o -name '*.hpp' | sort)
"$cf" --dry-run -Werror "${files[@]}"
echo "${#files[@]} files formatted as .clang-format says"
