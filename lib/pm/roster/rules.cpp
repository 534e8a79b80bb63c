#include <pm/i18n/messages.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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
    for (int day = first_calendar_day(x.start); day <= last_calendar_day(x.end); ++day)
      if (who.unavailable.count(day)) {
        sink.add("unavailable", i, both_sides(msg::roster_unavailable, who.name, util::format_date(day)));
        break;
      }
  }

  // Each person's shifts in time order.
  std::vector<std::vector<int>> mine(p.people.size());
  // On-call nights (值班) are not working time: they are kept apart and checked on their own.
  std::vector<std::vector<int>> calls(p.people.size());
  for (int i = 0; i < n; ++i) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(a[i].post)];
    bool call = d.on_call >= 0 && d.is_on_call(shift_of(p, a[i]));
    (call ? calls : mine)[static_cast<std::size_t>(a[i].person)].push_back(i);
  }
  const int cal_first = p.first_day, cal_last = p.calendar_end();
  const int span = cal_last - cal_first + 1;
  const int rest = static_cast<int>(std::lround(l.min_rest_between_shifts * 60));
  auto windows = averaging_windows(l, cal_first, cal_last);

  const int gap = static_cast<int>(std::lround(l.on_call_min_gap_hours * 60));
  for (int person = 0; person < static_cast<int>(p.people.size()); ++person) {
    auto &on_call = calls[static_cast<std::size_t>(person)];
    if (on_call.empty()) continue;
    std::stable_sort(on_call.begin(), on_call.end(), [&](int x, int y) { return a[x].start < a[y].start; });
    const catalog::Text &nm = name(p, person);
    for (int c : on_call) {
      for (int s : mine[static_cast<std::size_t>(person)]) {
        int between = std::max(a[s].start - a[c].end, a[c].start - a[s].end);
        if (between < gap)
          sink.add("on-call-rest", a[s].start > a[c].start ? s : c,
                   both_sides(msg::roster_on_call_gap, nm, when(a[c].start, a[c].end), when(a[s].start, a[s].end),
                              h1(std::max(0, between) / 60.0), h1(l.on_call_min_gap_hours)));
      }
    }
    for (std::size_t k = 1; k < on_call.size(); ++k)
      if (a[on_call[k]].start < a[on_call[k - 1]].end)
        sink.add("overlap", on_call[k],
                 both_sides(msg::roster_overlap, nm, when(a[on_call[k - 1]].start, a[on_call[k - 1]].end).en,
                            p.posts[a[on_call[k - 1]].post].name, when(a[on_call[k]].start, a[on_call[k]].end).en,
                            p.posts[a[on_call[k]].post].name));
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
      sink.add("on-call-limit", at,
               both_sides(msg::roster_on_call_limit, nm, util::format_date(w), util::format_date(w + 6),
                          std::to_string(count), std::to_string(l.on_call_max_per_7)));
      w += 6; // one report per stretch
    }
  }

  for (int person = 0; person < static_cast<int>(p.people.size()); ++person) {
    auto &list = mine[static_cast<std::size_t>(person)];
    if (list.empty()) continue;
    std::stable_sort(list.begin(), list.end(),
                     [&](int x, int y) { return std::tie(a[x].start, a[x].end) < std::tie(a[y].start, a[y].end); });
    const catalog::Text &nm = name(p, person);
    const Person &who = p.people[static_cast<std::size_t>(person)];

    for (std::size_t k = 1; k < list.size(); ++k) {
      const Assignment &prev = a[list[k - 1]];
      const Assignment &cur = a[list[k]];
      std::string pw = when(prev.start, prev.end).en, cw = when(cur.start, cur.end).en;
      if (cur.start < prev.end)
        sink.add("overlap", list[k],
                 both_sides(msg::roster_overlap, nm, pw, p.posts[prev.post].name, cw, p.posts[cur.post].name));
      else if (cur.start - prev.end < rest)
        sink.add(
            "rest", list[k],
            both_sides(msg::roster_rest, nm, pw, cw, h1((cur.start - prev.end) / 60.0), h1(l.min_rest_between_shifts)));
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
      if (run > l.max_consecutive_days)
        sink.add("consecutive-days", first_shift[static_cast<std::size_t>(d + l.max_consecutive_days - cal_first)],
                 both_sides(msg::roster_consecutive_days, nm, util::format_date(d), util::format_date(e),
                            std::to_string(run), std::to_string(l.max_consecutive_days)));
      d = e + 1;
    }

    if (l.min_free_days_per_7 > 0)
      for (int w = cal_first; w + 6 <= cal_last; ++w) {
        int free = 0;
        for (int d = w; d <= w + 6; ++d) free += worked(d) ? 0 : 1;
        if (free >= l.min_free_days_per_7) continue;
        // Seven worked days in a row are already reported as consecutive days.
        if (free == 0 && l.max_consecutive_days < 7) continue;
        int at = -1;
        for (int d = w + 6; d >= w && at < 0; --d) at = first_shift[static_cast<std::size_t>(d - cal_first)];
        sink.add("free-day", at,
                 both_sides(msg::roster_free_days, nm, util::format_date(w), util::format_date(w + 6),
                            std::to_string(free), std::to_string(l.min_free_days_per_7)));
        w += 6; // one report per stretch
      }

    // Runs of nights on consecutive dates.
    int run = 0, last_night = 0;
    for (int i : list) {
      if (!is_night(l, a[i].start, a[i].end)) continue;
      int day = first_calendar_day(a[i].start);
      run = (run > 0 && day == last_night + 1) ? run + 1 : (run > 0 && day == last_night ? run : 1);
      last_night = day;
      if (run == l.max_consecutive_nights + 1)
        sink.add("consecutive-nights", i,
                 both_sides(msg::roster_consecutive_nights, nm, std::to_string(run), when(a[i].start, a[i].end),
                            std::to_string(l.max_consecutive_nights)));
    }

    // Hours over each averaging period.
    for (const Window &win : windows) {
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
      double standard = standard_hours(l, who, win.days());
      bool part_time = who.hours_per_week > 0 && who.hours_per_week < l.weekly_hours;
      catalog::Text limit = part_time ? both(msg::roster_limit_part_time, h1(cap), h1(who.hours_per_week))
                                      : both(msg::roster_limit_full_time, h1(cap), h1(standard), h1(cap - standard));
      sink.add("hours", last,
               both_sides(msg::roster_hours, nm, win.label, std::to_string(win.days()), h1(hours), limit));
    }
  }

  std::stable_sort(out.begin(), out.end(), [&](const Violation &x, const Violation &y) {
    int lx = x.assignment < 0 ? 0 : (a[x.assignment].line > 0 ? a[x.assignment].line : x.assignment + 2);
    int ly = y.assignment < 0 ? 0 : (a[y.assignment].line > 0 ? a[y.assignment].line : y.assignment + 2);
    return lx < ly;
  });
  return out;
}

} // namespace pm::roster
