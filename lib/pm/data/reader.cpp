// data::Reader: the typed, located getters every TOML reader uses (see toml.hpp for the codes).

#include <pm/data/toml.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>

namespace pm::data {

namespace {
std::string num(double v) { return util::format_number(v, 6); }
std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }
// "必须是" and what follows, with a space before a number or a Latin word, as the messages write it.
std::string must_be_zh(const std::string &what) {
  bool latin = !what.empty() && static_cast<unsigned char>(what[0]) < 0x80 && what[0] != '(';
  return "必须是" + std::string(latin ? " " : "") + what;
}
} // namespace

std::string found(const toml::node &n) {
  if (auto s = n.value_exact<std::string>()) return ", not \"" + util::abbreviate(*s) + "\"";
  if (n.is_number()) return ", not " + num(*n.value<double>());
  if (n.is_boolean()) return std::string(", not ") + (*n.value<bool>() ? "true" : "false");
  if (n.is_table()) return ", not a table";
  if (n.is_array()) return ", not a list";
  return ", not a date or time";
}

std::string found_zh(const toml::node &n) {
  if (n.is_table()) return "，而不是表";
  if (n.is_array()) return "，而不是列表";
  if (n.is_date() || n.is_time() || n.is_date_time()) return "，而不是日期或时刻";
  return "，而不是 " + found(n).substr(6);
}

Range Range::at_least(double min, double limit) {
  Range r;
  r.min = min;
  r.max = limit;
  return r;
}

Range Range::positive(double limit) {
  Range r = at_least(0, limit);
  r.min_open = true;
  return r;
}

Range Range::between(double min, double max) {
  Range r = at_least(min, max);
  r.named_max = true;
  return r;
}

bool Range::contains(double v) const {
  return std::isfinite(v) && (min_open ? v > min : v >= min) && (max_open ? v < max : v <= max);
}

std::pair<std::string, std::string> Range::describe(std::optional<double> got) const {
  std::string n_en = whole ? "whole number" : noun_en, n_zh = whole ? "整数" : noun_zh;
  std::string en, zh;
  bool over = got && std::isfinite(*got) && (max_open ? *got >= max : *got > max);
  if (named_max) {
    std::string lo = num(min), hi = num(max);
    if (min_open) {
      en = "a " + n_en + " greater than " + lo + " and " + (max_open ? "less than " : "at most ") + hi;
      zh = "大于 " + lo + " 且" + (max_open ? "小于 " : "不大于 ") + hi + " 的" + n_zh;
    } else if (max_open) {
      en = "a " + n_en + " from " + lo + " to less than " + hi;
      zh = "大于等于 " + lo + " 且小于 " + hi + " 的" + n_zh;
    } else {
      en = "a " + n_en + " from " + lo + " to " + hi;
      zh = lo + " 至 " + hi + " 之间的" + n_zh;
    }
  } else if (over) {
    en = "a " + n_en + " of at most " + num(max);
    zh = "不大于 " + num(max) + " 的" + n_zh;
  } else if (min_open && min == 0) {
    en = whole ? "a whole number of at least 1" : "a positive " + n_en;
    zh = whole ? "不小于 1 的整数" : n_zh == "数值" ? "正数" : "大于 0 的" + n_zh;
  } else if (min_open) {
    en = "a " + n_en + " greater than " + num(min);
    zh = "大于 " + num(min) + " 的" + n_zh;
  } else if (min == 0) {
    en = "a " + n_en + " of 0 or more";
    zh = "大于等于 0 的" + n_zh;
  } else {
    en = "a " + n_en + " of at least " + num(min);
    zh = "不小于 " + num(min) + " 的" + n_zh;
  }
  if (!hint_en.empty()) en += " (" + hint_en + ")";
  if (!hint_zh.empty()) zh += "（" + hint_zh + "）";
  return {en, zh};
}

bool Reader::failed_since(std::size_t mark) const {
  for (std::size_t i = mark; i < m_out.size(); ++i)
    if (m_out[i].severity == diag::Severity::error) return true;
  return false;
}

void Reader::error(const toml::node &n, std::string code, std::string en, std::string zh, diag::Severity sev) {
  m_out.push_back(at(n, m_file, std::move(code), std::move(en), std::move(zh), sev));
}

void Reader::error(const toml::source_region &src, std::string code, std::string en, std::string zh,
                   diag::Severity sev) {
  m_out.push_back(at(src, m_file, std::move(code), std::move(en), std::move(zh), sev));
}

void Reader::missing(const toml::node &table, std::string_view key) {
  error(table, "missing-key", "missing key " + quoted(key), "缺少键 " + quoted(key));
}

void Reader::unknown(const toml::node &n, const std::string &code, const std::string &what_en,
                     const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates,
                     const std::string &otherwise_en, const std::string &otherwise_zh) {
  unknown(n.source(), code, what_en, what_zh, value, candidates, otherwise_en, otherwise_zh);
}

void Reader::unknown(const toml::source_region &src, const std::string &code, const std::string &what_en,
                     const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates,
                     const std::string &otherwise_en, const std::string &otherwise_zh) {
  std::string v = util::abbreviate(value);
  std::string en = "unknown " + what_en + " '" + v + "'", zh = "未知的" + what_zh + " '" + v + "'";
  if (auto best = util::did_you_mean(value, candidates)) {
    en += "; did you mean '" + *best + "'?";
    zh += "；您是否想写 '" + *best + "'？";
  } else if (!otherwise_en.empty()) {
    en += "; " + otherwise_en;
    zh += "；" + otherwise_zh;
  }
  error(src, code, en, zh);
}

void Reader::keys(const toml::table &t, const std::vector<std::string> &allowed) {
  for (const auto &[k, v] : t) {
    std::string key(k.str());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string en = "unknown key '" + key + "'", zh = "未知的键 '" + key + "'";
    if (auto best = util::did_you_mean(key, allowed)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    }
    error(k.source(), "unknown-key", en, zh);
  }
}

bool Reader::exclusive(const toml::table &t, const char *a, const char *b) {
  if (!t.get(a) || !t.get(b)) return false;
  error(*t.get(b), "conflicting-keys", std::string("give '") + a + "' or '" + b + "', not both",
        std::string("'") + a + "' 与 '" + b + "' 只能给出一个");
  return true;
}

void Reader::wrong_type(const toml::node &n, std::string_view key, const std::string &what_en,
                        const std::string &what_zh) {
  error(n, "wrong-type", quoted(key) + " must be " + what_en + found(n),
        quoted(key) + " " + must_be_zh(what_zh) + found_zh(n));
}

const toml::table *Reader::table(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required)
      error(t, "missing-key", std::string("missing table [") + key + "]", std::string("缺少 [") + key + "] 表");
    return nullptr;
  }
  if (auto tt = n->as_table()) return tt;
  wrong_type(*n, key, std::string("a table ([") + key + "])", std::string("表（[") + key + "]）");
  return nullptr;
}

const toml::array *Reader::tables(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required)
      error(t, "missing-key", "missing " + quoted(key) + ": at least one [[" + key + "]] table",
            "缺少 " + quoted(key) + "：至少需要一个 [[" + key + "]] 表");
    return nullptr;
  }
  auto arr = n->as_array();
  if (arr && (arr->empty() || arr->is_array_of_tables())) return arr;
  wrong_type(*n, key, std::string("a list of tables ([[") + key + "]])", std::string("表数组（[[") + key + "]]）");
  return nullptr;
}

const toml::array *Reader::array(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return nullptr;
  }
  if (auto arr = n->as_array()) return arr;
  wrong_type(*n, key, "a list [...]", "列表 [...]");
  return nullptr;
}

std::string Reader::str(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return "";
  }
  auto v = n->value_exact<std::string>();
  if (!v) {
    wrong_type(*n, key, "a string in quotes", "带引号的字符串");
    return "";
  }
  if (need == Need::required && v->empty())
    error(*n, "bad-value", quoted(key) + " must not be empty", quoted(key) + " 不能为空");
  return *v;
}

std::optional<double> Reader::checked(const toml::node &n, const std::string &name_en, const std::string &name_zh,
                                      const Range &range) {
  auto v = n.is_number() ? n.value<double>() : std::nullopt;
  auto [en, zh] = range.describe(v);
  std::string code;
  if (!v)
    code = "wrong-type";
  else if (!range.contains(*v))
    code = "out-of-range";
  else if (range.whole && *v != std::floor(*v))
    code = "bad-value";
  else
    return v;
  error(n, code, name_en + " must be " + en + found(n), name_zh + must_be_zh(zh) + found_zh(n));
  return std::nullopt;
}

std::optional<double> Reader::number(const toml::table &t, const char *key, const Range &range, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return std::nullopt;
  }
  return checked(*n, quoted(key), quoted(key) + " ", range);
}

std::optional<std::int64_t> Reader::integer(const toml::table &t, const char *key, std::int64_t min, std::int64_t max,
                                            Need need) {
  auto v = number(t, key, Range::between(static_cast<double>(min), static_cast<double>(max)).integral(), need);
  if (!v) return std::nullopt;
  return static_cast<std::int64_t>(*v);
}

std::optional<bool> Reader::boolean(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return std::nullopt;
  }
  auto v = n->value_exact<bool>();
  if (!v) wrong_type(*n, key, "true or false", "true 或 false");
  return v;
}

std::string Reader::one_of(const toml::table &t, const char *key, const std::vector<std::string> &allowed, Need need) {
  std::string v = str(t, key, need);
  if (v.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  std::string list, list_zh;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
    list_zh += (i == 0 ? "" : "、") + allowed[i];
  }
  std::string en = quoted(key) + " must be " + list + ", not '" + util::abbreviate(v) + "'";
  std::string zh = quoted(key) + " 必须是 " + list_zh + " 之一，而不是 '" + util::abbreviate(v) + "'";
  if (auto best = util::did_you_mean(v, allowed)) {
    en += "; did you mean '" + *best + "'?";
    zh += "；您是否想写 '" + *best + "'？";
  }
  error(*t.get(key), "bad-value", en, zh);
  return "";
}

std::vector<const toml::node *> Reader::string_nodes(const toml::table &t, const char *key, Need need) {
  std::vector<const toml::node *> out;
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return out;
  }
  auto add = [&](const toml::node &item) {
    if (item.is_string())
      out.push_back(&item);
    else
      error(item, "wrong-type", quoted(key) + " must hold strings in quotes" + found(item),
            quoted(key) + " " + must_be_zh("带引号的字符串") + found_zh(item));
  };
  if (auto arr = n->as_array())
    for (const auto &item : *arr) add(item);
  else
    add(*n);
  return out;
}

std::vector<std::string> Reader::strings(const toml::table &t, const char *key, Need need) {
  std::vector<std::string> out;
  for (const toml::node *n : string_nodes(t, key, need)) out.push_back(*n->value_exact<std::string>());
  return out;
}

std::vector<int> Reader::ints(const toml::table &t, const char *key, int min, int max, Need need) {
  std::vector<int> out;
  const toml::array *arr = array(t, key, need);
  if (!arr) return out;
  if (need == Need::required && arr->empty())
    error(*t.get(key), "bad-value", quoted(key) + " must not be empty", quoted(key) + " 不能为空");
  Range range = Range::between(min, max).integral();
  for (const auto &item : *arr) {
    auto v = checked(item, "each value of " + quoted(key), quoted(key) + " 的每个值", range);
    if (!v) continue;
    int x = static_cast<int>(*v);
    if (std::find(out.begin(), out.end(), x) != out.end()) {
      error(item, "duplicate-item", quoted(key) + " lists " + std::to_string(x) + " twice",
            quoted(key) + " 中 " + std::to_string(x) + " 重复");
      continue;
    }
    out.push_back(x);
  }
  return out;
}

i18n::Text Reader::text(const toml::table &t, const char *zh_key, const char *en_key, Need need) {
  return {str(t, zh_key, need), str(t, en_key, need)};
}

std::vector<i18n::Text> Reader::texts(const toml::table &t, const char *key, Need need) {
  std::vector<i18n::Text> out;
  const toml::array *arr = array(t, key, need);
  if (!arr) return out;
  if (need == Need::required && arr->empty())
    error(*t.get(key), "bad-value", quoted(key) + " must not be empty", quoted(key) + " 不能为空");
  for (const auto &item : *arr) {
    auto it = item.as_table();
    if (!it) {
      error(item, "wrong-type", "each item of " + quoted(key) + " must be {zh = \"...\", en = \"...\"}" + found(item),
            quoted(key) + " 的每一项必须是 {zh = \"...\", en = \"...\"}" + found_zh(item));
      continue;
    }
    keys(*it, {"zh", "en"});
    out.push_back(text(*it, "zh", "en"));
  }
  return out;
}

std::string Reader::id(const toml::table &t, std::set<std::string> &seen, const std::string &what_en,
                       const std::string &what_zh, std::string_view extra) {
  std::string v = str(t, "id", Need::required);
  if (v.empty()) return v;
  bool ok = std::all_of(v.begin(), v.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos;
  });
  std::string chars;
  for (char c : extra) chars += std::string(", ") + c;
  if (!ok)
    error(*t.get("id"), "bad-value", "an id uses only a-z, 0-9" + chars + "; not '" + util::abbreviate(v) + "'",
          "id 只能使用 a-z、0-9" + chars + "，而不是 '" + util::abbreviate(v) + "'");
  if (!seen.insert(v).second)
    error(*t.get("id"), "duplicate-id", what_en + " id '" + v + "' is given twice", what_zh + " id '" + v + "' 重复");
  return v;
}

std::string Reader::source(const toml::table &t, const std::string *fallback) {
  const toml::node *n = t.get("source");
  std::string s = str(t, "source");
  if (!s.empty()) return s;
  if (fallback && !fallback->empty()) return *fallback;
  // A figure nobody has checked yet is allowed, if it says so.
  const std::string how_en = "say where the figures or text come from, or write \"illustrative: ...\" for a figure "
                             "still to be replaced";
  const std::string how_zh = "请注明数据或文字的来源，或写 \"illustrative: ...\" 表示待替换的示意数字";
  if (!n)
    error(t, "missing-source", "a source is missing here: " + how_en, "此处缺少 source：" + how_zh);
  else if (n->is_string())
    error(*n, "missing-source", "the source is empty: " + how_en, "source 为空：" + how_zh);
  return "";
}

} // namespace pm::data
