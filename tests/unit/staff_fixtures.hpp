#pragma once
// Shared by the test_staff_*.cpp files: the shipped norm sets and labour profile, the shipped
// examples, and estates generated from a fixed seed.

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/roles.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/engine.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace staff_test {

inline const pm::staff::NormSet &norms(const std::string &name) {
  static std::map<std::string, pm::staff::NormSet> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    pm::diag::Diagnostics d;
    auto ns = pm::staff::load_norms(name, fx::roles(), d);
    REQUIRE_MESSAGE(ns.has_value(), "norm set " << name << " does not load");
    it = cache.emplace(name, std::move(*ns)).first;
  }
  return it->second;
}

inline const pm::staff::Labor &cn() {
  static const pm::staff::Labor l = [] {
    pm::diag::Diagnostics d;
    auto x = pm::staff::load_labor("cn", d);
    REQUIRE(x.has_value());
    return *x;
  }();
  return l;
}

inline pm::estate::Estate example(const std::string &name) { return fx::example(name); }

inline const std::vector<std::string> &example_names() {
  static const std::vector<std::string> n = {"residential-145k", "villa-riverside"};
  return n;
}

inline pm::staff::Staffing compute(const pm::estate::Estate &e, const pm::staff::NormSet &ns) {
  return pm::staff::compute(e, ns, cn(), fx::roles());
}

// splitmix64: small, and the same numbers on every platform and standard library.
class Rng {
public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // A whole number in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <class T> const T &pick(const std::vector<T> &v) { return v[next() % v.size()]; }

private:
  std::uint64_t m_state;
};

inline const std::vector<std::string> &entrance_hours() {
  static const std::vector<std::string> h = {"24h", "24h", "06:00-22:00", "07:00-19:00", "22:00-06:00", "08:00-20:00"};
  return h;
}

// An estate of any size and kind: every field the norm sets read is drawn at random.
inline pm::estate::Estate generate(Rng &rng) {
  pm::estate::Estate e;
  e.id = "generated";
  e.name = {"生成的小区", "Generated estate"};
  e.grade = rng.between(1, 4);
  e.type = rng.pick(pm::catalog::estate_types());
  auto &a = e.areas;
  a.total = rng.between(1, 600) * 1000 + rng.between(0, 999);
  a.residential = a.total * rng.between(0, 90) / 100;
  a.green = rng.chance(85) ? a.total * rng.between(0, 40) / 100 : 0;
  a.underground_garage = a.total * rng.between(0, 30) / 100;
  a.hard_landscape = rng.chance(50) ? a.total * rng.between(0, 20) / 100 : 0;
  a.municipal_roads = rng.chance(25) ? rng.between(0, 40000) : 0;
  a.river_frontage = rng.chance(25) ? rng.between(0, 40000) : 0;
  e.households = rng.between(0, 5000);
  int groups = rng.between(0, 4);
  for (int i = 0; i < groups; ++i)
    e.buildings.push_back({"group " + std::to_string(i), rng.pick(pm::staff::building_types()), rng.between(1, 30),
                           rng.between(1, 33), 0});
  e.equipment.lifts = rng.chance(70) ? rng.between(0, 80) : 0;
  e.equipment.high_voltage_rooms = rng.chance(50) ? rng.between(1, 2) : 0;
  e.equipment.substations = rng.between(0, 2);
  e.equipment.control_room = rng.chance(70);
  e.equipment.fire_control_room = rng.chance(50);
  int entrances = rng.between(0, 4);
  for (int i = 0; i < entrances; ++i) {
    pm::estate::Entrance x;
    x.name = "gate " + std::to_string(i);
    x.hours = rng.pick(entrance_hours());
    x.staffed = rng.chance(85);
    e.entrances.push_back(x);
  }
  e.parking_spaces = rng.between(0, 2000);
  e.parking_entrances = rng.between(0, 3);
  e.patrol_zones = rng.between(0, 6);
  for (const char *s :
       {"lift_maintenance", "river_cleaning", "municipal_road_cleaning", "security", "cleaning", "greening"})
    if (rng.chance(20)) e.outsourced.push_back({s, "contractor", 0, 0, 0, 0, 0, "", "owners"});
  e.equipment.central_air_conditioning = rng.chance(30);
  e.equipment.high_voltage_single_duty = rng.chance(30);
  if (rng.chance(20))
    e.pools.push_back({"pool", static_cast<double>(rng.between(100, 900)), rng.pick(entrance_hours())});
  if (rng.chance(20)) {
    pm::estate::SpecialService c;
    c.service = "concierge";
    c.hours = rng.pick(entrance_hours());
    e.special_services.push_back(c);
  }
  if (rng.chance(30)) {
    pm::estate::SpecialService b;
    b.service = "butler";
    b.owners = rng.between(1, 80);
    b.owners_per_staff = rng.between(2, 6);
    e.special_services.push_back(b);
  }
  if (rng.chance(20)) { // water and electrical staff on duty (a college's dormitories: 24 hours)
    pm::estate::SpecialService u;
    u.service = "utility_duty";
    u.hours = "24h";
    e.special_services.push_back(u);
  }
  return e;
}

// Roles sum to their department, departments to the total; nothing is empty.
inline void check_sums(const pm::staff::Staffing &s) {
  int total = 0;
  for (const auto &d : s.departments) {
    int sum = 0;
    CHECK_FALSE(d.roles.empty());
    for (const auto &r : d.roles) {
      int lines = 0;
      for (const auto &l : r.lines) lines += l.people;
      CHECK_MESSAGE(lines == r.headcount, "role " << r.id);
      CHECK(r.headcount > 0);
      CHECK(r.department == d.id);
      sum += r.headcount;
    }
    CHECK_MESSAGE(sum == d.headcount, "department " << d.id);
    total += d.headcount;
  }
  CHECK(total == s.total);
}

} // namespace staff_test
