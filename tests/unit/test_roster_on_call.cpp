#include <doctest/doctest.h>

#include <pm/roster/rules.hpp>
#include <pm/roster/solver.hpp>
#include <pm/roster/summary.hpp>
#include <pm/util/date.hpp>

#include <algorithm>

using namespace pm::roster;
using pm::util::parse_date;

namespace {

// Two butler teams of `size`, each on duty 07:00-19:00 and on call 19:00-07:00 (cn profile).
Problem teams(int size, int days = 28) {
  Problem p;
  p.labor.name = "cn";
  p.first_day = *parse_date("2026-03-02"); // a Monday
  p.days = days;
  for (int t = 0; t < 2; ++t) {
    PostDemand d;
    d.id = "butler-team-0" + std::to_string(t + 1);
    d.name = {d.id, d.id};
    d.role = "butler";
    d.roles = {"butler"};
    d.shifts = {{420, 1140}, {1140, 420}};
    d.team = true;
    d.on_call = 1;
    d.people = size;
    p.posts.push_back(d);
    for (int i = 0; i < size; ++i) {
      Person x;
      x.id = "b" + std::to_string(t * size + i + 1);
      x.name = {x.id, x.id};
      x.role = "butler";
      x.home = t;
      p.people.push_back(x);
    }
  }
  return p;
}

int count_rule(const std::vector<Violation> &v, const std::string &rule) {
  return static_cast<int>(std::count_if(v.begin(), v.end(), [&](const Violation &x) { return x.rule == rule; }));
}

Assignment at(const Problem &p, int person, int post, int day, int shift) {
  Assignment a;
  a.person = person;
  a.post = post;
  a.start = p.posts[static_cast<std::size_t>(post)].shift_start(p.first_day + day, shift);
  a.end = a.start + p.posts[static_cast<std::size_t>(post)].shifts[static_cast<std::size_t>(shift)].minutes();
  return a;
}

} // namespace

TEST_CASE("on call: a team of 3 covers its post round the clock, lawfully, with its own members only") {
  Problem p = teams(3);
  Result r = make_roster(p, {}, {});
  REQUIRE(r.ok);
  CHECK(check(p, r.assignments).empty());
  for (const auto &a : r.assignments) CHECK(p.people[static_cast<std::size_t>(a.person)].home == a.post);
  Summary s = summarize(p, r.assignments);
  CHECK(s.covered == s.seat_shifts);
  int calls = 0;
  for (const auto &x : s.people) {
    calls += x.on_call;
    // On call is not working time: only the day shifts count, 12 h each.
    CHECK(x.hours == doctest::Approx(12.0 * x.shifts));
    CHECK(x.nights == 0);
  }
  CHECK(calls == 2 * 28);
}

TEST_CASE("on call: a team of 2 cannot cover round the clock lawfully, and the solver says so") {
  Problem p = teams(2, 14);
  Result r = make_roster(p, {}, {});
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.refusal.empty());
}

TEST_CASE("on call: the checker finds an outsider, a short gap and too many nights") {
  Problem p = teams(3, 7);
  // Team 1's member b4 takes team 0's day shift.
  auto v = check(p, {at(p, 3, 0, 0, 0)});
  CHECK(count_rule(v, "team") == 1);
  // On call on day 0, then on duty at 07:00 on day 1: no gap at all.
  v = check(p, {at(p, 0, 0, 0, 1), at(p, 0, 0, 1, 0)});
  CHECK(count_rule(v, "on-call-rest") == 1);
  // On call every night of the week: 7 nights in 7 days, at most 3.
  std::vector<Assignment> nights;
  for (int d = 0; d < 7; ++d) nights.push_back(at(p, 0, 0, d, 1));
  v = check(p, nights);
  CHECK(count_rule(v, "on-call-limit") == 1);
  CHECK(count_rule(v, "hours") == 0);
  CHECK(count_rule(v, "free-day") == 0);
}
