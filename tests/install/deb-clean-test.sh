#!/usr/bin/env bash
# ctest install/deb-clean: builds the .deb into a temporary directory and runs deb-clean.sh on
# it (a clean Debian 12 from the mirror, apt-get install ./pm_*.deb, pm runs there). It needs
# the network and 40-90 s, so it runs in CI (CI=true) or when PM_DEB_CLEAN=1, else skips.
# usage: deb-clean-test.sh CPACK BUILD_DIR SOURCE_DIR
set -euo pipefail
cpack=$1 build=$2 src=$3
if [[ ${CI:-} != true && ${PM_DEB_CLEAN:-} != 1 ]]; then
  echo "skipped: needs a Debian mirror and about a minute; runs in CI (CI=true) or with PM_DEB_CLEAN=1"
  exit 77
fi
if ! command -v mmdebstrap >/dev/null 2>&1; then
  [[ ${CI:-} == true ]] && { echo "FAIL: mmdebstrap is not installed (CI=true: run .ci/deps --test)"; exit 1; }
  echo "skipped: mmdebstrap is not installed (install it with: bash .ci/deps --test)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$build" && "$cpack" -G DEB -B "$tmp") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB failed"; exit 1; }
bash "$src/tests/install/deb-clean.sh" "$tmp"/pm_*.deb
