#!/usr/bin/env bash
# The sources pm prints cite what a client can look up (a law and article, a standard and its
# number, a published guide or survey, a plan in practice described in words) or say they are
# assumptions: never the project's internal research brief or its internal sample plans.
# Usage: check.sh SOURCE_DIR
set -u
cd "$1" || exit 2
for d in lib/data lib/pm cli man schemas examples completions; do
  [[ -d $d ]] || { echo "FAIL: no $d in $1" >&2; exit 2; }
done
# The solver's --seed (a random seed) is not the sample plans: only their names are refused.
pattern='DOMAIN\.md|DOMAIN §|[Ss]eed plans?|seed.s plans?|seed document|shared/seeds'
if grep -rInE "$pattern" lib cli man schemas examples completions; then
  echo "FAIL: the lines above cite an internal document; cite the public source, or say \"assumption\"" >&2
  exit 1
fi
# Every source of the built-in data says where its figure comes from: a figure that rests on
# nothing public says it is an assumption (or illustrative) in so many words.
# A government's published notice or price list counts: its issuer is named.
# A source in one string, or its English side, reads as one; the Chinese side says the same in Chinese.
bad=$(grep -rhoE '^source(_en)? = "[^"]*"' lib/data | grep -vE 'art\.| Law|GB |GB/T|TSG|DL/T|DL [0-9]|〔|号|条例|办法|规定|法 |法\)|标准|practice|assumption|illustrative|假设|National emergency number|arithmetic|calendar|全国年节|国务院|estate file|procurement|notice|Bureau|Commission|Government|清单' || true)
bad+=$(grep -rhoE '^source_zh = "[^"]*"' lib/data | grep -vE '第[一二三四五六七八九十百]+条|GB |GB/T|TSG|DL/T|DL [0-9]|〔|号|条例|办法|规定|法|标准|物业管理方案实例|实践|方案|假设|示意|全国统一紧急电话号码|按轮班周期计算|全国年节|国务院|小区文件|采购|清单|通知|人民政府|社会保障局' || true)
if [[ -n "$bad" ]]; then
  printf 'FAIL: a source that names no law, standard, guide or practice and is not marked as an assumption:\n%s\n' "$bad" >&2
  exit 1
fi
echo "ok: no source cites an internal document"
