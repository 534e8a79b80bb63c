#include <pm/data/toml.hpp>
#include <pm/staff/labor.hpp>
#include <pm/util/text.hpp>

namespace pm::staff {

double Labor::productive_days_per_year() const {
  double rest_days = 365.0 / 7.0 * (7.0 - work_days_per_week);
  return 365.0 - rest_days - public_holidays - annual_leave_days;
}

double Labor::productive_hours_per_year() const { return productive_days_per_year() * daily_hours; }

double Labor::lawful_max_weekly_hours() const { return weekly_hours + overtime_cap_month * 12.0 / 52.0; }

namespace {

// Reads a positive number; reports a located error if it is missing or not a positive number.
void number(const toml::table &t, const char *key, double &target, const std::string &file, diag::Diagnostics &out,
            bool required = false, double min = 0) {
  auto node = t.get(key);
  if (!node) {
    if (required)
      out.push_back(data::at(t, file, "missing-key", std::string("missing key '") + key + "'",
                             std::string("缺少键 '") + key + "'"));
    return;
  }
  auto v = node->value<double>();
  if (!v || !(*v >= min) || *v > 1e6) {
    // Say what was found, so "forty" or -1 is easy to spot.
    std::string got;
    if (auto s = node->value<std::string>())
      got = "\"" + util::abbreviate(*s) + "\"";
    else if (v)
      got = util::format_number(*v, 6);
    std::string m = util::format_number(min);
    if (v && *v > 1e6) {
      out.push_back(data::at(*node, file, "bad-value",
                             std::string("'") + key + "' must be a number of at most 1000000, not " + got,
                             std::string("'") + key + "' 必须是不大于 1000000 的数值，而不是 " + got));
      return;
    }
    out.push_back(
        data::at(*node, file, "bad-value",
                 std::string("'") + key + "' must be a number of at least " + m + (got.empty() ? "" : ", not " + got),
                 std::string("'") + key + "' 必须是不小于 " + m + " 的数值" + (got.empty() ? "" : "，而不是 " + got)));
    return;
  }
  target = *v;
}

void integer(const toml::table &t, const char *key, int &target, const std::string &file, diag::Diagnostics &out,
             int min, int max) {
  auto node = t.get(key);
  if (!node) return;
  auto v = node->value<int64_t>();
  if (!v || *v < min || *v > max || !node->is_integer()) {
    std::string range = std::to_string(min) + " to " + std::to_string(max);
    out.push_back(data::at(*node, file, "bad-value", std::string("'") + key + "' must be a whole number from " + range,
                           std::string("'") + key + "' 必须是 " + std::to_string(min) + " 至 " + std::to_string(max) +
                               " 的整数"));
    return;
  }
  target = static_cast<int>(*v);
}

// A time of day, HH:MM.
void clock(const toml::table &t, const char *key, std::string &target, const std::string &file,
           diag::Diagnostics &out) {
  auto node = t.get(key);
  if (!node) return;
  auto v = node->value<std::string>();
  bool ok = v && v->size() == 5 && (*v)[2] == ':';
  if (ok)
    for (std::size_t i : {0u, 1u, 3u, 4u}) ok = ok && (*v)[i] >= '0' && (*v)[i] <= '9';
  if (ok) ok = std::stoi(v->substr(0, 2)) < 24 && std::stoi(v->substr(3, 2)) < 60;
  if (!ok) {
    out.push_back(data::at(*node, file, "bad-value", std::string("'") + key + "' must be a time such as \"22:00\"",
                           std::string("'") + key + "' 必须是时刻，如 \"22:00\""));
    return;
  }
  target = *v;
}

void text(const toml::table &t, const char *key, std::string &target, const std::string &file, diag::Diagnostics &out) {
  auto node = t.get(key);
  if (!node) return;
  auto v = node->value<std::string>();
  if (!v) {
    out.push_back(data::at(*node, file, "bad-value", std::string("'") + key + "' must be a string",
                           std::string("'") + key + "' 必须是字符串"));
    return;
  }
  target = *v;
}

} // namespace

std::optional<Labor> load_labor(const std::string &name_or_path, diag::Diagnostics &out) {
  auto src = data::load_source("labor", name_or_path, out);
  if (!src) return std::nullopt;
  return parse_labor(src->text, src->file, src->name, out);
}

std::optional<Labor> parse_labor(std::string_view toml_text, const std::string &file, const std::string &name,
                                 diag::Diagnostics &out) {
  diag::Diagnostics local;
  auto tbl = data::parse_toml(toml_text, file, local);
  Labor l;
  l.name = name;
  l.file = file;
  if (tbl) {
    const std::string &f = file;
    data::check_keys(*tbl, {"meta", "hours", "leave", "rostering", "pay"}, f, local);
    if (auto m = (*tbl)["meta"].as_table()) {
      data::check_keys(*m, {"name", "title_zh", "title_en", "source"}, f, local);
      text(*m, "title_zh", l.title.zh, f, local);
      text(*m, "title_en", l.title.en, f, local);
      text(*m, "source", l.source, f, local);
    }
    if (l.source.empty())
      local.push_back(data::at(tbl->get("meta") ? *tbl->get("meta") : static_cast<const toml::node &>(*tbl), f,
                               "missing-source", "a labour profile needs [meta] source = \"...\"",
                               "工时规定文件需要 [meta] source = \"...\""));
    if (auto h = (*tbl)["hours"].as_table()) {
      data::check_keys(*h, {"daily", "weekly", "work_days_per_week", "overtime_cap_month", "overtime_cap_day"}, f,
                       local);
      number(*h, "daily", l.daily_hours, f, local, true, 1);
      number(*h, "weekly", l.weekly_hours, f, local, true, 1);
      number(*h, "work_days_per_week", l.work_days_per_week, f, local, false, 1);
      number(*h, "overtime_cap_month", l.overtime_cap_month, f, local);
      number(*h, "overtime_cap_day", l.overtime_cap_day, f, local);
      if (l.work_days_per_week > 7)
        local.push_back(
            data::at(*h, f, "bad-value", "work_days_per_week must be at most 7", "work_days_per_week 不能大于 7"));
    }
    if (auto h = (*tbl)["leave"].as_table()) {
      data::check_keys(*h, {"public_holidays", "annual_leave_days"}, f, local);
      number(*h, "public_holidays", l.public_holidays, f, local, true);
      number(*h, "annual_leave_days", l.annual_leave_days, f, local, true);
    }
    // The figures every headcount depends on are stated in the file, not taken from defaults.
    for (const char *section : {"hours", "leave"}) {
      if (!tbl->get(section))
        local.push_back(data::at(*tbl, f, "missing-key",
                                 std::string("a labour profile needs a [") + section + "] table",
                                 std::string("工时规定文件需要 [") + section + "] 表"));
      else if (!tbl->get(section)->is_table())
        local.push_back(data::at(*tbl->get(section), f, "bad-value",
                                 std::string("'") + section + "' must be a table: [" + section + "]",
                                 std::string("'") + section + "' 必须是表：[" + section + "]"));
    }
    if (auto h = (*tbl)["rostering"].as_table()) {
      data::check_keys(*h,
                       {"averaging_period", "max_shift_hours", "min_rest_between_shifts", "min_free_days_per_7",
                        "max_consecutive_days", "max_consecutive_nights", "night_start", "night_end"},
                       f, local);
      text(*h, "averaging_period", l.averaging_period, f, local);
      if (l.averaging_period != "week" && l.averaging_period != "month" && l.averaging_period != "quarter" &&
          l.averaging_period != "year")
        local.push_back(data::at(*h->get("averaging_period"), f, "bad-value",
                                 "averaging_period must be week, month, quarter or year",
                                 "averaging_period 必须是 week、month、quarter 或 year"));
      number(*h, "max_shift_hours", l.max_shift_hours, f, local, false, 1);
      number(*h, "min_rest_between_shifts", l.min_rest_between_shifts, f, local);
      integer(*h, "min_free_days_per_7", l.min_free_days_per_7, f, local, 0, 7);
      integer(*h, "max_consecutive_days", l.max_consecutive_days, f, local, 1, 366);
      integer(*h, "max_consecutive_nights", l.max_consecutive_nights, f, local, 0, 366);
      clock(*h, "night_start", l.night_start, f, local);
      clock(*h, "night_end", l.night_end, f, local);
    }
    if (auto h = (*tbl)["pay"].as_table()) {
      data::check_keys(*h, {"days_per_month", "overtime", "rest_day", "public_holiday"}, f, local);
      number(*h, "days_per_month", l.pay_days_per_month, f, local, false, 1);
      number(*h, "overtime", l.overtime_pay, f, local, false, 1);
      number(*h, "rest_day", l.rest_day_pay, f, local, false, 1);
      number(*h, "public_holiday", l.holiday_pay, f, local, false, 1);
    }
    if (l.productive_days_per_year() <= 0)
      local.push_back(
          data::at(*tbl, f, "bad-value", "the profile leaves no working days in a year", "按此规定一年没有工作日"));
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return l;
}

} // namespace pm::staff
