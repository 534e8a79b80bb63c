#include <pm/i18n/messages.hpp>
#include <pm/roster/capacity.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace pm::roster {

namespace {

std::string n0(double v) { return util::group_thousands(std::floor(v + 1e-9), 0); }

} // namespace

// "门岗" and "gate guard" / "gate guards" from the catalogue's role name.
catalog::Text role_noun(const Problem &p, const std::string &role, int count) {
  auto it = p.role_names.find(role);
  const catalog::Text *r = it == p.role_names.end() ? nullptr : &it->second;
  std::string s = r ? r->en : role;
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return {r ? r->zh : role, count == 1 ? s : s + "s"};
}

std::string post_role(const Problem &p, int post) {
  const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
  return d.role.empty() ? (d.roles.empty() ? "" : d.roles.front()) : d.role;
}

catalog::Text shortfall_message(const Problem &p, const Shortfall &s) {
  const PostDemand &first = p.posts[static_cast<std::size_t>(s.posts.front())];
  std::string role = post_role(p, s.posts.front());
  std::string ids;
  for (int i : s.posts) ids += (ids.empty() ? "" : ", ") + p.posts[static_cast<std::size_t>(i)].id;
  catalog::Text licence = first.licence.empty() || s.posts.size() > 1
                              ? catalog::Text{}
                              : i18n::both_sides(i18n::msg::roster_holding_licence, p.licence_name(first.licence));
  const Bound &b = s.bound;
  if (b.add_on_call)
    return i18n::both_sides(i18n::msg::roster_shortfall_on_call, ids, util::format_date(b.add_window.first),
                            util::format_date(b.add_window.last), n0(b.add_demand), std::to_string(s.people),
                            role_noun(p, role, s.people), n0(b.have), n0(b.add_per_person), std::to_string(s.add),
                            role_noun(p, role, s.add));
  catalog::Text why = b.add_seven_days ? i18n::both(i18n::msg::roster_bound_seven)
                                       : i18n::both(i18n::msg::roster_bound_period, b.add_window.label);
  auto people = [&](int n, const catalog::Text &with) {
    return i18n::both_sides(i18n::msg::roster_n_people, std::to_string(n), role_noun(p, role, n), with);
  };
  catalog::Text window = i18n::both(i18n::msg::roster_window, util::format_date(b.add_window.first),
                                    util::format_date(b.add_window.last), std::to_string(b.add_window.days()));
  return i18n::both_sides(i18n::msg::roster_shortfall, ids, window, n0(std::ceil(b.add_demand - 1e-9)),
                          people(s.people, licence), n0(b.have), n0(b.add_per_person), why,
                          people(s.add, catalog::Text{}));
}

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
    Bound b = lower_bound(p, posts);
    if (b.add <= 0) return;
    Shortfall s;
    s.posts = posts;
    for (int person = 0; person < static_cast<int>(p.people.size()); ++person)
      for (int i : posts)
        if (p.eligible(person, i)) {
          ++s.people;
          break;
        }
    s.bound = b;
    s.add = b.add;
    s.message = shortfall_message(p, s);
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
