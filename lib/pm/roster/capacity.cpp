#include <pm/i18n/messages.hpp>
#include <pm/roster/capacity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace pm::roster {

namespace {

double capacity(const Problem &p, const Person &x) {
  double week = p.labor.lawful_max_weekly_hours();
  if (x.hours_per_week > 0) week = std::min(week, x.hours_per_week);
  int away = 0;
  for (int d = p.first_day; d <= p.last_day(); ++d) away += x.unavailable.count(d) ? 1 : 0;
  return week * (p.days - away) / static_cast<double>(p.days);
}

std::string n0(double v) { return util::format_number(std::floor(v + 1e-9), 0); }

// "门岗" and "gate guard" / "gate guards" from the catalogue's role name.
catalog::Text role_noun(const Problem &p, const std::string &role, int count) {
  auto it = p.role_names.find(role);
  const catalog::Text *r = it == p.role_names.end() ? nullptr : &it->second;
  std::string s = r ? r->en : role;
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return {r ? r->zh : role, count == 1 ? s : s + "s"};
}

} // namespace

std::vector<Shortfall> shortfalls(const Problem &p) {
  std::vector<Shortfall> out;
  const int np = static_cast<int>(p.posts.size());
  // Groups: posts connected through people who may take both.
  std::vector<int> group(static_cast<std::size_t>(np), -1);
  int groups = 0;
  for (int i = 0; i < np; ++i) {
    if (group[static_cast<std::size_t>(i)] >= 0) continue;
    std::vector<int> stack{i};
    group[static_cast<std::size_t>(i)] = groups;
    while (!stack.empty()) {
      int a = stack.back();
      stack.pop_back();
      for (int person = 0; person < static_cast<int>(p.people.size()); ++person) {
        if (!p.eligible(person, a)) continue;
        for (int b = 0; b < np; ++b)
          if (group[static_cast<std::size_t>(b)] < 0 && p.eligible(person, b)) {
            group[static_cast<std::size_t>(b)] = groups;
            stack.push_back(b);
          }
      }
    }
    ++groups;
  }

  auto test = [&](const std::vector<int> &posts) {
    double needed = 0;
    for (int i : posts)
      needed += p.posts[static_cast<std::size_t>(i)].weekly_hours() * [&] {
        // Posts needed on some weekdays only: the share of the period's days.
        const auto &d = p.posts[static_cast<std::size_t>(i)];
        if (d.days.empty()) return 1.0;
        int c = 0;
        for (int x = p.first_day; x <= p.last_day(); ++x) c += d.needed_on(x) ? 1 : 0;
        return c / (p.days * d.days.size() / 7.0);
      }();
    double give = 0;
    int people = 0;
    std::string role;
    for (int person = 0; person < static_cast<int>(p.people.size()); ++person) {
      bool any = false;
      for (int i : posts) any = any || p.eligible(person, i);
      if (!any) continue;
      ++people;
      give += capacity(p, p.people[static_cast<std::size_t>(person)]);
    }
    if (needed <= give + 1e-6) return;
    Shortfall s;
    s.posts = posts;
    s.needed = needed;
    s.people = people;
    s.can_give = give;
    s.add = static_cast<int>(std::ceil((needed - give) / p.labor.lawful_max_weekly_hours() - 1e-9));
    const PostDemand &first = p.posts[static_cast<std::size_t>(posts.front())];
    role = first.role.empty() ? (first.roles.empty() ? "" : first.roles.front()) : first.role;
    std::string ids;
    for (int i : posts) ids += (ids.empty() ? "" : ", ") + p.posts[static_cast<std::size_t>(i)].id;
    catalog::Text licence = first.licence.empty() || posts.size() > 1
                                ? catalog::Text{}
                                : i18n::both(i18n::msg::roster_holding_licence, first.licence);
    s.message = i18n::both_sides(i18n::msg::roster_shortfall, ids, n0(std::ceil(needed - 1e-9)), std::to_string(people),
                                 role_noun(p, role, people), licence, n0(std::round(give)), std::to_string(s.add),
                                 role_noun(p, role, s.add));
    out.push_back(std::move(s));
  };

  std::set<int> reported;
  for (int i = 0; i < np; ++i) {
    std::size_t before = out.size();
    test({i});
    if (out.size() > before) reported.insert(group[static_cast<std::size_t>(i)]);
  }
  for (int g = 0; g < groups; ++g) {
    std::vector<int> posts;
    for (int i = 0; i < np; ++i)
      if (group[static_cast<std::size_t>(i)] == g) posts.push_back(i);
    if (posts.size() > 1 && !reported.count(g)) test(posts);
  }
  return out;
}

std::vector<catalog::Text> impossible_posts(const Problem &p) {
  std::vector<catalog::Text> out;
  for (const auto &d : p.posts)
    for (std::size_t i = 0; i < d.shifts.size(); ++i)
      if (const auto &s = d.shifts[i];
          !d.is_on_call(static_cast<int>(i)) && s.minutes() > p.labor.max_shift_hours * 60 + 1e-9) {
        std::string h = util::format_number(s.minutes() / 60.0, 1),
                    max = util::format_number(p.labor.max_shift_hours, 1);
        out.push_back(i18n::both(i18n::msg::roster_shift_over_limit, d.id, staff::format_hhmm(s.start),
                                 staff::format_hhmm(s.end), h, max));
      }
  return out;
}

} // namespace pm::roster
