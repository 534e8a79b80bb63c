#pragma once
// Calendar dates as day numbers (days since 1970-01-01, negative before), on std::chrono's
// proleptic Gregorian calendar. An int is the currency: rosters, reports and holiday lists add
// and compare days as plain numbers, and only this file turns them into dates.

#include <optional>
#include <string>
#include <string_view>

namespace pm::util {

struct YearMonthDay {
  int year;
  int month; // 1-12
  int day;   // 1-31
};

// The day number of a real date (month 1-12, day within the month).
int day_number(int year, int month, int day);
// The date of a day number.
YearMonthDay civil(int day);

// The first day of a month; `month` may run past 12 or below 1 (13 is January of the next year),
// so that "the month after" needs no special case.
int month_start(int year, int month);
int days_in_month(int year, int month);
bool is_leap_year(int year);

// ISO weekday: 1 = Monday ... 7 = Sunday.
int iso_weekday(int day);
inline bool is_weekend(int day) { return iso_weekday(day) >= 6; }
// The Monday of the ISO week holding `day`.
int week_start(int day);
// The ISO 8601 week: the week's Thursday decides its year, so 2027-01-01 is in 2026-W53.
struct IsoWeek {
  int year;
  int week; // 1-53
};
IsoWeek iso_week(int day);

// "YYYY-MM-DD", exactly: four-digit year, two-digit month and day, a real date (2026-02-30 and
// 2026-2-3 are refused).
std::optional<int> parse_date(std::string_view s);
// Why a text is not a date parse_date accepts, for a message that says what is wrong: the form,
// or which part is not in the calendar (year 0, month 13, 30 February).
struct DateProblem {
  enum class Kind { form, year_zero, month, day_zero, day } kind = Kind::form;
  int year = 0, month = 0;
  int days = 0; // the days of that month, for Kind::day
};
// nullopt when `s` is a date.
std::optional<DateProblem> date_problem(std::string_view s);
std::string format_date(int day);

// Today by the local clock.
int today();

} // namespace pm::util
