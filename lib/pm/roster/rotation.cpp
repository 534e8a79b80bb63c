#include <pm/roster/rotation.hpp>
#include <pm/roster/rules.hpp>

#include <algorithm>
#include <numeric>

namespace pm::roster {

int Rotation::days_off() const { return static_cast<int>(std::count(row.begin(), row.end(), -1)); }

namespace {

int floor_mod(long long a, int n) { return static_cast<int>(((a % n) + n) % n); }

// A post's shifts seen from the calendar: the day a shift starts on, relative to its rota
// day, and the shifts in the order their start times fall within a calendar day. Working
// them in that order from one day to the next ("forward") keeps the rest between them.
struct CalendarShifts {
  std::vector<int> day_offset; // per shift
  std::vector<int> order;      // shift indices by time of day
};

CalendarShifts calendar_shifts(const PostDemand &d) {
  CalendarShifts c;
  std::vector<int> time_of_day;
  for (int i = 0; i < static_cast<int>(d.shifts.size()); ++i) {
    int at = d.shifts.front().start + d.shift_offset(i);
    c.day_offset.push_back(at / 1440);
    time_of_day.push_back(at % 1440);
    c.order.push_back(i);
  }
  std::stable_sort(c.order.begin(), c.order.end(), [&](int a, int b) {
    return time_of_day[static_cast<std::size_t>(a)] < time_of_day[static_cast<std::size_t>(b)];
  });
  return c;
}

// `total` split into `parts` as evenly as possible, the larger parts spread out.
std::vector<int> even_split(int total, int parts) {
  std::vector<int> out;
  for (long long t = 0; t < parts; ++t) out.push_back(static_cast<int>((t + 1) * total / parts - t * total / parts));
  return out;
}

// A row of n days with `seats` of each shift: the days off in `breaks` runs spread evenly,
// the work between them in stretches, each stretch taking the shifts in calendar order in
// proportion to what is left of each, so that nights and days off are spread through the row.
std::optional<Rotation> make_row(const CalendarShifts &c, int n, int seats, int breaks, int max_run) {
  const int k = static_cast<int>(c.order.size());
  const int work = k * seats, off = n - work;
  if (breaks < 1 || off < breaks) return std::nullopt;
  std::vector<int> runs = even_split(work, breaks), rests = even_split(off, breaks);
  for (int r : runs)
    if (r < 1 || r > max_run) return std::nullopt;
  std::vector<int> need(static_cast<std::size_t>(k), seats);
  int left = work;
  Rotation rot;
  for (int b = 0; b < breaks; ++b) {
    const int len = runs[static_cast<std::size_t>(b)];
    // Largest remainder: each shift's share of this stretch, in calendar order.
    std::vector<int> take(static_cast<std::size_t>(k));
    std::vector<std::pair<long long, int>> frac;
    int given = 0;
    for (int j = 0; j < k; ++j) {
      long long num = static_cast<long long>(need[static_cast<std::size_t>(j)]) * len;
      take[static_cast<std::size_t>(j)] = static_cast<int>(num / left);
      given += take[static_cast<std::size_t>(j)];
      // Ties go round the shifts from stretch to stretch, so no shift is always short.
      frac.emplace_back(-(num % left), (j + b) % k);
    }
    std::sort(frac.begin(), frac.end());
    for (int x = 0; given < len && x < k; ++x) {
      int j = frac[static_cast<std::size_t>(x)].second;
      j = (j - b % k + k) % k;
      if (take[static_cast<std::size_t>(j)] < need[static_cast<std::size_t>(j)]) {
        ++take[static_cast<std::size_t>(j)];
        ++given;
      }
    }
    if (given != len) return std::nullopt;
    for (int j = 0; j < k; ++j) {
      for (int t = 0; t < take[static_cast<std::size_t>(j)]; ++t)
        rot.row.push_back(c.order[static_cast<std::size_t>(j)]);
      need[static_cast<std::size_t>(j)] -= take[static_cast<std::size_t>(j)];
    }
    left -= len;
    for (int t = 0; t < rests[static_cast<std::size_t>(b)]; ++t) rot.row.push_back(-1);
  }
  return rot;
}

std::vector<Assignment> roster_of(const Problem &p, int post, const std::vector<int> &team, const CalendarShifts &c,
                                  const Rotation &rot) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  const int n = static_cast<int>(rot.row.size());
  std::vector<Assignment> out;
  // Phases follow the calendar (the day number), so that consecutive rosters join.
  for (int day = p.first_day; day <= p.calendar_end(); ++day)
    for (int j = 0; j < n; ++j) {
      int s = rot.row[static_cast<std::size_t>(floor_mod(static_cast<long long>(day) + j, n))];
      if (s < 0) continue;
      int rota = day - c.day_offset[static_cast<std::size_t>(s)];
      if (rota < p.first_day || rota > p.last_day()) continue;
      Assignment a;
      a.person = team[static_cast<std::size_t>(j)];
      a.post = post;
      a.start = d.shift_start(rota, s);
      a.end = a.start + d.shifts[static_cast<std::size_t>(s)].minutes();
      out.push_back(a);
    }
  std::sort(out.begin(), out.end(), [](const Assignment &x, const Assignment &y) {
    return std::tie(x.start, x.person) < std::tie(y.start, y.person);
  });
  return out;
}

} // namespace

std::optional<std::vector<int>> rotation_team(const Problem &p, int post) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  if (d.duty || d.on_call >= 0 || !d.days.empty() || d.shifts.empty()) return std::nullopt;
  std::vector<int> team;
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    const Person &x = p.people[static_cast<std::size_t>(i)];
    if (x.home != post) continue;
    if (!p.eligible(i, post)) return std::nullopt;
    if (x.hours_per_week > 0 && x.hours_per_week + 1e-9 < p.labor.weekly_hours) return std::nullopt;
    for (int day = p.first_day; day <= p.calendar_end(); ++day)
      if (x.unavailable.count(day)) return std::nullopt;
    team.push_back(i);
  }
  if (team.empty()) return std::nullopt;
  return team;
}

std::optional<std::vector<Assignment>> rotate(const Problem &p, int post, const std::vector<int> &team,
                                              Rotation *used) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  const int n = static_cast<int>(team.size());
  const int k = static_cast<int>(d.shifts.size());
  const int off = n - k * d.seats;
  if (off < 1 || d.seats < 1) return std::nullopt;
  CalendarShifts c = calendar_shifts(d);
  // The post checked alone, as the named patterns are.
  Problem alone = p;
  alone.posts = {d};
  const int max_run = std::max(1, p.labor.max_consecutive_days);
  // Days off one at a time first (the most runs, the shortest), then in pairs (a night shift
  // that ends in the morning uses up the next calendar day), then in threes.
  std::vector<int> tried;
  for (int b : {off, (off + 1) / 2, off / 2, (off + 2) / 3, off / 3}) {
    if (b < 1 || std::find(tried.begin(), tried.end(), b) != tried.end()) continue;
    tried.push_back(b);
    auto rot = make_row(c, n, d.seats, b, max_run);
    if (!rot) continue;
    auto made = roster_of(p, post, team, c, *rot);
    std::vector<Assignment> mine = made;
    for (auto &a : mine) a.post = 0;
    auto broken = check(alone, mine);
    if (std::any_of(broken.begin(), broken.end(),
                    [](const Violation &v) { return v.severity == diag::Severity::error; }))
      continue;
    if (used) *used = *rot;
    return made;
  }
  return std::nullopt;
}

} // namespace pm::roster
