#include "staff_fixtures.hpp"

#include <pm/data/toml.hpp>
#include <pm/staff/quantity.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace staff_test;
using pm::staff::load_norms;

namespace {

// Writes `text` to a fresh file and loads it as a norm set.
struct Loaded {
  std::optional<pm::staff::NormSet> ns;
  pm::diag::Diagnostics d;
  std::string file;
  bool has(const std::string &code, int line = 0) const {
    for (const auto &x : d)
      if (x.code == code && (line == 0 || x.line == line)) return true;
    return false;
  }
  std::string all() const {
    std::string s;
    for (const auto &x : d)
      s += std::to_string(x.line) + ":" + std::to_string(x.column) + " " + x.message + " [" + x.code + "]\n";
    return s;
  }
};

std::string temp_file(const std::string &name, const std::string &text) {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "pm-unit-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    return std::filesystem::path(tmpl);
  }();
  auto p = dir / name;
  std::ofstream(p) << text;
  return p.string();
}

const char *meta = "[meta]\nsource = \"test\"\n";

Loaded norms_from(const std::string &text) {
  Loaded l;
  l.file = temp_file("n.toml", text);
  l.ns = load_norms(l.file, fx::roles(), l.d);
  return l;
}

Loaded rule(const std::string &body) { return norms_from(std::string(meta) + "[[rule]]\n" + body); }

} // namespace

TEST_CASE("load_norms: the shipped norm sets load cleanly and cite a source for every rule") {
  for (const auto &name : pm::data::embedded_names("norms")) {
    CAPTURE(name);
    pm::diag::Diagnostics d;
    auto ns = load_norms(name, fx::roles(), d);
    REQUIRE(ns.has_value());
    CHECK(d.empty());
    CHECK_FALSE(ns->source.empty());
    CHECK_FALSE(ns->rules.empty());
    for (const auto &r : ns->rules) CHECK_MESSAGE(!r.source.empty(), "rule at line " << r.line);
    for (const auto &b : ns->bands) CHECK_FALSE(b.source.empty());
  }
  CHECK(norms("cn-practice").cover_method == pm::staff::CoverMethod::per_shift);
  CHECK(norms("cn-standard").cover_method == pm::staff::CoverMethod::labour);
}

TEST_CASE("load_norms: a good rule of each kind") {
  auto l = rule("role = \"gardener\"\nkind = \"ratio\"\nquantity = \"area.green\"\nper = 5000\nrounding = \"round\"\n"
                "min = 1\nmax = 9\nwhen = [\"area.green>0\"]\nsource = \"s\"\n"
                "[[rule]]\nrole = \"gate_guard\"\nkind = \"cover\"\npost = \"gate\"\nhours = \"06:00-22:00\"\n"
                "days = [1, 2, 3, 4, 5]\nsource = \"s\"\n"
                "[[rule]]\nkind = \"duty\"\npost = \"night\"\nroles = [\"electrician\"]\nshifts = [\"20:00-08:00\"]\n"
                "source = \"s\"\n"
                "[[rule]]\nrole = \"project_manager\"\nkind = \"fixed\"\ncount = 1\nsource = \"s\"\n");
  INFO(l.all());
  REQUIRE(l.ns.has_value());
  REQUIRE(l.ns->rules.size() == 4);
  const auto &g = l.ns->rules[0];
  CHECK(g.rounding == pm::staff::Rounding::round);
  CHECK(*g.min == 1);
  CHECK(*g.max == 9);
  REQUIRE(g.when.size() == 1);
  CHECK(g.when[0].op == ">");
  CHECK(g.line == 3); // the [[rule]] header
  const auto &c = l.ns->rules[1];
  REQUIRE(c.shifts.size() == 2); // 16 hours in 8-hour shifts
  CHECK(pm::staff::format_hhmm(c.shifts[0].start) == "06:00");
  CHECK(pm::staff::format_hhmm(c.shifts[1].end) == "22:00");
  CHECK(c.days.size() == 5);
  CHECK(c.seats == 1);
  CHECK(l.ns->rules[2].duty_roles == std::vector<std::string>{"electrician"});
  CHECK(l.ns->rules[2].shifts.at(0).minutes() == 720);
}

TEST_CASE("load_norms: errors are located and named") {
  SUBCASE("unknown key, with did-you-mean") {
    auto l = rule("role = \"gardener\"\nkind = \"ratio\"\nquantity = \"area.green\"\nperr = 5000\nsource = \"s\"\n");
    CHECK_FALSE(l.ns);
    CHECK(l.has("unknown-key", 7));
    CHECK(l.all().find("did you mean 'per'?") != std::string::npos);
  }
  SUBCASE("bad value") {
    auto l = rule("role = \"gardener\"\nkind = \"ratio\"\nquantity = \"area.green\"\nper = -3\nsource = \"s\"\n");
    CHECK(l.has("out-of-range", 7));
    CHECK(l.all().find("'per' must be a number of at least 0.01, not -3") != std::string::npos);
  }
  SUBCASE("missing source") {
    auto l = rule("role = \"gardener\"\nkind = \"fixed\"\ncount = 1\n");
    CHECK(l.has("missing-source", 3));
    auto m = norms_from(
        "[meta]\ntitle_en = \"x\"\n[[rule]]\nrole = \"gardener\"\nkind = \"fixed\"\ncount = 1\nsource = \"s\"\n");
    CHECK(m.has("missing-source", 1));
  }
  SUBCASE("unknown role, with did-you-mean") {
    auto l = rule("role = \"gardner\"\nkind = \"fixed\"\ncount = 1\nsource = \"s\"\n");
    CHECK(l.has("unknown-role", 4));
    CHECK(l.all().find("did you mean 'gardener'?") != std::string::npos);
    auto d = rule("kind = \"duty\"\npost = \"x\"\nroles = [\"electrican\"]\nsource = \"s\"\n");
    CHECK(d.has("unknown-role", 6));
  }
  SUBCASE("unknown quantity") {
    auto l = rule("role = \"gardener\"\nkind = \"ratio\"\nquantity = \"area.gren\"\nper = 1\nsource = \"s\"\n");
    CHECK(l.has("unknown-quantity", 6));
    CHECK(l.all().find("did you mean 'area.green'?") != std::string::npos);
  }
  SUBCASE("bad condition") {
    auto l = rule("role = \"gardener\"\nkind = \"fixed\"\ncount = 1\nwhen = [\"lifts >> 2\"]\nsource = \"s\"\n");
    CHECK(l.has("bad-condition", 7));
  }
  SUBCASE("TOML syntax error") {
    auto l = norms_from("[meta]\nsource = \"x\n");
    CHECK(l.has("toml-syntax", 2));
  }
  SUBCASE("a key of another kind of rule") {
    auto l = rule("role = \"gardener\"\nkind = \"fixed\"\ncount = 1\nper = 3\nsource = \"s\"\n");
    CHECK(l.has("not-for-kind", 7));
  }
  SUBCASE("two ways of saying the same thing") {
    auto l = rule("role = \"gate_guard\"\nkind = \"cover\"\npost = \"g\"\nseats = 1\nseats_quantity = "
                  "\"lifts\"\nsource = \"s\"\n");
    CHECK(l.has("conflicting-keys"));
  }
  SUBCASE("fractional limits and seats") {
    CHECK(rule("role = \"gardener\"\nkind = \"fixed\"\ncount = 1\nmin = 1.5\nsource = \"s\"\n").has("bad-value", 7));
    CHECK(rule("role = \"gate_guard\"\nkind = \"cover\"\npost = \"g\"\nseats = 1.5\nsource = \"s\"\n")
              .has("bad-value", 7));
    CHECK(rule("role = \"gardener\"\nkind = \"fixed\"\ncount = 1\nmin = 3\nmax = 2\nsource = \"s\"\n")
              .has("bad-value", 8));
  }
  SUBCASE("shift_hours that don't divide the day") {
    auto l = rule("role = \"gate_guard\"\nkind = \"cover\"\npost = \"g\"\nper_entrance = true\nshift_hours = 7\nsource "
                  "= \"s\"\n");
    CHECK(l.has("bad-value", 8));
    auto h = rule("role = \"gate_guard\"\nkind = \"cover\"\npost = \"g\"\nhours = \"9-5\"\nsource = \"s\"\n");
    CHECK(h.has("bad-value", 7));
  }
  SUBCASE("meta.labor names an unknown labour profile") {
    auto l = norms_from(
        "[meta]\nsource = \"x\"\nlabor = \"cnn\"\n[[rule]]\nrole = \"gardener\"\nkind = \"fixed\"\ncount = 1\n"
        "source = \"s\"\n");
    CHECK(l.has("unknown-labor", 3));
  }
  SUBCASE("bands") {
    auto l = norms_from(std::string(meta) +
                        "[[rule]]\nrole = \"gardener\"\nkind = \"fixed\"\ncount = 1\nsource = \"s\"\n"
                        "[[band]]\nbuilding_type = \"highrise\"\nmin_m2_per_person = 4000\nmax_m2_per_person = 3000\n");
    CHECK(l.has("bad-value", 9));      // unknown building type
    CHECK(l.has("bad-value", 11));     // max below min
    CHECK(l.has("missing-source", 8)); // the band's source
  }
}

TEST_CASE("parse_condition") {
  std::string en, zh;
  auto c = pm::staff::parse_condition("lifts>=2", en, zh);
  REQUIRE(c.has_value());
  CHECK(c->name == "lifts");
  CHECK(c->op == ">=");
  CHECK(c->value == 2);
  CHECK(pm::staff::parse_condition("not outsourced.lift_maintenance", en, zh)->op == "not");
  CHECK(pm::staff::parse_condition("control_room", en, zh)->op.empty());
  CHECK_FALSE(pm::staff::parse_condition("lifts > many", en, zh));
  CHECK(en.find("cannot read the condition") != std::string::npos);
  CHECK_FALSE(pm::staff::parse_condition("lift > 0", en, zh));
  CHECK(en == "unknown quantity 'lift'; did you mean 'lifts'?");
  CHECK_FALSE(pm::staff::parse_condition("lifts > inf", en, zh));

  auto e = example("residential-145k");
  CHECK(pm::staff::holds(*pm::staff::parse_condition("lifts > 24", en, zh), e));
  CHECK_FALSE(pm::staff::holds(*pm::staff::parse_condition("lifts > 25", en, zh), e));
  CHECK(pm::staff::holds(*pm::staff::parse_condition("lifts == 25", en, zh), e));
  CHECK(pm::staff::holds(*pm::staff::parse_condition("not outsourced.lift_maintenance", en, zh), e));
  CHECK(pm::staff::holds(*pm::staff::parse_condition("fire_control_room", en, zh), e));
}

TEST_CASE("shifts_for") {
  auto s = pm::staff::shifts_for("24h", 8);
  REQUIRE(s.has_value());
  REQUIRE(s->size() == 3);
  CHECK(pm::staff::format_hhmm(s->at(0).start) == "08:00");
  CHECK(pm::staff::format_hhmm(s->at(2).start) == "00:00");
  CHECK(s->at(1).minutes() == 480); // 16:00-24:00 ends at midnight
  CHECK(pm::staff::shifts_for("24h", 12)->size() == 2);
  CHECK_FALSE(pm::staff::shifts_for("24h", 7));
  auto night = pm::staff::shifts_for("22:00-06:00", 8);
  REQUIRE(night.has_value());
  REQUIRE(night->size() == 1);
  CHECK(night->at(0).minutes() == 480);
  CHECK(pm::staff::shifts_for("06:00-22:00", 7)->size() == 3); // split evenly, none longer than 7 h
  CHECK_FALSE(pm::staff::shifts_for("6-22", 8));
  CHECK_FALSE(pm::staff::shifts_for("25:00-06:00", 8));
}
