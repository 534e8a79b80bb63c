#!/usr/bin/env bash
# `pm ... --help` is in Chinese for a Chinese locale or --lang zh, and in English otherwise;
# English help has no Chinese but pm's description's gloss.
#
# usage: check.sh PM
set -uo pipefail

if (($# != 1)); then
  echo "usage: $0 PM" >&2
  exit 2
fi
pm=$1
failed=0

# help LANG ARGS...: the help pm prints with LANG set and no other language variable.
help() {
  local lang=$1
  shift
  env -u PM_LANG -u LC_ALL -u LC_MESSAGES LANG="$lang" "$pm" "$@"
}

# expect NAME TEXT NEEDLE...: TEXT contains every NEEDLE (fixed strings).
expect() {
  local name=$1 text=$2
  shift 2
  for needle in "$@"; do
    if ! grep -qF -- "$needle" <<<"$text"; then
      echo "FAIL: $name: no '$needle' in:"
      echo "$text"
      failed=1
    fi
  done
}

# no_chinese NAME TEXT: TEXT has no CJK character (UTF-8 lead bytes E3-E9).
no_chinese() {
  if LC_ALL=C grep -q $'[\xe3-\xe9]' <<<"$2"; then
    echo "FAIL: $1: Chinese in English help:"
    echo "$2"
    failed=1
  fi
}

zh=$(help zh_CN.UTF-8 staff --help)
expect "LANG=zh_CN.UTF-8 pm staff --help" "$zh" \
  "配置规范：内置名称（cn-standard、cn-practice）或 TOML 文件" "输出格式：table、json、csv 或 md" \
  "写入文件 FILE，而不是标准输出" "显示本帮助信息并退出" "--strict"

en=$(help C staff --help)
expect "LANG=C pm staff --help" "$en" \
  "Norm set: a built-in name (cn-standard, cn-practice) or a TOML file" "Output: table, json, csv or md" \
  "Write to FILE instead of stdout" "Print this help message and exit" "--strict"
no_chinese "LANG=C pm staff --help" "$en"

# --lang, wherever it is and however it is written, comes before the environment.
expect "LANG=C pm --lang zh staff --help" "$(help C --lang zh staff --help)" "配置规范：内置名称"
expect "LANG=C pm staff --lang=zh --help" "$(help C staff --lang=zh --help)" "配置规范：内置名称"
en=$(help zh_CN.UTF-8 --lang en staff --help)
expect "LANG=zh_CN.UTF-8 pm --lang en staff --help" "$en" "Norm set: a built-in name"
no_chinese "LANG=zh_CN.UTF-8 pm --lang en staff --help" "$en"
expect "PM_LANG=zh LANG=C pm staff --help" "$(PM_LANG=zh LANG=C "$pm" staff --help)" "配置规范：内置名称"

# pm itself and pm help: the description, the commands and the footer.
expect "LANG=zh_CN.UTF-8 pm --help" "$(help zh_CN.UTF-8 --help)" \
  "pm — 物业管理人员配置、排班与费用测算" "按部门和岗位测算定员人数" "退出状态："
expect "LANG=zh_CN.UTF-8 pm help roster" "$(help zh_CN.UTF-8 help roster)" \
  "排班周数（1-106）" "按硬性规则复核排班表 CSV"
en=$(help C --help)
expect "LANG=C pm --help" "$en" "Headcount by department and role, with the reasons" "Exit status: 0 ok"
# The description's gloss is the one Chinese in English help.
no_chinese "LANG=C pm --help" "${en//(物业管理人员配置)/}"

if ((failed)); then
  exit 1
fi
echo "ok"
