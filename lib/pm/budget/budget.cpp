#include <pm/budget/budget.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cctype>
#include <set>

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

class Builder {
public:
  Builder(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles,
          const staff::Labor *labor, std::string choice)
      : m_e(e), m_s(s), m_r(r), m_roles(roles), m_l(labor), m_choice(std::move(choice)) {}

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

  void add(Line l) { m_b.lines.push_back(std::move(l)); }

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

    for (const auto &d : m_s.departments) {
      if (d.headcount == 0) continue;
      double monthly = 0, si_base = 0, hf_base = 0;
      Text terms;
      for (const auto &role : d.roles) {
        if (role.headcount == 0) continue;
        std::optional<double> wage = wage_of(role.id, d.id);
        if (!wage) {
          error(w.pos, "no-wage", both(msg::budget_no_wage, role.id, d.id));
          continue;
        }
        double hc = role.headcount;
        monthly += *wage * hc;
        // The contribution base is the average monthly pay, within the city's floor and ceiling.
        double avg = *wage * w.months / 12.0;
        auto bounded = [&](const Contributions &c) {
          double v = avg;
          if (c.base_min) v = std::max(v, *c.base_min);
          if (c.base_max) v = std::min(v, *c.base_max);
          return v * hc * 12.0;
        };
        si_base += bounded(si);
        hf_base += bounded(hf);
        if (!terms.en.empty()) terms += Text::same(" + ");
        terms += both_of(msg::budget_wage_term, role.name, role.headcount, amount(*wage));
      }
      Line wl = line("wages", d.id, d.name, monthly * w.months,
                     both_sides(msg::budget_wages, terms, amount(monthly), months), w.source);
      Text wages_line = both(msg::budget_wages_amount, money(wl.cents));
      double wages_amount = wl.annual();
      wages.push_back(std::move(wl));

      auto contribution = [&](const Contributions &c, double base, double rate, const Text &parts) {
        bool bounded = c.base_min || c.base_max;
        // Without floor or ceiling the base is the wages line itself, so the line reads as on paper.
        double b = bounded ? base : wages_amount;
        Text on = bounded ? both_of(msg::budget_contribution_base, money(to_cents(b)), bounds(c)) : wages_line;
        return std::pair<double, Text>{b * rate, both_sides(msg::budget_times, on, pct(rate), parts)};
      };
      if (si.social_total() > 0) {
        auto [v, basis] = contribution(si, si_base, si.social_total(),
                                       both_of(msg::budget_social_parts, pct(si.pension), pct(si.medical),
                                               pct(si.unemployment), pct(si.maternity), pct(si.work_injury)));
        social.push_back(line("social_insurance", d.id, d.name, v, basis, si.source));
      }
      if (hf.rate > 0) {
        auto [v, basis] = contribution(hf, hf_base, hf.rate, Text{});
        housing.push_back(line("housing_fund", d.id, d.name, v, basis, hf.source));
      }
      auto levy = [&](std::vector<Line> &list, const char *item, double rate) {
        if (rate <= 0) return;
        list.push_back(line(item, d.id, d.name, wages_amount * rate,
                            both_sides(msg::budget_times, wages_line, pct(rate), Text{}), lv.source));
      };
      levy(welfare, "welfare", lv.welfare);
      levy(union_dues, "union", lv.union_dues);
      levy(training, "training", lv.training);

      if (m_r.uniforms.present) {
        double per = m_r.uniforms.per_head_year;
        if (auto it = m_r.uniforms.by_department.find(d.id); it != m_r.uniforms.by_department.end()) per = it->second;
        if (per > 0)
          uniforms.push_back(
              line("uniforms", d.id, d.name, per * d.headcount,
                   both(d.headcount == 1 ? msg::budget_uniforms_one : msg::budget_uniforms, d.headcount, amount(per)),
                   m_r.uniforms.source));
      }
    }
    holiday_pay(wages);
    for (auto *list : {&wages, &social, &housing, &welfare, &union_dues, &training, &uniforms})
      for (auto &l : *list) add(std::move(l));
  }

  // A role's monthly wage: a position the estate file prices itself (organisation units) first,
  // then the rates' by role, by department, by default.
  std::optional<double> wage_of(const std::string &role, const std::string &department) const {
    const Wages &w = m_r.wages;
    for (const auto &u : m_e.units)
      for (const auto &p : u.positions)
        if (p.id == role && p.monthly_wage > 0) return p.monthly_wage;
    if (auto it = w.by_role.find(role); it != w.by_role.end()) return it->second;
    if (auto it = w.by_department.find(department); it != w.by_department.end()) return it->second;
    return w.default_wage;
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
      auto wage = wage_of(p.role, department);
      if (!wage) continue; // the wages line reported it
      double hours_a_day = 0;
      for (const auto &s : p.shifts) hours_a_day += s.minutes() / 60.0;
      double hours = p.seats * hours_a_day * m_l->public_holidays;
      double hourly = *wage / m_l->pay_days_per_month / m_l->daily_hours;
      Text name = both_of(msg::budget_holiday_pay_name, p.name);
      Text basis = both(msg::budget_holiday_pay, p.seats, util::format_number(hours_a_day, 2),
                        util::format_number(m_l->public_holidays, 2), amount(*wage),
                        util::format_number(m_l->pay_days_per_month, 2), util::format_number(m_l->daily_hours, 2),
                        util::format_number(m_l->holiday_pay * 100, 2));
      Line l = line("wages", department, name, hours * hourly * m_l->holiday_pay, basis,
                    both(msg::budget_holiday_pay_source));
      l.id = "holiday_pay." + p.id;
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
      switch (en.kind) {
      case RateKind::per_year:
        v = q * en.rate;
        basis = fixed ? both(msg::budget_fixed_year, amount(en.rate))
                      : both_sides(msg::budget_per_year, n, amount(en.rate));
        break;
      case RateKind::per_month:
        v = q * en.rate * 12;
        basis = fixed ? both(msg::budget_fixed_month, amount(en.rate))
                      : both_sides(msg::budget_per_month, n, amount(en.rate));
        break;
      case RateKind::kwh:
        v = q * en.rate * en.price;
        basis = fixed ? both(msg::budget_fixed_kwh, amount(en.rate), amount(en.price))
                      : both_sides(msg::budget_per_kwh, n, amount(en.rate), amount(en.price));
        break;
      }
      Text src = en.source;
      const Text &price = m_r.electricity_source;
      if (en.kind == RateKind::kwh && !price.empty() && src.zh.find(price.zh) == std::string::npos &&
          src.en.find(price.en) == std::string::npos)
        src = both_of(msg::budget_source_electricity, src, price);
      Line l = line(section, en.department, en.name, v, basis, src);
      l.id = section + "." + en.id;
      add(std::move(l));
    }
  }

  void outsourced() {
    for (std::size_t i = 0; i < m_e.outsourced.size(); ++i) {
      const auto &o = m_e.outsourced[i];
      Text name = outsourced_name(o.service);
      Text who = o.contractor.empty() ? Text{} : both(msg::parenthesised, o.contractor);
      Text basis = both_sides(msg::budget_contract_value, amount(o.annual_cost), who);
      if (o.annual_cost == 0) {
        basis = both(msg::budget_no_contract_value_basis, i);
        // Chinese names the service, English gives its id.
        m_b.warnings.push_back(
            {"no-contract-value", both_sides(msg::budget_no_contract_value, Text{name.zh, o.service})});
      }
      Line l = line("outsourced", "", name, o.annual_cost, basis,
                    both(msg::budget_source_outsourced, m_e.file, i, cost_measures));
      l.id = "outsourced." + o.service;
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
      add(std::move(l));
    }
  }

  void overhead() {
    if (!m_r.overhead_present || m_r.overhead_rate <= 0) return;
    std::int64_t base = 0;
    for (const auto &l : m_b.lines) base += l.cents;
    double b = static_cast<double>(base) / 100.0;
    Line l = line("overhead", "", both(msg::budget_overhead), b * m_r.overhead_rate,
                  both_of(msg::budget_overhead_basis, money(base), pct(m_r.overhead_rate)), m_r.overhead_source);
    l.id = "overhead";
    add(std::move(l));
  }

  void totals() {
    Budget &b = m_b;
    b.cents = 0;
    for (const auto &l : b.lines) b.cents += l.cents;
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
      DepartmentTotal t{d.id, d.name, 0, 0};
      for (const auto &sd : m_s.departments)
        if (sd.id == d.id) t.headcount = sd.headcount;
      for (const auto &l : b.lines)
        if (l.department == d.id) t.cents += l.cents;
      b.departments.push_back(t);
    }
    DepartmentTotal common{"", both(msg::common_costs), 0, 0};
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
    if (f.chargeable_area <= 0) {
      m_diags.push_back(diag::make(m_e.file, 0, 0, diag::Severity::error, "no-chargeable-area",
                                   both(msg::budget_no_chargeable_area)));
      return;
    }
    double cost = m_b.annual_cost();
    const FeeRates &r = m_r.fee;
    std::string c = money(m_b.cents), a = amount(f.chargeable_area);
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
    const double parked = f.parking ? f.parking->annual : 0, parked_net = parked / (1 + r.vat_rate),
                 area = f.chargeable_area;
    double ls = fee_lump_sum(cost, area, r.profit_rate, r.tax_rate) - parked / 12 / area;
    f.lump_sum = contract("lump_sum", msg::budget_lump_sum, ls, ls, cost * (1 + r.profit_rate) / (1 - r.tax_rate),
                          f.parking ? both_of(msg::budget_lump_sum_parking_basis, c, pct(r.profit_rate),
                                              pct(r.tax_rate), money(to_cents(parked)), a)
                                    : both_of(msg::budget_lump_sum_basis, c, pct(r.profit_rate), pct(r.tax_rate), a));
    auto before_vat = [&](const char *id, const i18n::Message &name, double margin, const i18n::Message &basis,
                          const i18n::Message &parking_basis) {
      double per = cost * (1 + margin) / 12 / area - parked_net / 12 / area;
      std::string incl = util::format_number(round_cents(with_vat(per, r.vat_rate)), 2);
      Text b = f.parking ? both_of(parking_basis, c, pct(margin), money(to_cents(parked_net)), a, pct(r.vat_rate), incl)
                         : both_of(basis, c, pct(margin), a, pct(r.vat_rate), incl);
      return contract(id, name, per, with_vat(per, r.vat_rate), cost * (1 + margin), std::move(b));
    };
    f.lump_sum_vat = before_vat("lump_sum_vat", msg::budget_lump_sum_vat, r.profit_rate, msg::budget_lump_sum_vat_basis,
                                msg::budget_lump_sum_vat_parking_basis);
    f.cost_plus = before_vat("cost_plus", msg::budget_cost_plus, r.remuneration_rate, msg::budget_cost_plus_basis,
                             msg::budget_cost_plus_parking_basis);
    guide(f);
    // What a household pays a month on average: the fee with VAT on the homes' area (the
    // residential area where the estate gives it, else the whole chargeable area) shared by the
    // households; each pays by its own area.
    double homes = m_e.areas.residential > 0 ? std::min(m_e.areas.residential, f.chargeable_area) : f.chargeable_area;
    f.household_area = homes;
    if (m_e.households > 0)
      for (Contract *k : {&f.lump_sum, &f.lump_sum_vat, &f.cost_plus})
        k->per_household_month = k->per_m2_month_incl_vat * homes / m_e.households;
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
    n.push_back(both(msg::budget_note_repairs, maintenance_fund, fee_measures));
    if (!m_e.areas.chargeable_given && m_e.areas.underground_garage > 0)
      n.push_back(both(msg::budget_note_chargeable, amount(m_e.areas.total), amount(m_e.areas.underground_garage),
                       amount(m_e.areas.chargeable)));
    if (!m_e.outsourced.empty()) n.push_back(both(msg::budget_note_outsourced, cost_measures));
    n.insert(n.end(), m_skipped.begin(), m_skipped.end());
    n.push_back(both(msg::budget_note_rounding));
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
  Budget m_b;
  diag::Diagnostics m_diags;
  std::vector<Text> m_skipped;
};

} // namespace

Computed compute(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles,
                 const staff::Labor *labor, const std::string &choice) {
  return Builder(e, s, r, roles, labor, choice).run();
}

} // namespace pm::budget
