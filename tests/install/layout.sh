#!/usr/bin/env bash
# `cmake --install` puts every file where it belongs and nothing else, and the installed pm
# runs: pm, the man pages (gzipped), the bash and zsh completions, the schemas, the rate sets, README,
# changelog and copyright.
# usage: layout.sh CMAKE BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
cmake=$1 build=$2 src=$3 version=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cmake" --install "$build" --prefix "$tmp/usr" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "cmake --install failed"; }
root=$tmp/usr

# Each installed file, with the source it must be identical to (z: gunzip it first).
declare -A want=()
want[bin/pm]=-
for page in "$src"/man/*.[1-9]; do
  name=$(basename "$page")
  want[share/man/man${name##*.}/$name.gz]="z:$page"
done
want[share/bash-completion/completions/pm]=$src/completions/pm.bash
want[share/zsh/vendor-completions/_pm]=$src/completions/_pm
for s in "$src"/schemas/*.json; do want[share/pm/schemas/$(basename "$s")]=$s; done
for r in "$src"/lib/data/rates/*.toml; do want[share/pm/rates/$(basename "$r")]=$r; done
want[share/doc/pm/README.md]=$src/README.md
want[share/doc/pm/changelog.gz]="z:$src/CHANGELOG.md"
want[share/doc/pm/copyright]=$src/packaging/copyright
((${#want[@]} > 20)) || fail "expected more files (man pages, schemas): ${!want[*]}"

for f in "${!want[@]}"; do
  [[ -f $root/$f ]] || fail "cmake --install did not install $f"
  case ${want[$f]} in
    -) ;;
    z:*) [[ $(head -c2 "$root/$f" | od -An -tx1 | tr -d ' ') == 1f8b ]] || fail "$f is not gzipped"
         gzip -dc "$root/$f" | cmp -s - "${want[$f]#z:}" || fail "$f is not ${want[$f]#z:}, gzipped" ;;
    *) cmp -s "$root/$f" "${want[$f]}" || fail "$f differs from ${want[$f]}" ;;
  esac
done
while IFS= read -r f; do
  [[ -n ${want[$f]+x} ]] || fail "cmake --install installed $f, which this test does not know"
done < <(cd "$root" && find . -type f -printf '%P\n' | sort)
[[ -x $root/bin/pm ]] || fail "bin/pm is not executable"

# The installed pm runs on its own: its schemas and data are inside it.
out=$(cd "$tmp" && "$root/bin/pm" --version) || fail "pm --version failed"
[[ $out == "pm $version" ]] || fail "pm --version says '$out', not 'pm $version'"
cp "$src/examples/residential-145k.yaml" "$tmp/estate.yaml"
(cd "$tmp" && "$root/bin/pm" validate estate.yaml) || fail "the installed pm does not validate a shipped example"
(cd "$tmp" && "$root/bin/pm" staff estate.yaml --format json >/dev/null) || fail "the installed pm staff failed"

# The installed completion is the one bash would load for pm.
bash --norc --noprofile -c '
  source "$1"
  [[ $(complete -p pm) == "complete -F _pm pm" ]] || exit 1
  COMP_WORDS=(pm norms ch) COMP_CWORD=2; _pm
  [[ ${COMPREPLY[*]} == check ]]' _ "$root/share/bash-completion/completions/pm" ||
  fail "the installed bash completion does not complete 'pm norms ch'"

# man finds the installed pages.
if command -v man >/dev/null 2>&1; then
  MANPATH=$root/share/man man -w pm-staff >/dev/null 2>&1 || fail "man -w pm-staff does not find the installed page"
fi
echo "ok: cmake --install put ${#want[@]} files in place; the installed pm $version runs"
