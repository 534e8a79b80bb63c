// Each budget line's formula (what the XLSX writes over its inputs sheet) evaluated here gives
// the line's amount, and the fee's formulas give the fee: the workbook recalculates to pm's
// figures. tests/xlsx_recalc checks the same through LibreOffice on one example.
#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/app/plan.hpp>
#include <pm/budget/budget.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

using namespace pm;

namespace {

// A small evaluator of the formulas' Excel syntax: numbers, + - * /, parentheses, MIN, MAX,
// {key} inputs and {@id} lines (their rounded amounts).
class Eval {
public:
  Eval(const std::map<std::string, double> &inputs, const std::map<std::string, double> &lines)
      : m_in(inputs), m_lines(lines) {}
  double operator()(const std::string &f) {
    m_s = f;
    m_i = 0;
    double v = sum();
    if (m_i != m_s.size()) throw std::runtime_error("trailing text in " + f);
    return v;
  }

private:
  double sum() {
    double v = product();
    while (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-')) {
      char op = m_s[m_i++];
      double r = product();
      v = op == '+' ? v + r : v - r;
    }
    return v;
  }
  double product() {
    double v = atom();
    while (m_i < m_s.size() && (m_s[m_i] == '*' || m_s[m_i] == '/')) {
      char op = m_s[m_i++];
      double r = atom();
      v = op == '*' ? v * r : v / r;
    }
    return v;
  }
  double atom() {
    if (m_s.compare(m_i, 4, "MIN(") == 0 || m_s.compare(m_i, 4, "MAX(") == 0) {
      bool min = m_s[m_i + 1] == 'I';
      m_i += 4;
      double a = sum();
      expect(',');
      double b = sum();
      expect(')');
      return min ? std::min(a, b) : std::max(a, b);
    }
    if (m_s[m_i] == '(') {
      ++m_i;
      double v = sum();
      expect(')');
      return v;
    }
    if (m_s[m_i] == '{') {
      std::size_t end = m_s.find('}', m_i);
      std::string ref = m_s.substr(m_i + 1, end - m_i - 1);
      m_i = end + 1;
      const auto &from = ref[0] == '@' ? m_lines : m_in;
      auto it = from.find(ref[0] == '@' ? ref.substr(1) : ref);
      if (it == from.end()) throw std::runtime_error("unknown reference " + ref);
      return it->second;
    }
    std::size_t used = 0;
    double v = std::stod(m_s.substr(m_i), &used);
    m_i += used;
    return v;
  }
  void expect(char c) {
    if (m_i >= m_s.size() || m_s[m_i] != c) throw std::runtime_error(std::string("expected ") + c + " in " + m_s);
    ++m_i;
  }

  const std::map<std::string, double> &m_in, &m_lines;
  std::string m_s;
  std::size_t m_i = 0;
};

// Checks every formula of a budget against its figures, to the fen.
void check_formulas(const budget::Budget &b) {
  std::map<std::string, double> inputs, lines;
  for (const auto &i : b.inputs) {
    CHECK_MESSAGE(!inputs.count(i.key), "input listed twice: ", i.key);
    inputs[i.key] = i.value;
  }
  for (const auto &l : b.lines) {
    REQUIRE_MESSAGE(!l.formula.empty(), "no formula for ", l.id);
    double v = Eval(inputs, lines)(l.formula);
    CHECK_MESSAGE(budget::to_cents(v) == l.cents, l.id, ": ", l.formula);
    lines[l.id] = l.annual();
  }
  lines["total"] = b.annual_cost();
  for (const auto &d : b.departments)
    if (!d.headcount_formula.empty()) CHECK(Eval(inputs, lines)(d.headcount_formula) == d.headcount);
  for (const budget::Contract *k : {&b.fee.lump_sum, &b.fee.lump_sum_vat, &b.fee.cost_plus}) {
    if (!b.fee_charged) { // a cost budget: no fee, no formulas for one
      CHECK(k->per_m2_month_formula.empty());
      CHECK(k->per_m2_month == 0);
      continue;
    }
    CHECK(budget::round_cents(Eval(inputs, lines)(k->per_m2_month_formula)) == budget::round_cents(k->per_m2_month));
    CHECK(budget::round_cents(Eval(inputs, lines)(k->per_m2_month_incl_vat_formula)) ==
          budget::round_cents(k->per_m2_month_incl_vat));
    CHECK(budget::round_cents(Eval(inputs, lines)(k->annual_revenue_formula)) ==
          budget::round_cents(k->annual_revenue));
    if (k->per_household_month)
      CHECK(budget::round_cents(Eval(inputs, lines)(k->per_household_month_formula)) ==
            budget::round_cents(*k->per_household_month));
    else
      CHECK(k->per_household_month_formula.empty());
  }
}

} // namespace

TEST_CASE("budget formulas over the inputs give every line and fee of the examples") {
  for (const char *name :
       {"residential-145k", "villa-riverside", "college-dormitories", "institution-centre", "model-estate-campaign"}) {
    CAPTURE(name);
    app::PlanRequest req;
    req.budget = true;
    auto plan = app::make_plan(fx::context(), fx::input(name), req);
    REQUIRE(plan.budget);
    check_formulas(*plan.budget);
    // The wage of a department's roles is one input, where the rates give it.
    bool any_wage = false;
    for (const auto &i : plan.budget->inputs) any_wage = any_wage || i.key.rfind("wages.", 0) == 0;
    CHECK(any_wage);
  }
}

TEST_CASE("budget formulas keep the contribution base within the city's floor and ceiling") {
  auto in = fx::input("residential-145k");
  const auto &cx = fx::context();
  budget::Rates r = *cx.rates;
  r.social_insurance.base_min = 5000; // raises the cleaners' and guards' base
  r.social_insurance.base_max = 9000; // lowers the manager's
  r.housing_fund.base_min = 4000;
  app::PlanRequest req;
  req.budget = true;
  auto plan = app::make_plan(cx, in, req);
  auto c = budget::compute(plan.estate, plan.staffing, r, plan.roles, &cx.labor);
  REQUIRE(c.budget);
  check_formulas(*c.budget);
  bool bounded = false;
  for (const auto &l : c.budget->lines)
    if (l.item == "social_insurance") bounded = bounded || l.formula.find("MIN(MAX(") != std::string::npos;
  CHECK(bounded);
}

TEST_CASE("budget formulas take the parking spaces' fee off the area's, at every built-in city's rates") {
  const auto &cx = fx::context();
  app::PlanRequest req;
  req.budget = true;
  bool parked = false;
  for (const auto &r : cx.city_rates) {
    CAPTURE(r.name);
    auto in = fx::input("residential-145k");
    in.estate.city = r.cities.front();
    auto plan = app::make_plan(cx, in, req);
    REQUIRE(plan.budget);
    CHECK(plan.budget->rates == r.name);
    check_formulas(*plan.budget);
    parked = parked || plan.budget->fee.parking.has_value();
  }
  CHECK(parked); // at least one city prices parking spaces (Chongqing)
}
