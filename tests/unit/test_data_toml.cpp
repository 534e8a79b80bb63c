#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/budget/rates.hpp>
#include <pm/catalog/emergency.hpp>
#include <pm/catalog/inspection.hpp>
#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/service_standards.hpp>
#include <pm/data/toml.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/patterns.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <limits>
#include <string>

using namespace pm;
using data::Need;
using data::Range;

namespace {

// A TOML text read through a data::Reader; `diagnostics` holds what the getters reported.
struct Doc {
  diag::Diagnostics diagnostics;
  toml::table root;
  explicit Doc(const std::string &text) {
    auto t = data::parse_toml(text, "t.toml", diagnostics);
    REQUIRE(t);
    root = std::move(*t);
  }
  data::Reader reader() { return data::Reader("t.toml", diagnostics); }
  // The one diagnostic reported, checked for its code, line and both languages.
  const diag::Diagnostic &only(const std::string &code, int line) {
    REQUIRE(diagnostics.size() == 1);
    const auto &d = diagnostics[0];
    CHECK(d.code == code);
    CHECK(d.line == line);
    CHECK(d.file == "t.toml");
    CHECK_FALSE(d.message.empty());
    CHECK_FALSE(d.message_zh.empty());
    return d;
  }
};

} // namespace

TEST_CASE("parse_toml: toml-syntax, located") {
  diag::Diagnostics d;
  CHECK_FALSE(data::parse_toml("a = 1\nb = = 2\n", "t.toml", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "toml-syntax");
  CHECK(d[0].line == 2);
}

TEST_CASE("Reader::keys: unknown-key with did you mean") {
  Doc doc("source = \"s\"\nsorce = \"s\"\n");
  doc.reader().keys(doc.root, {"source", "name"});
  const auto &d = doc.only("unknown-key", 2);
  CHECK(d.message == "unknown key 'sorce'; did you mean 'source'?");
  CHECK(d.column == 1);
}

TEST_CASE("Reader::str") {
  Doc doc("[t]\nname = \"x\"\nnumber = 3\nempty = \"\"\n");
  auto rd = doc.reader();
  const auto &t = *doc.root["t"].as_table();
  CHECK(rd.str(t, "name") == "x");
  CHECK(rd.str(t, "absent") == "");
  CHECK(doc.diagnostics.empty());
  SUBCASE("missing-key") {
    CHECK(rd.str(t, "absent", Need::required) == "");
    CHECK(doc.only("missing-key", 1).message == "missing key 'absent'");
  }
  SUBCASE("wrong-type") {
    CHECK(rd.str(t, "number") == "");
    CHECK(doc.only("wrong-type", 3).message == "'number' must be a string in quotes, not 3");
  }
  SUBCASE("empty when required: bad-value") {
    CHECK(rd.str(t, "empty", Need::required) == "");
    CHECK(doc.only("bad-value", 4).message == "'empty' must not be empty");
  }
}

TEST_CASE("Reader::number") {
  Doc doc("n = 3\nneg = -3\nbig = 2e9\nhalf = 1.5\ntext = \"forty\"\nratio = 16\ntwo = 2.0\n");
  auto rd = doc.reader();
  const auto &t = doc.root;
  CHECK(rd.number(t, "n", Range::positive()) == 3);
  CHECK(rd.number(t, "two", Range::at_least(0).integral()) == 2);
  CHECK_FALSE(rd.number(t, "absent", Range::positive()));
  CHECK(doc.diagnostics.empty());
  SUBCASE("out-of-range names the bound") {
    CHECK_FALSE(rd.number(t, "neg", Range::positive()));
    CHECK(doc.only("out-of-range", 2).message == "'neg' must be a positive number, not -3");
  }
  SUBCASE("out-of-range: the limit, named when passed") {
    CHECK_FALSE(rd.number(t, "big", Range::at_least(0)));
    CHECK(doc.only("out-of-range", 3).message == "'big' must be a number of at most 1000000000, not 2000000000");
  }
  SUBCASE("out-of-range: a ratio") {
    auto r = Range::between(0, 1).called("ratio", "比例").hint("write 16 % as 0.16", "16% 写作 0.16");
    CHECK_FALSE(rd.number(t, "ratio", r));
    const auto &d = doc.only("out-of-range", 6);
    CHECK(d.message == "'ratio' must be a ratio from 0 to 1 (write 16 % as 0.16), not 16");
    CHECK(d.message_zh == "'ratio' 必须是 0 至 1 之间的比例（16% 写作 0.16），而不是 16");
  }
  SUBCASE("a fraction where whole numbers are counted: bad-value") {
    CHECK_FALSE(rd.number(t, "half", Range::at_least(0).integral()));
    CHECK(doc.only("bad-value", 4).message == "'half' must be a whole number of 0 or more, not 1.5");
  }
  SUBCASE("wrong-type says what was wanted and found") {
    CHECK_FALSE(rd.number(t, "text", Range::at_least(1)));
    CHECK(doc.only("wrong-type", 5).message == "'text' must be a number of at least 1, not \"forty\"");
  }
  SUBCASE("missing-key") {
    CHECK_FALSE(rd.number(t, "absent", Range::at_least(1), Need::required));
    doc.only("missing-key", 1);
  }
}

TEST_CASE("Range::describe") {
  CHECK(Range::positive().describe().first == "a positive number");
  CHECK(Range::positive().integral().describe().first == "a whole number of at least 1");
  CHECK(Range::at_least(0).describe().first == "a number of 0 or more");
  CHECK(Range::at_least(1).describe().first == "a number of at least 1");
  CHECK(Range::between(1, 12).integral().describe().first == "a whole number from 1 to 12");
  CHECK(Range::between(0, 1).below_max().describe().first == "a number from 0 to less than 1");
  CHECK(Range::at_least(0, 1e6).describe(2e6).first == "a number of at most 1000000");
  CHECK(Range::positive().describe().second == "正数");
  CHECK(Range::between(1, 12).integral().describe().second == "1 至 12 之间的整数");
  CHECK_FALSE(Range::positive().contains(0));
  CHECK(Range::between(0, 1).contains(1));
  CHECK_FALSE(Range::between(0, 1).below_max().contains(1));
  CHECK_FALSE(Range::at_least(0).contains(std::numeric_limits<double>::infinity()));
}

TEST_CASE("Reader::integer") {
  Doc doc("a = 5\nb = 13\nc = 2.5\nd = true\n");
  auto rd = doc.reader();
  CHECK(rd.integer(doc.root, "a", 1, 12) == 5);
  SUBCASE("out-of-range") {
    CHECK_FALSE(rd.integer(doc.root, "b", 1, 12));
    CHECK(doc.only("out-of-range", 2).message == "'b' must be a whole number from 1 to 12, not 13");
  }
  SUBCASE("a fraction: bad-value") {
    CHECK_FALSE(rd.integer(doc.root, "c", 1, 12));
    doc.only("bad-value", 3);
  }
  SUBCASE("wrong-type") {
    CHECK_FALSE(rd.integer(doc.root, "d", 1, 12));
    CHECK(doc.only("wrong-type", 4).message == "'d' must be a whole number from 1 to 12, not true");
  }
}

TEST_CASE("Reader::boolean") {
  Doc doc("yes = true\nno = \"no\"\n");
  auto rd = doc.reader();
  CHECK(rd.boolean(doc.root, "yes") == true);
  CHECK_FALSE(rd.boolean(doc.root, "absent"));
  CHECK_FALSE(rd.boolean(doc.root, "no"));
  CHECK(doc.only("wrong-type", 2).message == "'no' must be true or false, not \"no\"");
}

TEST_CASE("Reader::one_of: bad-value with did you mean") {
  Doc doc("kind = \"rtio\"\nok = \"ratio\"\n");
  auto rd = doc.reader();
  CHECK(rd.one_of(doc.root, "ok", {"fixed", "ratio"}) == "ratio");
  CHECK(rd.one_of(doc.root, "kind", {"fixed", "ratio"}) == "");
  CHECK(doc.only("bad-value", 1).message == "'kind' must be fixed or ratio, not 'rtio'; did you mean 'ratio'?");
}

TEST_CASE("Reader::table and Reader::tables: wrong-type and missing-key") {
  Doc doc("meta = 3\nrule = [1, 2]\n[fee]\nx = 1\n");
  auto rd = doc.reader();
  CHECK(rd.table(doc.root, "fee"));
  CHECK_FALSE(rd.table(doc.root, "meta"));
  CHECK_FALSE(rd.tables(doc.root, "rule"));
  CHECK_FALSE(rd.table(doc.root, "absent", Need::required));
  REQUIRE(doc.diagnostics.size() == 3);
  CHECK(doc.diagnostics[0].code == "wrong-type");
  CHECK(doc.diagnostics[0].message == "'meta' must be a table ([meta]), not 3");
  CHECK(doc.diagnostics[1].code == "wrong-type");
  CHECK(doc.diagnostics[1].message == "'rule' must be a list of tables ([[rule]]), not a list");
  CHECK(doc.diagnostics[2].code == "missing-key");
  CHECK(doc.diagnostics[2].message == "missing table [absent]");
}

TEST_CASE("Reader::strings and Reader::string_nodes") {
  Doc doc("one = \"a\"\nmany = [\"a\", \"b\"]\nmixed = [\"a\", 2]\n");
  auto rd = doc.reader();
  CHECK(rd.strings(doc.root, "one") == std::vector<std::string>{"a"});
  CHECK(rd.strings(doc.root, "many") == std::vector<std::string>{"a", "b"});
  auto nodes = rd.string_nodes(doc.root, "mixed");
  REQUIRE(nodes.size() == 1);
  CHECK(nodes[0]->source().begin.line == 3);
  doc.only("wrong-type", 3);
}

TEST_CASE("Reader::ints: out-of-range, wrong-type, duplicate-item") {
  Doc doc("months = [1, 13, \"x\", 1]\n");
  auto rd = doc.reader();
  CHECK(rd.ints(doc.root, "months", 1, 12) == std::vector<int>{1});
  REQUIRE(doc.diagnostics.size() == 3);
  CHECK(doc.diagnostics[0].code == "out-of-range");
  CHECK(doc.diagnostics[0].message == "each value of 'months' must be a whole number from 1 to 12, not 13");
  CHECK(doc.diagnostics[1].code == "wrong-type");
  CHECK(doc.diagnostics[2].code == "duplicate-item");
}

TEST_CASE("Reader::text and Reader::texts: bilingual pairs") {
  Doc doc("zh = \"门岗\"\nen = \"Gate\"\nduties = [{zh = \"巡逻\", en = \"Patrols\"}, {zh = \"只有中文\"}, 3]\n");
  auto rd = doc.reader();
  auto t = rd.text(doc.root, "zh", "en");
  CHECK(t.zh == "门岗");
  CHECK(t.en == "Gate");
  auto all = rd.texts(doc.root, "duties");
  CHECK(all.size() == 2);
  REQUIRE(doc.diagnostics.size() == 2);
  CHECK(doc.diagnostics[0].code == "missing-key"); // the duty without English
  CHECK(doc.diagnostics[1].code == "wrong-type");
}

TEST_CASE("Reader::id: bad-value and duplicate-id") {
  Doc doc("[[x]]\nid = \"gate\"\n[[x]]\nid = \"gate\"\n[[x]]\nid = \"Gate-2\"\n");
  auto rd = doc.reader();
  std::set<std::string> seen;
  for (auto &n : *doc.root["x"].as_array()) rd.id(*n.as_table(), seen, "post", "岗位");
  REQUIRE(doc.diagnostics.size() == 2);
  CHECK(doc.diagnostics[0].code == "duplicate-id");
  CHECK(doc.diagnostics[0].line == 4);
  CHECK(doc.diagnostics[0].message == "post id 'gate' is given twice");
  CHECK(doc.diagnostics[1].code == "bad-value");
  CHECK(doc.diagnostics[1].line == 6);
}

TEST_CASE("Reader::exclusive: conflicting-keys") {
  Doc doc("seats = 1\nseats_quantity = \"lifts\"\n");
  auto rd = doc.reader();
  CHECK(rd.exclusive(doc.root, "seats", "seats_quantity"));
  CHECK_FALSE(rd.exclusive(doc.root, "seats", "per"));
  CHECK(doc.only("conflicting-keys", 2).message == "give 'seats' or 'seats_quantity', not both");
}

TEST_CASE("Reader::source: missing-source, or the fallback") {
  Doc doc("[a]\nsource = \"s\"\n[b]\nx = 1\n[c]\nsource = \"\"\n");
  auto rd = doc.reader();
  CHECK(rd.source(*doc.root["a"].as_table()) == "s");
  std::string outer = "outer";
  CHECK(rd.source(*doc.root["b"].as_table(), &outer) == "outer");
  CHECK(doc.diagnostics.empty());
  rd.source(*doc.root["b"].as_table());
  rd.source(*doc.root["c"].as_table());
  REQUIRE(doc.diagnostics.size() == 2);
  CHECK(doc.diagnostics[0].code == "missing-source");
  CHECK(doc.diagnostics[0].line == 3);
  CHECK(doc.diagnostics[1].code == "missing-source");
  CHECK(doc.diagnostics[1].line == 6);
}

TEST_CASE("Reader::unknown: an unknown-<kind> reference with did you mean") {
  Doc doc("role = \"gate_gaurd\"\n");
  auto rd = doc.reader();
  rd.unknown(*doc.root.get("role"), "unknown-role", "role", "岗位", "gate_gaurd", {"gate_guard", "cleaner"});
  CHECK(doc.only("unknown-role", 1).message == "unknown role 'gate_gaurd'; did you mean 'gate_guard'?");
  CHECK(rd.failed());
}

TEST_CASE("every built-in data file loads without a diagnostic") {
  diag::Diagnostics d;
  const auto &roles = fx::roles();
  for (const auto &name : data::embedded_names("norms")) {
    CAPTURE(name);
    CHECK(staff::load_norms(name, roles, d));
  }
  for (const auto &name : data::embedded_names("labor")) {
    CAPTURE(name);
    CHECK(staff::load_labor(name, d));
    CHECK(roster::load_holidays(name, d));
  }
  for (const auto &name : data::embedded_names("rates")) {
    CAPTURE(name);
    CHECK(budget::load_rates(name, roles, d));
  }
  for (const auto &name : data::embedded_names("roles")) CHECK(catalog::load(name, d));
  for (const auto &name : data::embedded_names("standards/service")) CHECK(catalog::load_service_standards(name, d));
  for (const auto &name : data::embedded_names("standards/maintenance"))
    CHECK(catalog::load_maintenance_calendar(name, roles, d));
  for (const auto &name : data::embedded_names("standards/emergency"))
    CHECK(catalog::load_emergency_procedures(name, d));
  for (const auto &name : data::embedded_names("standards/inspection"))
    CHECK(catalog::load_inspection_rounds(name, roles, d));
  CHECK(roster::builtin_patterns(d).size() == data::embedded_names("patterns").size());
  CHECK(d.empty());
}
