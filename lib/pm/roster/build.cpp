#include <pm/roster/build.hpp>
#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace pm::roster {

namespace {

std::string number(int i, int count) { return fmt::format("{:0{}}", i, count >= 100 ? 3 : 2); }

// Only the days of the roster matter (and the day either side, for night shifts): a range of
// years, or thousands of ranges, cost no more than the roster's own days.
void add_unavailable(Person &p, const std::vector<estate::Unavailable> &list, int first, int last) {
  for (const auto &u : list) {
    auto a = util::parse_date(u.from), b = util::parse_date(u.to);
    if (!a || !b) continue; // pm validate reports malformed dates
    for (int d = std::max(*a, first - 1); d <= *b && d <= last + 1 && d - *a < 3660; ++d) p.unavailable.insert(d);
  }
}

} // namespace

Problem build(const estate::Estate &e, const staff::Staffing &s, const Calendar &cal, const Period &period) {
  const staff::Labor &labor = cal.labor;
  const catalog::Catalogue &cat = cal.roles;
  Problem pr;
  pr.estate_id = e.id;
  pr.estate_name = e.name;
  pr.estate_file = e.file;
  pr.norms = s.norms;
  pr.labor = labor;
  pr.first_day = period.first_day;
  pr.days = period.weeks * 7;

  for (const auto &p : s.posts) {
    if (p.shifts.empty() || p.seats <= 0) continue;
    PostDemand d;
    d.id = p.id;
    d.name = p.name;
    d.role = p.duty ? "" : p.role;
    d.roles = p.roles;
    d.licence = p.licence;
    d.seats = p.seats;
    d.shifts = p.shifts;
    d.days = p.days;
    d.duty = p.duty;
    d.team = p.team;
    d.on_call = p.on_call;
    d.people = p.people;
    pr.posts.push_back(std::move(d));
  }

  // Roles in play, in the order posts name them.
  std::vector<std::string> roles;
  for (const auto &p : pr.posts)
    for (const auto &r : p.roles)
      if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);

  for (const auto &role : roles) {
    std::vector<Person> team;
    for (const auto &x : e.staff) {
      if (x.role != role) continue;
      Person p;
      p.id = x.id;
      p.name = {x.name, x.name};
      p.role = x.role;
      p.licences = x.licences;
      p.hours_per_week = x.hours_per_week;
      add_unavailable(p, x.unavailable, pr.first_day, pr.first_day + pr.days - 1);
      team.push_back(std::move(p));
    }
    if (team.empty()) {
      int count = s.headcount(role);
      const catalog::Role *cr = cat.role(role);
      for (int i = 1; i <= count; ++i) {
        Person p;
        p.id = role + "-" + number(i, count);
        p.name = {(cr ? cr->name.zh : role) + " " + std::to_string(i),
                  (cr ? cr->name.en : role) + " " + std::to_string(i)};
        p.role = role;
        p.placeholder = true;
        team.push_back(std::move(p));
      }
    }
    for (auto &p : team) pr.people.push_back(std::move(p));
    assign_homes(pr, role);
  }

  for (const auto &role : roles)
    if (const catalog::Role *r = cat.role(role)) pr.role_names[role] = r->name;
  for (const auto &d : pr.posts)
    if (const catalog::Licence *l = d.licence.empty() ? nullptr : cat.licence(d.licence))
      pr.licence_names[d.licence] = l->name;
  pr.holidays = cal.holidays;
  return pr;
}

} // namespace pm::roster
