#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/res/resources.hpp>
#include <pm/roster/patterns.hpp>

#include <algorithm>
#include <cmath>

namespace pm::roster {

int Pattern::shift_on(int crew, int day) const {
  int len = static_cast<int>(cycle.size());
  int pos = ((day + crew * step()) % len + len) % len;
  char c = cycle[static_cast<std::size_t>(pos)];
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (codes[i].size() == 1 && codes[i][0] == c) return static_cast<int>(i);
  return -1;
}

namespace {

// A pattern whose figures were read: its cycle must staff every shift once a day, and the file's
// average week must be the cycle's.
void check_cycle(const Pattern &p, data::Reader &rd, const toml::table &t) {
  namespace msg = i18n::msg;
  auto bad = [&](const i18n::Text &message) { rd.error(t, "bad-value", message); };
  if (static_cast<int>(p.codes.size()) != p.shifts) return bad(i18n::both(msg::roster_pattern_codes));
  if (p.cycle.size() % static_cast<std::size_t>(p.crews) != 0) return bad(i18n::both(msg::roster_pattern_cycle_length));
  for (int day = 0; day < static_cast<int>(p.cycle.size()); ++day) {
    std::vector<int> count(static_cast<std::size_t>(p.shifts), 0);
    for (int c = 0; c < p.crews; ++c) {
      int s = p.shift_on(c, day);
      if (s >= 0) ++count[static_cast<std::size_t>(s)];
    }
    if (std::any_of(count.begin(), count.end(), [](int x) { return x != 1; })) {
      bad(i18n::both(msg::roster_pattern_cover, std::to_string(p.step())));
      break;
    }
  }
  int worked = 0;
  for (char c : p.cycle) worked += c == '-' ? 0 : 1;
  double avg = worked * p.shift_hours * 7.0 / static_cast<double>(p.cycle.size());
  if (std::fabs(avg - p.average_weekly_hours) > 0.05)
    // English gives the cycle's average, Chinese does not.
    bad(i18n::both_sides(msg::roster_pattern_average, i18n::Text{"", std::to_string(avg)}));
}

} // namespace

std::optional<Pattern> parse_pattern(std::string_view text, const std::string &file, const std::string &name,
                                     diag::Diagnostics &out) {
  using data::Need;
  diag::Diagnostics local;
  auto tbl = data::parse_toml(text, file, local);
  Pattern p;
  p.name = name;
  if (tbl) {
    data::Reader rd(file, local);
    rd.keys(*tbl, {"meta", "pattern"});
    if (auto m = rd.table(*tbl, "meta", Need::required)) {
      rd.keys(*m, {"name", "title_zh", "title_en", "source", "source_zh", "source_en"});
      p.title = rd.text(*m, "title_zh", "title_en", Need::optional);
      p.source = rd.source_text(*m);
    }
    if (auto t = rd.table(*tbl, "pattern", Need::required)) {
      rd.keys(*t, {"shifts", "shift_hours", "crews", "codes", "cycle", "average_weekly_hours", "lawful", "note_zh",
                   "note_en"});
      // Every figure is required; `lawful` is true unless the file says otherwise.
      auto shifts = rd.integer(*t, "shifts", 1, 24, Need::required);
      auto shift_hours = rd.number(*t, "shift_hours", data::Range::positive(24), Need::required);
      auto crews = rd.integer(*t, "crews", 1, 100, Need::required);
      p.codes = rd.strings(*t, "codes", Need::required);
      p.cycle = rd.str(*t, "cycle", Need::required);
      auto average = rd.number(*t, "average_weekly_hours", data::Range::at_least(0, 168), Need::required);
      if (auto lawful = rd.boolean(*t, "lawful")) p.lawful = *lawful;
      p.note = rd.text(*t, "note_zh", "note_en", Need::optional);
      if (shifts && shift_hours && crews && average && !rd.failed()) {
        p.shifts = static_cast<int>(*shifts);
        p.shift_hours = *shift_hours;
        p.crews = static_cast<int>(*crews);
        p.average_weekly_hours = *average;
        check_cycle(p, rd, *t);
      }
    }
  }
  bool failed = !tbl || diag::has_errors(local);
  out.insert(out.end(), local.begin(), local.end());
  if (failed) return std::nullopt;
  return p;
}

std::vector<Pattern> builtin_patterns(diag::Diagnostics &out) {
  std::vector<Pattern> all;
  for (const auto &path : res::list("data/patterns/")) {
    auto text = res::get(path);
    if (!text) continue;
    std::string name = path.substr(path.rfind('/') + 1);
    name = name.substr(0, name.size() - 5); // ".toml"
    if (auto p = parse_pattern(*text, "lib/" + path, name, out)) all.push_back(std::move(*p));
  }
  return all;
}

const Pattern *find_pattern(const std::vector<Pattern> &all, const std::string &name) {
  for (const auto &p : all)
    if (p.name == name || p.title.zh == name) return &p;
  return nullptr;
}

bool shape_fits(const Pattern &pat, const PostDemand &post) {
  if (!post.days.empty() || static_cast<int>(post.shifts.size()) != pat.shifts) return false;
  int len = static_cast<int>(std::lround(pat.shift_hours * 60));
  int total = 0;
  for (const auto &s : post.shifts) {
    if (s.minutes() != len) return false;
    total += s.minutes();
  }
  // The shifts must follow one another round the clock.
  for (std::size_t i = 1; i < post.shifts.size(); ++i)
    if (post.shifts[i].start != post.shifts[i - 1].end) return false;
  return total == 1440;
}

std::optional<std::vector<int>> team_fits(const Pattern &pat, const Problem &p, int post) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  if (d.duty || !shape_fits(pat, d)) return std::nullopt;
  std::vector<int> team;
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    const Person &x = p.people[static_cast<std::size_t>(i)];
    if (x.home != post) continue;
    if (!p.eligible(i, post)) return std::nullopt;
    if (x.hours_per_week > 0 && x.hours_per_week + 1e-9 < std::min(pat.average_weekly_hours, p.labor.weekly_hours))
      return std::nullopt;
    for (int day = p.first_day; day <= p.calendar_end(); ++day)
      if (x.unavailable.count(day)) return std::nullopt;
    team.push_back(i);
  }
  if (static_cast<int>(team.size()) != pat.crews * d.seats) return std::nullopt;
  return team;
}

std::vector<Assignment> apply(const Pattern &pat, const Problem &p, int post, const std::vector<int> &team) {
  std::vector<Assignment> out;
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  for (int day = p.first_day; day <= p.last_day(); ++day)
    for (int crew = 0; crew < pat.crews; ++crew) {
      int s = pat.shift_on(crew, day);
      if (s < 0) continue;
      for (int seat = 0; seat < d.seats; ++seat) {
        Assignment a;
        a.person = team[static_cast<std::size_t>(crew * d.seats + seat)];
        a.post = post;
        a.start = d.shift_start(day, s);
        a.end = a.start + d.shifts[static_cast<std::size_t>(s)].minutes();
        out.push_back(a);
      }
    }
  return out;
}

} // namespace pm::roster
