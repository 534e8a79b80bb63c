#include <doctest/doctest.h>

#include <pm/app/compare.hpp>

using namespace pm;

TEST_CASE("parse_variant reads a label and its settings") {
  auto v = app::parse_variant("  精简方案： norms=cn-practice， grade=3, rates=chongqing ");
  REQUIRE(v);
  CHECK(v->label == "精简方案");
  CHECK(v->norms == "cn-practice");
  CHECK(v->grade == 3);
  CHECK(v->rates == "chongqing");
  CHECK(v->labor.empty());
  CHECK(v->text == "精简方案： norms=cn-practice， grade=3, rates=chongqing");

  auto plain = app::parse_variant("rates=./my:rates.toml");
  REQUIRE(plain);
  CHECK(plain->label.empty()); // the colon after '=' is the value's
  CHECK(plain->rates == "./my:rates.toml");

  auto only = app::parse_variant("As written:");
  REQUIRE(only);
  CHECK(only->label == "As written");
  CHECK(only->empty());
}

TEST_CASE("parse_variant: outsourcing, its prices and environment") {
  auto v = app::parse_variant("outsource=security:1.2/m2, outsource=lift_maintenance:48000, inhouse=greening");
  REQUIRE(v);
  REQUIRE(v->outsource.size() == 2);
  CHECK(v->outsource[0].service == "security");
  CHECK(v->outsource[0].per_m2_month == doctest::Approx(1.2));
  CHECK(v->outsource[0].annual == 0);
  CHECK(v->outsource[1].annual == doctest::Approx(48000));
  CHECK(v->inhouse == std::vector<std::string>{"greening"});

  auto env = app::parse_variant("outsource=environment");
  REQUIRE(env);
  REQUIRE(env->outsource.size() == 2);
  CHECK(env->outsource[0].service == "cleaning");
  CHECK(env->outsource[1].service == "greening");
  CHECK_FALSE(env->outsource[0].priced());
}

TEST_CASE("parse_variant refuses what it can't read, saying why") {
  auto key = app::parse_variant("norm=cn-practice");
  REQUIRE_FALSE(key);
  CHECK(key.error().en.find("did you mean 'norms'") != std::string::npos);
  CHECK_FALSE(app::parse_variant("grade=5"));
  CHECK_FALSE(app::parse_variant("grade=two"));
  CHECK_FALSE(app::parse_variant("norms=a, norms=b"));
  CHECK_FALSE(app::parse_variant("norms"));
  CHECK_FALSE(app::parse_variant("norms="));
  auto service = app::parse_variant("outsource=securty");
  REQUIRE_FALSE(service);
  CHECK(service.error().en.find("did you mean 'security'") != std::string::npos);
  CHECK_FALSE(app::parse_variant("outsource=security:cheap"));
  CHECK_FALSE(app::parse_variant("outsource=security:-3"));
  CHECK_FALSE(app::parse_variant("outsource=environment:100000"));
  CHECK_FALSE(app::parse_variant("outsource=security, inhouse=security"));
}

TEST_CASE("compare: one variant is set against the estate as written") {
  app::CompareRequest r;
  r.estates = {std::string(PM_SOURCE_DIR) + "/tests/compare/compound.yaml"};
  auto v = app::parse_variant("outsource=security:1.2/m2");
  REQUIRE(v);
  r.variants = {*v};
  auto done = app::compare(r);
  REQUIRE(done.comparison);
  const auto &cmp = *done.comparison;
  REQUIRE(cmp.variants.size() == 2);
  CHECK_FALSE(cmp.variants[0].spec);
  CHECK(cmp.variants[1].spec);
  CHECK(cmp.variants[0].plan.estate.outsourced.empty());
  REQUIRE(cmp.variants[1].plan.estate.outsourced.size() == 1);
  CHECK(cmp.variants[1].plan.staffing.total < cmp.variants[0].plan.staffing.total);
  bool security = false;
  for (const auto &d : cmp.departments)
    if (d.id == "security") {
      security = true;
      CHECK(d.headcount[1] < d.headcount[0]);
    }
  CHECK(security);
  for (const auto &role : cmp.roles) CHECK(role.headcount[0] != role.headcount[1]);
}

TEST_CASE("compare: an unknown norm set is an I/O error before any estate is read") {
  app::CompareRequest r;
  r.estates = {"/nonexistent/estate.yaml"};
  auto v = app::parse_variant("norms=cn-nothing");
  REQUIRE(v);
  r.variants = {*v, *v};
  auto done = app::compare(r);
  CHECK_FALSE(done.comparison);
  CHECK(done.status == app::Status::io);
  REQUIRE_FALSE(done.diagnostics.empty());
  CHECK(done.diagnostics.front().code == "unknown-name");
}
