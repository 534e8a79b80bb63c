#include <pm/budget/fee.hpp>

#include <cmath>

namespace pm::budget {

double fee_lump_sum(double annual_cost, double chargeable_area, double profit_rate, double tax_rate) {
  return annual_cost * (1 + profit_rate) / (1 - tax_rate) / 12 / chargeable_area;
}

double fee_lump_sum_vat(double annual_cost, double chargeable_area, double profit_rate) {
  return annual_cost * (1 + profit_rate) / 12 / chargeable_area;
}

double with_vat(double fee, double vat_rate) { return fee * (1 + vat_rate); }

double fee_cost_plus(double annual_expenditure, double chargeable_area, double remuneration_rate) {
  return annual_expenditure * (1 + remuneration_rate) / 12 / chargeable_area;
}

std::int64_t to_cents(double yuan) {
  double c = yuan * 100.0;
  // A nudge away from zero so that a decimal half (12.345 stored as 12.34499…) rounds as on paper.
  return std::llround(c + (c >= 0 ? 1e-7 : -1e-7));
}

double round_cents(double yuan) { return static_cast<double>(to_cents(yuan)) / 100.0; }

} // namespace pm::budget
