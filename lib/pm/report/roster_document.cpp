// pm roster's documents: the grid of each post, each person's and each post's totals.

#include <pm/doc/render.hpp>
#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/grid.hpp>
#include <pm/util/controls.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;
using namespace pm::roster;

namespace {

constexpr int days_per_table = 28; // four weeks fit a terminal and a printed page

std::string one_decimal(double v) { return util::format_number(std::round(v * 10) / 10, 1); }

std::string shifts_text(const PostDemand &d) {
  std::string s;
  for (const auto &x : d.shifts)
    s += (s.empty() ? "" : ", ") + staff::format_hhmm(x.start) + "–" + staff::format_hhmm(x.end == 0 ? 1440 : x.end);
  return s;
}

const i18n::Message &weekday_short(int day) {
  static const i18n::Message *names[] = {&msg::wd_short_1, &msg::wd_short_2, &msg::wd_short_3, &msg::wd_short_4,
                                         &msg::wd_short_5, &msg::wd_short_6, &msg::wd_short_7};
  return *names[util::iso_weekday(day) - 1];
}

std::string post_name(const Ctx &c, const Problem &p, int post) {
  return post < 0 ? "-" : c.t(p.posts[static_cast<std::size_t>(post)].name);
}

// "门岗（主入口）· 班制 五班三运转 · 1 人/班 · 08:00–16:00, ... · 需持证 高压电工作业证"
std::string post_heading(const Ctx &c, const app::Context &cx, const app::Plan &pl, const PostDemand &d) {
  std::string pattern = c(msg::roster_solved);
  if (!d.pattern.empty()) {
    const Pattern *pat = find_pattern(cx.patterns, d.pattern);
    std::string name = pat ? c.t(pat->title) : d.pattern;
    // A pattern whose shifts were swapped to even out shares says so.
    pattern = c.f(msg::roster_pattern, d.swaps > 0 ? c.f(msg::pattern_swapped, name, d.swaps) : name);
  } else if (d.cycle > 0) {
    std::string name = c.f(msg::roster_rotation_title, d.cycle);
    pattern = c.f(msg::roster_pattern, d.swaps > 0 ? c.f(msg::pattern_swapped, name, d.swaps) : name);
  }
  std::string out = c.t(d.name) + " · " + pattern + " · " + c.f(msg::roster_seats, d.seats) + " · " + shifts_text(d);
  if (!d.licence.empty()) {
    const catalog::Licence *l = pl.roles.licence(d.licence);
    out += " · " + c.f(msg::roster_licence, l ? c.t(l->name) : d.licence);
  }
  return out;
}

Section grid_section(const Ctx &c, const app::Context &cx, const app::Plan &pl, const Grid::Block &b) {
  const Problem &p = pl.roster->problem;
  const PostDemand &d = p.posts[static_cast<std::size_t>(b.post)];
  Section s{d.id, "", post_heading(c, cx, pl, d), {}, {}};
  for (int from = 0; from < p.days; from += days_per_table) {
    int to = std::min(p.days, from + days_per_table);
    Table t;
    t.id = "roster_" + d.id + (from ? "_" + std::to_string(from / days_per_table + 1) : "");
    t.dense = true;
    if (from) t.caption = util::format_date(p.first_day + from).substr(0, 7);
    t.columns.push_back(col("person", c(msg::c_person)));
    for (int day = from; day < to; ++day) {
      int abs = p.first_day + day;
      auto ymd = util::civil(abs);
      Column day_col =
          col(util::format_date(abs),
              fmt::format("{} {:02}-{:02}", weekday_short(abs).get(c.lang()), ymd.month, ymd.day), Align::center);
      day_col.brief = fmt::format("{}\n{:02}", weekday_short(abs).get(c.lang()), ymd.day);
      t.columns.push_back(std::move(day_col));
    }
    for (const auto &line : b.lines) {
      std::vector<Cell> cells{Cell::of(c.t(p.people[static_cast<std::size_t>(line.person)].name))};
      for (int day = from; day < to; ++day) {
        const auto &k = line.days[static_cast<std::size_t>(day)];
        cells.push_back(k ? Cell::styled(code_of(*k).get(c.lang()), style_of(*k)) : Cell::styled("·", "o"));
      }
      t.rows.push_back(body(p.people[static_cast<std::size_t>(line.person)].id, std::move(cells)));
    }
    s.blocks.push_back(std::move(t));
  }
  return s;
}

Section summary_section(const Ctx &c, const app::Plan &pl) {
  const Problem &p = pl.roster->problem;
  const roster::Summary &sum = *pl.roster->summary;
  Section s{"summary", "", c(msg::summary), {}, {}};
  Table t;
  t.id = "roster_people";
  t.caption = c(msg::roster_per_person);
  t.columns = {col("person", c(msg::c_person)),
               col("post", c(msg::c_home_post)),
               col("shifts", c(msg::c_shifts), Align::right),
               col("hours", c(msg::c_hours), Align::right, 1),
               col("weekly", c(msg::c_week_average), Align::right, 1),
               col("overtime", c(msg::c_overtime), Align::right, 1),
               col("nights", c(msg::c_nights), Align::right),
               col("weekends", c(msg::c_weekends), Align::right),
               col("holidays", c(msg::c_holidays), Align::right)};
  for (const auto &x : sum.people) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    if (x.shifts == 0 && who.home < 0) continue;
    t.rows.push_back(
        body(who.id, {Cell::of(c.t(who.name)), Cell::of(post_name(c, p, who.home)), Cell::num(x.shifts),
                      Cell::num(std::round(x.hours * 10) / 10), Cell::num(std::round(x.weekly_average * 10) / 10),
                      Cell::num(std::round(x.overtime * 10) / 10), Cell::num(x.nights), Cell::num(x.weekends),
                      Cell::num(x.holidays)}));
  }
  s.blocks.push_back(std::move(t));
  Table pt;
  pt.id = "roster_posts";
  pt.caption = c(msg::roster_per_post);
  pt.columns = {col("post", c(msg::c_post)), col("covered", c(msg::c_covered), Align::right),
                col("nights", c(msg::c_nights_range), Align::right),
                col("weekends", c(msg::c_weekends_range), Align::right),
                col("hours", c(msg::c_hours_range), Align::right)};
  auto range = [](const roster::Spread &r) { return std::to_string(r.min) + "–" + std::to_string(r.max); };
  for (const auto &x : sum.posts)
    pt.rows.push_back(body(p.posts[static_cast<std::size_t>(x.post)].id,
                           {Cell::of(post_name(c, p, x.post)),
                            Cell::of(std::to_string(x.covered) + "/" + std::to_string(x.seat_shifts)),
                            Cell::of(range(x.nights)), Cell::of(range(x.weekends)), Cell::of(range(x.hours))}));
  s.blocks.push_back(std::move(pt));
  if (!sum.groups.empty()) {
    Table gt;
    gt.id = "roster_groups";
    gt.caption = c(msg::roster_per_group);
    gt.columns = {col("group", c(msg::c_share_group)),
                  col("people", c(msg::c_people), Align::right),
                  col("hours", c(msg::c_group_hours), Align::right),
                  col("nights", c(msg::c_group_nights), Align::right),
                  col("weekends", c(msg::c_group_weekends), Align::right),
                  col("holidays", c(msg::c_group_holidays), Align::right)};
    auto share = [&](const roster::Share &x, int decimals) {
      return c.f(msg::share_cell, util::format_number(std::round(x.average * 10) / 10, 1),
                 util::format_number(x.min, decimals), util::format_number(x.max, decimals));
    };
    for (const auto &g : sum.groups) {
      std::string label = g.post >= 0 ? c.f(msg::share_group_post, post_name(c, p, g.post))
                                      : c.f(msg::share_group_role, c.t(p.role_name(g.role)));
      std::string id = g.post >= 0 ? p.posts[static_cast<std::size_t>(g.post)].id : g.role;
      gt.rows.push_back(
          body(id, {Cell::of(label), Cell::num(static_cast<double>(g.people.size())), Cell::of(share(g.hours, 1)),
                    Cell::of(share(g.nights, 0)), Cell::of(share(g.weekends, 0)), Cell::of(share(g.holidays, 0))}));
    }
    s.blocks.push_back(std::move(gt));
  }
  s.blocks.push_back(Paragraph{c.f(msg::roster_coverage, one_decimal(sum.coverage()), sum.covered, sum.seat_shifts,
                                   range(sum.nights), range(sum.weekends), range(sum.holidays)),
                               Style::normal});
  if (!sum.holidays_known) s.blocks.push_back(Paragraph{c(msg::roster_holidays_unknown), Style::note});
  if (std::any_of(p.posts.begin(), p.posts.end(), [](const PostDemand &d) { return d.duty; }))
    s.blocks.push_back(Paragraph{c(msg::roster_duty_note), Style::note});
  if (std::any_of(p.posts.begin(), p.posts.end(), [](const PostDemand &x) { return x.on_call >= 0; })) {
    int calls = 0;
    for (const auto &x : sum.people) calls += x.on_call;
    const staff::Labor &l = p.labor;
    s.blocks.push_back(Paragraph{c.f(msg::roster_on_call_note, l.on_call_end, l.on_call_start, calls,
                                     l.on_call_max_per_7, util::format_number(l.on_call_min_gap_hours)),
                                 Style::note});
  }
  return s;
}

// One row per shift, as pm roster check reads it back: the columns' ids and a shift's fields.
// Each id column (read back) stands beside the name people read.
const char *const data_columns[] = {"staff_id", "staff_name", "role_id", "role", "post_id", "post",
                                    "shift_id", "shift",      "start",   "end",  "hours"};

std::vector<std::string> data_fields(const Ctx &c, const Problem &p, const Assignment &x) {
  const Person &who = p.people[static_cast<std::size_t>(x.person)];
  const PostDemand &post = p.posts[static_cast<std::size_t>(x.post)];
  auto role = p.role_names.find(who.role);
  ShiftKind kind = shift_kind(p, x.post, x.start, x.end);
  return {who.id,
          c.t(who.name),
          who.role,
          role != p.role_names.end() ? c.t(role->second) : who.role,
          post.id,
          c.t(post.name),
          code_of(kind).en,
          c.t(name_of(kind)),
          format_datetime(x.start),
          format_datetime(x.end),
          util::format_number(kind == ShiftKind::on_call ? 0.0 : (x.end - x.start) / 60.0, 2)};
}

Table roster_data(const Ctx &c, const Problem &p, const std::vector<Assignment> &a) {
  Table t;
  t.id = "roster_data";
  t.for_ = Table::For::data;
  for (const char *id : data_columns) t.columns.push_back(col(id, ""));
  t.columns.back().align = Align::right;
  t.columns.back().decimals = 2;
  for (const auto &x : a) {
    std::vector<Cell> cells;
    for (auto &f : data_fields(c, p, x)) cells.push_back(Cell::of(std::move(f)));
    t.rows.push_back(body("", std::move(cells)));
  }
  return t;
}

std::string title(const Ctx &c, const app::Plan &pl, std::uint64_t seed) {
  const Problem &p = pl.roster->problem;
  return c.f(msg::roster_title, c.t(p.estate_name), util::format_date(p.first_day), util::format_date(p.last_day()),
             p.days / 7, detail::short_title(c, pl.staffing.norms_title, p.norms),
             detail::short_title(c, p.labor.title, p.labor.name), seed);
}

} // namespace

doc::Document roster_document(const app::Context &cx, const app::Plan &pl, i18n::Lang lang, std::uint64_t seed) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  const Problem &p = pl.roster->problem;
  doc::Document d;
  d.estate_id = p.estate_id;
  d.lang = i18n::code(lang);
  d.title = title(c, pl, seed);
  Grid g = grid(p, pl.roster->result.assignments);
  for (const auto &b : g.blocks) d.sections.push_back(grid_section(c, cx, pl, b));
  std::string codes = c(msg::roster_legend);
  if (std::any_of(p.posts.begin(), p.posts.end(), [](const PostDemand &x) { return x.on_call >= 0; }))
    codes += c(msg::roster_legend_on_call);
  Section legend{"legend", "", "", {Paragraph{codes, Style::note}}, {}};
  legend.blocks.push_back(roster_data(c, p, pl.roster->result.assignments));
  d.sections.push_back(std::move(legend));
  d.sections.push_back(summary_section(c, pl));
  return d;
}

} // namespace pm::report

namespace pm::report {

namespace {

// Why an estate can't be rostered: the solver's refusal, else the rules its roster broke.
std::vector<std::string> problems(const app::Plan &pl, i18n::Lang lang) {
  std::vector<std::string> out;
  if (!pl.roster || pl.roster->ok() || pl.roster->nothing_to_roster()) return out;
  for (const auto &t : pl.roster->result.refusal) out.push_back(t.get(lang));
  if (out.empty())
    for (const auto &v : pl.roster->result.violations) out.push_back(v.message.get(lang));
  return out;
}

} // namespace

doc::Document roster_summary_document(const std::vector<app::Plan> &plans, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(lang);
  int weeks = plans.empty() || !plans.front().roster ? 0 : plans.front().roster->problem.days / 7;
  d.title = c.f(msg::roster_dir_title, plans.size(), weeks);
  Table t;
  t.id = "rosters";
  t.columns = {col("estate", c(msg::c_estate)), col("posts", c(msg::c_posts), Align::right),
               col("people", c(msg::c_persons), Align::right), col("result", c(msg::c_result))};
  for (const auto &pl : plans) {
    const Problem &p = pl.roster->problem;
    auto why = problems(pl, lang);
    std::string result = p.posts.empty()   ? c(msg::roster_nothing)
                         : pl.roster->ok() ? c(msg::roster_made)
                                           : c.f(msg::roster_cannot, why.empty() ? "" : why.front());
    t.rows.push_back(body(pl.estate.id, {Cell::of(c.t(pl.estate.name)), Cell::num(static_cast<double>(p.posts.size())),
                                         Cell::num(static_cast<double>(p.people.size())), Cell::of(result)}));
  }
  d.sections.push_back(Section{"rosters", "", "", {std::move(t)}, {}});
  return d;
}

nlohmann::ordered_json roster_summary_json(const std::vector<app::Plan> &plans, int weeks, i18n::Lang lang) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto &pl : plans) {
    const Problem &p = pl.roster->problem;
    bool feasible = p.posts.empty() || pl.roster->ok();
    j.push_back({{"estate", pl.estate.id},
                 {"file", pl.estate.file},
                 {"posts", p.posts.size()},
                 {"people", p.people.size()},
                 {"feasible", feasible},
                 {"shifts", feasible ? nlohmann::ordered_json(pl.roster->result.assignments.size())
                                     : nlohmann::ordered_json(nullptr)},
                 {"problems", problems(pl, lang)}});
  }
  return nlohmann::ordered_json{{"weeks", weeks}, {"estates", j}};
}

std::string ics_escape(const std::string &raw) {
  std::string s = util::printable(raw); // no control characters in a calendar file
  std::string o;
  for (char ch : s) {
    if (ch == '\\' || ch == ';' || ch == ',') {
      o += '\\';
      o += ch;
    } else if (ch == '\n') {
      o += "\\n";
    } else if (ch != '\r') {
      o += ch;
    }
  }
  return o;
}

std::string ics_fold(const std::string &line) {
  // Lines longer than 75 octets continue on the next line after CRLF and a space, never
  // splitting a UTF-8 sequence.
  std::string out;
  std::size_t i = 0, limit = 75;
  while (line.size() - i > limit) {
    std::size_t cut = i + limit;
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(i, cut - i) + "\r\n ";
    i = cut;
    limit = 74; // the leading space counts
  }
  return out + line.substr(i) + "\r\n";
}

std::string roster_ics(const app::Plan &pl, i18n::Lang lang, std::uint64_t seed) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  const Problem &p = pl.roster->problem;
  auto stamp = [](int minutes) {
    std::string s = format_datetime(minutes); // YYYY-MM-DDTHH:MM
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2) + "T" + s.substr(11, 2) + s.substr(14, 2) + "00";
  };
  std::string out;
  auto line = [&](const std::string &l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//pm//roster " PM_VERSION "//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_escape(title(c, pl, seed)));
  // DTSTAMP is derived from the roster's start so the same input gives the same bytes.
  std::string dtstamp = stamp(p.first_day * 1440) + "Z";
  for (const auto &x : pl.roster->result.assignments) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    const PostDemand &d = p.posts[static_cast<std::size_t>(x.post)];
    std::string shift = name_of(shift_kind(p, x.post, x.start, x.end)).get(lang);
    line("BEGIN:VEVENT");
    line("UID:" + p.estate_id + "-" + d.id + "-" + who.id + "-" + stamp(x.start) + "@pm-roster");
    line("DTSTAMP:" + dtstamp);
    line("DTSTART:" + stamp(x.start));
    line("DTEND:" + stamp(x.end));
    line("SUMMARY:" + ics_escape(c.t(who.name) + " · " + c.t(d.name) + " · " + shift));
    line("DESCRIPTION:" + ics_escape(c.f(msg::ics_description, c.t(d.name), c.t(who.name), who.id)));
    line("CATEGORIES:" + ics_escape(c.t(d.name)));
    line("TRANSP:OPAQUE");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

} // namespace pm::report

namespace pm::report {

std::string roster_csv(const app::Plan &pl, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  const Problem &p = pl.roster->problem;
  // Written row by row: a year of a large estate is tens of thousands of shifts, which as a
  // document of cells would take ten times the memory.
  std::string out = doc::csv_row({std::begin(data_columns), std::end(data_columns)});
  for (const auto &x : pl.roster->result.assignments) out += doc::csv_row(data_fields(c, p, x));
  return out;
}

} // namespace pm::report
