#pragma once
// A roster's dates and times, and public holidays as data. Dates are day numbers
// (pm::util::date); times are minutes since 1970-01-01T00:00.

#include <pm/diag/diagnostic.hpp>
#include <pm/i18n/lang.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace pm::roster {

// Minutes since 1970 in an int hold years up to 6053: a roster's dates are kept to 1900-2200.
inline constexpr int first_roster_year = 1900, last_roster_year = 2200;
// "YYYY-MM-DD" -> day number, for a date in those years.
std::optional<int> parse_roster_date(std::string_view s);

// "YYYY-MM-DDTHH:MM" <-> minutes since 1970-01-01T00:00 (local time, no zone). Reading also
// takes what spreadsheets save: "YYYY/M/D H:MM", a space for the T, ":00" seconds.
std::optional<int> parse_datetime(std::string_view s);
std::string format_datetime(int minutes);

// Statutory public holidays of a country, from lib/data/holidays/<name>.toml.
struct Holidays {
  std::string name;
  i18n::Text source;
  std::set<int> days;
  int first_year = 0, last_year = 0; // the years the file lists
  bool covers(int day) const;
  bool contains(int day) const { return days.count(day) > 0; }
};
// Loads the embedded holiday list of that name, if there is one (none is not an error).
std::optional<Holidays> load_holidays(const std::string &name, diag::Diagnostics &out);

} // namespace pm::roster
