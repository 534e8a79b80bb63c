#include <pm/roster/bound.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pm::roster {

namespace {

// The most minutes of shifts one person can start on one calendar day: shifts of the posts
// that start that day, pairwise kept apart by the rest between shifts.
int most_minutes_a_day(const Problem &p, const std::vector<int> &posts, int rest) {
  std::vector<std::pair<int, int>> starts; // (minute of the day, length)
  for (int post : posts) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
    for (int i = 0; i < static_cast<int>(d.shifts.size()); ++i)
      if (!d.is_on_call(i))
        starts.emplace_back((d.shifts.front().start + d.shift_offset(i)) % 1440,
                            d.shifts[static_cast<std::size_t>(i)].minutes());
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  // Few shifts start in a day: the best pairwise-compatible set by a small search.
  int best = 0;
  const int n = static_cast<int>(starts.size());
  std::vector<int> chosen;
  auto search = [&](auto &&self, int from, int total) -> void {
    best = std::max(best, total);
    for (int i = from; i < n && n <= 16; ++i) {
      bool fits = true;
      for (int c : chosen) {
        const auto &a = starts[static_cast<std::size_t>(c)];
        const auto &b = starts[static_cast<std::size_t>(i)];
        if (b.first < a.first + a.second + rest) fits = false;
      }
      if (!fits) continue;
      chosen.push_back(i);
      self(self, i + 1, total + starts[static_cast<std::size_t>(i)].second);
      chosen.pop_back();
    }
  };
  search(search, 0, 0);
  if (n > 16) best = 1440; // too many shift times to search: no limit from this rule
  return best;
}

int shift_gcd(const Problem &p, const std::vector<int> &posts) {
  int g = 0;
  for (int post : posts) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
    for (int i = 0; i < static_cast<int>(d.shifts.size()); ++i)
      if (!d.is_on_call(i)) g = std::gcd(g, d.shifts[static_cast<std::size_t>(i)].minutes());
  }
  return g;
}

} // namespace

Bound lower_bound(const Problem &p, const std::vector<int> &posts) {
  const staff::Labor &l = p.labor;
  const int first = p.first_day, last = p.calendar_end(), span = last - first + 1;
  // Seat-minutes needed on each calendar day, by the day each shift starts on.
  std::vector<double> need(static_cast<std::size_t>(span), 0.0);
  std::vector<int> calls(static_cast<std::size_t>(span), 0); // on-call nights, not working time
  for (const Slot &s : p.slots()) {
    if (std::find(posts.begin(), posts.end(), s.post) == posts.end()) continue;
    int d = first_calendar_day(s.start) - first;
    if (p.posts[static_cast<std::size_t>(s.post)].is_on_call(s.shift)) {
      if (d >= 0 && d < span) calls[static_cast<std::size_t>(d)] += s.seats;
      continue;
    }
    if (d >= 0 && d < span) need[static_cast<std::size_t>(d)] += static_cast<double>(s.seats) * (s.end - s.start);
  }
  std::vector<int> people;
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i)
    for (int post : posts)
      if (p.eligible(i, post)) {
        people.push_back(i);
        break;
      }
  const int rest = static_cast<int>(std::lround(l.min_rest_between_shifts * 60));
  const double day_minutes = most_minutes_a_day(p, posts, rest);
  const int whole = shift_gcd(p, posts);
  Person full_time;

  // The most one person may work in days [a, b], in minutes.
  auto capacity = [&](const Person &x, int a, int b, bool period, const Window &w) {
    int days = b - a + 1, away = 0;
    for (int d = a; d <= b; ++d) away += x.unavailable.count(d) ? 1 : 0;
    int free = l.min_free_days_per_7 > 0 ? days / 7 * l.min_free_days_per_7 : 0;
    if (l.max_consecutive_days > 0) free = std::max(free, days / (l.max_consecutive_days + 1));
    int work_days = std::max(0, days - std::max(free, away));
    double cap = work_days * day_minutes;
    if (period)
      cap = std::min(cap, max_hours(l, x, w) * 60.0);
    else if (x.hours_per_week > 0 && x.hours_per_week < l.weekly_hours)
      cap = std::min(cap, x.hours_per_week * 60.0 * days / 7.0);
    if (whole > 0) cap = std::floor(cap / whole + 1e-9) * whole;
    return cap;
  };

  Bound best;
  // Among windows that give the same number, the tightest (demand over capacity) is named.
  double best_ratio = 0, best_short = 0;
  // One window's figures, in hours (or on-call nights): what it needs, what the people there
  // may give, what one full-time person may give.
  auto record = [&](const Window &w, bool seven, bool on_call, double demand, double have, double one) {
    int total = static_cast<int>(std::ceil(demand / one - 1e-9));
    int add = have >= demand - 1e-6 ? 0 : static_cast<int>(std::ceil((demand - have) / one - 1e-9));
    double ratio = demand / one, short_ = (demand - have) / one;
    if (total > best.people || (total == best.people && ratio > best_ratio + 1e-9)) {
      best_ratio = ratio;
      best.people = total;
      best.window = w;
      best.seven_days = seven;
      best.on_call = on_call;
      best.demand = demand;
      best.per_person = one;
    }
    if (add > best.add || (add > 0 && add == best.add && short_ > best_short + 1e-9)) {
      best_short = short_;
      best.add = add;
      best.add_window = w;
      best.add_seven_days = seven;
      best.add_on_call = on_call;
      best.add_demand = demand;
      best.have = have;
      best.add_per_person = one;
    }
  };
  auto consider = [&](const Window &w, bool seven) {
    double demand = 0;
    for (int d = w.first; d <= w.last; ++d) demand += need[static_cast<std::size_t>(d - first)];
    if (demand <= 0) return;
    double one = capacity(full_time, w.first, w.last, !seven, w);
    if (one <= 0) return;
    double have = 0;
    for (int i : people) have += capacity(p.people[static_cast<std::size_t>(i)], w.first, w.last, !seven, w);
    record(w, seven, false, demand / 60.0, have / 60.0, one / 60.0);
  };
  // On-call nights: at most so many in any 7 days, whoever takes them.
  auto consider_calls = [&](int a) {
    int nights = 0;
    for (int d = a; d <= a + 6; ++d) nights += calls[static_cast<std::size_t>(d - first)];
    const int most = l.on_call_max_per_7;
    if (nights <= 0 || most <= 0) return;
    int have = 0;
    for (int i : people) {
      int here = 0;
      for (int d = a; d <= a + 6; ++d) here += p.people[static_cast<std::size_t>(i)].unavailable.count(d) ? 0 : 1;
      have += std::min(most, here);
    }
    record({a, a + 6, ""}, true, true, nights, have, most);
  };
  for (const Window &w : averaging_windows(l, first, last)) consider(w, false);
  for (int a = first; a + 6 <= last; ++a) consider_calls(a);
  if (l.min_free_days_per_7 > 0 || l.max_consecutive_days < 7)
    for (int a = first; a + 6 <= last; ++a) consider({a, a + 6, ""}, true);
  return best;
}

} // namespace pm::roster
