#include <pm/roster/fair.hpp>
#include <pm/roster/rng.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <tuple>

namespace pm::roster {

namespace {

using Amounts = std::array<double, m_count>;

constexpr int longest_block = 4; // days swapped at once, at most
constexpr double tiny = 1e-9;

// What a distance from one's share costs: its square, and a step for being more than one
// shift away, so that bringing everyone within one shift comes first.
double cost(double d) { return d * d + (std::abs(d) > 1 + tiny ? 10.0 : 0.0); }

class Evener {
public:
  Evener(Problem &p, std::vector<Assignment> &a, const FairOptions &o)
      : m_p(p), m_a(a), m_frame(p), m_rng{o.seed * 0x2545F4914F6CDD1Dull + 0x5851F42D4C957F2Dull},
        m_effort(std::max(1, o.effort)) {
    const std::size_t n = p.people.size();
    m_list.resize(n);
    m_x.assign(n, Amounts{});
    m_target.assign(n, Amounts{});
    m_group_of.assign(n, -1);
    m_frozen.assign(p.posts.size(), 0);
    if (o.keep_patterns)
      for (std::size_t i = 0; i < p.posts.size(); ++i) m_frozen[i] = p.posts[i].pattern.empty() ? 0 : 1;
    m_amount.resize(a.size());
    for (int i = 0; i < static_cast<int>(a.size()); ++i) {
      const Assignment &s = a[static_cast<std::size_t>(i)];
      m_list[static_cast<std::size_t>(s.person)].push_back(i);
      Amounts &c = m_amount[static_cast<std::size_t>(i)];
      c.fill(0);
      if (p.posts[static_cast<std::size_t>(s.post)].is_on_call(shift_of(p, s))) continue; // not working time
      int day = first_calendar_day(s.start);
      c[m_hours] = (s.end - s.start) / 60.0;
      c[m_nights] = is_night(p.labor, s.start, s.end) ? 1 : 0;
      c[m_weekends] = util::is_weekend(day) ? 1 : 0;
      c[m_holidays] = p.holidays && p.holidays->contains(day) ? 1 : 0;
      for (int m = 0; m < m_count; ++m) m_x[static_cast<std::size_t>(s.person)][static_cast<std::size_t>(m)] += c[m];
    }
    for (auto &l : m_list) std::stable_sort(l.begin(), l.end(), [&](int x, int y) { return start(x) < start(y); });

    // Each group's targets: its totals shared by weight. Swaps within a group keep its totals.
    m_groups = share_groups(p);
    m_unit.assign(m_groups.size(), Amounts{});
    for (int g = 0; g < static_cast<int>(m_groups.size()); ++g) {
      const auto &people = m_groups[static_cast<std::size_t>(g)].people;
      double weight = 0;
      Amounts total{};
      int shifts = 0;
      for (int i : people) {
        m_group_of[static_cast<std::size_t>(i)] = g;
        weight += share_weight(p, i);
        for (int m = 0; m < m_count; ++m) total[static_cast<std::size_t>(m)] += have(i, m);
        for (int k : m_list[static_cast<std::size_t>(i)]) shifts += amount(k, m_hours) > 0 ? 1 : 0;
      }
      for (int i : people)
        for (int m = 0; m < m_count; ++m)
          m_target[static_cast<std::size_t>(i)][static_cast<std::size_t>(m)] =
              weight > 0 ? share_weight(p, i) / weight * total[static_cast<std::size_t>(m)] : 0;
      // Hours are counted in shifts: the group's average shift.
      Amounts &u = m_unit[static_cast<std::size_t>(g)];
      u.fill(1);
      if (shifts > 0) u[m_hours] = total[m_hours] / shifts;
      if (people.size() >= 2) m_active.push_back(g);
    }
  }

  void run() {
    // Tries: a hundred per person and measure in the groups worth evening out, times the effort.
    long people = 0;
    for (int g : m_active) people += static_cast<long>(m_groups[static_cast<std::size_t>(g)].people.size());
    const long budget = 100L * m_count * people * m_effort;
    std::vector<int> stalled(m_groups.size(), 0);
    std::size_t turn = 0;
    for (long t = 0; t < budget && !m_active.empty(); ++t) {
      turn %= m_active.size();
      int g = m_active[turn];
      const auto &people_of = m_groups[static_cast<std::size_t>(g)].people;
      const int stall_limit = 200 * static_cast<int>(people_of.size()) * m_effort;
      if (even(g) || stalled[static_cast<std::size_t>(g)] > stall_limit) {
        m_active.erase(m_active.begin() + static_cast<std::ptrdiff_t>(turn));
        continue;
      }
      if (attempt(g))
        stalled[static_cast<std::size_t>(g)] = 0;
      else
        ++stalled[static_cast<std::size_t>(g)];
      ++turn;
    }
    std::sort(m_a.begin(), m_a.end(), [](const Assignment &x, const Assignment &y) {
      return std::tie(x.start, x.post, x.person, x.end) < std::tie(y.start, y.post, y.person, y.end);
    });
  }

private:
  int start(int i) const { return m_a[static_cast<std::size_t>(i)].start; }
  double amount(int i, int m) const { return m_amount[static_cast<std::size_t>(i)][static_cast<std::size_t>(m)]; }
  double have(int person, int m) const { return m_x[static_cast<std::size_t>(person)][static_cast<std::size_t>(m)]; }
  // How far a person is from their share, in shifts (hours) or in count.
  double dev(int person, int m) const {
    int g = m_group_of[static_cast<std::size_t>(person)];
    return (have(person, m) - m_target[static_cast<std::size_t>(person)][static_cast<std::size_t>(m)]) /
           m_unit[static_cast<std::size_t>(g)][static_cast<std::size_t>(m)];
  }
  double spread(int g, int m) const {
    double lo = 0, hi = 0;
    bool first = true;
    for (int i : m_groups[static_cast<std::size_t>(g)].people) {
      double d = dev(i, m);
      lo = first ? d : std::min(lo, d);
      hi = first ? d : std::max(hi, d);
      first = false;
    }
    return hi - lo;
  }
  // Every measure within one shift across the group: nothing left worth a swap.
  bool even(int g) const {
    for (int m = 0; m < m_count; ++m)
      if (spread(g, m) > 1 + tiny) return false;
    return true;
  }

  // The indices of `person`'s assignments that start on calendar days [first, last].
  std::pair<std::size_t, std::size_t> block(int person, int first, int last) const {
    const auto &l = m_list[static_cast<std::size_t>(person)];
    auto lo = std::lower_bound(l.begin(), l.end(), first * 1440, [&](int i, int v) { return start(i) < v; });
    auto hi = std::lower_bound(lo, l.end(), (last + 1) * 1440, [&](int i, int v) { return start(i) < v; });
    return {static_cast<std::size_t>(lo - l.begin()), static_cast<std::size_t>(hi - l.begin())};
  }

  // One try in group g: pick a measure that is uneven, a person above their share and one
  // below, a day on which the first has such a shift, and swap their shifts around it.
  bool attempt(int g) {
    const auto &people = m_groups[static_cast<std::size_t>(g)].people;
    std::array<int, m_count> uneven{};
    int k = 0;
    for (int m = 0; m < m_count; ++m)
      if (spread(g, m) > 1 + tiny) uneven[static_cast<std::size_t>(k++)] = m;
    if (k == 0) return false;
    int m = uneven[static_cast<std::size_t>(m_rng.below(k))];

    // The giver: the one furthest above their share, or any above the lowest by more than one.
    int lowest = people.front(), highest = people.front();
    for (int i : people) {
      if (dev(i, m) < dev(lowest, m) - tiny) lowest = i;
      if (dev(i, m) > dev(highest, m) + tiny) highest = i;
    }
    int giver = highest;
    if (m_rng.below(2)) {
      std::vector<int> above;
      for (int i : people)
        if (dev(i, m) > dev(lowest, m) + 1 + tiny) above.push_back(i);
      if (!above.empty()) giver = above[static_cast<std::size_t>(m_rng.below(static_cast<int>(above.size())))];
    }
    std::vector<int> below;
    for (int i : people)
      if (dev(i, m) < dev(giver, m) - 1 - tiny) below.push_back(i);
    if (below.empty()) return false;
    int taker = m_rng.below(2) ? lowest : below[static_cast<std::size_t>(m_rng.below(static_cast<int>(below.size())))];
    if (dev(taker, m) >= dev(giver, m) - 1 - tiny) return false;

    // A shift of the giver's that counts in the measure.
    const auto &mine = m_list[static_cast<std::size_t>(giver)];
    if (mine.empty()) return false;
    int from = m_rng.below(static_cast<int>(mine.size())), pick = -1;
    for (std::size_t s = 0; s < mine.size() && pick < 0; ++s) {
      int i = mine[(static_cast<std::size_t>(from) + s) % mine.size()];
      if (amount(i, m) > 0) pick = i;
    }
    if (pick < 0) return false;
    int len = 1 + m_rng.below(longest_block);
    int first = first_calendar_day(start(pick)) - m_rng.below(len);
    m_blocks.assign(1, {first, first + len - 1});
    // Half the time, a second block around a shift of the taker's that does not count in the
    // measure, on a day the giver has free: one giving back what the first takes of the others
    // (a weekday shift for a weekend one, say).
    if (m_rng.below(2)) {
      const auto &theirs = m_list[static_cast<std::size_t>(taker)];
      int back = -1;
      if (!theirs.empty()) {
        int at = m_rng.below(static_cast<int>(theirs.size()));
        for (std::size_t s = 0; s < theirs.size() && back < 0; ++s) {
          int i = theirs[(static_cast<std::size_t>(at) + s) % theirs.size()];
          int day = first_calendar_day(start(i));
          // A day the giver has free, outside the first block.
          auto [g0, g1] = block(giver, day, day);
          if (amount(i, m) == 0 && amount(i, m_hours) > 0 && g0 == g1 && (day < first || day >= first + len)) back = i;
        }
      }
      if (back >= 0) {
        int len2 = 1 + m_rng.below(longest_block);
        int first2 = first_calendar_day(start(back)) - m_rng.below(len2);
        int last2 = first2 + len2 - 1;
        // Keep the blocks apart.
        if (first2 <= first)
          last2 = std::min(last2, first - 1);
        else
          first2 = std::max(first2, first + len);
        if (first2 <= last2) m_blocks.push_back({first2, last2});
      }
    }
    return swap(giver, taker);
  }

  // Swaps the shifts of persons a and b that start on the days of m_blocks (disjoint), if both
  // may take the other's posts, the spread shrinks and both stay lawful.
  bool swap(int a, int b) {
    const auto &la = m_list[static_cast<std::size_t>(a)];
    const auto &lb = m_list[static_cast<std::size_t>(b)];
    m_give.clear(); // a's shifts to b
    m_take.clear(); // b's shifts to a
    for (const auto &[first, last] : m_blocks) {
      auto [a0, a1] = block(a, first, last);
      auto [b0, b1] = block(b, first, last);
      m_give.insert(m_give.end(), la.begin() + static_cast<std::ptrdiff_t>(a0),
                    la.begin() + static_cast<std::ptrdiff_t>(a1));
      m_take.insert(m_take.end(), lb.begin() + static_cast<std::ptrdiff_t>(b0),
                    lb.begin() + static_cast<std::ptrdiff_t>(b1));
    }
    if (m_give.empty() && m_take.empty()) return false;
    Amounts delta{}; // what a gains and b loses
    for (int i : m_give) {
      int post = m_a[static_cast<std::size_t>(i)].post;
      if (m_frozen[static_cast<std::size_t>(post)] || !m_p.eligible(b, post)) return false;
      for (int m = 0; m < m_count; ++m) delta[static_cast<std::size_t>(m)] -= amount(i, m);
    }
    for (int i : m_take) {
      int post = m_a[static_cast<std::size_t>(i)].post;
      if (m_frozen[static_cast<std::size_t>(post)] || !m_p.eligible(a, post)) return false;
      for (int m = 0; m < m_count; ++m) delta[static_cast<std::size_t>(m)] += amount(i, m);
    }
    double change = 0;
    int g = m_group_of[static_cast<std::size_t>(a)];
    for (int m = 0; m < m_count; ++m) {
      double u = m_unit[static_cast<std::size_t>(g)][static_cast<std::size_t>(m)];
      double d = delta[static_cast<std::size_t>(m)] / u, da = dev(a, m), db = dev(b, m);
      change += cost(da + d) - cost(da) + cost(db - d) - cost(db);
    }
    if (change > -tiny) return false;

    auto by_start = [&](int x, int y) { return start(x) < start(y); };
    auto moved = [&](const std::vector<int> &keep, const std::vector<int> &out, const std::vector<int> &in) {
      std::vector<int> r;
      r.reserve(keep.size() - out.size() + in.size());
      std::size_t k = 0;
      for (int i : keep) { // both in time order: `out` is a subsequence of `keep`
        if (k < out.size() && out[k] == i)
          ++k;
        else
          r.push_back(i);
      }
      std::vector<int> merged;
      merged.reserve(r.size() + in.size());
      std::merge(r.begin(), r.end(), in.begin(), in.end(), std::back_inserter(merged), by_start);
      return merged;
    };
    std::sort(m_give.begin(), m_give.end(), by_start);
    std::sort(m_take.begin(), m_take.end(), by_start);
    std::vector<int> na = moved(la, m_give, m_take), nb = moved(lb, m_take, m_give);
    if (!person_lawful(m_p, m_frame, m_a, a, na) || !person_lawful(m_p, m_frame, m_a, b, nb)) return false;

    std::vector<int> posts;
    for (int i : m_give) {
      m_a[static_cast<std::size_t>(i)].person = b;
      posts.push_back(m_a[static_cast<std::size_t>(i)].post);
    }
    for (int i : m_take) {
      m_a[static_cast<std::size_t>(i)].person = a;
      posts.push_back(m_a[static_cast<std::size_t>(i)].post);
    }
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
    for (int post : posts) ++m_p.posts[static_cast<std::size_t>(post)].swaps;
    for (int m = 0; m < m_count; ++m) {
      m_x[static_cast<std::size_t>(a)][static_cast<std::size_t>(m)] += delta[static_cast<std::size_t>(m)];
      m_x[static_cast<std::size_t>(b)][static_cast<std::size_t>(m)] -= delta[static_cast<std::size_t>(m)];
    }
    m_list[static_cast<std::size_t>(a)] = std::move(na);
    m_list[static_cast<std::size_t>(b)] = std::move(nb);
    return true;
  }

  Problem &m_p;
  std::vector<Assignment> &m_a;
  RuleFrame m_frame;
  Rng m_rng;
  int m_effort = 1;
  std::vector<std::vector<int>> m_list; // each person's assignments by start
  std::vector<Amounts> m_amount;        // each assignment's hours, night, weekend, holiday
  std::vector<Amounts> m_x, m_target;   // each person's amounts and share
  std::vector<ShareGroup> m_groups;
  std::vector<Amounts> m_unit; // per group: the hours of its average shift, else 1
  std::vector<int> m_group_of;
  std::vector<int> m_active; // groups still worth a try
  std::vector<char> m_frozen;
  std::vector<std::pair<int, int>> m_blocks; // the days of the swap being tried
  std::vector<int> m_give, m_take;
};

} // namespace

std::vector<ShareGroup> share_groups(const Problem &p) {
  std::vector<ShareGroup> out;
  for (int post = 0; post < static_cast<int>(p.posts.size()); ++post) {
    ShareGroup g;
    g.post = post;
    for (int i = 0; i < static_cast<int>(p.people.size()); ++i)
      if (p.people[static_cast<std::size_t>(i)].home == post) g.people.push_back(i);
    if (!g.people.empty()) out.push_back(std::move(g));
  }
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    const Person &x = p.people[static_cast<std::size_t>(i)];
    if (x.home >= 0) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const ShareGroup &g) { return g.post < 0 && g.role == x.role; });
    if (it == out.end()) {
      ShareGroup g;
      g.role = x.role;
      out.push_back(std::move(g));
      it = std::prev(out.end());
    }
    it->people.push_back(i);
  }
  return out;
}

double share_weight(const Problem &p, int person) {
  const Person &x = p.people[static_cast<std::size_t>(person)];
  int away = 0;
  for (int day : x.unavailable) away += day >= p.first_day && day <= p.last_day() ? 1 : 0;
  double available = p.days > 0 ? static_cast<double>(p.days - away) / p.days : 1.0;
  return weekly_target(p.labor, x) / p.labor.weekly_hours * available;
}

void even_out(Problem &p, std::vector<Assignment> &a, const FairOptions &o) {
  Evener e(p, a, o);
  e.run();
}

} // namespace pm::roster
