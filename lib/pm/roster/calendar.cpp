#include <pm/data/toml.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/res/resources.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace pm::roster {

std::optional<int> parse_roster_date(std::string_view s) {
  auto d = util::parse_date(s);
  if (!d) return std::nullopt;
  int y = util::civil(*d).year;
  if (y < first_roster_year || y > last_roster_year) return std::nullopt;
  return d;
}

namespace {
// Up to `max` digits at `i` (at least one), as a number; `i` moves past them.
std::optional<int> digits(std::string_view s, std::size_t &i, std::size_t max) {
  std::size_t from = i;
  int v = 0;
  while (i < s.size() && i - from < max && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i == from) return std::nullopt;
  return v;
}
} // namespace

std::optional<int> parse_datetime(std::string_view s) {
  // What pm writes, "2026-03-02T08:00", and what a spreadsheet saves it as: "2026/3/2 8:00",
  // "2026-03-02 08:00:00". Seconds other than :00 would be lost: refused.
  std::size_t i = 0;
  auto y = digits(s, i, 4);
  if (!y || i != 4 || i >= s.size() || (s[i] != '-' && s[i] != '/')) return std::nullopt;
  char sep = s[i++];
  auto mo = digits(s, i, 2);
  if (!mo || i >= s.size() || s[i++] != sep) return std::nullopt;
  auto da = digits(s, i, 2);
  if (!da || i >= s.size() || (s[i] != 'T' && s[i] != ' ')) return std::nullopt;
  if (s[i] == 'T')
    ++i;
  else
    while (i < s.size() && s[i] == ' ') ++i;
  auto h = digits(s, i, 2);
  if (!h || i >= s.size() || s[i++] != ':') return std::nullopt;
  std::size_t minute_at = i;
  auto m = digits(s, i, 2);
  if (!m || i - minute_at != 2) return std::nullopt;
  if (i < s.size()) {
    std::size_t second_at = i + 1;
    if (s[i++] != ':') return std::nullopt;
    auto sec = digits(s, i, 2);
    if (!sec || i - second_at != 2 || *sec != 0) return std::nullopt;
  }
  if (i != s.size() || *h > 23 || *m > 59) return std::nullopt;
  auto d = parse_roster_date(fmt::format("{:04}-{:02}-{:02}", *y, *mo, *da));
  if (!d) return std::nullopt;
  return *d * 1440 + *h * 60 + *m;
}

std::string format_datetime(int minutes) {
  int day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  int rest = minutes - day * 1440;
  return fmt::format("{}T{:02}:{:02}", util::format_date(day), rest / 60, rest % 60);
}

bool Holidays::covers(int day) const {
  int y = util::civil(day).year;
  return y >= first_year && y <= last_year;
}

std::optional<Holidays> load_holidays(const std::string &name, diag::Diagnostics &out) {
  std::string path = "data/holidays/" + name + ".toml";
  auto text = res::get(path);
  if (!text) return std::nullopt;
  std::string file = "lib/" + path;
  auto tbl = data::parse_toml(*text, file, out);
  if (!tbl) return std::nullopt;
  data::Reader rd(file, out);
  Holidays h;
  h.name = name;
  rd.keys(*tbl, {"meta", "year"});
  if (auto m = rd.table(*tbl, "meta", data::Need::required)) {
    rd.keys(*m, {"name", "source", "source_zh", "source_en"});
    h.source = rd.source_text(*m);
  }
  if (auto years = rd.tables(*tbl, "year", data::Need::required))
    for (auto &node : *years) {
      const auto &y = *node.as_table();
      rd.keys(y, {"year", "source", "source_zh", "source_en", "dates"});
      rd.source_text(y);
      auto year = rd.integer(y, "year", first_roster_year, last_roster_year, data::Need::required);
      if (year) {
        if (h.first_year == 0 || *year < h.first_year) h.first_year = static_cast<int>(*year);
        if (*year > h.last_year) h.last_year = static_cast<int>(*year);
      }
      for (const toml::node *dn : rd.string_nodes(y, "dates", data::Need::required)) {
        std::string text = *dn->value_exact<std::string>();
        auto d = util::parse_date(text);
        if (!d)
          rd.error(*dn, "bad-value",
                   i18n::both_of(i18n::msg::estate_not_a_date, i18n::Text::same(text), i18n::why_not_a_date(text)));
        else if (year && util::civil(*d).year != *year)
          rd.error(*dn, "bad-value", i18n::both(i18n::msg::roster_holiday_not_in_year));
        else
          h.days.insert(*d);
      }
    }
  if (rd.failed()) return std::nullopt;
  return h;
}

} // namespace pm::roster
