// The limits of staffing (staff/limits.hpp) hold even for a norm set that skipped the loader's
// checks: no headcount wraps, turns negative or is undefined; each excess is an error naming
// its limit.
#include "staff_fixtures.hpp"

#include <pm/roster/limits.hpp>
#include <pm/staff/limits.hpp>

using namespace staff_test;
using pm::staff::Rule;
using pm::staff::RuleKind;
using pm::staff::Staffing;

namespace {

bool has_error(const Staffing &s, const std::string &code) {
  for (const auto &e : s.errors)
    if (e.code == code) return true;
  return false;
}

Rule fixed(const std::string &role, double count) {
  Rule r;
  r.kind = RuleKind::fixed;
  r.role = role;
  r.count = count;
  return r;
}

} // namespace

TEST_CASE("compute: a count of 1e9 on five roles is an error, not a wrapped total") {
  pm::staff::NormSet ns;
  ns.name = "test";
  for (const char *role : {"project_manager", "cashier", "admin_clerk", "storekeeper", "gardener"})
    ns.rules.push_back(fixed(role, 1e9));
  Staffing s = compute(example("residential-145k"), ns);
  CHECK(has_error(s, "headcount-limit"));
  CHECK(s.total >= 0);
  CHECK(s.total <= pm::staff::limits::estate_headcount + 1);
  for (const auto &d : s.departments) CHECK(d.headcount >= 0);
}

TEST_CASE("compute: a ratio dividing by 1e-300 is an error, never a negative headcount") {
  pm::staff::NormSet ns;
  ns.name = "test";
  Rule r;
  r.kind = RuleKind::ratio;
  r.role = "gardener";
  r.quantity = "area.total";
  r.per = 1e-300;
  ns.rules.push_back(r);
  Staffing s = compute(example("residential-145k"), ns);
  CHECK(has_error(s, "headcount-limit"));
  CHECK(s.headcount("gardener") >= 0);
  CHECK(s.total >= 0);
}

TEST_CASE("compute: many roles each within the limit add up past the estate's limit") {
  pm::staff::NormSet ns;
  ns.name = "test";
  for (const char *role : {"project_manager", "cashier", "admin_clerk"}) ns.rules.push_back(fixed(role, 60000));
  Staffing s = compute(example("residential-145k"), ns);
  CHECK(has_error(s, "headcount-limit"));
  CHECK(s.errors.size() == 1);
  CHECK(s.errors.front().message.en.find("100,000 people per estate") != std::string::npos);
}

TEST_CASE("compute: the shipped norm sets stay within every limit on the examples") {
  for (const auto &name : example_names())
    for (const char *set : {"cn-standard", "cn-practice"}) {
      Staffing s = compute(example(name), norms(set));
      CHECK_MESSAGE(s.errors.empty(), name << " with " << set);
    }
}

TEST_CASE("over_limits: people and seat-shifts") {
  pm::roster::Problem p;
  p.first_day = 20458;
  p.days = 7;
  pm::roster::PostDemand gate;
  gate.id = "gate";
  gate.seats = 1;
  gate.shifts = {{480, 960}, {960, 0}, {0, 480}};
  p.posts.push_back(gate);
  p.people.resize(10);
  CHECK_FALSE(pm::roster::over_limits(p).has_value());
  CHECK(pm::roster::seat_shifts(p) == 21);

  p.people.resize(pm::roster::limits::people + 1);
  auto over = pm::roster::over_limits(p);
  REQUIRE(over.has_value());
  CHECK_FALSE(over->option);

  // One week fits; as many weeks as make the seat-shifts too many is the option's fault.
  p.people.resize(10);
  p.days = static_cast<int>(pm::roster::limits::seat_shifts / 3 + 7) / 7 * 7; // 3 seat-shifts a day
  over = pm::roster::over_limits(p);
  REQUIRE(over.has_value());
  CHECK(over->option);
  CHECK(over->message.en.find("--weeks") != std::string::npos);
}
