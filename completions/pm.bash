# bash completion for pm                                   -*- shell-script -*-
#
# Installed as share/bash-completion/completions/pm (loaded on demand by bash-completion), or
# source it from ~/.bashrc. It needs nothing from the bash-completion package.
# tests/completion checks it against `pm COMMAND --help`: keep the two in step.

# Built-in names, as `pm norms list` and lib/data/{patterns,rates} give them.
_pm_norms='cn-standard cn-practice'
_pm_labors='cn'
_pm_rates='beijing chongqing example guilin hefei shanghai shenyang'
_pm_patterns='five-three four-three four-two three-three two-two none'
_pm_types='residential villa mixed_use office campus_dormitory institution industrial_park'
_pm_commands='validate staff norms rates init import portfolio diff budget roster report compare help'

# The options of a command path ("", "staff", "norms show", "roster check"...). --lang is
# pm's own option, accepted after any command.
_pm_options() {
  local o
  case $1 in
    '') o='--version -V' ;;
    validate) o='--format -f --verbose -v --jobs -j' ;;
    staff) o='--norms -n --labor -l --format -f --output -o --explain -e --strict' ;;
    init) o='--type -t' ;;
    import) o='--into -i --force' ;;
    'rates init') o='--from' ;;
    portfolio) o='--targets -t --norms -n --labor -l --rates -r --format -f --output -o' ;;
    diff) o='--norms -n --labor -l --rates -r --format -f' ;;
    budget) o='--norms -n --labor -l --rates -r --format -f --output -o --explain -e' ;;
    roster) o='--norms -n --labor -l --start --weeks --pattern --min --seed --fair --format -f --output -o' ;;
    'roster check') o='--norms -n --labor -l --start --weeks' ;;
    report) o='--norms -n --labor -l --rates -r --format -f --date --provenance --output -o' ;;
    compare) o='--variant --norms -n --labor -l --rates -r --format -f --output -o' ;;
  esac
  echo "--help -h --lang --bom $o"
}

# Whether option $1 takes a value (true also for unknown options: a wrong guess there costs
# only a completion).
_pm_takes_value() {
  case $1 in
    -h | --help | -V | --version | -v | --verbose | -e | --explain | --strict | --force | --fair) return 1 ;;
    --*) return 0 ;;
    -??*) return 1 ;; # -fjson: the value is in the word
  esac
  return 0
}

# Adds to COMPREPLY the directories that start with $cur.
_pm_dirs() {
  local -a d
  mapfile -t d < <(compgen -d -- "$cur")
  COMPREPLY+=("${d[@]}")
  # Quote the names and put / after directories (only possible inside a completion).
  compopt -o filenames 2>/dev/null
  return 0
}

# Adds to COMPREPLY the directories, and the files ending in one of the extensions given
# (every file when none is given), that start with $cur.
_pm_files() {
  local -a f
  local n e
  _pm_dirs
  mapfile -t f < <(compgen -f -- "$cur")
  for n in "${f[@]}"; do
    [[ -d $n ]] && continue
    if (($# == 0)); then
      COMPREPLY+=("$n")
      continue
    fi
    for e in "$@"; do
      if [[ $n == *."$e" ]]; then
        COMPREPLY+=("$n")
        break
      fi
    done
  done
  return 0
}

# Adds to COMPREPLY the words of $1 that start with $cur.
_pm_words() {
  local IFS=$' \t\n'
  COMPREPLY+=($(compgen -W "$1" -- "$cur"))
}

# Completes the value of option $2 of command path $1.
_pm_value() {
  case $2 in
    --lang) _pm_words 'zh en' ;;
    -n | --norms) _pm_words "$_pm_norms"; _pm_files toml ;;
    -l | --labor) _pm_words "$_pm_labors"; _pm_files toml ;;
    -r | --rates) _pm_words "$_pm_rates"; _pm_files toml ;;
    --from) _pm_words "$_pm_rates" ;;
    --pattern) _pm_words "$_pm_patterns" ;;
    -o | --output) _pm_files ;;
    -i | --into) _pm_dirs ;;
    -t | --type | --targets)
      if [[ $1 == init ]]; then _pm_words "$_pm_types"; else _pm_files yaml yml; fi ;;
    -f | --format)
      case $1 in
        validate) _pm_words 'text json github' ;;
        staff) _pm_words 'table json csv md' ;;
        budget) _pm_words 'table json csv md xlsx' ;;
        portfolio) _pm_words 'table json csv md html' ;;
        diff) _pm_words 'text md json' ;;
        roster) _pm_words 'grid csv json ics html md' ;;
        report) _pm_words 'md html xlsx docx pdf json' ;;
        compare) _pm_words 'table md csv html json xlsx docx pdf' ;;
      esac ;;
    --variant) _pm_words 'norms= labor= rates= grade= outsource= inhouse=' ;;
    # --start, --date (YYYY-MM-DD), --weeks, --seed, --jobs: nothing to offer.
  esac
}

# Completes positional argument number $2 (from 0) of command path $1.
_pm_positional() {
  case $1 in
    '') _pm_words "$_pm_commands" ;;
    help) (($2 == 0)) && _pm_words "$_pm_commands" ;;
    validate | staff | budget | report | compare) _pm_files yaml yml ;;
    diff) (($2 < 2)) && _pm_files yaml yml ;;
    init) (($2 == 0)) && _pm_files yaml yml ;;
    import) (($2 == 0)) && _pm_files csv ;;
    portfolio) (($2 == 0)) && _pm_dirs ;;
    norms) (($2 == 0)) && _pm_words 'list show check' ;;
    'norms show') (($2 == 0)) && _pm_words "$_pm_norms $_pm_labors" ;;
    'norms check') _pm_files toml ;;
    rates) (($2 == 0)) && _pm_words 'list show check init' ;;
    'rates show') (($2 == 0)) && _pm_words "$_pm_rates" ;;
    'rates check') _pm_files toml ;;
    'rates init') (($2 == 0)) && _pm_files toml ;;
    roster) (($2 == 0)) && { _pm_words check; _pm_files yaml yml; } ;;
    'roster check')
      if (($2 == 0)); then _pm_files csv
      elif (($2 == 1)); then _pm_files yaml yml
      fi ;;
  esac
  return 0
}

_pm() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix='' path='' npos=0 i w
  ((COMP_CWORD > 1)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  # Which command the words so far name (pm, pm staff, pm norms show...), and how many
  # positional arguments it already has. With = in COMP_WORDBREAKS (the default),
  # --format=json arrives as three words: --format, =, json.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    case $w in
      --*=*) ;;
      -?*)
        if _pm_takes_value "$w"; then
          if [[ ${COMP_WORDS[i + 1]} == = ]]; then ((i += 2)); else ((i++)); fi
        fi ;;
      *)
        if [[ -z $path ]]; then
          path=$w
        elif [[ $npos == 0 && ($path == norms && ($w == list || $w == show || $w == check) ||
                               $path == rates && ($w == list || $w == show || $w == check || $w == init) ||
                               $path == roster && $w == check) ]]; then
          path="$path $w"
        else
          ((npos++))
        fi ;;
    esac
  done

  # An option's value: "--format json", "--format=json", "--format=" (cur is "=").
  local opt=''
  if [[ $cur == = && $prev == -?* ]]; then
    opt=$prev cur=''
  elif [[ $prev == = && $COMP_CWORD -ge 2 && ${COMP_WORDS[COMP_CWORD - 2]} == -?* ]]; then
    opt=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $cur == --*=* ]]; then # = not in COMP_WORDBREAKS: the word keeps its option
    opt=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
  elif [[ $prev == -?* && $prev != *=* ]] && _pm_takes_value "$prev"; then
    opt=$prev
  fi

  if [[ -n $opt ]]; then
    _pm_value "$path" "$opt"
  elif [[ $cur == -* ]]; then
    _pm_words "$(_pm_options "$path")"
  else
    _pm_positional "$path" "$npos"
  fi
  if [[ -n $prefix ]]; then
    COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
  fi
  return 0
}

complete -F _pm pm
