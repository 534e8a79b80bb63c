#include <pm/report/build.hpp>
#include <pm/report/text.hpp>

#include <pm/roster/calendar.hpp>
#include <pm/roster/grid.hpp>
#include <pm/roster/rules.hpp>
#include <pm/roster/solver.hpp>
#include <pm/roster/summary.hpp>
#include <pm/util/date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace pm::report {

using namespace pm::roster;

namespace {

std::string two(int v) { return fmt::format("{:02}", v); }

const Label *weekday(int day) {
  static const Label *names[] = {&msg::wd_1, &msg::wd_2, &msg::wd_3, &msg::wd_4, &msg::wd_5, &msg::wd_6, &msg::wd_7};
  return names[util::iso_weekday(day) - 1];
}

} // namespace

RosterOutcome roster_excerpt(const app::Rostered &r, const app::Context &c, bool dated, bool zh) {
  RosterOutcome out;
  const Problem &p = r.problem;
  if (r.nothing_to_roster()) {
    out.no_posts = true;
    return out;
  }
  if (!r.ok()) {
    out.refusal = r.result.refusal;
    for (const auto &v : r.result.violations) out.refusal.push_back(v.message);
    return out;
  }
  const roster::Summary &sum = *r.summary;

  RosterExcerpt x;
  x.dated = dated;
  x.first_day = util::format_date(p.first_day);
  x.days = p.days;
  for (int day = 0; day < p.days; ++day) {
    int abs = p.first_day + day;
    if (x.dated) {
      util::YearMonthDay cd = util::civil(abs);
      x.day_labels.push_back(std::string(weekday(abs)->get(zh)) + " " + two(cd.month) + "-" + two(cd.day));
    } else {
      x.day_labels.push_back(
          i18n::tr(lang_of(zh), msg::roster_week_day, std::to_string(day / 7 + 1), weekday(abs)->get(zh)));
    }
  }
  for (const auto &gb : grid(p, r.result.assignments).blocks) {
    const PostDemand &dm = p.posts[static_cast<std::size_t>(gb.post)];
    RosterExcerpt::Block b;
    b.post = dm.id;
    if (!dm.pattern.empty())
      if (const Pattern *pat = find_pattern(c.patterns, dm.pattern))
        b.pattern = dm.swaps > 0 ? i18n::both_of(msg::pattern_swapped, pat->title, dm.swaps) : pat->title;
    if (dm.pattern.empty() && dm.cycle > 0) {
      catalog::Text rot = i18n::both(msg::roster_rotation_title, dm.cycle);
      b.pattern = dm.swaps > 0 ? i18n::both_of(msg::pattern_swapped, rot, dm.swaps) : rot;
    }
    for (const auto &gl : gb.lines) {
      const Person &pp = p.people[static_cast<std::size_t>(gl.person)];
      RosterExcerpt::Line line;
      line.person = pp.id;
      line.name = pp.name;
      line.shifts = gl.shifts;
      line.hours = gl.hours;
      for (const auto &k : gl.days) line.codes.push_back(k ? code_of(*k).get(zh) : std::string());
      b.lines.push_back(std::move(line));
    }
    x.blocks.push_back(std::move(b));
  }
  for (const auto &ps : sum.people) {
    const Person &who = p.people[static_cast<std::size_t>(ps.person)];
    if (ps.shifts == 0 && who.home < 0) continue; // as pm roster's summary
    x.people.push_back({who.id, who.name, who.home < 0 ? "" : p.posts[static_cast<std::size_t>(who.home)].id, ps.shifts,
                        ps.hours, ps.weekly_average, ps.overtime, ps.nights, ps.weekends, ps.holidays});
  }
  x.coverage = sum.coverage();
  x.legend = {msg::roster_legend.zh, msg::roster_legend.en};
  if (std::any_of(p.posts.begin(), p.posts.end(), [](const PostDemand &x) { return x.on_call >= 0; }))
    x.legend += {msg::roster_legend_on_call.zh, msg::roster_legend_on_call.en};
  out.excerpt = std::move(x);
  return out;
}

} // namespace pm::report
