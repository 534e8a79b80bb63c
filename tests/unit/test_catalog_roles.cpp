#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/roles.hpp>
#include <pm/res/resources.hpp>
#include <pm/staff/applicable.hpp>

#include <nlohmann/json.hpp>

using namespace pm;
using pm::test::TempToml;

TEST_CASE("load: the built-in role catalogue loads without any diagnostic") {
  diag::Diagnostics d;
  auto c = catalog::load("cn", d);
  INFO(test::dump(d));
  REQUIRE(c.has_value());
  CHECK(d.empty());
  CHECK(c->roles.size() >= 20);
}

TEST_CASE("load: every role has 3 to 6 duties in both languages, a source and requirements") {
  const auto &c = fx::roles();
  // Some duties have a variant for estates without the plant (a control room): an estate reads
  // 3 to 6 of them.
  const auto estate = fx::example("residential-145k");
  for (const auto &r : c.roles) {
    CAPTURE(r.id);
    CHECK(r.duties.size() == r.duty_applies.size());
    CHECK(staff::duties_for(r, &estate).size() >= 3);
    CHECK(staff::duties_for(r, &estate).size() <= 6);
    for (const auto &d : r.duties) {
      CHECK_FALSE(d.zh.empty());
      CHECK_FALSE(d.en.empty());
      CHECK(d.zh != d.en);
    }
    CHECK_FALSE(r.source.empty());
    CHECK_FALSE(r.requirements.source.empty());
    CHECK_FALSE(r.requirements.education.zh.empty());
    CHECK_FALSE(r.requirements.education.en.empty());
    CHECK(r.requirements.max_age >= 0);
    // A post's own licence is among its requirements.
    if (!r.licence.empty())
      CHECK(std::find(r.requirements.licences.begin(), r.requirements.licences.end(), r.licence) !=
            r.requirements.licences.end());
    for (const auto &l : r.requirements.licences) CHECK(c.licence(l) != nullptr);
  }
}

TEST_CASE("load: the restructuring plan's terms reach the supervisors") {
  const auto &c = fx::roles();
  const auto *m = c.role("maintenance_supervisor");
  REQUIRE(m);
  CHECK(m->requirements.max_age == 45);
  CHECK(m->requirements.experience_years == 10);
  CHECK(m->requirements.education.zh == "大专及以上");
  CHECK(m->requirements.source.en.find("restructured property-management centre") != std::string::npos);
  const auto *s = c.role("security_supervisor");
  REQUIRE(s);
  CHECK(s->requirements.experience_years == 5);
  CHECK(s->requirements.licences == std::vector<std::string>{"security_guard"});
  // Figures that rest on no plan in practice or public source say they are assumptions.
  CHECK(catalog::illustrative(c.role("indoor_cleaner")->requirements.source));
}

TEST_CASE("load: the licence ids are those of the estate format") {
  auto schema = res::get("schemas/estate.schema.json");
  REQUIRE(schema.has_value());
  auto j = nlohmann::json::parse(*schema);
  auto ids = j["properties"]["staff"]["items"]["properties"]["licences"]["items"]["enum"];
  REQUIRE(ids.is_array());
  const auto &c = fx::roles();
  CHECK(c.licences.size() == ids.size());
  for (const auto &id : ids) {
    CAPTURE(id.get<std::string>());
    const auto *l = c.licence(id.get<std::string>());
    REQUIRE(l);
    CHECK_FALSE(l->name.zh.empty());
    CHECK_FALSE(l->name.en.empty());
    CHECK_FALSE(l->source.empty());
  }
}

TEST_CASE("roles_of: lists a department's roles in file order") {
  auto roles = fx::roles().roles_of("customer_service");
  REQUIRE(roles.size() >= 2);
  CHECK(roles[0]->id == "cs_supervisor");
}

namespace {
const char *const good_head = R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[department]]
id = "ops"
zh = "运行"
en = "Operations"

[[licence]]
id = "driver"
zh = "驾驶证"
en = "Driving licence"
source = "test"
)";
} // namespace

TEST_CASE("load: a malformed role gives located errors") {
  TempToml f(std::string(good_head) + R"(
[[role]]
id = "porter"
department = "ops"
zh = "搬运工"
en = "Porter"
licence = "drivr"
source = "test"
duties = [
  { zh = "搬运", en = "Carries" },
  { zh = "只有中文" },
]

[role.requirements]
max_age = "forty"
education_zh = "初中"
education_en = "Junior middle school"
licenses = ["driver"]
source = "test"
)");
  diag::Diagnostics d;
  auto c = catalog::load(f.path(), d);
  INFO(test::dump(d));
  CHECK_FALSE(c.has_value());
  const auto *lic = test::find_code(d, "unknown-licence");
  REQUIRE(lic);
  CHECK(lic->line == 22);
  CHECK(lic->column == 11);
  CHECK(lic->message.find("did you mean 'driver'") != std::string::npos);
  CHECK(lic->file == f.path());
  const auto *missing = test::find_code(d, "missing-key");
  REQUIRE(missing);
  CHECK(missing->line == 26); // the duty without English
  const auto *type = test::find_code(d, "wrong-type");
  REQUIRE(type);
  CHECK(type->line == 30);
  const auto *key = test::find_code(d, "unknown-key");
  REQUIRE(key);
  CHECK(key->line == 33);
  CHECK(key->message.find("did you mean 'licences'") != std::string::npos);
}

TEST_CASE("load: duties need a source") {
  TempToml f(std::string(good_head) + R"(
[[role]]
id = "porter"
department = "ops"
zh = "搬运工"
en = "Porter"
duties = [{ zh = "搬运", en = "Carries" }]
)");
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load(f.path(), d).has_value());
  CHECK(test::find_code(d, "missing-source"));
}
