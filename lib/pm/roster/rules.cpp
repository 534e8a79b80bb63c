#include <pm/i18n/messages.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <tuple>

namespace pm::roster {

using i18n::both;
using i18n::both_sides;
namespace msg = i18n::msg;

namespace {

std::string hm(int minutes_of_day) { return fmt::format("{:02}:{:02}", minutes_of_day / 60, minutes_of_day % 60); }

std::string h1(double v) { return util::format_number(std::round(v * 10) / 10, 1); }

const catalog::Text &name(const Problem &p, int person) { return p.people[static_cast<std::size_t>(person)].name; }

struct Sink {
  std::vector<Violation> &out;
  void add(const std::string &rule, int assignment, catalog::Text message, diag::Severity sev = diag::Severity::error) {
    out.push_back({rule, std::move(message), assignment, sev});
  }
};

std::string shifts_list(const PostDemand &d) {
  std::string s;
  for (const auto &x : d.shifts)
    s += (s.empty() ? "" : ", ") + hm(x.start) + "–" + (x.end == 0 ? std::string("24:00") : hm(x.end));
  return s;
}

} // namespace

catalog::Text when(int start, int end) {
  int day = first_calendar_day(start);
  int s = start - day * 1440;
  int e = end - first_calendar_day(end) * 1440;
  std::string t = util::format_date(day) + " " + hm(s) + "–" + (e == 0 ? std::string("24:00") : hm(e));
  return {t, t};
}

int shift_of(const Problem &p, const Assignment &a) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(a.post)];
  for (int i = 0; i < static_cast<int>(d.shifts.size()); ++i) {
    int len = d.shifts[static_cast<std::size_t>(i)].minutes();
    if (a.end - a.start != len) continue;
    int base = a.start - d.shifts.front().start - d.shift_offset(i);
    if (base % 1440 == 0) return i;
  }
  return -1;
}

RuleFrame::RuleFrame(const Problem &p)
    : first(p.first_day), last(p.calendar_end()), windows(averaging_windows(p.labor, first, last)) {}

namespace {

// Collects every violation with its message.
struct Collect {
  std::vector<Violation> &out;
  template <class Make> bool add(const char *rule, int assignment, Make make) {
    out.push_back({rule, make(), assignment, diag::Severity::error});
    return false; // go on
  }
};

// Stops at the first violation, with no message made.
struct FirstOnly {
  bool found = false;
  template <class Make> bool add(const char *, int, Make) {
    found = true;
    return true; // stop
  }
};

// The per-person rules, once for the checker (Collect) and the solver's passes (FirstOnly):
// unavailable dates; on-call gaps, overlaps and limits; overlap and rest between shifts; consecutive days; free
// days in every 7-day window; consecutive nights; hours per averaging period. `list` holds the
// indices of one person's assignments, in any order. Returns false when the sink asked to stop.
template <class Out>
bool person_rules(const Problem &p, const RuleFrame &f, const std::vector<Assignment> &a, int person,
                  std::vector<int> list, Out &sink) {
  const staff::Labor &l = p.labor;
  const int cal_first = f.first, cal_last = f.last;
  const int span = cal_last - cal_first + 1;
  const int rest = static_cast<int>(std::lround(l.min_rest_between_shifts * 60));
  const int gap = static_cast<int>(std::lround(l.on_call_min_gap_hours * 60));
  const catalog::Text &nm = name(p, person);
  const Person &who = p.people[static_cast<std::size_t>(person)];

  if (!who.unavailable.empty())
    for (int i : list)
      for (int day = first_calendar_day(a[i].start); day <= last_calendar_day(a[i].end); ++day)
        if (who.unavailable.count(day)) {
          if (sink.add("unavailable", i,
                       [&] { return both_sides(msg::roster_unavailable, who.name, util::format_date(day)); }))
            return false;
          break;
        }

  // On-call nights (值班) are not working time: they are kept apart and checked on their own.
  std::vector<int> on_call;
  for (std::size_t k = 0; k < list.size();) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(a[list[k]].post)];
    if (d.on_call >= 0 && d.is_on_call(shift_of(p, a[list[k]]))) {
      on_call.push_back(list[k]);
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
  auto by_time = [&](int x, int y) { return std::tie(a[x].start, a[x].end) < std::tie(a[y].start, a[y].end); };

  if (!on_call.empty()) {
    std::stable_sort(on_call.begin(), on_call.end(), [&](int x, int y) { return a[x].start < a[y].start; });
    for (int c : on_call) {
      for (int s : list) {
        int between = std::max(a[s].start - a[c].end, a[c].start - a[s].end);
        if (between < gap && sink.add("on-call-rest", a[s].start > a[c].start ? s : c, [&] {
              return both_sides(msg::roster_on_call_gap, nm, when(a[c].start, a[c].end), when(a[s].start, a[s].end),
                                h1(std::max(0, between) / 60.0), h1(l.on_call_min_gap_hours));
            }))
          return false;
      }
    }
    for (std::size_t k = 1; k < on_call.size(); ++k)
      if (a[on_call[k]].start < a[on_call[k - 1]].end && sink.add("overlap", on_call[k], [&] {
            return both_sides(msg::roster_overlap, nm, when(a[on_call[k - 1]].start, a[on_call[k - 1]].end).en,
                              p.posts[a[on_call[k - 1]].post].name, when(a[on_call[k]].start, a[on_call[k]].end).en,
                              p.posts[a[on_call[k]].post].name);
          }))
        return false;
    for (int w = cal_first; w + 6 <= cal_last; ++w) {
      int count = 0, at = -1;
      for (int c : on_call) {
        int day = first_calendar_day(a[c].start);
        if (day >= w && day <= w + 6) {
          ++count;
          at = c;
        }
      }
      if (count <= l.on_call_max_per_7) continue;
      if (sink.add("on-call-limit", at, [&] {
            return both_sides(msg::roster_on_call_limit, nm, util::format_date(w), util::format_date(w + 6),
                              std::to_string(count), std::to_string(l.on_call_max_per_7));
          }))
        return false;
      w += 6; // one report per stretch
    }
  }

  if (list.empty()) return true;
  if (!std::is_sorted(list.begin(), list.end(), by_time)) std::stable_sort(list.begin(), list.end(), by_time);

  for (std::size_t k = 1; k < list.size(); ++k) {
    const Assignment &prev = a[list[k - 1]];
    const Assignment &cur = a[list[k]];
    if (cur.start < prev.end) {
      if (sink.add("overlap", list[k], [&] {
            return both_sides(msg::roster_overlap, nm, when(prev.start, prev.end).en, p.posts[prev.post].name,
                              when(cur.start, cur.end).en, p.posts[cur.post].name);
          }))
        return false;
    } else if (cur.start - prev.end < rest) {
      if (sink.add("rest", list[k], [&] {
            return both_sides(msg::roster_rest, nm, when(prev.start, prev.end).en, when(cur.start, cur.end).en,
                              h1((cur.start - prev.end) / 60.0), h1(l.min_rest_between_shifts));
          }))
        return false;
    }
  }

  // Worked calendar days, and for each day the first shift that touches it.
  std::vector<int> first_shift(static_cast<std::size_t>(span), -1);
  for (int i : list)
    for (int day = std::max(cal_first, first_calendar_day(a[i].start));
         day <= std::min(cal_last, last_calendar_day(a[i].end)); ++day)
      if (first_shift[static_cast<std::size_t>(day - cal_first)] < 0)
        first_shift[static_cast<std::size_t>(day - cal_first)] = i;
  auto worked = [&](int day) { return first_shift[static_cast<std::size_t>(day - cal_first)] >= 0; };

  for (int d = cal_first; d <= cal_last;) {
    if (!worked(d)) {
      ++d;
      continue;
    }
    int e = d;
    while (e + 1 <= cal_last && worked(e + 1)) ++e;
    int run = e - d + 1;
    if (run > l.max_consecutive_days &&
        sink.add("consecutive-days", first_shift[static_cast<std::size_t>(d + l.max_consecutive_days - cal_first)],
                 [&] {
                   return both_sides(msg::roster_consecutive_days, nm, util::format_date(d), util::format_date(e),
                                     std::to_string(run), std::to_string(l.max_consecutive_days));
                 }))
      return false;
    d = e + 1;
  }

  if (l.min_free_days_per_7 > 0) {
    // worked_before[k]: worked days among the first k calendar days.
    std::vector<int> worked_before(static_cast<std::size_t>(span) + 1, 0);
    for (int k = 0; k < span; ++k)
      worked_before[static_cast<std::size_t>(k) + 1] =
          worked_before[static_cast<std::size_t>(k)] + (worked(cal_first + k) ? 1 : 0);
    for (int w = cal_first; w + 6 <= cal_last; ++w) {
      int k = w - cal_first;
      int free = 7 - (worked_before[static_cast<std::size_t>(k) + 7] - worked_before[static_cast<std::size_t>(k)]);
      if (free >= l.min_free_days_per_7) continue;
      // Seven worked days in a row are already reported as consecutive days.
      if (free == 0 && l.max_consecutive_days < 7) continue;
      int at = -1;
      for (int d = w + 6; d >= w && at < 0; --d) at = first_shift[static_cast<std::size_t>(d - cal_first)];
      if (sink.add("free-day", at, [&] {
            return both_sides(msg::roster_free_days, nm, util::format_date(w), util::format_date(w + 6),
                              std::to_string(free), std::to_string(l.min_free_days_per_7));
          }))
        return false;
      w += 6; // one report per stretch
    }
  }

  // Runs of nights on consecutive dates.
  int run = 0, last_night = 0;
  for (int i : list) {
    if (!is_night(l, a[i].start, a[i].end)) continue;
    int day = first_calendar_day(a[i].start);
    run = (run > 0 && day == last_night + 1) ? run + 1 : (run > 0 && day == last_night ? run : 1);
    last_night = day;
    if (run == l.max_consecutive_nights + 1 && sink.add("consecutive-nights", i, [&] {
          return both_sides(msg::roster_consecutive_nights, nm, std::to_string(run), when(a[i].start, a[i].end),
                            std::to_string(l.max_consecutive_nights));
        }))
      return false;
  }

  // Hours over each averaging period.
  for (const Window &win : f.windows) {
    double hours = 0;
    int last = -1;
    for (int i : list) {
      int day = first_calendar_day(a[i].start);
      if (day < win.first || day > win.last) continue;
      hours += (a[i].end - a[i].start) / 60.0;
      last = i;
    }
    double cap = max_hours(l, who, win);
    if (hours <= cap + 1e-6) continue;
    if (sink.add("hours", last, [&] {
          double standard = standard_hours(l, who, win.days());
          bool part_time = who.hours_per_week > 0 && who.hours_per_week < l.weekly_hours;
          catalog::Text limit = part_time
                                    ? both(msg::roster_limit_part_time, h1(cap), h1(who.hours_per_week))
                                    : both(msg::roster_limit_full_time, h1(cap), h1(standard), h1(cap - standard));
          return both_sides(msg::roster_hours, nm, win.label, std::to_string(win.days()), h1(hours), limit);
        }))
      return false;
  }
  return true;
}

} // namespace

std::vector<Violation> check_person(const Problem &p, const RuleFrame &f, const std::vector<Assignment> &a, int person,
                                    const std::vector<int> &mine) {
  std::vector<Violation> out;
  Collect sink{out};
  person_rules(p, f, a, person, mine, sink);
  return out;
}

bool person_lawful(const Problem &p, const RuleFrame &f, const std::vector<Assignment> &a, int person,
                   const std::vector<int> &mine) {
  FirstOnly sink;
  person_rules(p, f, a, person, mine, sink);
  return !sink.found;
}

std::vector<Violation> check(const Problem &p, const std::vector<Assignment> &a) {
  std::vector<Violation> out;
  Sink sink{out};
  const staff::Labor &l = p.labor;
  const int n = static_cast<int>(a.size());

  // Coverage: each slot's seats against the assignments that fill it.
  std::map<std::tuple<int, int, int>, std::vector<int>> filled;
  for (int i = 0; i < n; ++i) filled[{a[i].post, a[i].start, a[i].end}].push_back(i);
  std::map<std::tuple<int, int, int>, bool> is_slot;
  for (const Slot &s : p.slots()) {
    is_slot[{s.post, s.start, s.end}] = true;
    auto it = filled.find({s.post, s.start, s.end});
    int have = it == filled.end() ? 0 : static_cast<int>(it->second.size());
    const PostDemand &d = p.posts[static_cast<std::size_t>(s.post)];
    std::string w = when(s.start, s.end).en;
    if (have < s.seats)
      sink.add("coverage", -1,
               both_sides(s.seats == 1 ? msg::roster_coverage_short_one : msg::roster_coverage_short, d.name, w,
                          std::to_string(s.seats), std::to_string(have)));
    else if (have > s.seats)
      sink.add("over-coverage", it->second.back(),
               both_sides(msg::roster_over_coverage, d.name, w, std::to_string(s.seats), std::to_string(have)),
               diag::Severity::warning);
  }

  // Each shift on its own.
  for (int i = 0; i < n; ++i) {
    const Assignment &x = a[i];
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    const PostDemand &d = p.posts[static_cast<std::size_t>(x.post)];
    std::string w = when(x.start, x.end).en;
    if (!is_slot.count({x.post, x.start, x.end})) {
      int first_rota = p.first_day, last_rota = p.last_day();
      if (shift_of(p, x) < 0)
        sink.add("not-a-shift", i, both_sides(msg::roster_no_such_shift, d.name, w, shifts_list(d)));
      else
        sink.add("not-a-shift", i,
                 both_sides(msg::roster_outside_period, d.name, w, util::format_date(first_rota),
                            util::format_date(last_rota)));
    }
    if (std::find(d.roles.begin(), d.roles.end(), who.role) == d.roles.end())
      sink.add("role", i, both_sides(msg::roster_wrong_role, who.name, p.role_name(who.role), d.name));
    else if (d.team && who.home != x.post)
      sink.add("team", i, both_sides(msg::roster_team_only, who.name, d.name));
    else if (!who.holds(d.licence))
      sink.add("licence", i, both_sides(msg::roster_no_licence, who.name, d.name, p.licence_name(d.licence)));
    if (x.end - x.start > l.max_shift_hours * 60 + 1e-9)
      sink.add("shift-length", i,
               both(msg::roster_shift_too_long, w, h1((x.end - x.start) / 60.0), h1(l.max_shift_hours)));
  }

  // Each person's shifts, by the per-person rules.
  std::vector<std::vector<int>> mine(p.people.size());
  for (int i = 0; i < n; ++i) mine[static_cast<std::size_t>(a[i].person)].push_back(i);
  RuleFrame frame(p);
  for (int person = 0; person < static_cast<int>(p.people.size()); ++person) {
    if (mine[static_cast<std::size_t>(person)].empty()) continue;
    auto v = check_person(p, frame, a, person, mine[static_cast<std::size_t>(person)]);
    out.insert(out.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  }

  std::stable_sort(out.begin(), out.end(), [&](const Violation &x, const Violation &y) {
    int lx = x.assignment < 0 ? 0 : (a[x.assignment].line > 0 ? a[x.assignment].line : x.assignment + 2);
    int ly = y.assignment < 0 ? 0 : (a[y.assignment].line > 0 ? a[y.assignment].line : y.assignment + 2);
    return lx < ly;
  });
  return out;
}

} // namespace pm::roster
