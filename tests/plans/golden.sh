#!/usr/bin/env bash
# Runs pm on a reproducer and compares stderr and the exit code with NAME.expected.
# PM_UPDATE_GOLDEN=1 rewrites the expected file (review it by eye before committing).
set -u
pm=$1; dir=$2; name=$3; shift 3
cd "$dir" || exit 2
actual=$(LANG=C.UTF-8 PM_LANG= "$pm" "$@" 2>&1 >/dev/null; echo "exit $?")
if [[ "${PM_UPDATE_GOLDEN:-}" == 1 ]]; then printf '%s\n' "$actual" > "errors/$name.expected"; exit 0; fi
diff -u "errors/$name.expected" <(printf '%s\n' "$actual")
