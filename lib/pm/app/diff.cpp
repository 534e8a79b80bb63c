#include <pm/app/diff.hpp>
#include <pm/roster/build.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/capacity.hpp>

#include <map>

namespace pm::app {

namespace {

// The first Monday of 2026, a four-week period with no public holiday: a plain rota.
constexpr const char *capacity_start = "2026-01-05";

Coverable coverable(const Context &c, const Plan &p) {
  roster::Problem pr = roster::build(p.estate, p.staffing, {c.labor, c.holidays, p.roles},
                                     {*roster::parse_roster_date(capacity_start), 4});
  Coverable out;
  out.problems = roster::impossible_posts(pr);
  for (const auto &f : roster::shortfalls(pr)) out.problems.push_back(f.message);
  return out;
}

} // namespace

Diff diff(const Context &c, EstateInput before, EstateInput after) {
  Diff d{make_plan(c, std::move(before), {true, std::nullopt}),
         make_plan(c, std::move(after), {true, std::nullopt}),
         {},
         {},
         {}};
  // Roles in the order they appear, new ones after.
  std::vector<RoleChange> all;
  std::map<std::string, std::size_t> index;
  auto collect = [&](const staff::Staffing &s, bool is_after) {
    for (const auto &dep : s.departments)
      for (const auto &r : dep.roles) {
        auto it = index.find(r.id);
        if (it == index.end()) it = index.emplace(r.id, all.size()).first, all.push_back({dep.id, r.id, r.name, 0, 0});
        (is_after ? all[it->second].after : all[it->second].before) = r.headcount;
      }
  };
  collect(d.before.staffing, false);
  collect(d.after.staffing, true);
  for (const auto &ch : all)
    if (ch.before != ch.after) d.changes.push_back(ch);
  d.roster_before = coverable(c, d.before);
  d.roster_after = coverable(c, d.after);
  return d;
}

} // namespace pm::app
