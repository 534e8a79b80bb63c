// Staffing by estate type, service grade and size: the rule keys that select and scale
// (types, per_by_grade, hours_from, bands), the inputs reported unused, on-site duty counted as
// working time, and the default norm set on the estates a new user tries first.
#include "staff_fixtures.hpp"

#include <algorithm>

using namespace staff_test;
using pm::staff::Staffing;

namespace {

pm::staff::NormSet parse_norms(const std::string &text) {
  pm::diag::Diagnostics d;
  auto ns = pm::staff::parse_norms(text, "test.toml", "test", fx::roles(), d);
  REQUIRE_MESSAGE(ns.has_value(), (d.empty() ? std::string() : d.front().message));
  return *ns;
}

const pm::staff::Warning *warning(const Staffing &s, const std::string &code) {
  for (const auto &w : s.warnings)
    if (w.code == code) return &w;
  return nullptr;
}

bool unused(const Staffing &s, const std::string &field) {
  return std::any_of(s.unused_inputs.begin(), s.unused_inputs.end(), [&](const auto &u) { return u.field == field; });
}

const pm::staff::Post *post_of(const Staffing &s, const std::string &id) {
  for (const auto &p : s.posts)
    if (p.id == id) return &p;
  return nullptr;
}

pm::estate::Estate estate(const std::string &type, int grade, double area) {
  pm::estate::Estate e;
  e.id = "t";
  e.type = type;
  e.grade = grade;
  e.areas.total = area;
  return e;
}

} // namespace

TEST_CASE("kinds: per_by_grade takes the estate's grade and says so") {
  auto ns = parse_norms(R"([meta]
source = "test"
[[rule]]
role = "gardener"
kind = "ratio"
quantity = "area.green"
per_by_grade = [10000, 20000, 30000, 40000]
source_zh = "测试"
source_en = "test"
)");
  auto e = estate("residential", 3, 100000);
  e.areas.green = 60000;
  Staffing s = compute(e, ns);
  CHECK(s.headcount("gardener") == 2);
  const auto &line = s.role("gardener")->lines.at(0);
  CHECK(line.explanation.en == "60,000 m² green ÷ 30,000 per person = 2 (service grade 3)");
  CHECK(line.explanation.zh == "绿化面积 60,000 m² ÷ 每人 30,000 m² = 2（三级服务标准）");
  CHECK(line.source.zh == "测试");
  CHECK(line.source.en == "test");
  e.grade = 1;
  CHECK(compute(e, ns).headcount("gardener") == 6);
}

TEST_CASE("kinds: a rule for some estate types applies to them alone") {
  auto ns = parse_norms(R"([meta]
source = "test"
[[rule]]
role = "receptionist"
kind = "fixed"
count = 1
types = ["office", "industrial_park"]
source = "test"
)");
  CHECK(compute(estate("office", 2, 50000), ns).headcount("receptionist") == 1);
  CHECK(compute(estate("industrial_park", 2, 50000), ns).headcount("receptionist") == 1);
  CHECK(compute(estate("residential", 2, 50000), ns).headcount("receptionist") == 0);
}

TEST_CASE("kinds: hours_from takes a special service's hours, or the pools' longest") {
  auto ns = parse_norms(R"([meta]
source = "test"
[[rule]]
role = "concierge"
kind = "cover"
post = "lobby"
hours_from = "special.concierge"
when = ["special.concierge"]
source = "test"
[[rule]]
role = "lifeguard"
kind = "cover"
post = "pool"
seats_quantity = "pools.water_area"
seats_per = 250
hours_from = "pools"
when = ["pools"]
source = "test"
)");
  auto e = estate("office", 1, 60000);
  pm::estate::SpecialService c;
  c.service = "concierge";
  c.hours = "07:00-23:00";
  e.special_services.push_back(c);
  e.pools.push_back({"a", 300, "09:00-17:00"});
  e.pools.push_back({"b", 100, "08:00-20:00"});
  Staffing s = compute(e, ns);
  const auto *lobby = post_of(s, "lobby");
  REQUIRE(lobby);
  CHECK(lobby->shifts.size() == 2); // 16 hours in 8-hour shifts
  CHECK(lobby->weekly_hours() == doctest::Approx(112));
  const auto *pool = post_of(s, "pool");
  REQUIRE(pool);
  CHECK(pool->seats == 2); // 400 m² of water ÷ 250, begun
  CHECK(pool->weekly_hours() == doctest::Approx(2 * 12 * 7));
  // A service without hours is kept round the clock.
  e.special_services[0].hours.clear();
  CHECK(post_of(compute(e, ns), "lobby")->weekly_hours() == doctest::Approx(168));
}

TEST_CASE("kinds: the band with the most selectors the estate matches applies") {
  auto ns = parse_norms(R"([meta]
source = "test"
[[rule]]
role = "project_manager"
kind = "fixed"
count = 1
source = "test"
[[band]]
min_m2_per_person = 1
max_m2_per_person = 2
source = "any"
[[band]]
building_type = "high_rise"
min_m2_per_person = 3
max_m2_per_person = 4
source = "high-rise"
[[band]]
building_type = "high_rise"
types = ["residential"]
area_min = 100000
min_m2_per_person = 5
max_m2_per_person = 6
source = "high-rise housing from 100,000 m2"
)");
  auto e = estate("residential", 2, 150000);
  e.buildings.push_back({"", "high_rise", 3, 30, 0});
  CHECK(compute(e, ns).indicators.band->source.en == "high-rise housing from 100,000 m2");
  e.areas.total = 90000;
  CHECK(compute(e, ns).indicators.band->source.en == "high-rise");
  e.buildings[0].type = "multi_storey";
  CHECK(compute(e, ns).indicators.band->source.en == "any");
}

TEST_CASE("kinds: inputs the rules did not read are listed, by their place in the estate file") {
  auto ns = parse_norms(R"([meta]
source = "test"
[[rule]]
role = "carpark_guard"
kind = "cover"
post = "carpark"
seats_quantity = "parking.entrances"
seats_per = 1
when = ["not outsourced.security"]
source = "test"
)");
  auto e = estate("residential", 2, 100000);
  e.parking_entrances = 1;
  e.parking_spaces = 500;
  e.equipment.lifts = 10;
  e.outsourced.push_back({"greening", "x", 0, 0, 0, 0, 0, "", "owners"});
  Staffing s = compute(e, ns);
  CHECK(unused(s, "parking.spaces"));
  CHECK(unused(s, "equipment.lifts"));
  CHECK(unused(s, "outsourced.greening"));
  CHECK_FALSE(unused(s, "parking.entrances"));
  // A condition read is a use, even when it does not hold.
  e.outsourced.push_back({"security", "x", 0, 0, 0, 0, 0, "", "owners"});
  Staffing out = compute(e, ns);
  CHECK_FALSE(unused(out, "outsourced.security"));
  CHECK(out.headcount("carpark_guard") == 0);
  // Named for people in prose.
  for (const auto &u : s.unused_inputs)
    if (u.field == "parking.spaces") CHECK(u.name.zh == "车位");
}

TEST_CASE("kinds: on-site duty is working time, with the figures") {
  // cn-practice's night duty: 84 h a week among 2 electricians and 2 plumbers.
  Staffing s = compute(example("residential-145k"), norms("cn-practice"));
  CHECK(s.total == 39);
  const auto *w = warning(s, "duty-over-limit");
  REQUIRE(w);
  CHECK(w->message.en.find("84 h a week taken in turn by 4 people (Electrician, Plumber) = 21 h each on top of a "
                           "40-hour week, 61 h") != std::string::npos);
  CHECK(w->message.en.find("at least 11 people") != std::string::npos);
  CHECK(w->post == "maintenance_night");
  // The lawful default has no such duty.
  CHECK(warning(compute(example("residential-145k"), norms("cn-standard")), "duty-over-limit") == nullptr);
}

TEST_CASE("kinds: floors not given are counted at the type's usual height, with a warning") {
  auto e = estate("residential", 2, 100000);
  e.buildings.push_back({"A", "high_rise", 3, 0, 0});
  Staffing s = compute(e, norms("cn-standard"));
  const auto *w = warning(s, "floors-assumed");
  REQUIRE(w);
  CHECK(w->message.en == "A: floors not given, counted as 18 (assumption); give the floors in the estate file");
  e.buildings[0].floors = 18;
  Staffing given = compute(e, norms("cn-standard"));
  CHECK(warning(given, "floors-assumed") == nullptr);
  CHECK(given.headcount("indoor_cleaner") == s.headcount("indoor_cleaner"));
}

TEST_CASE("kinds: the default on a 220,000 m² estate of fourteen 28-floor towers") {
  auto e = estate("residential", 4, 220000);
  e.households = 1850;
  e.areas.green = 66000;
  e.areas.underground_garage = 60000;
  e.parking_spaces = 1600;
  e.parking_entrances = 2;
  e.buildings.push_back({"", "high_rise", 14, 28, 0});
  e.equipment.lifts = 28;
  e.equipment.control_room = e.equipment.fire_control_room = true;
  e.entrances.push_back({"南门", true, true, true, "24h"});
  auto &ns = norms("cn-standard");
  Staffing base = compute(e, ns);
  CHECK(base.headcount("indoor_cleaner") >= 9); // about one per tower, and more
  CHECK(base.headcount("carpark_guard") > 0);   // the 60,000 m² garage is patrolled
  CHECK(base.headcount("lift_technician") == 0);
  CHECK(base.headcount("lift_safety_manager") == 1);
  auto taller = e;
  taller.buildings[0].floors = 45;
  CHECK(compute(taller, ns).headcount("indoor_cleaner") > base.headcount("indoor_cleaner"));
  auto more = e;
  more.households = 3850;
  CHECK(compute(more, ns).headcount("cs_clerk") > base.headcount("cs_clerk"));
  auto better = e;
  better.grade = 1;
  CHECK(compute(better, ns).total > base.total);
  // Security outsourced: the guards go, the supervisor stays to oversee the contract.
  auto out = e;
  out.outsourced.push_back({"security", "x", 0, 0, 0, 0, 0, "", "owners"});
  Staffing o = compute(out, ns);
  CHECK(o.total < base.total);
  for (const char *r : {"gate_guard", "patrol_guard", "carpark_guard", "control_room_operator"}) {
    CAPTURE(r);
    CHECK(o.headcount(r) == 0);
  }
  CHECK(o.headcount("security_supervisor") == 1);
}

TEST_CASE("kinds: a small old compound combines posts") {
  auto e = estate("residential", 4, 30000);
  e.households = 400;
  e.areas.green = 6000;
  e.buildings.push_back({"", "multi_storey", 8, 6, 0});
  e.entrances.push_back({"大门", true, true, true, "24h"});
  Staffing s = compute(e, norms("cn-standard"));
  CHECK(s.total >= 8);
  CHECK(s.total <= 12);
  CHECK(s.headcount("general_maintenance") == 1);
  CHECK(s.headcount("electrician") + s.headcount("plumber") == 0);
  for (const char *r : {"cs_supervisor", "maintenance_supervisor", "security_supervisor", "environment_supervisor"}) {
    CAPTURE(r);
    CHECK(s.headcount(r) == 0);
  }
}

TEST_CASE("kinds: an office tower gets its lobby, plant operators and floor-by-floor cleaning") {
  auto e = estate("office", 1, 65000);
  e.buildings.push_back({"", "office", 1, 28, 0});
  e.equipment.central_air_conditioning = true;
  e.equipment.lifts = 18;
  pm::estate::SpecialService c;
  c.service = "concierge";
  c.hours = "24h";
  e.special_services.push_back(c);
  Staffing s = compute(e, norms("cn-standard"));
  CHECK(s.headcount("concierge") == 5); // a round-the-clock seat, lawfully
  CHECK(s.headcount("hvac_operator") >= 2);
  CHECK(s.headcount("indoor_cleaner") >= 7); // 28 floors, a cleaner per 3 to 4
  CHECK_FALSE(unused(s, "special_services.concierge"));
}
