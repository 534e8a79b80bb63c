#include <pm/catalog/quantities.hpp>
#include <pm/catalog/reader.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/i18n/messages.hpp>

#include <initializer_list>
#include <string_view>

namespace pm::catalog {

namespace {
bool has_any(const std::string &s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (s.find(w) != std::string::npos) return true;
  return false;
}
} // namespace

bool illustrative(const Text &source) {
  return has_any(source.en, {"illustrative", "assumption"}) || has_any(source.zh, {"假设", "示意"});
}
bool unverified(const Text &source) { return has_any(source.en, {"not verified"}) || has_any(source.zh, {"未核实"}); }

namespace detail {

std::vector<std::string> Reader::quantities(const toml::table &t, const char *key) {
  std::vector<std::string> names;
  for (const auto &q : catalog::quantities()) names.push_back(q.name);
  std::vector<std::string> out;
  if (t.get(key) && !array(t, key)) return out; // a single name is not a list
  for (const toml::node *n : string_nodes(t, key)) {
    std::string v = *n->value_exact<std::string>();
    if (quantity_info(v))
      out.push_back(v);
    else
      unknown(*n, "unknown-quantity", i18n::both(i18n::msg::what_quantity), v, names);
  }
  return out;
}

std::vector<std::string> Reader::conditions(const toml::table &t, const char *key) {
  std::vector<std::string> out;
  for (const toml::node *n : string_nodes(t, key)) {
    std::string v = *n->value_exact<std::string>(), en, zh;
    if (parse_condition(v, en, zh))
      out.push_back(v);
    else
      error(*n, "bad-condition", en, zh);
  }
  return out;
}

std::vector<Text> Reader::conditional_texts(const toml::table &t, const char *key, std::vector<AppliesTo> &applies) {
  std::vector<Text> out;
  applies.clear();
  const toml::array *arr = array(t, key);
  if (!arr) return out;
  for (const auto &item : *arr) {
    auto it = item.as_table();
    if (!it) {
      error(item, "wrong-type", i18n::both_of(i18n::msg::toml_each_item_text, key, data::found(item)));
      continue;
    }
    keys(*it, {"zh", "en", "equipment", "when"});
    out.push_back(text(*it, "zh", "en"));
    applies.push_back(applies_to(*it));
  }
  return out;
}

std::string Reader::department(const toml::table &t, const Catalogue &roles) {
  std::string d = str(t, "department", Need::required);
  if (d.empty()) return d;
  if (!roles.department(d)) {
    std::vector<std::string> ids;
    for (const auto &x : roles.departments) ids.push_back(x.id);
    unknown(*t.get("department"), "unknown-department", i18n::both(i18n::msg::what_department), d, ids);
  }
  return d;
}

Meta Reader::meta(const toml::table &root, const std::string &name, Need need) {
  Meta m;
  m.name = name;
  auto mt = table(root, "meta", need);
  if (!mt) return m;
  keys(*mt, {"name", "title_zh", "title_en", "source", "source_zh", "source_en", "note_zh", "note_en"});
  m.title = text(*mt, "title_zh", "title_en");
  m.source = source_text(*mt);
  m.note = text(*mt, "note_zh", "note_en", Need::optional);
  return m;
}

} // namespace detail
} // namespace pm::catalog
