#include <pm/budget/rates.hpp>
#include <pm/data/toml.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <set>

namespace pm::budget {

const std::vector<Entry> &Rates::section(const std::string &id) const {
  static const std::vector<Entry> none;
  auto it = entries.find(id);
  return it == entries.end() ? none : it->second;
}

bool is_rate_quantity(const std::string &name) {
  return name == "fixed" || name == "headcount" || staff::quantity_info(name) != nullptr;
}

namespace {

Position pos_of(const toml::node &n) {
  return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

enum class Range { money, ratio, below_one, positive };

class Reader {
public:
  Reader(const std::string &file, const catalog::Catalogue &roles, diag::Diagnostics &out)
      : m_file(file), m_roles(roles), m_out(out) {}

  void err(const toml::node &n, const std::string &code, const std::string &en, const std::string &zh) {
    m_out.push_back(data::at(n, m_file, code, en, zh));
  }

  void keys(const toml::table &t, const std::vector<std::string> &allowed) {
    data::check_keys(t, allowed, m_file, m_out);
  }

  // A number in the range the key needs: money (≥ 0), a ratio (0 to 1), a ratio below 1, or a
  // positive number. Ratios are fractions: 16 % is 0.16, and "16" is caught here.
  std::optional<double> num(const toml::table &t, const char *key, Range range, bool required = false) {
    auto n = t.get(key);
    if (!n) {
      if (required)
        err(t, "missing-key", std::string("missing key '") + key + "'", std::string("缺少键 '") + key + "'");
      return std::nullopt;
    }
    auto v = n->value<double>();
    bool ok = v && std::isfinite(*v) && *v <= 1e12;
    if (ok) switch (range) {
      case Range::money:
        ok = *v >= 0;
        break;
      case Range::ratio:
        ok = *v >= 0 && *v <= 1;
        break;
      case Range::below_one:
        ok = *v >= 0 && *v < 1;
        break;
      case Range::positive:
        ok = *v > 0;
        break;
      }
    if (ok) return v;
    std::string k = std::string("'") + key + "'";
    if (v && std::isfinite(*v) && *v > 1e12) {
      err(*n, "bad-value", k + " must be at most 1000000000000, not " + util::format_number(*v),
          k + " 不能大于 1000000000000，而不是 " + util::format_number(*v));
      return std::nullopt;
    }
    switch (range) {
    case Range::money:
      err(*n, "bad-value", k + " must be a number of 0 or more", k + " 必须是大于等于 0 的数值");
      break;
    case Range::ratio:
      err(*n, "bad-value", k + " must be a ratio from 0 to 1 (write 16 % as 0.16)",
          k + " 必须是 0 至 1 之间的比例（16% 写作 0.16）");
      break;
    case Range::below_one:
      err(*n, "bad-value", k + " must be a ratio from 0 to less than 1 (write 5.5 % as 0.055)",
          k + " 必须是大于等于 0 且小于 1 的比例（5.5% 写作 0.055）");
      break;
    case Range::positive:
      err(*n, "bad-value", k + " must be a positive number", k + " 必须是正数");
      break;
    }
    return std::nullopt;
  }

  std::string str(const toml::table &t, const char *key) {
    auto n = t.get(key);
    if (!n) return "";
    auto v = n->value<std::string>();
    if (!v || !n->is_string()) {
      err(*n, "bad-value", std::string("'") + key + "' must be a string", std::string("'") + key + "' 必须是字符串");
      return "";
    }
    return *v;
  }

  std::string source(const toml::table &t, const std::string &what_en, const std::string &what_zh) {
    std::string s = str(t, "source");
    if (s.empty())
      err(t, "missing-source",
          what_en + " needs a source: where its figures come from, or \"illustrative: ...\" for a figure to replace",
          what_zh + "需要 source：注明数据来源，或写 \"illustrative: ...\" 表示待替换的示意数字");
    return s;
  }

  const toml::table *table(const toml::table &parent, const char *key) {
    auto n = parent.get(key);
    if (!n) return nullptr;
    if (auto t = n->as_table()) return t;
    err(*n, "wrong-type", std::string("'") + key + "' must be a table ([" + key + "])",
        std::string("'") + key + "' 必须是表（[" + key + "]）");
    return nullptr;
  }

  // An id that names one of `known`; unknown ones get "did you mean".
  bool known(const toml::node &at, const std::string &what_en, const std::string &what_zh, const std::string &code,
             const std::string &id, const std::vector<std::string> &ids) {
    return known(at.source(), what_en, what_zh, code, id, ids);
  }
  bool known(const toml::source_region &at, const std::string &what_en, const std::string &what_zh,
             const std::string &code, const std::string &id, const std::vector<std::string> &ids) {
    for (const auto &k : ids)
      if (k == id) return true;
    std::string en = "unknown " + what_en + " '" + id + "'", zh = "未知的" + what_zh + " '" + id + "'";
    if (auto best = util::did_you_mean(id, ids)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    }
    m_out.push_back(data::at(at, m_file, code, en, zh));
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
      if (!known(k.source(), roles ? "role" : "department", roles ? "岗位" : "部门",
                 roles ? "unknown-role" : "unknown-department", id, ids))
        continue;
      if (auto x = num(t, id.c_str(), Range::money)) out[id] = *x;
    }
    return out;
  }

  std::string quantity(const toml::table &t) {
    auto n = t.get("quantity");
    if (!n) return "fixed";
    std::string q = str(t, "quantity");
    if (q.empty() || is_rate_quantity(q)) return q.empty() ? "fixed" : q;
    std::vector<std::string> names = {"fixed", "headcount"};
    for (const auto &i : staff::quantities()) names.push_back(i.name);
    known(*n, "quantity", "数量", "unknown-quantity", q, names);
    return "fixed";
  }

  std::string department(const toml::table &t) {
    std::string d = str(t, "department");
    if (!d.empty() && !known(*t.get("department"), "department", "部门", "unknown-department", d, department_ids()))
      return "";
    return d;
  }

  std::string outsourced(const toml::table &t) {
    std::string s = str(t, "unless_outsourced");
    if (s.empty()) return s;
    std::vector<std::string> services;
    for (const auto &q : staff::quantities())
      if (util::starts_with(q.name, "outsourced.")) services.push_back(q.name.substr(11));
    if (!known(*t.get("unless_outsourced"), "outsourced service", "外包服务", "unknown-service", s, services))
      return "";
    return s;
  }

  void name_and_id(const toml::table &t, std::string &id, catalog::Text &name, std::set<std::string> &seen) {
    id = str(t, "id");
    if (id.empty())
      err(t, "missing-key", "missing key 'id'", "缺少键 'id'");
    else if (id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
      err(*t.get("id"), "bad-value", "an id is lowercase letters, digits, '_' and '-': not '" + id + "'",
          "id 只能由小写字母、数字、'_' 和 '-' 组成，而不是 '" + id + "'");
    else if (!seen.insert(id).second)
      err(*t.get("id"), "duplicate-id", "the id '" + id + "' is used twice in this section",
          "id '" + id + "' 在本节中重复");
    name = {str(t, "zh"), str(t, "en")};
    if (name.zh.empty() && name.en.empty()) {
      err(t, "missing-key", "an entry needs a name: zh = \"...\" and en = \"...\"",
          "条目需要名称：zh = \"...\" 和 en = \"...\"");
      name = {id, id};
    }
  }

  Entry entry(const toml::table &t, const std::string &section, std::set<std::string> &seen) {
    keys(t, {"id", "zh", "en", "quantity", "rate", "rate_month", "kwh", "price", "department", "unless_outsourced",
             "source"});
    Entry e;
    e.pos = pos_of(t);
    name_and_id(t, e.id, e.name, seen);
    e.quantity = quantity(t);
    int given = 0;
    if (auto v = num(t, "rate", Range::money)) e.kind = RateKind::per_year, e.rate = *v;
    if (auto v = num(t, "rate_month", Range::money)) e.kind = RateKind::per_month, e.rate = *v;
    if (auto v = num(t, "kwh", Range::money)) e.kind = RateKind::kwh, e.rate = *v;
    for (const char *k : {"rate", "rate_month", "kwh"}) given += t.get(k) ? 1 : 0;
    if (given != 1)
      err(t, given ? "contradiction" : "missing-key",
          "give exactly one of rate (元 per unit a year), rate_month (元 per unit a month) or kwh (per unit a year)",
          "rate（每单位每年元）、rate_month（每单位每月元）、kwh（每单位每年千瓦时）三者必须且只能给出一个");
    if (auto v = num(t, "price", Range::money)) {
      if (e.kind != RateKind::kwh)
        err(*t.get("price"), "not-allowed", "price (元 per kWh) goes with kwh only",
            "price（元/千瓦时）只能与 kwh 一起使用");
      e.price = *v;
    } else if (e.kind == RateKind::kwh) {
      if (!m_electricity_price)
        err(t, "missing-key", "an entry in kWh needs price = 元 per kWh, or an [electricity] price",
            "以千瓦时计的条目需要 price（元/千瓦时），或在 [electricity] 中给出 price");
      else
        e.price = *m_electricity_price;
    }
    e.department = department(t);
    e.unless_outsourced = outsourced(t);
    e.source = source(t, "[[" + section + "]] '" + e.id + "'", "[[" + section + "]] '" + e.id + "' ");
    return e;
  }

  Asset asset(const toml::table &t, double default_salvage, std::set<std::string> &seen) {
    keys(t, {"id", "zh", "en", "cost", "unit_cost", "quantity", "life_years", "salvage_rate", "department", "source"});
    Asset a;
    a.pos = pos_of(t);
    name_and_id(t, a.id, a.name, seen);
    bool has_cost = t.get("cost"), has_unit = t.get("unit_cost");
    if (has_cost == has_unit)
      err(t, has_cost ? "contradiction" : "missing-key",
          "give either cost (the original value) or unit_cost with quantity",
          "cost（原值）与 unit_cost（单价，配合 quantity）必须且只能给出一个");
    if (auto v = num(t, has_cost ? "cost" : "unit_cost", Range::money)) a.cost = *v;
    if (t.get("quantity") && !has_unit)
      err(*t.get("quantity"), "not-allowed", "quantity goes with unit_cost", "quantity 只能与 unit_cost 一起使用");
    a.quantity = quantity(t);
    if (auto v = num(t, "life_years", Range::positive, true)) a.life_years = *v;
    a.salvage_rate = num(t, "salvage_rate", Range::below_one).value_or(default_salvage);
    a.department = department(t);
    a.source = source(t, "asset '" + a.id + "'", "资产 '" + a.id + "' ");
    return a;
  }

  void contribution_bases(const toml::table &t, Contributions &c) {
    c.base_min = num(t, "base_min", Range::money);
    c.base_max = num(t, "base_max", Range::money);
    if (c.base_min && c.base_max && *c.base_min > *c.base_max)
      err(*t.get("base_min"), "bad-value", "base_min is larger than base_max", "base_min 大于 base_max");
  }

  std::optional<double> m_electricity_price;

private:
  std::string m_file;
  const catalog::Catalogue &m_roles;
  diag::Diagnostics &m_out;
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
    std::vector<std::string> top = {"meta",     "wages",       "social_insurance", "housing_fund", "levies",
                                    "uniforms", "electricity", "depreciation",     "overhead",     "fee"};
    for (const char *s : entry_sections) top.push_back(s);
    rd.keys(*tbl, top);

    if (auto m = rd.table(*tbl, "meta")) {
      rd.keys(*m, {"name", "title_zh", "title_en", "illustrative", "source"});
      r.title = {rd.str(*m, "title_zh"), rd.str(*m, "title_en")};
      r.source = rd.str(*m, "source");
      if (auto n = m->get("illustrative")) {
        if (auto b = n->value<bool>(); b && n->is_boolean())
          r.illustrative = *b;
        else
          rd.err(*n, "bad-value", "'illustrative' must be true or false", "'illustrative' 必须是 true 或 false");
      }
    } else if (!tbl->get("meta")) {
      local.push_back(data::at(*tbl, file, "missing-key", "a rates file needs a [meta] table (title, illustrative)",
                               "费率文件需要 [meta] 表（标题、是否示意）"));
    }

    if (auto w = rd.table(*tbl, "wages")) {
      rd.keys(*w, {"months", "role", "department", "default", "source"});
      r.wages.present = true;
      r.wages.pos = pos_of(*w);
      if (auto v = rd.num(*w, "months", Range::positive)) r.wages.months = *v;
      if (auto v = rd.num(*w, "default", Range::positive)) r.wages.default_wage = *v;
      if (auto t = rd.table(*w, "role")) r.wages.by_role = rd.money_map(*t, true);
      if (auto t = rd.table(*w, "department")) r.wages.by_department = rd.money_map(*t, false);
      r.wages.source = rd.source(*w, "[wages]", "[wages] ");
    }
    if (auto s = rd.table(*tbl, "social_insurance")) {
      rd.keys(*s, {"pension", "medical", "unemployment", "maternity", "work_injury", "base_min", "base_max", "source"});
      auto &c = r.social_insurance;
      c.present = true;
      c.pos = pos_of(*s);
      c.pension = rd.num(*s, "pension", Range::ratio, true).value_or(0);
      c.medical = rd.num(*s, "medical", Range::ratio, true).value_or(0);
      c.unemployment = rd.num(*s, "unemployment", Range::ratio, true).value_or(0);
      c.maternity = rd.num(*s, "maternity", Range::ratio, true).value_or(0);
      c.work_injury = rd.num(*s, "work_injury", Range::ratio, true).value_or(0);
      rd.contribution_bases(*s, c);
      c.source = rd.source(*s, "[social_insurance]", "[social_insurance] ");
    }
    if (auto s = rd.table(*tbl, "housing_fund")) {
      rd.keys(*s, {"rate", "base_min", "base_max", "source"});
      auto &c = r.housing_fund;
      c.present = true;
      c.pos = pos_of(*s);
      c.rate = rd.num(*s, "rate", Range::ratio, true).value_or(0);
      rd.contribution_bases(*s, c);
      c.source = rd.source(*s, "[housing_fund]", "[housing_fund] ");
    }
    if (auto s = rd.table(*tbl, "levies")) {
      rd.keys(*s, {"welfare", "union", "training", "source"});
      r.levies.present = true;
      r.levies.pos = pos_of(*s);
      r.levies.welfare = rd.num(*s, "welfare", Range::ratio, true).value_or(0);
      r.levies.union_dues = rd.num(*s, "union", Range::ratio, true).value_or(0);
      r.levies.training = rd.num(*s, "training", Range::ratio, true).value_or(0);
      r.levies.source = rd.source(*s, "[levies]", "[levies] ");
    }
    if (auto s = rd.table(*tbl, "uniforms")) {
      rd.keys(*s, {"per_head_year", "department", "source"});
      r.uniforms.present = true;
      r.uniforms.pos = pos_of(*s);
      r.uniforms.per_head_year = rd.num(*s, "per_head_year", Range::money, true).value_or(0);
      if (auto t = rd.table(*s, "department")) r.uniforms.by_department = rd.money_map(*t, false);
      r.uniforms.source = rd.source(*s, "[uniforms]", "[uniforms] ");
    }
    if (auto s = rd.table(*tbl, "electricity")) {
      rd.keys(*s, {"price", "source"});
      r.electricity_price = rd.num(*s, "price", Range::money, true);
      rd.m_electricity_price = r.electricity_price;
      r.electricity_source = rd.source(*s, "[electricity]", "[electricity] ");
    }
    for (const char *sec : entry_sections) {
      auto n = tbl->get(sec);
      if (!n) continue;
      auto arr = n->as_array();
      if (!arr || !arr->is_array_of_tables()) {
        rd.err(*n, "wrong-type", std::string("'") + sec + "' must be a list of entries ([[" + sec + "]])",
               std::string("'") + sec + "' 必须是条目列表（[[" + sec + "]]）");
        continue;
      }
      std::set<std::string> seen;
      auto &list = r.entries[sec];
      for (auto &e : *arr) list.push_back(rd.entry(*e.as_table(), sec, seen));
    }
    if (auto s = rd.table(*tbl, "depreciation")) {
      rd.keys(*s, {"salvage_rate", "asset", "source"});
      if (auto v = rd.num(*s, "salvage_rate", Range::below_one)) r.salvage_rate = *v;
      r.depreciation_source = rd.source(*s, "[depreciation]", "[depreciation] ");
      if (auto n = s->get("asset")) {
        auto arr = n->as_array();
        if (!arr || !arr->is_array_of_tables()) {
          rd.err(*n, "wrong-type", "'asset' must be a list of entries ([[depreciation.asset]])",
                 "'asset' 必须是条目列表（[[depreciation.asset]]）");
        } else {
          std::set<std::string> seen;
          for (auto &a : *arr) r.assets.push_back(rd.asset(*a.as_table(), r.salvage_rate, seen));
        }
      }
    }
    if (auto s = rd.table(*tbl, "overhead")) {
      rd.keys(*s, {"rate", "source"});
      r.overhead_present = true;
      r.overhead_rate = rd.num(*s, "rate", Range::ratio, true).value_or(0);
      r.overhead_source = rd.source(*s, "[overhead]", "[overhead] ");
    }
    if (auto s = rd.table(*tbl, "fee")) {
      rd.keys(*s, {"profit_rate", "tax_rate", "vat_rate", "remuneration_rate", "source"});
      r.fee.profit_rate = rd.num(*s, "profit_rate", Range::ratio, true).value_or(0);
      r.fee.tax_rate = rd.num(*s, "tax_rate", Range::below_one, true).value_or(0);
      r.fee.vat_rate = rd.num(*s, "vat_rate", Range::ratio, true).value_or(0);
      r.fee.remuneration_rate = rd.num(*s, "remuneration_rate", Range::ratio, true).value_or(0);
      r.fee.source = rd.source(*s, "[fee]", "[fee] ");
    } else if (!tbl->get("fee")) {
      local.push_back(data::at(*tbl, file, "missing-key",
                               "a rates file needs a [fee] table (profit_rate, tax_rate, vat_rate, remuneration_rate)",
                               "费率文件需要 [fee] 表（profit_rate、tax_rate、vat_rate、remuneration_rate）"));
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
