#include "staff_fixtures.hpp"

#include <pm/staff/quantity.hpp>

#include <fstream>
#include <iterator>

using namespace staff_test;

TEST_CASE("quantity: every named quantity has a value, a label in both languages, and a unit") {
  auto e = example("villa-riverside");
  for (const auto &q : pm::staff::quantities()) {
    CAPTURE(q.name);
    CHECK(pm::staff::quantity(e, q.name).has_value());
    CHECK_FALSE(q.label.en.empty());
    CHECK_FALSE(q.label.zh.empty());
    CHECK(pm::staff::quantity_info(q.name) == &q);
  }
  CHECK_FALSE(pm::staff::quantity(e, "buildings.castle").has_value());
  CHECK_FALSE(pm::staff::quantity(e, "outsourced.everything").has_value());
  CHECK_FALSE(pm::staff::quantity(e, "nonsense").has_value());
}

TEST_CASE("quantity: values read from the estate") {
  auto e = example("villa-riverside");
  auto q = [&](const char *n) { return *pm::staff::quantity(e, n); };
  CHECK(q("area.total") == 60000);
  CHECK(q("area.outdoor") == 30000 + 12000 + 3000);
  CHECK(q("buildings.villa") == 48);
  CHECK(q("buildings.all") == 50);
  CHECK(q("lifts") == 4);
  CHECK(q("entrances.staffed") == 2);
  CHECK(q("entrances.staffed_24h") == 1);
  CHECK(q("outsourced.lift_maintenance") == 1);
  CHECK(q("outsourced.municipal_road_cleaning") == 0);
  CHECK(q("special.butler") == 1);
  CHECK(q("special.butler.owners") == 48);
  CHECK(q("special.butler.owners_per_staff") == 0); // the file gives teams: 3 butlers for every 4 owners
  CHECK(e.special_services.front().owners_per_team == 4);
  CHECK(e.special_services.front().team == 3);
  CHECK(q("special.concierge") == 0);
  CHECK(q("fire_control_room") == 1);
  CHECK(q("grade") == 1);
}

TEST_CASE("quantities: pm-norms(5) documents every one") {
  std::ifstream in(std::string(PM_SOURCE_DIR) + "/man/pm-norms.5");
  REQUIRE(in.good());
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto &q : pm::staff::quantities()) {
    CAPTURE(q.name);
    // As a tagged item of the list: ".It Cm NAME".
    CHECK(page.find(".It Cm " + q.name + "\n") != std::string::npos);
  }
}
