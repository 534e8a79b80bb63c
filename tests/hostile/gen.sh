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
# --- YAML and CLI edges (cases-yaml.tsv) ---
# FILE TEXT: the valid estate (as `estate` prints it) followed by TEXT, whose backslash escapes
# printf %b expands (\n, \t, \r, \xHH): for tags, aliases, control characters, directives.
gen_yaml() { { estate "$1"; printf '%b' "$2"; } > "$1"; }
# FILE KB N: an alias bomb of text: a KB-kilobyte string anchored, and N aliases to it.
gen_text_bomb() {
  { estate "$1"; printf 'notes: &t "%s"\nx:\n' "$(head -c $(($2 * 1024)) /dev/zero | tr '\0' x)"; yes '  - *t' | head -n "$3"; } > "$1"
}
# FILE: an alias bomb of text in levels: a 4 KiB string, then lists of ten aliases to the
# level before, six levels deep (40 GB expanded, 70 values on file).
gen_text_bomb_levels() {
  {
    estate "$1"
    printf 'notes:\n  - &a0 "%s"\n' "$(head -c 4096 /dev/zero | tr '\0' y)"
    for i in 1 2 3 4 5 6; do
      printf '  - &a%d [' "$i"
      for j in 0 1 2 3 4 5 6 7 8 9; do printf '*a%d%s' $((i - 1)) "$([[ $j == 9 ]] || echo ', ')"; done
      printf ']\n'
    done
  } > "$1"
}
# FILE: an alias bomb of keys: a mapping of 200 keys of 1 kB each, repeated by 100 aliases.
gen_key_bomb() {
  {
    estate "$1"
    local k; k=$(head -c 1000 /dev/zero | tr '\0' k)
    printf 'notes:\n  - &m {'
    for i in $(seq 200); do printf '%s%d: 1, ' "$k" "$i"; done
    printf 'end: 1}\n'
    yes '  - *m' | head -n 100
  } > "$1"
}

# --- Output safety (cases-output.tsv) ---
# FILE NAME: the demo estate named NAME in both languages (NAME goes inside YAML double quotes,
# so its escapes work: \e ESC, \a BEL, \0 NUL, \x9b a C1 control).
gen_named() {
  { printf '# %s\n' "$1"; printf '%s\n' 'format: 1' 'id: demo' "name: {zh: \"$2\", en: \"$2\"}" 'type: residential' \
    'areas:' '  total: 50000'; } > "$1"
}
# FILE NAME: the demo estate with five patrol guards on its staff, the first named NAME.
gen_guard_named() {
  { estate "$1"; printf 'staff:\n  - {id: g01, name: "%s", role: patrol_guard}\n' "$2"
    printf '  - {id: g0%d, name: Guard %d, role: patrol_guard}\n' 2 2 3 3 4 4 5 5; } > "$1"
}
# FILE...: "no control bytes" when none of the files holds a C0 control other than line feed,
# carriage return and tab, a DEL or a C1 control (UTF-8 \xc2\x80 to \xc2\x9f); else which does.
no_controls() {
  local f n bad=0
  for f; do
    n=$(LC_ALL=C tr -d '\n\r\t\040-\176\200-\377' < "$f" | wc -c)
    if ((n)) || LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$f"; then echo "control bytes in $f"; bad=1; fi
  done
  ((bad)) || echo "no control bytes"
}
# A stand-in for Chromium (PM_CHROMIUM) that says it started (its process id in the file
# "started" in the scratch directory) and then hangs: pm report -f pdf is caught waiting for it.
fake_chromium() {
  printf '#!/bin/sh\necho $$ > %q/started.tmp && mv %q/started.tmp %q/started\nexec sleep 30\n' "$PWD" "$PWD" "$PWD" > fake-chromium
  chmod +x fake-chromium
}
# SIG: pm report -f pdf with the fake browser, sent SIG once the browser runs; prints what is
# left of the temporary directory and the output, and exits with pm's status.
signal_pdf() {
  fake_chromium
  mkdir -p tmp
  set -m # a background job keeps SIGINT (without job control the shell ignores it there)
  TMPDIR=$PWD/tmp PM_CHROMIUM=$PWD/fake-chromium pm report "$EX" -f pdf -o r.pdf &
  local pid=$! i
  for ((i = 0; i < 150; i++)); do [[ -e started ]] && break; sleep 0.01; done
  kill -s "$1" "$pid"
  wait "$pid"
  local rc=$?
  echo "left behind: $(ls -A tmp) $(ls -A | grep -v -e '^tmp$' -e '^fake-chromium$' -e '^started' | tr '\n' ' ')."
  [[ -s started ]] && kill -0 "$(cat started)" 2> /dev/null && echo "the browser still runs" && kill "$(cat started)"
  return $rc
}

# --- Limits of staffing and rostering (cases-limits.tsv) ---
# FILE N [HOURS]: the example estate with its entrances replaced by N staffed pedestrian gates
# open HOURS (default 24h): N posts of gate guards.
gen_gates() {
  awk -v n="$2" -v h="${3:-24h}" '/^entrances:$/ { print; for (i = 1; i <= n; i++) printf "  - {name: g%d, pedestrians: true, hours: %s}\n", i, h; skip = 1; next }
    skip && /^  / { next } { skip = 0; print }' "$EX" > "$1"
}
# FILE N: the example estate with N more buildings listed, each of one multi-storey block.
gen_buildings() {
  awk -v n="$2" '/^buildings:$/ { print; for (i = 1; i <= n; i++) printf "  - {name: b%d, type: multi_storey, count: 1, floors: 6}\n", i; next } { print }' "$EX" > "$1"
}
# FILE N ROLE: the example estate with a staff list of N people of ROLE.
gen_staff() {
  { cat "$EX"; printf 'staff:\n'; for ((i = 1; i <= $2; i++)); do printf '  - {id: s%d, name: s%d, role: %s}\n' "$i" "$i" "$3"; done; } > "$1"
}
# FILE N: the example estate with one member of staff unavailable N times, each for ten years.
gen_unavailable() {
  { cat "$EX"; printf 'staff:\n  - id: s1\n    name: s1\n    role: gate_guard\n    unavailable:\n'
    for ((i = 0; i < $2; i++)); do printf '      - {from: "%d-01-01", to: "%d-12-31"}\n' $((2000 + i % 90)) $((2009 + i % 90)); done; } > "$1"
}
# FILE: the villa example with its butler teams replaced by: OWNERS owners, OWNERS_PER_TEAM
# owners a team.
villa_teams() {
  sed "s/^    owners: 48$/    owners: $2/; s/^    owners_per_team: 4$/    owners_per_team: $3/" "$SRC/examples/villa-riverside.yaml" > "$1"
}
# FILE SED: the villa example edited by sed.
villa_with() { sed "$2" "$SRC/examples/villa-riverside.yaml" > "$1"; }
# FILE N H: the example estate with its buildings replaced by N groups of H households each,
# and no top-level households.
gen_households() {
  awk -v n="$2" -v h="$3" '/^buildings:$/ { print; for (i = 1; i <= n; i++) printf "  - {name: b%d, type: high_rise, count: 1, floors: 18, households: %d}\n", i, h; skip = 1; next }
    skip && /^  / { next } /^households:/ { next } { skip = 0; print }' "$EX" > "$1"
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
