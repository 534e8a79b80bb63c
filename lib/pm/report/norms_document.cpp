// pm norms list's and pm rates list's documents.

#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>

namespace pm::report {

doc::Document data_sets_document(const std::vector<app::DataSet> &sets, i18n::Lang lang) {
  detail::Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(lang);
  Table t;
  t.id = "data_sets";
  t.columns = {detail::col("name", c(msg::c_name)), detail::col("kind", c(msg::c_data_kind)),
               detail::col("rules", c(msg::c_rules), Align::right), detail::col("title", c(msg::c_title))};
  for (const auto &s : sets) {
    bool norms = s.kind == app::DataSet::Kind::norms;
    t.rows.push_back(detail::body(s.name, {Cell::of(s.name + (s.is_default ? " *" : "")),
                                           Cell::of(norms ? c(msg::norms_kind_norms) : c(msg::norms_kind_labor)),
                                           norms ? Cell::num(s.rules) : Cell::of(""), Cell::of(c.t(s.title))}));
  }
  d.sections.push_back(Section{"data_sets", "", "", {std::move(t), Paragraph{c(msg::norms_default), Style::note}}, {}});
  return d;
}

doc::Document rate_sets_document(const std::vector<app::RateSet> &sets, i18n::Lang lang) {
  detail::Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(lang);
  Table t;
  t.id = "rate_sets";
  t.columns = {detail::col("name", c(msg::c_name)),
               detail::col("city", c(msg::c_city)),
               detail::col("year", c(msg::c_year)),
               detail::col("figures", c(msg::c_rates_figures)),
               detail::col("guide_price", c(msg::c_guide_price)),
               detail::col("title", c(msg::c_title))};
  auto yes = [&](bool b) { return Cell::of(b ? c(msg::yes) : "—"); };
  for (const auto &s : sets)
    t.rows.push_back(detail::body(
        s.name, {Cell::of(s.name + (s.is_default ? " *" : "")), Cell::of(s.city.empty() ? "—" : c.t(s.city)),
                 Cell::of(s.year ? std::to_string(s.year) : "—"),
                 Cell::of(s.illustrative ? c(msg::rates_illustrative_short) : c(msg::rates_sourced_short)),
                 yes(s.guide_price), Cell::of(c.t(s.title))}));
  d.sections.push_back(Section{"rate_sets", "", "", {std::move(t), Paragraph{c(msg::rates_default), Style::note}}, {}});
  return d;
}

} // namespace pm::report
