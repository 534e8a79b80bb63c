#!/usr/bin/env bash
# CPack builds the .deb, and dpkg-deb shows it right: name, version, architecture, section,
# maintainer, description, Depends computed from the linked libraries, the files (stripped pm,
# gzipped man pages, completions, schemas, docs, copyright) owned by root; and the pm inside
# runs. Writes nothing into the build directory (cpack -B a temporary directory).
# usage: deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
cpack=$1 build=$2 src=$3 version=$4
fail() { echo "FAIL: $*"; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps readelf; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [[ ${CI:-} == true ]]; then fail "$tool is not installed (CI=true: the test may not be skipped; run .ci/deps --test)"; fi
    echo "skipped: $tool is not installed (install it with: bash .ci/deps --test)"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$build" && "$cpack" -G DEB -B "$tmp") >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
arch=$(dpkg --print-architecture)
deb=$tmp/pm_${version}_$arch.deb
[[ -f $deb ]] || { ls "$tmp"; fail "cpack did not write pm_${version}_$arch.deb"; }

info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == pm ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', not $version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
[[ $(field Section) == utils ]] || fail "Section is '$(field Section)'"
[[ $(field Priority) == optional ]] || fail "Priority is '$(field Priority)'"
[[ $(field Maintainer) == *?'<'*@*'>' ]] || fail "Maintainer is '$(field Maintainer)'"
[[ $(field Description) == "staffing plans for property management"$'\n'*' pm turns a YAML '* ]] ||
  fail "Description is '$(field Description)'"
if field Description | awk 'length > 80 { bad = 1 } END { exit !bad }'; then
  fail "Description has lines over 80 characters (Debian policy)"
fi
# Depends: what dpkg-shlibdeps found pm to link, each with a minimum version, and every one a
# package installed here (where pm was built and runs).
depends=$(field Depends)
for lib in libc6 libstdc++6 libyaml-0-2 libtomlplusplus libxlsxwriter libzip librsvg2 libcairo2 libutf8proc; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
IFS=',' read -ra deps <<<"$depends"
for d in "${deps[@]}"; do
  name=$(sed -E 's/^ *([^ (]+).*/\1/' <<<"$d")
  # libyaml-0-2's symbols file dates every symbol to version 0: any version will do.
  [[ $d == *'(>= '*')'* || $name == libyaml-0-2 ]] || fail "Depends has no minimum version for '$d'"
  dpkg-query -W "$name" >/dev/null 2>&1 || fail "Depends names '$name', which is not a package installed here"
done

# The files, owned by root, each where cmake --install puts it.
listing=$(dpkg-deb -c "$deb")
expect=(./usr/bin/pm ./usr/share/bash-completion/completions/pm ./usr/share/zsh/vendor-completions/_pm
        ./usr/share/doc/pm/copyright ./usr/share/doc/pm/changelog.gz ./usr/share/doc/pm/README.md
        ./usr/share/pm/schemas/estate.schema.json)
for page in "$src"/man/*.[1-9]; do
  name=$(basename "$page")
  expect+=("./usr/share/man/man${name##*.}/$name.gz")
done
for f in "${expect[@]}"; do
  grep -qE "^[-rwx]{10} root/root +[0-9]+ [0-9-]+ [0-9:]+ ${f//./\\.}\$" <<<"$listing" ||
    fail "the package lacks $f (or it is not a root-owned file):"$'\n'"$listing"
done
grep -qE '^-rwxr-xr-x root/root .* \./usr/bin/pm$' <<<"$listing" || fail "usr/bin/pm is not -rwxr-xr-x"
if grep -E '^-' <<<"$listing" | grep -vE '^-rw-r--r-- |\./usr/bin/pm$' >/dev/null; then
  fail "files other than pm should be -rw-r--r--:"$'\n'"$listing"
fi

# What is inside runs, and is stripped (the debug information is not shipped).
dpkg-deb -x "$deb" "$tmp/root"
out=$("$tmp/root/usr/bin/pm" --version) || fail "the packaged pm does not run"
[[ $out == "pm $version" ]] || fail "the packaged pm says '$out'"
"$tmp/root/usr/bin/pm" validate "$src/examples/villa-riverside.yaml" || fail "the packaged pm does not validate an example"
if readelf -S "$tmp/root/usr/bin/pm" | grep -q '\.debug_info'; then fail "usr/bin/pm is not stripped"; fi

echo "ok: $(basename "$deb") ($(stat -c %s "$deb") bytes), Depends: $depends"
