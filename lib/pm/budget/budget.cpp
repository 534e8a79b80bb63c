#include <pm/budget/budget.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace pm::budget {

using i18n::both;
using i18n::both_of;
using i18n::both_sides;
namespace msg = i18n::msg;

namespace {
// Titles of the rules cited, as written: English quotes them in Chinese.
const char *const fee_measures = "物业服务收费管理办法";      // 发改价格〔2003〕1864号
const char *const cost_measures = "物业服务定价成本监审办法"; // 2007
const char *const maintenance_fund = "专项维修资金";          // the special maintenance fund
// 关于企业实行不定时工作制和综合计算工时工作制的审批办法 (1994)
const char *const hours_approval = "劳部发〔1994〕503号";
} // namespace

const std::vector<ItemInfo> &items() {
  // The cost items of 物业服务定价成本监审办法 (2007) and 物业服务收费管理办法 art. 11, in order.
  static const std::vector<ItemInfo> list = {
      {"wages", both(msg::budget_item_wages)},
      {"social_insurance", both(msg::budget_item_social_insurance)},
      {"housing_fund", both(msg::budget_item_housing_fund)},
      {"welfare", both(msg::budget_item_welfare)},
      {"union", both(msg::budget_item_union)},
      {"training", both(msg::budget_item_training)},
      {"uniforms", both(msg::budget_item_uniforms)},
      {"energy", both(msg::budget_item_energy)},
      {"cleaning_materials", both(msg::budget_item_cleaning_materials)},
      {"greening_materials", both(msg::budget_item_greening_materials)},
      {"plant_upkeep", both(msg::budget_item_plant_upkeep)},
      {"outsourced", both(msg::budget_item_outsourced)},
      {"insurance", both(msg::budget_item_insurance)},
      {"office", both(msg::budget_item_office)},
      {"depreciation", both(msg::budget_item_depreciation)},
      {"other", both(msg::budget_item_other)},
      {"overhead", both(msg::budget_item_overhead)},
  };
  return list;
}

const ItemInfo *item_info(const std::string &id) {
  for (const auto &i : items())
    if (id == i.id) return &i;
  return nullptr;
}

double Line::monthly() const { return static_cast<double>(to_cents(static_cast<double>(cents) / 1200.0)) / 100.0; }
double Budget::monthly_cost() const {
  return static_cast<double>(to_cents(static_cast<double>(cents) / 1200.0)) / 100.0;
}

const catalog::Text illustrative_notice = both(msg::budget_illustrative);

namespace {

using catalog::Text;

// The largest amount a budget line may hold a year, in 元 (ten trillion: far above any estate,
// and its cents, summed over every line, stay well inside 64 bits).
constexpr double max_annual_amount = 1e13;

// 145000 -> "145,000"; 0.4883 -> "0.4883"; 733200.5 -> "733,200.5".
std::string amount(double v) {
  std::string s = util::format_number(v, 4);
  std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot);
  return util::group_thousands(std::stod(whole), 0) + frac;
}
std::string money(std::int64_t cents) { return util::group_thousands(static_cast<double>(cents) / 100.0, 2); }
// 0.16 -> "16%" / "16 %"
Text pct(double r) { return both(msg::budget_percent, util::format_number(r * 100, 4)); }

Text outsourced_name(const std::string &id) { return catalog::service_name(id); }

// A number written into a line's formula: exact, so that the formula gives the line's amount.
std::string formula_number(double v) { return fmt::format("{}", v); }
std::string line_ref(const std::string &id) { return "{@" + id + "}"; }
// "a+b+c", or "0" for none.
std::string plus_joined(const std::vector<std::string> &terms) {
  std::string s;
  for (const auto &t : terms) s += (s.empty() ? "" : "+") + t;
  return s.empty() ? "0" : s;
}

class Builder {
public:
  Builder(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles,
          const staff::Labor *labor, std::string choice, const catalog::EstateTerms *terms)
      : m_e(e), m_s(s), m_r(r), m_roles(roles), m_l(labor), m_choice(std::move(choice)), m_terms(terms) {}

  Computed run() {
    Computed out;
    Budget &b = m_b;
    b.estate_id = m_e.id;
    b.estate_name = m_e.name;
    b.rates = m_r.name;
    b.rates_title = m_r.title;
    b.rates_choice = m_choice;
    b.rates_city = m_r.city;
    b.rates_year = m_r.year;
    b.illustrative = m_r.illustrative;
    b.norms = m_s.norms;
    b.labor = m_s.labor;
    b.headcount = m_s.total;

    staff_costs();
    entries("energy");
    entries("cleaning_materials");
    entries("greening_materials");
    entries("plant_upkeep");
    outsourced();
    entries("insurance");
    entries("office");
    depreciation();
    entries("other");
    overhead();
    totals();
    fee();
    notes();

    out.diagnostics = std::move(m_diags);
    if (!diag::has_errors(out.diagnostics)) out.budget = std::move(m_b);
    return out;
  }

private:
  void error(const Position &p, const std::string &code, const Text &message) {
    m_diags.push_back(diag::make(m_r.file, p.line, p.line ? p.column : 0, diag::Severity::error, code, message));
  }

  // A line's cost centre, unless set: its department's (a unit's, or the catalogue's).
  void add(Line l) {
    if (l.centre == "owners" && !l.department.empty())
      if (const catalog::Department *d = dept(l.department)) l.centre = d->cost_centre;
    m_b.lines.push_back(std::move(l));
  }

  // Lists an input (once) and returns its reference for a formula.
  std::string input(const std::string &key, Text name, double value, Text unit) {
    if (m_input_keys.insert(key).second) m_b.inputs.push_back({key, std::move(name), value, std::move(unit)});
    return "{" + key + "}";
  }
  std::string ratio_input(const std::string &key, const i18n::Message &name, double value) {
    return input(key, both(name), value, both(msg::unit_ratio));
  }

  const catalog::Department *dept(const std::string &id) const { return m_roles.department(id); }
  Text dept_name(const std::string &id) const {
    if (auto d = dept(id)) return d->name;
    return {id, id};
  }

  // Wages, contributions and levies by department, from each role's headcount.
  void staff_costs() {
    if (m_s.total == 0) return;
    struct Missing {
      const char *key;
      bool present;
    };
    for (Missing m : {Missing{"wages", m_r.wages.present}, Missing{"social_insurance", m_r.social_insurance.present},
                      Missing{"housing_fund", m_r.housing_fund.present}, Missing{"levies", m_r.levies.present}}) {
      if (m.present) continue;
      error({}, "missing-key", both(msg::budget_missing_table, m_s.total, m.key));
    }
    if (diag::has_errors(m_diags)) return;

    const Wages &w = m_r.wages;
    const Contributions &si = m_r.social_insurance;
    const Contributions &hf = m_r.housing_fund;
    const Levies &lv = m_r.levies;
    std::string months = util::format_number(w.months, 2);
    std::vector<Line> wages, social, housing, welfare, union_dues, training, uniforms;
    std::string months_ref = input("wages.months", both(msg::in_wage_months), w.months, both(msg::unit_months));

    for (const auto &d : m_s.departments) {
      if (d.headcount == 0) continue;
      double monthly = 0, si_base = 0, hf_base = 0;
      Text terms;
      // The same arithmetic as formulas, term by term in the same order.
      std::vector<std::string> wage_terms, si_terms, hf_terms, heads;
      int role_heads = 0;
      for (const auto &role : d.roles) {
        if (role.headcount == 0) continue;
        std::optional<Wage> wage = wage_of(role.id, d.id, role.name);
        if (!wage) {
          error(w.pos, "no-wage", both(msg::budget_no_wage, role.id, d.id));
          continue;
        }
        double hc = role.headcount;
        role_heads += role.headcount;
        std::string hc_ref = input("headcount." + d.id + "." + role.id, both_of(msg::in_headcount, d.name, role.name),
                                   hc, both(msg::unit_people));
        heads.push_back(hc_ref);
        monthly += wage->value * hc;
        wage_terms.push_back(wage->ref + "*" + hc_ref);
        // The contribution base is the average monthly pay, within the city's floor and ceiling.
        double avg = wage->value * w.months / 12.0;
        auto bounded = [&](const Contributions &c) {
          double v = avg;
          if (c.base_min) v = std::max(v, *c.base_min);
          if (c.base_max) v = std::min(v, *c.base_max);
          return v * hc * 12.0;
        };
        auto bounded_formula = [&](const Contributions &c, const char *prefix, const i18n::Message &floor,
                                   const i18n::Message &ceiling) {
          std::string v = wage->ref + "*" + months_ref + "/12";
          Text unit = both(msg::unit_yuan_month);
          if (c.base_min)
            v = "MAX(" + v + "," + input(std::string(prefix) + ".base_min", both(floor), *c.base_min, unit) + ")";
          if (c.base_max)
            v = "MIN(" + v + "," + input(std::string(prefix) + ".base_max", both(ceiling), *c.base_max, unit) + ")";
          return v + "*" + hc_ref + "*12";
        };
        si_base += bounded(si);
        hf_base += bounded(hf);
        if (si.base_min || si.base_max)
          si_terms.push_back(bounded_formula(si, "social_insurance", msg::in_si_base_min, msg::in_si_base_max));
        if (hf.base_min || hf.base_max)
          hf_terms.push_back(bounded_formula(hf, "housing_fund", msg::in_hf_base_min, msg::in_hf_base_max));
        if (!terms.en.empty()) terms += Text::same(" + ");
        terms += both_of(msg::budget_wage_term, role.name, role.headcount, amount(wage->value));
      }
      Line wl = line("wages", d.id, d.name, monthly * w.months,
                     both_sides(msg::budget_wages, terms, amount(monthly), months), w.source);
      wl.formula = "(" + plus_joined(wage_terms) + ")*" + months_ref;
      Text wages_line = both(msg::budget_wages_amount, money(wl.cents));
      double wages_amount = wl.annual();
      std::string wages_ref = line_ref(wl.id);
      wages.push_back(std::move(wl));

      auto contribution = [&](const Contributions &c, double base, double rate, const Text &parts,
                              const std::vector<std::string> &base_terms, const std::string &rate_ref) {
        bool bounded = c.base_min || c.base_max;
        // Without floor or ceiling the base is the wages line itself, so the line reads as on paper.
        double b = bounded ? base : wages_amount;
        Text on = bounded ? both_of(msg::budget_contribution_base, money(to_cents(b)), bounds(c)) : wages_line;
        std::string f = (bounded ? "(" + plus_joined(base_terms) + ")" : wages_ref) + "*" + rate_ref;
        return std::tuple<double, Text, std::string>{b * rate, both_sides(msg::budget_times, on, pct(rate), parts), f};
      };
      if (si.social_total() > 0) {
        // One statement each: the inputs are listed in the order of the sum (operands of + are
        // evaluated in no set order).
        std::string rate_ref = "(" + ratio_input("social_insurance.pension", msg::in_si_pension, si.pension);
        rate_ref += "+" + ratio_input("social_insurance.medical", msg::in_si_medical, si.medical);
        rate_ref += "+" + ratio_input("social_insurance.unemployment", msg::in_si_unemployment, si.unemployment);
        rate_ref += "+" + ratio_input("social_insurance.maternity", msg::in_si_maternity, si.maternity);
        rate_ref += "+" + ratio_input("social_insurance.work_injury", msg::in_si_work_injury, si.work_injury) + ")";
        auto [v, basis, f] = contribution(si, si_base, si.social_total(),
                                          both_of(msg::budget_social_parts, pct(si.pension), pct(si.medical),
                                                  pct(si.unemployment), pct(si.maternity), pct(si.work_injury)),
                                          si_terms, rate_ref);
        social.push_back(line("social_insurance", d.id, d.name, v, basis, si.source));
        social.back().formula = f;
      }
      if (hf.rate > 0) {
        auto [v, basis, f] = contribution(hf, hf_base, hf.rate, Text{}, hf_terms,
                                          ratio_input("housing_fund.rate", msg::in_hf_rate, hf.rate));
        housing.push_back(line("housing_fund", d.id, d.name, v, basis, hf.source));
        housing.back().formula = f;
      }
      auto levy = [&](std::vector<Line> &list, const char *item, double rate, const i18n::Message &name) {
        if (rate <= 0) return;
        list.push_back(line(item, d.id, d.name, wages_amount * rate,
                            both_sides(msg::budget_times, wages_line, pct(rate), Text{}), lv.source));
        list.back().formula = wages_ref + "*" + ratio_input(std::string("levies.") + item, name, rate);
      };
      levy(welfare, "welfare", lv.welfare, msg::in_levy_welfare);
      levy(union_dues, "union", lv.union_dues, msg::in_levy_union);
      levy(training, "training", lv.training, msg::in_levy_training);

      // The department's people as the sum of its roles' (the same number unless a role had no wage).
      std::string dept_heads =
          role_heads == d.headcount ? "(" + plus_joined(heads) + ")" : formula_number(static_cast<double>(d.headcount));
      m_dept_heads[d.id] = dept_heads;
      if (m_r.uniforms.present) {
        double per = m_r.uniforms.per_head_year;
        auto it = m_r.uniforms.by_department.find(d.id);
        bool own = it != m_r.uniforms.by_department.end();
        if (own) per = it->second;
        if (per > 0) {
          Text unit = both(msg::unit_yuan_year);
          std::string per_ref = own ? input("uniforms.department." + d.id, both_of(msg::in_uniforms, d.name), per, unit)
                                    : input("uniforms.per_head_year", both(msg::in_uniforms_default), per, unit);
          uniforms.push_back(
              line("uniforms", d.id, d.name, per * d.headcount,
                   both(d.headcount == 1 ? msg::budget_uniforms_one : msg::budget_uniforms, d.headcount, amount(per)),
                   m_r.uniforms.source));
          uniforms.back().formula = per_ref + "*" + dept_heads;
        }
      }
      m_all_heads.push_back(dept_heads);
    }
    holiday_pay(wages);
    for (auto *list : {&wages, &social, &housing, &welfare, &union_dues, &training, &uniforms})
      for (auto &l : *list) add(std::move(l));
  }

  // A role's monthly wage: a position the estate file prices itself (organisation units) first,
  // then the rates' by role, by department, by default. The input is the figure where it is
  // written, so that roles sharing a department's wage share one input.
  struct Wage {
    double value = 0;
    std::string ref;
  };
  std::optional<Wage> wage_of(const std::string &role, const std::string &department, const Text &role_name) {
    const Wages &w = m_r.wages;
    Text unit = both(msg::unit_yuan_month);
    for (const auto &u : m_e.units)
      for (const auto &p : u.positions)
        if (p.id == role && p.monthly_wage > 0)
          return Wage{p.monthly_wage,
                      input("wages.position." + role, both_of(msg::in_wage_position, role_name), p.monthly_wage, unit)};
    if (auto it = w.by_role.find(role); it != w.by_role.end())
      return Wage{it->second, input("wages.role." + role, both_of(msg::in_wage_role, role_name), it->second, unit)};
    if (auto it = w.by_department.find(department); it != w.by_department.end())
      return Wage{it->second, input("wages.department." + department,
                                    both_of(msg::in_wage_department, dept_name(department)), it->second, unit)};
    if (!w.default_wage) return std::nullopt;
    return Wage{*w.default_wage, input("wages.default", both(msg::in_wage_default), *w.default_wage, unit)};
  }

  // Posts kept every day are kept on the statutory holidays too: whoever works them is paid
  // the holiday rate (劳动法 第四十四条: at least 300 %) on top of the month's pay, which already
  // pays the holiday.
  void holiday_pay(std::vector<Line> &wages) {
    if (!m_l || m_l->public_holidays <= 0 || m_l->holiday_pay <= 0) return;
    for (const auto &p : m_s.posts) {
      if (p.duty || p.people == 0 || (!p.days.empty() && p.days.size() < 7)) continue;
      const catalog::Role *role = m_roles.role(p.role);
      std::string department = role ? role->department : "";
      auto wage_in = wage_of(p.role, department, role ? role->name : Text{p.role, p.role});
      if (!wage_in) continue; // the wages line reported it
      const double *wage = &wage_in->value;
      double hours_a_day = 0;
      for (std::size_t i = 0; i < p.shifts.size(); ++i) // an on-call night is not working time
        if (static_cast<int>(i) != p.on_call) hours_a_day += p.shifts[i].minutes() / 60.0;
      double hours = p.seats * hours_a_day * m_l->public_holidays;
      double hourly = *wage / m_l->pay_days_per_month / m_l->daily_hours;
      std::string holidays =
          input("labor.public_holidays", both(msg::in_public_holidays), m_l->public_holidays, both(msg::unit_days));
      std::string pay_days =
          input("labor.pay_days_per_month", both(msg::in_pay_days), m_l->pay_days_per_month, both(msg::unit_days));
      std::string daily =
          input("labor.daily_hours", both(msg::in_daily_hours), m_l->daily_hours, both(msg::unit_hours));
      std::string rate = input("labor.holiday_pay", both(msg::in_holiday_pay), m_l->holiday_pay, both(msg::unit_times));
      Text name = both_of(msg::budget_holiday_pay_name, p.name);
      Text basis = both(msg::budget_holiday_pay, p.seats, util::format_number(hours_a_day, 2),
                        util::format_number(m_l->public_holidays, 2), amount(*wage),
                        util::format_number(m_l->pay_days_per_month, 2), util::format_number(m_l->daily_hours, 2),
                        util::format_number(m_l->holiday_pay * 100, 2));
      Line l = line("wages", department, name, hours * hourly * m_l->holiday_pay, basis,
                    both(msg::budget_holiday_pay_source));
      l.id = "holiday_pay." + p.id;
      // The post's seats and hours are the staffing's, not inputs; the rest is (hours) × (hourly) × rate.
      l.formula = "(" + formula_number(p.seats) + "*" + formula_number(hours_a_day) + "*" + holidays + ")*(" +
                  wage_in->ref + "/" + pay_days + "/" + daily + ")*" + rate;
      wages.push_back(std::move(l));
    }
  }

  static Text bounds(const Contributions &c) {
    std::string lo = c.base_min ? amount(*c.base_min) : "", hi = c.base_max ? amount(*c.base_max) : "";
    if (c.base_min && c.base_max) return both(msg::budget_bounds_within, lo, hi);
    return c.base_min ? both(msg::budget_bounds_at_least, lo) : both(msg::budget_bounds_at_most, hi);
  }

  Line line(const std::string &item, const std::string &department, const Text &name, double annual, Text basis,
            const Text &source) {
    Line l;
    l.item = item;
    l.department = department;
    l.name = name;
    // An amount beyond the limit (or not a number) would overflow the cents it is kept in:
    // the budget is refused, naming the line, rather than wrapped to a negative figure.
    if (!(std::fabs(annual) <= max_annual_amount)) {
      if (!m_over_limit)
        m_diags.push_back(diag::make(m_e.file, 0, 0, diag::Severity::error, "budget-limit",
                                     both_sides(msg::budget_limit_line, name, util::format_number(annual),
                                                util::group_thousands(max_annual_amount, 0))));
      m_over_limit = true;
      annual = 0;
    }
    l.cents = to_cents(annual);
    l.basis = std::move(basis);
    l.source = source;
    l.id = item + "." + (department.empty() ? std::string("common") : department);
    return l;
  }

  std::optional<double> quantity(const std::string &name) const {
    if (name == "fixed") return 1;
    if (name == "headcount") return m_s.total;
    return staff::quantity(m_e, name);
  }

  // A quantity in a formula: the headcount as the sum of the roles' inputs, an estate quantity as
  // an input of its own.
  std::string quantity_ref(const std::string &name, double q) {
    if (name == "headcount") {
      int listed = 0;
      for (const auto &d : m_s.departments)
        if (m_dept_heads.count(d.id)) listed += d.headcount;
      if (listed == m_s.total && !m_all_heads.empty()) return "(" + plus_joined(m_all_heads) + ")";
      return formula_number(q);
    }
    const staff::QuantityInfo *info = staff::quantity_info(name);
    Text label = info ? info->label : Text{name, name};
    // Chinese counts in the quantity's measure word (栋, 部); English in units, unless it has its own.
    Text units = both(msg::unit_units);
    Text unit = {info && !info->unit.zh.empty() ? info->unit.zh : units.zh,
                 info && !info->unit.en.empty() ? info->unit.en : units.en};
    return input("quantity." + name, both_of(msg::in_quantity, label), q, unit);
  }

  // "25 lifts" / "电梯 25 部"
  Text counted(const std::string &qname, double q) const {
    if (qname == "headcount") {
      int n = static_cast<int>(q);
      // English counts the people as a whole number, Chinese as an amount.
      return both_sides(n == 1 ? msg::budget_headcount_one : msg::budget_headcount, Text{amount(q), std::to_string(n)});
    }
    const staff::QuantityInfo *info = staff::quantity_info(qname);
    if (!info) return {amount(q), amount(q)};
    // The unit is said in Chinese only, as in staff explanations.
    Text unit = {info->unit.zh.empty() ? "" : " " + info->unit.zh, ""};
    return both_sides(msg::budget_counted, Text{info->label.zh, info->label.en}, amount(q), unit);
  }

  void entries(const std::string &section) {
    for (const Entry &en : m_r.section(section)) {
      if (!en.unless_outsourced.empty() && m_e.is_outsourced(en.unless_outsourced)) {
        Text svc = outsourced_name(en.unless_outsourced);
        std::string svc_en = svc.en;
        if (!svc_en.empty()) svc_en[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(svc_en[0])));
        m_skipped.push_back(both_of(msg::budget_left_out, en.name, Text{svc.zh, svc_en}));
        continue;
      }
      double q = quantity(en.quantity).value_or(0);
      if (q == 0) continue;
      double v = 0;
      Text basis;
      bool fixed = en.quantity == "fixed";
      Text n = counted(en.quantity, q);
      std::string key = "entries." + section + "." + en.id;
      std::string q_ref = fixed ? "1" : quantity_ref(en.quantity, q);
      std::string f;
      switch (en.kind) {
      case RateKind::per_year:
        f = q_ref + "*" +
            input(key + ".rate", both_of(msg::in_entry_rate, en.name), en.rate, both(msg::unit_yuan_unit_year));
        v = q * en.rate;
        basis = fixed ? both(msg::budget_fixed_year, amount(en.rate))
                      : both_sides(msg::budget_per_year, n, amount(en.rate));
        break;
      case RateKind::per_month:
        f = q_ref + "*" +
            input(key + ".rate_month", both_of(msg::in_entry_rate, en.name), en.rate, both(msg::unit_yuan_unit_month)) +
            "*12";
        v = q * en.rate * 12;
        basis = fixed ? both(msg::budget_fixed_month, amount(en.rate))
                      : both_sides(msg::budget_per_month, n, amount(en.rate));
        break;
      case RateKind::kwh: {
        // Entries priced at the rates' electricity price share one input.
        bool shared = m_r.electricity_price && *m_r.electricity_price == en.price;
        std::string price =
            shared ? input("electricity.price", both(msg::in_electricity_price), en.price, both(msg::unit_yuan_kwh))
                   : input(key + ".price", both_of(msg::in_entry_price, en.name), en.price, both(msg::unit_yuan_kwh));
        f = q_ref + "*" +
            input(key + ".kwh", both_of(msg::in_entry_kwh, en.name), en.rate, both(msg::unit_kwh_unit_year)) + "*" +
            price;
        v = q * en.rate * en.price;
        basis = fixed ? both(msg::budget_fixed_kwh, amount(en.rate), amount(en.price))
                      : both_sides(msg::budget_per_kwh, n, amount(en.rate), amount(en.price));
        break;
      }
      }
      Text src = en.source;
      const Text &price = m_r.electricity_source;
      if (en.kind == RateKind::kwh && !price.empty() && src.zh.find(price.zh) == std::string::npos &&
          src.en.find(price.en) == std::string::npos)
        src = both_of(msg::budget_source_electricity, src, price);
      Line l = line(section, en.department, en.name, v, basis, src);
      l.id = section + "." + en.id;
      l.formula = f;
      add(std::move(l));
    }
  }

  void outsourced() {
    for (std::size_t i = 0; i < m_e.outsourced.size(); ++i) {
      const auto &o = m_e.outsourced[i];
      Text name = outsourced_name(o.service);
      Text who = o.contractor.empty() ? Text{} : both(msg::parenthesised, o.contractor);
      const double value = o.annual(m_e.areas.total);
      Text basis = both_sides(msg::budget_contract_value, amount(value), who);
      std::string key = "outsourced." + o.service;
      std::string formula;
      if (o.per_m2_month > 0) {
        double area = o.area > 0 ? o.area : m_e.areas.total;
        basis = both_sides(msg::budget_contract_per_m2, amount(area), amount(o.per_m2_month), who);
        formula = input(key + ".area", both_of(msg::in_outsourced_area, name), area, both(msg::unit_m2)) + "*" +
                  input(key + ".per_m2_month", both_of(msg::in_outsourced_per_m2, name), o.per_m2_month,
                        both(msg::unit_yuan_m2_month)) +
                  "*12";
      } else if (o.per_post_month > 0) {
        basis = both_sides(msg::budget_contract_per_post, o.posts, amount(o.per_post_month), who);
        formula = input(key + ".posts", both_of(msg::in_outsourced_posts, name), o.posts, both(msg::unit_posts)) + "*" +
                  input(key + ".per_post_month", both_of(msg::in_outsourced_per_post, name), o.per_post_month,
                        both(msg::unit_yuan_month)) +
                  "*12";
      }
      if (value == 0) {
        basis = both(msg::budget_no_contract_value_basis, i);
        // Chinese names the service, English gives its id.
        m_b.warnings.push_back(
            {"no-contract-value", both_sides(msg::budget_no_contract_value, Text{name.zh, o.service})});
      }
      // The price's own source, or the notice that it is an assumption.
      Text src = o.source.empty() ? both(msg::budget_source_outsourced_assumed, m_e.file, i, cost_measures)
                                  : both(msg::budget_source_outsourced_given, m_e.file, i, o.source, cost_measures);
      Line l = line("outsourced", "", name, value, basis, src);
      l.id = key;
      l.centre = o.cost_centre.empty() ? "owners" : o.cost_centre;
      l.formula = formula.empty()
                      ? input(key, both_of(msg::in_outsourced, name), o.annual_cost, both(msg::unit_yuan_year))
                      : formula;
      add(std::move(l));
    }
  }

  void depreciation() {
    for (const Asset &a : m_r.assets) {
      double q = quantity(a.quantity).value_or(0);
      if (q == 0) continue;
      double original = a.cost * q;
      double v = original * (1 - a.salvage_rate) / a.life_years;
      std::string years = util::format_number(a.life_years, 2);
      Text bought = a.quantity == "fixed"
                        ? both(msg::budget_original_value, amount(a.cost))
                        : both_sides(msg::budget_count_at_cost, counted(a.quantity, q), amount(a.cost));
      Text basis = both_sides(msg::budget_depreciation, bought, pct(a.salvage_rate), years);
      Text src = a.source;
      if (!m_r.depreciation_source.empty())
        src = both_of(msg::budget_source_depreciation, src, m_r.depreciation_source);
      Line l = line("depreciation", a.department, a.name, v, basis, src);
      l.id = "depreciation." + a.id;
      std::string key = "assets." + a.id;
      std::string cost = input(key + ".cost", both_of(msg::in_asset_cost, a.name), a.cost, both(msg::unit_yuan));
      if (a.quantity != "fixed") cost += "*" + quantity_ref(a.quantity, q);
      std::string salvage =
          input(key + ".salvage_rate", both_of(msg::in_asset_salvage, a.name), a.salvage_rate, both(msg::unit_ratio));
      std::string life =
          input(key + ".life_years", both_of(msg::in_asset_life, a.name), a.life_years, both(msg::unit_years));
      l.formula = cost + "*(1-" + salvage + ")/" + life;
      add(std::move(l));
    }
  }

  // Overhead on each cost centre's lines, so that each centre bears its own.
  void overhead() {
    if (!m_r.overhead_present || m_r.overhead_rate <= 0) return;
    std::vector<Line> made;
    // With more than one centre the overhead item has a line per centre, each with an id of its
    // own ("overhead" alone would name the item's row in the workbook's formulas).
    int centres = 0;
    for (const char *centre : {"owners", "public", "business"})
      centres += std::any_of(m_b.lines.begin(), m_b.lines.end(), [&](const Line &l) { return l.centre == centre; });
    for (const char *centre : {"owners", "public", "business"}) {
      std::int64_t base = 0;
      std::vector<std::string> above;
      for (const auto &l : m_b.lines)
        if (l.centre == centre) base += l.cents, above.push_back(line_ref(l.id));
      if (above.empty()) continue;
      double b = static_cast<double>(base) / 100.0;
      Text basis = both_of(msg::budget_overhead_basis, money(base), pct(m_r.overhead_rate));
      Text name = both(msg::budget_overhead);
      if (std::string(centre) != "owners") name += both_of(msg::budget_centre_of, centre_name(centre));
      Line l = line("overhead", "", name, b * m_r.overhead_rate, basis, m_r.overhead_source);
      l.id = centres == 1 ? "overhead" : std::string("overhead.") + centre;
      l.centre = centre;
      l.formula = "(" + plus_joined(above) + ")*" + ratio_input("overhead.rate", msg::in_overhead, m_r.overhead_rate);
      made.push_back(std::move(l));
    }
    for (auto &l : made) add(std::move(l));
  }

  static Text centre_name(const std::string &id) {
    return both(id == "public" ? msg::centre_public : id == "business" ? msg::centre_business : msg::centre_owners);
  }

  void totals() {
    Budget &b = m_b;
    b.cents = 0;
    b.owners_cents = 0;
    for (const auto &l : b.lines) b.cents += l.cents;
    for (const auto &l : b.lines)
      if (l.centre == "owners") b.owners_cents += l.cents;
    // Where no fee is charged (an institution's centre) the first centre is the client's cost.
    const bool charged = !m_terms || m_terms->fee_charged;
    if (b.owners_cents != b.cents)
      for (const char *id : {"owners", "public", "business"}) {
        const std::string centre = id;
        CentreTotal t{id, centre == "owners" && !charged ? both(msg::centre_client) : centre_name(id), {}, 0};
        bool any = false;
        for (const auto &l : b.lines)
          if (l.centre == id) t.cents += l.cents, any = true;
        t.payer = both(centre == "public"     ? msg::centre_public_payer
                       : centre == "business" ? (charged ? msg::centre_business_payer : msg::centre_business_payer_cost)
                       : charged              ? msg::centre_owners_payer
                                              : msg::centre_client_payer);
        if (any || std::string(id) == "owners") b.centres.push_back(t);
      }
    for (const auto &info : items()) {
      ItemTotal t{info.id, info.name, 0};
      bool any = false;
      for (const auto &l : b.lines)
        if (l.item == info.id) t.cents += l.cents, any = true;
      if (any) b.items.push_back(t);
    }
    // Departments in catalogue order: those with staff, and those a line is charged to.
    std::set<std::string> seen;
    for (const auto &d : m_s.departments)
      if (d.headcount > 0) seen.insert(d.id);
    for (const auto &l : b.lines)
      if (!l.department.empty()) seen.insert(l.department);
    for (const auto &d : m_roles.departments) {
      if (!seen.count(d.id)) continue;
      auto heads = m_dept_heads.find(d.id);
      DepartmentTotal t{d.id, d.name, 0, 0, heads == m_dept_heads.end() ? "" : heads->second};
      for (const auto &sd : m_s.departments)
        if (sd.id == d.id) t.headcount = sd.headcount;
      for (const auto &l : b.lines)
        if (l.department == d.id) t.cents += l.cents;
      b.departments.push_back(t);
    }
    DepartmentTotal common{"", both(msg::common_costs), 0, 0, ""};
    bool any = false;
    for (const auto &l : b.lines)
      if (l.department.empty()) common.cents += l.cents, any = true;
    if (any) b.departments.push_back(common);
  }

  void fee() {
    Fee &f = m_b.fee;
    f.chargeable_area = m_e.areas.chargeable;
    f.households = m_e.households;
    f.rates = m_r.fee;
    // No fee is charged: the budget is the cost, by item and department, nothing per m².
    m_b.fee_charged = !m_terms || m_terms->fee_charged;
    if (!m_b.fee_charged) return;
    if (f.chargeable_area <= 0) {
      m_diags.push_back(diag::make(m_e.file, 0, 0, diag::Severity::error, "no-chargeable-area",
                                   both(msg::budget_no_chargeable_area)));
      return;
    }
    // A fee per m² over a sliver of area would be astronomical (1e-300 m² overflowed).
    if (f.chargeable_area < 1) {
      m_diags.push_back(diag::make(m_e.file, 0, 0, diag::Severity::error, "no-chargeable-area",
                                   both(msg::budget_chargeable_below_one, util::format_number(f.chargeable_area, 6))));
      return;
    }
    // The fee pays for the owners' cost centre only.
    double cost = static_cast<double>(m_b.owners_cents) / 100.0;
    const FeeRates &r = m_r.fee;
    std::string c = money(m_b.owners_cents), a = amount(f.chargeable_area);
    Text src = both_of(msg::budget_source_fee, r.source, fee_measures);
    // One way of charging: its price per m² a month as quoted and with VAT, its income a year.
    auto contract = [&](const char *id, const i18n::Message &name, double per_m2, double incl_vat, double revenue,
                        Text basis) {
      Contract k;
      k.id = id;
      k.name = both(name);
      k.per_m2_month = per_m2;
      k.per_m2_month_incl_vat = incl_vat;
      k.annual_revenue = revenue;
      k.basis = std::move(basis);
      k.source = src;
      return k;
    };
    // Garages and spaces pay their own fee (车位物业服务费): what they pay comes off what the
    // chargeable area must, VAT included for the tax-inclusive lump sum, before VAT otherwise.
    parking(f);
    for (std::size_t i = 0; i < m_e.income.size(); ++i) {
      const auto &x = m_e.income[i];
      Text src = x.source.empty() ? both(msg::budget_income_assumed) : Text::same(x.source);
      f.income.push_back({x.name, x.annual, both_of(msg::budget_source_income, m_e.file, i, src)});
    }
    f.offsets = f.parking ? f.parking->annual : 0;
    for (const auto &x : f.income) f.offsets += x.annual;
    const bool has_offsets = f.offsets > 0;
    const double offsets = f.offsets, offsets_net = offsets / (1 + r.vat_rate), area = f.chargeable_area;
    double ls = fee_lump_sum(cost, area, r.profit_rate, r.tax_rate) - offsets / 12 / area;
    f.lump_sum = contract("lump_sum", msg::budget_lump_sum, ls, ls, cost * (1 + r.profit_rate) / (1 - r.tax_rate),
                          has_offsets ? both_of(msg::budget_lump_sum_offset_basis, c, pct(r.profit_rate),
                                                pct(r.tax_rate), money(to_cents(offsets)), a)
                                      : both_of(msg::budget_lump_sum_basis, c, pct(r.profit_rate), pct(r.tax_rate), a));
    auto before_vat = [&](const char *id, const i18n::Message &name, double margin, const i18n::Message &basis,
                          const i18n::Message &parking_basis) {
      double per = cost * (1 + margin) / 12 / area - offsets_net / 12 / area;
      std::string incl = util::format_number(round_cents(with_vat(per, r.vat_rate)), 2);
      Text b = has_offsets
                   ? both_of(parking_basis, c, pct(margin), money(to_cents(offsets_net)), a, pct(r.vat_rate), incl)
                   : both_of(basis, c, pct(margin), a, pct(r.vat_rate), incl);
      return contract(id, name, per, with_vat(per, r.vat_rate), cost * (1 + margin), std::move(b));
    };
    f.lump_sum_vat = before_vat("lump_sum_vat", msg::budget_lump_sum_vat, r.profit_rate, msg::budget_lump_sum_vat_basis,
                                msg::budget_lump_sum_vat_offset_basis);
    f.cost_plus = before_vat("cost_plus", msg::budget_cost_plus, r.remuneration_rate, msg::budget_cost_plus_basis,
                             msg::budget_cost_plus_offset_basis);
    // A tax rate a hair below 1 divides by almost nothing: the fee too must fit the limit.
    for (const Contract *k : {&f.lump_sum, &f.lump_sum_vat, &f.cost_plus})
      for (double v : {k->per_m2_month, k->per_m2_month_incl_vat, k->annual_revenue})
        if (!(std::fabs(v) <= max_annual_amount)) {
          if (!m_over_limit)
            m_diags.push_back(diag::make(m_e.file, 0, 0, diag::Severity::error, "budget-limit",
                                         both_sides(msg::budget_limit_fee, k->name, util::format_number(v),
                                                    util::group_thousands(max_annual_amount, 0))));
          m_over_limit = true;
          return;
        }
    guide(f);
    // What a household pays a month on average: the fee with VAT on the homes' area (the
    // residential area where the estate gives it, else the whole chargeable area) shared by the
    // households; each pays by its own area.
    double homes = m_e.areas.residential > 0 ? std::min(m_e.areas.residential, f.chargeable_area) : f.chargeable_area;
    f.household_area = homes;
    if (m_e.households > 0)
      for (Contract *k : {&f.lump_sum, &f.lump_sum_vat, &f.cost_plus})
        k->per_household_month = k->per_m2_month_incl_vat * homes / m_e.households;
    fee_formulas(f);
  }

  // The fee's figures as formulas, in the order of operations of fee.cpp and of fee() above.
  void fee_formulas(Fee &f) {
    const FeeRates &r = m_r.fee;
    std::string total = line_ref("total");
    if (!m_b.centres.empty()) { // the owners' lines only
      std::vector<std::string> own;
      for (const auto &l : m_b.lines)
        if (l.centre == "owners") own.push_back(line_ref(l.id));
      total = "(" + plus_joined(own) + ")";
    }
    Text m2 = both(msg::unit_m2);
    std::string area = input("area.chargeable", both(msg::in_area_chargeable), f.chargeable_area, m2);
    std::string profit = ratio_input("fee.profit_rate", msg::in_profit_rate, r.profit_rate);
    std::string tax = ratio_input("fee.tax_rate", msg::in_tax_rate, r.tax_rate);
    std::string vat = ratio_input("fee.vat_rate", msg::in_vat_rate, r.vat_rate);
    std::string remuneration = ratio_input("fee.remuneration_rate", msg::in_remuneration_rate, r.remuneration_rate);
    std::string homes = area;
    if (m_e.areas.residential > 0)
      homes = "MIN(" + input("area.residential", both(msg::in_area_residential), m_e.areas.residential, m2) + "," +
              area + ")";
    std::string households;
    if (m_e.households > 0)
      households = input("households", both(msg::in_households), m_e.households, both(msg::unit_households));
    // What the garages and spaces pay, and the common income, come off the area's share (fee()).
    std::string parked;
    for (std::size_t i = 0; i < f.income.size(); ++i)
      parked += (parked.empty() ? "" : "+") +
                input("income." + std::to_string(i), f.income[i].name, f.income[i].annual, both(msg::unit_yuan_year));
    if (f.parking) {
      if (!parked.empty()) parked += "+";
      Text units = both(msg::unit_spaces);
      parked += "(" + input("parking.garages", both(msg::in_parking_garages), m_e.parking_garages, units) + "+" +
                input("parking.spaces", both(msg::in_parking_spaces), m_e.parking_spaces, units) + ")*" +
                input("parking.per_space_month", both(msg::in_parking_rate), f.parking->per_space_month,
                      both(msg::unit_yuan_space_month)) +
                "*12";
    }
    if (!parked.empty()) parked = "(" + parked + ")";
    auto set = [&](Contract &k, const std::string &revenue, bool vat_on_top) {
      k.annual_revenue_formula = revenue;
      std::string off = parked.empty() ? "" : vat_on_top ? "-" + parked + "/(1+" + vat + ")" : "-" + parked;
      k.per_m2_month_formula = "(" + revenue + off + ")/12/" + area;
      k.per_m2_month_incl_vat_formula =
          vat_on_top ? "(" + k.per_m2_month_formula + ")*(1+" + vat + ")" : k.per_m2_month_formula;
      if (!households.empty())
        k.per_household_month_formula = "(" + k.per_m2_month_incl_vat_formula + ")*" + homes + "/" + households;
    };
    set(f.lump_sum, total + "*(1+" + profit + ")/(1-" + tax + ")", false);
    set(f.lump_sum_vat, total + "*(1+" + profit + ")", true);
    set(f.cost_plus, total + "*(1+" + remuneration + ")", true);
  }

  // What the garages and spaces pay a year at the rates' price per space.
  void parking(Fee &f) {
    int spaces = m_e.parking_garages + m_e.parking_spaces;
    if (!m_r.parking.present || spaces == 0 || m_r.parking.per_space_month <= 0) return;
    ParkingIncome p;
    p.spaces = spaces;
    p.per_space_month = m_r.parking.per_space_month;
    p.annual = spaces * p.per_space_month * 12;
    p.basis = both(msg::budget_parking_basis, m_e.parking_garages, m_e.parking_spaces, amount(p.per_space_month),
                   money(to_cents(p.annual)));
    p.source = m_r.parking.source;
    f.parking = std::move(p);
  }

  // Where the fee falls against the city's guide price for the estate's grade (residential
  // estates: the guide prices are for homes).
  void guide(Fee &f) {
    const GuidePrice &g = m_r.guide_price;
    if (!g.present || m_e.grade <= 0 || m_e.type != "residential") return;
    const GuideGrade *row = nullptr;
    for (const auto &r : g.grades)
      if (r.grade == m_e.grade) row = &r;
    if (!row) return;
    bool lift = m_e.equipment.lifts > 0;
    std::optional<double> base = lift ? row->lift : row->no_lift;
    if (!base) return;
    GuideBand b;
    b.grade = m_e.grade;
    b.local = row->local;
    b.lift = lift;
    b.base = *base;
    bool small = g.small_area && f.chargeable_area <= *g.small_area;
    b.low = *base * (1 - g.down);
    b.high = *base * (1 + (small ? *g.small_up : g.up));
    b.fee = round_cents(f.lump_sum.per_m2_month_incl_vat);
    b.position = b.fee < round_cents(b.low) ? "below" : b.fee > round_cents(b.high) ? "above" : "within";
    Text where = both(b.position == "within"  ? msg::budget_guide_within
                      : b.position == "above" ? msg::budget_guide_above
                                              : msg::budget_guide_below);
    b.basis =
        both_sides(msg::budget_guide_basis, Text{m_r.city}, b.local,
                   both(lift ? msg::budget_guide_lift : msg::budget_guide_no_lift),
                   Text::same(util::group_thousands(b.base, 2)), Text::same(util::group_thousands(b.low, 2)),
                   Text::same(util::group_thousands(b.high, 2)), Text::same(util::group_thousands(b.fee, 2)), where);
    b.source = g.source;
    f.guide = std::move(b);
  }

  void notes() {
    auto &n = m_b.notes;
    rates_note();
    // The special maintenance fund is housing's (住宅专项维修资金管理办法 arts. 2 and 6); elsewhere
    // the owner pays for major repairs as the contract agrees.
    if (!m_b.fee_charged) {
      n.push_back(both_sides(msg::budget_note_no_fee, m_terms->occupants, m_terms->client));
      n.push_back(both_of(msg::budget_note_repairs_cost, m_terms->client));
    } else if (!m_terms || m_terms->maintenance_fund)
      n.push_back(both(msg::budget_note_repairs, maintenance_fund, fee_measures));
    else
      n.push_back(both_of(msg::budget_note_repairs_owner, m_terms->governance));
    if (!m_e.areas.chargeable_given && m_e.areas.underground_garage > 0)
      n.push_back(both(msg::budget_note_chargeable, amount(m_e.areas.total), amount(m_e.areas.underground_garage),
                       amount(m_e.areas.chargeable)));
    if (!m_e.outsourced.empty()) n.push_back(both(msg::budget_note_outsourced, cost_measures));
    // What is outside the fee, and who pays for it.
    for (const auto &t : m_b.centres)
      if (t.id != "owners")
        n.push_back(both_sides(m_b.fee_charged ? msg::budget_note_centre : msg::budget_note_centre_cost, t.name,
                               Text::same(money(t.cents)), t.payer));
    hours_note();
    n.insert(n.end(), m_skipped.begin(), m_skipped.end());
    n.push_back(both(msg::budget_note_rounding));
  }

  // The working-hours system the staffing assumes, and why no overtime is costed.
  void hours_note() {
    if (!m_l || m_s.total == 0) return;
    std::string weekly = util::format_number(m_l->weekly_hours, 2);
    // On-site duty past the limit is the staffing's warning: its extra hours are not costed.
    for (const auto &w : m_s.warnings)
      if (w.code == "duty-over-limit") {
        m_b.notes.push_back(both(msg::budget_note_hours_over, weekly));
        return;
      }
    if (m_l->averaging_period == "week")
      m_b.notes.push_back(both(msg::budget_note_hours_standard, weekly));
    else
      m_b.notes.push_back(both_sides(msg::budget_note_hours_comprehensive, Text::same(weekly),
                                     both(m_l->averaging_period == "year"      ? msg::period_year
                                          : m_l->averaging_period == "quarter" ? msg::period_quarter
                                                                               : msg::period_month),
                                     Text::same(hours_approval)));
  }

  // Which rates were used and why: the estate's city picks a built-in set when there is one.
  void rates_note() {
    auto &n = m_b.notes;
    std::string year = m_r.year ? std::to_string(m_r.year) : "";
    if (m_choice == "city")
      n.push_back(both_sides(msg::budget_note_rates_city, m_r.title, Text::same(year), Text::same(m_e.city)));
    else if (m_choice == "default" && !m_e.city.empty())
      n.push_back(both_sides(msg::budget_note_rates_no_city, Text::same(m_e.city), m_r.title));
    else if (m_choice == "default")
      n.push_back(both_sides(msg::budget_note_rates_no_city_given, m_r.title));
  }

  const estate::Estate &m_e;
  const staff::Staffing &m_s;
  const Rates &m_r;
  const catalog::Catalogue &m_roles;
  const staff::Labor *m_l;
  std::string m_choice;
  const catalog::EstateTerms *m_terms; // null: housing's maintenance fund assumed
  Budget m_b;
  diag::Diagnostics m_diags;
  bool m_over_limit = false; // a line over max_annual_amount was reported
  std::vector<Text> m_skipped;
  std::set<std::string> m_input_keys;
  std::map<std::string, std::string> m_dept_heads; // department id -> its headcount as a formula
  std::vector<std::string> m_all_heads;            // each department's, for the staffing's total
};

} // namespace

Computed compute(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles,
                 const staff::Labor *labor, const std::string &choice, const catalog::EstateTerms *terms) {
  return Builder(e, s, r, roles, labor, choice, terms).run();
}

} // namespace pm::budget
