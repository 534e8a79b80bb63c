#include <pm/catalog/reader.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::catalog {

bool illustrative(std::string_view source) {
  for (std::string_view word : {"illustrative", "assumption", "假设"})
    if (source.find(word) != std::string_view::npos) return true;
  return false;
}
bool unverified(std::string_view source) { return source.find("not verified") != std::string_view::npos; }

namespace detail {

namespace {
std::string suggest(const std::string &word, const std::vector<std::string> &names, bool zh) {
  if (auto best = util::did_you_mean(word, names))
    return zh ? "；您是否想写 '" + *best + "'？" : "; did you mean '" + *best + "'?";
  return "";
}
} // namespace

bool Reader::failed() const {
  for (std::size_t i = m_start; i < m_out.size(); ++i)
    if (m_out[i].severity == diag::Severity::error) return true;
  return false;
}

void Reader::err(const toml::node &n, std::string code, std::string en, std::string zh, diag::Severity sev) {
  m_out.push_back(data::at(n, m_file, std::move(code), std::move(en), std::move(zh), sev));
}

void Reader::keys(const toml::table &t, const std::vector<std::string> &allowed) {
  data::check_keys(t, allowed, m_file, m_out);
}

void Reader::unknown(const toml::node &n, const std::string &code, const std::string &what_en,
                     const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates) {
  err(n, code, "unknown " + what_en + " '" + value + "'" + suggest(value, candidates, false),
      "未知的" + what_zh + " '" + value + "'" + suggest(value, candidates, true));
}

void Reader::missing(const toml::table &t, const char *key) {
  err(t, "missing-key", std::string("'") + key + "' is missing here", std::string("此处缺少 '") + key + "'");
}

std::string Reader::str(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return "";
  }
  auto v = n->value<std::string>();
  if (!v) {
    err(*n, "wrong-type", std::string("'") + key + "' must be a string", std::string("'") + key + "' 必须是字符串");
    return "";
  }
  if (need == Need::required && v->empty())
    err(*n, "empty", std::string("'") + key + "' must not be empty", std::string("'") + key + "' 不能为空");
  return *v;
}

Text Reader::text(const toml::table &t, const char *zh_key, const char *en_key, Need need) {
  return {str(t, zh_key, need), str(t, en_key, need)};
}

std::vector<Text> Reader::texts(const toml::table &t, const char *key, Need need) {
  std::vector<Text> out;
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return out;
  }
  auto arr = n->as_array();
  if (!arr) {
    err(*n, "wrong-type", std::string("'") + key + "' must be an array of {zh = \"...\", en = \"...\"}",
        std::string("'") + key + "' 必须是 {zh = \"...\", en = \"...\"} 的数组");
    return out;
  }
  if (need == Need::required && arr->empty())
    err(*n, "empty", std::string("'") + key + "' must not be empty", std::string("'") + key + "' 不能为空");
  for (const auto &item : *arr) {
    auto it = item.as_table();
    if (!it) {
      err(item, "wrong-type", "each item must be {zh = \"...\", en = \"...\"}",
          "每一项必须是 {zh = \"...\", en = \"...\"}");
      continue;
    }
    keys(*it, {"zh", "en"});
    out.push_back(text(*it, "zh", "en"));
  }
  return out;
}

std::optional<std::int64_t> Reader::integer(const toml::table &t, const char *key, std::int64_t min, std::int64_t max,
                                            Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return std::nullopt;
  }
  auto v = n->value_exact<std::int64_t>();
  if (!v) {
    err(*n, "wrong-type", std::string("'") + key + "' must be a whole number", std::string("'") + key + "' 必须是整数");
    return std::nullopt;
  }
  if (*v < min || *v > max) {
    err(*n, "out-of-range",
        std::string("'") + key + "' must be between " + std::to_string(min) + " and " + std::to_string(max),
        std::string("'") + key + "' 必须在 " + std::to_string(min) + " 至 " + std::to_string(max) + " 之间");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Reader::boolean(const toml::table &t, const char *key) {
  const toml::node *n = t.get(key);
  if (!n) return std::nullopt;
  auto v = n->value_exact<bool>();
  if (!v)
    err(*n, "wrong-type", std::string("'") + key + "' must be true or false",
        std::string("'") + key + "' 必须是 true 或 false");
  return v;
}

std::vector<int> Reader::ints(const toml::table &t, const char *key, int min, int max, Need need) {
  std::vector<int> out;
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return out;
  }
  auto arr = n->as_array();
  if (!arr) {
    err(*n, "wrong-type", std::string("'") + key + "' must be an array of whole numbers",
        std::string("'") + key + "' 必须是整数数组");
    return out;
  }
  if (need == Need::required && arr->empty())
    err(*n, "empty", std::string("'") + key + "' must not be empty", std::string("'") + key + "' 不能为空");
  for (const auto &item : *arr) {
    auto v = item.value_exact<std::int64_t>();
    if (!v || *v < min || *v > max) {
      err(item, "out-of-range",
          "each value must be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
          "每个值必须是 " + std::to_string(min) + " 至 " + std::to_string(max) + " 的整数");
      continue;
    }
    int x = static_cast<int>(*v);
    if (std::find(out.begin(), out.end(), x) != out.end()) {
      err(item, "duplicate-item", std::to_string(x) + " is given twice", std::to_string(x) + " 重复");
      continue;
    }
    out.push_back(x);
  }
  return out;
}

std::vector<std::string> Reader::strings(const toml::table &t, const char *key) {
  std::vector<std::string> out;
  const toml::node *n = t.get(key);
  if (!n) return out;
  auto add = [&](const toml::node &item) {
    auto v = item.value_exact<std::string>();
    if (!v)
      err(item, "wrong-type", std::string("'") + key + "' must hold strings",
          std::string("'") + key + "' 必须是字符串");
    else
      out.push_back(*v);
  };
  if (auto arr = n->as_array())
    for (const auto &item : *arr) add(item);
  else
    add(*n);
  return out;
}

std::string Reader::source(const toml::table &t, const std::string *fallback) {
  std::string s = str(t, "source");
  if (!s.empty()) return s;
  if (fallback && !fallback->empty()) return *fallback;
  err(t, "missing-source", "a source is missing here: say where the figure or text comes from",
      "此处缺少 source：请注明数据或文字的来源");
  return "";
}

std::vector<std::string> Reader::quantities(const toml::table &t, const char *key) {
  std::vector<std::string> names;
  for (const auto &q : staff::quantities()) names.push_back(q.name);
  std::vector<std::string> out;
  const toml::node *n = t.get(key);
  if (!n) return out;
  auto arr = n->as_array();
  if (!arr) {
    err(*n, "wrong-type", std::string("'") + key + "' must be an array of quantity names",
        std::string("'") + key + "' 必须是数量名称的数组");
    return out;
  }
  for (const auto &item : *arr) {
    auto v = item.value_exact<std::string>();
    if (!v) {
      err(item, "wrong-type", "a quantity name must be a string", "数量名称必须是字符串");
      continue;
    }
    if (!staff::quantity_info(*v)) {
      unknown(item, "unknown-quantity", "quantity", "数量", *v, names);
      continue;
    }
    out.push_back(*v);
  }
  return out;
}

std::vector<std::string> Reader::conditions(const toml::table &t, const char *key) {
  std::vector<std::string> out;
  const toml::node *n = t.get(key);
  if (!n) return out;
  auto add = [&](const toml::node &item) {
    auto v = item.value_exact<std::string>();
    if (!v) {
      err(item, "wrong-type", "a condition must be a string", "条件必须是字符串");
      return;
    }
    std::string en, zh;
    if (staff::parse_condition(*v, en, zh))
      out.push_back(*v);
    else
      err(item, "bad-condition", en, zh);
  };
  if (auto arr = n->as_array())
    for (const auto &item : *arr) add(item);
  else
    add(*n);
  return out;
}

std::string Reader::department(const toml::table &t) {
  std::string d = str(t, "department", Need::required);
  if (d.empty()) return d;
  const Catalogue &roles = builtin();
  if (!roles.department(d)) {
    std::vector<std::string> ids;
    for (const auto &x : roles.departments) ids.push_back(x.id);
    unknown(*t.get("department"), "unknown-department", "department", "部门", d, ids);
  }
  return d;
}

const toml::array *Reader::tables(const toml::table &t, const char *key, Need need) {
  const toml::node *n = t.get(key);
  if (!n) {
    if (need == Need::required) missing(t, key);
    return nullptr;
  }
  auto arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    err(*n, "wrong-type", std::string("'") + key + "' must be a list of tables ([[" + key + "]])",
        std::string("'") + key + "' 必须是表数组（[[" + key + "]]）");
    return nullptr;
  }
  return arr;
}

std::string Reader::id(const toml::table &t, std::set<std::string> &seen, const char *what_en, const char *what_zh) {
  std::string v = str(t, "id", Need::required);
  if (v.empty()) return v;
  bool ok = std::all_of(v.begin(), v.end(),
                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (!ok)
    err(*t.get("id"), "bad-format", "an id uses only a-z, 0-9 and _; not '" + v + "'",
        "id 只能使用 a-z、0-9 和 _，而不是 '" + v + "'");
  if (!seen.insert(v).second)
    err(*t.get("id"), "duplicate-id", std::string(what_en) + " id '" + v + "' is given twice",
        std::string(what_zh) + " id '" + v + "' 重复");
  return v;
}

Meta Reader::meta(const toml::table &root, const std::string &name, Need need) {
  Meta m;
  m.name = name;
  auto mt = root["meta"].as_table();
  if (!mt) {
    if (root.get("meta"))
      err(*root.get("meta"), "wrong-type", "[meta] must be a table", "[meta] 必须是表");
    else if (need == Need::required)
      err(root, "missing-key", "the file needs a [meta] table with its source", "文件缺少带 source 的 [meta] 表");
    return m;
  }
  keys(*mt, {"name", "title_zh", "title_en", "source", "note_zh", "note_en"});
  m.title = text(*mt, "title_zh", "title_en");
  m.source = source(*mt);
  m.note = text(*mt, "note_zh", "note_en", Need::optional);
  return m;
}

} // namespace detail
} // namespace pm::catalog
