#!/usr/bin/env bash
# ctest install/deb-clean: builds the .deb into a temporary directory and runs deb-clean.sh on
# it (a clean Debian 12 from the mirror, apt-get install ./pm_*.deb, pm runs there). It needs
# the network and 40-100 s, more than CI should spend, so it runs only with PM_DEB_CLEAN=1.
# usage: deb-clean-test.sh CPACK BUILD_DIR SOURCE_DIR
set -euo pipefail
cpack=$1 build=$2 src=$3
if [[ ${PM_DEB_CLEAN:-} != 1 ]]; then
  echo "skipped: needs a Debian mirror and a minute or two; run it with PM_DEB_CLEAN=1"
  exit 77
fi
command -v mmdebstrap >/dev/null 2>&1 || { echo "FAIL: PM_DEB_CLEAN=1 needs mmdebstrap (apt-get install mmdebstrap)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$build" && "$cpack" -G DEB -B "$tmp") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB failed"; exit 1; }
bash "$src/tests/install/deb-clean.sh" "$tmp"/pm_*.deb
