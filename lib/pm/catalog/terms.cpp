#include <pm/catalog/quantities.hpp>
#include <pm/catalog/reader.hpp>
#include <pm/catalog/terms.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <set>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

const EstateTerms *Terms::of(const std::string &type) const {
  for (const auto &t : types)
    if (t.type == type) return &t;
  return nullptr;
}

const std::vector<std::string> &term_placeholders() {
  static const std::vector<std::string> p = {"{estate}", "{occupants}", "{governance}", "{client}"};
  return p;
}

Text fill(const Text &x, const EstateTerms *t) {
  if (!t || (x.zh.find('{') == std::string::npos && x.en.find('{') == std::string::npos)) return x;
  Text out = x;
  const Text *words[] = {&t->estate, &t->occupants, &t->governance, &t->client};
  const auto &names = term_placeholders();
  for (std::size_t i = 0; i < names.size(); ++i) {
    util::replace_all(out.zh, names[i], words[i]->zh);
    util::replace_all(out.en, names[i], words[i]->en);
  }
  return out;
}

std::optional<Terms> load_terms(const std::string &name_or_path, diag::Diagnostics &out) {
  using detail::Need;
  auto src = data::load_source("terms", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  Terms terms;
  rd.keys(*tbl, {"meta", "type"});
  terms.meta = rd.meta(*tbl, src->name);
  std::set<std::string> ids;
  if (auto types = rd.tables(*tbl, "type", Need::required)) {
    for (auto &n : *types) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "estate_zh", "estate_en", "occupants_zh", "occupants_en", "governance_zh", "governance_en",
                  "client_zh", "client_en", "grade_standard_zh", "grade_standard_en", "maintenance_fund", "fee_charged",
                  "source", "source_zh", "source_en"});
      EstateTerms e;
      e.type = rd.id(t, ids, both(msg::catalog_what_estate_type));
      const auto &known = estate_types();
      if (!e.type.empty() && std::find(known.begin(), known.end(), e.type) == known.end())
        rd.unknown(*t.get("id"), "bad-value", both(msg::catalog_what_estate_type), e.type, known);
      e.estate = rd.text(t, "estate_zh", "estate_en", Need::required);
      e.occupants = rd.text(t, "occupants_zh", "occupants_en", Need::required);
      e.governance = rd.text(t, "governance_zh", "governance_en", Need::required);
      e.client = rd.text(t, "client_zh", "client_en", Need::required);
      e.grade_standard = rd.text(t, "grade_standard_zh", "grade_standard_en", Need::required);
      if (auto b = rd.boolean(t, "maintenance_fund", Need::required)) e.maintenance_fund = *b;
      if (auto b = rd.boolean(t, "fee_charged", Need::optional)) e.fee_charged = *b;
      e.source = rd.source_text(t);
      terms.types.push_back(std::move(e));
    }
    for (const auto &type : estate_types())
      if (!ids.count(type)) rd.error(*types, "missing-key", both(msg::catalog_terms_missing_type, type));
  }
  if (rd.failed()) return std::nullopt;
  return terms;
}

} // namespace pm::catalog
