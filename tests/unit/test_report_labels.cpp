#include <doctest/doctest.h>

#include <pm/report/labels.hpp>

#include <set>
#include <string>

using namespace pm::report;

namespace {
std::set<std::string> placeholders(const std::string &s) {
  std::set<std::string> out;
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '{' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] == '}') out.insert(s.substr(i, 3));
  return out;
}
bool has_cjk(const std::string &s) {
  // Any character of three UTF-8 bytes from U+3000 up (CJK, fullwidth punctuation).
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0xE3) return true;
  return false;
}
} // namespace

TEST_CASE("all_labels: every label exists in both languages with the same arguments") {
  std::set<std::string> ids;
  CHECK(all_labels().size() > 200);
  for (const auto &l : all_labels()) {
    CAPTURE(l.id);
    CHECK(ids.insert(l.id).second);
    CHECK(std::string(l.zh).size() > 0);
    CHECK(std::string(l.en).size() > 0);
    CHECK(placeholders(l.zh) == placeholders(l.en));
    // English text is English: no Chinese characters except 元 (the currency) and the
    // names of standards quoted as written.
    std::string en = l.en;
    for (std::size_t p; (p = en.find("元")) != std::string::npos;) en.erase(p, 3);
    if (std::string(l.id) != "roster_legend") CHECK_FALSE(has_cjk(en));
  }
}

TEST_CASE("all_labels: headings are Chinese in zh") {
  for (const auto &l : all_labels()) {
    std::string id = l.id;
    if (id.rfind("sec_", 0) == 0 || id.rfind("cap_", 0) == 0 || id.rfind("c_", 0) == 0) {
      CAPTURE(id);
      CHECK(has_cjk(l.zh));
    }
  }
}

TEST_CASE("format: numbered arguments, repeated or missing") {
  CHECK(format("{0} and {1}", {"a", "b"}) == "a and b");
  CHECK(format("{1}{0}{1}", {"x", "y"}) == "yxy");
  CHECK(format("{0} {2}", {"x"}) == "x ");
  CHECK(format("{a} {} {", {"x"}) == "{a} {} {");
  CHECK(format(lbl::people_count, true, {"55"}) == "55 人");
  CHECK(format(lbl::people_count, false, {"55"}) == "55 people");
}
