#include <pm/data/toml.hpp>
#include <pm/staff/norms.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <cstdio>

namespace pm::staff {

const char* to_string(RuleKind k) {
  switch (k) {
  case RuleKind::fixed: return "fixed";
  case RuleKind::ratio: return "ratio";
  case RuleKind::cover: return "cover";
  case RuleKind::duty: return "duty";
  }
  return "fixed";
}

const char* to_string(Rounding r) {
  switch (r) {
  case Rounding::ceil: return "ceil";
  case Rounding::floor: return "floor";
  case Rounding::round: return "round";
  }
  return "ceil";
}

std::string format_hhmm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 25, minutes % 60);
  return buf;
}

namespace {
std::optional<int> parse_hhmm(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return std::nullopt;
  int h = std::stoi(s.substr(0, 2)), m = std::stoi(s.substr(3, 2));
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}
} // namespace

std::optional<std::vector<Shift>> shifts_for(const std::string& hours, double shift_hours) {
  if (shift_hours <= 0 || shift_hours > 24) return std::nullopt;
  int len = static_cast<int>(std::lround(shift_hours * 60));
  std::vector<Shift> out;
  if (hours == "24h") {
    if (1440 % len != 0) return std::nullopt;
    // Shifts start at 08:00 so the night shift is 00:00-08:00 (DOMAIN.md §4).
    for (int start = 480; start < 480 + 1440; start += len) out.push_back({start % 1440, (start + len) % 1440});
    return out;
  }
  auto dash = hours.find('-');
  if (dash == std::string::npos) return std::nullopt;
  auto a = parse_hhmm(hours.substr(0, dash));
  auto b = parse_hhmm(hours.substr(dash + 1));
  if (!a || !b) return std::nullopt;
  int total = *b > *a ? *b - *a : *b + 1440 - *a;
  int n = (total + len - 1) / len;
  for (int i = 0; i < n; ++i) {
    int s = *a + total * i / n;
    int e = *a + total * (i + 1) / n;
    out.push_back({s % 1440, e % 1440});
  }
  return out;
}

namespace {

class Reader {
public:
  Reader(const std::string& file, const catalog::Catalogue& roles, diag::Diagnostics& out)
      : m_file(file), m_roles(roles), m_out(out) {}

  void err(const toml::node& n, const std::string& code, const std::string& en, const std::string& zh) {
    m_out.push_back(data::at(n, m_file, code, en, zh));
  }

  std::optional<double> num(const toml::table& t, const char* key, double min = 0, bool positive = false) {
    auto n = t.get(key);
    if (!n) return std::nullopt;
    auto v = n->value<double>();
    if (!v || !std::isfinite(*v) || *v < min || (positive && *v <= 0) || *v > 1e9) {
      err(*n, "bad-value",
          std::string("'") + key + "' must be a " + (positive ? "positive number" : "number of 0 or more"),
          std::string("'") + key + "' 必须是" + (positive ? "正数" : "大于等于 0 的数值"));
      return std::nullopt;
    }
    return v;
  }

  std::string str(const toml::table& t, const char* key) {
    auto n = t.get(key);
    if (!n) return "";
    auto v = n->value<std::string>();
    if (!v) {
      err(*n, "bad-value", std::string("'") + key + "' must be a string", std::string("'") + key + "' 必须是字符串");
      return "";
    }
    return *v;
  }

  bool quantity_name(const toml::table& t, const char* key, std::string& target) {
    target = str(t, key);
    if (target.empty()) return false;
    if (quantity_info(target)) return true;
    std::vector<std::string> names;
    for (const auto& q : quantities()) names.push_back(q.name);
    std::string en = "unknown quantity '" + target + "'", zh = "未知的数量 '" + target + "'";
    if (auto best = util::did_you_mean(target, names)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    }
    err(*t.get(key), "unknown-quantity", en, zh);
    return false;
  }

  std::optional<Rule> rule(const toml::table& t) {
    std::size_t before = m_out.size();
    data::check_keys(t,
                     {"role", "kind", "post", "count", "quantity", "per", "per_quantity", "base", "above", "rounding",
                      "seats", "seats_quantity", "seats_per", "hours", "shift_hours", "shifts", "days", "method",
                      "per_entrance", "licence", "roles", "min", "max", "when", "grades", "source", "note_zh",
                      "note_en"},
                     m_file, m_out);
    Rule r;
    r.line = static_cast<int>(t.source().begin.line);
    r.column = static_cast<int>(t.source().begin.column);
    std::string kind = str(t, "kind");
    if (kind == "fixed") r.kind = RuleKind::fixed;
    else if (kind == "ratio") r.kind = RuleKind::ratio;
    else if (kind == "cover") r.kind = RuleKind::cover;
    else if (kind == "duty") r.kind = RuleKind::duty;
    else if (t.get("kind"))
      err(*t.get("kind"), "bad-value", "kind must be fixed, ratio, cover or duty; not '" + kind + "'",
          "kind 必须是 fixed、ratio、cover 或 duty，而不是 '" + kind + "'");
    else err(t, "missing-key", "a rule needs a kind (fixed, ratio, cover or duty)", "规则缺少 kind（fixed、ratio、cover 或 duty）");

    r.role = str(t, "role");
    if (r.kind != RuleKind::duty) {
      if (r.role.empty()) err(t, "missing-key", "a rule needs a role", "规则缺少 role");
      else if (!m_roles.role(r.role)) {
        std::string en = "unknown role '" + r.role + "'", zh = "未知的岗位 '" + r.role + "'";
        if (auto best = util::did_you_mean(r.role, m_roles.role_ids())) {
          en += "; did you mean '" + *best + "'?";
          zh += "；您是否想写 '" + *best + "'？";
        }
        err(*t.get("role"), "unknown-role", en, zh);
      }
    }
    r.source = str(t, "source");
    if (r.source.empty())
      err(t, "missing-source", "every rule needs a source: where its figure comes from", "每条规则都需要 source：注明数据来源");
    r.note = {str(t, "note_zh"), str(t, "note_en")};
    r.post = str(t, "post");
    r.licence = str(t, "licence");
    if (auto v = num(t, "min")) r.min = *v;
    if (auto v = num(t, "max")) r.max = *v;
    if (r.min && r.max && *r.min > *r.max) err(t, "bad-value", "min is larger than max", "min 大于 max");

    if (auto w = t.get("when")) {
      auto add = [&](const toml::node& n) {
        auto s = n.value<std::string>();
        if (!s) return err(n, "bad-value", "a condition must be a string", "条件必须是字符串");
        std::string en, zh;
        if (auto c = parse_condition(*s, en, zh)) r.when.push_back(*c);
        else err(n, "bad-condition", en, zh);
      };
      if (auto arr = w->as_array()) for (auto& n : *arr) add(n);
      else add(*w);
    }
    if (auto g = t.get("grades")) {
      if (auto arr = g->as_array()) {
        for (auto& n : *arr) {
          auto v = n.value<int64_t>();
          if (!v || *v < 1 || *v > 4) err(n, "bad-value", "grades are 1 to 4", "服务等级为 1 至 4");
          else r.grades.push_back(static_cast<int>(*v));
        }
      } else err(*g, "bad-value", "grades must be a list such as [1, 2]", "grades 必须是列表，如 [1, 2]");
    }

    switch (r.kind) {
    case RuleKind::fixed:
      if (auto v = num(t, "count")) r.count = *v;
      else if (!t.get("count")) err(t, "missing-key", "a fixed rule needs a count", "fixed 规则缺少 count");
      break;
    case RuleKind::ratio: {
      bool has_q = quantity_name(t, "quantity", r.quantity);
      if (!t.get("quantity")) err(t, "missing-key", "a ratio rule needs a quantity", "ratio 规则缺少 quantity");
      (void)has_q;
      if (auto v = num(t, "per", 0, true)) r.per = *v;
      if (t.get("per_quantity")) quantity_name(t, "per_quantity", r.per_quantity);
      if (!t.get("per") && !t.get("per_quantity"))
        err(t, "missing-key", "a ratio rule needs per (capacity per person) or per_quantity",
            "ratio 规则缺少 per（每人负责量）或 per_quantity");
      if (auto v = num(t, "base")) r.base = *v;
      if (auto v = num(t, "above")) r.above = *v;
      rounding(t, r);
      break;
    }
    case RuleKind::cover:
    case RuleKind::duty: {
      if (r.post.empty()) err(t, "missing-key", "a cover or duty rule needs a post id", "cover 或 duty 规则缺少 post");
      if (auto v = num(t, "seats", 0, true)) r.seats = *v;
      if (t.get("seats_quantity")) quantity_name(t, "seats_quantity", r.seats_quantity);
      if (auto v = num(t, "seats_per", 0, true)) r.seats_per = *v;
      r.per_entrance = t["per_entrance"].value_or(false);
      if (!t.get("seats") && !t.get("seats_quantity") && !r.per_entrance) r.seats = 1;
      if (auto v = num(t, "shift_hours", 1, true)) r.shift_hours = *v;
      if (t.get("hours")) r.hours = str(t, "hours");
      if (auto sh = t.get("shifts")) {
        auto arr = sh->as_array();
        if (!arr) err(*sh, "bad-value", "shifts must be a list such as [\"08:00-16:00\"]", "shifts 必须是列表");
        else
          for (auto& n : *arr) {
            auto s = n.value<std::string>();
            auto one = s ? shifts_for(*s, 24) : std::nullopt;
            if (!one || one->size() != 1) err(n, "bad-value", "a shift is written HH:MM-HH:MM", "班次应写作 HH:MM-HH:MM");
            else r.shifts.push_back(one->front());
          }
      } else if (!r.per_entrance) {
        auto s = shifts_for(r.hours, r.shift_hours);
        if (!s) {
          const toml::node& at_node = t.get("hours") ? *t.get("hours") : static_cast<const toml::node&>(t);
          err(at_node, "bad-value", "hours must be \"24h\" or \"HH:MM-HH:MM\", with shift_hours dividing 24",
              "hours 必须是 \"24h\" 或 \"HH:MM-HH:MM\"，且 shift_hours 能整除 24");
        } else r.shifts = *s;
      }
      if (auto d = t.get("days")) {
        if (auto arr = d->as_array())
          for (auto& n : *arr) {
            auto v = n.value<int64_t>();
            if (!v || *v < 1 || *v > 7) err(n, "bad-value", "days are ISO weekdays 1 (Monday) to 7", "days 为 ISO 星期 1（周一）至 7");
            else r.days.push_back(static_cast<int>(*v));
          }
      }
      std::string m = str(t, "method");
      if (m == "per_shift") r.method = CoverMethod::per_shift;
      else if (m == "labour") r.method = CoverMethod::labour;
      else if (!m.empty())
        err(*t.get("method"), "bad-value", "method must be per_shift or labour", "method 必须是 per_shift 或 labour");
      if (r.kind == RuleKind::duty) {
        if (auto rl = t["roles"].as_array())
          for (auto& n : *rl) {
            std::string id = n.value_or(std::string());
            if (!m_roles.role(id)) err(n, "unknown-role", "unknown role '" + id + "'", "未知的岗位 '" + id + "'");
            else r.duty_roles.push_back(id);
          }
        if (r.duty_roles.empty()) err(t, "missing-key", "a duty rule needs roles = [...]", "duty 规则缺少 roles = [...]");
      }
      break;
    }
    }
    if (m_out.size() > before && diag::has_errors(diag::Diagnostics(m_out.begin() + static_cast<long>(before), m_out.end())))
      return std::nullopt;
    return r;
  }

  void rounding(const toml::table& t, Rule& r) {
    std::string s = str(t, "rounding");
    if (s.empty() || s == "ceil") r.rounding = Rounding::ceil;
    else if (s == "floor") r.rounding = Rounding::floor;
    else if (s == "round") r.rounding = Rounding::round;
    else err(*t.get("rounding"), "bad-value", "rounding must be ceil, floor or round", "rounding 必须是 ceil、floor 或 round");
  }

private:
  const std::string& m_file;
  const catalog::Catalogue& m_roles;
  diag::Diagnostics& m_out;
};

} // namespace

std::optional<NormSet> load_norms(const std::string& name_or_path, const catalog::Catalogue& roles,
                                  diag::Diagnostics& out) {
  auto src = data::load_source("norms", name_or_path, out);
  if (!src) return std::nullopt;
  diag::Diagnostics local;
  auto tbl = data::parse_toml(src->text, src->file, local);
  NormSet ns;
  ns.name = src->name;
  ns.file = src->file;
  if (tbl) {
    Reader rd(src->file, roles, local);
    data::check_keys(*tbl, {"meta", "rule", "band"}, src->file, local);
    if (auto m = (*tbl)["meta"].as_table()) {
      data::check_keys(*m,
                       {"name", "title_zh", "title_en", "description_zh", "description_en", "source", "labor",
                        "cover_method"},
                       src->file, local);
      ns.title = {rd.str(*m, "title_zh"), rd.str(*m, "title_en")};
      ns.description = {rd.str(*m, "description_zh"), rd.str(*m, "description_en")};
      ns.source = rd.str(*m, "source");
      if (m->get("labor")) ns.labor = rd.str(*m, "labor");
      std::string cm = rd.str(*m, "cover_method");
      if (cm == "per_shift") ns.cover_method = CoverMethod::per_shift;
      else if (cm == "labour" || cm.empty()) ns.cover_method = CoverMethod::labour;
      else rd.err(*m->get("cover_method"), "bad-value", "cover_method must be per_shift or labour",
                  "cover_method 必须是 per_shift 或 labour");
    } else {
      local.push_back(data::at(*tbl, src->file, "missing-key", "a norm set needs a [meta] table with its source",
                               "规范集需要 [meta] 表并注明来源"));
    }
    if (auto rules = (*tbl)["rule"].as_array()) {
      for (auto& n : *rules)
        if (auto t = n.as_table())
          if (auto r = rd.rule(*t)) ns.rules.push_back(std::move(*r));
    } else if (!(*tbl)["rule"]) {
      local.push_back(data::at(*tbl, src->file, "missing-key", "a norm set needs [[rule]] entries",
                               "规范集需要 [[rule]] 条目"));
    }
    if (auto bands = (*tbl)["band"].as_array())
      for (auto& n : *bands)
        if (auto t = n.as_table()) {
          data::check_keys(*t, {"building_type", "min_m2_per_person", "max_m2_per_person", "source"}, src->file, local);
          Band b;
          b.building_type = rd.str(*t, "building_type");
          b.min_m2_per_person = rd.num(*t, "min_m2_per_person").value_or(0);
          b.max_m2_per_person = rd.num(*t, "max_m2_per_person").value_or(0);
          b.source = rd.str(*t, "source");
          if (b.source.empty())
            local.push_back(data::at(*t, src->file, "missing-source", "every band needs a source", "每个区间都需要 source"));
          ns.bands.push_back(b);
        }
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return ns;
}

} // namespace pm::staff
