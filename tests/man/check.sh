#!/usr/bin/env bash
# Checks the man pages in man/ (every *.1 and *.5):
#   check.sh lint SOURCE_DIR    mandoc -T lint -W warning must print nothing
#   check.sh render SOURCE_DIR  man -l must render each (MANWIDTH=80, UTF-8 locale) with
#                               nothing on stderr
# A missing tool skips the test (exit 77), except with CI=true, where it fails it.
set -uo pipefail
mode=$1
src=$2

need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [[ "${CI:-}" == true ]]; then
    echo "FAIL: $1 is not installed (CI=true: the test may not be skipped; run .ci/deps --test)"
    exit 1
  fi
  echo "skipped: $1 is not installed (install it with: bash .ci/deps --test)"
  exit 77
}

shopt -s nullglob
pages=("$src"/man/*.1 "$src"/man/*.5)
if ((${#pages[@]} < 3)); then
  echo "FAIL: expected man/pm.1, man/pm-validate.1 and man/pm-estate.5, found: ${pages[*]:-nothing}"
  exit 1
fi

fail=0
case "$mode" in
lint)
  need mandoc
  for p in "${pages[@]}"; do
    out=$(mandoc -T lint -W warning "$p" 2>&1)
    status=$?
    if ((status != 0)) || [[ -n "$out" ]]; then
      echo "FAIL: mandoc -T lint -W warning ${p#"$src"/} (exit $status):"
      echo "$out"
      fail=1
    else
      echo "ok: ${p#"$src"/}"
    fi
  done
  ;;
render)
  need man
  for p in "${pages[@]}"; do
    name=$(basename "$p")
    for locale in C.UTF-8; do
      err=$(LC_ALL=$locale LANG=$locale MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$p" 2>&1 >/dev/null)
      status=$?
      # The page must really render: its NAME section, under the title in capitals.
      text=$(LC_ALL=$locale LANG=$locale MANWIDTH=80 man -l "$p" 2>/dev/null)
      # man(7) pages name themselves in .TH, mdoc(7) pages in .Dt.
      title=$(sed -n 's/^\.TH \([^ ]*\) .*/\1/p; s/^\.Dt \([^ ]*\) .*/\1/p' "$p")
      if ((status != 0)) || [[ -n "$err" ]] || ! grep -q '^NAME' <<<"$text" || ! grep -q "^$title(" <<<"$text"; then
        echo "FAIL: man -l man/$name in the $locale locale (exit $status):"
        echo "$err"
        fail=1
      else
        echo "ok: man/$name ($locale, $(wc -l <<<"$text") lines)"
      fi
    done
  done
  ;;
*)
  echo "usage: $0 lint|render SOURCE_DIR" >&2
  exit 2
  ;;
esac
exit $fail
