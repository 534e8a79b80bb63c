#include <pm/budget/json.hpp>
#include <pm/i18n/lang.hpp>
#include <pm/i18n/messages.hpp>

#include <nlohmann/json.hpp>

namespace pm::budget {

using nlohmann::ordered_json;

namespace {
double cents(std::int64_t c) { return static_cast<double>(c) / 100.0; }
double monthly(std::int64_t c) { return round_cents(static_cast<double>(c) / 1200.0); }

ordered_json contract(const Contract &c, bool zh) {
  ordered_json j;
  j["id"] = c.id;
  j["name"] = c.name.get(zh);
  j["per_m2_month"] = round_cents(c.per_m2_month);
  j["annual_revenue"] = round_cents(c.annual_revenue);
  j["per_m2_month_incl_vat"] = round_cents(c.per_m2_month_incl_vat);
  j["per_household_month"] =
      c.per_household_month ? ordered_json(round_cents(*c.per_household_month)) : ordered_json(nullptr);
  j["basis"] = c.basis.get(zh);
  j["source"] = c.source.get(zh);
  return j;
}
} // namespace

ordered_json to_json(const Budget &b, bool zh) {
  ordered_json j;
  j["estate"] = b.estate_id;
  j["estate_name"] = b.estate_name.get(zh);
  j["lang"] = i18n::code(i18n::lang_of(zh));
  j["rates"] = b.rates;
  j["rates_title"] = b.rates_title.get(zh);
  j["rates_choice"] = b.rates_choice;
  j["rates_city"] = b.rates_city.empty() ? ordered_json(nullptr) : ordered_json(b.rates_city.get(zh));
  j["rates_year"] = b.rates_year ? ordered_json(b.rates_year) : ordered_json(nullptr);
  j["illustrative"] = b.illustrative;
  j["notice"] = b.illustrative ? ordered_json(illustrative_notice.get(zh)) : ordered_json(nullptr);
  j["norms"] = b.norms;
  j["labor"] = b.labor;
  j["currency"] = "CNY";
  j["headcount"] = b.headcount;
  j["chargeable_area"] = b.fee.chargeable_area;
  j["annual_cost"] = b.annual_cost();
  j["monthly_cost"] = b.monthly_cost();
  j["fee_charged"] = b.fee_charged;
  if (!b.fee_charged) { // a cost budget: no fee to show
    j["fee_per_m2_month"] = nullptr;
    j["fee"] = nullptr;
  } else {
    j["fee_per_m2_month"] = {{"lump_sum", round_cents(b.fee.lump_sum.per_m2_month)},
                             {"lump_sum_vat", round_cents(b.fee.lump_sum_vat.per_m2_month)},
                             {"cost_plus", round_cents(b.fee.cost_plus.per_m2_month)}};
    ordered_json fee;
    fee["chargeable_area"] = b.fee.chargeable_area;
    fee["households"] = b.fee.households > 0 ? ordered_json(b.fee.households) : ordered_json(nullptr);
    fee["household_area"] = b.fee.household_area;
    fee["profit_rate"] = b.fee.rates.profit_rate;
    fee["tax_rate"] = b.fee.rates.tax_rate;
    fee["vat_rate"] = b.fee.rates.vat_rate;
    fee["remuneration_rate"] = b.fee.rates.remuneration_rate;
    fee["contracts"] = ordered_json::array(
        {contract(b.fee.lump_sum, zh), contract(b.fee.lump_sum_vat, zh), contract(b.fee.cost_plus, zh)});
    if (const auto &p = b.fee.parking)
      fee["parking"] = {{"spaces", p->spaces},
                        {"per_space_month", p->per_space_month},
                        {"annual", round_cents(p->annual)},
                        {"basis", p->basis.get(zh)},
                        {"source", p->source.get(zh)}};
    else
      fee["parking"] = nullptr;
    ordered_json income = ordered_json::array();
    for (const auto &x : b.fee.income)
      income.push_back({{"name", x.name.get(zh)}, {"annual", round_cents(x.annual)}, {"source", x.source.get(zh)}});
    fee["income"] = std::move(income);
    fee["offsets"] = round_cents(b.fee.offsets);
    if (const auto &g = b.fee.guide)
      fee["guide_price"] = {
          {"grade", g->grade},          {"local_grade", g->local.get(zh)}, {"lift", g->lift}, {"base", g->base},
          {"low", round_cents(g->low)}, {"high", round_cents(g->high)},    {"fee", g->fee},   {"position", g->position},
          {"basis", g->basis.get(zh)},  {"source", g->source.get(zh)}};
    else
      fee["guide_price"] = nullptr;
    j["fee"] = std::move(fee);
  }

  ordered_json items = ordered_json::array();
  // A total's basis is its lines; their sources are theirs.
  auto count = [&](auto pred) {
    int n = 0;
    for (const auto &l : b.lines) n += pred(l) ? 1 : 0;
    return n;
  };
  const std::string see_lines = i18n::tr(i18n::lang_of(zh), i18n::msg::budget_total_source);
  for (const auto &i : b.items)
    items.push_back({{"id", i.id},
                     {"name", i.name.get(zh)},
                     {"annual", cents(i.cents)},
                     {"monthly", monthly(i.cents)},
                     {"basis", i18n::tr(i18n::lang_of(zh), i18n::msg::budget_item_total_basis,
                                        count([&](const Line &l) { return l.item == i.id; }))},
                     {"source", see_lines}});
  j["items"] = std::move(items);

  ordered_json deps = ordered_json::array();
  for (const auto &d : b.departments) {
    ordered_json dj;
    dj["id"] = d.id.empty() ? ordered_json(nullptr) : ordered_json(d.id);
    dj["name"] = d.name.get(zh);
    dj["headcount"] = d.headcount;
    dj["annual"] = cents(d.cents);
    dj["monthly"] = monthly(d.cents);
    dj["basis"] = i18n::tr(i18n::lang_of(zh), i18n::msg::budget_department_total_basis,
                           count([&](const Line &l) { return l.department == d.id; }));
    dj["source"] = see_lines;
    deps.push_back(std::move(dj));
  }
  j["departments"] = std::move(deps);
  // Cost centres, only when some lines are outside the fee.
  if (!b.centres.empty()) {
    ordered_json cs = ordered_json::array();
    for (const auto &t : b.centres)
      cs.push_back({{"id", t.id},
                    {"name", t.name.get(zh)},
                    {"annual", cents(t.cents)},
                    {"monthly", monthly(t.cents)},
                    {"in_fee", t.id == "owners"},
                    {"payer", t.payer.get(zh)}});
    j["cost_centres"] = std::move(cs);
  }

  ordered_json lines = ordered_json::array();
  for (const auto &l : b.lines) {
    ordered_json lj;
    lj["id"] = l.id;
    lj["item"] = l.item;
    lj["item_name"] = item_info(l.item) ? item_info(l.item)->name.get(zh) : l.item;
    lj["department"] = l.department.empty() ? ordered_json(nullptr) : ordered_json(l.department);
    lj["name"] = l.name.get(zh);
    lj["annual"] = l.annual();
    lj["monthly"] = l.monthly();
    lj["basis"] = l.basis.get(zh);
    lj["source"] = l.source.get(zh);
    if (l.centre != "owners") lj["cost_centre"] = l.centre; // outside the fee
    lines.push_back(std::move(lj));
  }
  j["lines"] = std::move(lines);

  ordered_json notes = ordered_json::array();
  for (const auto &n : b.notes) notes.push_back(n.get(zh));
  j["notes"] = std::move(notes);
  ordered_json warnings = ordered_json::array();
  for (const auto &w : b.warnings) warnings.push_back({{"code", w.code}, {"message", w.message.get(zh)}});
  j["warnings"] = std::move(warnings);
  return j;
}

} // namespace pm::budget
