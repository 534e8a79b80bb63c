#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/data/toml.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>

using namespace pm;
using pm::test::TempToml;

namespace {
// The plan 1 estate's plant, enough for the calendar.
estate::Estate plan1() {
  estate::Estate e;
  e.grade = 2;
  e.areas.total = 145000;
  e.areas.green = 17000;
  e.equipment.lifts = 25;
  e.equipment.substations = 1;
  e.equipment.high_voltage_rooms = 1;
  e.equipment.heat_exchange_stations = 1;
  e.equipment.booster_pump_rooms = 1;
  e.equipment.control_room = true;
  e.equipment.cctv_cameras = 120;
  return e;
}

std::vector<std::string> ids(const std::vector<const catalog::MaintenanceTask *> &tasks) {
  std::vector<std::string> out;
  for (const auto *t : tasks) out.push_back(t->id);
  return out;
}

bool has(const std::vector<std::string> &v, const std::string &s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
} // namespace

TEST_CASE("load_maintenance_calendar: every built-in file loads without any diagnostic") {
  auto names = data::embedded_names("standards/maintenance");
  REQUIRE_FALSE(names.empty());
  for (const auto &n : names) {
    CAPTURE(n);
    diag::Diagnostics d;
    auto c = catalog::load_maintenance_calendar(n, fx::roles(), d);
    INFO(test::dump(d));
    CHECK(c.has_value());
    CHECK(d.empty());
  }
}

TEST_CASE("maintenance_calendar: every task is complete, in both languages, with a source") {
  const auto &cal = (*fx::context().maintenance);
  CHECK(cal.tasks.size() >= 10);
  for (const auto &t : cal.tasks) {
    CAPTURE(t.id);
    CHECK_FALSE(t.name.zh.empty());
    CHECK_FALSE(t.name.en.empty());
    CHECK_FALSE(t.frequency.zh.empty());
    CHECK_FALSE(t.frequency.en.empty());
    CHECK_FALSE(t.source.empty());
    CHECK(fx::roles().department(t.department));
    CHECK(std::is_sorted(t.months.begin(), t.months.end()));
  }
}

TEST_CASE("in_month: the spring and autumn inspections of the 145,000 m² plan fall in April and October") {
  const auto &cal = (*fx::context().maintenance);
  const auto *t = cal.task("plant_inspection");
  REQUIRE(t);
  CHECK(t->months == std::vector<int>{4, 10});
  CHECK(t->source.en.find("145,000 m² residential estate") != std::string::npos);
  CHECK(t->applies_to.always());
  CHECK_FALSE(catalog::illustrative(t->source));
  CHECK_FALSE(catalog::unverified(t->source));
  // Checked against the regulation's text: cited plainly, not as unverified.
  CHECK_FALSE(catalog::unverified(cal.task("lift_servicing")->source));
  CHECK(has(ids(cal.in_month(4)), "plant_inspection"));
  CHECK(has(ids(cal.in_month(10)), "plant_inspection"));
  CHECK_FALSE(has(ids(cal.in_month(5)), "plant_inspection"));
  // Water tanks are cleaned twice a year.
  const auto *w = cal.task("water_tank_cleaning");
  REQUIRE(w);
  CHECK(w->months.size() == 2);
}

TEST_CASE("for_estate: only the tasks for the plant the estate has") {
  const auto &cal = (*fx::context().maintenance);
  auto e = plan1();
  auto with = ids(pm::staff::tasks_for(cal, &e));
  CHECK(has(with, "lift_servicing"));
  CHECK(has(with, "heating_start"));
  CHECK(has(with, "hv_preventive_test"));
  CHECK(has(with, "cctv_check"));
  CHECK_FALSE(has(with, "water_features_winter")); // no water features in plan 1

  estate::Estate bare;
  auto without = ids(pm::staff::tasks_for(cal, &bare));
  CHECK(has(without, "plant_inspection"));
  for (const char *id : {"lift_servicing", "lift_periodic_inspection", "heating_start", "heating_end",
                         "hv_preventive_test", "water_tank_cleaning", "cctv_check", "pest_control"}) {
    CAPTURE(id);
    CHECK_FALSE(has(without, id));
  }
  // Every month of a bare estate still has something only if a task applies to it.
  for (int m = 1; m <= 12; ++m)
    for (const auto *t : pm::staff::tasks_in_month(cal, m, &bare)) CHECK(pm::staff::applies(t->applies_to, bare));
  // Without an estate, everything.
  CHECK(pm::staff::tasks_for(cal, nullptr).size() == cal.tasks.size());
}

TEST_CASE("by_contractor: outsourced lift maintenance moves the task to the contractor") {
  const auto &cal = (*fx::context().maintenance);
  const auto *t = cal.task("lift_servicing");
  REQUIRE(t);
  CHECK(t->every_month());
  auto e = plan1();
  CHECK_FALSE(pm::staff::by_contractor(*t, e));
  e.outsourced.push_back({"lift_maintenance", "某电梯公司", 48000, 0, 0, 0, 0, "", "owners"});
  CHECK(pm::staff::by_contractor(*t, e));
  CHECK_FALSE(pm::staff::by_contractor(*cal.task("plant_inspection"), e));
}

TEST_CASE("unscheduled: tasks without a fixed month") {
  auto e = plan1();
  auto u = ids(pm::staff::unscheduled_tasks(*fx::context().maintenance, &e));
  CHECK(has(u, "lift_periodic_inspection"));
}

TEST_CASE("load_maintenance_calendar: a malformed file gives located errors") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[task]]
id = "tanks"
zh = "水箱清洗"
en = "Tank cleaning"
frequency_zh = "每年 2 次"
frequency_en = "Twice a year"
months = [5, 13]
department = "maintenence"
equipment = ["booster_pump_room"]
when = "grade <="
contractor_service = "lift_maintenace"
source = "test"

[[task]]
id = "tanks"
zh = "x"
en = "x"
frequency_zh = "x"
frequency_en = "x"
months = "monthly"
department = "maintenance"
sorce = "test"
)");
  diag::Diagnostics d;
  auto c = catalog::load_maintenance_calendar(f.path(), fx::roles(), d);
  INFO(test::dump(d));
  CHECK_FALSE(c.has_value());
  struct Want {
    const char *code;
    int line;
    const char *hint;
  };
  for (const Want &w :
       {Want{"out-of-range", 12, ""}, Want{"unknown-department", 13, "did you mean 'maintenance'"},
        Want{"unknown-quantity", 14, "did you mean 'booster_pump_rooms'"}, Want{"bad-condition", 15, ""},
        Want{"unknown-service", 16, "did you mean 'lift_maintenance'"}, Want{"duplicate-id", 20, ""},
        Want{"bad-value", 25, ""}, Want{"unknown-key", 27, "did you mean 'source'"}, Want{"missing-source", 19, ""}}) {
    CAPTURE(w.code);
    const auto *x = test::find_code(d, w.code);
    REQUIRE(x);
    CHECK(x->line == w.line);
    CHECK(x->file == f.path());
    CHECK(x->message.find(w.hint) != std::string::npos);
    CHECK_FALSE(x->message_zh.empty());
  }
}

TEST_CASE("load_maintenance_calendar: [meta] and its source are required") {
  TempToml f(R"([[task]]
id = "x"
zh = "x"
en = "x"
frequency_zh = "x"
frequency_en = "x"
months = []
department = "maintenance"
source = "test"
)");
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load_maintenance_calendar(f.path(), fx::roles(), d).has_value());
  const auto *m = test::find_code(d, "missing-key");
  REQUIRE(m);
  CHECK(m->message.find("[meta]") != std::string::npos);
}
