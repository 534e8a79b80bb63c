#pragma once
// Civil dates as day numbers (days since 1970-01-01), and public holidays as data.

#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <set>
#include <string>

namespace pm::roster {

// Days since 1970-01-01 of a proleptic Gregorian date.
int days_from_civil(int y, int m, int d);
struct Civil {
  int year, month, day;
};
Civil civil_from_days(int days);
// "YYYY-MM-DD" -> day number; nullopt if malformed or not a real date.
std::optional<int> parse_date(const std::string &s);
std::string format_date(int day);
// ISO weekday, 1 = Monday ... 7 = Sunday.
int iso_weekday(int day);
inline bool is_weekend(int day) { return iso_weekday(day) >= 6; }

// "YYYY-MM-DDTHH:MM" <-> minutes since 1970-01-01T00:00 (local time, no zone).
std::optional<int> parse_datetime(const std::string &s);
std::string format_datetime(int minutes);

// Statutory public holidays of a country, from lib/data/holidays/<name>.toml.
struct Holidays {
  std::string name;
  std::string source;
  std::set<int> days;
  int first_year = 0, last_year = 0; // the years the file lists
  bool covers(int day) const;
  bool contains(int day) const { return days.count(day) > 0; }
};
// Loads the embedded holiday list of that name, if there is one (none is not an error).
std::optional<Holidays> load_holidays(const std::string &name, diag::Diagnostics &out);

} // namespace pm::roster
