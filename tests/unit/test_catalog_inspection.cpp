#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/inspection.hpp>
#include <pm/data/toml.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>

using namespace pm;
using pm::test::TempToml;

TEST_CASE("load_inspection_rounds: every built-in file loads without any diagnostic") {
  auto names = data::embedded_names("standards/inspection");
  REQUIRE_FALSE(names.empty());
  for (const auto &n : names) {
    CAPTURE(n);
    diag::Diagnostics d;
    auto r = catalog::load_inspection_rounds(n, fx::roles(), d);
    INFO(test::dump(d));
    CHECK(r.has_value());
    CHECK(d.empty());
  }
}

TEST_CASE("inspection_rounds: the dormitory plan's twice-daily round of utilities with its checklist") {
  const auto &ir = (*fx::context().inspections);
  const auto *u = ir.round("utilities");
  REQUIRE(u);
  CHECK(u->times_per_day == 2);
  CHECK(u->source.en.find("college student dormitories") != std::string::npos);
  CHECK(u->checks.size() == 6);
  for (const auto &r : ir.rounds) {
    CAPTURE(r.id);
    CHECK_FALSE(r.frequency.zh.empty());
    CHECK_FALSE(r.frequency.en.empty());
    for (const auto &c : r.checks) {
      CHECK_FALSE(c.item.zh.empty());
      CHECK_FALSE(c.item.en.empty());
      CHECK_FALSE(c.action.zh.empty());
      CHECK_FALSE(c.action.en.empty());
      CHECK_FALSE(c.source.empty());
    }
  }
}

TEST_CASE("for_estate: plant checks only for the plant the estate has") {
  const auto &ir = (*fx::context().inspections);
  estate::Estate bare;
  for (const auto *r : pm::staff::rounds_for(ir, &bare)) CHECK(r->id != "plant_rooms");
  estate::Estate e;
  e.equipment.booster_pump_rooms = 1;
  const auto *plant = ir.round("plant_rooms");
  REQUIRE(plant);
  auto checks = pm::staff::checks_for(*plant, &e);
  REQUIRE(checks.size() == 1);
  CHECK(checks[0]->item.zh.find("泵房") != std::string::npos);
  CHECK(pm::staff::checks_for(*plant, nullptr).size() == plant->checks.size());
}

TEST_CASE("load_inspection_rounds: a malformed file gives located errors") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[round]]
id = "Utilities"
zh = "巡视"
en = "Round"
frequency_zh = "每天 2 次"
frequency_en = "Twice a day"
times_per_day = 0
department = "maintenance"
source = "test"

[[round.check]]
zh = "排水"
en = "Drains"
action_zh = "清理"
equipment = ["lift"]
)");
  diag::Diagnostics d;
  auto r = catalog::load_inspection_rounds(f.path(), fx::roles(), d);
  INFO(test::dump(d));
  CHECK_FALSE(r.has_value());
  const auto *id = test::find_code(d, "bad-value");
  REQUIRE(id);
  CHECK(id->line == 7);
  const auto *range = test::find_code(d, "out-of-range");
  REQUIRE(range);
  CHECK(range->line == 12);
  const auto *q = test::find_code(d, "unknown-quantity");
  REQUIRE(q);
  CHECK(q->line == 20);
  CHECK(q->message.find("did you mean 'lifts'") != std::string::npos);
  const auto *m = test::find_code(d, "missing-key");
  REQUIRE(m);
  CHECK(m->message.find("action_en") != std::string::npos);
}
