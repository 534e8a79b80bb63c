#include <pm/roster/fair.hpp>
#include <pm/roster/grid.hpp>
#include <pm/roster/rules.hpp>
#include <pm/roster/summary.hpp>
#include <pm/util/date.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace pm::roster {

namespace {
void widen(Spread &s, int v, bool &first) {
  if (first) {
    s.min = s.max = v;
    first = false;
  } else {
    s.min = std::min(s.min, v);
    s.max = std::max(s.max, v);
  }
}
double r1(double v) { return std::round(v * 10) / 10; }
} // namespace

Summary summarize(const Problem &p, const std::vector<Assignment> &a) {
  Summary s;
  const staff::Labor &l = p.labor;
  const int cal_first = p.first_day, cal_last = p.calendar_end();
  auto windows = averaging_windows(l, cal_first, cal_last);
  s.people.resize(p.people.size());
  std::vector<std::vector<int>> worked(p.people.size(),
                                       std::vector<int>(static_cast<std::size_t>(cal_last - cal_first + 1), 0));
  std::vector<std::vector<double>> in_window(p.people.size(), std::vector<double>(windows.size(), 0));
  for (std::size_t i = 0; i < p.people.size(); ++i) s.people[i].person = static_cast<int>(i);
  for (const auto &x : a) {
    PersonSummary &ps = s.people[static_cast<std::size_t>(x.person)];
    double h = (x.end - x.start) / 60.0;
    int fd = first_calendar_day(x.start);
    if (p.posts[static_cast<std::size_t>(x.post)].is_on_call(shift_of(p, x))) {
      ++ps.on_call; // not working time: no hours, night or worked day
      continue;
    }
    ++ps.shifts;
    ps.hours += h;
    if (is_night(l, x.start, x.end)) ++ps.nights;
    if (util::is_weekend(fd)) ++ps.weekends;
    if (p.holidays && p.holidays->contains(fd)) ++ps.holidays;
    for (int d = std::max(cal_first, fd); d <= std::min(cal_last, last_calendar_day(x.end)); ++d)
      worked[static_cast<std::size_t>(x.person)][static_cast<std::size_t>(d - cal_first)] = 1;
    for (std::size_t w = 0; w < windows.size(); ++w)
      if (fd >= windows[w].first && fd <= windows[w].last) in_window[static_cast<std::size_t>(x.person)][w] += h;
  }
  for (std::size_t i = 0; i < p.people.size(); ++i) {
    PersonSummary &ps = s.people[i];
    ps.weekly_average = r1(ps.hours / (p.days / 7.0));
    for (std::size_t w = 0; w < windows.size(); ++w)
      ps.overtime += std::max(0.0, in_window[i][w] - standard_hours(l, p.people[i], windows[w].days()));
    ps.overtime = r1(ps.overtime);
    ps.hours = r1(ps.hours);
    for (int d = p.first_day; d <= p.last_day(); ++d)
      ps.free_days += worked[i][static_cast<std::size_t>(d - cal_first)] ? 0 : 1;
  }

  // Coverage per post.
  std::map<std::tuple<int, int, int>, int> filled;
  for (const auto &x : a) ++filled[{x.post, x.start, x.end}];
  s.posts.resize(p.posts.size());
  for (std::size_t i = 0; i < p.posts.size(); ++i) s.posts[i].post = static_cast<int>(i);
  for (const Slot &slot : p.slots()) {
    PostSummary &ps = s.posts[static_cast<std::size_t>(slot.post)];
    ps.seat_shifts += slot.seats;
    auto it = filled.find({slot.post, slot.start, slot.end});
    ps.covered += std::min(slot.seats, it == filled.end() ? 0 : it->second);
  }
  bool f_n = true, f_w = true, f_h = true;
  for (auto &ps : s.posts) {
    s.seat_shifts += ps.seat_shifts;
    s.covered += ps.covered;
    bool first_n = true, first_w = true, first_h = true;
    std::vector<int> who;
    for (const auto &x : a)
      if (x.post == ps.post && std::find(who.begin(), who.end(), x.person) == who.end()) who.push_back(x.person);
    ps.people = static_cast<int>(who.size());
    // Spreads among the post's own team (its home people), else among those who worked it.
    std::vector<int> team;
    for (std::size_t i = 0; i < p.people.size(); ++i)
      if (p.people[i].home == ps.post) team.push_back(static_cast<int>(i));
    if (team.empty()) team = who;
    for (int i : team) {
      const PersonSummary &x = s.people[static_cast<std::size_t>(i)];
      widen(ps.nights, x.nights, first_n);
      widen(ps.weekends, x.weekends, first_w);
      widen(ps.hours, static_cast<int>(std::lround(x.hours)), first_h);
    }
  }
  for (std::size_t i = 0; i < p.people.size(); ++i) {
    if (p.people[i].home < 0) continue;
    widen(s.nights, s.people[i].nights, f_n);
    widen(s.weekends, s.people[i].weekends, f_w);
    widen(s.holidays, s.people[i].holidays, f_h);
  }
  // Fair shares: each group of people who share posts.
  for (auto &g : share_groups(p)) {
    bool worked = false;
    for (int i : g.people) worked = worked || s.people[static_cast<std::size_t>(i)].shifts > 0;
    if (!worked) continue;
    GroupSummary gs;
    gs.post = g.post;
    gs.role = g.role;
    gs.people = g.people;
    auto share = [&](auto of) {
      Share x;
      bool first = true;
      for (int i : g.people) {
        double v = of(s.people[static_cast<std::size_t>(i)]);
        x.average += v;
        x.min = first ? v : std::min(x.min, v);
        x.max = first ? v : std::max(x.max, v);
        first = false;
      }
      x.average = std::round(x.average / static_cast<double>(g.people.size()) * 100) / 100;
      return x;
    };
    gs.hours = share([](const PersonSummary &x) { return x.hours; });
    gs.nights = share([](const PersonSummary &x) { return static_cast<double>(x.nights); });
    gs.weekends = share([](const PersonSummary &x) { return static_cast<double>(x.weekends); });
    gs.holidays = share([](const PersonSummary &x) { return static_cast<double>(x.holidays); });
    for (int i : g.people) s.people[static_cast<std::size_t>(i)].group = static_cast<int>(s.groups.size());
    s.groups.push_back(std::move(gs));
  }
  s.holidays_known = p.holidays.has_value() && p.holidays->covers(p.first_day) && p.holidays->covers(p.last_day());
  return s;
}

nlohmann::ordered_json to_json(const Problem &p, const std::vector<Assignment> &a, const Summary &s, bool zh,
                               std::uint64_t seed) {
  using J = nlohmann::ordered_json;
  J root;
  root["estate"] = p.estate_id;
  root["estate_name"] = p.estate_name.get(zh);
  root["norms"] = p.norms;
  root["labor"] = p.labor.name;
  root["start"] = util::format_date(p.first_day);
  root["end"] = util::format_date(p.last_day());
  root["weeks"] = p.days / 7;
  root["seed"] = seed;
  J posts = J::array();
  for (const auto &d : p.posts) {
    J j;
    j["id"] = d.id;
    j["name"] = d.name.get(zh);
    j["roles"] = d.roles;
    if (!d.licence.empty()) j["licence"] = d.licence;
    j["duty"] = d.duty;
    j["pattern"] = d.pattern.empty() ? J(nullptr) : J(d.pattern);
    j["cycle_days"] = d.cycle > 0 ? J(d.cycle) : J(nullptr);
    if (!d.pattern.empty() || d.cycle > 0) j["pattern_swaps"] = d.swaps;
    J demand = J::array();
    for (const auto &sh : d.shifts) {
      J x;
      x["start"] = staff::format_hhmm(sh.start);
      x["end"] = staff::format_hhmm(sh.end % 1440);
      x["staff"] = d.seats;
      if (!d.days.empty()) x["days"] = d.days;
      demand.push_back(std::move(x));
    }
    j["demand"] = std::move(demand);
    posts.push_back(std::move(j));
  }
  root["posts"] = std::move(posts);
  J staff = J::array();
  for (const auto &x : p.people) {
    J j;
    j["id"] = x.id;
    j["name"] = x.name.get(zh);
    j["role"] = x.role;
    j["licences"] = x.licences;
    j["placeholder"] = x.placeholder;
    j["home_post"] = x.home < 0 ? J(nullptr) : J(p.posts[static_cast<std::size_t>(x.home)].id);
    if (x.hours_per_week > 0) j["hours_per_week"] = x.hours_per_week;
    staff.push_back(std::move(j));
  }
  root["staff"] = std::move(staff);
  J as = J::array();
  for (const auto &x : a) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    J j;
    j["staff_id"] = who.id;
    j["staff_name"] = who.name.get(zh);
    j["post"] = p.posts[static_cast<std::size_t>(x.post)].id;
    j["start"] = format_datetime(x.start);
    j["end"] = format_datetime(x.end);
    ShiftKind kind = shift_kind(p, x.post, x.start, x.end);
    j["shift"] = code_of(kind).en;
    j["hours"] = kind == ShiftKind::on_call ? 0.0 : (x.end - x.start) / 60.0; // on call: not working time
    as.push_back(std::move(j));
  }
  root["assignments"] = std::move(as);
  J sum;
  sum["coverage"] = std::round(s.coverage() * 100) / 100;
  sum["seat_shifts"] = s.seat_shifts;
  sum["covered"] = s.covered;
  sum["holidays_known"] = s.holidays_known;
  auto spread = [](const Spread &x) { return J{{"min", x.min}, {"max", x.max}}; };
  sum["nights"] = spread(s.nights);
  sum["weekends"] = spread(s.weekends);
  sum["holidays"] = spread(s.holidays);
  J people = J::array();
  for (const auto &x : s.people) {
    J j;
    j["staff_id"] = p.people[static_cast<std::size_t>(x.person)].id;
    j["shifts"] = x.shifts;
    j["hours"] = x.hours;
    j["weekly_average"] = x.weekly_average;
    j["overtime"] = x.overtime;
    j["nights"] = x.nights;
    j["weekends"] = x.weekends;
    j["holidays"] = x.holidays;
    j["free_days"] = x.free_days;
    if (x.on_call > 0) j["on_call"] = x.on_call;
    if (x.group >= 0) j["group"] = x.group;
    people.push_back(std::move(j));
  }
  sum["people"] = std::move(people);
  J ps = J::array();
  for (const auto &x : s.posts) {
    J j;
    j["post"] = p.posts[static_cast<std::size_t>(x.post)].id;
    j["seat_shifts"] = x.seat_shifts;
    j["covered"] = x.covered;
    j["people"] = x.people;
    j["nights"] = spread(x.nights);
    j["weekends"] = spread(x.weekends);
    j["hours"] = spread(x.hours);
    ps.push_back(std::move(j));
  }
  sum["posts"] = std::move(ps);
  J groups = J::array();
  auto share = [](const Share &x) { return J{{"average", x.average}, {"min", x.min}, {"max", x.max}}; };
  for (const auto &g : s.groups) {
    J j;
    j["home_post"] = g.post < 0 ? J(nullptr) : J(p.posts[static_cast<std::size_t>(g.post)].id);
    if (g.post < 0) j["role"] = g.role;
    J ids = J::array();
    for (int i : g.people) ids.push_back(p.people[static_cast<std::size_t>(i)].id);
    j["staff"] = std::move(ids);
    j["hours"] = share(g.hours);
    j["nights"] = share(g.nights);
    j["weekends"] = share(g.weekends);
    j["holidays"] = share(g.holidays);
    groups.push_back(std::move(j));
  }
  sum["groups"] = std::move(groups);
  root["summary"] = std::move(sum);
  return root;
}

} // namespace pm::roster
