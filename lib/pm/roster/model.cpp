#include <pm/roster/model.hpp>
#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace pm::roster {

bool PostDemand::needed_on(int day) const {
  return days.empty() || std::find(days.begin(), days.end(), util::iso_weekday(day)) != days.end();
}

int PostDemand::shift_offset(int i) const {
  int off = shifts[static_cast<std::size_t>(i)].start - shifts.front().start;
  return off < 0 ? off + 1440 : off;
}

int PostDemand::shift_start(int day, int i) const { return day * 1440 + shifts.front().start + shift_offset(i); }

double PostDemand::weekly_hours() const {
  double per_day = 0;
  for (int i = 0; i < static_cast<int>(shifts.size()); ++i)
    if (!is_on_call(i)) per_day += shifts[static_cast<std::size_t>(i)].minutes() / 60.0;
  return seats * per_day * (days.empty() ? 7.0 : static_cast<double>(days.size()));
}

bool PostDemand::round_the_clock() const {
  int m = 0;
  for (const auto &s : shifts) m += s.minutes();
  return m >= 1440 && days.empty();
}

bool Person::holds(const std::string &licence) const {
  return licence.empty() || placeholder || std::find(licences.begin(), licences.end(), licence) != licences.end();
}

std::vector<Slot> Problem::slots() const {
  std::vector<Slot> out;
  for (int p = 0; p < static_cast<int>(posts.size()); ++p) {
    const auto &post = posts[static_cast<std::size_t>(p)];
    for (int d = 0; d < days; ++d) {
      if (!post.needed_on(first_day + d)) continue;
      for (int i = 0; i < static_cast<int>(post.shifts.size()); ++i) {
        Slot s;
        s.post = p;
        s.shift = i;
        s.day = d;
        s.start = post.shift_start(first_day + d, i);
        s.end = s.start + post.shifts[static_cast<std::size_t>(i)].minutes();
        s.seats = post.seats;
        out.push_back(s);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Slot &a, const Slot &b) {
    return std::tie(a.start, a.post, a.shift) < std::tie(b.start, b.post, b.shift);
  });
  return out;
}

bool Problem::eligible(int person, int post) const {
  const Person &x = people[static_cast<std::size_t>(person)];
  const PostDemand &p = posts[static_cast<std::size_t>(post)];
  if (p.team && x.home != post) return false;
  return std::find(p.roles.begin(), p.roles.end(), x.role) != p.roles.end() && x.holds(p.licence);
}

int Problem::find_person(const std::string &id) const {
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people[i].id == id) return static_cast<int>(i);
  return -1;
}

int Problem::find_post(const std::string &id) const {
  for (std::size_t i = 0; i < posts.size(); ++i)
    if (posts[i].id == id) return static_cast<int>(i);
  return -1;
}

catalog::Text Problem::role_name(const std::string &id) const {
  auto it = role_names.find(id);
  return it != role_names.end() ? it->second : catalog::Text::same(id);
}

catalog::Text Problem::licence_name(const std::string &id) const {
  auto it = licence_names.find(id);
  return it != licence_names.end() ? it->second : catalog::Text::same(id);
}

int Problem::calendar_end() const {
  int end = last_day();
  for (const auto &p : posts)
    for (int i = 0; i < static_cast<int>(p.shifts.size()); ++i) {
      int s = p.shift_start(last_day(), i) + p.shifts[static_cast<std::size_t>(i)].minutes();
      end = std::max(end, last_calendar_day(s));
    }
  return end;
}

void assign_homes(Problem &pr, const std::string &role) {
  // Fill this role's posts in order up to the people staffed for each, then spread any extra
  // people round the posts they may take.
  std::vector<int> posts;
  for (int i = 0; i < static_cast<int>(pr.posts.size()); ++i)
    if (!pr.posts[static_cast<std::size_t>(i)].duty && pr.posts[static_cast<std::size_t>(i)].role == role)
      posts.push_back(i);
  std::map<int, int> filled;
  std::vector<Person *> extra;
  for (auto &p : pr.people) {
    if (p.role != role) continue;
    p.home = -1;
    for (int i : posts) {
      const PostDemand &d = pr.posts[static_cast<std::size_t>(i)];
      if (filled[i] < d.people && p.holds(d.licence)) {
        p.home = i;
        ++filled[i];
        break;
      }
    }
    if (p.home < 0) extra.push_back(&p);
  }
  std::size_t k = 0;
  for (Person *p : extra) {
    for (std::size_t tries = 0; tries < posts.size(); ++tries, ++k) {
      int i = posts[k % posts.size()];
      if (p->holds(pr.posts[static_cast<std::size_t>(i)].licence)) {
        p->home = i;
        ++k;
        break;
      }
    }
  }
}

int first_calendar_day(int start) { return start >= 0 ? start / 1440 : -((-start + 1439) / 1440); }
int last_calendar_day(int end) { return first_calendar_day(end - 1); }

namespace {
int hhmm(const std::string &s, int fallback) {
  if (s.size() != 5 || s[2] != ':') return fallback;
  try {
    return std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2));
  } catch (...) {
    return fallback;
  }
}
} // namespace

// A night shift has at least 3 hours in the night window (the "night worker" threshold of
// EU directive 2003/88/EC art. 2(4); Chinese law sets none), so 16:00-24:00 is not a night
// shift while 00:00-08:00 and 20:00-08:00 are.
bool is_night(const staff::Labor &l, int start, int end) {
  int ns = hhmm(l.night_start, 22 * 60), ne = hhmm(l.night_end, 6 * 60);
  int len = ne > ns ? ne - ns : ne + 1440 - ns;
  int overlap = 0;
  for (int d = first_calendar_day(start) - 1; d <= last_calendar_day(end); ++d) {
    int a = d * 1440 + ns, b = a + len;
    overlap += std::max(0, std::min(b, end) - std::max(a, start));
  }
  return overlap >= 180;
}

namespace {
// The first day of the averaging period containing `day`, and the first day of the next.
std::pair<int, int> period_of(const std::string &kind, int day, std::string &label) {
  util::YearMonthDay c = util::civil(day);
  if (kind == "week") {
    util::IsoWeek w = util::iso_week(day);
    label = fmt::format("{:04}-W{:02}", w.year, w.week);
    int monday = util::week_start(day);
    return {monday, monday + 7};
  }
  if (kind == "quarter") {
    int q = (c.month - 1) / 3;
    label = fmt::format("{:04}-Q{}", c.year, q + 1);
    return {util::month_start(c.year, q * 3 + 1), util::month_start(c.year, q * 3 + 4)};
  }
  if (kind == "year") {
    label = fmt::format("{:04}", c.year);
    return {util::month_start(c.year, 1), util::month_start(c.year + 1, 1)};
  }
  label = fmt::format("{:04}-{:02}", c.year, c.month);
  return {util::month_start(c.year, c.month), util::month_start(c.year, c.month + 1)};
}

} // namespace

double overtime_cap(const staff::Labor &l, int first, int last) {
  double cap = 0;
  for (int d = first; d <= last;) {
    util::YearMonthDay c = util::civil(d);
    int length = util::days_in_month(c.year, c.month);
    int until = std::min(last, util::month_start(c.year, c.month) + length - 1);
    cap += l.overtime_cap_month * (until - d + 1) / length;
    d = until + 1;
  }
  return cap;
}

std::vector<Window> averaging_windows(const staff::Labor &l, int first_day, int last_day) {
  std::vector<Window> out;
  for (int d = first_day; d <= last_day;) {
    std::string label;
    auto [a, b] = period_of(l.averaging_period, d, label);
    (void)a;
    Window w{d, std::min(last_day, b - 1), label};
    out.push_back(w);
    d = w.last + 1;
  }
  // Pieces shorter than a week say nothing about an average: merge them into a neighbour.
  if (out.size() > 1) {
    std::vector<Window> merged;
    for (auto &w : out) {
      if (!merged.empty() && (w.days() < 7 || merged.back().days() < 7)) {
        merged.back().last = w.last;
        merged.back().label += "+" + w.label;
      } else {
        merged.push_back(w);
      }
    }
    out = merged;
  }
  return out;
}

double weekly_target(const staff::Labor &l, const Person &p) {
  return p.hours_per_week > 0 ? std::min(p.hours_per_week, l.weekly_hours) : l.weekly_hours;
}

double standard_hours(const staff::Labor &l, const Person &p, int days) { return weekly_target(l, p) * days / 7.0; }

double max_hours(const staff::Labor &l, const Person &p, const Window &w) {
  // Part-timers work at most their contracted hours; full-timers the standard week plus the
  // monthly overtime cap, each pro rata over the window.
  if (p.hours_per_week > 0 && p.hours_per_week < l.weekly_hours) return p.hours_per_week * w.days() / 7.0;
  return l.weekly_hours * w.days() / 7.0 + overtime_cap(l, w.first, w.last);
}

} // namespace pm::roster
