#include <pm/i18n/messages.hpp>
#include <pm/roster/capacity.hpp>
#include <pm/roster/fair.hpp>
#include <pm/roster/limits.hpp>
#include <pm/roster/rng.hpp>
#include <pm/roster/rotation.hpp>
#include <pm/roster/solver.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace pm::roster {

namespace {

enum Reason { ok = 0, r_unavailable, r_rest, r_days, r_free, r_nights, r_hours, r_calls, r_count };

struct State {
  std::vector<std::pair<int, int>> shifts; // (start, end), sorted
  std::vector<std::pair<int, int>> calls;  // on-call nights (start, end), sorted; not working time
  std::vector<std::uint8_t> worked;        // shifts touching each calendar day
  std::vector<std::uint8_t> night;         // nights starting each calendar day
  std::vector<double> hours;               // per averaging window
  double total = 0;
  int nights = 0, weekends = 0, holidays = 0;
  int last_post = -1, last_shift = -1, last_day = -100, same_run = 0;
};

// The work of one make_roster call: candidates weighed, against limits::solver_work. Counted,
// not timed, so that the same input always gives the same answer.
thread_local std::int64_t t_work = 0;
bool over_work() { return t_work > limits::solver_work; }

class Solver {
public:
  Solver(const Problem &p, std::uint64_t seed) : m_p(p), m_rng{seed} {
    m_first = p.first_day;
    m_last = p.calendar_end();
    m_span = m_last - m_first + 1;
    m_windows = averaging_windows(p.labor, m_first, m_last);
    m_window_of.assign(static_cast<std::size_t>(m_span), 0);
    for (int w = 0; w < static_cast<int>(m_windows.size()); ++w)
      for (int d = m_windows[static_cast<std::size_t>(w)].first; d <= m_windows[static_cast<std::size_t>(w)].last; ++d)
        m_window_of[static_cast<std::size_t>(d - m_first)] = w;
    m_rest = static_cast<int>(std::lround(p.labor.min_rest_between_shifts * 60));
    m_gap = static_cast<int>(std::lround(p.labor.on_call_min_gap_hours * 60));
    const std::size_t n = p.people.size();
    m_state.resize(n);
    m_cap.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      m_state[i].worked.assign(static_cast<std::size_t>(m_span), 0);
      m_state[i].night.assign(static_cast<std::size_t>(m_span), 0);
      m_state[i].hours.assign(m_windows.size(), 0);
      for (const auto &w : m_windows) m_cap[i].push_back(max_hours(p.labor, p.people[i], w));
      m_weight.push_back(weekly_target(p.labor, p.people[i]) / p.labor.weekly_hours);
    }
    m_eligible.resize(p.posts.size());
    for (int post = 0; post < static_cast<int>(p.posts.size()); ++post)
      for (int i = 0; i < static_cast<int>(n); ++i)
        if (p.eligible(i, post)) m_eligible[static_cast<std::size_t>(post)].push_back(i);
  }

  bool on_call(int post, int shift) const {
    return post >= 0 && post < static_cast<int>(m_p.posts.size()) &&
           m_p.posts[static_cast<std::size_t>(post)].is_on_call(shift);
  }

  void add(int person, int post, int shift, int rota_day, int start, int end) {
    State &s = m_state[static_cast<std::size_t>(person)];
    if (on_call(post, shift)) {
      s.calls.insert(std::lower_bound(s.calls.begin(), s.calls.end(), std::make_pair(start, end)), {start, end});
      return;
    }
    auto it = std::lower_bound(s.shifts.begin(), s.shifts.end(), std::make_pair(start, end));
    s.shifts.insert(it, {start, end});
    for (int d = first_calendar_day(start); d <= last_calendar_day(end); ++d)
      if (d >= m_first && d <= m_last) ++s.worked[static_cast<std::size_t>(d - m_first)];
    int fd = first_calendar_day(start);
    bool night = is_night(m_p.labor, start, end);
    if (night && fd >= m_first && fd <= m_last) {
      ++s.night[static_cast<std::size_t>(fd - m_first)];
      ++s.nights;
    }
    if (fd >= m_first && fd <= m_last)
      s.hours[static_cast<std::size_t>(m_window_of[static_cast<std::size_t>(fd - m_first)])] += (end - start) / 60.0;
    s.total += (end - start) / 60.0;
    if (util::is_weekend(fd)) ++s.weekends;
    if (m_p.holidays && m_p.holidays->contains(fd)) ++s.holidays;
    if (rota_day >= s.last_day) {
      s.same_run = (post == s.last_post && shift == s.last_shift && rota_day == s.last_day + 1) ? s.same_run + 1 : 1;
      s.last_post = post;
      s.last_shift = shift;
      s.last_day = rota_day;
    }
  }

  Reason can_take(int person, int start, int end, bool call = false) const {
    const Person &x = m_p.people[static_cast<std::size_t>(person)];
    const State &s = m_state[static_cast<std::size_t>(person)];
    const staff::Labor &l = m_p.labor;
    int fd = first_calendar_day(start), ld = last_calendar_day(end);
    for (int d = fd; d <= ld; ++d)
      if (x.unavailable.count(d)) return r_unavailable;
    // On call and on duty keep their gap either way; on-call nights do not overlap.
    for (const auto &[cs, ce] : s.calls)
      if (cs < end + (call ? 0 : m_gap) && start < ce + (call ? 0 : m_gap)) return r_rest;
    if (call) {
      for (const auto &[ws, we] : s.shifts)
        if (ws < end + m_gap && start < we + m_gap) return r_rest;
      for (int w = fd - 6; w <= fd; ++w) {
        int count = 1;
        for (const auto &c : s.calls) {
          int d = first_calendar_day(c.first);
          count += d >= w && d <= w + 6 ? 1 : 0;
        }
        if (count > l.on_call_max_per_7) return r_calls;
      }
      return ok;
    }
    auto it = std::lower_bound(s.shifts.begin(), s.shifts.end(), std::make_pair(start, end));
    if (it != s.shifts.end() && end + m_rest > it->first) return r_rest;
    if (it != s.shifts.begin() && std::prev(it)->second + m_rest > start) return r_rest;
    auto worked = [&](int d) {
      if (d < m_first || d > m_last) return false;
      return s.worked[static_cast<std::size_t>(d - m_first)] > 0 || (d >= fd && d <= ld);
    };
    int run = ld - fd + 1;
    for (int d = fd - 1; worked(d); --d) ++run;
    for (int d = ld + 1; worked(d); ++d) ++run;
    if (run > l.max_consecutive_days) return r_days;
    if (l.min_free_days_per_7 > 0)
      for (int w = std::max(m_first, fd - 6); w <= ld && w + 6 <= m_last; ++w) {
        int free = 0;
        for (int d = w; d <= w + 6; ++d) free += worked(d) ? 0 : 1;
        if (free < l.min_free_days_per_7) return r_free;
      }
    if (is_night(l, start, end)) {
      auto night = [&](int d) {
        return d >= m_first && d <= m_last && (s.night[static_cast<std::size_t>(d - m_first)] > 0 || d == fd);
      };
      int n = 1;
      for (int d = fd - 1; night(d); --d) ++n;
      for (int d = fd + 1; night(d); ++d) ++n;
      if (n > l.max_consecutive_nights) return r_nights;
    }
    if (fd >= m_first && fd <= m_last) {
      int w = m_window_of[static_cast<std::size_t>(fd - m_first)];
      if (s.hours[static_cast<std::size_t>(w)] + (end - start) / 60.0 >
          m_cap[static_cast<std::size_t>(person)][static_cast<std::size_t>(w)] + 1e-6)
        return r_hours;
    }
    return ok;
  }

  // Lower is better: fair hours first, then continuity, home post and fair shares of nights,
  // weekends and holidays; a seeded jitter breaks ties.
  double score(int person, const Slot &slot, bool night, bool weekend, bool holiday) {
    const State &s = m_state[static_cast<std::size_t>(person)];
    const Person &x = m_p.people[static_cast<std::size_t>(person)];
    double w = m_weight[static_cast<std::size_t>(person)];
    if (on_call(slot.post, slot.shift)) // on-call nights shared out evenly, then the fewest hours
      return 10.0 * static_cast<double>(s.calls.size()) + s.total / 8.0 + m_rng.unit() * 2.0;
    double sc = s.total / w / 8.0 * 10.0; // 10 points per 8-hour shift worked
    if (s.last_day == slot.day - 1 && s.last_post == slot.post) {
      if (s.last_shift == slot.shift)
        sc -= s.same_run >= 2 ? -6.0 : 12.0; // blocks of two, like the patterns
      else if (s.last_shift + 1 == slot.shift)
        sc -= 6.0; // forward rotation
      else
        sc += 6.0; // backward rotation
    }
    if (x.home == slot.post)
      sc -= 5.0;
    else if (x.home >= 0)
      sc += 5.0;
    if (night) sc += 4.0 * s.nights / w;
    if (weekend) sc += 5.0 * s.weekends / w;
    if (holiday) sc += 6.0 * s.holidays / w;
    return sc + m_rng.unit() * 2.0;
  }

  // Fills the slots of `posts`; on failure names the slot and why.
  bool run(const std::vector<int> &posts, std::vector<Assignment> &out, std::vector<catalog::Text> &why) {
    std::vector<Slot> slots;
    for (const Slot &s : m_p.slots())
      if (std::find(posts.begin(), posts.end(), s.post) != posts.end()) slots.push_back(s);
    std::vector<std::pair<double, int>> cand;
    for (const Slot &slot : slots) {
      const PostDemand &d = m_p.posts[static_cast<std::size_t>(slot.post)];
      int fd = first_calendar_day(slot.start);
      bool night = is_night(m_p.labor, slot.start, slot.end), weekend = util::is_weekend(fd);
      bool holiday = m_p.holidays && m_p.holidays->contains(fd);
      for (int seat = 0; seat < slot.seats; ++seat) {
        t_work += static_cast<std::int64_t>(m_eligible[static_cast<std::size_t>(slot.post)].size());
        if (over_work()) return false; // make_roster says why
        cand.clear();
        for (int person : m_eligible[static_cast<std::size_t>(slot.post)])
          cand.emplace_back(score(person, slot, night, weekend, holiday), person);
        std::sort(cand.begin(), cand.end());
        int chosen = -1;
        int reasons[r_count] = {};
        for (const auto &[sc, person] : cand) {
          Reason r = can_take(person, slot.start, slot.end, on_call(slot.post, slot.shift));
          if (r == ok) {
            chosen = person;
            break;
          }
          ++reasons[r];
        }
        if (chosen < 0) {
          static const i18n::Message *const names[] = {nullptr,
                                                       &i18n::msg::roster_reason_unavailable,
                                                       &i18n::msg::roster_reason_resting,
                                                       &i18n::msg::roster_reason_days,
                                                       &i18n::msg::roster_reason_free_day,
                                                       &i18n::msg::roster_reason_nights,
                                                       &i18n::msg::roster_reason_hours,
                                                       &i18n::msg::roster_reason_on_call};
          catalog::Text counts;
          for (int r = 1; r < r_count; ++r)
            if (reasons[r] > 0) {
              if (!counts.empty()) counts += i18n::both(i18n::msg::roster_reason_separator);
              counts +=
                  i18n::both_of(i18n::msg::roster_reason_count, std::to_string(reasons[r]), i18n::both(*names[r]));
            }
          if (counts.empty()) counts = i18n::both(i18n::msg::roster_reason_nobody);
          std::string w = when(slot.start, slot.end).en;
          m_failed = slot.post;
          why.push_back(i18n::both_sides(i18n::msg::roster_no_one_for_seat, d.id, w, std::to_string(seat + 1),
                                         std::to_string(cand.size()), counts));
          return false;
        }
        add(chosen, slot.post, slot.shift, slot.day, slot.start, slot.end);
        Assignment a;
        a.person = chosen;
        a.post = slot.post;
        a.start = slot.start;
        a.end = slot.end;
        out.push_back(a);
      }
    }
    return true;
  }

  int failed() const { return m_failed; }

private:
  int m_failed = -1;
  const Problem &m_p;
  Rng m_rng;
  int m_first = 0, m_last = 0, m_span = 0, m_rest = 0, m_gap = 0;
  std::vector<Window> m_windows;
  std::vector<int> m_window_of;
  std::vector<State> m_state;
  std::vector<std::vector<double>> m_cap;
  std::vector<double> m_weight;
  std::vector<std::vector<int>> m_eligible;
};

void sort_assignments(std::vector<Assignment> &a) {
  std::sort(a.begin(), a.end(), [](const Assignment &x, const Assignment &y) {
    return std::tie(x.start, x.post, x.person, x.end) < std::tie(y.start, y.post, y.person, y.end);
  });
}

} // namespace

bool solve(const Problem &p, const std::vector<int> &posts, std::vector<Assignment> &assignments, std::uint64_t seed,
           std::vector<catalog::Text> &why, int *failed_post) {
  // Deterministic restarts: each attempt reseeds the tie-breaking. The first failure is the
  // one reported, as it is where the demand first outruns the people.
  constexpr int attempts = 16;
  std::vector<catalog::Text> first_why;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    Solver s(p, seed * 0x100000001B3ull + static_cast<std::uint64_t>(attempt));
    for (const Assignment &a : assignments) {
      int shift = shift_of(p, a);
      const PostDemand &d = p.posts[static_cast<std::size_t>(a.post)];
      int day =
          shift < 0 ? -100 : first_calendar_day(a.start - d.shifts.front().start - d.shift_offset(shift)) - p.first_day;
      s.add(a.person, a.post, shift, day, a.start, a.end);
    }
    std::vector<Assignment> made;
    std::vector<catalog::Text> w;
    if (s.run(posts, made, w)) {
      assignments.insert(assignments.end(), made.begin(), made.end());
      return true;
    }
    if (first_why.empty()) {
      first_why = w;
      if (failed_post) *failed_post = s.failed();
    }
    if (over_work()) break;
  }
  why = first_why;
  return false;
}

namespace {

// Why an attempt failed, for the search for the people to add.
struct Failure {
  bool can_add = false;          // more people could help (not a shift over the law's length)
  std::vector<Shortfall> short_; // the lower bound's shortfalls
  int post = -1;                 // the post of the seat no one could take
};

Result attempt(Problem &p, const Options &o, const std::vector<Pattern> &patterns, Failure &f) {
  Result r;
  for (auto &t : impossible_posts(p)) r.refusal.push_back(t);
  if (!r.refusal.empty()) return r;
  f.can_add = true;
  f.short_ = shortfalls(p);
  for (auto &s : f.short_) r.refusal.push_back(s.message);
  if (!r.refusal.empty()) return r;

  std::vector<Assignment> all;
  std::vector<int> rest;
  const Pattern *forced = nullptr;
  if (!o.pattern.empty() && o.pattern != "none") {
    forced = find_pattern(patterns, o.pattern);
    if (!forced) {
      std::string names;
      for (const auto &x : patterns) names += (names.empty() ? "" : ", ") + x.name + " (" + x.title.zh + ")";
      r.refusal.push_back(i18n::both(i18n::msg::roster_no_pattern, o.pattern, names));
      r.usage_error = true;
      return r;
    }
    if (!forced->lawful) {
      r.refusal.push_back(
          i18n::both_sides(i18n::msg::roster_pattern_unlawful, forced->name, forced->title.zh, forced->note));
      return r;
    }
  }
  bool any_fit = false;
  for (int post = 0; post < static_cast<int>(p.posts.size()); ++post) {
    PostDemand &d = p.posts[static_cast<std::size_t>(post)];
    bool done = false;
    if (forced && shape_fits(*forced, d) && !d.duty && d.on_call < 0) {
      any_fit = true;
      auto team = team_fits(*forced, p, post);
      if (!team) {
        int have = 0;
        for (const auto &x : p.people) have += x.home == post ? 1 : 0;
        r.refusal.push_back(i18n::both(i18n::msg::roster_pattern_needs_team, d.id, forced->name, forced->title.zh,
                                       std::to_string(forced->crews * d.seats), std::to_string(have)));
        continue;
      }
      auto made = apply(*forced, p, post, *team);
      all.insert(all.end(), made.begin(), made.end());
      d.pattern = forced->name;
      done = true;
    } else if (o.pattern.empty() && !d.duty && d.on_call < 0) {
      for (const auto &pat : patterns) {
        if (!pat.lawful) continue;
        auto team = team_fits(pat, p, post);
        if (!team) continue;
        auto made = apply(pat, p, post, *team);
        // A pattern is used only when its roster passes every rule with these shift times,
        // checked on the post alone.
        Problem alone = p;
        alone.posts = {d};
        std::vector<Assignment> mine = made;
        for (auto &a : mine) a.post = 0;
        if (!check(alone, mine).empty()) continue;
        all.insert(all.end(), made.begin(), made.end());
        d.pattern = pat.name;
        done = true;
        break;
      }
    }
    if (!done && o.pattern.empty()) {
      // No named pattern fits the team's size: a rotation of its own (7 people on 2 seats).
      Rotation rot;
      if (auto team = rotation_team(p, post))
        if (auto made = rotate(p, post, *team, &rot)) {
          all.insert(all.end(), made->begin(), made->end());
          d.cycle = static_cast<int>(rot.row.size());
          done = true;
        }
    }
    if (!done) rest.push_back(post);
  }
  if (forced && !any_fit)
    r.refusal.push_back(i18n::both(i18n::msg::roster_pattern_fits_nothing, forced->name, forced->title.zh));
  if (!r.refusal.empty()) return r;

  std::vector<catalog::Text> why;
  if (!rest.empty() && !solve(p, rest, all, o.seed, why, &f.post)) {
    r.refusal = why;
    return r;
  }
  sort_assignments(all);
  // Searches for a headcount (refusals, --min) only ask whether a roster exists.
  if (o.fair_effort > 0) even_out(p, all, {o.seed, o.fair_effort, forced != nullptr});
  r.violations = check(p, all);
  bool errors = std::any_of(r.violations.begin(), r.violations.end(),
                            [](const Violation &v) { return v.severity == diag::Severity::error; });
  if (errors) {
    for (const auto &v : r.violations) r.refusal.push_back(v.message);
    return r;
  }
  r.assignments = std::move(all);
  r.ok = true;
  return r;
}

// Adds `count` full-time people of `role` who hold every licence, homed as the estate's own.
void add_people(Problem &p, const std::string &role, int count) {
  for (int i = 0; i < count; ++i) {
    Person x;
    x.role = role;
    x.id = role + "-added-" + std::to_string(p.people.size() + 1);
    x.name = catalog::Text::same(x.id);
    x.placeholder = true;
    p.people.push_back(std::move(x));
  }
  assign_homes(p, role);
}

} // namespace

Result make_roster(Problem &p, const Options &o, const std::vector<Pattern> &patterns) {
  t_work = 0;
  // Beyond the solver's budget: no answer, and the limit named.
  auto over = [&] {
    Result r;
    r.over_limit = true;
    r.refusal = {
        i18n::both(i18n::msg::roster_limit_work, util::group_thousands(static_cast<double>(limits::solver_work), 0))};
    return r;
  };
  Problem original = o.find_add ? p : Problem{};
  Failure f;
  Result r = attempt(p, o, patterns, f);
  if (over_work()) return over();
  if (r.ok || r.usage_error || !o.find_add || !f.can_add) return r;
  // How many more people make a roster: the lower bound's number first, then one more at a
  // time where the seat no one could take is, each try a whole roster. The number named is
  // one that worked, so adding it always succeeds.
  constexpr int most_rounds = 8;
  std::map<std::string, int> added;
  std::map<std::string, std::vector<int>> posts_of;
  Problem q = original;
  bool found = false;
  for (int round = 0; round < most_rounds && f.can_add; ++round) {
    if (!f.short_.empty()) {
      for (const auto &s : f.short_) {
        std::string role = post_role(q, s.posts.front());
        added[role] += s.add;
        posts_of[role].insert(posts_of[role].end(), s.posts.begin(), s.posts.end());
        add_people(q, role, s.add);
      }
    } else if (f.post >= 0) {
      std::string role = post_role(q, f.post);
      ++added[role];
      posts_of[role].push_back(f.post);
      add_people(q, role, 1);
    } else {
      break;
    }
    Problem trial = q;
    Options quiet = o;
    quiet.find_add = false;
    quiet.fair_effort = 0;
    f = Failure{};
    if (attempt(trial, quiet, patterns, f).ok) {
      found = true;
      break;
    }
    if (over_work()) return over();
  }
  for (auto &[role, n] : added) {
    auto &ids = posts_of[role];
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::string names;
    for (int i : ids) names += (names.empty() ? "" : ", ") + p.posts[static_cast<std::size_t>(i)].id;
    r.refusal.push_back(i18n::both_sides(found ? i18n::msg::roster_add_found : i18n::msg::roster_add_not_found, names,
                                         std::to_string(n), role_noun(p, role, n)));
    r.add[role] = found ? n : 0;
  }
  return r;
}

} // namespace pm::roster
