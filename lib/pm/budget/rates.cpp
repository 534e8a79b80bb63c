#include <pm/budget/rates.hpp>
#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace pm::budget {

using i18n::both;
namespace msg = i18n::msg;

const std::vector<Entry> &Rates::section(const std::string &id) const {
  static const std::vector<Entry> none;
  auto it = entries.find(id);
  return it == entries.end() ? none : it->second;
}

bool serves_city(const Rates &r, const std::string &city) {
  if (city.empty()) return false;
  for (const auto &c : r.cities)
    if (c == city) return true;
  return false;
}

bool is_rate_quantity(const std::string &name) {
  return name == "fixed" || name == "headcount" || staff::quantity_info(name) != nullptr;
}

namespace {

Position pos_of(const toml::node &n) {
  return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

using data::Need;

// What the figures of a rates file may be. Ratios are fractions: 16 % is 0.16, and "16" is
// caught as out of range.
data::Range money() { return data::Range::at_least(0, 1e12); }
data::Range positive() { return data::Range::positive(1e12); }
data::Range ratio() {
  return data::Range::between(0, 1).called(both(msg::rates_ratio)).hint(both(msg::rates_ratio_hint));
}
data::Range below_one() {
  return data::Range::between(0, 1).below_max().called(both(msg::rates_ratio)).hint(both(msg::rates_small_ratio_hint));
}

void set(double &target, std::optional<double> v) {
  if (v) target = *v;
}

class Reader : public data::Reader {
public:
  Reader(const std::string &file, const catalog::Catalogue &roles, diag::Diagnostics &out)
      : data::Reader(file, out), m_roles(roles) {}

  // An id that names one of `ids`; unknown ones get "did you mean".
  bool known(const toml::source_region &at, const i18n::Message &what, const std::string &code, const std::string &id,
             const std::vector<std::string> &ids) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return true;
    unknown(at, code, both(what), id, ids);
    return false;
  }

  std::vector<std::string> department_ids() const {
    std::vector<std::string> ids;
    for (const auto &d : m_roles.departments) ids.push_back(d.id);
    return ids;
  }

  // A table of id = money, e.g. [wages.role] or [uniforms.department].
  std::map<std::string, double> money_map(const toml::table &t, bool roles) {
    std::map<std::string, double> out;
    std::vector<std::string> ids = roles ? m_roles.role_ids() : department_ids();
    for (const auto &[k, v] : t) {
      std::string id(k.str());
      if (!known(k.source(), roles ? msg::what_role : msg::what_department,
                 roles ? "unknown-role" : "unknown-department", id, ids))
        continue;
      if (auto x = number(t, id.c_str(), money())) {
        out[id] = *x;
        // Wages only: uniforms are not pay.
        if (m_check_minimum) above_minimum(v, id, *x);
      }
    }
    return out;
  }

  std::string quantity(const toml::table &t) {
    std::string q = str(t, "quantity");
    if (q.empty() || is_rate_quantity(q)) return q.empty() ? "fixed" : q;
    std::vector<std::string> names = {"fixed", "headcount"};
    for (const auto &i : staff::quantities()) names.push_back(i.name);
    unknown(*t.get("quantity"), "unknown-quantity", both(msg::what_quantity), q, names);
    return "fixed";
  }

  std::string department(const toml::table &t) {
    std::string d = str(t, "department");
    if (!d.empty() &&
        !known(t.get("department")->source(), msg::what_department, "unknown-department", d, department_ids()))
      return "";
    return d;
  }

  std::string outsourced(const toml::table &t) {
    std::string s = str(t, "unless_outsourced");
    if (s.empty()) return s;
    std::vector<std::string> services;
    for (const auto &q : staff::quantities())
      if (util::starts_with(q.name, "outsourced.")) services.push_back(q.name.substr(11));
    if (!known(t.get("unless_outsourced")->source(), msg::what_outsourced_service, "unknown-service", s, services))
      return "";
    return s;
  }

  void name_and_id(const toml::table &t, std::string &id_out, catalog::Text &name, std::set<std::string> &seen) {
    id_out = id(t, seen, both(msg::what_entry), "_-");
    name = text(t, "zh", "en", Need::optional);
    if (name.zh.empty() && name.en.empty()) {
      error(t, "missing-key", both(msg::rates_entry_needs_name));
      name = {id_out, id_out};
    }
  }

  Entry entry(const toml::table &t, std::set<std::string> &seen) {
    keys(t, {"id", "zh", "en", "quantity", "rate", "rate_month", "kwh", "price", "department", "unless_outsourced",
             "source", "source_zh", "source_en"});
    Entry e;
    e.pos = pos_of(t);
    name_and_id(t, e.id, e.name, seen);
    e.quantity = quantity(t);
    int given = 0;
    if (auto v = number(t, "rate", money())) e.kind = RateKind::per_year, e.rate = *v;
    if (auto v = number(t, "rate_month", money())) e.kind = RateKind::per_month, e.rate = *v;
    if (auto v = number(t, "kwh", money())) e.kind = RateKind::kwh, e.rate = *v;
    for (const char *k : {"rate", "rate_month", "kwh"}) given += t.get(k) ? 1 : 0;
    if (given != 1) error(t, given ? "conflicting-keys" : "missing-key", both(msg::rates_one_rate));
    if (auto v = number(t, "price", money())) {
      if (e.kind != RateKind::kwh) error(*t.get("price"), "conflicting-keys", both(msg::rates_price_with_kwh));
      e.price = *v;
    } else if (e.kind == RateKind::kwh && !t.get("price")) {
      if (!m_electricity_price)
        error(t, "missing-key", both(msg::rates_kwh_needs_price));
      else
        e.price = *m_electricity_price;
    }
    e.department = department(t);
    e.unless_outsourced = outsourced(t);
    e.source = source_text(t);
    return e;
  }

  Asset asset(const toml::table &t, double default_salvage, std::set<std::string> &seen) {
    keys(t, {"id", "zh", "en", "cost", "unit_cost", "quantity", "life_years", "salvage_rate", "department", "source",
             "source_zh", "source_en"});
    Asset a;
    a.pos = pos_of(t);
    name_and_id(t, a.id, a.name, seen);
    bool has_cost = t.get("cost"), has_unit = t.get("unit_cost");
    if (has_cost == has_unit)
      error(t, has_cost ? "conflicting-keys" : "missing-key", both(msg::rates_cost_or_unit_cost));
    set(a.cost, number(t, has_cost ? "cost" : "unit_cost", money()));
    if (t.get("quantity") && !has_unit)
      error(*t.get("quantity"), "conflicting-keys", both(msg::rates_quantity_with_unit_cost));
    a.quantity = quantity(t);
    set(a.life_years, number(t, "life_years", positive(), Need::required));
    // Without its own salvage_rate, an asset has [depreciation]'s (documented in pm-rates(5)).
    a.salvage_rate = default_salvage;
    set(a.salvage_rate, number(t, "salvage_rate", below_one()));
    a.department = department(t);
    a.source = source_text(t);
    return a;
  }

  void contribution_bases(const toml::table &t, Contributions &c) {
    c.base_min = number(t, "base_min", money());
    c.base_max = number(t, "base_max", money());
    if (c.base_min && c.base_max && *c.base_min > *c.base_max)
      error(*t.get("base_min"), "bad-value", both(msg::rates_base_min_above_max));
  }

  // A wage below the city's minimum wage is unlawful (劳动法 第四十八条).
  void above_minimum(const toml::node &at, const std::string &key, double wage) {
    if (m_minimum_wage > 0 && wage < m_minimum_wage)
      error(at, "below-minimum-wage",
            both(msg::rates_below_minimum_wage, key, util::format_number(wage, 2),
                 util::format_number(m_minimum_wage, 2)));
  }

  void guide_price(const toml::table &t, GuidePrice &g) {
    keys(t, {"up", "down", "small_area", "small_up", "grade", "source", "source_zh", "source_en"});
    g.present = true;
    set(g.up, number(t, "up", ratio(), Need::required));
    set(g.down, number(t, "down", ratio(), Need::required));
    g.small_area = number(t, "small_area", positive());
    g.small_up = number(t, "small_up", ratio());
    if (g.small_area.has_value() != g.small_up.has_value()) error(t, "missing-key", both(msg::rates_small_area_pair));
    g.source = source_text(t);
    std::set<int> seen;
    if (auto arr = tables(t, "grade", Need::required))
      for (auto &n : *arr) {
        const toml::table &row = *n.as_table();
        keys(row, {"grade", "local_zh", "local_en", "lift", "no_lift"});
        GuideGrade gg;
        if (auto v = integer(row, "grade", 1, 4, Need::required)) {
          gg.grade = static_cast<int>(*v);
          if (!seen.insert(gg.grade).second)
            error(*row.get("grade"), "duplicate-grade", both(msg::rates_duplicate_grade, gg.grade));
        }
        gg.local = text(row, "local_zh", "local_en");
        gg.lift = number(row, "lift", positive());
        gg.no_lift = number(row, "no_lift", positive());
        if (!gg.lift && !gg.no_lift) error(row, "missing-key", both(msg::rates_guide_needs_price));
        g.grades.push_back(std::move(gg));
      }
  }

  std::optional<double> m_electricity_price;
  double m_minimum_wage = 0;
  bool m_check_minimum = false;

private:
  const catalog::Catalogue &m_roles;
};

} // namespace

std::optional<Rates> parse_rates(const std::string &text, const std::string &file, const std::string &name,
                                 const catalog::Catalogue &roles, diag::Diagnostics &out) {
  diag::Diagnostics local;
  auto tbl = data::parse_toml(text, file, local);
  Rates r;
  r.name = name;
  r.file = file;
  if (tbl) {
    Reader rd(file, roles, local);
    std::vector<std::string> top = {"meta",   "minimum_wage", "wages",       "social_insurance", "housing_fund",
                                    "levies", "uniforms",     "electricity", "depreciation",     "overhead",
                                    "fee",    "guide_price",  "parking"};
    for (const char *s : entry_sections) top.push_back(s);
    rd.keys(*tbl, top);

    if (!tbl->get("meta")) rd.error(*tbl, "missing-key", both(msg::rates_needs_meta));
    if (auto m = rd.table(*tbl, "meta")) {
      rd.keys(*m, {"name", "title_zh", "title_en", "illustrative", "city_zh", "city_en", "cities", "year", "source",
                   "source_zh", "source_en"});
      r.title = rd.text(*m, "title_zh", "title_en", Need::optional);
      r.source = rd.optional_source_text(*m);
      if (auto b = rd.boolean(*m, "illustrative")) r.illustrative = *b;
      r.city = rd.text(*m, "city_zh", "city_en", Need::optional);
      r.cities = rd.strings(*m, "cities");
      if (auto y = rd.integer(*m, "year", 1990, 2100)) r.year = static_cast<int>(*y);
      // A city set names its city and the year of its figures: a set without them can't be
      // chosen by an estate's city, nor dated in a proposal.
      if (!r.cities.empty() && r.city.empty()) rd.error(*m, "missing-key", both(msg::rates_city_needs_name));
      if (!r.cities.empty() && !r.year) rd.missing(*m, "year");
    }
    if (auto s = rd.table(*tbl, "minimum_wage")) {
      rd.keys(*s, {"monthly", "source", "source_zh", "source_en"});
      r.minimum_wage.present = true;
      set(r.minimum_wage.monthly, rd.number(*s, "monthly", positive(), Need::required));
      r.minimum_wage.source = rd.source_text(*s);
      rd.m_minimum_wage = r.minimum_wage.monthly;
    }

    if (auto w = rd.table(*tbl, "wages")) {
      rd.keys(*w, {"months", "role", "department", "default", "source", "source_zh", "source_en"});
      r.wages.present = true;
      r.wages.pos = pos_of(*w);
      set(r.wages.months, rd.number(*w, "months", positive()));
      if (auto v = rd.number(*w, "default", positive())) {
        r.wages.default_wage = *v;
        rd.above_minimum(*w->get("default"), "default", *v);
      }
      rd.m_check_minimum = true;
      if (auto t = rd.table(*w, "role")) r.wages.by_role = rd.money_map(*t, true);
      if (auto t = rd.table(*w, "department")) r.wages.by_department = rd.money_map(*t, false);
      rd.m_check_minimum = false;
      r.wages.source = rd.source_text(*w);
    }
    if (auto s = rd.table(*tbl, "social_insurance")) {
      rd.keys(*s, {"pension", "medical", "unemployment", "maternity", "work_injury", "base_min", "base_max", "source",
                   "source_zh", "source_en"});
      auto &c = r.social_insurance;
      c.present = true;
      c.pos = pos_of(*s);
      set(c.pension, rd.number(*s, "pension", ratio(), Need::required));
      set(c.medical, rd.number(*s, "medical", ratio(), Need::required));
      set(c.unemployment, rd.number(*s, "unemployment", ratio(), Need::required));
      set(c.maternity, rd.number(*s, "maternity", ratio(), Need::required));
      set(c.work_injury, rd.number(*s, "work_injury", ratio(), Need::required));
      rd.contribution_bases(*s, c);
      c.source = rd.source_text(*s);
    }
    if (auto s = rd.table(*tbl, "housing_fund")) {
      rd.keys(*s, {"rate", "base_min", "base_max", "source", "source_zh", "source_en"});
      auto &c = r.housing_fund;
      c.present = true;
      c.pos = pos_of(*s);
      set(c.rate, rd.number(*s, "rate", ratio(), Need::required));
      rd.contribution_bases(*s, c);
      c.source = rd.source_text(*s);
    }
    if (auto s = rd.table(*tbl, "levies")) {
      rd.keys(*s, {"welfare", "union", "training", "source", "source_zh", "source_en"});
      r.levies.present = true;
      r.levies.pos = pos_of(*s);
      set(r.levies.welfare, rd.number(*s, "welfare", ratio(), Need::required));
      set(r.levies.union_dues, rd.number(*s, "union", ratio(), Need::required));
      set(r.levies.training, rd.number(*s, "training", ratio(), Need::required));
      r.levies.source = rd.source_text(*s);
    }
    if (auto s = rd.table(*tbl, "uniforms")) {
      rd.keys(*s, {"per_head_year", "department", "source", "source_zh", "source_en"});
      r.uniforms.present = true;
      r.uniforms.pos = pos_of(*s);
      set(r.uniforms.per_head_year, rd.number(*s, "per_head_year", money(), Need::required));
      if (auto t = rd.table(*s, "department")) r.uniforms.by_department = rd.money_map(*t, false);
      r.uniforms.source = rd.source_text(*s);
    }
    if (auto s = rd.table(*tbl, "electricity")) {
      rd.keys(*s, {"price", "source", "source_zh", "source_en"});
      r.electricity_price = rd.number(*s, "price", money(), Need::required);
      rd.m_electricity_price = r.electricity_price;
      r.electricity_source = rd.source_text(*s);
    }
    for (const char *sec : entry_sections) {
      auto arr = rd.tables(*tbl, sec);
      if (!arr) continue;
      std::set<std::string> seen;
      auto &list = r.entries[sec];
      for (auto &e : *arr) list.push_back(rd.entry(*e.as_table(), seen));
    }
    if (auto s = rd.table(*tbl, "depreciation")) {
      rd.keys(*s, {"salvage_rate", "asset", "source", "source_zh", "source_en"});
      set(r.salvage_rate, rd.number(*s, "salvage_rate", below_one()));
      r.depreciation_source = rd.source_text(*s);
      if (auto arr = rd.tables(*s, "asset")) {
        std::set<std::string> seen;
        for (auto &a : *arr) r.assets.push_back(rd.asset(*a.as_table(), r.salvage_rate, seen));
      }
    }
    if (auto s = rd.table(*tbl, "overhead")) {
      rd.keys(*s, {"rate", "source", "source_zh", "source_en"});
      r.overhead_present = true;
      set(r.overhead_rate, rd.number(*s, "rate", ratio(), Need::required));
      r.overhead_source = rd.source_text(*s);
    }
    if (!tbl->get("fee")) rd.error(*tbl, "missing-key", both(msg::rates_needs_fee));
    if (auto s = rd.table(*tbl, "fee")) {
      rd.keys(*s, {"profit_rate", "tax_rate", "vat_rate", "remuneration_rate", "source", "source_zh", "source_en"});
      set(r.fee.profit_rate, rd.number(*s, "profit_rate", ratio(), Need::required));
      set(r.fee.tax_rate, rd.number(*s, "tax_rate", below_one(), Need::required));
      set(r.fee.vat_rate, rd.number(*s, "vat_rate", ratio(), Need::required));
      set(r.fee.remuneration_rate, rd.number(*s, "remuneration_rate", ratio(), Need::required));
      r.fee.source = rd.source_text(*s);
    }
    if (auto s = rd.table(*tbl, "guide_price")) rd.guide_price(*s, r.guide_price);
    if (auto s = rd.table(*tbl, "parking")) {
      rd.keys(*s, {"per_space_month", "source", "source_zh", "source_en"});
      r.parking.present = true;
      set(r.parking.per_space_month, rd.number(*s, "per_space_month", money(), Need::required));
      r.parking.source = rd.source_text(*s);
    }
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return r;
}

std::optional<Rates> load_rates(const std::string &name_or_path, const catalog::Catalogue &roles,
                                diag::Diagnostics &out, bool *io_error) {
  auto src = data::load_source("rates", name_or_path.empty() ? default_rates : name_or_path, out);
  if (!src) {
    if (io_error) *io_error = true;
    return std::nullopt;
  }
  return parse_rates(src->text, src->file, src->name, roles, out);
}

} // namespace pm::budget
