#!/usr/bin/env bash
# Installs the .deb on a clean Debian 12 and runs it there: mmdebstrap builds a minimal
# bookworm (--variant=minbase: Essential packages and apt, like the debian:12 image) from
# the Debian mirror, `apt-get install ./pm_VERSION_ARCH.deb` resolves Depends from that
# mirror, then pm --version, pm validate and pm staff run on shipped examples, and the man
# page and completions are where man, bash and zsh look. It needs the network, a minute or
# two, and root (or unprivileged user namespaces), so it is a manual step (also
# `PM_DEB_CLEAN=1 ctest -R install/deb-clean`); the README records a run.
# usage: tests/install/deb-clean.sh [PM_DEB]   (default: the newest build/pm_*.deb)
#   MIRROR=http://deb.debian.org/debian (default)   KEEP=1 keeps the chroot, and says where
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
deb=${1:-$(ls -t build/pm_*.deb 2>/dev/null | head -1 || true)}
[[ -n $deb && -f $deb ]] || { echo "usage: $0 PM_DEB (build it with: cd build && cpack -G DEB)" >&2; exit 2; }
deb=$(realpath "$deb")
mirror=${MIRROR:-http://deb.debian.org/debian}
command -v mmdebstrap >/dev/null || { echo "needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 2; }
mode=root
[[ $(id -u) == 0 ]] || mode=unshare

dir=$(mktemp -d /tmp/pm-deb-clean.XXXXXX)
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$dir"' EXIT
log=$dir/transcript.txt
# mmdebstrap wants an empty target directory.
root=$dir/root

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(basename "$deb") ($(stat -c %s "$deb") bytes) on a clean Debian 12 from $mirror" | tee "$log"
start=$(date +%s)
# Each hook runs with the chroot as $1, and /proc, /dev and resolv.conf in place.
set +e
mmdebstrap --mode=$mode --variant=minbase --quiet \
  --customize-hook="copy-in '$deb' '$src/examples/residential-145k.yaml' '$src/examples/villa-riverside.yaml' /tmp" \
  --customize-hook='chroot "$1" dpkg-query -W -f "\${Package}\n" | sort > "$1/tmp/before"' \
  --customize-hook='chroot "$1" sh -c "cd /tmp && apt-get install -y --no-install-recommends ./pm_*.deb"' \
  --customize-hook='chroot "$1" dpkg-query -W -f "\${Package}\n" | sort > "$1/tmp/after"
                    echo "# pulled in besides pm: $(comm -13 "$1/tmp/before" "$1/tmp/after" | grep -vx pm | tr "\n" " ")"' \
  --customize-hook='set -x; chroot "$1" sh -c "cd /tmp && pm --version && pm validate -v residential-145k.yaml villa-riverside.yaml && pm staff villa-riverside.yaml && pm --lang zh roster residential-145k.yaml --start 2026-01-05 --weeks 1 -f csv | head -3"' \
  --customize-hook='set -x; chroot "$1" sh -c "test -f /usr/share/man/man1/pm.1.gz && test -f /usr/share/bash-completion/completions/pm && test -f /usr/share/zsh/vendor-completions/_pm && ls /usr/share/pm/schemas | wc -l && dpkg -s pm | grep -E \"^(Version|Depends|Installed-Size):\""' \
  bookworm "$root" \
  "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
  "deb ${mirror%/debian}/debian-security bookworm-security main" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
set -e
echo "# exit status $status after $(($(date +%s) - start)) s" | tee -a "$log"
[[ -z ${KEEP:-} ]] || echo "kept: $root (transcript: $log)"
exit "$status"
