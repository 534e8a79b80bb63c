#include <pm/catalog/reader.hpp>
#include <pm/catalog/service_standards.hpp>
#include <pm/i18n/messages.hpp>

#include <algorithm>
#include <stdexcept>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

const GradeValue *StandardItem::for_grade(int grade) const {
  for (const auto &v : values)
    if (std::find(v.grades.begin(), v.grades.end(), grade) != v.grades.end()) return &v;
  return nullptr;
}

const StandardCategory *ServiceStandards::category(const std::string &id) const {
  for (const auto &c : categories)
    if (c.id == id) return &c;
  return nullptr;
}

const StandardItem *ServiceStandards::item(const std::string &id) const {
  for (const auto &i : items)
    if (i.id == id) return &i;
  return nullptr;
}

std::vector<StandardLine> ServiceStandards::standards_for(int grade) const {
  std::vector<StandardLine> out;
  for (const auto &c : categories)
    for (const auto &i : items) {
      if (i.category != c.id) continue;
      if (const GradeValue *v = i.for_grade(grade)) out.push_back({c.id, c.name, i.id, i.name, v->value, v->source});
    }
  return out;
}

std::optional<ServiceStandards> load_service_standards(const std::string &name_or_path, diag::Diagnostics &out) {
  using detail::Need;
  auto src = data::load_source("standards/service", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  ServiceStandards s;
  rd.keys(*tbl, {"meta", "category", "item"});
  s.meta = rd.meta(*tbl, src->name);

  std::set<std::string> cat_ids;
  if (auto cats = rd.tables(*tbl, "category", Need::required))
    for (auto &n : *cats) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en"});
      StandardCategory c;
      c.id = rd.id(t, cat_ids, both(msg::catalog_what_category));
      c.name = rd.text(t, "zh", "en");
      s.categories.push_back(c);
    }

  std::set<std::string> item_ids;
  if (auto items = rd.tables(*tbl, "item", Need::required))
    for (auto &n : *items) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "category", "zh", "en", "source", "source_zh", "source_en", "value", "equipment", "when"});
      StandardItem it;
      it.id = rd.id(t, item_ids, both(msg::catalog_what_item));
      it.category = rd.str(t, "category", Need::required);
      if (!it.category.empty() && !s.category(it.category)) {
        rd.unknown(*t.get("category"), "unknown-category", both(msg::catalog_what_category), it.category,
                   std::vector<std::string>(cat_ids.begin(), cat_ids.end()));
      }
      it.name = rd.text(t, "zh", "en");
      it.applies_to = rd.applies_to(t);
      Text item_source = rd.optional_source_text(t);
      std::vector<int> seen;
      if (auto values = rd.tables(t, "value", Need::required))
        for (auto &vn : *values) {
          const auto &vt = *vn.as_table();
          rd.keys(vt, {"grades", "zh", "en", "source", "source_zh", "source_en"});
          GradeValue v;
          v.grades = rd.ints(vt, "grades", min_grade, max_grade, Need::required);
          for (int g : v.grades) {
            if (std::find(seen.begin(), seen.end(), g) != seen.end())
              rd.error(*vt.get("grades"), "duplicate-grade",
                       both(msg::catalog_duplicate_grade, it.id, std::to_string(g)));
            seen.push_back(g);
          }
          v.value = rd.text(vt, "zh", "en");
          v.source = rd.source_text(vt, item_source);
          it.values.push_back(std::move(v));
        }
      for (int g = min_grade; g <= max_grade; ++g)
        if (std::find(seen.begin(), seen.end(), g) == seen.end() && !it.values.empty())
          rd.error(t, "missing-grade", both(msg::catalog_missing_grade, it.id, std::to_string(g)),
                   diag::Severity::warning);
      s.items.push_back(std::move(it));
    }
  if (rd.failed()) return std::nullopt;
  return s;
}

} // namespace pm::catalog
