#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/app/plan.hpp>
#include <pm/budget/budget.hpp>
#include <pm/budget/json.hpp>

#include <nlohmann/json.hpp>
#include <string>

using namespace pm;
using namespace pm::budget;

namespace {

const char *const fee_rates = R"(
[fee]
profit_rate = 0.1
tax_rate = 0.055
vat_rate = 0.06
remuneration_rate = 0.1
source = "fee source"
)";

const char *const staff_rates = R"(
[meta]
illustrative = true
[wages]
months = 12
source = "wage source"
[wages.role]
security_supervisor = 6000
[wages.department]
security = 4000
[social_insurance]
pension = 0.16
medical = 0.08
unemployment = 0.005
maternity = 0.008
work_injury = 0.005
source = "si source"
[housing_fund]
rate = 0.1
source = "hf source"
[levies]
welfare = 0.14
union = 0.02
training = 0.015
source = "levy source"
[uniforms]
per_head_year = 800
source = "uniform source"
[uniforms.department]
security = 1000
)";

Rates rates(const std::string &text) {
  diag::Diagnostics d;
  auto r = parse_rates(text, "r.toml", "r.toml", fx::roles(), d);
  for (const auto &x : d) MESSAGE(x.line, ":", x.column, ": ", x.message);
  REQUIRE(r);
  return *r;
}

// Security: a supervisor and two gate guards.
staff::Staffing security_staffing() {
  staff::Staffing s;
  s.norms = "test";
  s.labor = "cn";
  s.total = 3;
  staff::DepartmentLine d;
  d.id = "security";
  d.name = {"安防部", "Security"};
  d.headcount = 3;
  d.roles.push_back({"security_supervisor", {"安防主管", "Security supervisor"}, "security", 1, {}});
  d.roles.push_back({"gate_guard", {"门岗", "Gate guard"}, "security", 2, {}});
  s.departments.push_back(d);
  return s;
}

estate::Estate small_estate() {
  estate::Estate e;
  e.id = "small";
  e.file = "small.yaml";
  e.name = {"小区", "Small"};
  e.areas.total = 1000;
  e.areas.chargeable = 800;
  e.equipment.lifts = 4;
  return e;
}

const Line *find(const Budget &b, const std::string &id) {
  for (const auto &l : b.lines)
    if (l.id == id) return &l;
  return nullptr;
}

Budget run(const estate::Estate &e, const staff::Staffing &s, const Rates &r) {
  auto c = compute(e, s, r, fx::roles());
  for (const auto &x : c.diagnostics) MESSAGE(x.code, ": ", x.message);
  REQUIRE(c.budget);
  return *c.budget;
}

} // namespace

TEST_CASE("compute costs wages by role × headcount, with the department's default") {
  Budget b = run(small_estate(), security_staffing(), rates(std::string(staff_rates) + fee_rates));
  const Line *w = find(b, "wages.security");
  REQUIRE(w);
  CHECK(w->annual() == (6000 + 2 * 4000) * 12);
  CHECK(w->monthly() == 14000);
  CHECK(w->item == "wages");
  CHECK(w->department == "security");
  CHECK(w->source == i18n::Text::same("wage source"));
  CHECK(w->basis.en == "Security supervisor 1 × 6,000 + Gate guard 2 × 4,000 = 14,000 元 a month × 12 months");
}

TEST_CASE("compute pays the months the rates give (a 13th month)") {
  std::string text = std::string(staff_rates) + fee_rates;
  text.replace(text.find("months = 12"), 11, "months = 13");
  Budget b = run(small_estate(), security_staffing(), rates(text));
  CHECK(find(b, "wages.security")->annual() == 14000 * 13);
  CHECK(find(b, "social_insurance.security")->annual() == doctest::Approx(14000 * 13 * 0.258));
}

TEST_CASE("compute charges social insurance, housing fund and levies on wages") {
  Budget b = run(small_estate(), security_staffing(), rates(std::string(staff_rates) + fee_rates));
  double wages = 168000;
  CHECK(find(b, "social_insurance.security")->annual() == 43344); // × (16 + 8 + 0.5 + 0.8 + 0.5) %
  CHECK(find(b, "social_insurance.security")->basis.en == "wages 168,000.00 × 25.8 % (pension 16 % + medical 8 % + "
                                                          "unemployment 0.5 % + maternity 0.8 % + work injury 0.5 %)");
  CHECK(find(b, "housing_fund.security")->annual() == wages * 0.10);
  CHECK(find(b, "welfare.security")->annual() == doctest::Approx(wages * 0.14));
  CHECK(find(b, "union.security")->annual() == doctest::Approx(wages * 0.02));
  CHECK(find(b, "training.security")->annual() == doctest::Approx(wages * 0.015));
  CHECK(find(b, "uniforms.security")->annual() == 3 * 1000);
}

TEST_CASE("compute bounds the contribution base by the city's floor") {
  std::string text = std::string(staff_rates) + fee_rates;
  text.replace(text.find("source = \"si source\""), 20, "base_min = 5000\nsource = \"si source\"");
  Budget b = run(small_estate(), security_staffing(), rates(text));
  // Supervisor 6,000 stays; each guard's 4,000 is raised to the 5,000 floor.
  CHECK(find(b, "social_insurance.security")->annual() == doctest::Approx((6000 + 2 * 5000) * 12 * 0.258));
  CHECK(find(b, "housing_fund.security")->annual() == 168000 * 0.10); // no floor there
}

TEST_CASE("compute multiplies entries by the estate's quantities") {
  std::string text = std::string(staff_rates) + fee_rates + R"(
[electricity]
price = 0.5
source = "tariff"
[[energy]]
id = "lifts"
en = "Lifts"
quantity = "lifts"
kwh = 1000
source = "e"
[[cleaning_materials]]
id = "bags"
en = "Bags"
quantity = "area.total"
rate_month = 0.1
department = "environment"
source = "c"
[[greening_materials]]
id = "plants"
en = "Plants"
quantity = "area.green"
rate = 2
source = "g"
[[plant_upkeep]]
id = "lifts"
en = "Lift upkeep"
quantity = "lifts"
rate = 500
department = "maintenance"
unless_outsourced = "lift_maintenance"
source = "p"
[[insurance]]
id = "common_parts"
en = "Common parts"
quantity = "area.total"
rate = 0.05
source = "i"
[[office]]
id = "per_head"
en = "Per head"
quantity = "headcount"
rate = 100
source = "o"
[[other]]
id = "events"
en = "Events"
rate = 1000
source = "x"
)";
  Budget b = run(small_estate(), security_staffing(), rates(text));
  const Line *lifts = find(b, "energy.lifts");
  REQUIRE(lifts);
  CHECK(lifts->annual() == 4 * 1000 * 0.5);
  CHECK(lifts->basis.en == "4 lifts × 1,000 kWh a year × 0.5 元/kWh");
  CHECK(lifts->department.empty());
  const Line *bags = find(b, "cleaning_materials.bags");
  REQUIRE(bags);
  CHECK(bags->annual() == doctest::Approx(1000 * 0.1 * 12));
  CHECK(bags->department == "environment");
  CHECK_FALSE(find(b, "greening_materials.plants")); // no green area: no line
  REQUIRE(find(b, "plant_upkeep.lifts"));            // lift maintenance is not contracted out here
  CHECK(find(b, "plant_upkeep.lifts")->annual() == 4 * 500);
  CHECK(find(b, "plant_upkeep.lifts")->department == "maintenance");
  CHECK(find(b, "insurance.common_parts")->annual() == doctest::Approx(1000 * 0.05));
  CHECK(find(b, "insurance.common_parts")->basis.en == "1,000 m² managed × 0.05 元 a year");
  CHECK(find(b, "office.per_head")->annual() == 300);
  CHECK(find(b, "office.per_head")->basis.en == "3 people × 100 元 a year");
  // The department breakdown holds maintenance (no staff, one line) and the common costs.
  bool maintenance = false;
  for (const auto &d : b.departments)
    maintenance = maintenance || (d.id == "maintenance" && d.headcount == 0 && d.cents == 200000);
  CHECK(maintenance);
  CHECK(b.departments.back().id.empty());
  CHECK(find(b, "other.events")->annual() == 1000);
  CHECK(find(b, "other.events")->basis.en == "fixed sum of 1,000 元 a year");
}

TEST_CASE("compute takes outsourced services at contract value and leaves out what they cover") {
  estate::Estate e = small_estate();
  e.outsourced.push_back({"lift_maintenance", "Lifts Ltd", 48000, 0, 0, 0, 0, "", "owners"});
  e.outsourced.push_back({"river_cleaning", "", 0, 0, 0, 0, 0, "", "owners"});
  std::string text = std::string(staff_rates) + fee_rates + R"(
[[plant_upkeep]]
id = "lifts"
en = "Lift upkeep"
quantity = "lifts"
rate = 500
unless_outsourced = "lift_maintenance"
source = "p"
)";
  Budget b = run(e, security_staffing(), rates(text));
  CHECK_FALSE(find(b, "plant_upkeep.lifts"));
  const Line *o = find(b, "outsourced.lift_maintenance");
  REQUIRE(o);
  CHECK(o->annual() == 48000);
  CHECK(o->basis.en == "contract value 48,000 元 a year (Lifts Ltd)");
  REQUIRE(find(b, "outsourced.river_cleaning"));
  CHECK(find(b, "outsourced.river_cleaning")->annual() == 0);
  REQUIRE(b.warnings.size() == 1);
  CHECK(b.warnings[0].code == "no-contract-value");
  bool noted = false;
  for (const auto &n : b.notes) noted = noted || n.en.find("'Lift upkeep' left out") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("compute depreciates assets on a straight line less their salvage value") {
  std::string text = std::string(staff_rates) + fee_rates + R"(
[depreciation]
salvage_rate = 0.04
source = "rule"
[[depreciation.asset]]
id = "pc"
en = "Computers"
cost = 10000
life_years = 5
salvage_rate = 0.05
source = "a"
[[depreciation.asset]]
id = "carts"
en = "Carts"
unit_cost = 1000
quantity = "lifts"
life_years = 4
source = "b"
)";
  Budget b = run(small_estate(), security_staffing(), rates(text));
  CHECK(find(b, "depreciation.pc")->annual() == 10000 * 0.95 / 5);
  CHECK(find(b, "depreciation.carts")->annual() == 4 * 1000 * 0.96 / 4);
  CHECK(find(b, "depreciation.pc")->source.en == "a; depreciation rule: rule");
  CHECK(find(b, "depreciation.pc")->source.zh == "a；折旧规则：rule");
}

TEST_CASE("compute allocates head-office overhead on the other lines; lines add up exactly") {
  std::string text = std::string(staff_rates) + fee_rates + R"(
[[other]]
id = "odd"
en = "Odd"
quantity = "area.total"
rate = 0.3333
source = "x"
[overhead]
rate = 0.05
source = "oh"
)";
  Budget b = run(small_estate(), security_staffing(), rates(text));
  const Line *oh = find(b, "overhead");
  REQUIRE(oh);
  std::int64_t before = 0;
  for (const auto &l : b.lines)
    if (l.item != "overhead") before += l.cents;
  CHECK(oh->cents == to_cents(static_cast<double>(before) / 100.0 * 0.05));
  CHECK(b.lines.back().id == "overhead");
  std::int64_t sum = 0, items = 0, deps = 0;
  for (const auto &l : b.lines) sum += l.cents;
  for (const auto &i : b.items) items += i.cents;
  for (const auto &d : b.departments) deps += d.cents;
  CHECK(sum == b.cents);
  CHECK(items == b.cents);
  CHECK(deps == b.cents);
  CHECK(find(b, "other.odd")->cents == 33330);
}

TEST_CASE("compute gives the fee for each contract from the budget's total") {
  Budget b = run(small_estate(), security_staffing(), rates(std::string(staff_rates) + fee_rates));
  double cost = b.annual_cost();
  CHECK(b.fee.chargeable_area == 800);
  CHECK(b.fee.lump_sum.per_m2_month == doctest::Approx(fee_lump_sum(cost, 800, 0.1, 0.055)));
  CHECK(b.fee.lump_sum_vat.per_m2_month == doctest::Approx(fee_lump_sum_vat(cost, 800, 0.1)));
  CHECK(b.fee.lump_sum_vat.per_m2_month_incl_vat == doctest::Approx(with_vat(fee_lump_sum_vat(cost, 800, 0.1), 0.06)));
  CHECK(b.fee.cost_plus.per_m2_month_incl_vat == doctest::Approx(with_vat(fee_cost_plus(cost, 800, 0.1), 0.06)));
  CHECK(b.fee.lump_sum.per_m2_month_incl_vat == doctest::Approx(b.fee.lump_sum.per_m2_month));
  CHECK(b.fee.cost_plus.per_m2_month == doctest::Approx(fee_cost_plus(cost, 800, 0.1)));
  CHECK(b.illustrative);
  bool repairs = false;
  for (const auto &n : b.notes) repairs = repairs || n.en.find("special maintenance fund") != std::string::npos;
  CHECK(repairs);
}

TEST_CASE("compute reproduces the textbook fee through the whole budget") {
  estate::Estate e;
  e.id = "textbook";
  e.areas.total = 250000;
  e.areas.chargeable = 200000;
  staff::Staffing nobody;
  Rates r =
      rates(std::string("[meta]\n[[other]]\nid = \"cost\"\nen = \"Annual cost\"\nrate = 5000000\nsource = \"t\"\n") +
            fee_rates);
  Budget b = run(e, nobody, r);
  CHECK(b.annual_cost() == 5'000'000);
  CHECK(round_cents(b.fee.lump_sum.per_m2_month) == 2.43);
  auto j = to_json(b, false);
  CHECK(j["fee_per_m2_month"]["lump_sum"] == 2.43);
  CHECK(j["annual_cost"] == 5'000'000.0);
}

TEST_CASE("compute reports what the rates lack for the staffing") {
  SUBCASE("no wage for a role") {
    std::string text = std::string(staff_rates) + fee_rates;
    text.replace(text.find("security = 4000"), 15, "");
    auto c = compute(small_estate(), security_staffing(), rates(text), fx::roles());
    CHECK_FALSE(c.budget);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].code == "no-wage");
    CHECK(c.diagnostics[0].file == "r.toml");
    CHECK(c.diagnostics[0].line == 4); // the [wages] table
    CHECK(c.diagnostics[0].message.find("gate_guard") != std::string::npos);
  }
  SUBCASE("no social insurance table") {
    auto c = compute(small_estate(), security_staffing(),
                     rates(std::string("[meta]\n[wages]\nsource = \"w\"\n") + fee_rates), fx::roles());
    CHECK_FALSE(c.budget);
    CHECK(c.diagnostics.size() == 3); // social_insurance, housing_fund, levies
    CHECK(c.diagnostics[0].code == "missing-key");
  }
  SUBCASE("no chargeable area") {
    estate::Estate e = small_estate();
    e.areas.chargeable = 0;
    auto c = compute(e, security_staffing(), rates(std::string(staff_rates) + fee_rates), fx::roles());
    CHECK_FALSE(c.budget);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].code == "no-chargeable-area");
  }
}

TEST_CASE("compute on the plan 1 example: JSON lines add up to annual_cost") {
  auto in = fx::input("residential-145k");
  staff::Staffing s = staff::compute(in.estate, fx::context().norms, fx::context().labor, fx::roles());
  diag::Diagnostics d;
  auto r = load_rates("example", fx::roles(), d);
  REQUIRE(r);
  Budget b = run(in.estate, s, *r);
  CHECK(b.headcount == s.total);
  auto j = to_json(b, true);
  std::int64_t sum = 0;
  for (const auto &l : j["lines"]) sum += to_cents(l["annual"].get<double>());
  CHECK(sum == to_cents(j["annual_cost"].get<double>()));
  CHECK(j["illustrative"] == true);
  CHECK(j["notice"] == "示意数字——请替换为您自己的费率");
  // Every department of the staffing has a wages line whose headcount matches.
  for (const auto &dep : s.departments) CHECK(find(b, "wages." + dep.id));
}

TEST_CASE("compute: posts kept every day cost the statutory holidays at the holiday rate") {
  auto in = fx::input("residential-145k");
  const auto &cx = fx::context();
  pm::app::PlanRequest req;
  req.budget = true;
  auto plan = pm::app::make_plan(cx, in, req);
  REQUIRE(plan.budget);
  const auto &b = *plan.budget;
  const pm::budget::Line *hv = nullptr;
  for (const auto &l : b.lines)
    if (l.id == "holiday_pay.hv_room") hv = &l;
  REQUIRE(hv);
  CHECK(hv->item == "wages");
  // 2 seats × 24 h × 13 days × (the HV duty electrician's monthly wage ÷ 21.75 ÷ 8) × 300 %.
  std::string how;
  const pm::budget::Rates *rates = pm::app::rates_for(cx, plan.estate, how);
  REQUIRE(rates);
  CHECK(how == "city"); // the estate is in Beijing: the Beijing set
  CHECK(b.rates == "beijing");
  double wage = rates->wages.by_role.at("hv_duty_electrician");
  CHECK(hv->annual() == doctest::Approx(2 * 24 * 13 * wage / 21.75 / 8 * 3).epsilon(1e-6));
  CHECK(hv->basis.en.find("× 300 %") != std::string::npos);
  // No labour profile, no holiday lines (the library's callers opt in).
  auto bare = pm::budget::compute(plan.estate, plan.staffing, *cx.rates, plan.roles);
  REQUIRE(bare.budget);
  for (const auto &l : bare.budget->lines) CHECK(l.id.rfind("holiday_pay.", 0) != 0);
}

// An estate planned with its budget, at the rates its city picks.
pm::app::Plan budgeted(const pm::app::EstateInput &in) {
  pm::app::PlanRequest req;
  req.budget = true;
  return pm::app::make_plan(fx::context(), in, req);
}
// Plan 1 moved to Chongqing, whose rates have a guide price and a parking fee.
pm::app::EstateInput chongqing() {
  auto in = fx::input("residential-145k");
  in.estate.city = "重庆";
  return in;
}

TEST_CASE("compute: an estate's city picks its rate set; a city without one gets the default, said in a note") {
  auto in = chongqing();
  auto plan = budgeted(in);
  REQUIRE(plan.budget);
  CHECK(plan.budget->rates == "chongqing");
  CHECK(plan.budget->rates_choice == "city");
  CHECK(plan.budget->rates_year == 2024);
  CHECK(plan.budget->notes.front().en.find("chosen by the estate's city (重庆)") != std::string::npos);

  in.estate.city = "拉萨";
  auto other = budgeted(in);
  REQUIRE(other.budget);
  CHECK(other.budget->rates == "example");
  CHECK(other.budget->rates_choice == "default");
  CHECK(other.budget->notes.front().zh.find("（拉萨）没有内置费率") != std::string::npos);
}

TEST_CASE("compute: parking spaces pay their own fee, which comes off the area's; the guide band is placed") {
  auto in = chongqing();
  auto plan = budgeted(in);
  REQUIRE(plan.budget);
  const auto &f = plan.budget->fee;
  REQUIRE(f.parking);
  // 217 garages + 264 spaces at 80 元 a month.
  CHECK(f.parking->spaces == 481);
  CHECK(f.parking->annual == doctest::Approx(481 * 80 * 12));
  double cost = plan.budget->annual_cost();
  double lump = fee_lump_sum(cost, f.chargeable_area, f.rates.profit_rate, f.rates.tax_rate);
  CHECK(f.lump_sum.per_m2_month == doctest::Approx(lump - f.parking->annual / 12 / f.chargeable_area));
  double vat = f.rates.vat_rate;
  CHECK(f.cost_plus.per_m2_month == doctest::Approx(fee_cost_plus(cost, f.chargeable_area, f.rates.remuneration_rate) -
                                                    f.parking->annual / (1 + vat) / 12 / f.chargeable_area));
  // Grade 2 with lifts is Chongqing's 三级: 1.60, 10 % either way above 40,000 m².
  REQUIRE(f.guide);
  CHECK(f.guide->local.zh == "三级");
  CHECK(f.guide->lift);
  CHECK(f.guide->base == doctest::Approx(1.60));
  CHECK(f.guide->low == doctest::Approx(1.44));
  CHECK(f.guide->high == doctest::Approx(1.76));
  CHECK(f.guide->position == (f.guide->fee > 1.76 ? "above" : f.guide->fee < 1.44 ? "below" : "within"));

  // A small estate without lifts: the no-lift price, and up to 15 % above it at 40,000 m² or less.
  in.estate.equipment.lifts = 0;
  in.estate.areas.chargeable = 30000;
  in.estate.areas.chargeable_given = true;
  auto small = budgeted(in);
  REQUIRE(small.budget);
  REQUIRE(small.budget->fee.guide);
  CHECK(small.budget->fee.guide->base == doctest::Approx(1.10));
  CHECK(small.budget->fee.guide->high == doctest::Approx(1.10 * 1.15));
}

TEST_CASE("parse_rates: a wage below the set's minimum wage is an error at the wage") {
  const auto &roles = fx::context().roles;
  pm::diag::Diagnostics d;
  auto r = pm::budget::parse_rates(R"([meta]
title_zh = "t"
title_en = "t"
[minimum_wage]
monthly = 2100
source = "x 第一条"
[wages]
default = 3000
source = "x 第一条"
[wages.department]
security = 2000
[fee]
profit_rate = 0.1
tax_rate = 0.06
vat_rate = 0.06
remuneration_rate = 0.1
source = "x 第一条"
)",
                                   "r.toml", "r.toml", roles, d);
  CHECK_FALSE(r);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "below-minimum-wage");
  CHECK(d[0].line == 11);
  CHECK(d[0].message.find("security = 2000") != std::string::npos);
  CHECK(d[0].message.find("minimum wage of 2100") != std::string::npos);
}

TEST_CASE("compute: an outsourced price per m² or per post, with its source or marked an assumption") {
  const auto &cx = fx::context();
  pm::app::PlanRequest req;
  req.budget = true;
  auto in = fx::input("residential-145k");
  in.estate.outsourced.clear();
  in.estate.outsourced.push_back({"cleaning", "", 0, 0.25, 116000, 0, 0, "2025 quotation", "owners"});
  in.estate.outsourced.push_back({"security", "", 0, 0, 0, 5200, 20, "", "owners"});
  auto plan = pm::app::make_plan(cx, in, req);
  REQUIRE(plan.budget);
  const auto *cleaning = find(*plan.budget, "outsourced.cleaning");
  const auto *security = find(*plan.budget, "outsourced.security");
  REQUIRE(cleaning);
  REQUIRE(security);
  CHECK(cleaning->annual() == doctest::Approx(0.25 * 116000 * 12));
  CHECK(cleaning->basis.en == "116,000 m² × 0.25 元/m²·month × 12");
  CHECK(cleaning->source.en.find("price from: 2025 quotation") != std::string::npos);
  CHECK(security->annual() == doctest::Approx(5200 * 20 * 12));
  CHECK(security->source.en.find("an assumption") != std::string::npos);
}

TEST_CASE("compute: common income the contract sets against the fee comes off what the area pays") {
  const auto &cx = fx::context();
  pm::app::PlanRequest req;
  req.budget = true;
  auto in = fx::input("residential-145k");
  auto base = pm::app::make_plan(cx, in, req);
  in.estate.income.push_back({{"电梯广告", "Lift advertising"}, 120000, "2024 accounts"});
  auto plan = pm::app::make_plan(cx, in, req);
  REQUIRE(base.budget);
  REQUIRE(plan.budget);
  const auto &f = plan.budget->fee;
  CHECK(plan.budget->cents == base.budget->cents); // income is not a cost
  CHECK(f.offsets == doctest::Approx(120000));
  CHECK(f.lump_sum.per_m2_month ==
        doctest::Approx(base.budget->fee.lump_sum.per_m2_month - 120000.0 / 12 / f.chargeable_area));
  CHECK(f.cost_plus.per_m2_month == doctest::Approx(base.budget->fee.cost_plus.per_m2_month -
                                                    120000.0 / (1 + f.rates.vat_rate) / 12 / f.chargeable_area));
  REQUIRE(f.income.size() == 1);
  CHECK(f.income[0].source.en.find("income[0], 2024 accounts") != std::string::npos);
}

TEST_CASE("compute: the working-hours note says which system the staffing assumes, or that duty runs over") {
  const auto &cx = fx::context();
  pm::app::PlanRequest req;
  req.budget = true;
  auto has = [](const pm::budget::Budget &b, const std::string &text) {
    for (const auto &n : b.notes)
      if (n.en.find(text) != std::string::npos) return true;
    return false;
  };
  auto plan = pm::app::make_plan(cx, fx::input("residential-145k"), req);
  REQUIRE(plan.budget);
  CHECK(has(*plan.budget, "comprehensive working-hours system"));
  CHECK_FALSE(has(*plan.budget, "past the legal hours"));

  // Under the practice norms the HV room's night duty runs past the limit: said, not costed.
  pm::app::Choices ch;
  ch.norms = "cn-practice";
  ch.rates_needed = true;
  auto loaded = pm::app::load_context(ch);
  REQUIRE(loaded.context);
  auto practice = pm::app::make_plan(*loaded.context, fx::input("residential-145k"), req);
  REQUIRE(practice.budget);
  bool over = false;
  for (const auto &w : practice.staffing.warnings) over = over || w.code == "duty-over-limit";
  CHECK(over);
  CHECK(has(*practice.budget, "past the legal hours"));
  CHECK_FALSE(has(*practice.budget, "no overtime planned"));
}

TEST_CASE("compute: the special maintenance fund is housing's; elsewhere the owner pays for major repairs") {
  const auto &terms = *fx::context().terms;
  auto r = rates(std::string(staff_rates) + fee_rates);
  auto notes = [&](const char *type) {
    estate::Estate e = small_estate();
    e.type = type;
    auto c = compute(e, security_staffing(), r, fx::roles(), nullptr, "given", terms.of(type));
    REQUIRE(c.budget);
    std::string all;
    for (const auto &n : c.budget->notes) all += n.zh + "\n" + n.en + "\n";
    return all;
  };
  CHECK(notes("residential").find("专项维修资金") != std::string::npos);
  CHECK(notes("mixed_use").find("专项维修资金") != std::string::npos);
  for (const char *type : {"office", "campus_dormitory", "institution", "industrial_park"}) {
    CAPTURE(type);
    std::string n = notes(type);
    CHECK(n.find("专项维修资金") == std::string::npos);
    CHECK(n.find("maintenance fund") == std::string::npos);
    // Where no fee is charged, major repairs are outside the cost budget instead.
    bool fee = std::string(type) == "office" || std::string(type) == "industrial_park";
    CHECK(n.find(fee ? "不计入物业服务费" : "不计入本成本预算") != std::string::npos);
  }
  CHECK(notes("campus_dormitory").find("校方") != std::string::npos);
}

TEST_CASE("compute: no fee per m² where the estate type's terms say none is charged (a cost budget)") {
  const auto &terms = *fx::context().terms;
  auto r = rates(std::string(staff_rates) + fee_rates);
  for (const char *type : {"residential", "office", "campus_dormitory", "institution"}) {
    CAPTURE(type);
    estate::Estate e = small_estate();
    e.type = type;
    auto c = compute(e, security_staffing(), r, fx::roles(), nullptr, "given", terms.of(type));
    REQUIRE(c.budget);
    const bool charged = std::string(type) == "residential" || std::string(type) == "office";
    CHECK(c.budget->fee_charged == charged);
    CHECK((c.budget->fee.lump_sum.per_m2_month > 0) == charged);
    CHECK(c.budget->cents > 0); // the cost is there either way
    std::string all;
    for (const auto &n : c.budget->notes) all += n.zh + "\n";
    CHECK((all.find("成本预算") != std::string::npos) == !charged);
  }
}
