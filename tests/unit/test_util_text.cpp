#include <doctest/doctest.h>

#include <pm/util/text.hpp>

using namespace pm::util;

TEST_CASE("display_width counts Chinese characters as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("门岗") == 4);
  CHECK(display_width("CCTV 监控室") == 11);
  CHECK(pad("门岗", 6) == "门岗  ");
  CHECK(pad("7", 3, true) == "  7");
}

TEST_CASE("find_bad_utf8 locates invalid bytes and NULs") {
  CHECK_FALSE(find_bad_utf8("小区 ok\n").has_value());
  auto bad = find_bad_utf8("a: 1\nb: \xff\n");
  REQUIRE(bad.has_value());
  CHECK(bad->line == 2);
  CHECK(bad->column == 4);
  CHECK_FALSE(bad->nul);
  auto nul = find_bad_utf8(std::string_view("ab\0", 3));
  REQUIRE(nul.has_value());
  CHECK(nul->nul);
  CHECK(find_bad_utf8("\xC0\x80").has_value());     // overlong
  CHECK(find_bad_utf8("\xED\xA0\x80").has_value()); // surrogate
}

TEST_CASE("edit_distance, whole and bounded") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("same", "same") == 0);
  // Within the bound the answer is exact; beyond it, anything above the bound.
  CHECK(edit_distance("kitten", "sitting", 3) == 3);
  CHECK(edit_distance("kitten", "sitting", 2) > 2);
  CHECK(edit_distance("abcdefgh", "zyxwvuts", 1) > 1);
  CHECK(edit_distance("households", "housholds", 1) == 1);
}

TEST_CASE("did_you_mean suggests close candidates only") {
  std::vector<std::string> keys = {"residential", "commercial", "green"};
  CHECK(did_you_mean("residental", keys) == "residential");
  CHECK(did_you_mean("gren", keys) == "green");
  CHECK_FALSE(did_you_mean("parking", keys).has_value());
}

TEST_CASE("number formatting") {
  CHECK(format_number(145000) == "145000");
  CHECK(format_number(2.4259, 2) == "2.43");
  CHECK(format_number(0.5) == "0.5");
  CHECK(group_thousands(145000) == "145,000");
  CHECK(group_thousands(-1234567.891, 2) == "-1,234,567.89");
  CHECK(group_thousands(-0.001, 2) == "0.00");
  CHECK(group_thousands(999) == "999");
}

TEST_CASE("numbers of any size print whole, the huge ones in exponent form") {
  CHECK(format_number(1e300) == "1e+300");
  CHECK(format_number(-1e20) == "-1e+20");
  CHECK(group_thousands(1e300) == "1e+300");
  CHECK(group_thousands(123456789012345.0) == "123,456,789,012,345");
}

TEST_CASE("abbreviate keeps short text and cuts long text at a character") {
  CHECK(abbreviate("short", 10) == "short");
  CHECK(abbreviate("abcdef", 3) == "abc…(+3)");
  CHECK(abbreviate("小区小区", 2) == "小区…(+2)");
  CHECK(abbreviate(std::string(5'000'000, 'a')).size() < 100);
}

TEST_CASE("did_you_mean on a word of megabytes is quick and finds nothing") {
  std::vector<std::string> keys = {"residential", "commercial", "green"};
  CHECK_FALSE(did_you_mean(std::string(2'000'000, 'g'), keys).has_value());
}

TEST_CASE("replace_all: every occurrence, never inside what it put in") {
  std::string s = "{estate}的{estate}";
  pm::util::replace_all(s, "{estate}", "小区");
  CHECK(s == "小区的小区");
  std::string t = "aa";
  pm::util::replace_all(t, "a", "aa");
  CHECK(t == "aaaa");
  std::string u = "x";
  pm::util::replace_all(u, "", "y");
  CHECK(u == "x");
}

TEST_CASE("fold: names equal to a reader compare equal (NFKC)") {
  CHECK(fold("caf\xC3\xA9") == fold("cafe\xCC\x81"));                    // é precomposed, e + U+0301
  CHECK(fold("\xEF\xBC\x91号门") == fold("1号门"));                      // full-width 1
  CHECK(fold("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "\xED\x95\x9C"); // Hangul jamo to 한
  CHECK(fold("张三") == "张三");
  CHECK(fold("abc") == "abc");
  CHECK(fold("A") != fold("a")); // not case-folded
  CHECK(fold("\xFF") == "\xFF"); // not UTF-8: unchanged
  CHECK(is_ascii("abc"));
  CHECK_FALSE(is_ascii("é"));
}
