#include <doctest/doctest.h>

#include <pm/util/date.hpp>

#include <cstdio>
#include <ctime>
#include <string>

using namespace pm::util;

namespace {

// An independent reference: the Gregorian leap rule and month lengths written out, counted a
// day at a time, with nothing from <chrono>.
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_length(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return len[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}
int reference_day(int y, int m, int d) {
  int n = 0;
  for (int yy = 1970; yy < y; ++yy) n += leap(yy) ? 366 : 365;
  for (int yy = y; yy < 1970; ++yy) n -= leap(yy) ? 366 : 365;
  for (int mm = 1; mm < m; ++mm) n += month_length(y, mm);
  return n + d - 1;
}
std::string text(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

} // namespace

TEST_CASE("day_number") {
  CHECK(day_number(1970, 1, 1) == 0);
  CHECK(day_number(1970, 1, 2) == 1);
  CHECK(day_number(1969, 12, 31) == -1);
  CHECK(day_number(2000, 3, 1) - day_number(2000, 2, 28) == 2); // 2000 is a leap year
  CHECK(day_number(1900, 3, 1) - day_number(1900, 2, 28) == 1); // 1900 is not
  CHECK(day_number(2026, 1, 5) == reference_day(2026, 1, 5));
  CHECK(day_number(1600, 1, 1) == reference_day(1600, 1, 1));
}

TEST_CASE("civil") {
  auto c = civil(0);
  CHECK(c.year == 1970);
  CHECK(c.month == 1);
  CHECK(c.day == 1);
  c = civil(-1);
  CHECK(c.year == 1969);
  CHECK(c.month == 12);
  CHECK(c.day == 31);
  c = civil(day_number(2024, 2, 29));
  CHECK(c.month == 2);
  CHECK(c.day == 29);
}

TEST_CASE("civil, day_number, format_date and parse_date agree with a day-by-day count, 1600 to 2400") {
  // Every day of eight centuries, walked from an independent start: each conversion must give
  // the date the walk is at, and the weekday must advance by one.
  int n = reference_day(1600, 1, 1);
  int weekday = iso_weekday(n);
  CHECK(weekday == 6); // 1600-01-01 was a Saturday
  int failures = 0;
  for (int y = 1600; y <= 2400; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= month_length(y, m); ++d, ++n) {
        auto c = civil(n);
        std::string s = text(y, m, d);
        bool ok = c.year == y && c.month == m && c.day == d && day_number(y, m, d) == n && format_date(n) == s &&
                  parse_date(s) == n && iso_weekday(n) == weekday;
        if (!ok && ++failures <= 5) FAIL_CHECK("mismatch at " << s << " (day " << n << ")");
        weekday = weekday % 7 + 1;
      }
  CHECK(failures == 0);
  CHECK(n == reference_day(2401, 1, 1));
}

TEST_CASE("parse_date") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("1900-01-01") == reference_day(1900, 1, 1));
  CHECK(parse_date("0001-01-01") == reference_day(1, 1, 1));
  CHECK(parse_date("2024-02-29"));
  CHECK(parse_date("2000-02-29"));
  // Dates that are not in the calendar.
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2026-04-31"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-00-10"));
  CHECK_FALSE(parse_date("2026-01-00"));
  // Only YYYY-MM-DD, exactly.
  CHECK_FALSE(parse_date("26-01-05"));
  CHECK_FALSE(parse_date("2026-1-5"));
  CHECK_FALSE(parse_date("2026/01/05"));
  CHECK_FALSE(parse_date("2026-01-05 "));
  CHECK_FALSE(parse_date("+026-01-05"));
  CHECK_FALSE(parse_date("2026-01-0x"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("format_date") {
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(-1) == "1969-12-31");
  CHECK(format_date(day_number(2026, 3, 1)) == "2026-03-01");
  CHECK(format_date(reference_day(1, 1, 1)) == "0001-01-01");
}

TEST_CASE("is_leap_year") {
  CHECK(is_leap_year(2024));
  CHECK(is_leap_year(2000));
  CHECK(is_leap_year(1600));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2100));
  CHECK_FALSE(is_leap_year(2026));
  for (int y = 1583; y <= 2500; ++y) CHECK(is_leap_year(y) == leap(y));
}

TEST_CASE("days_in_month") {
  CHECK(days_in_month(2026, 1) == 31);
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2026, 4) == 30);
  for (int y = 1960; y <= 2040; ++y)
    for (int m = 1; m <= 12; ++m) CHECK(days_in_month(y, m) == month_length(y, m));
}

TEST_CASE("month_start") {
  CHECK(month_start(2026, 3) == day_number(2026, 3, 1));
  CHECK(month_start(2026, 13) == day_number(2027, 1, 1)); // the month after December
  CHECK(month_start(2026, 0) == day_number(2025, 12, 1));
  CHECK(month_start(1970, 1) == 0);
  for (int m = 1; m <= 12; ++m) CHECK(month_start(2024, m + 1) - month_start(2024, m) == month_length(2024, m));
}

TEST_CASE("iso_weekday") {
  CHECK(iso_weekday(0) == 4); // 1970-01-01, a Thursday
  CHECK(iso_weekday(-1) == 3);
  CHECK(iso_weekday(-4) == 7); // 1969-12-28, a Sunday
  CHECK(iso_weekday(*parse_date("2026-01-05")) == 1);
  CHECK(iso_weekday(*parse_date("2026-01-11")) == 7);
  CHECK(is_weekend(*parse_date("2026-01-10")));
  CHECK_FALSE(is_weekend(*parse_date("2026-01-09")));
}

TEST_CASE("week_start") {
  CHECK(week_start(*parse_date("2026-01-05")) == *parse_date("2026-01-05"));
  CHECK(week_start(*parse_date("2026-01-11")) == *parse_date("2026-01-05"));
  CHECK(week_start(0) == *parse_date("1969-12-29"));
}

TEST_CASE("iso_week") {
  struct Case {
    const char *date;
    int year, week;
  };
  for (const Case &c : {Case{"2026-01-01", 2026, 1}, Case{"2026-01-05", 2026, 2}, Case{"2026-12-31", 2026, 53},
                        Case{"2027-01-01", 2026, 53}, Case{"2027-01-04", 2027, 1}, Case{"2008-12-29", 2009, 1},
                        Case{"2010-01-03", 2009, 53}, Case{"2021-01-03", 2020, 53}, Case{"1970-01-01", 1970, 1},
                        Case{"1969-12-29", 1970, 1}, Case{"1969-12-28", 1969, 52}}) {
    CAPTURE(c.date);
    auto w = iso_week(*parse_date(c.date));
    CHECK(w.year == c.year);
    CHECK(w.week == c.week);
  }
  // Weeks run 1, 2, ... from Monday to Monday, and a year's last week is 52 or 53.
  int day = day_number(1990, 1, 1), prev = iso_week(day).week;
  for (++day; day < day_number(2040, 1, 1); ++day) {
    auto w = iso_week(day);
    if (iso_weekday(day) != 1) {
      CHECK(w.week == prev);
    } else if (w.week != 1) {
      CHECK(w.week == prev + 1);
    } else {
      CHECK((prev == 52 || prev == 53));
    }
    prev = w.week;
  }
}

TEST_CASE("today") {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  int t = today();
  // Allow for midnight passing between the two readings of the clock.
  int expect = reference_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  CHECK((t == expect || t == expect + 1));
}

TEST_CASE("date_problem says which part of a date is wrong") {
  using K = DateProblem::Kind;
  CHECK_FALSE(date_problem("2026-02-28"));
  CHECK_FALSE(date_problem("2028-02-29"));
  CHECK(date_problem("2026-2-28")->kind == K::form);
  CHECK(date_problem("")->kind == K::form);
  CHECK(date_problem("0000-01-01")->kind == K::year_zero);
  CHECK_FALSE(parse_date("0000-01-01"));
  auto m = date_problem("2026-13-01");
  CHECK(m->kind == K::month);
  CHECK(m->month == 13);
  CHECK(date_problem("2026-00-10")->kind == K::month);
  CHECK(date_problem("2026-01-00")->kind == K::day_zero);
  auto d = date_problem("2026-02-30");
  CHECK(d->kind == K::day);
  CHECK(d->days == 28);
  CHECK(date_problem("2028-02-30")->days == 29);
  CHECK(date_problem("2026-04-31")->days == 30);
}
