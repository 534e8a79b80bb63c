#include <doctest/doctest.h>

#include <pm/schema/validator.hpp>
#include <pm/yaml/document.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> codes(const pm::diag::Diagnostics &ds) {
  std::vector<std::string> out;
  for (const auto &d : ds) out.push_back(d.code + " " + d.pointer);
  return out;
}

std::vector<std::string> check(const pm::schema::Validator &v, const char *text) {
  auto doc = pm::yaml::parse(text, "t.yaml");
  REQUIRE(doc.ok);
  v.validate(doc);
  return codes(doc.diagnostics);
}

} // namespace

// One validator serves every file of a run and keeps the regexes of `pattern` compiled
// between them; each document must still be judged on its own, whatever came before.
TEST_CASE("a validator used again and again judges every document by every pattern") {
  const pm::schema::Validator v(R"({
    "type": "object",
    "properties": {
      "id": {"type": "string", "pattern": "^[a-z]+$"},
      "time": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"}
    }
  })");
  const std::vector<std::string> none;
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    CHECK(check(v, "id: abc\ntime: '08:00'\n") == none);
    CHECK(check(v, "id: Abc\ntime: '08:00'\n") == std::vector<std::string>{"bad-format /id"});
    CHECK(check(v, "id: abc\ntime: '8 am'\n") == std::vector<std::string>{"bad-format /time"});
    CHECK(check(v, "id: ABC\ntime: noon\n") == std::vector<std::string>{"bad-format /id", "bad-format /time"});
    CHECK(check(v, "id: xyz\n") == none);
  }
}

TEST_CASE("the embedded estate validator applies its patterns to each file in turn") {
  const auto &v = pm::schema::embedded("estate");
  const char *good = "format: 1\nid: a-1\nname: {zh: 甲}\ntype: residential\nareas: {total: 1000}\n";
  const char *bad = "format: 1\nid: A 1\nname: {zh: 甲}\ntype: residential\nareas: {total: 1000}\n";
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    CHECK(check(v, good).empty());
    CHECK(check(v, bad) == std::vector<std::string>{"bad-format /id"});
  }
  // The same object each time: built once, as the cache above relies on.
  CHECK(&pm::schema::embedded("estate") == &v);
}
