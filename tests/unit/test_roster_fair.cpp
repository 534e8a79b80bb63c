#include <doctest/doctest.h>

#include <pm/roster/fair.hpp>
#include <pm/roster/patterns.hpp>
#include <pm/roster/solver.hpp>
#include <pm/util/date.hpp>

#include <algorithm>
#include <array>
#include <cmath>

using namespace pm::roster;
using pm::util::parse_date;

namespace {

// One round-the-clock post with `seats` seats and `people` guards staffed for it.
Problem fair_post(int people, int seats, const char *start, int weeks = 4) {
  Problem p;
  p.labor.name = "cn";
  p.first_day = *parse_date(start);
  p.days = weeks * 7;
  PostDemand d;
  d.id = "gate";
  d.name = {"门岗", "Gate"};
  d.role = "gate_guard";
  d.roles = {"gate_guard"};
  d.seats = seats;
  d.shifts = {{480, 960}, {960, 0}, {0, 480}};
  d.people = people;
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

// Each person's shifts, nights and weekend shifts.
std::array<std::vector<int>, 3> counts(const Problem &p, const std::vector<Assignment> &a) {
  std::array<std::vector<int>, 3> c;
  for (auto &v : c) v.assign(p.people.size(), 0);
  for (const auto &x : a) {
    auto i = static_cast<std::size_t>(x.person);
    ++c[0][i];
    c[1][i] += is_night(p.labor, x.start, x.end) ? 1 : 0;
    c[2][i] += pm::util::is_weekend(first_calendar_day(x.start)) ? 1 : 0;
  }
  return c;
}

int spread(const std::vector<int> &v) {
  return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
}

std::vector<Pattern> fair_patterns() {
  pm::diag::Diagnostics d;
  return builtin_patterns(d);
}

} // namespace

TEST_CASE("check_person: the per-person part of check, one person at a time") {
  Problem p = fair_post(5, 1, "2026-01-05", 1);
  // g1 works 08-16 on Monday and the night that follows (00-08): 8 h of rest; g2 works seven
  // days running.
  std::vector<Assignment> a;
  auto on = [&](int person, int day, int shift) {
    Assignment x;
    x.person = person;
    x.start = p.posts[0].shift_start(p.first_day + day, shift);
    x.end = x.start + p.posts[0].shifts[static_cast<std::size_t>(shift)].minutes();
    a.push_back(x);
  };
  on(0, 0, 0);
  on(0, 0, 2);
  for (int d = 0; d < 7; ++d) on(1, d, 1);
  RuleFrame f(p);
  auto v = check_person(p, f, a, 0, {0, 1});
  REQUIRE(v.size() == 1);
  CHECK(v[0].rule == "rest");
  CHECK(v[0].assignment == 1);
  CHECK_FALSE(person_lawful(p, f, a, 0, {0, 1}));
  CHECK(person_lawful(p, f, a, 0, {0}));
  std::vector<int> g2 = {2, 3, 4, 5, 6, 7, 8};
  v = check_person(p, f, a, 1, g2);
  REQUIRE(v.size() == 2); // 7 days running, 56 h in the 8 days of January's part
  CHECK(v[0].rule == "consecutive-days");
  CHECK(v[1].rule == "hours");
  CHECK_FALSE(person_lawful(p, f, a, 1, g2));
  // check() reports the same, and the coverage it alone can see.
  auto all = check(p, a);
  CHECK(std::count_if(all.begin(), all.end(), [](const Violation &x) { return x.rule == "rest"; }) == 1);
  CHECK(std::count_if(all.begin(), all.end(), [](const Violation &x) { return x.rule == "consecutive-days"; }) == 1);
  CHECK(std::count_if(all.begin(), all.end(), [](const Violation &x) { return x.rule == "coverage"; }) > 0);
}

TEST_CASE("even_out: 8 guards on 2 seats, rostered by the solver alone, get fairer shares and stay lawful") {
  Problem p = fair_post(8, 2, "2026-01-05");
  std::vector<Assignment> a;
  std::vector<pm::catalog::Text> why;
  REQUIRE(solve(p, {0}, a, 1, why));
  REQUIRE(check(p, a).empty());
  auto before = counts(p, a);
  Problem q = p;
  std::vector<Assignment> b = a;
  even_out(q, b, {1, 1, false});
  CHECK(check(q, b).empty());
  REQUIRE(b.size() == a.size());
  // The same shifts, only who works them changed.
  for (std::size_t i = 0; i < a.size(); ++i) CHECK((b[i].start == a[i].start && b[i].post == a[i].post));
  auto after = counts(q, b);
  MESSAGE("shifts " << spread(before[0]) << "->" << spread(after[0]) << ", nights " << spread(before[1]) << "->"
                    << spread(after[1]) << ", weekends " << spread(before[2]) << "->" << spread(after[2]));
  CHECK(spread(before[1]) + spread(before[2]) > spread(after[1]) + spread(after[2]));
  // Everyone within one shift of the average: shifts, nights, weekend shifts.
  for (const auto &v : after) {
    double average = 0;
    for (int x : v) average += x;
    average /= static_cast<double>(v.size());
    for (int x : v) CHECK(std::abs(x - average) <= 1.0);
  }
  // Deterministic for a seed.
  Problem r = p;
  std::vector<Assignment> c = a;
  even_out(r, c, {1, 1, false});
  CHECK(std::equal(b.begin(), b.end(), c.begin(), [](const Assignment &x, const Assignment &y) {
    return x.person == y.person && x.start == y.start;
  }));
}

TEST_CASE("even_out: a pattern's shifts are swapped only when it is not forced, and the post counts the swaps") {
  auto all = fair_patterns();
  Problem p = fair_post(5, 1, "2026-01-05");
  auto r = make_roster(p, {}, all);
  REQUIRE(r.ok);
  CHECK(p.posts[0].pattern == "five-three");
  CHECK(p.posts[0].swaps > 0);
  auto c = counts(p, r.assignments);
  CHECK(spread(c[1]) <= 1); // nights: 4-6 on the bare pattern
  CHECK(spread(c[2]) <= 1); // weekend shifts: 3-6
  Problem q = fair_post(5, 1, "2026-01-05");
  r = make_roster(q, {1, "five-three"}, all);
  REQUIRE(r.ok);
  CHECK(q.posts[0].swaps == 0);
  c = counts(q, r.assignments);
  CHECK(spread(c[1]) == 2);
}

TEST_CASE("even_out: shares are pro rata, and swaps stay within those who may take the posts") {
  Problem p = fair_post(6, 1, "2026-02-02");
  p.people[5].hours_per_week = 20; // a part-timer: half the nights and weekends, about
  // A second post of its own team, whose people the pass must not mix with the gate's.
  PostDemand d = p.posts[0];
  d.id = "hv";
  d.name = {"高配", "HV room"};
  d.team = true;
  p.posts.push_back(d);
  for (int i = 0; i < 5; ++i) {
    Person x = p.people[0];
    x.id = "e" + std::to_string(i + 1);
    x.name = {x.id, x.id};
    x.home = 1;
    p.people.push_back(x);
  }
  std::vector<Assignment> a;
  std::vector<pm::catalog::Text> why;
  REQUIRE(solve(p, {0, 1}, a, 3, why));
  even_out(p, a, {3, 1, false});
  CHECK(check(p, a).empty());
  for (const auto &x : a)
    if (x.post == 1) CHECK(p.people[static_cast<std::size_t>(x.person)].home == 1);
  auto groups = share_groups(p);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].people == std::vector<int>{0, 1, 2, 3, 4, 5});
  CHECK(share_weight(p, 5) == doctest::Approx(0.5));
  auto c = counts(p, a);
  // The part-timer works within a shift of half a full-timer's average.
  double full = 0;
  for (std::size_t i = 0; i < 5; ++i) full += c[0][i];
  CHECK(std::abs(c[0][5] - full / 5 / 2) <= 1.0);
}
