// pm staff's documents: the proposal's staffing section under a title naming the norm set.

#include <nlohmann/json.hpp>
#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/staff/json.hpp>

namespace pm::report {

using detail::col;
using detail::Ctx;
using detail::num;

std::string detail::short_title(const Ctx &c, const catalog::Text &title, const std::string &id) {
  return data_set_name(title, id, c.lang());
}

std::string data_set_name(const catalog::Text &title, const std::string &id, i18n::Lang lang) {
  std::string t = title.get(lang);
  if (t.empty()) return id;
  for (std::string_view open : {"（", " (", "("}) {
    std::size_t at = t.find(open);
    if (at != std::string::npos && at > 0) t.resize(at);
  }
  return t;
}

namespace {

// The flat table CSV writes: one row per role, with its department and its reasons.
Table staffing_data(const Ctx &c, const staff::Staffing &s, bool with_estate) {
  Table t;
  t.id = "staffing_data";
  t.for_ = Table::For::data;
  if (with_estate) t.columns.push_back(col("estate", ""));
  for (const char *id : {"department_id", "department", "role_id", "role", "headcount", "explanation", "source"})
    t.columns.push_back(col(id, ""));
  for (const auto &d : s.departments)
    for (const auto &r : d.roles) {
      std::string ex, src;
      for (const auto &l : r.lines) ex += (ex.empty() ? "" : "; ") + c.t(l.explanation);
      for (const auto &l : r.lines) {
        std::string one = c.t(l.source);
        if (!one.empty() && src.find(one) == std::string::npos) src += (src.empty() ? "" : "; ") + one;
      }
      std::vector<Cell> cells;
      if (with_estate) cells.push_back(Cell::of(s.estate_id));
      for (const std::string &v : {d.id, c.t(d.name), r.id, c.t(r.name), std::to_string(r.headcount), ex, src})
        cells.push_back(Cell::of(v));
      t.rows.push_back(detail::body(r.id, std::move(cells)));
    }
  return t;
}

Section estate_section(const Ctx &c, const app::Context &cx, const app::Plan &p, bool explain, bool titled) {
  Section s = detail::staffing_section(c, p.staffing, explain);
  s.id = p.estate.id;
  s.title = titled ? c.f(msg::staff_title, c.t(p.estate.name), detail::short_title(c, cx.norms.title, cx.norms.name),
                         detail::short_title(c, cx.labor.title, cx.labor.name))
                   : "";
  return s;
}

} // namespace

doc::Document staffing_document(const app::Context &cx, const app::Plan &p, i18n::Lang lang, bool explain) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.estate_id = p.estate.id;
  d.lang = i18n::code(lang);
  d.title = c.f(msg::staff_title, c.t(p.estate.name), detail::short_title(c, cx.norms.title, cx.norms.name),
                detail::short_title(c, cx.labor.title, cx.labor.name));
  Section s = estate_section(c, cx, p, explain, false);
  s.blocks.push_back(staffing_data(c, p.staffing, false));
  d.sections.push_back(std::move(s));
  return d;
}

StaffingDir::StaffingDir(const app::Context &c, i18n::Lang lang, bool explain)
    : m_c(c), m_lang(lang), m_explain(explain) {}

doc::Section StaffingDir::section(const app::Plan &p) {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  m_total += p.staffing.total;
  const auto &ind = p.staffing.indicators;
  m_rows.push_back(
      detail::body(p.estate.id, {Cell::of(p.estate.id), Cell::of(c.t(p.estate.name)), Cell::num(p.staffing.total),
                                 ind.m2_per_person ? Cell::num(*ind.m2_per_person) : Cell::of("—")}));
  return estate_section(c, m_c, p, m_explain, true);
}

doc::Table StaffingDir::data(const app::Plan &p) const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  return staffing_data(c, p.staffing, true);
}

doc::Document StaffingDir::head() const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(m_lang);
  d.title = c.f(msg::staff_dir_title, num(static_cast<double>(m_rows.size())), num(m_total),
                detail::short_title(c, m_c.norms.title, m_c.norms.name));
  return d;
}

doc::Section StaffingDir::summary() const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  Section sum{"summary", "", c(msg::summary), {}, {}};
  Table t;
  t.id = "summary";
  t.columns = {col("estate", c(msg::c_estate)), col("name", c(msg::c_name)),
               col("staff", c(msg::c_headcount), Align::right),
               col("m2_per_person", c(msg::c_m2_per_person), Align::right)};
  t.rows = m_rows;
  t.rows.push_back(
      detail::total({Cell::of(c(msg::total)), Cell::of(""), Cell::num(m_total, "sum:body"), Cell::of("")}));
  sum.blocks.push_back(std::move(t));
  return sum;
}

} // namespace pm::report
