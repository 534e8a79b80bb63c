#pragma once
// Labour profiles: the working-time law staffing and rosters obey (data: lib/data/labor/*.toml).

#include <pm/catalog/roles.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pm::staff {

struct Labor {
  std::string name;
  std::string file; // "<builtin>/data/labor/NAME.toml" or the path it was read from
  catalog::Text title;
  i18n::Text source;
  double daily_hours = 8, weekly_hours = 40, work_days_per_week = 5;
  double overtime_cap_month = 36, overtime_cap_day = 3;
  double public_holidays = 13, annual_leave_days = 5;
  std::string averaging_period = "month";
  double max_shift_hours = 12, min_rest_between_shifts = 12;
  int min_free_days_per_7 = 1, max_consecutive_days = 6, max_consecutive_nights = 4;
  std::string night_start = "22:00", night_end = "06:00";
  double pay_days_per_month = 21.75, overtime_pay = 1.5, rest_day_pay = 2.0, holiday_pay = 3.0;
  // Round-the-clock cover by a small team (butler teams): on duty from on_call_end to
  // on_call_start, on call (值班, may rest at the residence, not working time) the rest of the day.
  std::string on_call_start = "19:00", on_call_end = "07:00";
  int on_call_max_per_7 = 3;        // on-call nights in any 7 days
  double on_call_min_gap_hours = 8; // between an on-call night and a shift on duty

  // Hours a person works in a year at the standard week, less public holidays and leave.
  double productive_hours_per_year() const;
  // The most a person may work on average per week: standard week plus the overtime cap.
  double lawful_max_weekly_hours() const;
  // Working days a year (365 less rest days, holidays and leave).
  double productive_days_per_year() const;
};

std::optional<Labor> load_labor(const std::string &name_or_path, diag::Diagnostics &out);
// The same from a labour file's text; `file` names it in messages, `name` is the profile's name.
std::optional<Labor> parse_labor(std::string_view text, const std::string &file, const std::string &name,
                                 diag::Diagnostics &out);

} // namespace pm::staff
