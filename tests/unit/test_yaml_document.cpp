#include <doctest/doctest.h>

#include <pm/yaml/document.hpp>

using pm::yaml::parse;

TEST_CASE("parse types plain scalars by the core schema and keeps quoted ones as text") {
  auto d = parse("a: 80\nb: \"80\"\nc: 2.5\nd: true\ne: ~\nf: 2026-03-01\n", "t.yaml");
  REQUIRE(d.ok);
  CHECK(d.value["a"].is_number_integer());
  CHECK(d.value["b"].is_string());
  CHECK(d.value["c"].is_number_float());
  CHECK(d.value["d"].is_boolean());
  CHECK(d.value["e"].is_null());
  CHECK(d.value["f"] == "2026-03-01");
}

TEST_CASE("parse records 1-based positions of keys and values, in characters") {
  auto d = parse("name:\n  zh: 小区\n  en: x\nlist:\n  - 名称: 7\n", "t.yaml");
  REQUIRE(d.ok);
  CHECK(d.position("/name/zh").line == 2);
  CHECK(d.position("/name/zh").column == 7);
  CHECK(d.position("/name/zh", true).column == 3);
  CHECK(d.position("/list/0/名称").column == 9);
  // Unknown pointers fall back to their nearest known ancestor.
  CHECK(d.position("/name/fr").line == 2);
  CHECK(d.position("/name/fr", true).line == 1);
}

TEST_CASE("parse reports duplicate keys, which the YAML parser alone accepts") {
  auto d = parse("a: 1\nb: 2\na: 3\n", "t.yaml");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].code == "duplicate-key");
  CHECK(d.diagnostics[0].line == 3);
  CHECK(d.value["a"] == 1);
}

TEST_CASE("parse accepts a byte-order mark and CRLF line ends") {
  auto d = parse("\xEF\xBB\xBF"
                 "a: 1\r\nb: x\r\n",
                 "t.yaml");
  CHECK(d.ok);
  CHECK(d.diagnostics.empty());
  CHECK(d.value["b"] == "x");
  CHECK(d.position("/b").line == 2);
}

TEST_CASE("parse refuses hostile input with a located message") {
  CHECK(parse("", "t").diagnostics.at(0).code == "empty");
  CHECK(parse("a: [1\n", "t").diagnostics.at(0).code == "yaml-syntax");
  CHECK(parse("a: \xfe\n", "t").diagnostics.at(0).code == "not-utf8");
  CHECK(parse(std::string("a: 1\0", 5), "t").diagnostics.at(0).code == "nul-byte");
  CHECK(parse("a: " + std::string(5000, '[') + std::string(5000, ']'), "t").diagnostics.at(0).code == "too-deep");
  std::string bomb = "a: &a [1,1,1,1,1,1,1,1,1,1]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ",*" : "*") + prev;
    bomb += "]\n";
  }
  CHECK(parse(bomb, "t").diagnostics.at(0).code == "too-many-values");
  auto nf = parse("a: 1e400\nb: .nan\nc: -.inf\n", "t");
  REQUIRE(nf.diagnostics.size() == 3);
  CHECK(nf.diagnostics[0].code == "not-finite");
  CHECK(nf.diagnostics[0].pointer == "/a");
}

TEST_CASE("hostile scalars: megabytes of digits, integers beyond double, long lines") {
  // std::regex overflowed the stack on this (a scalar of 3 MB of digits).
  auto d = parse("a: " + std::string(3'000'000, '1') + "\n", "t");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].code == "not-finite");
  CHECK(d.diagnostics[0].message.size() < 200);
  // An integer too long for a double is not silently infinity.
  CHECK(parse("a: 1" + std::string(400, '0') + "\n", "t").diagnostics.at(0).code == "not-finite");
  CHECK(parse("a: 0x" + std::string(300, 'f') + "\n", "t").diagnostics.at(0).code == "not-finite");
  // 50,000 values on one line: columns are right at the end of it.
  std::string line = "a: [";
  for (int i = 0; i < 50'000; ++i) line += i ? ", 1" : "1";
  line += ", x]\n";
  auto l = parse(line, "t");
  REQUIRE(l.ok);
  CHECK(l.position("/a/50000").column == static_cast<int>(line.size()) - 2);
}

TEST_CASE("long keys over many values stop at the bound on paths (too-complex)") {
  std::string key(8192, 'k');
  std::string text = "a: ";
  for (int i = 0; i < 8; ++i) text += "{? " + key + std::to_string(i) + " : ";
  text += "[";
  for (int i = 0; i < 2000; ++i) text += "1, ";
  text += "1]" + std::string(8, '}') + "\n";
  auto d = parse(text, "t");
  REQUIRE_FALSE(d.ok);
  CHECK(d.diagnostics.at(0).code == "too-complex");
}

TEST_CASE("nesting stops at the depth limit, and not before") {
  auto nest = [](int n) { return "a: " + std::string(n, '[') + std::string(n, ']') + "\n"; };
  CHECK(parse(nest(499), "t").ok); // 499 lists inside the top-level mapping: 500 levels
  auto d = parse(nest(500), "t");
  REQUIRE_FALSE(d.ok);
  CHECK(d.diagnostics.at(0).code == "too-deep");
  CHECK(d.diagnostics.at(0).column == 4 + 499); // the bracket that opens level 501
  pm::yaml::Limits shallow;
  shallow.max_depth = 2;
  CHECK(parse("a: {b: 1}\n", "t", shallow).ok);
  CHECK(parse("a: {b: [1]}\n", "t", shallow).diagnostics.at(0).code == "too-deep");
}

TEST_CASE("positions count lines at LF only, as editors do, even where YAML breaks lines too") {
  // A lone CR and U+2028 (LINE SEPARATOR) end lines for libyaml but not in an editor.
  auto d = parse("a: \"x\ry\"\nb: \"p\xE2\x80\xA8q\"\nc: [1, \xE6\x95\xB0]\n", "t");
  REQUIRE(d.ok);
  CHECK(d.position("/b").line == 2);
  CHECK(d.position("/c").line == 3);
  CHECK(d.position("/c/1").line == 3);
  CHECK(d.position("/c/1").column == 8);
  auto e = parse("a: \"x\ry\"\nb: [1\n", "t");
  REQUIRE_FALSE(e.ok);
  CHECK(e.diagnostics.at(0).line == 2);
  CHECK(e.diagnostics.at(0).column == 4);
}

TEST_CASE("YAML syntax errors are explained in both languages, at the place to look") {
  auto first = [](const std::string &text) { return parse(text, "t").diagnostics.at(0); };
  auto colon = first("a: 1\n名称\nb: 2\n");
  CHECK(colon.code == "yaml-syntax");
  CHECK(colon.line == 2);
  CHECK(colon.column == 1);
  CHECK(colon.message.find("'名称' is neither 'key: value'") != std::string::npos);
  CHECK(colon.message_zh.find("是否缺少 ':'") != std::string::npos);
  auto quote = first("a: 1\nb: \"open\nc: 2\n");
  CHECK(quote.line == 2);
  CHECK(quote.column == 4);
  CHECK(quote.message.find("no closing quote") != std::string::npos);
  auto tab = first("a:\n\tb: 1\n");
  CHECK(tab.message.find("tab") != std::string::npos);
  CHECK(first("a: [1, 2]]\n").message.find("closes nothing") != std::string::npos);
  CHECK(first("a: &x [1, *x]\n").message.find("holds it") != std::string::npos);
  CHECK(first("a: *x\n").message.find("not defined") != std::string::npos);
  CHECK(first("a: 1\nb: \x01\n").line == 2);
  CHECK(first("[a]\nb: 1\n").message.find("more text after the end") != std::string::npos);
  auto docs = parse("a: 1\n---\nb: 2\n", "t");
  CHECK(docs.diagnostics.at(0).code == "multiple-documents");
  CHECK(docs.diagnostics.at(0).line == 2);
  CHECK(docs.value["a"] == 1);
}

TEST_CASE("scalars: plain ones are resolved by the core schema, quoted and tagged ones are text") {
  auto d = parse("a: 12\nb: '12'\nc: !!str 12\nd: !!int '12'\ne: ~\nf:\ng: |\n  12\nh: true\n", "t");
  REQUIRE(d.ok);
  CHECK(d.value["a"] == 12);
  CHECK(d.value["b"] == "12");
  CHECK(d.value["c"] == "12");
  CHECK(d.value["d"] == 12);
  CHECK(d.value["e"].is_null());
  CHECK(d.value["f"].is_null());
  CHECK(d.value["g"] == "12\n");
  CHECK(d.value["h"] == true);
}

TEST_CASE("reading without positions finds the same problems and the same values") {
  const char *docs[] = {"a: 1\nb: [1, 2, {c: x}]\n",
                        "a: 1\na: 2\n",
                        "a: .nan\nb: 1e999\n",
                        "a: [1\n",
                        "? [x]\n: 1\n",
                        "a: &x 1\nb: *x\n*x : 2\n",
                        "a~/b: {c/d: [1, 2, 3]}\n",
                        "a: &x [1, *x]\n",
                        "a: 1\n---\nb: 2\n"};
  for (const char *text : docs) {
    CAPTURE(text);
    auto located = parse(text, "t");
    auto quick = parse(text, "t", {}, false);
    CHECK(quick.positions.empty());
    CHECK(located.ok == quick.ok);
    REQUIRE(located.diagnostics.size() == quick.diagnostics.size());
    for (std::size_t i = 0; i < located.diagnostics.size(); ++i) {
      CHECK(located.diagnostics[i].code == quick.diagnostics[i].code);
      if (!located.ok) { // load_and_check keeps a quick reading that failed: it must be placed right
        CHECK(located.diagnostics[i].line == quick.diagnostics[i].line);
        CHECK(located.diagnostics[i].column == quick.diagnostics[i].column);
      }
    }
    if (located.diagnostics.empty()) CHECK(located.value == quick.value);
  }
  // The bound on the paths to the values holds to the byte either way, escapes (~0, ~1) included.
  std::string text = "a~/b: {c/d: [1, 2, 3]}\n";
  bool flipped = false;
  for (std::size_t limit = 0; limit < 80; ++limit) {
    pm::yaml::Limits l;
    l.max_pointer_bytes = limit;
    bool ok = parse(text, "t", l).ok;
    CHECK(ok == parse(text, "t", l, false).ok);
    flipped = flipped || (ok && limit > 0 &&
                          !parse(text, "t",
                                 [&] {
                                   auto m = l;
                                   m.max_pointer_bytes = limit - 1;
                                   return m;
                                 }())
                               .ok);
  }
  CHECK(flipped);
}

namespace {
// The codes of a document's diagnostics, in order.
std::vector<std::string> codes_of(const pm::yaml::Document &d) {
  std::vector<std::string> out;
  for (const auto &x : d.diagnostics) out.push_back(x.code);
  return out;
}
} // namespace

TEST_CASE("tags are honoured or refused: a tag of the core schema asks for a value of its kind") {
  auto ok = parse("a: !!int '12'\nb: !!float 2\nc: !!bool true\nd: !!null ~\ne: !!str 5\nf: ! 5\n"
                  "g: !!seq [1]\nh: !!map {x: 1}\n",
                  "t");
  REQUIRE(ok.ok);
  CHECK(ok.diagnostics.empty());
  CHECK(ok.value["a"] == 12);
  CHECK(ok.value["b"] == 2);
  CHECK(ok.value["e"] == "5");
  CHECK(ok.value["f"] == "5");
  for (const char *text : {"a: !!null 5\n", "a: !!bool 5\n", "a: !!int 2.5\n", "a: !!float abc\n", "a: !!int true\n"}) {
    CAPTURE(text);
    auto d = parse(text, "t");
    REQUIRE(d.ok);
    CHECK(codes_of(d) == std::vector<std::string>{"tag-mismatch"});
    CHECK(d.value["a"].is_null()); // not the value the tag refused
    CHECK(d.diagnostics[0].pointer == "/a");
  }
  for (const char *text : {"a: !foo 5\n", "a: !!binary aGk=\n", "a: !!timestamp 2026-01-01\n", "a: !!set {x}\n",
                           "a: !<tag:example.com,2026:x> 1\n", "%TAG !e! tag:example.com,2026:\n---\na: !e!x 1\n"}) {
    CAPTURE(text);
    auto d = parse(text, "t");
    REQUIRE(d.ok);
    CHECK(codes_of(d) == std::vector<std::string>{"unknown-tag"});
  }
  auto e = parse("a: !foo 5\n", "t");
  CHECK(e.diagnostics[0].message.find("'!foo'") != std::string::npos);
}

TEST_CASE("control characters in text and keys are refused, named as U+XXXX") {
  // A pair, not a structured binding: clang 14 can't capture a binding in CAPTURE's lambda.
  for (const auto &c : {std::pair{"a: \"x\\ey\"\n", "U+001B"},
                        {"a: \"\\0\"\n", "U+0000"},
                        {"a: \"\\N\"\n", "U+0085"},
                        {"a: \"\\x7f\"\n", "U+007F"},
                        {"\"k\\x01\": 1\n", "U+0001"},
                        {"a: [\"\\x9f\"]\n", "U+009F"}}) {
    const char *text = c.first, *named = c.second;
    CAPTURE(text);
    auto d = parse(text, "t");
    REQUIRE(d.ok);
    REQUIRE(codes_of(d) == std::vector<std::string>{"control-character"});
    CHECK(d.diagnostics[0].message.find(named) != std::string::npos);
    CHECK(d.diagnostics[0].line == 1);
  }
  // Tab, line feed and carriage return are text; so is U+00A0 (after the C1 range).
  auto ok = parse("a: \"x\\ty\\r\\nz\\u00a0\"\n", "t");
  CHECK(ok.diagnostics.empty());
}

TEST_CASE("the expanded size of text is bounded, aliases counted at full size") {
  std::string big(64 * 1024, 'x');
  std::string text = "a: &t \"" + big + "\"\nb:\n";
  for (int i = 0; i < 300; ++i) text += "  - *t\n";
  auto d = parse(text, "t");
  CHECK_FALSE(d.ok);
  REQUIRE(codes_of(d) == std::vector<std::string>{"too-much-text"});
  CHECK(d.diagnostics[0].message.find("16 MiB") != std::string::npos);
  CHECK(d.diagnostics[0].line == 2 + 255); // the 255th alias makes 256 copies and two key bytes: over 16 MiB
  // Just under the limit: read.
  std::string under = "a: &t \"" + big + "\"\nb:\n";
  for (int i = 0; i < 200; ++i) under += "  - *t\n";
  CHECK(parse(under, "t").ok);
}

TEST_CASE("keys equal in NFKC are duplicates") {
  auto d = parse("\"caf\\u00e9\": 1\n\"cafe\\u0301\": 2\n\"１\": 3\n\"1\": 4\n", "t");
  REQUIRE(d.ok);
  CHECK(codes_of(d) == std::vector<std::string>{"duplicate-key", "duplicate-key"});
  CHECK(d.diagnostics[0].message.find("line 1") != std::string::npos);
  CHECK(d.value.size() == 2);
}

TEST_CASE("plain scalars that YAML 1.1 readers take otherwise are warned about") {
  auto d = parse("a: 2026-02-17\nb: \"2026-02-17\"\nc: yes\nd: 0777\ne: 1_000\nf: 1:30\ng: 2026-2-3 10:00\n"
                 "h: y\ni: 0\nj: 12\nk: 2026-02-17x\n",
                 "t");
  REQUIRE(d.ok);
  CHECK(codes_of(d) == std::vector<std::string>{"unquoted-date", "ambiguous-value", "ambiguous-value",
                                                "ambiguous-value", "ambiguous-value", "unquoted-date"});
  for (const auto &x : d.diagnostics) CHECK(x.severity == pm::diag::Severity::warning);
  CHECK(d.value["a"] == "2026-02-17"); // pm's reading is unchanged
  CHECK(d.value["d"] == 777);
}
