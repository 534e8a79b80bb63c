#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/staff/limits.hpp>
#include <pm/staff/norms.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pm::staff {

using i18n::both;
namespace msg = i18n::msg;

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

std::string format_hhmm(int minutes) { return fmt::format("{:02}:{:02}", (minutes / 60) % 25, minutes % 60); }

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
    "role",        "kind",         "post",       "count",     "quantity",       "per",       "per_quantity",
    "base",        "above",        "rounding",   "seats",     "seats_quantity", "seats_per", "hours",
    "shift_hours", "shifts",       "days",       "method",    "per_entrance",   "licence",   "roles",
    "min",         "max",          "when",       "grades",    "source",         "note_zh",   "note_en",
    "types",       "per_by_grade", "hours_from", "source_zh", "source_en"};

class Reader : public data::Reader {
public:
  Reader(const std::string &file, const catalog::Catalogue &roles, diag::Diagnostics &out)
      : data::Reader(file, out), m_roles(roles) {}

  bool quantity_name(const toml::table &t, const char *key, std::string &target) {
    target = str(t, key);
    if (target.empty()) return false;
    if (quantity_info(target)) return true;
    std::vector<std::string> names;
    for (const auto &q : quantities()) names.push_back(q.name);
    unknown(*t.get(key), "unknown-quantity", both(msg::what_quantity), target, names,
            both(msg::norms_quantities_listed));
    target.clear();
    return false;
  }

  bool known_role(const toml::node &n, const std::string &id) {
    if (m_roles.role(id)) return true;
    unknown(n, "unknown-role", both(msg::what_role), id, m_roles.role_ids());
    return false;
  }

  std::optional<Rule> rule(const toml::table &t) {
    using data::Range;
    std::size_t before = mark();
    keys(t, rule_keys);
    Rule r;
    r.line = static_cast<int>(t.source().begin.line);
    r.column = static_cast<int>(t.source().begin.column);
    std::string kind = one_of(t, "kind", {"fixed", "ratio", "cover", "duty"});
    bool kind_ok = !kind.empty();
    if (kind == "fixed")
      r.kind = RuleKind::fixed;
    else if (kind == "ratio")
      r.kind = RuleKind::ratio;
    else if (kind == "cover")
      r.kind = RuleKind::cover;
    else if (kind == "duty")
      r.kind = RuleKind::duty;
    else if (!t.get("kind"))
      error(t, "missing-key", both(msg::norms_rule_needs_kind));
    if (kind_ok) not_for_kind(t, r.kind, kind);

    r.role = str(t, "role");
    if (r.kind != RuleKind::duty || !kind_ok) {
      if (!t.get("role"))
        error(t, "missing-key", both(msg::norms_rule_needs_role));
      else if (!r.role.empty())
        known_role(*t.get("role"), r.role);
    }
    r.source = source_text(t);
    r.note = {str(t, "note_zh"), str(t, "note_en")};
    r.post = str(t, "post");
    r.licence = str(t, "licence");
    // Limits are whole people: a fractional minimum would be silently rounded down.
    r.min = number(t, "min", Range::at_least(0, limits::role_headcount).integral());
    r.max = number(t, "max", Range::at_least(0, limits::role_headcount).integral());
    if (r.min && r.max && *r.min > *r.max)
      error(*t.get("max"), "bad-value",
            both(msg::norms_max_below_min, util::format_number(*r.max), util::format_number(*r.min)));

    for (const toml::node *n : string_nodes(t, "when")) {
      std::string en, zh;
      if (auto c = parse_condition(*n->value_exact<std::string>(), en, zh))
        r.when.push_back(*c);
      else
        error(*n, "bad-condition", en, zh);
    }
    r.grades = ints(t, "grades", 1, 4);
    r.types = estate_types(t);
    if (!kind_ok) return std::nullopt;

    switch (r.kind) {
    case RuleKind::fixed:
      if (auto v = number(t, "count", Range::at_least(0, limits::role_headcount)))
        r.count = *v;
      else if (!t.get("count"))
        error(t, "missing-key", both(msg::norms_fixed_needs_count));
      break;
    case RuleKind::ratio: {
      quantity_name(t, "quantity", r.quantity);
      if (!t.get("quantity")) error(t, "missing-key", both(msg::norms_ratio_needs_quantity));
      exclusive(t, "per", "per_quantity");
      exclusive(t, "per", "per_by_grade");
      exclusive(t, "per_quantity", "per_by_grade");
      // A divisor: a tiny one would staff an absurd number of people (1e-300 overflowed).
      if (auto v = number(t, "per", Range::at_least(limits::min_divisor))) r.per = *v;
      if (t.get("per_quantity")) quantity_name(t, "per_quantity", r.per_quantity);
      if (t.get("per_by_grade")) per_by_grade(t, r);
      if (!t.get("per") && !t.get("per_quantity") && !t.get("per_by_grade"))
        error(t, "missing-key", both(msg::norms_ratio_needs_per));
      if (auto v = number(t, "base", Range::at_least(0, limits::role_headcount))) r.base = *v;
      if (auto v = number(t, "above", Range::at_least(0))) r.above = *v;
      std::string rounding = one_of(t, "rounding", {"ceil", "floor", "round"});
      if (rounding == "floor")
        r.rounding = Rounding::floor;
      else if (rounding == "round")
        r.rounding = Rounding::round;
      break;
    }
    case RuleKind::cover:
    case RuleKind::duty:
      cover(t, r, kind);
      break;
    }
    if (failed_since(before)) return std::nullopt;
    return r;
  }

  // The keys of a cover or duty rule: the post, its seats, hours and shifts.
  void cover(const toml::table &t, Rule &r, const std::string &kind) {
    using data::Range;
    if (r.post.empty())
      error(t.get("post") ? *t.get("post") : static_cast<const toml::node &>(t), "missing-key",
            both(msg::norms_needs_post, kind));
    exclusive(t, "seats", "seats_quantity");
    exclusive(t, "per_entrance", "seats_quantity");
    exclusive(t, "per_entrance", "hours");
    exclusive(t, "shifts", "hours");
    exclusive(t, "shifts", "shift_hours");
    // A seat is one person at a time: 1.5 seats cannot be staffed.
    if (auto v = number(t, "seats", Range::positive(limits::post_seats).integral())) r.seats = *v;
    if (t.get("seats_quantity")) quantity_name(t, "seats_quantity", r.seats_quantity);
    if (auto v = number(t, "seats_per", Range::at_least(limits::min_divisor))) r.seats_per = *v;
    if (auto b = boolean(t, "per_entrance")) r.per_entrance = *b;
    if (!t.get("seats") && !t.get("seats_quantity")) r.seats = 1;
    if (auto v = number(t, "shift_hours", Range::at_least(1))) r.shift_hours = *v;
    if (t.get("hours")) r.hours = str(t, "hours");
    exclusive(t, "hours_from", "hours");
    exclusive(t, "hours_from", "shifts");
    exclusive(t, "hours_from", "per_entrance");
    if (t.get("hours_from")) {
      r.hours_from = str(t, "hours_from");
      bool ok =
          r.hours_from == "pools" || (util::starts_with(r.hours_from, "special.") && quantity_info(r.hours_from) &&
                                      r.hours_from.find('.', 8) == std::string::npos);
      if (!r.hours_from.empty() && !ok)
        error(*t.get("hours_from"), "bad-value", both(msg::norms_bad_hours_from, r.hours_from));
    }
    if (t.get("shifts")) {
      const toml::array *arr = array(t, "shifts");
      if (arr && arr->empty()) error(*arr, "bad-value", both(msg::norms_shifts_list));
      if (arr)
        for (const toml::node *n : string_nodes(t, "shifts")) {
          auto one = shifts_for(*n->value_exact<std::string>(), 24);
          if (!one || one->size() != 1)
            error(*n, "bad-value", both(msg::norms_shift_form));
          else
            r.shifts.push_back(one->front());
        }
    } else if (!t.get("hours") || shifts_for(r.hours, 24)) {
      // Every staffed entrance may be open round the clock: its shifts must fit 24 hours.
      std::string hours = r.per_entrance ? "24h" : r.hours;
      auto s = shifts_for(hours, r.shift_hours);
      if (!s && t.get("shift_hours"))
        error(*t.get("shift_hours"), "bad-value",
              both(r.per_entrance ? msg::norms_shift_hours_entrance : msg::norms_shift_hours));
      else if (s && !r.per_entrance)
        r.shifts = *s;
    } else if (t.get("hours")->is_string()) { // (a value of another type was reported by str())
      error(*t.get("hours"), "bad-value", both(msg::norms_bad_hours, r.hours));
    }
    r.days = ints(t, "days", 1, 7);
    std::string method = one_of(t, "method", {"per_shift", "labour"});
    if (method == "per_shift")
      r.method = CoverMethod::per_shift;
    else if (method == "labour")
      r.method = CoverMethod::labour;
    if (r.kind == RuleKind::duty) {
      if (!t.get("roles") || (t.get("roles")->as_array() && t.get("roles")->as_array()->empty()))
        error(t.get("roles") ? *t.get("roles") : static_cast<const toml::node &>(t), "missing-key",
              both(msg::norms_duty_needs_roles));
      else if (array(t, "roles"))
        for (const toml::node *n : string_nodes(t, "roles"))
          if (known_role(*n, *n->value_exact<std::string>())) r.duty_roles.push_back(*n->value_exact<std::string>());
    }
  }

  // Four capacities per person, one for each service grade from 1 (the highest) to 4.
  void per_by_grade(const toml::table &t, Rule &r) {
    const toml::array *arr = array(t, "per_by_grade");
    if (!arr) return;
    bool ok = arr->size() == 4;
    for (const auto &item : *arr) {
      auto v = item.value<double>();
      ok = ok && v && std::isfinite(*v) && *v >= limits::min_divisor && *v <= 1e9;
      if (v) r.per_by_grade.push_back(*v);
    }
    if (!ok) {
      r.per_by_grade.clear();
      error(*arr, "bad-value", both(msg::norms_per_by_grade, util::format_number(limits::min_divisor), "1000000000"));
    }
  }

  std::vector<std::string> estate_types(const toml::table &t) {
    std::vector<std::string> out;
    const auto &known = catalog::estate_types();
    for (const toml::node *n : string_nodes(t, "types")) {
      std::string v = *n->value_exact<std::string>();
      if (std::find(known.begin(), known.end(), v) == known.end())
        unknown(*n, "bad-value", both(msg::what_estate_type), v, known);
      else
        out.push_back(v);
    }
    return out;
  }

  // A key that belongs to another kind of rule would be ignored: say so instead.
  void not_for_kind(const toml::table &t, RuleKind k, const std::string &kind) {
    static const std::vector<std::string> common = {"kind",      "when",      "grades",  "types",  "source",
                                                    "source_zh", "source_en", "note_zh", "note_en"};
    std::vector<std::string> own;
    switch (k) {
    case RuleKind::fixed:
      own = {"role", "count", "min", "max"};
      break;
    case RuleKind::ratio:
      own = {"role", "quantity", "per", "per_quantity", "per_by_grade", "base", "above", "rounding", "min", "max"};
      break;
    case RuleKind::cover:
      own = {"role", "post",   "seats",        "seats_quantity", "seats_per", "hours", "shift_hours", "shifts",
             "days", "method", "per_entrance", "licence",        "min",       "max",   "hours_from"};
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
      error(key.source(), "not-for-kind", both(msg::norms_not_for_kind, name, kind));
    }
  }

private:
  const catalog::Catalogue &m_roles;
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
    using data::Need;
    using data::Range;
    Reader rd(file, roles, local);
    rd.keys(*tbl, {"meta", "rule", "band"});
    if (!tbl->get("meta")) rd.error(*tbl, "missing-key", both(msg::norms_needs_meta));
    if (auto m = rd.table(*tbl, "meta")) {
      rd.keys(*m, {"name", "title_zh", "title_en", "description_zh", "description_en", "source", "source_zh",
                   "source_en", "labor", "cover_method"});
      ns.title = rd.text(*m, "title_zh", "title_en", Need::optional);
      ns.description = rd.text(*m, "description_zh", "description_en", Need::optional);
      ns.source = rd.source_text(*m);
      ns.labor = rd.str(*m, "labor");
      // A built-in name is checked here, where the file can point at it; a path is read later.
      bool is_path = ns.labor.find('/') != std::string::npos || util::ends_with(ns.labor, ".toml");
      auto names = data::embedded_names("labor");
      if (!ns.labor.empty() && !is_path && std::find(names.begin(), names.end(), ns.labor) == names.end()) {
        i18n::Text message = i18n::both_of(msg::toml_no_builtin, both(msg::toml_kind_labor), ns.labor);
        if (auto best = util::did_you_mean(ns.labor, names)) {
          message += both(msg::did_you_mean, *best);
        } else {
          std::string all;
          for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
          message += both(msg::norms_available_or_path, all);
        }
        rd.error(*m->get("labor"), "unknown-labor", message);
      }
      if (rd.one_of(*m, "cover_method", {"per_shift", "labour"}) == "per_shift")
        ns.cover_method = CoverMethod::per_shift;
    }
    if (auto rules = rd.tables(*tbl, "rule", Need::required))
      for (auto &n : *rules)
        if (auto r = rd.rule(*n.as_table())) ns.rules.push_back(std::move(*r));
    const auto &types = building_types();
    if (auto bands = rd.tables(*tbl, "band"))
      for (auto &n : *bands) {
        const auto &t = *n.as_table();
        rd.keys(t, {"building_type", "types", "area_min", "area_max", "min_m2_per_person", "max_m2_per_person",
                    "source", "source_zh", "source_en"});
        Band b;
        b.building_type = rd.str(t, "building_type");
        if (!b.building_type.empty() && std::find(types.begin(), types.end(), b.building_type) == types.end())
          rd.unknown(*t.get("building_type"), "bad-value", both(msg::what_building_type), b.building_type, types);
        auto min = rd.number(t, "min_m2_per_person", Range::at_least(0), Need::required);
        auto max = rd.number(t, "max_m2_per_person", Range::positive(), Need::required);
        if (min) b.min_m2_per_person = *min;
        if (max) b.max_m2_per_person = *max;
        if (min && max && *min > *max)
          rd.error(*t.get("max_m2_per_person"), "bad-value", both(msg::norms_band_max_below_min));
        b.types = rd.estate_types(t);
        if (auto v = rd.number(t, "area_min", Range::at_least(0))) b.area_min = *v;
        if (auto v = rd.number(t, "area_max", Range::positive())) b.area_max = *v;
        if (b.area_max > 0 && b.area_max <= b.area_min)
          rd.error(*t.get("area_max"), "bad-value", both(msg::norms_band_max_below_min));
        b.source = rd.source_text(t);
        ns.bands.push_back(b);
      }
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return ns;
}

} // namespace pm::staff
