#!/usr/bin/env bash
# -o never damages data: a file already at -o survives a failing run byte for byte; -o naming
# any input (estate, norm, labour, rates, targets file; also through a link) is refused with
# exit 2 and the input is untouched; a successful run replaces the file whole, keeps its mode,
# writes through a symbolic link and leaves no temporary file behind.
# usage: check.sh PM SOURCE_DIR WORK_DIR
set -uo pipefail
pm=$(realpath "$1")
src=$(realpath "$2")
work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

cp "$src/examples/residential-145k.yaml" estate.yaml
cp "$src/tests/errors/negative-count.yaml" invalid.yaml
cp "$src/lib/data/norms/cn-standard.toml" norms.toml
cp "$src/lib/data/labor/cn.toml" labor.toml
cp "$src/lib/data/rates/example.toml" rates.toml
mkdir -p estates && cp "$src"/examples/city-portfolio/estates/sy-0000[1-3].yaml estates/
cp "$src/examples/city-portfolio/targets.yaml" targets.yaml

# expect NAME EXIT FILE-THAT-MUST-NOT-CHANGE -- COMMAND...
expect() {
  local name=$1 want=$2 keep=$3
  shift 4
  cp -p "$keep" "$keep.before"
  "$@" > out.log 2>&1
  local rc=$?
  if [[ $rc != "$want" ]]; then bad "$name: exit $rc, expected $want: $(head -c 300 out.log)"; fi
  if cmp -s "$keep" "$keep.before"; then ok "$name: $keep unchanged (exit $rc)"; else bad "$name: $keep was changed"; fi
  rm -f "$keep.before"
}

# A pre-existing output file (binary, so any rewrite shows) survives every kind of failure.
head -c 4096 /dev/urandom > old.out
expect "staff, invalid estate" 1 old.out -- "$pm" staff invalid.yaml -o old.out
expect "budget, invalid estate" 1 old.out -- "$pm" budget invalid.yaml -o old.out
expect "roster, invalid estate" 1 old.out -- "$pm" roster invalid.yaml -o old.out
expect "staff, unknown norm set" 2 old.out -- "$pm" staff estate.yaml -n no-such-norms -o old.out
expect "budget, missing rates file" 2 old.out -- "$pm" budget estate.yaml -r missing.toml -o old.out
expect "staff, bad format" 2 old.out -- "$pm" staff estate.yaml -f nonsense -o old.out
expect "portfolio, invalid targets" 1 old.out -- "$pm" portfolio estates --targets invalid.yaml -o old.out
expect "portfolio, missing targets" 2 old.out -- "$pm" portfolio estates --targets missing.yaml -o old.out
expect "staff DIR, no estates" 2 old.out -- "$pm" staff outdir-none -o old.out
# (A directory with some invalid estates is not a failure to write: the report of the others
# is written, and the exit status 1 says some were invalid.)

# -o naming an input: refused (exit 2), the input untouched.
expect "staff -o ESTATE" 2 estate.yaml -- "$pm" staff estate.yaml -o estate.yaml
expect "staff -o ./ESTATE" 2 estate.yaml -- "$pm" staff estate.yaml -o ./estate.yaml
ln -sf estate.yaml link.yaml
expect "staff -o LINK-TO-ESTATE" 2 estate.yaml -- "$pm" staff estate.yaml -o link.yaml
ln -f estate.yaml hard.yaml
expect "staff -o HARD-LINK-TO-ESTATE" 2 estate.yaml -- "$pm" staff estate.yaml -o hard.yaml
expect "staff -o NORMS" 2 norms.toml -- "$pm" staff estate.yaml -n norms.toml -o norms.toml
expect "staff -o LABOUR" 2 labor.toml -- "$pm" staff estate.yaml -l labor.toml -o labor.toml
expect "budget -o ESTATE" 2 estate.yaml -- "$pm" budget estate.yaml -o estate.yaml
expect "budget -o NORMS" 2 norms.toml -- "$pm" budget estate.yaml -n norms.toml -o norms.toml
expect "budget -o RATES" 2 rates.toml -- "$pm" budget estate.yaml -r rates.toml -o rates.toml
expect "roster -o ESTATE" 2 estate.yaml -- "$pm" roster estate.yaml --weeks 1 -o estate.yaml
expect "roster -o LABOUR" 2 labor.toml -- "$pm" roster estate.yaml --weeks 1 -l labor.toml -o labor.toml
expect "portfolio -o AN-ESTATE" 2 estates/sy-00001.yaml -- "$pm" portfolio estates -o estates/sy-00001.yaml
expect "portfolio -o TARGETS" 2 targets.yaml -- "$pm" portfolio estates --targets targets.yaml -o targets.yaml
expect "portfolio -o NORMS" 2 norms.toml -- "$pm" portfolio estates -n norms.toml -o norms.toml
expect "staff DIR -o AN-ESTATE" 2 estates/sy-00002.yaml -- "$pm" staff estates -o estates/sy-00002.yaml
expect "budget DIR -o AN-ESTATE" 2 estates/sy-00003.yaml -- "$pm" budget estates -o estates/sy-00003.yaml

# A successful run replaces the file whole, keeps its mode, leaves no temporary file.
"$pm" staff estate.yaml -f json > expected.json
mkdir -p outdir && head -c 100000 /dev/urandom > outdir/staff.json && chmod 640 outdir/staff.json
if "$pm" staff estate.yaml -f json -o outdir/staff.json && cmp -s outdir/staff.json expected.json; then
  ok "a successful run replaces the file"
else
  bad "a successful run did not write what it prints"
fi
[[ $(stat -c %a outdir/staff.json) == 640 ]] && ok "the mode 640 is kept" || bad "mode is $(stat -c %a outdir/staff.json), not 640"
[[ $(ls -A outdir) == staff.json ]] && ok "no temporary file left" || bad "outdir holds: $(ls -A outdir | tr '\n' ' ')"
# Through a symbolic link: the file it names is written, the link stays a link.
ln -sf outdir/staff.json out-link.json && : > outdir/staff.json
"$pm" staff estate.yaml -f json -o out-link.json
if [[ -L out-link.json ]] && cmp -s outdir/staff.json expected.json; then ok "written through a symbolic link"; else bad "the link was replaced or its file not written"; fi

# An unwritable directory: exit 2, the old file untouched (as an unprivileged user: root may write anywhere).
mkdir -p locked && head -c 1000 /dev/urandom > locked/old.out && chmod 755 . && chmod 555 locked && chmod 644 locked/old.out
chmod 644 estate.yaml
if ((EUID != 0)); then
  expect "unwritable directory" 2 locked/old.out -- "$pm" staff estate.yaml -o locked/old.out
elif command -v setpriv > /dev/null; then
  chmod o+x "$work" "$(dirname "$work")" 2> /dev/null
  expect "unwritable directory (as nobody)" 2 locked/old.out -- setpriv --reuid=nobody --regid=nogroup --clear-groups "$pm" staff estate.yaml -o locked/old.out
else
  echo "skip: unwritable directory (running as root without setpriv)"
fi
chmod 755 locked

if ((fails)); then echo "$fails check(s) failed"; exit 1; fi
echo "all checks passed"
