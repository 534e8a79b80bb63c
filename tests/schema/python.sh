#!/usr/bin/env bash
# Runs a test script with python3, or skips the test (exit 77) when there is no python3,
# except with CI=true, where a missing tool fails the test.
if ! command -v python3 >/dev/null 2>&1; then
  if [[ "${CI:-}" == true ]]; then
    echo "FAIL: python3 is not installed (CI=true: the test may not be skipped; run .ci/deps --test)"
    exit 1
  fi
  echo "skipped: python3 is not installed (install it with: bash .ci/deps --test)"
  exit 77
fi
exec python3 -B "$@" # -B: no __pycache__ in the source tree
