#include <doctest/doctest.h>

#include <pm/i18n/messages.hpp>

#include <set>
#include <string>

using namespace pm::i18n;

namespace {
// The replacement fields of a format string: "{0}", "{1:>5}"; "{{" and "}}" are literal braces.
// A field that is not positional ("{}", "{name}") is returned as is, so the test can reject it.
std::multiset<std::string> fields(const std::string &s) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
      ++i;
      continue;
    }
    if (s[i] != '{') continue;
    std::size_t end = s.find('}', i);
    if (end == std::string::npos) {
      out.insert("{unclosed");
      break;
    }
    out.insert(s.substr(i, end - i + 1));
    i = end;
  }
  return out;
}
std::set<std::string> distinct(const std::multiset<std::string> &m) { return {m.begin(), m.end()}; }
bool positional(const std::string &field) {
  return field.size() >= 3 && field[1] >= '0' && field[1] <= '9' && (field[2] == '}' || field[2] == ':');
}
bool has_cjk(const std::string &s) {
  // Any character of three UTF-8 bytes from U+3000 up (CJK, fullwidth punctuation).
  for (std::size_t i = 0; i + 2 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0xE3) return true;
  return false;
}
} // namespace

TEST_CASE("all_messages: every message exists in both languages with the same arguments") {
  std::set<std::string> ids;
  CHECK(all_messages().size() > 200);
  for (const auto &m : all_messages()) {
    CAPTURE(m.id);
    CHECK(ids.insert(m.id).second);
    CHECK(std::string(m.zh).size() > 0);
    CHECK(std::string(m.en).size() > 0);
    CHECK(distinct(fields(m.zh)) == distinct(fields(m.en)));
    for (const auto &f : fields(m.zh)) {
      CAPTURE(f);
      CHECK(positional(f));
    }
    // English text is English: no Chinese characters except 元 (the currency), the
    // names of standards quoted as written and pm's description, which glosses the Chinese term.
    std::string en = m.en;
    for (std::size_t p; (p = en.find("元")) != std::string::npos;) en.erase(p, 3);
    if (std::string(m.id) != "roster_legend" && std::string(m.id) != "help_app") CHECK_FALSE(has_cjk(en));
  }
}

TEST_CASE("all_messages: headings are Chinese in zh") {
  for (const auto &m : all_messages()) {
    std::string id = m.id;
    if (id.rfind("sec_", 0) == 0 || id.rfind("cap_", 0) == 0 || id.rfind("c_", 0) == 0) {
      CAPTURE(id);
      CHECK(has_cjk(m.zh));
    }
  }
}

TEST_CASE("all_messages: every message formats with string arguments in both languages") {
  // A message whose fields want numbers ({0:.2f}) would throw here: arguments are formatted
  // text, so that numbers are grouped and rounded the same way everywhere.
  for (const auto &m : all_messages()) {
    CAPTURE(m.id);
    for (Lang l : {Lang::zh, Lang::en}) CHECK_NOTHROW((void)tr(l, m, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
  }
}

TEST_CASE("tr: numbered arguments, repeated, reordered and literal braces") {
  constexpr Message two{"t", "{1}的{0}", "{0} of {1}"};
  CHECK(tr(Lang::zh, two, "人数", "小区") == "小区的人数");
  CHECK(tr(Lang::en, two, "staff", "the estate") == "staff of the estate");
  constexpr Message braces{"b", "{{{0}}}", "{{{0}}}"};
  CHECK(tr(Lang::en, braces, "x") == "{x}");
  CHECK(tr(Lang::zh, msg::people_count, "55") == "55 人");
  CHECK(tr(Lang::en, msg::people_count, "55") == "55 people");
  CHECK(both(msg::people_count, 7) == Text{"7 人", "7 people"});
}

TEST_CASE("both_of: bilingual arguments take the side of each language") {
  constexpr Message m{"m", "{0}：{1} 人", "{0}: {1} people"};
  CHECK(both_of(m, Text{"门岗", "Gate"}, 4) == Text{"门岗：4 人", "Gate: 4 people"});
}

TEST_CASE("Text::get: an empty side falls back to the other") {
  CHECK(Text{"中", ""}.get(Lang::en) == "中");
  CHECK(Text{"", "en"}.get(Lang::zh) == "en");
  CHECK(of_locale("zh-CN") == Lang::zh);
  CHECK(of_locale("en_US.UTF-8") == Lang::en);
  CHECK(std::string(code(Lang::zh)) == "zh");
}
