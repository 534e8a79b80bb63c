#include <pm/report/roster.hpp>
#include <pm/report/text.hpp>

#include <pm/roster/build.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/rules.hpp>
#include <pm/roster/solver.hpp>
#include <pm/roster/summary.hpp>
#include <pm/util/date.hpp>

#include <algorithm>
#include <cstdio>

namespace pm::report {

using namespace pm::roster;

namespace {

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

const Label *weekday(int day) {
  static const Label *names[] = {&msg::wd_1, &msg::wd_2, &msg::wd_3, &msg::wd_4, &msg::wd_5, &msg::wd_6, &msg::wd_7};
  return names[util::iso_weekday(day) - 1];
}

} // namespace

RosterOutcome make_roster_excerpt(const estate::Estate &e, const staff::Staffing &s, const staff::Labor &labor,
                                  const std::string &date, bool zh) {
  RosterOutcome out;
  auto first = parse_roster_date(date.empty() ? default_roster_start : date);
  if (!first) {
    out.refusal.push_back({"the date " + date + " is not a date", "日期 " + date + " 无效"});
    return out;
  }
  Problem p = roster::build(e, s, labor, {*first, 4});
  if (p.posts.empty()) {
    out.no_posts = true;
    return out;
  }
  diag::Diagnostics d;
  auto patterns = builtin_patterns(d);
  Result r = make_roster(p, {1, ""}, patterns);
  if (!r.ok) {
    out.refusal = r.refusal;
    for (const auto &v : r.violations) out.refusal.push_back(v.message);
    return out;
  }
  roster::Summary sum = summarize(p, r.assignments);

  RosterExcerpt x;
  x.dated = !date.empty();
  x.first_day = util::format_date(p.first_day);
  x.days = p.days;
  for (int day = 0; day < p.days; ++day) {
    int abs = p.first_day + day;
    if (x.dated) {
      util::YearMonthDay c = util::civil(abs);
      x.day_labels.push_back(std::string(weekday(abs)->get(zh)) + " " + two(c.month) + "-" + two(c.day));
    } else {
      x.day_labels.push_back(
          i18n::tr(lang_of(zh), msg::roster_week_day, std::to_string(day / 7 + 1), weekday(abs)->get(zh)));
    }
  }
  // One block per post: its home team first, then anyone else who worked there (as pm roster).
  for (int post = 0; post < static_cast<int>(p.posts.size()); ++post) {
    const PostDemand &dm = p.posts[static_cast<std::size_t>(post)];
    RosterExcerpt::Block b;
    b.post = dm.id;
    if (!dm.pattern.empty())
      if (const Pattern *pat = find_pattern(patterns, dm.pattern)) b.pattern = pat->title;
    std::vector<int> who;
    for (int i = 0; i < static_cast<int>(p.people.size()); ++i)
      if (p.people[static_cast<std::size_t>(i)].home == post) who.push_back(i);
    for (const auto &a : r.assignments)
      if (a.post == post && std::find(who.begin(), who.end(), a.person) == who.end()) who.push_back(a.person);
    std::stable_sort(who.begin(), who.end(), [&](int a, int c) {
      bool ha = p.people[static_cast<std::size_t>(a)].home == post,
           hc = p.people[static_cast<std::size_t>(c)].home == post;
      return ha != hc ? ha : a < c;
    });
    for (int person : who) {
      const Person &pp = p.people[static_cast<std::size_t>(person)];
      RosterExcerpt::Line line;
      line.person = pp.id;
      line.name = pp.name;
      line.codes.assign(static_cast<std::size_t>(p.days), "");
      for (const auto &a : r.assignments) {
        if (a.post != post || a.person != person) continue;
        ++line.shifts;
        line.hours += (a.end - a.start) / 60.0;
        int i = shift_of(p, a);
        if (i < 0) continue;
        int day = first_calendar_day(a.start - dm.shifts.front().start - dm.shift_offset(i)) - p.first_day;
        if (day >= 0 && day < p.days && line.codes[static_cast<std::size_t>(day)].empty())
          line.codes[static_cast<std::size_t>(day)] = shift_code(p, post, a.start, a.end, zh);
      }
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
  out.excerpt = std::move(x);
  return out;
}

} // namespace pm::report
