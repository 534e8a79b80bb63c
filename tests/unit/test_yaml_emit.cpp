#include <doctest/doctest.h>

#include <pm/yaml/document.hpp>
#include <pm/yaml/emit.hpp>

using pm::yaml::emit;

TEST_CASE("emit: strings that would break the syntax or change type read back as the same strings") {
  const char *odd[] = {"a: b",
                       "# not a comment",
                       "- x",
                       "@x",
                       "say \"hi\"",
                       "'single'",
                       "two\nlines",
                       "yes",
                       "No",
                       "true",
                       "null",
                       "~",
                       "",
                       "2026-05-10",
                       "0123",
                       "12",
                       "1.5",
                       "1e3",
                       "0x1F",
                       "1:20",
                       " padded ",
                       "新建小区",
                       "东 : 园 # 1",
                       "a\tb",
                       "{x}",
                       "[x]",
                       "*alias",
                       "&anchor",
                       "!tag",
                       "%x",
                       "`x",
                       "|",
                       ">",
                       "?",
                       "24h"};
  for (const char *s : odd) {
    nlohmann::ordered_json doc = {{"value", s}, {s[0] ? s : "empty", 1}};
    std::string text = emit(doc);
    auto parsed = pm::yaml::parse(text, "t.yaml");
    INFO("emitted: " << text);
    REQUIRE(parsed.ok);
    CHECK(parsed.value["value"] == s);
    CHECK(parsed.value[s[0] ? s : "empty"] == 1);
  }
}

TEST_CASE("emit: Chinese unescaped, numbers, booleans, order and comments") {
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  doc["format"] = 1;
  doc["name"] = {{"zh", "新建住宅小区"}};
  doc["areas"] = {{"total", 100000}, {"share", 0.9}};
  doc["ok"] = true;
  doc["list"] = nlohmann::ordered_json::array({1, 2});
  doc["empty"] = nlohmann::ordered_json::array();
  pm::yaml::Comments c;
  c.head = {"first line", "second line"};
  c.before["/areas"] = {"the areas"};
  c.after["/areas/total"] = "m2";
  c.after["/areas"] = "m²";
  std::string text = emit(doc, c);
  CHECK(text == "# first line\n# second line\nformat: 1\nname:\n  zh: 新建住宅小区\n# the areas\nareas:  # m²\n"
                "  total: 100000  # m2\n  share: 0.9\nok: true\nlist:\n  - 1\n  - 2\nempty: []\n");
}

TEST_CASE("commented: a commented file's members in their order, with their comments") {
  std::string text = "# head\nformat: 1\nid: x  # the id\n# before b\nb:\n  - type: a  # item\n    count: 2\n";
  auto doc = pm::yaml::parse(text, "t.yaml");
  REQUIRE(doc.ok);
  auto c = pm::yaml::commented(doc, text);
  CHECK(c.comments.head == std::vector<std::string>{"head"});
  CHECK(c.comments.after.at("/id") == "the id");
  CHECK(c.comments.after.at("/b/0/type") == "item");
  CHECK(c.comments.before.at("/b") == std::vector<std::string>{"before b"});
  CHECK(emit(c.value, c.comments) == text);
}
