#include <doctest/doctest.h>

#include <pm/roster/bound.hpp>
#include <pm/roster/capacity.hpp>
#include <pm/roster/solver.hpp>
#include <pm/util/date.hpp>

#include <algorithm>

using namespace pm::roster;
using pm::util::parse_date;

namespace {

Problem gate(int people, int weeks = 4) {
  Problem p;
  p.labor.name = "cn";
  p.first_day = *parse_date("2026-01-05");
  p.days = weeks * 7;
  PostDemand d;
  d.id = "gate";
  d.name = {"门岗", "Gate"};
  d.role = "gate_guard";
  d.roles = {"gate_guard"};
  d.shifts = {{480, 960}, {960, 0}, {0, 480}};
  d.people = people;
  p.posts.push_back(d);
  p.role_names["gate_guard"] = {"门岗", "Gate guard"};
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

std::vector<Pattern> patterns() {
  pm::diag::Diagnostics d;
  auto all = builtin_patterns(d);
  CHECK(d.empty());
  return all;
}

bool clean(const Problem &p, const std::vector<Assignment> &a) {
  auto v = check(p, a);
  for (const auto &x : v) MESSAGE(x.rule << ": " << x.message.en);
  return v.empty();
}

} // namespace

TEST_CASE("builtin_patterns: the classic rotations, each with its source") {
  auto all = patterns();
  REQUIRE(all.size() == 5);
  const Pattern *four = find_pattern(all, "四班三运转");
  REQUIRE(four);
  CHECK(four->name == "four-three");
  CHECK(four->average_weekly_hours == 42);
  CHECK_FALSE(find_pattern(all, "three-three")->lawful);
  for (const auto &p : all) CHECK_FALSE(p.source.empty());
}

TEST_CASE("parse_pattern: a cycle that leaves a shift uncovered is refused") {
  pm::diag::Diagnostics d;
  auto p = parse_pattern("[meta]\nsource = \"x\"\n[pattern]\nshifts = 3\nshift_hours = 8\ncrews = 4\n"
                         "codes = [\"E\", \"M\", \"N\"]\ncycle = \"EEMMNNN-\"\naverage_weekly_hours = 49\n",
                         "bad.toml", "bad", d);
  CHECK_FALSE(p);
  REQUIRE_FALSE(d.empty());
  CHECK(d[0].code == "bad-value");
}

TEST_CASE("make_roster: a team of 5 per seat gets 五班三运转, of 4 gets 四班三运转") {
  auto all = patterns();
  Problem p = gate(5);
  auto r = make_roster(p, {}, all);
  REQUIRE(r.ok);
  CHECK(p.posts[0].pattern == "five-three");
  CHECK(clean(p, r.assignments));
  Problem q = gate(4);
  r = make_roster(q, {}, all);
  REQUIRE(r.ok);
  CHECK(q.posts[0].pattern == "four-three");
  CHECK(clean(q, r.assignments));
}

TEST_CASE("make_roster: too few people are refused with where and by how much") {
  auto all = patterns();
  Problem p = gate(3);
  auto r = make_roster(p, {}, all);
  CHECK_FALSE(r.ok);
  // The lower bound says where and by how much; a roster made with the number named proves it.
  REQUIRE(r.refusal.size() == 2);
  CHECK(r.refusal[0].en.find("gate: from ") == 0);
  CHECK(r.refusal[0].en.find("and the 3 gate guards who may take it can lawfully work at most") != std::string::npos);
  CHECK(r.refusal[0].en.find("add at least 1 gate guard") != std::string::npos);
  CHECK(r.refusal[1].en == "gate: add 1 gate guard: with them a lawful roster exists (pm made one to be sure)");
  CHECK(r.add.at("gate_guard") == 1);
}

TEST_CASE("solve: uneven teams, deterministic by seed") {
  auto all = patterns();
  Problem p = gate(6, 8);
  auto a = make_roster(p, {7, "none"}, all);
  REQUIRE(a.ok);
  CHECK(p.posts[0].pattern.empty());
  CHECK(clean(p, a.assignments));
  Problem q = gate(6, 8);
  auto b = make_roster(q, {7, "none"}, all);
  REQUIRE(b.ok);
  REQUIRE(a.assignments.size() == b.assignments.size());
  CHECK(
      std::equal(a.assignments.begin(), a.assignments.end(), b.assignments.begin(),
                 [](const Assignment &x, const Assignment &y) { return x.person == y.person && x.start == y.start; }));
  // Fair shares: hours differ by at most two shifts.
  std::vector<int> shifts(6, 0);
  for (const auto &x : a.assignments) ++shifts[static_cast<std::size_t>(x.person)];
  CHECK(*std::max_element(shifts.begin(), shifts.end()) - *std::min_element(shifts.begin(), shifts.end()) <= 2);
}

TEST_CASE("solve: unavailable dates and part-timers are respected") {
  auto all = patterns();
  Problem p = gate(6);
  for (int d = 3; d <= 9; ++d) p.people[1].unavailable.insert(p.first_day + d);
  p.people[5].hours_per_week = 16;
  auto r = make_roster(p, {}, all);
  REQUIRE(r.ok);
  CHECK(clean(p, r.assignments));
  double part = 0;
  for (const auto &x : r.assignments) {
    if (x.person == 1) {
      int day = first_calendar_day(x.start);
      CHECK((day < p.first_day + 3 || day > p.first_day + 9));
    }
    if (x.person == 5) part += (x.end - x.start) / 60.0;
  }
  CHECK(part <= 16 * 4);
}

TEST_CASE("solve: licensed seats go only to licence holders") {
  auto all = patterns();
  Problem p = gate(7);
  p.posts[0].licence = "hv_electrician";
  for (int i = 0; i < 7; ++i)
    if (i != 2 && i != 4) p.people[static_cast<std::size_t>(i)].licences = {"hv_electrician"};
  auto r = make_roster(p, {}, all);
  REQUIRE(r.ok);
  CHECK(clean(p, r.assignments));
  for (const auto &x : r.assignments) CHECK((x.person != 2 && x.person != 4));
  // Without enough licence holders the refusal says so.
  for (int i = 0; i < 4; ++i) p.people[static_cast<std::size_t>(i)].licences.clear();
  r = make_roster(p, {}, all);
  CHECK_FALSE(r.ok);
  REQUIRE_FALSE(r.refusal.empty());
  CHECK(r.refusal[0].en.find("holding hv_electrician") != std::string::npos);
}

TEST_CASE("make_roster: leave that leaves a week short is refused at that week") {
  auto all = patterns();
  Problem p = gate(4);
  for (int d = 7; d <= 13; ++d) p.people[0].unavailable.insert(p.first_day + d);
  auto r = make_roster(p, {}, all);
  CHECK_FALSE(r.ok);
  REQUIRE_FALSE(r.refusal.empty());
  // A week away leaves three people for its seven days: the lower bound names that week.
  CAPTURE(r.refusal[0].en);
  CHECK(r.refusal[0].en.find("gate: from 2026-01-12 to 2026-01-18 (7 days) needs 168 h") == 0);
  CHECK(r.refusal[0].en.find("one free day in every seven") != std::string::npos);
  CHECK(r.refusal.back().en.find("gate: add 1 gate guard: with them a lawful roster exists") == 0);
}

TEST_CASE("make_roster: an unlawful or unknown pattern is refused") {
  auto all = patterns();
  Problem p = gate(5);
  auto r = make_roster(p, {1, "three-three"}, all);
  CHECK_FALSE(r.ok);
  CHECK(r.refusal[0].en.find("unlawful") != std::string::npos);
  r = make_roster(p, {1, "nine-nine"}, all);
  CHECK(r.usage_error);
}

TEST_CASE("make_roster: 7 people cover 2 seats for 4 weeks, the proven minimum, by a rotation") {
  auto all = patterns();
  for (const char *start : {"2026-01-05", "2026-02-02", "2026-03-02"}) {
    CAPTURE(start);
    Problem p = gate(7);
    p.first_day = *parse_date(start);
    p.posts[0].seats = 2;
    auto r = make_roster(p, {}, all);
    REQUIRE(r.ok);
    CHECK(clean(p, r.assignments));
    CHECK(p.posts[0].cycle == 7);
    Bound b = lower_bound(p, {0});
    CHECK(b.people == 7);
    CHECK(b.add == 0);
  }
}

TEST_CASE("lower_bound: a year of one seat binds in a 30-day month") {
  Problem p = gate(4, 52);
  Bound b = lower_bound(p, {0});
  // 90 shifts of 8 h in a 30-day month, one person at most 207.4 h: 25 whole shifts (3.6
  // people); a 31-day month's 93 against 26 is 3.58.
  CHECK(b.people == 4);
  CHECK(b.per_person == doctest::Approx(200));
  CHECK(b.demand == doctest::Approx(720));
  CHECK(b.window.days() == 30);
}

TEST_CASE("check: the last night, at 00:00 after the last rota day, counts in the last period") {
  // One person works the 24 nights that four weeks allow (6 a week), then the roster's last
  // night: 25 shifts, 200 h, over the period's 199.6 h (29 days from 2026-01-05 to the
  // morning of 2026-02-02, January's and February's limits pro rata).
  Problem p = gate(1);
  std::vector<Assignment> a;
  for (int d = 0; d < 28; ++d) {
    if (d % 7 == 6 && d != 27) continue;
    Assignment x;
    x.person = 0;
    x.post = 0;
    x.start = p.posts[0].shift_start(p.first_day + d, 2);
    x.end = x.start + 480;
    a.push_back(x);
  }
  REQUIRE(a.size() == 25);
  REQUIRE(first_calendar_day(a.back().start) == p.last_day() + 1);
  auto hours = [&](const std::vector<Assignment> &list) {
    auto v = check(p, list);
    return std::count_if(v.begin(), v.end(), [](const Violation &x) { return x.rule == "hours"; });
  };
  CHECK(hours(a) == 1);
  a.pop_back();
  CHECK(hours(a) == 0);
}
