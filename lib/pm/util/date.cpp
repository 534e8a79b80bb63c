#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace pm::util {

namespace chr = std::chrono;

namespace {
chr::sys_days sys(int day) { return chr::sys_days{chr::days{day}}; }
int number(chr::sys_days d) { return static_cast<int>(d.time_since_epoch().count()); }
chr::year_month_day ymd(int year, int month, int day) {
  return {chr::year{year}, chr::month{static_cast<unsigned>(month)}, chr::day{static_cast<unsigned>(day)}};
}
} // namespace

int day_number(int year, int month, int day) { return number(chr::sys_days{ymd(year, month, day)}); }

YearMonthDay civil(int day) {
  chr::year_month_day d{sys(day)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

int month_start(int year, int month) {
  // year_month arithmetic carries months over into years, both ways.
  chr::year_month ym = chr::year{year} / chr::January + chr::months{month - 1};
  return number(chr::sys_days{ym / chr::day{1}});
}

int days_in_month(int year, int month) {
  auto last = chr::year{year} / chr::month{static_cast<unsigned>(month)} / chr::last;
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_leap_year(int year) { return chr::year{year}.is_leap(); }

int iso_weekday(int day) { return static_cast<int>(chr::weekday{sys(day)}.iso_encoding()); }

int week_start(int day) { return day - (iso_weekday(day) - 1); }

IsoWeek iso_week(int day) {
  int thursday = week_start(day) + 3;
  int year = civil(thursday).year;
  return {year, (thursday - day_number(year, 1, 1)) / 7 + 1};
}

namespace {
// The year, month and day of "YYYY-MM-DD" written so, whether or not the calendar has them.
std::optional<YearMonthDay> fields(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto field = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = field(0, 4), m = field(5, 2), d = field(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return YearMonthDay{y, m, d};
}
} // namespace

std::optional<DateProblem> date_problem(std::string_view s) {
  using Kind = DateProblem::Kind;
  auto f = fields(s);
  if (!f) return DateProblem{};
  // The proleptic Gregorian calendar has a year 0 (ISO 8601's 1 BC); no one means it.
  if (f->year == 0) return DateProblem{Kind::year_zero, 0, f->month, 0};
  if (f->month < 1 || f->month > 12) return DateProblem{Kind::month, f->year, f->month, 0};
  if (f->day == 0) return DateProblem{Kind::day_zero, f->year, f->month, 0};
  int days = days_in_month(f->year, f->month);
  if (f->day > days) return DateProblem{Kind::day, f->year, f->month, days};
  return std::nullopt;
}

std::optional<int> parse_date(std::string_view s) {
  if (date_problem(s)) return std::nullopt;
  auto f = fields(s);
  return day_number(f->year, f->month, f->day);
}

std::string format_date(int day) {
  YearMonthDay c = civil(day);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

int today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return day_number(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

} // namespace pm::util
