#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/staff/labor.hpp>

namespace pm::staff {

using i18n::both;
namespace msg = i18n::msg;

double Labor::productive_days_per_year() const {
  double rest_days = 365.0 / 7.0 * (7.0 - work_days_per_week);
  return 365.0 - rest_days - public_holidays - annual_leave_days;
}

double Labor::productive_hours_per_year() const { return productive_days_per_year() * daily_hours; }

double Labor::lawful_max_weekly_hours() const { return weekly_hours + overtime_cap_month * 12.0 / 52.0; }

namespace {

// A time of day, HH:MM, into `target`; anything else is a bad-value.
void clock(data::Reader &rd, const toml::table &t, const char *key, std::string &target) {
  const toml::node *n = t.get(key);
  std::string v = rd.str(t, key);
  if (v.empty()) return;
  bool ok = v.size() == 5 && v[2] == ':';
  for (std::size_t i : {0u, 1u, 3u, 4u}) ok = ok && v[i] >= '0' && v[i] <= '9';
  if (ok && std::stoi(v.substr(0, 2)) < 24 && std::stoi(v.substr(3, 2)) < 60)
    target = v;
  else
    rd.error(*n, "bad-value", i18n::both_of(msg::labor_time, key, data::found(*n)));
}

void set(double &target, std::optional<double> v) {
  if (v) target = *v;
}
void set(int &target, std::optional<std::int64_t> v) {
  if (v) target = static_cast<int>(*v);
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
    using data::Need;
    using data::Range;
    // Absurd figures are refused; the keys left out keep Labor's defaults (pm-norms(5)).
    constexpr double limit = 1e6;
    data::Reader rd(file, local);
    rd.keys(*tbl, {"meta", "hours", "leave", "rostering", "pay", "on_call"});
    if (auto m = rd.table(*tbl, "meta")) {
      rd.keys(*m, {"name", "title_zh", "title_en", "source", "source_zh", "source_en"});
      l.title = rd.text(*m, "title_zh", "title_en", Need::optional);
      l.source = rd.source_text(*m);
    } else if (!tbl->get("meta")) {
      rd.error(*tbl, "missing-source", both(msg::labor_needs_meta));
    }
    // The figures every headcount depends on are stated in the file, not taken from defaults.
    if (auto h = rd.table(*tbl, "hours", Need::required)) {
      rd.keys(*h, {"daily", "weekly", "work_days_per_week", "overtime_cap_month", "overtime_cap_day"});
      set(l.daily_hours, rd.number(*h, "daily", Range::at_least(1, limit), Need::required));
      set(l.weekly_hours, rd.number(*h, "weekly", Range::at_least(1, limit), Need::required));
      set(l.work_days_per_week, rd.number(*h, "work_days_per_week", Range::between(1, 7)));
      set(l.overtime_cap_month, rd.number(*h, "overtime_cap_month", Range::at_least(0, limit)));
      set(l.overtime_cap_day, rd.number(*h, "overtime_cap_day", Range::at_least(0, limit)));
    }
    if (auto h = rd.table(*tbl, "leave", Need::required)) {
      rd.keys(*h, {"public_holidays", "annual_leave_days"});
      set(l.public_holidays, rd.number(*h, "public_holidays", Range::at_least(0, limit), Need::required));
      set(l.annual_leave_days, rd.number(*h, "annual_leave_days", Range::at_least(0, limit), Need::required));
    }
    if (auto h = rd.table(*tbl, "rostering")) {
      rd.keys(*h, {"averaging_period", "max_shift_hours", "min_rest_between_shifts", "min_free_days_per_7",
                   "max_consecutive_days", "max_consecutive_nights", "night_start", "night_end"});
      std::string period = rd.one_of(*h, "averaging_period", {"week", "month", "quarter", "year"});
      if (!period.empty()) l.averaging_period = period;
      set(l.max_shift_hours, rd.number(*h, "max_shift_hours", Range::at_least(1, limit)));
      set(l.min_rest_between_shifts, rd.number(*h, "min_rest_between_shifts", Range::at_least(0, limit)));
      set(l.min_free_days_per_7, rd.integer(*h, "min_free_days_per_7", 0, 7));
      set(l.max_consecutive_days, rd.integer(*h, "max_consecutive_days", 1, 366));
      set(l.max_consecutive_nights, rd.integer(*h, "max_consecutive_nights", 0, 366));
      clock(rd, *h, "night_start", l.night_start);
      clock(rd, *h, "night_end", l.night_end);
    }
    if (auto h = rd.table(*tbl, "pay")) {
      rd.keys(*h, {"days_per_month", "overtime", "rest_day", "public_holiday"});
      set(l.pay_days_per_month, rd.number(*h, "days_per_month", Range::at_least(1, limit)));
      set(l.overtime_pay, rd.number(*h, "overtime", Range::at_least(1, limit)));
      set(l.rest_day_pay, rd.number(*h, "rest_day", Range::at_least(1, limit)));
      set(l.holiday_pay, rd.number(*h, "public_holiday", Range::at_least(1, limit)));
    }
    if (auto h = rd.table(*tbl, "on_call")) {
      rd.keys(*h, {"start", "end", "max_per_7", "min_gap_hours"});
      clock(rd, *h, "start", l.on_call_start);
      clock(rd, *h, "end", l.on_call_end);
      set(l.on_call_max_per_7, rd.integer(*h, "max_per_7", 0, 7));
      set(l.on_call_min_gap_hours, rd.number(*h, "min_gap_hours", Range::at_least(0, limit)));
    }
    if (l.productive_days_per_year() <= 0) rd.error(*tbl, "bad-value", both(msg::labor_no_working_days));
  }
  bool bad = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (bad) return std::nullopt;
  return l;
}

} // namespace pm::staff
