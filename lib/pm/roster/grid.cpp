#include <pm/i18n/messages.hpp>
#include <pm/roster/grid.hpp>
#include <pm/roster/rules.hpp>

#include <algorithm>

namespace pm::roster {

ShiftKind shift_kind(const Problem &p, int post, int start, int end) {
  const staff::Labor &l = p.labor;
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  if (d.on_call >= 0 && d.is_on_call(shift_of(p, Assignment{0, post, start, end, 0}))) return ShiftKind::on_call;
  if (is_night(l, start, end)) return ShiftKind::night;
  int day_shifts = 0;
  for (int i = 0; i < static_cast<int>(d.shifts.size()); ++i) {
    int s = d.shift_start(p.first_day, i);
    if (!is_night(l, s, s + d.shifts[static_cast<std::size_t>(i)].minutes())) ++day_shifts;
  }
  if (day_shifts <= 1) return ShiftKind::day;
  int time_of_day = start - first_calendar_day(start) * 1440;
  return time_of_day < 12 * 60 ? ShiftKind::early : ShiftKind::middle;
}

i18n::Text code_of(ShiftKind k) {
  using namespace i18n;
  switch (k) {
  case ShiftKind::early:
    return both(msg::shift_code_early);
  case ShiftKind::middle:
    return both(msg::shift_code_middle);
  case ShiftKind::night:
    return both(msg::shift_code_night);
  case ShiftKind::day:
    return both(msg::shift_code_day);
  case ShiftKind::on_call:
    return both(msg::shift_code_on_call);
  }
  return {};
}

i18n::Text name_of(ShiftKind k) {
  using namespace i18n;
  switch (k) {
  case ShiftKind::early:
    return both(msg::shift_name_early);
  case ShiftKind::middle:
    return both(msg::shift_name_middle);
  case ShiftKind::night:
    return both(msg::shift_name_night);
  case ShiftKind::day:
    return both(msg::shift_name_day);
  case ShiftKind::on_call:
    return both(msg::shift_name_on_call);
  }
  return {};
}

const char *style_of(ShiftKind k) {
  switch (k) {
  case ShiftKind::early:
    return "e";
  case ShiftKind::middle:
    return "m";
  case ShiftKind::night:
    return "n";
  case ShiftKind::day:
    return "d";
  case ShiftKind::on_call:
    return "c";
  }
  return "o";
}

Grid grid(const Problem &p, const std::vector<Assignment> &a) {
  Grid g;
  for (int post = 0; post < static_cast<int>(p.posts.size()); ++post) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
    Grid::Block b;
    b.post = post;
    std::vector<int> who;
    for (int i = 0; i < static_cast<int>(p.people.size()); ++i)
      if (p.people[static_cast<std::size_t>(i)].home == post) who.push_back(i);
    for (const auto &x : a)
      if (x.post == post && std::find(who.begin(), who.end(), x.person) == who.end()) who.push_back(x.person);
    std::stable_sort(who.begin(), who.end(), [&](int x, int y) {
      bool hx = p.people[static_cast<std::size_t>(x)].home == post,
           hy = p.people[static_cast<std::size_t>(y)].home == post;
      return hx != hy ? hx : x < y;
    });
    for (int person : who) {
      Grid::Line line;
      line.person = person;
      line.days.assign(static_cast<std::size_t>(p.days), std::nullopt);
      for (const auto &x : a) {
        if (x.post != post || x.person != person) continue;
        int i = shift_of(p, x);
        if (!d.is_on_call(i)) { // an on-call night is neither a shift worked nor hours
          ++line.shifts;
          line.hours += (x.end - x.start) / 60.0;
        }
        if (i < 0) continue;
        // The rota day the shift belongs to: a night shift after midnight is its day's.
        int day = first_calendar_day(x.start - d.shifts.front().start - d.shift_offset(i)) - p.first_day;
        if (day >= 0 && day < p.days && !line.days[static_cast<std::size_t>(day)])
          line.days[static_cast<std::size_t>(day)] = shift_kind(p, post, x.start, x.end);
      }
      b.lines.push_back(std::move(line));
    }
    g.blocks.push_back(std::move(b));
  }
  return g;
}

} // namespace pm::roster
