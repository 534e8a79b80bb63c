#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/emergency.hpp>
#include <pm/data/toml.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>

using namespace pm;
using pm::test::TempToml;

TEST_CASE("load_emergency_procedures: every built-in file loads without any diagnostic") {
  auto names = data::embedded_names("standards/emergency");
  REQUIRE_FALSE(names.empty());
  for (const auto &n : names) {
    CAPTURE(n);
    diag::Diagnostics d;
    auto e = catalog::load_emergency_procedures(n, d);
    INFO(test::dump(d));
    CHECK(e.has_value());
    CHECK(d.empty());
  }
}

TEST_CASE("emergency_procedures: the 145,000 m² plan's six incidents, each with steps and a chain") {
  const auto &ep = (*fx::context().emergency);
  for (const char *id : {"fire", "flooding", "lift_entrapment", "power_cut", "violence", "theft"}) {
    CAPTURE(id);
    const auto *p = ep.procedure(id);
    REQUIRE(p);
    CHECK_FALSE(p->name.zh.empty());
    CHECK_FALSE(p->name.en.empty());
    CHECK(p->source.en.find("145,000 m²") != std::string::npos);
    CHECK(p->steps.size() >= 3);
    for (const auto &s : p->steps) {
      CHECK_FALSE(s.text.zh.empty());
      CHECK_FALSE(s.text.en.empty());
      CHECK_FALSE(s.source.empty());
    }
    CHECK(p->escalation.size() >= 3);
    for (const auto &c : p->calls) CHECK(ep.contact(c));
  }
}

TEST_CASE("emergency_procedures: the villa estate's chain ends with the duty manager's decision") {
  const auto &ep = (*fx::context().emergency);
  // The villa estate (a control room, door-entry intercoms, butlers) reads its own plan's chain.
  auto villa = fx::example("villa-riverside");
  auto chain = staff::escalation_for(ep.escalation, &villa);
  REQUIRE(chain.size() == 4);
  CHECK(chain.front()->source.en.find("riverside villa") != std::string::npos);
  CHECK(chain.front()->action.zh.find("中央控制室") != std::string::npos);
  CHECK(chain.back()->who.en == "Duty manager");
  CHECK(chain.back()->action.zh.find("110、119、120") != std::string::npos);
  // The step the plan lost is labelled as reconstructed.
  CHECK(catalog::illustrative(chain[1]->source));
  // Without a control room, the chain starts at the property service centre's duty telephone.
  villa.equipment.control_room = false;
  auto bare = staff::escalation_for(ep.escalation, &villa);
  REQUIRE(bare.size() == 4);
  CHECK(bare.front()->action.zh.find("物业服务中心值班电话") != std::string::npos);
  for (const auto *x : bare) CHECK(x->action.zh.find("中央控制室") == std::string::npos);
  // Fire departs from it: anyone calls 119 at once.
  const auto *fire = ep.procedure("fire");
  CHECK(fire->escalation_note.zh.find("119") != std::string::npos);
  CHECK_FALSE(fire->escalation_note_source.empty());
  CHECK(ep.contact("fire")->number == "119");
  CHECK(ep.contact("lift_contractor")->number.empty());
}

TEST_CASE("for_estate: no lift entrapment procedure without lifts") {
  const auto &ep = (*fx::context().emergency);
  estate::Estate e;
  auto without = pm::staff::procedures_for(ep, &e);
  CHECK(without.size() == ep.procedures.size() - 1);
  for (const auto *p : without) CHECK(p->id != "lift_entrapment");
  e.equipment.lifts = 2;
  CHECK(pm::staff::procedures_for(ep, &e).size() == ep.procedures.size());
}

TEST_CASE("load_emergency_procedures: a procedure's own chain replaces the default") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[escalation]]
who_zh = "业主"
who_en = "Owner"
action_zh = "报警"
action_en = "Raises the alarm"
source = "test"

[[procedure]]
id = "gas"
zh = "燃气泄漏"
en = "Gas leak"
source = "test"

[[procedure.step]]
zh = "开窗"
en = "Open the windows"

[[procedure.escalation]]
who_zh = "燃气公司"
who_en = "Gas company"
action_zh = "抢修"
action_en = "Repairs"
source = "test"
)");
  diag::Diagnostics d;
  auto ep = catalog::load_emergency_procedures(f.path(), d);
  INFO(test::dump(d));
  REQUIRE(ep.has_value());
  CHECK(d.empty());
  const auto *p = ep->procedure("gas");
  REQUIRE(p);
  REQUIRE(p->escalation.size() == 1);
  CHECK(p->escalation[0].who.en == "Gas company");
  CHECK(p->steps.at(0).source == pm::i18n::Text::same("test"));
}

TEST_CASE("load_emergency_procedures: a malformed file gives located errors") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[escalation]]
who_zh = "业主"
action_zh = "报警"
action_en = "Raises the alarm"
source = "test"

[[procedure]]
id = "fire"
zh = "火灾"
en = "Fire"
source = "test"
calls = ["polise"]

[[contact]]
id = "police"
number = "110"
zh = "公安"
en = "Police"
source = "test"
)");
  diag::Diagnostics d;
  auto ep = catalog::load_emergency_procedures(f.path(), d);
  INFO(test::dump(d));
  CHECK_FALSE(ep.has_value());
  const auto *who = test::find_code(d, "missing-key");
  REQUIRE(who);
  CHECK(who->line == 6);
  CHECK(who->message.find("who_en") != std::string::npos);
  const auto *call = test::find_code(d, "unknown-contact");
  REQUIRE(call);
  CHECK(call->line == 17);
  CHECK(call->message.find("did you mean 'police'") != std::string::npos);
  // The procedure has no steps.
  bool steps = false;
  for (const auto &x : d) steps = steps || (x.code == "missing-key" && x.message.find("'step'") != std::string::npos);
  CHECK(steps);
}
