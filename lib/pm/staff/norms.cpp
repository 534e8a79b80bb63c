#include <pm/data/toml.hpp>
#include <pm/staff/norms.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pm::staff {

const char *to_string(RuleKind k) {
  switch (k) {
  case RuleKind::fixed:
    return "fixed";
  case RuleKind::ratio:
    return "ratio";
  case RuleKind::cover:
    return "cover";
  case RuleKind::duty:
    return "duty";
  }
  return "fixed";
}

const char *to_string(Rounding r) {
  switch (r) {
  case Rounding::ceil:
    return "ceil";
  case Rounding::floor:
    return "floor";
  case Rounding::round:
    return "round";
  }
  return "ceil";
}

std::string format_hhmm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 25, minutes % 60);
  return buf;
}

namespace {
std::optional<int> parse_hhmm(const std::string &s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return std::nullopt;
  int h = std::stoi(s.substr(0, 2)), m = std::stoi(s.substr(3, 2));
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}
} // namespace

std::optional<std::vector<Shift>> shifts_for(const std::string &hours, double shift_hours) {
  if (shift_hours <= 0 || shift_hours > 24) return std::nullopt;
  int len = static_cast<int>(std::lround(shift_hours * 60));
  std::vector<Shift> out;
  if (hours == "24h") {
    if (1440 % len != 0) return std::nullopt;
    // Shifts start at 08:00 so the night shift is 00:00-08:00.
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

// Every key a [[rule]] may have; which ones a kind uses is in Reader::not_for_kind.
const std::vector<std::string> rule_keys = {
    "role",        "kind",   "post",     "count",  "quantity",       "per",       "per_quantity",
    "base",        "above",  "rounding", "seats",  "seats_quantity", "seats_per", "hours",
    "shift_hours", "shifts", "days",     "method", "per_entrance",   "licence",   "roles",
    "min",         "max",    "when",     "grades", "source",         "note_zh",   "note_en"};

class Reader {
public:
  Reader(const std::string &file, const catalog::Catalogue &roles, diag::Diagnostics &out)
      : m_file(file), m_roles(roles), m_out(out) {}

  void err(const toml::node &n, const std::string &code, const std::string &en, const std::string &zh) {
    m_out.push_back(data::at(n, m_file, code, en, zh));
  }

  std::optional<double> num(const toml::table &t, const char *key, double min = 0, bool positive = false,
                            bool whole = false) {
    auto n = t.get(key);
    if (!n) return std::nullopt;
    auto v = n->value<double>();
    bool ok =
        v && std::isfinite(*v) && *v >= min && !(positive && *v <= 0) && *v <= 1e9 && !(whole && *v != std::floor(*v));
    if (!ok) {
      // Say exactly what is allowed: "a whole number of at least 1", "a positive number"...
      std::string what_en = whole ? "a whole number" : "a number";
      std::string what_zh = whole ? "整数" : "数值";
      std::string en, zh;
      if (v && std::isfinite(*v) && *v > 1e9) {
        en = what_en + " of at most 1000000000";
        zh = "不大于 1000000000 的" + what_zh;
      } else if (min > 0) {
        en = what_en + " of at least " + util::format_number(min);
        zh = "不小于 " + util::format_number(min) + " 的" + what_zh;
      } else if (positive) {
        en = whole ? "a whole number of at least 1" : "a positive number";
        zh = whole ? "不小于 1 的整数" : "正数";
      } else {
        en = what_en + " of 0 or more";
        zh = "大于等于 0 的" + what_zh;
      }
      err(*n, "bad-value", std::string("'") + key + "' must be " + en + got(*n),
          std::string("'") + key + "' 必须是" + zh + got_zh(*n));
      return std::nullopt;
    }
    return v;
  }

  // ", not X" for a bad value, so the message says what was found.
  static std::string got(const toml::node &n) {
    if (auto s = n.value<std::string>()) return ", not \"" + util::abbreviate(*s) + "\"";
    if (n.is_number()) return ", not " + util::format_number(*n.value<double>(), 6);
    if (n.is_boolean()) return std::string(", not ") + (*n.value<bool>() ? "true" : "false");
    return "";
  }
  static std::string got_zh(const toml::node &n) {
    std::string g = got(n);
    return g.empty() ? "" : "，而不是 " + g.substr(6);
  }

  std::string str(const toml::table &t, const char *key) {
    auto n = t.get(key);
    if (!n) return "";
    auto v = n->value<std::string>();
    if (!v) {
      err(*n, "bad-value", std::string("'") + key + "' must be a string in quotes" + got(*n),
          std::string("'") + key + "' 必须是带引号的字符串" + got_zh(*n));
      return "";
    }
    return *v;
  }

  bool quantity_name(const toml::table &t, const char *key, std::string &target) {
    target = str(t, key);
    if (target.empty()) return false;
    if (quantity_info(target)) return true;
    std::vector<std::string> names;
    for (const auto &q : quantities()) names.push_back(q.name);
    std::string en = "unknown quantity '" + target + "'", zh = "未知的数量 '" + target + "'";
    if (auto best = util::did_you_mean(target, names)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    } else {
      en += "; pm-norms(5) lists the quantities";
      zh += "；可用的数量见 pm-norms(5)";
    }
    err(*t.get(key), "unknown-quantity", en, zh);
    target.clear();
    return false;
  }

  bool known_role(const toml::node &n, const std::string &id) {
    if (m_roles.role(id)) return true;
    std::string en = "unknown role '" + id + "'", zh = "未知的岗位 '" + id + "'";
    if (auto best = util::did_you_mean(id, m_roles.role_ids())) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    }
    err(n, "unknown-role", en, zh);
    return false;
  }

  // Two keys that say the same thing in different ways.
  void exclusive(const toml::table &t, const char *a, const char *b) {
    if (!t.get(a) || !t.get(b)) return;
    err(*t.get(b), "conflicting-keys", std::string("give '") + a + "' or '" + b + "', not both",
        std::string("'") + a + "' 与 '" + b + "' 只能给出一个");
  }

  std::optional<Rule> rule(const toml::table &t) {
    std::size_t before = m_out.size();
    data::check_keys(t, rule_keys, m_file, m_out);
    Rule r;
    r.line = static_cast<int>(t.source().begin.line);
    r.column = static_cast<int>(t.source().begin.column);
    std::string kind = str(t, "kind");
    bool kind_ok = true;
    if (kind == "fixed")
      r.kind = RuleKind::fixed;
    else if (kind == "ratio")
      r.kind = RuleKind::ratio;
    else if (kind == "cover")
      r.kind = RuleKind::cover;
    else if (kind == "duty")
      r.kind = RuleKind::duty;
    else {
      kind_ok = false;
      if (t.get("kind")) {
        std::string en = "kind must be fixed, ratio, cover or duty, not '" + kind + "'";
        std::string zh = "kind 必须是 fixed、ratio、cover 或 duty，而不是 '" + kind + "'";
        if (auto best = util::did_you_mean(kind, {"fixed", "ratio", "cover", "duty"})) {
          en += "; did you mean '" + *best + "'?";
          zh += "；您是否想写 '" + *best + "'？";
        }
        if (t.get("kind")->is_string()) err(*t.get("kind"), "bad-value", en, zh);
      } else {
        err(t, "missing-key", "a rule needs a kind (fixed, ratio, cover or duty)",
            "规则缺少 kind（fixed、ratio、cover 或 duty）");
      }
    }
    if (kind_ok) not_for_kind(t, r.kind, kind);

    r.role = str(t, "role");
    if (r.kind != RuleKind::duty || !kind_ok) {
      if (!t.get("role"))
        err(t, "missing-key", "a rule needs a role", "规则缺少 role");
      else if (!r.role.empty())
        known_role(*t.get("role"), r.role);
    }
    r.source = str(t, "source");
    if (!t.get("source"))
      err(t, "missing-source", "every rule needs a source: where its figure comes from",
          "每条规则都需要 source：注明数据来源");
    else if (r.source.empty() && t.get("source")->is_string())
      err(*t.get("source"), "missing-source", "the source is empty: say where the figure comes from",
          "source 为空：请注明数据来源");
    r.note = {str(t, "note_zh"), str(t, "note_en")};
    r.post = str(t, "post");
    r.licence = str(t, "licence");
    // Limits are whole people: a fractional minimum would be silently rounded down.
    if (auto v = num(t, "min", 0, false, true)) r.min = *v;
    if (auto v = num(t, "max", 0, false, true)) r.max = *v;
    if (r.min && r.max && *r.min > *r.max)
      err(*t.get("max"), "bad-value",
          "max (" + util::format_number(*r.max) + ") is less than min (" + util::format_number(*r.min) + ")",
          "max（" + util::format_number(*r.max) + "）小于 min（" + util::format_number(*r.min) + "）");

    if (auto w = t.get("when")) {
      auto add = [&](const toml::node &n) {
        auto s = n.value<std::string>();
        if (!s)
          return err(n, "bad-condition", "a condition must be a string such as \"lifts > 0\"",
                     "条件必须是字符串，如 \"lifts > 0\"");
        std::string en, zh;
        if (auto c = parse_condition(*s, en, zh))
          r.when.push_back(*c);
        else
          err(n, "bad-condition", en, zh);
      };
      if (auto arr = w->as_array())
        for (auto &n : *arr) add(n);
      else
        add(*w);
    }
    if (auto g = t.get("grades")) {
      if (auto arr = g->as_array()) {
        for (auto &n : *arr) {
          auto v = n.value<int64_t>();
          if (!v || !n.is_integer() || *v < 1 || *v > 4)
            err(n, "bad-value", "grades are 1 to 4", "服务等级为 1 至 4");
          else
            r.grades.push_back(static_cast<int>(*v));
        }
      } else
        err(*g, "bad-value", "grades must be a list such as [1, 2]", "grades 必须是列表，如 [1, 2]");
    }
    if (!kind_ok) return std::nullopt;

    switch (r.kind) {
    case RuleKind::fixed:
      if (auto v = num(t, "count"))
        r.count = *v;
      else if (!t.get("count"))
        err(t, "missing-key", "a fixed rule needs a count", "fixed 规则缺少 count");
      break;
    case RuleKind::ratio: {
      quantity_name(t, "quantity", r.quantity);
      if (!t.get("quantity")) err(t, "missing-key", "a ratio rule needs a quantity", "ratio 规则缺少 quantity");
      exclusive(t, "per", "per_quantity");
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
      if (r.post.empty())
        err(t.get("post") ? *t.get("post") : static_cast<const toml::node &>(t), "missing-key",
            "a " + kind + " rule needs a post id, e.g. post = \"gate\"", kind + " 规则缺少 post，如 post = \"gate\"");
      exclusive(t, "seats", "seats_quantity");
      exclusive(t, "per_entrance", "seats_quantity");
      exclusive(t, "per_entrance", "hours");
      exclusive(t, "shifts", "hours");
      exclusive(t, "shifts", "shift_hours");
      // A seat is one person at a time: 1.5 seats cannot be staffed.
      if (auto v = num(t, "seats", 0, true, true)) r.seats = *v;
      if (t.get("seats_quantity")) quantity_name(t, "seats_quantity", r.seats_quantity);
      if (auto v = num(t, "seats_per", 0, true)) r.seats_per = *v;
      if (auto pe = t.get("per_entrance")) {
        if (auto b = pe->value<bool>())
          r.per_entrance = *b;
        else
          err(*pe, "bad-value", "per_entrance must be true or false" + got(*pe),
              "per_entrance 必须是 true 或 false" + got_zh(*pe));
      }
      if (!t.get("seats") && !t.get("seats_quantity")) r.seats = 1;
      if (auto v = num(t, "shift_hours", 1, true)) r.shift_hours = *v;
      if (t.get("hours")) r.hours = str(t, "hours");
      if (auto sh = t.get("shifts")) {
        auto arr = sh->as_array();
        if (!arr || arr->empty())
          err(*sh, "bad-value", "shifts must be a list such as [\"08:00-16:00\", \"16:00-24:00\"]",
              "shifts 必须是列表，如 [\"08:00-16:00\", \"16:00-24:00\"]");
        else
          for (auto &n : *arr) {
            auto s = n.value<std::string>();
            auto one = s ? shifts_for(*s, 24) : std::nullopt;
            if (!one || one->size() != 1)
              err(n, "bad-value", "a shift is written HH:MM-HH:MM", "班次应写作 HH:MM-HH:MM");
            else
              r.shifts.push_back(one->front());
          }
      } else if (!t.get("hours") || shifts_for(r.hours, 24)) {
        // Every staffed entrance may be open round the clock: its shifts must fit 24 hours.
        std::string hours = r.per_entrance ? "24h" : r.hours;
        auto s = shifts_for(hours, r.shift_hours);
        if (!s && t.get("shift_hours"))
          err(*t.get("shift_hours"), "bad-value",
              "shift_hours must divide 24 (e.g. 6, 8 or 12) to cover the day" +
                  std::string(r.per_entrance ? " at an entrance open round the clock" : ""),
              "shift_hours 必须能整除 24（如 6、8 或 12）" +
                  std::string(r.per_entrance ? "，以覆盖 24 小时出入口" : ""));
        else if (s && !r.per_entrance)
          r.shifts = *s;
      } else if (t.get("hours")->is_string()) { // (a value of another type was reported by str())
        err(*t.get("hours"), "bad-value", "hours must be \"24h\" or \"HH:MM-HH:MM\", not \"" + r.hours + "\"",
            "hours 必须是 \"24h\" 或 \"HH:MM-HH:MM\"，而不是 \"" + r.hours + "\"");
      }
      if (auto d = t.get("days")) {
        if (auto arr = d->as_array()) {
          for (auto &n : *arr) {
            auto v = n.value<int64_t>();
            if (!v || !n.is_integer() || *v < 1 || *v > 7)
              err(n, "bad-value", "days are ISO weekdays 1 (Monday) to 7", "days 为 ISO 星期 1（周一）至 7");
            else
              r.days.push_back(static_cast<int>(*v));
          }
        } else {
          err(*d, "bad-value", "days must be a list of ISO weekdays such as [1, 2, 3, 4, 5]",
              "days 必须是 ISO 星期列表，如 [1, 2, 3, 4, 5]");
        }
      }
      std::string m = str(t, "method");
      if (m == "per_shift")
        r.method = CoverMethod::per_shift;
      else if (m == "labour")
        r.method = CoverMethod::labour;
      else if (!m.empty())
        err(*t.get("method"), "bad-value", "method must be per_shift or labour, not '" + m + "'",
            "method 必须是 per_shift 或 labour，而不是 '" + m + "'");
      if (r.kind == RuleKind::duty) {
        auto rl = t["roles"].as_array();
        if (rl)
          for (auto &n : *rl) {
            auto id = n.value<std::string>();
            if (!id)
              err(n, "bad-value", "a role id is a string", "岗位 id 必须是字符串");
            else if (known_role(n, *id))
              r.duty_roles.push_back(*id);
          }
        if (!t.get("roles") || (rl && rl->empty()))
          err(t.get("roles") ? *t.get("roles") : static_cast<const toml::node &>(t), "missing-key",
              "a duty rule needs roles = [\"...\"]: the roles whose people take the duty in turn",
              "duty 规则需要 roles = [\"...\"]：轮流值班的岗位");
        else if (!rl)
          err(*t.get("roles"), "bad-value", "roles must be a list such as [\"electrician\", \"plumber\"]",
              "roles 必须是列表，如 [\"electrician\", \"plumber\"]");
      }
      break;
    }
    }
    if (m_out.size() > before &&
        diag::has_errors(diag::Diagnostics(m_out.begin() + static_cast<long>(before), m_out.end())))
      return std::nullopt;
    return r;
  }

  // A key that belongs to another kind of rule would be ignored: say so instead.
  void not_for_kind(const toml::table &t, RuleKind k, const std::string &kind) {
    static const std::vector<std::string> common = {"kind", "when", "grades", "source", "note_zh", "note_en"};
    std::vector<std::string> own;
    switch (k) {
    case RuleKind::fixed:
      own = {"role", "count", "min", "max"};
      break;
    case RuleKind::ratio:
      own = {"role", "quantity", "per", "per_quantity", "base", "above", "rounding", "min", "max"};
      break;
    case RuleKind::cover:
      own = {"role",   "post", "seats",  "seats_quantity", "seats_per", "hours", "shift_hours",
             "shifts", "days", "method", "per_entrance",   "licence",   "min",   "max"};
      break;
    case RuleKind::duty:
      own = {"post", "roles", "seats", "hours", "shift_hours", "shifts", "days", "licence"};
      break;
    }
    for (const auto &[key, v] : t) {
      std::string name(key.str());
      if (std::find(rule_keys.begin(), rule_keys.end(), name) == rule_keys.end()) continue; // an unknown-key
      if (std::find(common.begin(), common.end(), name) != common.end()) continue;
      if (std::find(own.begin(), own.end(), name) != own.end()) continue;
      m_out.push_back(data::at(key.source(), m_file, "not-for-kind",
                               "'" + name + "' does not apply to a " + kind + " rule; it would be ignored",
                               "'" + name + "' 不适用于 " + kind + " 规则，将被忽略"));
    }
  }

  void rounding(const toml::table &t, Rule &r) {
    std::string s = str(t, "rounding");
    if (s.empty() || s == "ceil")
      r.rounding = Rounding::ceil;
    else if (s == "floor")
      r.rounding = Rounding::floor;
    else if (s == "round")
      r.rounding = Rounding::round;
    else
      err(*t.get("rounding"), "bad-value", "rounding must be ceil, floor or round",
          "rounding 必须是 ceil、floor 或 round");
  }

private:
  const std::string &m_file;
  const catalog::Catalogue &m_roles;
  diag::Diagnostics &m_out;
};

} // namespace

std::optional<NormSet> load_norms(const std::string &name_or_path, const catalog::Catalogue &roles,
                                  diag::Diagnostics &out) {
  auto src = data::load_source("norms", name_or_path, out);
  if (!src) return std::nullopt;
  return parse_norms(src->text, src->file, src->name, roles, out);
}

std::optional<NormSet> parse_norms(std::string_view text, const std::string &file, const std::string &name,
                                   const catalog::Catalogue &roles, diag::Diagnostics &out) {
  diag::Diagnostics local;
  auto tbl = data::parse_toml(text, file, local);
  NormSet ns;
  ns.name = name;
  ns.file = file;
  if (tbl) {
    const std::string &f = file;
    Reader rd(f, roles, local);
    data::check_keys(*tbl, {"meta", "rule", "band"}, f, local);
    if (auto m = (*tbl)["meta"].as_table()) {
      data::check_keys(
          *m, {"name", "title_zh", "title_en", "description_zh", "description_en", "source", "labor", "cover_method"},
          f, local);
      ns.title = {rd.str(*m, "title_zh"), rd.str(*m, "title_en")};
      ns.description = {rd.str(*m, "description_zh"), rd.str(*m, "description_en")};
      ns.source = rd.str(*m, "source");
      if (!m->get("source"))
        local.push_back(data::at(*m, f, "missing-source", "[meta] needs a source: where the norm set comes from",
                                 "[meta] 需要 source：注明规范集的来源"));
      else if (ns.source.empty() && m->get("source")->is_string())
        local.push_back(data::at(*m->get("source"), f, "missing-source",
                                 "the source is empty: say where the norm set comes from",
                                 "source 为空：请注明规范集的来源"));
      if (auto l = m->get("labor")) {
        ns.labor = rd.str(*m, "labor");
        // A built-in name is checked here, where the file can point at it; a path is read later.
        bool is_path = ns.labor.find('/') != std::string::npos || util::ends_with(ns.labor, ".toml");
        auto names = data::embedded_names("labor");
        if (l->is_string() && !is_path && std::find(names.begin(), names.end(), ns.labor) == names.end()) {
          std::string en = "no built-in labour profile named '" + ns.labor + "'";
          std::string zh = "没有名为 '" + ns.labor + "' 的内置工时规定";
          if (auto best = util::did_you_mean(ns.labor, names)) {
            en += "; did you mean '" + *best + "'?";
            zh += "；您是否想写 '" + *best + "'？";
          } else {
            std::string all;
            for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
            en += "; available: " + all + ", or a path to a .toml file";
            zh += "；可用：" + all + "，或 .toml 文件的路径";
          }
          rd.err(*l, "unknown-labor", en, zh);
        }
      }
      std::string cm = rd.str(*m, "cover_method");
      if (cm == "per_shift")
        ns.cover_method = CoverMethod::per_shift;
      else if (cm == "labour" || cm.empty())
        ns.cover_method = CoverMethod::labour;
      else
        rd.err(*m->get("cover_method"), "bad-value", "cover_method must be per_shift or labour, not '" + cm + "'",
               "cover_method 必须是 per_shift 或 labour，而不是 '" + cm + "'");
    } else if (auto m = tbl->get("meta")) {
      rd.err(*m, "bad-value", "meta must be a table: [meta]", "meta 必须是表：[meta]");
    } else {
      local.push_back(data::at(*tbl, f, "missing-key", "a norm set needs a [meta] table with its source",
                               "规范集需要 [meta] 表并注明来源"));
    }
    if (auto rules = (*tbl)["rule"].as_array()) {
      for (auto &n : *rules) {
        if (auto t = n.as_table()) {
          if (auto r = rd.rule(*t)) ns.rules.push_back(std::move(*r));
        } else {
          rd.err(n, "bad-value", "each rule is a [[rule]] table", "每条规则必须是 [[rule]] 表");
        }
      }
    } else if (auto r = tbl->get("rule")) {
      rd.err(*r, "bad-value", "rules are written as [[rule]] tables", "规则应写作 [[rule]] 表");
    } else {
      local.push_back(
          data::at(*tbl, f, "missing-key", "a norm set needs [[rule]] entries", "规范集需要 [[rule]] 条目"));
    }
    const auto &types = building_types();
    if (auto bands = (*tbl)["band"].as_array()) {
      for (auto &n : *bands) {
        auto t = n.as_table();
        if (!t) {
          rd.err(n, "bad-value", "each band is a [[band]] table", "每个区间必须是 [[band]] 表");
          continue;
        }
        data::check_keys(*t, {"building_type", "min_m2_per_person", "max_m2_per_person", "source"}, f, local);
        Band b;
        b.building_type = rd.str(*t, "building_type");
        if (!b.building_type.empty() && std::find(types.begin(), types.end(), b.building_type) == types.end()) {
          std::string en = "unknown building type '" + b.building_type + "'";
          std::string zh = "未知的楼栋类型 '" + b.building_type + "'";
          if (auto best = util::did_you_mean(b.building_type, types)) {
            en += "; did you mean '" + *best + "'?";
            zh += "；您是否想写 '" + *best + "'？";
          }
          rd.err(*t->get("building_type"), "bad-value", en, zh);
        }
        for (const char *k : {"min_m2_per_person", "max_m2_per_person"})
          if (!t->get(k))
            local.push_back(
                data::at(*t, f, "missing-key", std::string("a band needs ") + k, std::string("区间缺少 ") + k));
        b.min_m2_per_person = rd.num(*t, "min_m2_per_person").value_or(0);
        b.max_m2_per_person = rd.num(*t, "max_m2_per_person", 0, true).value_or(0);
        if (b.max_m2_per_person > 0 && b.min_m2_per_person > b.max_m2_per_person)
          rd.err(*t->get("max_m2_per_person"), "bad-value", "max_m2_per_person is less than min_m2_per_person",
                 "max_m2_per_person 小于 min_m2_per_person");
        b.source = rd.str(*t, "source");
        if (!t->get("source"))
          local.push_back(data::at(*t, f, "missing-source", "every band needs a source", "每个区间都需要 source"));
        ns.bands.push_back(b);
      }
    } else if (auto b = tbl->get("band")) {
      rd.err(*b, "bad-value", "bands are written as [[band]] tables", "区间应写作 [[band]] 表");
    }
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return ns;
}

} // namespace pm::staff
