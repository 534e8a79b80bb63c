#include <doctest/doctest.h>

#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>

#include <algorithm>

using namespace pm::roster;
using pm::util::parse_date;

namespace {

// One post with the default three 8-hour shifts, one seat, and `people` gate guards.
Problem small(int people, int days = 7) {
  Problem p;
  p.labor.name = "cn";
  p.first_day = *parse_date("2026-01-05"); // a Monday
  p.days = days;
  PostDemand d;
  d.id = "gate";
  d.name = {"门岗", "Gate"};
  d.role = "gate_guard";
  d.roles = {"gate_guard"};
  d.shifts = {{480, 960}, {960, 0}, {0, 480}};
  p.posts.push_back(d);
  for (int i = 0; i < people; ++i) {
    Person x;
    x.id = "g" + std::to_string(i + 1);
    x.name = {x.id, x.id};
    x.role = "gate_guard";
    x.home = 0;
    p.people.push_back(x);
  }
  return p;
}

Assignment on(const Problem &p, int person, int day, int shift) {
  Assignment a;
  a.person = person;
  a.post = 0;
  a.start = p.posts[0].shift_start(p.first_day + day, shift);
  a.end = a.start + p.posts[0].shifts[static_cast<std::size_t>(shift)].minutes();
  return a;
}

int count(const std::vector<Violation> &v, const std::string &rule) {
  return static_cast<int>(std::count_if(v.begin(), v.end(), [&](const Violation &x) { return x.rule == rule; }));
}

// Every slot covered by the five-crew cycle EEMMNN----, which breaks no rule.
std::vector<Assignment> clean(const Problem &p) {
  std::vector<Assignment> a;
  const char *cycle = "EEMMNN----";
  for (int day = 0; day < p.days; ++day)
    for (int crew = 0; crew < 5; ++crew) {
      char c = cycle[(day + crew * 2) % 10];
      if (c != '-') a.push_back(on(p, crew, day, c == 'E' ? 0 : c == 'M' ? 1 : 2));
    }
  return a;
}

} // namespace

TEST_CASE("check: a five-crew roster breaks no rule") {
  Problem p = small(5, 28);
  CHECK(check(p, clean(p)).empty());
}

TEST_CASE("check: coverage gaps are named by post and time") {
  Problem p = small(5);
  auto a = clean(p);
  a.erase(a.begin());
  auto v = check(p, a);
  REQUIRE(count(v, "coverage") == 1);
  CHECK(v.front().message.en.find("Gate: ") == 0); // the post by its name, not its id
  CHECK(v.front().message.en.find("2026-01-05 08:00–16:00") != std::string::npos);
  CHECK(v.front().assignment == -1);
}

TEST_CASE("check: overlap and rest") {
  Problem p = small(5);
  std::vector<Assignment> a{on(p, 0, 0, 0), on(p, 0, 0, 0)};
  CHECK(count(check(p, a), "overlap") == 1);
  // Middle shift then the next morning: 8 h of rest.
  a = {on(p, 0, 0, 1), on(p, 0, 1, 0)};
  CHECK(count(check(p, a), "rest") == 1);
  // Night (00-08 on day 1) then middle (16-24 on day 1): 8 h.
  a = {on(p, 0, 0, 2), on(p, 0, 1, 1)};
  CHECK(count(check(p, a), "rest") == 1);
  // Early then early the next day: 16 h, fine.
  a = {on(p, 0, 0, 0), on(p, 0, 1, 0)};
  CHECK(count(check(p, a), "rest") == 0);
  CHECK(count(check(p, a), "overlap") == 0);
}

TEST_CASE("check: consecutive days and the free day in every 7") {
  Problem p = small(5, 14);
  std::vector<Assignment> a;
  for (int d = 0; d < 6; ++d) a.push_back(on(p, 0, d, 0));
  CHECK(count(check(p, a), "consecutive-days") == 0);
  a.push_back(on(p, 0, 6, 0));
  auto v = check(p, a);
  CHECK(count(v, "consecutive-days") == 1);
  CHECK(count(v, "free-day") == 0); // the same stretch is reported once
  // With two free days needed, 5 of 7 days worked is too many.
  p.labor.min_free_days_per_7 = 2;
  a = {};
  for (int d : {0, 1, 2, 3, 5, 6}) a.push_back(on(p, 0, d, 0));
  CHECK(count(check(p, a), "free-day") == 1);
  a = {};
  for (int d : {0, 1, 2, 3, 6}) a.push_back(on(p, 0, d, 0));
  CHECK(count(check(p, a), "free-day") == 0);
}

TEST_CASE("check: runs of nights") {
  Problem p = small(5, 14);
  std::vector<Assignment> a;
  for (int d = 0; d < 4; ++d) a.push_back(on(p, 0, d, 2));
  CHECK(count(check(p, a), "consecutive-nights") == 0);
  a.push_back(on(p, 0, 4, 2));
  CHECK(count(check(p, a), "consecutive-nights") == 1);
  // Middle shifts (16-24) are not nights: only 2 h fall in 22:00-06:00.
  a = {};
  for (int d = 0; d < 6; ++d) a.push_back(on(p, 0, d, 1));
  CHECK(count(check(p, a), "consecutive-nights") == 0);
}

TEST_CASE("check: hours over the averaging period") {
  Problem p = small(5, 28);
  // 2026-01-05 to 2026-02-01: January's 27 days and 1 February merge into one 28-day window.
  // Limit: 160 h + 36 h × 27/31 + 36 h × 1/28 = 192.6 h. 24 shifts of 8 h = 192 h is fine.
  std::vector<Assignment> a;
  for (int d = 0; d < 28; ++d)
    if (d % 7 != 6) a.push_back(on(p, 0, d, 0));
  CHECK(a.size() == 24);
  CHECK(count(check(p, a), "hours") == 0);
  // A part-timer on 20 h a week may work 80 h in the 4 weeks.
  p.people[0].hours_per_week = 20;
  auto v = check(p, a);
  REQUIRE(count(v, "hours") == 1);
  CHECK(v.back().message.en.find("contracted 20 h") != std::string::npos);
  // 25 shifts (200 h) are beyond a full-timer's limit.
  p.people[0].hours_per_week = 0;
  p.labor.max_consecutive_days = 7;
  p.labor.min_free_days_per_7 = 0;
  a.push_back(on(p, 0, 6, 0));
  CHECK(count(check(p, a), "hours") == 1);
}

TEST_CASE("check: unavailable dates, licences, roles, shift times") {
  Problem p = small(2);
  p.people[0].unavailable.insert(p.first_day + 1);
  CHECK(count(check(p, {on(p, 0, 0, 0)}), "unavailable") == 0);
  CHECK(count(check(p, {on(p, 0, 1, 0)}), "unavailable") == 1);
  // The night of day 0 starts at midnight on day 1.
  CHECK(count(check(p, {on(p, 0, 0, 2)}), "unavailable") == 1);

  p.posts[0].licence = "security_guard";
  CHECK(count(check(p, {on(p, 1, 0, 0)}), "licence") == 1);
  p.people[1].licences = {"security_guard"};
  CHECK(count(check(p, {on(p, 1, 0, 0)}), "licence") == 0);
  p.people[1].licences = {};
  p.people[1].placeholder = true; // stand-ins are assumed licensed
  CHECK(count(check(p, {on(p, 1, 0, 0)}), "licence") == 0);

  p.people[1].role = "gardener";
  CHECK(count(check(p, {on(p, 1, 0, 0)}), "role") == 1);

  Assignment odd = on(p, 0, 0, 0);
  odd.start += 60;
  odd.end += 60;
  auto v = check(p, {odd});
  CHECK(count(v, "not-a-shift") == 1);
  Assignment outside = on(p, 0, 9, 0);
  CHECK(count(check(p, {outside}), "not-a-shift") == 1);
}

TEST_CASE("check: shifts longer than the law allows") {
  Problem p = small(1);
  p.labor.max_shift_hours = 7;
  CHECK(count(check(p, {on(p, 0, 0, 0)}), "shift-length") == 1);
}

TEST_CASE("is_night counts shifts with at least 3 h in the night window") {
  pm::staff::Labor l;
  int d = 20000 * 1440;
  CHECK(is_night(l, d + 0, d + 480));
  CHECK_FALSE(is_night(l, d + 960, d + 1440));
  CHECK(is_night(l, d + 1200, d + 1440 + 480));
  CHECK_FALSE(is_night(l, d + 480, d + 1200));
}
