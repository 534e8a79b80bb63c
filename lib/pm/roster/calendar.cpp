#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/res/resources.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace pm::roster {

namespace {
bool two_digits(std::string_view s, std::size_t from) {
  return s[from] >= '0' && s[from] <= '9' && s[from + 1] >= '0' && s[from + 1] <= '9';
}
} // namespace

std::optional<int> parse_roster_date(std::string_view s) {
  auto d = util::parse_date(s);
  if (!d) return std::nullopt;
  int y = util::civil(*d).year;
  if (y < first_roster_year || y > last_roster_year) return std::nullopt;
  return d;
}

std::optional<int> parse_datetime(std::string_view s) {
  if (s.size() != 16 || s[10] != 'T' || s[13] != ':' || !two_digits(s, 11) || !two_digits(s, 14)) return std::nullopt;
  auto d = parse_roster_date(s.substr(0, 10));
  if (!d) return std::nullopt;
  int h = (s[11] - '0') * 10 + (s[12] - '0'), m = (s[14] - '0') * 10 + (s[15] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return *d * 1440 + h * 60 + m;
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
        auto d = util::parse_date(*dn->value_exact<std::string>());
        if (!d || (year && util::civil(*d).year != *year))
          rd.error(*dn, "bad-value", i18n::both(i18n::msg::roster_holiday_not_in_year));
        else
          h.days.insert(*d);
      }
    }
  if (rd.failed()) return std::nullopt;
  return h;
}

} // namespace pm::roster
