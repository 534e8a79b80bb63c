# Helpers for the hostile-input cases (cases*.tsv): they write inputs into the case's scratch
# directory at test time, so nothing large, binary or deep is committed. Sourced by run.sh,
# which also sets $SRC (the source tree), $E (tests/errors), $D (lib/data), $EX (a valid
# estate: examples/residential-145k.yaml).

# A valid estate to build on (tests/errors/_estate.sh), after a comment line.
source "$SRC/tests/errors/_estate.sh"

# FILE N: a list of N values under 'notes'.
gen_values() { { estate "$1: $2 values"; printf 'notes:\n'; yes '  - 1' | head -n "$2"; } > "$1"; }
# FILE N: N values on a single line.
gen_line() {
  { estate "$1: $2 values on one line"; printf 'notes: [1'; yes ', 1' | head -n "$(($2 - 1))" | tr -d '\n'; printf ']\n'; } > "$1"
}
# FILE N: lists nested N deep ([[[...]]]), mappings nested N deep ({a: {a: ...}}), or block
# mappings nested N deep (indented).
gen_deep_lists() { { estate "$1"; printf 'notes: '; head -c "$2" /dev/zero | tr '\0' '['; head -c "$2" /dev/zero | tr '\0' ']'; echo; } > "$1"; }
gen_deep_maps() {
  { estate "$1"; printf 'notes: '; yes '{a: ' | head -n "$2" | tr -d '\n'; printf '1'; head -c "$2" /dev/zero | tr '\0' '}'; echo; } > "$1"
}
gen_deep_block() {
  { estate "$1"; printf 'notes:\n'; for ((i = 1; i <= $2; i++)); do printf '%*sa:\n' "$i" ''; done; printf '%*s1\n' $(($2 + 1)) ''; } > "$1"
}
# FILE MB: a valid estate followed by MB megabytes of comment lines.
gen_comments() { { estate "$1"; yes '# padding padding padding padding padding padding padding padding' | head -c "$(($2 << 20))"; } > "$1"; }
# FILE MB KIND: a text of MB megabytes as the value of 'notes' (valid), of 'name' (the wrong
# type), as a key, or a number of MB megabytes of digits.
gen_long() {
  local n=$(($2 << 20))
  case $3 in
  notes) { estate "$1"; printf 'notes: '; head -c "$n" /dev/zero | tr '\0' 'x'; echo; } > "$1" ;;
  name) { estate "$1" | grep -v '^name:'; printf 'name: '; head -c "$n" /dev/zero | tr '\0' 'x'; echo; } > "$1" ;;
  key) { estate "$1"; printf '? '; head -c "$n" /dev/zero | tr '\0' 'k'; printf '\n: 1\n'; } > "$1" ;;
  digits) { estate "$1"; printf 'notes: '; head -c "$n" /dev/zero | tr '\0' '7'; echo; } > "$1" ;;
  esac
}
# FILE: a "billion laughs" of mappings: ten anchors, each ten times the one before.
gen_bomb_maps() {
  {
    estate "$1"
    printf 'x0: &a0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol, k9: lol}\n'
    for i in 1 2 3 4 5 6 7 8 9; do
      printf 'x%d: &a%d {' "$i" "$i"
      for j in 0 1 2 3 4 5 6 7 8 9; do printf 'k%d: *a%d%s' "$j" $((i - 1)) "$([[ $j == 9 ]] || echo ', ')"; done
      printf '}\n'
    done
  } > "$1"
}
# FILE FIELD VALUE: the example estate with one more line under 'equipment:' or elsewhere.
with_line() { sed "s|^$2$|$2\n$3|" "$EX" > "$1"; }
# FILE: a valid estate with a UTF-8 byte-order mark and CRLF line ends.
gen_bom_crlf() { { printf '\xef\xbb\xbf'; estate "$1"; } | sed 's/$/\r/' > "$1"; }
# FILE TEXT: a norm, labour or rates file: the built-in one with one line changed by sed.
norms_with() { sed "$2" "$D/norms/cn-standard.toml" > "$1"; }
labor_with() { sed "$2" "$D/labor/cn.toml" > "$1"; }
rates_with() { sed "$2" "$D/rates/example.toml" > "$1"; }
# Runs a command as an unprivileged user when we are root (root reads any file whatever its
# mode); exits 77 (skipped) when there is no way to drop privileges.
as_user() {
  if ((EUID != 0)); then "$@"; return; fi
  if command -v setpriv > /dev/null; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  elif command -v runuser > /dev/null; then
    runuser -u nobody -- "$@"
  else
    echo "SKIP: running as root and neither setpriv nor runuser is available to drop privileges"
    exit 77
  fi
}
# FILE DATE: a valid estate with one member of staff unavailable on DATE.
gen_staff_date() {
  { estate "$1"; printf 'staff:\n  - {id: s1, name: 张三, role: indoor_cleaner, unavailable: [%s]}\n' "$2"; } > "$1"
}

# Directories of estates (cases-dirs.tsv) --------------------------------------------------
# DIR N [PREFIX]: a directory of N small valid estates, ids PREFIX1..PREFIXN (default e).
gen_estates() {
  mkdir -p "$1"
  local p=${3:-e}
  for ((i = 1; i <= $2; i++)); do estate "$p$i" | sed "s/^id: demo$/id: $p$i/" > "$1/$p$i.yaml"; done
}
# DIR: a directory of two estates with the same id (a.yaml, then b.yaml).
gen_dup_ids() { mkdir -p "$1"; estate a > "$1/a.yaml"; estate b > "$1/b.yaml"; }
# DIR: two estates and a subdirectory that nobody can read holding an invalid estate.
gen_unreadable_sub() {
  gen_estates "$1" 2
  mkdir -p "$1/sub"
  printf 'format: 1\nid: [broken\n' > "$1/sub/bad.yaml"
  chmod 000 "$1/sub"
}
# CMD...: runs CMD, prints COUNT=N, the number of lines of its output holding $PATTERN, and
# exits with CMD's status: a case checks that every problem is named, not only the first.
count_lines() {
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  printf '%s\n' "$out"
  echo "COUNT=$(grep -c -- "$PATTERN" <<< "$out")"
  return $rc
}
