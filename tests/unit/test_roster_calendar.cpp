#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/roster/calendar.hpp>
#include <pm/roster/model.hpp>
#include <pm/util/date.hpp>

using namespace pm::roster;
using namespace pm::util;

TEST_CASE("dates round-trip and know their weekday") {
  auto d = parse_date("2026-01-05");
  REQUIRE(d);
  CHECK(format_date(*d) == "2026-01-05");
  CHECK(iso_weekday(*d) == 1);
  CHECK(iso_weekday(*parse_date("2026-01-11")) == 7);
  CHECK(is_weekend(*parse_date("2026-01-10")));
  CHECK(*parse_date("2024-03-01") - *parse_date("2024-02-28") == 2);
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("26-01-05"));
  CHECK(format_datetime(*parse_datetime("2026-01-06T00:00")) == "2026-01-06T00:00");
  CHECK_FALSE(parse_datetime("2026-01-06T24:00"));
  // As spreadsheets save them (Chinese Excel, WPS): slashes, unpadded, a space, seconds.
  CHECK(parse_datetime("2026-01-06 08:00") == parse_datetime("2026-01-06T08:00"));
  CHECK(parse_datetime("2026/1/6 8:00") == parse_datetime("2026-01-06T08:00"));
  CHECK(parse_datetime("2026/01/06 08:00:00") == parse_datetime("2026-01-06T08:00"));
  CHECK_FALSE(parse_datetime("2026/01-06 08:00")); // mixed separators
  CHECK_FALSE(parse_datetime("2026/1/6 8:0"));
  CHECK_FALSE(parse_datetime("2026/1/6 8:00:30")); // seconds would be lost
  CHECK_FALSE(parse_datetime("2026/2/30 8:00"));
  CHECK_FALSE(parse_datetime("2026-01-06T08:00Z"));
  CHECK_FALSE(parse_datetime("26/1/6 8:00"));
}

TEST_CASE("load_holidays: the 13 statutory days of 2026 and 2027") {
  pm::diag::Diagnostics d;
  auto h = load_holidays("cn", d);
  REQUIRE(h);
  CHECK(d.empty());
  CHECK(h->days.size() == 26);
  CHECK(h->contains(*parse_date("2026-02-17")));
  CHECK(h->contains(*parse_date("2027-10-03")));
  CHECK_FALSE(h->contains(*parse_date("2026-02-15"))); // a bridge day, not a statutory holiday
  CHECK(h->covers(*parse_date("2027-12-31")));
  CHECK_FALSE(h->covers(*parse_date("2028-01-01")));
  CHECK_FALSE(load_holidays("nowhere", d));
}

TEST_CASE("averaging_windows: months clipped to the roster, short pieces merged") {
  pm::staff::Labor l;
  auto w = averaging_windows(l, *parse_date("2026-01-05"), *parse_date("2026-02-02"));
  REQUIRE(w.size() == 1);
  CHECK(w[0].days() == 29);
  w = averaging_windows(l, *parse_date("2026-01-05"), *parse_date("2026-03-01"));
  REQUIRE(w.size() == 2);
  CHECK(w[0].label == "2026-01");
  CHECK(w[1].label == "2026-02+2026-03");
  l.averaging_period = "week";
  w = averaging_windows(l, *parse_date("2026-01-05"), *parse_date("2026-01-18"));
  REQUIRE(w.size() == 2);
  CHECK(w[0].label == "2026-W02");
  CHECK(overtime_cap(l, *parse_date("2026-01-01"), *parse_date("2026-01-31")) == doctest::Approx(36));
}
