#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/quantities.hpp>
#include <pm/catalog/terms.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>

#include <string>

using namespace pm;
using pm::test::TempToml;

namespace {
bool has(const std::string &s, const std::string &w) { return s.find(w) != std::string::npos; }

// Every text of a list joined, to search.
template <class T, class F> std::string joined(const std::vector<const T *> &xs, F text) {
  std::string out;
  for (const auto *x : xs) out += text(*x).zh + "\n" + text(*x).en + "\n";
  return out;
}
} // namespace

TEST_CASE("terms: the built-in words load cleanly and name every estate type") {
  diag::Diagnostics d;
  auto t = catalog::load_terms("cn", d);
  INFO(test::dump(d));
  REQUIRE(t.has_value());
  CHECK(d.empty());
  for (const auto &type : catalog::estate_types()) {
    CAPTURE(type);
    const auto *w = t->of(type);
    REQUIRE(w != nullptr);
    for (const auto *x : {&w->estate, &w->occupants, &w->governance, &w->client, &w->grade_standard, &w->source}) {
      CHECK_FALSE(x->zh.empty());
      CHECK_FALSE(x->en.empty());
    }
  }
}

TEST_CASE("terms: each type's words, grade standard and maintenance fund") {
  const auto &t = *fx::context().terms;
  CHECK(t.of("residential")->estate.zh == "小区");
  CHECK(has(t.of("residential")->governance.zh, "业主委员会"));
  CHECK(has(t.of("residential")->grade_standard.zh, "普通住宅小区物业管理服务等级标准"));
  CHECK(t.of("residential")->maintenance_fund);
  CHECK(t.of("mixed_use")->maintenance_fund); // non-residential parts of a housing estate pay in too
  for (const char *type : {"office", "campus_dormitory", "institution", "industrial_park"}) {
    CAPTURE(type);
    const auto *w = t.of(type);
    CHECK_FALSE(w->maintenance_fund);
    CHECK_FALSE(has(w->grade_standard.zh, "普通住宅"));
    CHECK(has(w->grade_standard.zh, "合同"));
    for (const auto *x : {&w->estate, &w->occupants, &w->governance, &w->client}) {
      CHECK_FALSE(has(x->zh, "小区"));
      CHECK_FALSE(has(x->zh, "业主委员会"));
      CHECK_FALSE(has(x->zh, "住户"));
    }
  }
  CHECK(t.of("office")->estate.zh == "大厦");
  CHECK(t.of("campus_dormitory")->occupants.zh == "学生");
  CHECK(t.of("industrial_park")->estate.zh == "园区");
  CHECK(t.of("nowhere") == nullptr);
}

TEST_CASE("fill: placeholders take the estate type's words, each language its own") {
  const auto &t = *fx::context().terms;
  catalog::Text x{"负责{estate}的出入管理，服务{occupants}，向{client}汇报", "Guards the {estate} for the {occupants}"};
  auto office = catalog::fill(x, t.of("office"));
  CHECK(office.zh == "负责大厦的出入管理，服务业主和使用人，向委托方汇报");
  CHECK(office.en == "Guards the building for the owners and occupiers");
  auto campus = catalog::fill(x, t.of("campus_dormitory"));
  CHECK(has(campus.zh, "服务学生"));
  // No words: the text as it is; no placeholder: the same text.
  CHECK(catalog::fill(x, nullptr).zh == x.zh);
  catalog::Text plain{"无占位符", "none"};
  CHECK(catalog::fill(plain, t.of("office")).zh == plain.zh);
}

TEST_CASE("load_terms: a missing estate type and an unknown one are errors") {
  TempToml f(R"(
[meta]
name = "x"
title_zh = "用语"
title_en = "Words"
source = "assumption"

[[type]]
id = "offices"
estate_zh = "大厦"
estate_en = "building"
occupants_zh = "租户"
occupants_en = "tenants"
governance_zh = "委托方"
governance_en = "client"
client_zh = "委托方"
client_en = "client"
grade_standard_zh = "合同"
grade_standard_en = "contract"
maintenance_fund = false
source = "assumption"
)");
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load_terms(f.path(), d).has_value());
  std::string all = test::dump(d);
  CHECK(has(all, "offices"));
  CHECK(has(all, "residential")); // missing
}

TEST_CASE("type quantities: type.X holds for an estate of type X only") {
  auto e = fx::example("residential-145k");
  CHECK(staff::quantity(e, "type.residential").value_or(-1) == 1);
  CHECK(staff::quantity(e, "type.office").value_or(-1) == 0);
  e.type = "office";
  CHECK(staff::quantity(e, "type.office").value_or(-1) == 1);
  CHECK(catalog::quantity_info("type.industrial_park") != nullptr);
  CHECK(catalog::quantity_info("type.castle") == nullptr);
}

TEST_CASE("conditions: no lift, control-room or camera duty or step for an estate without them") {
  const auto &ctx = fx::context();
  auto e = fx::example("residential-145k");
  // With the plant: the lift-car cleaning, the control room and the CCTV steps are there.
  auto with = [&](const estate::Estate &x) {
    std::string s;
    for (const auto &r : ctx.roles.roles)
      s += joined(staff::duties_for(r, &x), [](const catalog::Text &t) { return t; });
    for (const auto *p : staff::procedures_for(*ctx.emergency, &x))
      s += joined(staff::steps_for(*p, &x), [](const catalog::ProcedureStep &st) { return st.text; });
    s += joined(staff::escalation_for(ctx.emergency->escalation, &x),
                [](const catalog::EscalationStep &st) { return st.action; });
    for (const auto &i : ctx.service_standards->items)
      if (staff::applies(i.applies_to, x)) s += i.name.zh + "\n";
    return s;
  };
  e.equipment.lifts = 12;
  e.equipment.control_room = true;
  e.equipment.cctv_cameras = 80;
  std::string full = with(e);
  CHECK(has(full, "电梯轿厢"));
  CHECK(has(full, "中央控制室"));
  CHECK(has(full, "监控录像"));

  e.equipment.lifts = 0;
  e.equipment.control_room = false;
  e.equipment.cctv_cameras = 0;
  std::string bare = with(e);
  // The role catalogue still has the lift technician's duties (a post staffed only with lifts):
  // look at the duties of roles every estate has, the steps and the chain.
  CHECK_FALSE(has(bare, "电梯轿厢"));
  CHECK_FALSE(has(bare, "中央控制室"));
  CHECK_FALSE(has(bare, "监控录像"));
  CHECK_FALSE(has(bare, "禁止乘坐电梯"));
  CHECK(has(bare, "物业服务中心值班电话")); // the chain's first link without a control room
  CHECK(has(bare, "逐层搜寻被困人员"));     // the fire step without lifts
}
