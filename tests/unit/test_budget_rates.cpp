#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/budget/rates.hpp>

#include <string>

using namespace pm;
using namespace pm::budget;

namespace {

const char *const fee = R"(
[fee]
profit_rate = 0.1
tax_rate = 0.055
vat_rate = 0.06
remuneration_rate = 0.1
source = "test"
)";

struct Parsed {
  std::optional<Rates> rates;
  diag::Diagnostics d;
};

Parsed parse(const std::string &text) {
  Parsed p;
  p.rates = parse_rates(text, "r.toml", "r.toml", fx::roles(), p.d);
  return p;
}

const diag::Diagnostic *find(const Parsed &p, const std::string &code) {
  for (const auto &d : p.d)
    if (d.code == code) return &d;
  return nullptr;
}

} // namespace

TEST_CASE("load_rates reads the built-in example cleanly") {
  diag::Diagnostics d;
  bool io = false;
  auto r = load_rates("", fx::roles(), d, &io);
  REQUIRE(r);
  CHECK(d.empty());
  CHECK_FALSE(io);
  CHECK(r->name == "example");
  CHECK(r->illustrative);
  CHECK(r->wages.present);
  CHECK(r->social_insurance.pension == 0.16);
  CHECK(r->fee.vat_rate == 0.06);
  CHECK_FALSE(r->section("energy").empty());
  // Every role of the catalogue gets a wage, from its role or its department.
  for (const auto &role : fx::roles().roles)
    CHECK_MESSAGE((r->wages.by_role.count(role.id) || r->wages.by_department.count(role.department)), role.id);
}

TEST_CASE("load_rates reports an unknown built-in name as an I/O error with did-you-mean") {
  diag::Diagnostics d;
  bool io = false;
  CHECK_FALSE(load_rates("exampel", fx::roles(), d, &io));
  CHECK(io);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "unknown-name");
  CHECK(d[0].message.find("did you mean 'example'") != std::string::npos);
}

TEST_CASE("parse_rates locates an unknown key and suggests the right one") {
  auto p = parse(
      std::string(
          "[meta]\ntitle_en = \"t\"\n\n[levies]\nwelfare = 0.14\nunon = 0.02\ntraining = 0.015\nsource = \"s\"\n") +
      fee);
  CHECK_FALSE(p.rates);
  auto *d = find(p, "unknown-key");
  REQUIRE(d);
  CHECK(d->file == "r.toml");
  CHECK(d->line == 6);
  CHECK(d->column == 1);
  CHECK(d->message == "unknown key 'unon'; did you mean 'union'?");
  CHECK(d->message_zh.find("union") != std::string::npos);
  // The misspelt key leaves 'union' missing, reported at its table.
  auto *m = find(p, "missing-key");
  REQUIRE(m);
  CHECK(m->line == 4);
}

TEST_CASE("parse_rates rejects a percentage written as a whole number") {
  auto p = parse(std::string("[meta]\n[housing_fund]\nrate = 12\nsource = \"s\"\n") + fee);
  CHECK_FALSE(p.rates);
  auto *d = find(p, "out-of-range");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->column == 8);
  CHECK(d->message.find("0.16") != std::string::npos);
}

TEST_CASE("parse_rates requires a source for every table of figures") {
  auto p = parse(std::string("[meta]\n[uniforms]\nper_head_year = 800\n") + fee);
  CHECK_FALSE(p.rates);
  auto *d = find(p, "missing-source");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 1);
}

TEST_CASE("parse_rates checks entries: quantity names, one rate, kWh price, departments") {
  auto p = parse(
      std::string("[meta]\n"
                  "[[energy]]\nid = \"a\"\nen = \"A\"\nquantity = \"lift\"\nkwh = 1\nsource = \"s\"\n"       // 2-7
                  "[[energy]]\nid = \"b\"\nen = \"B\"\nrate = 1\nrate_month = 1\nsource = \"s\"\n"           // 8-13
                  "[[office]]\nid = \"c\"\nen = \"C\"\nrate = 1\ndepartment = \"securty\"\nsource = \"s\"\n" // 14-19
                  "[[office]]\nid = \"c\"\nen = \"C2\"\nrate = 1\nsource = \"s\"\n") +                       // 20-24
      fee);
  CHECK_FALSE(p.rates);
  auto *q = find(p, "unknown-quantity");
  REQUIRE(q);
  CHECK(q->line == 5);
  CHECK(q->message == "unknown quantity 'lift'; did you mean 'lifts'?");
  auto *price = find(p, "missing-key");
  REQUIRE(price);
  CHECK(price->line == 2);
  CHECK(price->message.find("price") != std::string::npos);
  auto *both = find(p, "conflicting-keys");
  REQUIRE(both);
  CHECK(both->line == 8);
  auto *dep = find(p, "unknown-department");
  REQUIRE(dep);
  CHECK(dep->line == 18);
  CHECK(dep->message.find("did you mean 'security'") != std::string::npos);
  auto *dup = find(p, "duplicate-id");
  REQUIRE(dup);
  CHECK(dup->line == 21);
}

TEST_CASE("parse_rates checks wage tables against the role catalogue") {
  auto p = parse(
      std::string(
          "[meta]\n[wages]\nsource = \"s\"\n[wages.role]\ngate_gaurd = 4800\n[wages.department]\nsecurity = -1\n") +
      fee);
  CHECK_FALSE(p.rates);
  auto *r = find(p, "unknown-role");
  REQUIRE(r);
  CHECK(r->line == 5);
  CHECK(r->column == 1);
  CHECK(r->message == "unknown role 'gate_gaurd'; did you mean 'gate_guard'?");
  auto *b = find(p, "out-of-range");
  REQUIRE(b);
  CHECK(b->line == 7);
}

TEST_CASE("parse_rates needs [fee] and reports TOML syntax errors with their position") {
  auto p = parse("[meta]\n");
  CHECK_FALSE(p.rates);
  CHECK(find(p, "missing-key"));
  auto s = parse("[meta]\nx = = 1\n");
  CHECK_FALSE(s.rates);
  auto *d = find(s, "toml-syntax");
  REQUIRE(d);
  CHECK(d->line == 2);
}

TEST_CASE("parse_rates reads entries, assets and the electricity price") {
  auto p = parse(
      std::string(
          "[meta]\nillustrative = true\n"
          "[electricity]\nprice = 0.5\nsource = \"e\"\n"
          "[[energy]]\nid = \"lifts\"\nzh = \"电梯\"\nen = \"Lifts\"\nquantity = \"lifts\"\nkwh = 100\nsource = \"s\"\n"
          "[depreciation]\nsalvage_rate = 0.04\nsource = \"d\"\n"
          "[[depreciation.asset]]\nid = \"pc\"\nen = \"PC\"\ncost = 1000\nlife_years = 3\nsource = \"a\"\n") +
      fee);
  REQUIRE(p.rates);
  CHECK(p.rates->illustrative);
  REQUIRE(p.rates->section("energy").size() == 1);
  const Entry &e = p.rates->section("energy")[0];
  CHECK(e.kind == RateKind::kwh);
  CHECK(e.price == 0.5);
  CHECK(e.quantity == "lifts");
  REQUIRE(p.rates->assets.size() == 1);
  CHECK(p.rates->assets[0].salvage_rate == 0.04);
  CHECK(p.rates->fee.tax_rate == 0.055);
}
