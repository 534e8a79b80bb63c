#pragma once
// The cost budget of an estate and the property fee it implies (物业服务收费管理办法;
// 物业服务定价成本监审办法): lines by cost item and department, each with its arithmetic and source.

#include <pm/budget/fee.hpp>
#include <pm/budget/rates.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/terms.hpp>
#include <pm/diag/diagnostic.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/engine.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pm::budget {

// Cost items, in the order of the budget (ids as in JSON "item").
struct ItemInfo {
  const char *id;
  catalog::Text name;
};
const std::vector<ItemInfo> &items();
const ItemInfo *item_info(const std::string &id);

// A figure the budget is computed from (a wage, a headcount, a rate, a quantity of the estate),
// listed once however many lines use it, so that a spreadsheet can be recomputed from them.
struct Input {
  std::string key; // stable: "wage.department.security", "headcount.security.security_guard", "fee.tax_rate"
  catalog::Text name;
  double value = 0;
  catalog::Text unit;
};

// One line of the budget. Amounts are whole fen, so lines add up exactly.
// `formula` is its annual amount before rounding to the fen, as an expression of Excel syntax in
// which {key} is an input's value and {@id} the (rounded) amount of another line; "@total" is
// the budget's total. Evaluated in that order of operations it gives `cents` when rounded.
struct Line {
  std::string id;         // "wages.security", "energy.lifts", "outsourced.river_cleaning"
  std::string item;       // "wages"
  std::string department; // "" for a common cost
  catalog::Text name;     // the department's or the entry's name
  catalog::Text basis;    // the arithmetic in words
  catalog::Text source;
  std::int64_t cents = 0; // annual
  std::string formula;
  // Who pays for it: "owners" (the property fee), "public" (public and social work, paid by
  // whoever commissions it) or "business" (self-financed business). Only the owners' lines
  // make the fee.
  std::string centre = "owners";
  double annual() const { return static_cast<double>(cents) / 100.0; }
  double monthly() const; // annual ÷ 12, rounded to the fen
};

// A cost centre's subtotal and who pays for it.
struct CentreTotal {
  std::string id; // owners, public, business
  catalog::Text name;
  catalog::Text payer; // who pays: the owners through the fee, the commissioning body, the business itself
  std::int64_t cents = 0;
};

struct ItemTotal {
  std::string id;
  catalog::Text name;
  std::int64_t cents = 0;
};

struct DepartmentTotal {
  std::string id; // "" for the common costs
  catalog::Text name;
  int headcount = 0;
  std::int64_t cents = 0;
  std::string headcount_formula; // the sum of its roles' headcount inputs; "" for the common costs
};

// One way of charging: the fee it implies per m² of chargeable area per month.
struct Contract {
  std::string id; // lump_sum, lump_sum_vat, cost_plus
  catalog::Text name;
  double per_m2_month = 0;   // unrounded; show round_cents()
  double annual_revenue = 0; // before VAT where VAT is added
  catalog::Text basis;
  catalog::Text source;
  double per_m2_month_incl_vat = 0;          // what the owner pays, VAT included (= per_m2_month when taxes are in)
  std::optional<double> per_household_month; // per_m2_month_incl_vat × chargeable area ÷ households, if known
  // The same figures as formulas over {@total} and the inputs (see Line), unrounded.
  std::string per_m2_month_formula, per_m2_month_incl_vat_formula, annual_revenue_formula, per_household_month_formula;
};

// The property-service fee paid by parking spaces and garages (车位物业服务费), at the rates'
// per-space price: income that reduces what the chargeable area must pay.
struct ParkingIncome {
  int spaces = 0; // garages and spaces of the estate
  double per_space_month = 0;
  double annual = 0; // what the spaces pay a year, VAT included
  catalog::Text basis;
  catalog::Text source;
};

// The city's guide price for the estate's grade, the band it may float in, and where the
// lump-sum fee (VAT included) falls.
struct GuideBand {
  int grade = 0;
  catalog::Text local; // the city's name of the grade
  bool lift = false;   // the with-lift price applies
  double base = 0, low = 0, high = 0;
  double fee = 0;       // the fee compared: lump sum, VAT included, per m²·month
  std::string position; // "below", "within", "above"
  catalog::Text basis;
  catalog::Text source;
};

// Common income the contract sets against the fee (estate file `income`).
struct OffsetIncome {
  catalog::Text name;
  double annual = 0;
  catalog::Text source;
};

struct Fee {
  std::optional<ParkingIncome> parking;
  std::vector<OffsetIncome> income;
  double offsets = 0; // parking + income a year: what the chargeable area need not pay
  std::optional<GuideBand> guide;
  double chargeable_area = 0;
  int households = 0;        // the estate's, for the fee per household; 0 when not given
  double household_area = 0; // the area households pay on: residential if given, else chargeable
  FeeRates rates;
  Contract lump_sum, lump_sum_vat, cost_plus;
};

struct Warning {
  std::string code;
  catalog::Text message;
};

struct Budget {
  std::string estate_id;
  catalog::Text estate_name;
  std::string rates;
  catalog::Text rates_title;
  std::string rates_choice = "given"; // how the rates were chosen: given (--rates), city, default
  catalog::Text rates_city;           // the city of a city set
  int rates_year = 0;
  bool illustrative = false;
  std::string norms;
  std::string labor;
  int headcount = 0;
  std::vector<Line> lines;
  std::vector<Input> inputs;                // in the order lines first use them
  std::vector<ItemTotal> items;             // in item order, only items with lines
  std::vector<DepartmentTotal> departments; // the staffing's departments, then common costs
  std::int64_t cents = 0;                   // the sum of the lines
  // Cost centres, owners first; empty when every line is the owners' (then cents is theirs).
  std::vector<CentreTotal> centres;
  std::int64_t owners_cents = 0; // the lines the fee is computed from
  // False where the occupants pay no property fee per m² (an institution's centre, a college's
  // dormitories: the estate type's terms say so): a cost budget, `fee` left empty.
  bool fee_charged = true;
  Fee fee;
  std::vector<catalog::Text> notes;
  std::vector<Warning> warnings;

  double annual_cost() const { return static_cast<double>(cents) / 100.0; }
  double monthly_cost() const; // annual ÷ 12, rounded to the fen
};

// The notice a budget from illustrative rates carries.
extern const catalog::Text illustrative_notice;

struct Computed {
  std::optional<Budget> budget;
  diag::Diagnostics diagnostics; // missing rates for the staffing, an estate with no chargeable area
};

// Costs the staffing of an estate at the given rates.
// With a labour profile, posts kept every day also cost the statutory holidays' pay.
// `choice` says how the rates were chosen (given, city, default), for the budget's notes.
// `terms`, the words of the estate's type, say who pays for major repairs (the special
// maintenance fund of housing, or the owner); without them the fund is assumed.
Computed compute(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles,
                 const staff::Labor *labor = nullptr, const std::string &choice = "given",
                 const catalog::EstateTerms *terms = nullptr);

} // namespace pm::budget
