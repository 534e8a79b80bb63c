// data::Reader: the typed, located getters every TOML reader uses (see toml.hpp for the codes).

#include <pm/data/toml.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>

namespace pm::data {

using i18n::both;
using i18n::both_of;
using i18n::Lang;
using i18n::Text;
using i18n::tr;
namespace msg = i18n::msg;

namespace {
std::string num(double v) { return util::format_number(v, 6); }
// What a value must be, as the argument of "must be {1}": Chinese puts a space before a number
// or a Latin word ("必须是 true 或 false", "必须是表").
Text must_be_what(const Text &what) {
  bool latin = !what.zh.empty() && static_cast<unsigned char>(what.zh[0]) < 0x80 && what.zh[0] != '(';
  return {(latin ? " " : "") + what.zh, what.en};
}
} // namespace

Text found(const toml::node &n) {
  if (auto s = n.value_exact<std::string>()) return both(msg::toml_not_text, util::abbreviate(*s));
  if (n.is_number()) return both(msg::toml_not_value, num(*n.value<double>()));
  if (n.is_boolean()) return both(msg::toml_not_value, *n.value<bool>() ? "true" : "false");
  if (n.is_table()) return both(msg::toml_not_table);
  if (n.is_array()) return both(msg::toml_not_list);
  return both(msg::toml_not_date);
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
  Text n = whole ? both(msg::toml_whole_number) : noun.empty() ? both(msg::toml_number) : noun;
  Text t;
  bool over = got && std::isfinite(*got) && (max_open ? *got >= max : *got > max);
  if (named_max) {
    std::string lo = num(min), hi = num(max);
    if (min_open)
      t = both_of(max_open ? msg::toml_range_above_below : msg::toml_range_above_to, n, lo, hi);
    else if (max_open)
      t = both_of(msg::toml_range_from_below, n, lo, hi);
    else
      t = both_of(msg::toml_range_between, n, lo, hi);
  } else if (over) {
    t = both_of(msg::toml_range_at_most, n, num(max));
  } else if (min_open && min == 0) {
    if (whole) {
      t = both(msg::toml_range_whole_positive);
    } else {
      t = both_of(msg::toml_range_positive, n);
      if (noun.empty()) t.zh = tr(Lang::zh, msg::toml_range_positive_number);
    }
  } else if (min_open) {
    t = both_of(msg::toml_range_above, n, num(min));
  } else if (min == 0) {
    t = both_of(msg::toml_range_non_negative, n);
  } else {
    t = both_of(msg::toml_range_at_least, n, num(min));
  }
  if (!note.en.empty()) t.en += tr(Lang::en, msg::parenthesised, note.en);
  if (!note.zh.empty()) t.zh += tr(Lang::zh, msg::parenthesised, note.zh);
  return {t.en, t.zh};
}

bool Reader::failed_since(std::size_t mark) const {
  for (std::size_t i = mark; i < m_out.size(); ++i)
    if (m_out[i].severity == diag::Severity::error) return true;
  return false;
}

void Reader::error(const toml::node &n, std::string code, const Text &message, diag::Severity sev) {
  m_out.push_back(at(n, m_file, std::move(code), message, sev));
}

void Reader::error(const toml::source_region &src, std::string code, const Text &message, diag::Severity sev) {
  m_out.push_back(at(src, m_file, std::move(code), message, sev));
}

void Reader::error(const toml::node &n, std::string code, std::string en, std::string zh, diag::Severity sev) {
  m_out.push_back(at(n, m_file, std::move(code), std::move(en), std::move(zh), sev));
}

void Reader::error(const toml::source_region &src, std::string code, std::string en, std::string zh,
                   diag::Severity sev) {
  m_out.push_back(at(src, m_file, std::move(code), std::move(en), std::move(zh), sev));
}

void Reader::missing(const toml::node &table, std::string_view key) {
  error(table, "missing-key", both(msg::toml_missing_key, key));
}

void Reader::unknown(const toml::node &n, const std::string &code, const Text &what, const std::string &value,
                     const std::vector<std::string> &candidates, const Text &otherwise) {
  unknown(n.source(), code, what, value, candidates, otherwise);
}

void Reader::unknown(const toml::source_region &src, const std::string &code, const Text &what,
                     const std::string &value, const std::vector<std::string> &candidates, const Text &otherwise) {
  std::string v = util::abbreviate(value);
  Text message = i18n::both_sides(msg::toml_unknown, what, v);
  if (auto best = util::did_you_mean(value, candidates))
    message += both(msg::did_you_mean, *best);
  else if (!otherwise.en.empty())
    message += i18n::both_sides(msg::toml_otherwise, otherwise);
  error(src, code, message);
}

void Reader::unknown(const toml::node &n, const std::string &code, const std::string &what_en,
                     const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates,
                     const std::string &otherwise_en, const std::string &otherwise_zh) {
  unknown(n.source(), code, Text{what_zh, what_en}, value, candidates, Text{otherwise_zh, otherwise_en});
}

void Reader::unknown(const toml::source_region &src, const std::string &code, const std::string &what_en,
                     const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates,
                     const std::string &otherwise_en, const std::string &otherwise_zh) {
  unknown(src, code, Text{what_zh, what_en}, value, candidates, Text{otherwise_zh, otherwise_en});
}

void Reader::keys(const toml::table &t, const std::vector<std::string> &allowed) {
  for (const auto &[k, v] : t) {
    std::string key(k.str());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    Text message = both(msg::unknown_key, key);
    if (auto best = util::did_you_mean(key, allowed)) message += both(msg::did_you_mean, *best);
    error(k.source(), "unknown-key", message);
  }
}

bool Reader::exclusive(const toml::table &t, const char *a, const char *b) {
  if (!t.get(a) || !t.get(b)) return false;
  error(*t.get(b), "conflicting-keys", both(msg::toml_exclusive, a, b));
  return true;
}

void Reader::wrong_type(const toml::node &n, std::string_view key, const Text &what) {
  error(n, "wrong-type", both_of(msg::toml_key_must_be, key, must_be_what(what), found(n)));
}

const toml::table *Reader::table(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) error(t, "missing-key", both(msg::toml_missing_table, key));
    return nullptr;
  }
  if (auto tt = n->as_table()) return tt;
  wrong_type(*n, key, both(msg::toml_a_table, key));
  return nullptr;
}

const toml::array *Reader::tables(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) error(t, "missing-key", both(msg::toml_missing_tables, key));
    return nullptr;
  }
  auto arr = n->as_array();
  if (arr && (arr->empty() || arr->is_array_of_tables())) return arr;
  wrong_type(*n, key, both(msg::toml_a_table_list, key));
  return nullptr;
}

const toml::array *Reader::array(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return nullptr;
  }
  if (auto arr = n->as_array()) return arr;
  wrong_type(*n, key, both(msg::toml_a_list));
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
    wrong_type(*n, key, both(msg::toml_a_string));
    return "";
  }
  if (need == Need::required && v->empty()) error(*n, "bad-value", both(msg::toml_empty, key));
  return *v;
}

std::optional<double> Reader::checked(const toml::node &n, std::string_view key, const i18n::Message &must_be,
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
  error(n, code, both_of(must_be, key, must_be_what({zh, en}), found(n)));
  return std::nullopt;
}

std::optional<double> Reader::number(const toml::table &t, const char *key, const Range &range, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return std::nullopt;
  }
  return checked(*n, key, msg::toml_key_must_be, range);
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
  if (!v) wrong_type(*n, key, both(msg::toml_true_or_false));
  return v;
}

std::string Reader::one_of(const toml::table &t, const char *key, const std::vector<std::string> &allowed, Need need) {
  std::string v = str(t, key, need);
  if (v.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  Text list;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i) list += both(i + 1 == allowed.size() ? msg::toml_list_or : msg::toml_list_comma);
    list += Text::same(allowed[i]);
  }
  Text message = both_of(msg::toml_one_of, key, list, util::abbreviate(v));
  if (auto best = util::did_you_mean(v, allowed)) message += both(msg::did_you_mean, *best);
  error(*t.get(key), "bad-value", message);
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
      error(item, "wrong-type", both_of(msg::toml_strings_only, key, found(item)));
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
  if (need == Need::required && arr->empty()) error(*t.get(key), "bad-value", both(msg::toml_empty, key));
  Range range = Range::between(min, max).integral();
  for (const auto &item : *arr) {
    auto v = checked(item, key, msg::toml_each_must_be, range);
    if (!v) continue;
    int x = static_cast<int>(*v);
    if (std::find(out.begin(), out.end(), x) != out.end()) {
      error(item, "duplicate-item", both(msg::toml_listed_twice, key, x));
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
  if (need == Need::required && arr->empty()) error(*t.get(key), "bad-value", both(msg::toml_empty, key));
  for (const auto &item : *arr) {
    auto it = item.as_table();
    if (!it) {
      error(item, "wrong-type", both_of(msg::toml_each_item_text, key, found(item)));
      continue;
    }
    keys(*it, {"zh", "en"});
    out.push_back(text(*it, "zh", "en"));
  }
  return out;
}

std::string Reader::id(const toml::table &t, std::set<std::string> &seen, const std::string &what_en,
                       const std::string &what_zh, std::string_view extra) {
  return id(t, seen, Text{what_zh, what_en}, extra);
}

std::string Reader::id(const toml::table &t, std::set<std::string> &seen, const Text &what, std::string_view extra) {
  std::string v = str(t, "id", Need::required);
  if (v.empty()) return v;
  bool ok = std::all_of(v.begin(), v.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos;
  });
  std::string chars;
  for (char c : extra) chars += std::string(", ") + c;
  if (!ok) error(*t.get("id"), "bad-value", both(msg::toml_id_characters, chars, util::abbreviate(v)));
  if (!seen.insert(v).second) error(*t.get("id"), "duplicate-id", i18n::both_sides(msg::toml_duplicate_id, what, v));
  return v;
}

std::string Reader::source(const toml::table &t, const std::string *fallback) {
  const toml::node *n = t.get("source");
  std::string s = str(t, "source");
  if (!s.empty()) return s;
  if (fallback && !fallback->empty()) return *fallback;
  // A figure nobody has checked yet is allowed, if it says so.
  const Text how = both(msg::toml_source_how);
  if (!n)
    error(t, "missing-source", both_of(msg::toml_source_missing, how));
  else if (n->is_string())
    error(*n, "missing-source", both_of(msg::toml_source_empty, how));
  return "";
}

Text Reader::source_text(const toml::table &t) {
  if (!t.get("source_zh") && !t.get("source_en")) return Text::same(source(t));
  exclusive(t, "source", "source_zh");
  exclusive(t, "source", "source_en");
  // Each side is required once either is given: a client reading the other language gets one too.
  return {str(t, "source_zh", Need::required), str(t, "source_en", Need::required)};
}

Text Reader::source_text(const toml::table &t, const Text &fallback) {
  const toml::node *n = t.get("source");
  bool none = !n || (n->is_string() && n->value_exact<std::string>()->empty());
  if (none && !fallback.empty() && !t.get("source_zh") && !t.get("source_en")) return fallback;
  return source_text(t);
}

Text Reader::optional_source_text(const toml::table &t) {
  if (!t.get("source") && !t.get("source_zh") && !t.get("source_en")) return {};
  return source_text(t);
}

Text Reader::optional_source_text(const toml::table &t, const std::string &key) {
  const std::string zh = key + "_zh", en = key + "_en";
  if (!t.get(zh) && !t.get(en)) return Text::same(str(t, key.c_str()));
  exclusive(t, key.c_str(), zh.c_str());
  exclusive(t, key.c_str(), en.c_str());
  return {str(t, zh.c_str(), Need::required), str(t, en.c_str(), Need::required)};
}

} // namespace pm::data
