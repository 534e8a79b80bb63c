#pragma once
// Rates: the unit costs and ratios a budget multiplies (data: lib/data/rates/*.toml, pm-rates(5)).

#include <pm/catalog/roles.hpp>
#include <pm/diag/diagnostic.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::budget {

inline constexpr const char *default_rates = "example";

// Where a table or entry stands in its rates file, for diagnostics raised when computing.
struct Position {
  int line = 0;
  int column = 0;
};

struct Wages {
  double months = 12;                          // months paid a year (13 with a 13th-month bonus)
  std::map<std::string, double> by_role;       // monthly gross wage, 元
  std::map<std::string, double> by_department; // default for the department's other roles
  std::optional<double> default_wage;          // for departments not listed (an estate's own units)
  catalog::Text source;
  Position pos;
  bool present = false;
};

// Contribution ratios on wages; the monthly contribution base may be bounded by the city's
// floor and ceiling (缴费基数上下限).
struct Contributions {
  double pension = 0, medical = 0, unemployment = 0, maternity = 0, work_injury = 0; // social insurance
  double rate = 0;                                                                   // housing fund
  std::optional<double> base_min, base_max;
  catalog::Text source;
  Position pos;
  bool present = false;
  double social_total() const { return pension + medical + unemployment + maternity + work_injury; }
};

struct Levies {
  double welfare = 0, union_dues = 0, training = 0;
  catalog::Text source;
  Position pos;
  bool present = false;
};

struct Uniforms {
  double per_head_year = 0;
  std::map<std::string, double> by_department;
  catalog::Text source;
  Position pos;
  bool present = false;
};

// How an entry's figure is given.
enum class RateKind { per_year, per_month, kwh };

// A cost that is a quantity of the estate times a rate: "25 lifts × 12,000 kWh × 0.80 元/kWh".
struct Entry {
  std::string id;
  catalog::Text name;
  std::string quantity = "fixed"; // "fixed", "headcount" or an estate quantity (pm-norms(5))
  RateKind kind = RateKind::per_year;
  double rate = 0;               // 元 per unit a year or a month; kWh per unit a year for `kwh`
  double price = 0;              // 元 per kWh, for `kwh`
  std::string department;        // "" when the cost is common
  std::string unless_outsourced; // skip when the estate contracts this service out
  catalog::Text source;
  Position pos;
};

struct Asset {
  std::string id;
  catalog::Text name;
  double cost = 0;                // original value, 元 (or unit cost when quantity is set)
  std::string quantity = "fixed"; // number of units, as for entries
  double life_years = 0;
  double salvage_rate = 0;
  std::string department;
  catalog::Text source;
  Position pos;
};

// The city's minimum monthly wage (最低工资标准): no wage of the set may be below it.
struct MinimumWage {
  double monthly = 0;
  catalog::Text source;
  bool present = false;
};

// A government guide price for residential property service (住宅物业服务收费政府指导价), per
// service grade of the estate (pm-estate(5): 1 the highest), with and without lifts; the band
// around it is what the price may float (上下浮动).
struct GuideGrade {
  int grade = 0;              // the estate's grade this row is for
  catalog::Text local;        // the city's own name of the grade ("三级")
  std::optional<double> lift; // 元/m²·month, estates with lifts
  std::optional<double> no_lift;
};
struct GuidePrice {
  std::vector<GuideGrade> grades;
  double up = 0, down = 0;          // the float allowed, as fractions of the base
  std::optional<double> small_area; // at most this chargeable area...
  std::optional<double> small_up;   // ...the price may rise this much instead
  catalog::Text source;
  bool present = false;
};

// What a parking space or garage pays for its property service a month (车位物业服务费).
struct ParkingFee {
  double per_space_month = 0;
  catalog::Text source;
  bool present = false;
};

struct FeeRates {
  double profit_rate = 0;       // lump sum: profit as a share of cost
  double tax_rate = 0;          // lump sum: taxes as a share of the fee (÷ (1 − tax))
  double vat_rate = 0;          // lump sum variant: VAT charged on top (× (1 + VAT))
  double remuneration_rate = 0; // cost plus: the company's remuneration as a share of expenditure
  catalog::Text source;
};

// The sections of entries, in the order their lines appear.
inline const char *const entry_sections[] = {
    "energy", "cleaning_materials", "greening_materials", "plant_upkeep", "insurance", "office", "other"};

struct Rates {
  std::string name; // built-in name or path
  std::string file; // for messages
  catalog::Text title;
  catalog::Text source;
  bool illustrative = false;
  catalog::Text city;              // the city the set is for ("" for the example)
  std::vector<std::string> cities; // names an estate's `city` may use for it ("重庆", "重庆市")
  int year = 0;                    // the year its figures are of
  MinimumWage minimum_wage;
  GuidePrice guide_price;
  ParkingFee parking;
  Wages wages;
  Contributions social_insurance;
  Contributions housing_fund;
  Levies levies;
  Uniforms uniforms;
  std::optional<double> electricity_price;
  catalog::Text electricity_source;
  std::map<std::string, std::vector<Entry>> entries; // by section (entry_sections)
  double salvage_rate = 0.05;                        // default for assets
  catalog::Text depreciation_source;
  std::vector<Asset> assets;
  double overhead_rate = 0;
  catalog::Text overhead_source;
  bool overhead_present = false;
  FeeRates fee;

  const std::vector<Entry> &section(const std::string &id) const;
};

// Whether an estate's `city` names the set's city.
bool serves_city(const Rates &r, const std::string &city);

// Names an entry's `quantity` may take besides the estate quantities: "fixed" (1) and
// "headcount" (the staffing's total).
bool is_rate_quantity(const std::string &name);

// Parses a rates file's text; problems (located, with "did you mean") go to `out`.
std::optional<Rates> parse_rates(const std::string &text, const std::string &file, const std::string &name,
                                 const catalog::Catalogue &roles, diag::Diagnostics &out);
// Loads rates by built-in name ("example") or from a TOML file. `io_error` is set when the file
// cannot be read or no built-in has that name.
std::optional<Rates> load_rates(const std::string &name_or_path, const catalog::Catalogue &roles,
                                diag::Diagnostics &out, bool *io_error = nullptr);

} // namespace pm::budget
