// pm portfolio's document and JSON.

#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;

namespace {

std::string pct(std::optional<double> r) {
  if (!r) return "—";
  return util::format_number(std::round(*r * 1000.0) / 10.0, 1) + "%";
}

std::string yes_no(const Ctx &c, std::optional<bool> b) {
  if (!b) return "—";
  return *b ? c(msg::bool_yes) : c(msg::bool_no);
}

Table targets_table(const Ctx &c, const portfolio::Result &r) {
  Table t;
  t.id = "targets";
  t.caption = c(msg::portfolio_targets);
  t.columns = {col("target", c(msg::c_target)), col("goal", c(msg::c_goal)),     col("actual", c(msg::c_actual)),
               col("count", c(msg::c_tally)),   col("result", c(msg::c_result)), col("missing", c(msg::c_missing))};
  for (const auto &x : r.targets) {
    std::string missing;
    for (std::size_t i = 0; i < x.missing.size(); ++i) {
      if (i == 10) {
        missing += c.f(msg::portfolio_more, x.missing.size() - 10, x.missing.size());
        break;
      }
      // Named as in the estates table (the JSON keeps the ids).
      std::string shown = x.missing[i];
      for (const auto &e : r.rows)
        if (e.id == shown) shown = c.t(e.name);
      missing += (i ? c(msg::enumeration_separator) : "") + shown;
    }
    t.rows.push_back(body(
        x.target.id,
        {Cell::of(c.t(portfolio::target_name(x.target.id))), Cell::of("≥ " + pct(x.target.goal)), Cell::of(pct(x.rate)),
         Cell::of(std::to_string(x.numerator) + "/" + std::to_string(x.denominator)),
         x.met ? Cell::of(c(msg::portfolio_met)) : Cell::styled(c(msg::portfolio_missed), "miss"), Cell::of(missing)}));
  }
  return t;
}

Table estates_table(const Ctx &c, const portfolio::Result &r) {
  Table t;
  t.id = "estates";
  t.caption = c(msg::portfolio_estates);
  t.columns = {col("id", c(msg::c_id)), col("name", c(msg::c_name)), col("area", c(msg::c_area), Align::right),
               col("staff", c(msg::c_headcount), Align::right)};
  // Costs and fees where the estates were costed.
  const bool costed = r.total_cost.has_value();
  if (costed)
    for (auto &&x : {col("annual_cost", c(msg::c_annual_cost), Align::right, 2),
                     col("fee", c(msg::c_fee_incl_vat), Align::right, 2), col("rates", c(msg::c_rates))})
      t.columns.push_back(x);
  for (auto &&x : {col("tendered", c(msg::c_tendered)), col("contract", c(msg::c_contract_signed)),
                   col("licensed", c(msg::c_licensed)), col("certified", c(msg::c_certified)),
                   col("committee", c(msg::c_committee)), col("rectified", c(msg::c_rectified))})
    t.columns.push_back(x);
  for (const auto &e : r.rows) {
    const auto &g = e.governance;
    std::string rect = g.present ? std::to_string(g.rectification_closed) + "/" +
                                       std::to_string(g.rectification_open + g.rectification_closed)
                                 : "—";
    std::vector<Cell> cells = {Cell::of(e.id), Cell::of(c.t(e.name)), Cell::num(e.area), Cell::num(e.staff)};
    if (costed) {
      cells.push_back(e.annual_cost ? Cell::num(*e.annual_cost) : Cell::of("—"));
      cells.push_back(e.fee ? Cell::num(*e.fee) : Cell::of("—"));
      cells.push_back(Cell::of(
          e.rates.empty() ? "—" : data_set_name(e.rates_title, e.rates, c.lang()) + (e.illustrative ? " *" : "")));
    }
    for (auto &&x : {Cell::of(g.new_estate == true ? yes_no(c, g.tendered) : "—"),
                     Cell::of(yes_no(c, g.contract_signed)), Cell::of(yes_no(c, g.company_licensed)),
                     Cell::of(yes_no(c, g.manager_certified)), Cell::of(yes_no(c, g.owners_committee)), Cell::of(rect)})
      cells.push_back(x);
    t.rows.push_back(body(e.id, std::move(cells)));
  }
  return t;
}

// The flat table CSV writes: one row per estate, governance as true/false.
Table estates_data(const portfolio::Result &r, i18n::Lang lang) {
  Table t;
  t.id = "estates_data";
  t.for_ = Table::For::data;
  for (const char *id : {"id", "name", "file", "area", "staff", "annual_cost", "fee", "rates", "illustrative",
                         "new_estate", "tendered", "contract_signed", "company_licensed", "manager_certified",
                         "owners_committee", "rectification_open", "rectification_closed"})
    t.columns.push_back(col(id, ""));
  auto b = [](std::optional<bool> v) { return v ? (*v ? "true" : "false") : ""; };
  for (const auto &e : r.rows) {
    const auto &g = e.governance;
    std::vector<Cell> cells;
    for (const std::string &v :
         {e.id, e.name.get(lang), e.file, util::format_number(e.area), std::to_string(e.staff),
          e.annual_cost ? util::format_number(*e.annual_cost) : "", e.fee ? util::format_number(*e.fee) : "", e.rates,
          std::string(e.rates.empty()  ? ""
                      : e.illustrative ? "true"
                                       : "false"),
          std::string(b(g.new_estate)), std::string(b(g.tendered)), std::string(b(g.contract_signed)),
          std::string(b(g.company_licensed)), std::string(b(g.manager_certified)), std::string(b(g.owners_committee)),
          g.present ? std::to_string(g.rectification_open) : "",
          g.present ? std::to_string(g.rectification_closed) : ""})
      cells.push_back(Cell::of(v));
    t.rows.push_back(body(e.id, std::move(cells)));
  }
  return t;
}

std::string totals_line(const Ctx &c, const portfolio::Result &r) {
  std::string s = c.f(msg::portfolio_totals, r.rows.size(), num(r.total_area), num(r.total_staff));
  if (r.total_cost) s += c.f(msg::portfolio_totals_cost, num(*r.total_cost));
  if (r.invalid_files) s += c.f(msg::portfolio_totals_invalid, r.invalid_files);
  return s;
}

} // namespace

doc::Document portfolio_document(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(lang);
  d.title = t && !t->name.get(lang).empty() ? t->name.get(lang) : c(msg::portfolio_title);
  Section s{"portfolio", "", "", {}, {}};
  if (t) {
    s.blocks.push_back(targets_table(c, r));
    if (!t->phases.empty()) {
      List phases;
      for (const auto &p : t->phases) phases.items.push_back(c.t(p.name) + ": " + p.from + " – " + p.to);
      s.blocks.push_back(Paragraph{c(msg::portfolio_phases), Style::normal});
      s.blocks.push_back(std::move(phases));
    }
  }
  s.blocks.push_back(estates_table(c, r));
  s.blocks.push_back(Paragraph{totals_line(c, r), Style::normal});
  // Every figure that rests on illustrative rates says so, where it is shown.
  if (!r.illustrative_rates.empty()) {
    // Named as people know them (the rows hold each set's title).
    std::vector<std::string> names;
    for (const auto &n : r.illustrative_rates)
      for (const auto &e : r.rows)
        if (e.rates == n) {
          names.push_back(data_set_name(e.rates_title, n, c.lang()));
          break;
        }
    std::string sets = c.join(names);
    d.notices.push_back({c.f(msg::notice_illustrative, c.t(budget::illustrative_notice), sets), Style::note});
    s.blocks.push_back(Paragraph{c.f(msg::portfolio_illustrative, sets), Style::note});
  }
  s.blocks.push_back(estates_data(r, lang));
  d.sections.push_back(std::move(s));
  return d;
}

nlohmann::ordered_json portfolio_json(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang) {
  nlohmann::ordered_json j;
  j["targets_file"] = t ? nlohmann::ordered_json(t->file) : nlohmann::ordered_json(nullptr);
  j["lang"] = i18n::code(lang);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto &e : r.rows) {
    nlohmann::ordered_json x;
    x["id"] = e.id;
    x["name"] = e.name.get(lang);
    x["file"] = e.file;
    x["area"] = e.area;
    x["staff"] = e.staff;
    x["annual_cost"] = e.annual_cost ? nlohmann::ordered_json(*e.annual_cost) : nlohmann::ordered_json(nullptr);
    x["fee_per_m2_month"] = e.fee ? nlohmann::ordered_json(*e.fee) : nlohmann::ordered_json(nullptr);
    x["rates"] = e.rates.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.rates);
    x["illustrative"] = e.illustrative;
    if (e.governance.present) {
      const auto &g = e.governance;
      auto b = [](std::optional<bool> v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
      x["governance"] = {{"company", g.company},
                         {"new_estate", b(g.new_estate)},
                         {"tendered", b(g.tendered)},
                         {"contract_signed", b(g.contract_signed)},
                         {"company_licensed", b(g.company_licensed)},
                         {"manager_certified", b(g.manager_certified)},
                         {"owners_committee", b(g.owners_committee)},
                         {"rectification_open", g.rectification_open},
                         {"rectification_closed", g.rectification_closed}};
    } else {
      x["governance"] = nullptr;
    }
    rows.push_back(std::move(x));
  }
  j["estates"] = std::move(rows);
  nlohmann::ordered_json ts = nlohmann::ordered_json::array();
  for (const auto &tr : r.targets) {
    nlohmann::ordered_json x;
    x["id"] = tr.target.id;
    x["name"] = portfolio::target_name(tr.target.id).get(lang);
    x["goal"] = tr.target.goal;
    x["rate"] =
        tr.rate ? nlohmann::ordered_json(std::round(*tr.rate * 10000.0) / 10000.0) : nlohmann::ordered_json(nullptr);
    x["numerator"] = tr.numerator;
    x["denominator"] = tr.denominator;
    x["met"] = tr.met;
    x["missing"] = tr.missing;
    ts.push_back(std::move(x));
  }
  j["targets"] = std::move(ts);
  j["totals"] = {
      {"estates", r.rows.size()},
      {"invalid", r.invalid_files},
      {"area", r.total_area},
      {"staff", r.total_staff},
      {"annual_cost", r.total_cost ? nlohmann::ordered_json(*r.total_cost) : nlohmann::ordered_json(nullptr)}};
  j["all_met"] = r.all_met();
  j["notice"] = r.illustrative_rates.empty()
                    ? nlohmann::ordered_json(nullptr)
                    : nlohmann::ordered_json(budget::illustrative_notice.get(lang == i18n::Lang::zh));
  return j;
}

} // namespace pm::report
