// pm budget's documents: the proposal's budget section under a title naming the rates.

#include <nlohmann/json.hpp>
#include <pm/budget/json.hpp>
#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;

namespace {

std::string title(const Ctx &c, const app::Plan &p) {
  const budget::Budget &b = *p.budget;
  return c.f(msg::budget_title, c.t(b.estate_name), detail::short_title(c, b.rates_title, b.rates),
             detail::short_title(c, p.staffing.norms_title, b.norms), num(b.headcount));
}

// The flat table CSV writes: one row per cost line.
Table budget_data(const Ctx &c, const budget::Budget &b) {
  Table t;
  t.id = "budget_data";
  t.for_ = Table::For::data;
  t.columns = {col("id", ""),
               col("item", ""),
               col("item_name", ""),
               col("department", ""),
               col("department_name", ""),
               col("name", ""),
               col("annual", "", Align::right, 2),
               col("monthly", "", Align::right, 2),
               col("basis", ""),
               col("source", "")};
  for (const auto &l : b.lines) {
    std::string dname;
    for (const auto &d : b.departments)
      if (!l.department.empty() && d.id == l.department) dname = c.t(d.name);
    const auto *info = budget::item_info(l.item);
    t.rows.push_back(
        body(l.id, {Cell::of(l.id), Cell::of(l.item), Cell::of(info ? c.t(info->name) : l.item), Cell::of(l.department),
                    Cell::of(dname), Cell::of(c.t(l.name)), Cell::num(l.annual()),
                    Cell::num(static_cast<double>(budget::to_cents(static_cast<double>(l.cents) / 1200.0)) / 100.0),
                    Cell::of(c.t(l.basis)), Cell::of(c.t(l.source))}));
  }
  return t;
}

Section estate_section(const Ctx &c, const app::Plan &p, bool explain, bool titled) {
  const budget::Budget &b = *p.budget;
  Section s = detail::budget_section(c, b, explain, explain);
  s.id = b.estate_id;
  s.title = titled ? title(c, p) : "";
  return s;
}

void notice(const Ctx &c, doc::Document &d, const budget::Budget &b) {
  if (b.illustrative)
    d.notices.push_back({c.f(msg::notice_illustrative, c.t(budget::illustrative_notice),
                             detail::short_title(c, b.rates_title, b.rates)),
                         Style::note});
}

} // namespace

doc::Document budget_document(const app::Plan &p, i18n::Lang lang, bool explain) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  const budget::Budget &b = *p.budget;
  doc::Document d;
  d.estate_id = p.estate.id;
  d.lang = i18n::code(lang);
  d.title = title(c, p);
  d.sheets = {{"budget", c(msg::sheet_budget)}, {"inputs", c(msg::sheet_inputs)}}; // the workbook's
  notice(c, d, b);
  Section s = estate_section(c, p, explain, false);
  s.blocks.push_back(budget_data(c, b));
  d.sections.push_back(std::move(s));
  return d;
}

doc::Section BudgetDir::section(const app::Plan &p) {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  const budget::Budget &b = *p.budget;
  if (m_rows.empty()) {
    doc::Document d;
    notice(c, d, b);
    if (!d.notices.empty()) m_notice = d.notices.front();
  }
  m_cents += b.cents;
  // No fee where none is charged (a cost budget).
  auto fee = [&](const budget::Contract &k) {
    return b.fee_charged ? Cell::num(budget::round_cents(k.per_m2_month)) : Cell::of("—");
  };
  m_rows.push_back(body(b.estate_id, {Cell::of(b.estate_id), Cell::num(b.annual_cost()), Cell::num(b.monthly_cost()),
                                      fee(b.fee.lump_sum), fee(b.fee.lump_sum_vat), fee(b.fee.cost_plus)}));
  return estate_section(c, p, m_explain, true);
}

doc::Document BudgetDir::head() const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(m_lang);
  d.title = c.f(msg::budget_dir_title, num(static_cast<double>(m_rows.size())), detail::money(m_cents));
  if (m_notice) d.notices.push_back(*m_notice);
  return d;
}

Table BudgetDir::rows() const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  Table t;
  t.id = "summary";
  t.columns = {col("estate", c(msg::c_estate)),
               col("annual_cost", c(msg::c_annual_cost), Align::right, 2),
               col("monthly_cost", c(msg::c_monthly), Align::right, 2),
               col("fee_lump_sum", c(msg::c_fee_lump_sum), Align::right, 2),
               col("fee_lump_sum_vat", c(msg::c_fee_lump_sum_vat), Align::right, 2),
               col("fee_cost_plus", c(msg::c_fee_cost_plus), Align::right, 2)};
  t.rows = m_rows;
  return t;
}

Table BudgetDir::data() const {
  Table data = rows(); // CSV: the summary, without a total
  data.id = "summary_data";
  data.for_ = Table::For::data;
  for (auto &col : data.columns) col.label = "";
  return data;
}

doc::Section BudgetDir::summary() const {
  Ctx c{nullptr, m_lang == i18n::Lang::zh};
  Section sum{"summary", "", c(msg::summary), {}, {}};
  Table t = rows();
  t.rows.push_back(detail::total({Cell::of(c(msg::total)), Cell::num(static_cast<double>(m_cents) / 100.0, "sum:body"),
                                  Cell::of(""), Cell::of(""), Cell::of(""), Cell::of("")}));
  sum.blocks.push_back(std::move(t));
  sum.blocks.push_back(data());
  return sum;
}

} // namespace pm::report
