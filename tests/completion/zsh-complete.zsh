#!/usr/bin/env zsh
# Prints the words zsh offers when TAB is pressed at the end of each command line given,
# using completions/_pm from $fpath as an interactive zsh would:
#   zsh -f zsh-complete.zsh COMPLETIONS_DIR 'pm staff --format ' 'pm norms '...
# prints, for each line, "== LINE" and then its matches, one a line.
# An interactive zsh runs in a pseudo-terminal (zpty); compadd is wrapped to print each
# match; TAB runs a completion widget that prints markers around them; ^U clears the line
# for the next one.
emulate -L zsh
zmodload zsh/zpty || { print -u2 "zsh/zpty is missing"; exit 2 }
local dir=$1 init=${TMPDIR:-/tmp}/pm-zsh-complete.$$
trap 'rm -f $init' EXIT

cat >$init <<INIT
PS1= PS2= RPS1=
unsetopt zle_bracketed_paste 2>/dev/null
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' menu no
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' group-name ''
zstyle ':completion:*' format ''
bindkey -e
# TAB runs the completion system between two markers.
pm-complete() {
  print -rn -- \$'\\n<<pm-begin>>\\n'
  _main_complete
  local ret=\$?
  print -rn -- \$'\\n<<pm-end>>\\n'
  return ret
}
zle -C pm-complete complete-word pm-complete
bindkey '^I' pm-complete
compadd() {
  # Calls that only collect or test matches pass through unchanged.
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "\$@"; return; fi
  local -a hits pre
  zparseopts -E -a pre p:
  builtin compadd -O hits "\$@"
  local h; for h in \$hits; do print -r -- "<<pm-match>>\${pre[2]}\${(Q)h}"; done  # file names come quoted
  builtin compadd "\$@"
}
print '<<pm-ready>>'
INIT

zpty pmz zsh -f -i
zpty -w pmz "source ${(q)init}"
local out
# Blocks until the marker comes (the caller limits the time).
zpty -r pmz out '*<<pm-ready>>*' || { print -u2 "zsh did not start"; exit 2 }
local cmdline l
for cmdline in ${@[2,-1]}; do
  print -r -- "== $cmdline"
  zpty -w -n pmz "$cmdline"$'\t'
  zpty -r pmz out '*<<pm-end>>*' || { print -u2 "no completion ran for: $cmdline"; exit 2 }
  [[ $out == *'<<pm-begin>>'*'<<pm-end>>'* ]] || { print -u2 "no completion ran for: $cmdline"; exit 2 }
  out=${${out##*'<<pm-begin>>'}%%'<<pm-end>>'*}
  for l in "${(@f)${out//$'\r'/}}"; do
    [[ $l == '<<pm-match>>'* ]] && print -r -- ${l#'<<pm-match>>'}
  done
  zpty -w -n pmz $'\C-u'
done
zpty -d pmz
exit 0
