#include "staff_fixtures.hpp"

#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <functional>
#include <set>

using namespace staff_test;
using pm::staff::Staffing;

namespace {

std::map<std::string, int> departments(const Staffing &s) {
  std::map<std::string, int> out;
  for (const auto &d : s.departments) out[d.id] = d.headcount;
  return out;
}

bool has_warning(const Staffing &s, const std::string &code, const std::string &post = "") {
  for (const auto &w : s.warnings)
    if (w.code == code && (post.empty() || w.post == post)) return true;
  return false;
}

const pm::staff::Post *post(const Staffing &s, const std::string &id) {
  for (const auto &p : s.posts)
    if (p.id == id) return &p;
  return nullptr;
}

} // namespace

TEST_CASE("compute: cn-practice reproduces plan 1 (39 people)") {
  Staffing s = compute(example("residential-145k"), norms("cn-practice"));
  CHECK(s.total == 39);
  CHECK(departments(s) ==
        std::map<std::string, int>{
            {"management", 1}, {"customer_service", 5}, {"maintenance", 8}, {"security", 13}, {"environment", 12}});
  // The roles of the 145,000 m² estate's plan (39 people).
  const std::map<std::string, int> roles = {{"project_manager", 1},
                                            {"cs_supervisor", 1},
                                            {"receptionist", 1},
                                            {"cashier", 1},
                                            {"storekeeper", 1},
                                            {"admin_clerk", 1},
                                            {"maintenance_supervisor", 1},
                                            {"electrician", 2},
                                            {"plumber", 2},
                                            {"lift_technician", 1},
                                            {"hv_duty_electrician", 2},
                                            {"security_supervisor", 1},
                                            {"gate_guard", 3},
                                            {"patrol_guard", 6},
                                            {"control_room_operator", 3},
                                            {"environment_supervisor", 1},
                                            {"indoor_cleaner", 5},
                                            {"outdoor_cleaner", 3},
                                            {"gardener", 3}};
  std::map<std::string, int> got;
  for (const auto &d : s.departments)
    for (const auto &r : d.roles) got[r.id] = r.headcount;
  CHECK(got == roles);
  // Indoor cleaners: 3 for 9 high-rise buildings + 2 for 6 multi-storey ones.
  const auto *cleaners = s.role("indoor_cleaner");
  REQUIRE(cleaners != nullptr);
  REQUIRE(cleaners->lines.size() == 2);
  CHECK(cleaners->lines[0].explanation.en == "9 high-rise buildings ÷ 3 per person = 3");
  CHECK(cleaners->lines[1].explanation.en == "6 multi-storey buildings ÷ 3 per person = 2");
  check_sums(s);
}

TEST_CASE("compute: cn-practice warns that 3 people for a round-the-clock seat work 56 h a week") {
  Staffing s = compute(example("residential-145k"), norms("cn-practice"));
  REQUIRE(has_warning(s, "unlawful-cover", "control_room"));
  for (const auto &w : s.warnings) {
    if (w.post != "control_room") continue;
    CHECK(w.message.en.find("3 people for a round-the-clock seat = 56 h/week each; limit 40 h + 36 h/month overtime") !=
          std::string::npos);
    CHECK(w.message.en.find("no weekly rest day") != std::string::npos);
    CHECK(w.message.zh.find("3 人承担 1 个 24 小时岗位 = 每人每周 56 小时") != std::string::npos);
  }
  CHECK(has_warning(s, "unlawful-cover", "gate"));
  CHECK(has_warning(s, "unlawful-cover", "patrol"));
  CHECK(has_warning(s, "unlawful-cover", "hv_room")); // 2 people on 12-hour shifts: 84 h a week
  // 145,000 m² / 39 = 3,718 m² per person: above the high-rise band of 2,500-3,500.
  CHECK(has_warning(s, "indicator-out-of-band"));
  CHECK(s.indicators.dominant_building_type == "high_rise");
  REQUIRE(s.indicators.m2_per_person.has_value());
  CHECK(*s.indicators.m2_per_person == doctest::Approx(145000.0 / 39));
  CHECK(*s.indicators.people_per_10k_m2 == doctest::Approx(39 / 14.5));
}

TEST_CASE("compute: cn-standard staffs round-the-clock posts lawfully, 2 per shift in the control room") {
  auto e = example("residential-145k");
  Staffing practice = compute(e, norms("cn-practice"));
  Staffing standard = compute(e, norms("cn-standard"));
  CHECK_FALSE(has_warning(standard, "unlawful-cover"));
  const auto *cr = post(standard, "control_room");
  REQUIRE(cr != nullptr);
  CHECK(cr->seats == 2);
  CHECK(cr->shifts.size() == 3);
  CHECK(standard.headcount("control_room_operator") > practice.headcount("control_room_operator"));
  CHECK(departments(standard)["security"] > departments(practice)["security"]);
  CHECK(standard.total > practice.total);
  // People per 24/7 seat come from the labour profile: 8,760 h ÷ 1,942 h = 4.51 → 5.
  CHECK(standard.headcount("gate_guard") == 5);
  CHECK(standard.headcount("control_room_operator") == 10);
  for (const auto &p : standard.posts) {
    if (p.duty) continue;
    CHECK_MESSAGE(pm::staff::hours_per_person(p.weekly_hours(), p.people) <= cn().lawful_max_weekly_hours(),
                  "post " << p.id);
  }
  // Every line is explained, with its arithmetic and its source.
  for (const auto &d : standard.departments)
    for (const auto &r : d.roles)
      for (const auto &l : r.lines) {
        CHECK_MESSAGE(!l.explanation.en.empty(), r.id);
        CHECK_MESSAGE(!l.explanation.zh.empty(), r.id);
        CHECK_MESSAGE(!l.source.empty(), r.id);
        if (l.kind != pm::staff::RuleKind::fixed)
          CHECK_MESSAGE(l.explanation.en.find(" = ") != std::string::npos, r.id);
      }
  check_sums(standard);
}

TEST_CASE("compute: the explanation's arithmetic adds up") {
  Staffing s = compute(example("residential-145k"), norms("cn-standard"));
  const auto *gate = s.role("gate_guard");
  REQUIRE(gate != nullptr);
  CHECK(gate->lines.at(0).explanation.en ==
        "主入口: 1 seat × 168 h/week (round the clock) = 8,760 h/year ÷ 1,942 h a person works a year (242.71 days × "
        "8 h, after rest days, 13 public holidays and 5 days' leave) = 4.51 → 5");
  const auto *green = s.role("gardener");
  REQUIRE(green != nullptr);
  CHECK(green->lines.at(0).explanation.en == "17,000 m² green ÷ 17,500 per person = 0.97 → 1 (service grade 2)");
  CHECK(green->lines.at(0).explanation.zh == "绿化面积 17,000 m² ÷ 每人 17,500 m² = 0.97 → 1（二级服务标准）");
}

TEST_CASE("compute: lift technicians are dropped when lift upkeep is outsourced, HV duty without an HV room") {
  auto e = example("residential-145k");
  // The lawful default never keeps lift technicians: lift upkeep is for licensed firms
  // (特种设备安全法 art. 45); from 20 lifts it keeps a full-time lift safety manager.
  CHECK(compute(e, norms("cn-standard")).headcount("lift_technician") == 0);
  CHECK(compute(e, norms("cn-standard")).headcount("lift_safety_manager") == 1);
  auto few = e;
  few.equipment.lifts = 19;
  CHECK(compute(few, norms("cn-standard")).headcount("lift_safety_manager") == 0);
  for (const char *name : {"cn-practice", "cn-standard"}) {
    CAPTURE(name);
    auto out = e;
    out.outsourced.push_back({"lift_maintenance", "x", 0, 0, 0, 0, 0, "", "owners"});
    CHECK(compute(e, norms(name)).headcount("lift_technician") == (std::string(name) == "cn-practice" ? 1 : 0));
    CHECK(compute(out, norms(name)).headcount("lift_technician") == 0);
    auto no_hv = e;
    no_hv.equipment.high_voltage_rooms = 0;
    CHECK(compute(no_hv, norms(name)).headcount("hv_duty_electrician") == 0);
    CHECK(post(compute(no_hv, norms(name)), "hv_room") == nullptr);
  }
}

TEST_CASE("compute: roles sum to departments and departments to the total, on examples and generated estates") {
  for (const auto &name : example_names())
    for (const char *ns : {"cn-practice", "cn-standard"}) {
      CAPTURE(name);
      CAPTURE(ns);
      check_sums(compute(example(name), norms(ns)));
    }
  Rng rng(20260301);
  for (int i = 0; i < 300; ++i) {
    auto e = generate(rng);
    for (const char *ns : {"cn-practice", "cn-standard"}) {
      CAPTURE(i);
      CAPTURE(ns);
      check_sums(compute(e, norms(ns)));
    }
  }
}

namespace {

using Grow = std::function<void(pm::estate::Estate &, Rng &, bool big)>;

// How to grow each quantity a norm set may use. A quantity the shipped norm sets use that has
// no entry here (nor in `not_growth`) fails the test, so a new rule can't escape it.
std::map<std::string, Grow> growers() {
  std::map<std::string, Grow> g;
  auto area = [](double pm::estate::Areas::*field) {
    return [field](pm::estate::Estate &e, Rng &r, bool big) { e.areas.*field += big ? r.between(1, 200000) : 1; };
  };
  g["area.total"] = area(&pm::estate::Areas::total);
  g["area.green"] = area(&pm::estate::Areas::green);
  g["area.residential"] = area(&pm::estate::Areas::residential);
  g["area.hard_landscape"] = area(&pm::estate::Areas::hard_landscape);
  g["area.river_frontage"] = area(&pm::estate::Areas::river_frontage);
  g["area.municipal_roads"] = area(&pm::estate::Areas::municipal_roads);
  g["area.underground_garage"] = area(&pm::estate::Areas::underground_garage);
  g["area.outdoor"] = area(&pm::estate::Areas::green);
  g["households"] = [](pm::estate::Estate &e, Rng &r, bool big) { e.households += big ? r.between(1, 3000) : 1; };
  g["parking.entrances"] = [](pm::estate::Estate &e, Rng &, bool) { e.parking_entrances += 1; };
  g["central_ac"] = [](pm::estate::Estate &e, Rng &, bool) { e.equipment.central_air_conditioning = true; };
  g["pools"] = [](pm::estate::Estate &e, Rng &r, bool) {
    e.pools.push_back({"pool", static_cast<double>(r.between(50, 800)), r.pick(entrance_hours())});
  };
  g["pools.water_area"] = [](pm::estate::Estate &e, Rng &r, bool big) {
    for (auto &p : e.pools) p.water_area += big ? r.between(1, 1000) : 1;
  };
  g["special.concierge"] = [](pm::estate::Estate &e, Rng &r, bool) {
    for (const auto &s : e.special_services)
      if (s.service == "concierge") return;
    pm::estate::SpecialService s;
    s.service = "concierge";
    s.hours = r.pick(entrance_hours());
    e.special_services.push_back(s);
  };
  g["lifts"] = [](pm::estate::Estate &e, Rng &r, bool big) { e.equipment.lifts += big ? r.between(1, 60) : 1; };
  g["high_voltage_rooms"] = [](pm::estate::Estate &e, Rng &, bool) { e.equipment.high_voltage_rooms += 1; };
  g["control_room"] = [](pm::estate::Estate &e, Rng &, bool) { e.equipment.control_room = true; };
  g["fire_control_room"] = [](pm::estate::Estate &e, Rng &, bool) { e.equipment.fire_control_room = true; };
  for (const auto &t : pm::staff::building_types())
    g["buildings." + t] = [t](pm::estate::Estate &e, Rng &r, bool big) {
      int more = big ? r.between(1, 20) : 1;
      for (auto &b : e.buildings)
        if (b.type == t) {
          b.count += more;
          return;
        }
      e.buildings.push_back({"new", t, more, 6, 0});
    };
  for (const auto &t : pm::staff::building_types())
    g["building_floors." + t] = [t](pm::estate::Estate &e, Rng &r, bool big) {
      for (auto &b : e.buildings)
        if (b.type == t) b.floors += big ? r.between(1, 30) : 1;
    };
  // Staffed entrances are what per-entrance cover rules count.
  g["entrances.staffed"] = [](pm::estate::Estate &e, Rng &r, bool) {
    for (auto &x : e.entrances)
      if (!x.staffed) {
        x.staffed = true;
        return;
      }
    pm::estate::Entrance x;
    x.name = "new gate";
    x.hours = r.pick(entrance_hours());
    e.entrances.push_back(x);
  };
  g["special.butler"] = [](pm::estate::Estate &e, Rng &r, bool) {
    for (const auto &s : e.special_services)
      if (s.service == "butler") return;
    pm::estate::SpecialService s;
    s.service = "butler";
    s.owners = r.between(1, 50);
    s.owners_per_staff = r.between(2, 6);
    e.special_services.push_back(s);
  };
  // Round-the-clock water and electrical duty replaces the general repairmen staffed by area
  // (below 50,000 m² at most 3): it never staffs fewer.
  g["special.utility_duty"] = [](pm::estate::Estate &e, Rng &, bool) {
    for (const auto &s : e.special_services)
      if (s.service == "utility_duty") return;
    pm::estate::SpecialService s;
    s.service = "utility_duty";
    s.hours = "24h";
    e.special_services.push_back(s);
  };
  g["special.butler.owners"] = [](pm::estate::Estate &e, Rng &r, bool big) {
    for (auto &s : e.special_services)
      if (s.service == "butler") {
        s.owners += big ? r.between(1, 50) : 1;
        return;
      }
  };
  return g;
}

// Quantities whose growth is meant to lower a headcount: outsourcing a service removes its
// staff; a capacity per person (owners per butler) divides.
// Giving the households (households.given) changes the basis of customer service, not its
// size; a high-voltage room fit for a single watch needs one duty electrician, not two.
bool not_growth(const std::string &q) {
  return pm::util::starts_with(q, "outsourced.") || pm::util::ends_with(q, ".owners_per_staff") ||
         q == "households.given" || q == "high_voltage_single_duty";
}

std::set<std::string> used_quantities(const pm::staff::NormSet &ns) {
  std::set<std::string> used;
  for (const auto &r : ns.rules) {
    for (const auto *q : {&r.quantity, &r.per_quantity, &r.seats_quantity})
      if (!q->empty()) used.insert(*q);
    for (const auto &c : r.when) used.insert(c.name);
    if (r.per_entrance) used.insert("entrances.staffed");
  }
  return used;
}

// One assertion per comparison (not per role): thousands of comparisons stay fast. Roles may
// change as an estate grows (a general repairman becomes an electrician and a plumber at
// 50,000 m²); departments and the total never fall.
void check_not_fewer(const Staffing &before, const Staffing &after) {
  std::string fell;
  if (after.total < before.total) fell += " total " + std::to_string(before.total) + "→" + std::to_string(after.total);
  for (const auto &d : before.departments) {
    int now = 0;
    for (const auto &a : after.departments)
      if (a.id == d.id) now = a.headcount;
    if (now < d.headcount) fell += " " + d.id + " " + std::to_string(d.headcount) + "→" + std::to_string(now);
  }
  CHECK_MESSAGE(fell.empty(), "headcount fell:" << fell);
}

} // namespace

TEST_CASE("compute: headcount never falls when an area or a count grows (generated estates)") {
  auto grow = growers();
  for (const char *name : {"cn-practice", "cn-standard"}) {
    const auto &ns = norms(name);
    std::vector<std::string> quantities;
    for (const auto &q : used_quantities(ns)) {
      if (not_growth(q)) continue;
      REQUIRE_MESSAGE(grow.count(q) == 1, name << " uses " << q << ", which this test doesn't grow yet");
      quantities.push_back(q);
    }
    CHECK(quantities.size() >= 10);
    Rng rng(42);
    for (int i = 0; i < 60; ++i) {
      auto e = generate(rng);
      Staffing before = compute(e, ns);
      for (const auto &q : quantities)
        for (bool big : {false, true}) {
          auto grown = e;
          grow[q](grown, rng, big);
          CAPTURE(name);
          CAPTURE(i);
          CAPTURE(q);
          CAPTURE(big);
          check_not_fewer(before, compute(grown, ns));
        }
      // Several at once, too.
      auto grown = e;
      for (const auto &q : quantities)
        if (rng.chance(50)) grow[q](grown, rng, true);
      CAPTURE(i);
      check_not_fewer(before, compute(grown, ns));
    }
  }
}

TEST_CASE("compute: changing one rule changes exactly the lines it makes") {
  using pm::staff::RuleKind;
  std::vector<pm::estate::Estate> estates;
  for (const auto &n : example_names()) estates.push_back(example(n));
  Rng rng(7);
  for (int i = 0; i < 20; ++i) estates.push_back(generate(rng));
  auto same = [](const pm::staff::Line &a, const pm::staff::Line &b) {
    return a.people == b.people && a.explanation.en == b.explanation.en && a.explanation.zh == b.explanation.zh &&
           a.source == b.source && a.post == b.post;
  };
  auto lines = [](const Staffing &s) {
    std::map<int, std::vector<pm::staff::Line>> by_rule;
    for (const auto &d : s.departments)
      for (const auto &r : d.roles)
        for (const auto &l : r.lines) by_rule[l.rule_line].push_back(l);
    return by_rule;
  };
  for (const char *name : {"cn-practice", "cn-standard"}) {
    const auto &base = norms(name);
    for (std::size_t k = 0; k < base.rules.size(); ++k) {
      auto changed = base;
      auto &r = changed.rules[k];
      if (r.kind == RuleKind::ratio && !r.per_by_grade.empty())
        for (auto &p : r.per_by_grade) p /= 2;
      else if (r.kind == RuleKind::ratio && r.per_quantity.empty())
        r.per = r.per / 2;
      else if (r.kind == RuleKind::fixed)
        r.count += 1;
      else if (r.kind == RuleKind::cover && r.seats_quantity.empty())
        r.seats += 1;
      else
        continue;
      CAPTURE(name);
      CAPTURE(r.line);
      bool changed_somewhere = false;
      for (const auto &e : estates) {
        auto a = lines(compute(e, base));
        auto b = lines(compute(e, changed));
        for (const auto &entry : a) {
          // Not a structured binding: clang 14 can't capture one in CHECK_MESSAGE's lambda.
          const auto rule_line = entry.first;
          const auto &la = entry.second;
          if (rule_line == r.line) continue;
          REQUIRE(b.count(rule_line) == 1);
          const auto &lb = b.at(rule_line);
          REQUIRE(la.size() == lb.size());
          for (std::size_t j = 0; j < la.size(); ++j) CHECK_MESSAGE(same(la[j], lb[j]), "rule at line " << rule_line);
        }
        if (a.count(r.line) && b.count(r.line)) {
          const auto &la = a.at(r.line);
          const auto &lb = b.at(r.line);
          for (std::size_t j = 0; j < std::min(la.size(), lb.size()); ++j)
            if (!same(la[j], lb[j])) changed_somewhere = true;
        }
        // The changed rule's own line may appear or vanish (a role rounded to 0 is not listed).
        CHECK(a.size() - a.count(r.line) == b.size() - b.count(r.line));
      }
      CHECK_MESSAGE(changed_somewhere, "the changed rule at line " << r.line << " changed nothing");
    }
  }
}

TEST_CASE("hours_per_person") {
  CHECK(pm::staff::hours_per_person(168, 3) == doctest::Approx(56));
  CHECK(pm::staff::hours_per_person(168, 0) == 0);
}
