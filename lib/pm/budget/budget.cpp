#include <pm/budget/budget.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace pm::budget {

const std::vector<ItemInfo> &items() {
  // The cost items of 物业服务定价成本监审办法 (2007) and 物业服务收费管理办法 art. 11, in order.
  static const std::vector<ItemInfo> list = {
      {"wages", {"人员工资", "Wages"}},
      {"social_insurance", {"社会保险费", "Social insurance"}},
      {"housing_fund", {"住房公积金", "Housing fund"}},
      {"welfare", {"职工福利费", "Staff welfare"}},
      {"union", {"工会经费", "Union dues"}},
      {"training", {"职工教育经费", "Staff training"}},
      {"uniforms", {"服装费", "Uniforms"}},
      {"energy", {"公共部位能耗", "Common-area energy"}},
      {"cleaning_materials", {"清洁卫生费", "Cleaning materials"}},
      {"greening_materials", {"绿化养护费", "Greening materials"}},
      {"plant_upkeep", {"共用设施设备运行维护费", "Plant running and upkeep"}},
      {"outsourced", {"外包服务合同", "Outsourced contracts"}},
      {"insurance", {"公共部位及公众责任保险费", "Insurance of common parts and public liability"}},
      {"office", {"办公费", "Office"}},
      {"depreciation", {"固定资产折旧", "Depreciation of fixed assets"}},
      {"other", {"经业主同意的其他费用", "Other costs agreed with the owners"}},
      {"overhead", {"总部管理费分摊", "Head-office overhead"}},
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

const catalog::Text illustrative_notice = {"示意数字——请替换为您自己的费率",
                                           "illustrative figures — replace with your own rates"};

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
std::string people(int n) { return std::to_string(n) + (n == 1 ? " person" : " people"); }
std::string pct(double r, bool zh) { return util::format_number(r * 100, 4) + (zh ? "%" : " %"); }

struct Outsourced {
  const char *id;
  Text name;
};
const Outsourced outsourced_names[] = {
    {"lift_maintenance", {"电梯维保", "Lift maintenance"}},
    {"river_cleaning", {"河道保洁", "River cleaning"}},
    {"municipal_road_cleaning", {"市政道路保洁", "Municipal road cleaning"}},
    {"cleaning", {"保洁", "Cleaning"}},
    {"greening", {"绿化养护", "Greening"}},
    {"security", {"秩序维护（安保）", "Security"}},
    {"fire_system_maintenance", {"消防设施维保", "Fire-system maintenance"}},
    {"waste_removal", {"垃圾清运", "Waste removal"}},
    {"pest_control", {"消杀", "Pest control"}},
};
Text outsourced_name(const std::string &id) {
  for (const auto &o : outsourced_names)
    if (id == o.id) return o.name;
  return {id, id};
}

class Builder {
public:
  Builder(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles)
      : m_e(e), m_s(s), m_r(r), m_roles(roles) {}

  Computed run() {
    Computed out;
    Budget &b = m_b;
    b.estate_id = m_e.id;
    b.estate_name = m_e.name;
    b.rates = m_r.name;
    b.rates_title = m_r.title;
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
  void error(const Position &p, const std::string &code, const std::string &en, const std::string &zh) {
    m_diags.push_back({m_r.file, p.line, p.line ? p.column : 0, diag::Severity::error, code, en, zh, ""});
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
      std::string n = std::to_string(m_s.total);
      error({}, "missing-key",
            "the staffing has " + n + " people but the rates file has no [" + m.key + "] table to cost them",
            "人员配置共 " + n + " 人，但费率文件缺少用于计算的 [" + m.key + "] 表");
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
      std::string terms_en, terms_zh;
      for (const auto &role : d.roles) {
        if (role.headcount == 0) continue;
        std::optional<double> wage;
        // A position the estate file prices itself (organisation units) comes first.
        for (const auto &u : m_e.units)
          for (const auto &p : u.positions)
            if (p.id == role.id && p.monthly_wage > 0) wage = p.monthly_wage;
        if (wage) {
        } else if (auto it = w.by_role.find(role.id); it != w.by_role.end())
          wage = it->second;
        else if (auto it2 = w.by_department.find(d.id); it2 != w.by_department.end())
          wage = it2->second;
        else if (w.default_wage)
          wage = *w.default_wage;
        if (!wage) {
          error(w.pos, "no-wage",
                "no wage for the role '" + role.id + "' (department '" + d.id + "'): add " + role.id +
                    " = ... under [wages.role], or " + d.id + " = ... under [wages.department]",
                "岗位 '" + role.id + "'（部门 '" + d.id + "'）没有工资标准：在 [wages.role] 下写 " + role.id +
                    " = ...，或在 [wages.department] 下写 " + d.id + " = ...");
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
        terms_en += (terms_en.empty() ? "" : " + ") + role.name.get(false) + " " + std::to_string(role.headcount) +
                    " × " + amount(*wage);
        terms_zh += (terms_zh.empty() ? "" : " + ") + role.name.get(true) + " " + std::to_string(role.headcount) +
                    " 人 × " + amount(*wage) + " 元";
      }
      Line wl = line("wages", d.id, d.name, monthly * w.months,
                     {terms_zh + " = 每月 " + amount(monthly) + " 元 × " + months + " 个月",
                      terms_en + " = " + amount(monthly) + " 元 a month × " + months + " months"},
                     w.source);
      std::string wages_zh = "工资 " + money(wl.cents), wages_en = "wages " + money(wl.cents);
      double wages_amount = wl.annual();
      wages.push_back(std::move(wl));

      auto contribution = [&](const Contributions &c, double base, double rate, const std::string &parts_zh,
                              const std::string &parts_en) {
        bool bounded = c.base_min || c.base_max;
        // Without floor or ceiling the base is the wages line itself, so the line reads as on paper.
        double b = bounded ? base : wages_amount;
        std::string bz = bounded ? "缴费基数 " + money(to_cents(b)) + "（每人每月 " + bounds(c, true) + "）" : wages_zh;
        std::string be = bounded ? "contribution base " + money(to_cents(b)) + " (each person's monthly pay " +
                                       bounds(c, false) + ")"
                                 : wages_en;
        return std::pair<double, Text>{
            b * rate, {bz + " × " + pct(rate, true) + parts_zh, be + " × " + pct(rate, false) + parts_en}};
      };
      if (si.social_total() > 0) {
        auto [v, basis] =
            contribution(si, si_base, si.social_total(),
                         "（养老 " + pct(si.pension, true) + " + 医疗 " + pct(si.medical, true) + " + 失业 " +
                             pct(si.unemployment, true) + " + 生育 " + pct(si.maternity, true) + " + 工伤 " +
                             pct(si.work_injury, true) + "）",
                         " (pension " + pct(si.pension, false) + " + medical " + pct(si.medical, false) +
                             " + unemployment " + pct(si.unemployment, false) + " + maternity " +
                             pct(si.maternity, false) + " + work injury " + pct(si.work_injury, false) + ")");
        social.push_back(line("social_insurance", d.id, d.name, v, basis, si.source));
      }
      if (hf.rate > 0) {
        auto [v, basis] = contribution(hf, hf_base, hf.rate, "", "");
        housing.push_back(line("housing_fund", d.id, d.name, v, basis, hf.source));
      }
      auto levy = [&](std::vector<Line> &list, const char *item, double rate) {
        if (rate <= 0) return;
        list.push_back(line(item, d.id, d.name, wages_amount * rate,
                            {wages_zh + " × " + pct(rate, true), wages_en + " × " + pct(rate, false)}, lv.source));
      };
      levy(welfare, "welfare", lv.welfare);
      levy(union_dues, "union", lv.union_dues);
      levy(training, "training", lv.training);

      if (m_r.uniforms.present) {
        double per = m_r.uniforms.per_head_year;
        if (auto it = m_r.uniforms.by_department.find(d.id); it != m_r.uniforms.by_department.end()) per = it->second;
        if (per > 0)
          uniforms.push_back(line("uniforms", d.id, d.name, per * d.headcount,
                                  {std::to_string(d.headcount) + " 人 × 每人每年 " + amount(per) + " 元",
                                   people(d.headcount) + " × " + amount(per) + " 元 a year each"},
                                  m_r.uniforms.source));
      }
    }
    for (auto *list : {&wages, &social, &housing, &welfare, &union_dues, &training, &uniforms})
      for (auto &l : *list) add(std::move(l));
  }

  static std::string bounds(const Contributions &c, bool zh) {
    std::string lo = c.base_min ? amount(*c.base_min) : "", hi = c.base_max ? amount(*c.base_max) : "";
    if (zh) {
      if (c.base_min && c.base_max) return "按 " + lo + "–" + hi + " 元封顶保底";
      return c.base_min ? "不低于 " + lo + " 元" : "不高于 " + hi + " 元";
    }
    if (c.base_min && c.base_max) return "kept within " + lo + "–" + hi + " 元";
    return c.base_min ? "at least " + lo + " 元" : "at most " + hi + " 元";
  }

  Line line(const std::string &item, const std::string &department, const Text &name, double annual, Text basis,
            const std::string &source) {
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
    if (qname == "headcount") return {std::string("人员 ") + amount(q) + " 人", people(static_cast<int>(q))};
    const staff::QuantityInfo *info = staff::quantity_info(qname);
    if (!info) return {amount(q), amount(q)};
    std::string unit_zh = info->unit.zh.empty() ? "" : " " + info->unit.zh;
    return {info->label.zh + " " + amount(q) + unit_zh, amount(q) + " " + info->label.en};
  }

  void entries(const std::string &section) {
    for (const Entry &en : m_r.section(section)) {
      if (!en.unless_outsourced.empty() && m_e.is_outsourced(en.unless_outsourced)) {
        Text svc = outsourced_name(en.unless_outsourced);
        std::string svc_en = svc.en;
        if (!svc_en.empty()) svc_en[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(svc_en[0])));
        m_skipped.push_back({"“" + en.name.get(true) + "”未计入：" + svc.zh + "已外包，按合同价计入外包服务合同。",
                             "'" + en.name.get(false) + "' left out: " + svc_en +
                                 " is contracted out and costed at its contract value."});
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
        basis = fixed ? Text{"每年固定 " + amount(en.rate) + " 元", "fixed sum of " + amount(en.rate) + " 元 a year"}
                      : Text{n.zh + " × " + amount(en.rate) + " 元/年", n.en + " × " + amount(en.rate) + " 元 a year"};
        break;
      case RateKind::per_month:
        v = q * en.rate * 12;
        basis = fixed ? Text{"每月 " + amount(en.rate) + " 元 × 12 个月", amount(en.rate) + " 元 a month × 12 months"}
                      : Text{n.zh + " × " + amount(en.rate) + " 元/月 × 12 个月",
                             n.en + " × " + amount(en.rate) + " 元 a month × 12 months"};
        break;
      case RateKind::kwh:
        v = q * en.rate * en.price;
        basis = fixed ? Text{amount(en.rate) + " 千瓦时/年 × " + amount(en.price) + " 元/千瓦时",
                             amount(en.rate) + " kWh a year × " + amount(en.price) + " 元/kWh"}
                      : Text{n.zh + " × " + amount(en.rate) + " 千瓦时/年 × " + amount(en.price) + " 元/千瓦时",
                             n.en + " × " + amount(en.rate) + " kWh a year × " + amount(en.price) + " 元/kWh"};
        break;
      }
      std::string src = en.source;
      if (en.kind == RateKind::kwh && !m_r.electricity_source.empty() &&
          src.find(m_r.electricity_source) == std::string::npos)
        src += "; electricity price: " + m_r.electricity_source;
      Line l = line(section, en.department, en.name, v, basis, src);
      l.id = section + "." + en.id;
      add(std::move(l));
    }
  }

  void outsourced() {
    for (std::size_t i = 0; i < m_e.outsourced.size(); ++i) {
      const auto &o = m_e.outsourced[i];
      Text name = outsourced_name(o.service);
      std::string who = o.contractor.empty() ? "" : "（" + o.contractor + "）";
      std::string who_en = o.contractor.empty() ? "" : " (" + o.contractor + ")";
      Text basis = {"合同价每年 " + amount(o.annual_cost) + " 元" + who,
                    "contract value " + amount(o.annual_cost) + " 元 a year" + who_en};
      if (o.annual_cost == 0) {
        basis = {"估算文件未给出合同价（outsourced[" + std::to_string(i) + "].annual_cost），按 0 计",
                 "no contract value in the estate file (outsourced[" + std::to_string(i) +
                     "].annual_cost): counted as 0"};
        m_b.warnings.push_back(
            {"no-contract-value",
             {"外包服务“" + name.zh + "”没有合同价（annual_cost），预算按 0 计",
              "the outsourced service '" + o.service + "' has no contract value (annual_cost): it is costed at 0"}});
      }
      Line l = line("outsourced", "", name, o.annual_cost, basis,
                    m_e.file + ": outsourced[" + std::to_string(i) +
                        "].annual_cost (物业服务定价成本监审办法: outsourced services at contract value)");
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
      std::string orig_zh = a.quantity == "fixed" ? "原值 " + amount(a.cost) + " 元"
                                                  : counted(a.quantity, q).zh + " × " + amount(a.cost) + " 元";
      std::string orig_en = a.quantity == "fixed" ? "original value " + amount(a.cost) + " 元"
                                                  : counted(a.quantity, q).en + " × " + amount(a.cost) + " 元";
      Text basis = {orig_zh + " × (1 − 残值率 " + pct(a.salvage_rate, true) + ") ÷ " + years + " 年（年限平均法）",
                    orig_en + " × (1 − salvage " + pct(a.salvage_rate, false) + ") ÷ " + years +
                        " years (straight line)"};
      std::string src = a.source;
      if (!m_r.depreciation_source.empty()) src += "; depreciation rule: " + m_r.depreciation_source;
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
    Line l = line("overhead", "", {"总部管理费", "Head-office overhead"}, b * m_r.overhead_rate,
                  {"以上各项合计 " + money(base) + " × " + pct(m_r.overhead_rate, true),
                   "the costs above, " + money(base) + ", × " + pct(m_r.overhead_rate, false)},
                  m_r.overhead_source);
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
    DepartmentTotal common{"", {"公共费用（不分部门）", "Common costs (not by department)"}, 0, 0};
    bool any = false;
    for (const auto &l : b.lines)
      if (l.department.empty()) common.cents += l.cents, any = true;
    if (any) b.departments.push_back(common);
  }

  void fee() {
    Fee &f = m_b.fee;
    f.chargeable_area = m_e.areas.chargeable;
    f.rates = m_r.fee;
    if (f.chargeable_area <= 0) {
      m_diags.push_back(
          {m_e.file, 0, 0, diag::Severity::error, "no-chargeable-area",
           "the estate has no chargeable area (areas.chargeable or areas.total): no fee per m² can be set",
           "该项目没有收费面积（areas.chargeable 或 areas.total），无法测算每平方米物业费", ""});
      return;
    }
    double cost = m_b.annual_cost();
    const FeeRates &r = m_r.fee;
    std::string c = money(m_b.cents), a = amount(f.chargeable_area);
    std::string src = r.source + "; 物业服务收费管理办法 art. 11";
    f.lump_sum = {"lump_sum",
                  {"包干制（税费含在物业费内）", "Lump sum (taxes included)"},
                  fee_lump_sum(cost, f.chargeable_area, r.profit_rate, r.tax_rate),
                  cost * (1 + r.profit_rate) / (1 - r.tax_rate),
                  {"年成本 " + c + " × (1 + 利润率 " + pct(r.profit_rate, true) + ") ÷ (1 − 税率 " +
                       pct(r.tax_rate, true) + ") ÷ 12 ÷ 收费面积 " + a + " m²",
                   "annual cost " + c + " × (1 + profit " + pct(r.profit_rate, false) + ") ÷ (1 − tax " +
                       pct(r.tax_rate, false) + ") ÷ 12 ÷ " + a + " m² chargeable"},
                  src};
    f.lump_sum_vat = {"lump_sum_vat",
                      {"包干制（增值税另计）", "Lump sum, VAT charged on top"},
                      fee_lump_sum_vat(cost, f.chargeable_area, r.profit_rate, r.vat_rate),
                      cost * (1 + r.profit_rate) * (1 + r.vat_rate),
                      {"年成本 " + c + " × (1 + 利润率 " + pct(r.profit_rate, true) + ") × (1 + 增值税 " +
                           pct(r.vat_rate, true) + ") ÷ 12 ÷ 收费面积 " + a + " m²",
                       "annual cost " + c + " × (1 + profit " + pct(r.profit_rate, false) + ") × (1 + VAT " +
                           pct(r.vat_rate, false) + ") ÷ 12 ÷ " + a + " m² chargeable"},
                      src};
    f.cost_plus = {
        "cost_plus",
        {"酬金制", "Cost plus (remuneration)"},
        fee_cost_plus(cost, f.chargeable_area, r.remuneration_rate),
        cost * (1 + r.remuneration_rate),
        {"年支出 " + c + " × (1 + 酬金比例 " + pct(r.remuneration_rate, true) + ") ÷ 12 ÷ 收费面积 " + a + " m²",
         "annual expenditure " + c + " × (1 + remuneration " + pct(r.remuneration_rate, false) + ") ÷ 12 ÷ " + a +
             " m² chargeable"},
        src};
  }

  void notes() {
    auto &n = m_b.notes;
    n.push_back({"大中修及设施设备更新改造费用由专项维修资金列支，不计入物业服务费（物业服务收费管理办法第十一条）。",
                 "Major repairs and the renewal of common parts and plant are paid from the special maintenance fund "
                 "(专项维修资金), not from the property fee (物业服务收费管理办法 art. 11)."});
    if (!m_e.outsourced.empty())
      n.push_back(
          {"外包服务按估算文件中的合同价计入（物业服务定价成本监审办法）。",
           "Outsourced services are costed at their contract value from the estate file (物业服务定价成本监审办法)."});
    n.insert(n.end(), m_skipped.begin(), m_skipped.end());
    n.push_back(
        {"每行金额四舍五入到分；合计为各行之和；月度金额 = 年度金额 ÷ 12。",
         "Each line is rounded to the fen (0.01 元); totals are the sums of the lines; monthly = annual ÷ 12."});
  }

  const estate::Estate &m_e;
  const staff::Staffing &m_s;
  const Rates &m_r;
  const catalog::Catalogue &m_roles;
  Budget m_b;
  diag::Diagnostics m_diags;
  std::vector<Text> m_skipped;
};

} // namespace

Computed compute(const estate::Estate &e, const staff::Staffing &s, const Rates &r, const catalog::Catalogue &roles) {
  return Builder(e, s, r, roles).run();
}

} // namespace pm::budget
