#include <pm/catalog/inspection.hpp>
#include <pm/catalog/reader.hpp>
#include <pm/i18n/messages.hpp>

#include <stdexcept>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

const InspectionRound *InspectionRounds::round(const std::string &id) const {
  for (const auto &r : rounds)
    if (r.id == id) return &r;
  return nullptr;
}

std::optional<InspectionRounds> load_inspection_rounds(const std::string &name_or_path, const Catalogue &roles,
                                                       diag::Diagnostics &out) {
  using detail::Need;
  auto src = data::load_source("standards/inspection", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  InspectionRounds ir;
  rd.keys(*tbl, {"meta", "round"});
  ir.meta = rd.meta(*tbl, src->name);
  std::set<std::string> ids;
  if (auto rounds = rd.tables(*tbl, "round", Need::required))
    for (auto &n : *rounds) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en", "frequency_zh", "frequency_en", "times_per_day", "department", "equipment", "when",
                  "source", "source_zh", "source_en", "check"});
      InspectionRound r;
      r.id = rd.id(t, ids, both(msg::catalog_what_round));
      r.name = rd.text(t, "zh", "en");
      r.frequency = rd.text(t, "frequency_zh", "frequency_en");
      if (auto v = rd.integer(t, "times_per_day", 1, 24, Need::required)) r.times_per_day = static_cast<int>(*v);
      r.department = rd.department(t, roles);
      r.applies_to = rd.applies_to(t);
      r.source = rd.source_text(t);
      if (auto checks = rd.tables(t, "check", Need::required))
        for (auto &cn : *checks) {
          const auto &ct = *cn.as_table();
          rd.keys(ct, {"zh", "en", "action_zh", "action_en", "equipment", "when", "source", "source_zh", "source_en"});
          InspectionCheck c;
          c.item = rd.text(ct, "zh", "en");
          c.action = rd.text(ct, "action_zh", "action_en");
          c.applies_to = rd.applies_to(ct);
          c.source = rd.source_text(ct, r.source);
          r.checks.push_back(std::move(c));
        }
      ir.rounds.push_back(std::move(r));
    }
  if (rd.failed()) return std::nullopt;
  return ir;
}

} // namespace pm::catalog
