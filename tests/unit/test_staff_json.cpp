#include "staff_fixtures.hpp"

#include <pm/staff/json.hpp>

#include <nlohmann/json.hpp>

using namespace staff_test;

TEST_CASE("to_json: the documented fields, in one language, summing up") {
  auto s = compute(example("residential-145k"), norms("cn-practice"));
  for (bool zh : {true, false}) {
    auto j = pm::staff::to_json(s, zh);
    CHECK(j["estate"] == "residential-145k");
    CHECK(j["norms"] == "cn-practice");
    CHECK(j["labor"] == "cn");
    CHECK(j["lang"] == (zh ? "zh" : "en"));
    CHECK(j["total"] == 39);
    int total = 0;
    for (const auto &d : j["departments"]) {
      int sum = 0;
      for (const auto &r : d["roles"]) {
        sum += r["headcount"].get<int>();
        CHECK_FALSE(r["explanation"].get<std::string>().empty());
        CHECK_FALSE(r["source"].get<std::string>().empty());
      }
      CHECK(sum == d["headcount"].get<int>());
      total += sum;
    }
    CHECK(total == 39);
    CHECK(j["departments"][0]["name"] == (zh ? "项目管理处" : "Management"));
    CHECK(j["warnings"].size() == s.warnings.size());
    CHECK(j["indicators"]["band"]["building_type"] == "high_rise");
  }
  auto j = pm::staff::to_json(s, false);
  // Two rules make the indoor cleaners: both explanations and both sources, in order.
  const auto &env = j["departments"][4];
  REQUIRE(env["id"] == "environment");
  const auto &cleaners = env["roles"][1];
  CHECK(cleaners["explanation"] ==
        "9 high-rise buildings ÷ 3 per person = 3; 6 multi-storey buildings ÷ 3 per person = 2");
  CHECK(cleaners["lines"].size() == 2);
  // A duty has no people of its own and no hours per person.
  bool duty = false;
  for (const auto &p : j["posts"])
    if (p["duty"] == true) {
      duty = true;
      CHECK(p["people"] == 0);
      CHECK(p["hours_per_person"].is_null());
    }
  CHECK(duty);
}
