// The cost budget and the fee, line by line as `pm budget` computes them.

#include <pm/report/build_internal.hpp>

#include <pm/budget/fee.hpp>
#include <pm/util/text.hpp>

#include <cstdio>

namespace pm::report::detail {

namespace {

// A budget formula (budget::Line) as a cell's formula spec (doc::Cell) in the table `from`:
// {key} is the key's value on the inputs sheet, {@id} the annual amount of line `id` (or of
// the total) in the items table.
std::string budget_spec(const std::string &formula, const std::string &from) {
  std::string out;
  for (std::size_t i = 0; i < formula.size(); ++i) {
    std::size_t end = formula[i] == '{' ? formula.find('}', i) : std::string::npos;
    if (end == std::string::npos) {
      out += formula[i];
      continue;
    }
    std::string ref = formula.substr(i + 1, end - i - 1);
    i = end;
    if (!ref.empty() && ref[0] == '@')
      out += "{" + (from == "budget_items" ? std::string() : "budget_items/") + ref.substr(1) + ".annual}";
    else
      out += "{inputs!budget_inputs/" + ref + ".value}";
  }
  return out;
}
std::string budget_cell_formula(const std::string &formula, const std::string &from) {
  return formula.empty() ? "" : "ROUND(" + budget_spec(formula, from) + ",2)";
}

double share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

} // namespace

Section budget(const Ctx &c) {
  const budget::Budget &b = c.in->budget;
  Section s = budget_section(c, b, true, false);
  std::string intro = c.f(b.fee_charged ? msg::budget_intro_client : msg::budget_intro_cost, num(b.headcount),
                          money(b.cents), money(budget::to_cents(b.monthly_cost())));
  if (b.illustrative) intro += " " + c.in->cites->assume(c(msg::assume_illustrative_rates));
  s.blocks.insert(s.blocks.begin(), Paragraph{intro, Style::normal});
  return s;
}

Section budget_section(const Ctx &c, const budget::Budget &b, bool bases, bool sources) {
  Section s{"budget", "", c(msg::sec_budget), {}, {}};

  Table t;
  t.id = "budget_items";
  t.sheet = "budget";
  t.caption = c(msg::cap_budget_items);
  t.columns = {col("item", c(msg::c_cost_item)), col("annual", c(msg::c_annual), Align::right, 2),
               col("monthly", c(msg::c_monthly), Align::right, 2), col("share", c(msg::c_share), Align::right, 1),
               col("basis", c(msg::c_basis), Align::left, 0, true)};
  if (!bases) t.columns.pop_back();
  if (sources) t.columns.push_back(col("source", c(msg::c_source), Align::left, 0, true));
  auto row = [&](std::vector<Cell> cells, const std::string &source) {
    if (!bases) cells.pop_back();
    if (sources) cells.push_back(Cell::of(source));
    return cells;
  };
  const std::string monthly_f = "ROUND({.annual}/12,2)";
  for (const auto &it : b.items) {
    t.rows.push_back(
        group(it.id, row({Cell::of(c.t(it.name)), Cell::num(yuan(it.cents), "sum:children"),
                          Cell::num(monthly_yuan(it.cents), monthly_f),
                          Cell::num(share(it.cents, b.cents), "ROUND({.annual}/{total.annual}*100,1)"), Cell::of("")},
                         "")));
    for (const auto &l : b.lines)
      if (l.item == it.id)
        t.rows.push_back(
            body(l.id, row({Cell::of(c.t(l.name)), Cell::num(l.annual(), budget_cell_formula(l.formula, t.id)),
                            Cell::num(l.monthly(), monthly_f), Cell::of(""), Cell::of(c.t(l.basis))},
                           c.t(l.source))));
  }
  t.rows.push_back(total(row({Cell::of(c(msg::total)), Cell::num(b.annual_cost(), "sum:groups"),
                              Cell::num(b.monthly_cost(), monthly_f), Cell::num(b.cents ? 100 : 0), Cell::of("")},
                             "")));
  s.blocks.push_back(std::move(t));

  Table d;
  d.id = "budget_departments";
  d.sheet = "budget";
  d.caption = c(msg::cap_budget_departments);
  d.columns = {col("department", c(msg::c_department)), col("headcount", c(msg::c_headcount), Align::right),
               col("annual", c(msg::c_annual), Align::right, 2), col("monthly", c(msg::c_monthly), Align::right, 2)};
  for (const auto &dep : b.departments) {
    // The department's lines, wherever they are in the items table.
    std::vector<std::string> refs;
    for (const auto &l : b.lines)
      if (l.department == dep.id) refs.push_back("{budget_items/" + l.id + ".annual}");
    std::string annual_f;
    for (const auto &r : refs) annual_f += (annual_f.empty() ? "SUM(" : ",") + r;
    if (!annual_f.empty()) annual_f += ")";
    d.rows.push_back(
        body(dep.id.empty() ? "common" : dep.id,
             {Cell::of(dep.id.empty() ? c(msg::common_costs) : c.t(dep.name)),
              dep.id.empty() ? Cell::of("") : Cell::num(dep.headcount, budget_spec(dep.headcount_formula, d.id)),
              Cell::num(yuan(dep.cents), annual_f), Cell::num(monthly_yuan(dep.cents), monthly_f)}));
  }
  d.rows.push_back(total({Cell::of(c(msg::total)), Cell::num(b.headcount, "sum:body"),
                          Cell::num(b.annual_cost(), "sum:body"), Cell::num(b.monthly_cost(), monthly_f)}));
  s.blocks.push_back(std::move(d));

  // Cost centres: what the fee pays for, and what others pay for apart.
  if (!b.centres.empty()) {
    Table ct;
    ct.id = "budget_centres";
    ct.sheet = "budget";
    ct.caption = c(msg::cap_budget_centres);
    ct.columns = {col("centre", c(msg::c_cost_centre)), col("annual", c(msg::c_annual), Align::right, 2),
                  col("monthly", c(msg::c_monthly), Align::right, 2),
                  col("payer", c(msg::c_payer), Align::left, 0, true)};
    for (const auto &t : b.centres) {
      std::string annual_f;
      for (const auto &l : b.lines)
        if (l.centre == t.id) annual_f += (annual_f.empty() ? "SUM(" : ",") + ("{budget_items/" + l.id + ".annual}");
      if (!annual_f.empty()) annual_f += ")";
      ct.rows.push_back(body(t.id, {Cell::of(c.t(t.name)), Cell::num(yuan(t.cents), annual_f),
                                    Cell::num(monthly_yuan(t.cents), monthly_f), Cell::of(c.t(t.payer))}));
    }
    ct.rows.push_back(total({Cell::of(c(msg::total)), Cell::num(b.annual_cost(), "sum:body"),
                             Cell::num(b.monthly_cost(), monthly_f), Cell::of("")}));
    s.blocks.push_back(std::move(ct));
  }

  // A cost budget (no fee is charged) ends with its departments: nothing per m².
  if (b.fee_charged) {
    Section fs{"fee", "", c(msg::sec_fee), {}, {}};
    const auto &f = b.fee;
    fs.blocks.push_back(Paragraph{c.f(msg::fee_intro, num(f.chargeable_area)), Style::normal});
    Table ft;
    ft.id = "fee";
    ft.sheet = "budget";
    ft.caption = c(msg::cap_fee);
    // Per household only where the estate gives its households.
    const bool households = f.lump_sum.per_household_month.has_value();
    ft.columns = {col("contract", c(msg::c_contract)), col("per_m2_month", c(msg::c_per_m2_month), Align::right, 2),
                  col("per_m2_month_incl_vat", c(msg::c_per_m2_month_incl_vat), Align::right, 2)};
    if (households) ft.columns.push_back(col("per_household_month", c(msg::c_per_household_month), Align::right, 2));
    ft.columns.push_back(col("annual_revenue", c(msg::c_annual_revenue), Align::right, 2));
    ft.columns.push_back(col("basis", c(msg::c_basis), Align::left, 0, true));
    for (const budget::Contract *kp : {&f.lump_sum, &f.lump_sum_vat, &f.cost_plus}) {
      const auto &k = *kp;
      std::vector<Cell> cells = {
          Cell::of(c.t(k.name)),
          Cell::num(budget::round_cents(k.per_m2_month), budget_cell_formula(k.per_m2_month_formula, ft.id)),
          Cell::num(budget::round_cents(k.per_m2_month_incl_vat),
                    budget_cell_formula(k.per_m2_month_incl_vat_formula, ft.id))};
      if (households)
        cells.push_back(Cell::num(budget::round_cents(*k.per_household_month),
                                  budget_cell_formula(k.per_household_month_formula, ft.id)));
      cells.push_back(
          Cell::num(budget::round_cents(k.annual_revenue), budget_cell_formula(k.annual_revenue_formula, ft.id)));
      cells.push_back(Cell::of(c.t(k.basis)));
      ft.rows.push_back(body(k.id, std::move(cells)));
    }
    fs.blocks.push_back(std::move(ft));
    auto source = [&](const catalog::Text &src, const std::string &context) {
      if (src.empty()) return;
      if (c.citing())
        fs.blocks.push_back(Paragraph{c(msg::basis_prefix) + c.cite(src, context), Style::source});
      else
        fs.blocks.push_back(Paragraph{c(msg::source_prefix) + c.t(src), Style::source});
    };
    source(f.lump_sum.source, c(msg::sec_fee));
    if (f.parking) {
      fs.blocks.push_back(
          Paragraph{c(msg::budget_parking_name) + c(msg::colon) + c.t(f.parking->basis), Style::normal});
      source(f.parking->source, c(msg::budget_parking_name));
    }
    if (!f.income.empty()) {
      List items;
      for (const auto &x : f.income)
        items.items.push_back(c.citing() ? c.f(msg::budget_income_item_cited, c.t(x.name),
                                               detail::money(budget::to_cents(x.annual)), c.cite(x.source, c.t(x.name)))
                                         : c.f(msg::budget_income_item, c.t(x.name),
                                               detail::money(budget::to_cents(x.annual)), c.t(x.source)));
      fs.blocks.push_back(Paragraph{c(msg::budget_income_title) + c(msg::colon), Style::normal});
      fs.blocks.push_back(std::move(items));
      source(i18n::both(msg::budget_income_rule), c(msg::budget_income_title));
    }
    if (f.guide) {
      fs.blocks.push_back(Paragraph{c(msg::budget_guide_title) + c(msg::colon) + c.t(f.guide->basis),
                                    f.guide->position == "within" ? Style::normal : Style::warning});
      source(f.guide->source, c(msg::budget_guide_title));
    }
    s.sections.push_back(std::move(fs));
  }

  // The workbook's inputs sheet: what every formula above is computed from.
  Table in;
  in.id = "budget_inputs";
  in.sheet = "inputs";
  in.for_ = Table::For::workbook;
  in.caption = c(msg::cap_budget_inputs);
  in.columns = {col("input", c(msg::c_input)), col("value", c(msg::c_value), Align::right, -1),
                col("unit", c(msg::c_unit)), col("key", c(msg::c_key))};
  for (const auto &i : b.inputs)
    in.rows.push_back(body(i.key, {Cell::of(c.t(i.name)), Cell::num(i.value), Cell::of(c.t(i.unit)), Cell::of(i.key)}));
  s.blocks.push_back(std::move(in));

  std::vector<std::string> notes;
  for (const auto &n : b.notes) notes.push_back(c.t(n));
  if (!notes.empty()) {
    s.blocks.push_back(Paragraph{c(msg::notes_title), Style::normal});
    s.blocks.push_back(List{false, notes});
  }
  for (const auto &w : b.warnings)
    s.blocks.push_back(Paragraph{c(msg::warning_prefix) + c.t(w.message) + " [" + w.code + "]", Style::warning});
  return s;
}

} // namespace pm::report::detail
