#include <pm/data/toml.hpp>
#include <pm/res/resources.hpp>
#include <pm/roster/calendar.hpp>

#include <cstdio>

namespace pm::roster {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

namespace {
bool digits(const std::string &s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int num(const std::string &s, std::size_t from, std::size_t n) { return std::stoi(s.substr(from, n)); }
} // namespace

std::optional<int> parse_date(const std::string &s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4) || !digits(s, 5, 2) || !digits(s, 8, 2))
    return std::nullopt;
  int y = num(s, 0, 4), m = num(s, 5, 2), d = num(s, 8, 2);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return std::nullopt;
  int day = days_from_civil(y, m, d);
  Civil c = civil_from_days(day);
  if (c.month != m || c.day != d) return std::nullopt; // 2026-02-30
  return day;
}

std::string format_date(int day) {
  Civil c = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

int iso_weekday(int day) {
  // 1970-01-01 was a Thursday (4).
  int w = (day + 3) % 7;
  if (w < 0) w += 7;
  return w + 1;
}

std::optional<int> parse_datetime(const std::string &s) {
  if (s.size() != 16 || s[10] != 'T' || s[13] != ':' || !digits(s, 11, 2) || !digits(s, 14, 2)) return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  if (!d) return std::nullopt;
  int h = num(s, 11, 2), m = num(s, 14, 2);
  if (h > 23 || m > 59) return std::nullopt;
  return *d * 1440 + h * 60 + m;
}

std::string format_datetime(int minutes) {
  int day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  int rest = minutes - day * 1440;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", rest / 60, rest % 60);
  return format_date(day) + buf;
}

bool Holidays::covers(int day) const {
  int y = civil_from_days(day).year;
  return y >= first_year && y <= last_year;
}

std::optional<Holidays> load_holidays(const std::string &name, diag::Diagnostics &out) {
  std::string path = "data/holidays/" + name + ".toml";
  auto text = res::get(path);
  if (!text) return std::nullopt;
  std::string file = "lib/" + path;
  auto tbl = data::parse_toml(*text, file, out);
  if (!tbl) return std::nullopt;
  Holidays h;
  h.name = name;
  data::check_keys(*tbl, {"meta", "year"}, file, out);
  if (auto m = (*tbl)["meta"].as_table()) h.source = (*m)["source"].value_or(std::string());
  if (auto years = (*tbl)["year"].as_array())
    for (auto &node : *years) {
      auto y = node.as_table();
      if (!y) continue;
      data::check_keys(*y, {"year", "source", "dates"}, file, out);
      int year = static_cast<int>((*y)["year"].value_or(int64_t{0}));
      if (h.first_year == 0 || year < h.first_year) h.first_year = year;
      if (year > h.last_year) h.last_year = year;
      if (auto dates = (*y)["dates"].as_array())
        for (auto &dn : *dates) {
          auto s = dn.value<std::string>();
          auto d = s ? parse_date(*s) : std::nullopt;
          if (!d || civil_from_days(*d).year != year) {
            out.push_back(
                data::at(dn, file, "bad-date", "not a date of that year (YYYY-MM-DD)", "不是该年的日期（YYYY-MM-DD）"));
            continue;
          }
          h.days.insert(*d);
        }
    }
  return h;
}

} // namespace pm::roster
