// Staffing with its reasons, the duties and requirements of each role, and the shift
// arrangements with the 4-week roster excerpt.

#include <pm/report/build_internal.hpp>

#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <set>

namespace pm::report::detail {

namespace {

std::string explanation(const Ctx &c, const staff::RoleLine &r) {
  std::string out;
  for (const auto &l : r.lines) out += (out.empty() ? "" : c.sep()) + c.t(l.explanation);
  return out;
}

std::string sources(const Ctx &c, const staff::RoleLine &r) {
  std::string out;
  std::set<std::string> seen;
  for (const auto &l : r.lines) {
    std::string s = c.t(l.source);
    if (!s.empty() && seen.insert(s).second) out += (out.empty() ? "" : c.sep()) + s;
  }
  return c.citing() ? c.in->cites->cite(out, c.t(r.name)) : out;
}

double round_to(double v, int decimals) {
  double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

} // namespace

Section staffing(const Ctx &c) {
  Section s = staffing_section(c, c.in->staffing, true);
  s.blocks.insert(s.blocks.begin(),
                  Paragraph{c.f(msg::staffing_intro_client, num(c.in->staffing.total)), Style::normal});
  return s;
}

Section staffing_section(const Ctx &c, const staff::Staffing &st, bool explain) {
  Section s{"staffing", "", c(msg::sec_staffing), {}, {}};
  Table t;
  t.id = "staffing";
  t.sheet = "staffing";
  t.caption = c(msg::cap_staffing);
  t.columns = {col("role", c(msg::c_department_role)), col("headcount", c(msg::c_headcount), Align::right)};
  if (explain)
    t.columns.insert(t.columns.end(), {col("reason", c(msg::c_reason), Align::left, 0, true),
                                       col("source", c(msg::c_source), Align::left, 0, true)});
  auto row = [&](std::vector<Cell> cells, const std::string &reason, const std::string &source) {
    if (explain) cells.insert(cells.end(), {Cell::of(reason), Cell::of(source)});
    return cells;
  };
  for (const auto &d : st.departments) {
    t.rows.push_back(group(d.id, row({Cell::of(c.t(d.name)), Cell::num(d.headcount, "sum:children")}, "", "")));
    for (const auto &r : d.roles)
      t.rows.push_back(
          body(r.id, row({Cell::of(c.t(r.name)), Cell::num(r.headcount)}, explanation(c, r), sources(c, r))));
  }
  t.rows.push_back(total(row({Cell::of(c(msg::total)), Cell::num(st.total, "sum:groups")}, "", "")));
  s.blocks.push_back(std::move(t));

  const auto &ind = st.indicators;
  if (ind.m2_per_person && ind.people_per_10k_m2) {
    std::string text = c.f(msg::indicators, num(*ind.m2_per_person), num(*ind.people_per_10k_m2, 2));
    if (ind.band) {
      std::string range = num(ind.band->min_m2_per_person) + "–" + num(ind.band->max_m2_per_person);
      std::string scope = ind.band_scope.zh.empty() ? "" : c.f(msg::indicators_band_scope_note, c.t(ind.band_scope));
      if (c.citing())
        text += c.f(msg::indicators_band_cited, range, scope, c.cite(ind.band->source));
      else
        text += c.f(msg::indicators_band_scope, range, scope, c.t(ind.band->source));
    }
    s.blocks.push_back(Paragraph{text, Style::normal});
  } else {
    s.blocks.push_back(Paragraph{c(msg::indicators_none), Style::normal});
  }
  for (const auto &w : st.warnings)
    s.blocks.push_back(Paragraph{c(msg::warning_prefix) + c.t(w.message) + " [" + w.code + "]", Style::warning});
  if (!st.unused_inputs.empty()) {
    std::vector<std::string> names;
    for (const auto &u : st.unused_inputs) names.push_back(c.t(u.name));
    s.blocks.push_back(Paragraph{c.f(msg::staff_unused_inputs, c.join(names)), Style::normal});
  }
  return s;
}

namespace {

// An estate's own position, with its requirements as written in the file.
const estate::Position *position_of(const Ctx &c, const std::string &id) {
  for (const auto &u : c.in->estate.units)
    for (const auto &p : u.positions)
      if (p.id == id) return &p;
  return nullptr;
}

const estate::Unit *unit_of(const Ctx &c, const std::string &id) {
  for (const auto &u : c.in->estate.units)
    if (u.id == id) return &u;
  return nullptr;
}

Facts requirements(const Ctx &c, const catalog::Role &role, const staff::DepartmentLine &d, int headcount) {
  Facts f;
  f.items.emplace_back(c(msg::c_department), c.t(d.name));
  f.items.emplace_back(c(msg::c_headcount), num(headcount));
  const catalog::Requirements &q = role.requirements;
  std::vector<std::string> licences, other;
  if (const estate::Position *pos = position_of(c, role.id)) {
    for (const auto &l : pos->licences) licences.push_back(c.t(l));
    for (const auto &o : pos->requirements.other) other.push_back(c.t(o));
  } else {
    for (const auto &id : q.licences) {
      const auto *l = c.in->roles.licence(id);
      licences.push_back(l ? c.t(l->name) : id);
    }
    for (const auto &o : q.other) other.push_back(c.t(o));
  }
  if (q.max_age > 0) f.items.emplace_back(c(msg::req_age), c.f(msg::req_age_value, num(q.max_age)));
  if (!q.education.empty()) f.items.emplace_back(c(msg::req_education), c.t(q.education));
  if (q.experience_years > 0)
    f.items.emplace_back(c(msg::req_experience), c.f(msg::req_experience_value, num(q.experience_years)));
  if (!licences.empty()) f.items.emplace_back(c(msg::req_licences), c.join(licences));
  if (!other.empty()) f.items.emplace_back(c(msg::req_other), c.join(other));
  if (q.max_age == 0 && q.education.empty() && q.experience_years == 0 && licences.empty() && other.empty())
    f.items.emplace_back(c(msg::req_title), c(msg::req_none));
  return f;
}

} // namespace

Section duties(const Ctx &c) {
  const auto &st = c.in->staffing;
  bool all_units = !st.departments.empty();
  for (const auto &d : st.departments) all_units = all_units && unit_of(c, d.id);
  Section s{"duties", "", all_units ? c(msg::sec_job_descriptions) : c(msg::sec_duties), {}, {}};
  s.blocks.push_back(
      Paragraph{(all_units ? c(msg::duties_intro_units) : c(msg::duties_intro)) + c.assumed("units"), Style::normal});
  for (const auto &d : st.departments) {
    const estate::Unit *unit = unit_of(c, d.id);
    Section ds{"duties-" + d.id, "", c.t(d.name), {}, {}};
    if (unit && !unit->scope.empty())
      ds.blocks.push_back(Paragraph{c(msg::unit_scope) + c.t(unit->scope), Style::normal});
    for (const auto &r : d.roles) {
      if (r.headcount <= 0) continue;
      const catalog::Role *role = c.in->roles.role(r.id);
      Section rs{"role-" + r.id, "", c.f(msg::role_heading, c.t(r.name), num(r.headcount)), {}, {}};
      if (!role) {
        ds.sections.push_back(std::move(rs));
        continue;
      }
      rs.blocks.push_back(requirements(c, *role, d, r.headcount));
      std::vector<std::string> items;
      for (const auto *x : staff::duties_for(*role, &c.in->estate)) items.push_back(c.t(*x));
      if (!items.empty()) {
        rs.blocks.push_back(Paragraph{c(msg::duties_title), Style::normal});
        rs.blocks.push_back(List{true, items});
      }
      std::string src = c.t(role->source);
      const std::string req = c.t(role->requirements.source);
      if (!req.empty() && req != src) src += (src.empty() ? "" : c.sep()) + req;
      std::string cited = src.empty() ? (unit ? c.in->cites->reference(c(msg::ref_client_data)) : "")
                                      : c.in->cites->cite(src, c.t(r.name));
      if (!cited.empty()) rs.blocks.push_back(Paragraph{c(msg::basis_prefix) + cited, Style::source});
      ds.sections.push_back(std::move(rs));
    }
    s.sections.push_back(std::move(ds));
  }
  return s;
}

namespace {

std::string days_text(const Ctx &c, const std::vector<int> &days) {
  if (days.empty()) return c(msg::every_day);
  static const Label *names[] = {&msg::wd_1, &msg::wd_2, &msg::wd_3, &msg::wd_4, &msg::wd_5, &msg::wd_6, &msg::wd_7};
  std::vector<std::string> out;
  for (int d : days)
    if (d >= 1 && d <= 7) out.push_back(c(*names[d - 1]));
  return c.join(out);
}

std::string roles_text(const Ctx &c, const std::vector<std::string> &ids) {
  std::vector<std::string> out;
  for (const auto &id : ids) {
    const auto *r = c.in->roles.role(id);
    out.push_back(r ? c.t(r->name) : id);
  }
  return c.join(out);
}

} // namespace

Section shifts(const Ctx &c) {
  const auto &st = c.in->staffing;
  const auto &l = c.in->labor;
  Section s{"shifts", "", c(msg::sec_shifts), {}, {}};
  s.blocks.push_back(Paragraph{c.f(msg::labor_intro, c.t(l.title), util::format_number(l.daily_hours),
                                   util::format_number(l.weekly_hours), util::format_number(l.overtime_cap_month),
                                   num(l.lawful_max_weekly_hours(), 1), num(l.productive_hours_per_year())),
                               Style::normal});
  if (!l.source.empty()) std::get<Paragraph>(s.blocks.back()).text += " " + c.cite(l.source, c(msg::sec_shifts));

  std::string pattern_by_roster;
  Table t;
  t.id = "posts";
  t.sheet = "roster";
  t.caption = c(msg::cap_posts);
  t.columns = {col("post", c(msg::c_post)),
               col("roles", c(msg::c_taken_by)),
               col("shifts", c(msg::c_shifts)),
               col("days", c(msg::c_days)),
               col("pattern", c(msg::c_pattern)),
               col("seats", c(msg::c_seats), Align::right),
               col("people", c(msg::c_people), Align::right),
               col("people_per_seat", c(msg::c_people_per_seat), Align::right, 1),
               col("weekly_hours", c(msg::c_weekly_hours), Align::right, 1),
               col("hours_per_person", c(msg::c_hours_per_person), Align::right, 1)};
  t.columns[2].lines = true;
  bool any_duty = false;
  for (const auto &p : st.posts) {
    std::string shifts_str;
    for (const auto &sh : p.shifts) shifts_str += (shifts_str.empty() ? "" : "\n") + hhmm_range(sh);
    std::string licence;
    if (!p.licence.empty()) {
      const auto *li = c.in->roles.licence(p.licence);
      licence = li ? c.t(li->name) : p.licence;
    }
    std::string roles = roles_text(c, p.roles);
    if (!licence.empty()) roles += c.f(msg::parenthesised, licence);
    // The pattern the roster used, else the common name of the post's shape.
    std::string pattern = pattern_name(p, c.zh);
    if (c.in->roster)
      for (const auto &b : c.in->roster->blocks)
        if (b.post == p.id && !b.pattern.empty()) pattern = c.t(b.pattern);
    double weekly = round_to(p.weekly_hours(), 1);
    if (p.duty) {
      any_duty = true;
      t.rows.push_back(body(p.id, {Cell::of(c.t(p.name)), Cell::of(roles), Cell::of(shifts_str),
                                   Cell::of(days_text(c, p.days)), Cell::of(c(msg::pat_duty)), Cell::num(p.seats),
                                   Cell::of("—"), Cell::of("—"), Cell::num(weekly), Cell::of("—")}));
      continue;
    }
    double per_seat = p.seats > 0 ? static_cast<double>(p.people) / p.seats : 0;
    t.rows.push_back(
        body(p.id, {Cell::of(c.t(p.name)), Cell::of(roles), Cell::of(shifts_str), Cell::of(days_text(c, p.days)),
                    Cell::of(pattern), Cell::num(p.seats), Cell::num(p.people),
                    Cell::num(round_to(per_seat, 1), "ROUND({.people}/{.seats},1)"), Cell::num(weekly),
                    Cell::num(round_to(staff::hours_per_person(p.weekly_hours(), p.people), 1),
                              "ROUND({.weekly_hours}/{.people},1)")}));
  }
  if (st.posts.empty()) {
    s.blocks.push_back(Paragraph{c(msg::no_posts), Style::normal});
  } else {
    t.rows.push_back(total({Cell::of(c(msg::total)), Cell::of(""), Cell::of(""), Cell::of(""), Cell::of(""),
                            Cell::num(0, "sum:body"), Cell::num(0, "sum:body"), Cell::of(""), Cell::num(0, "sum:body"),
                            Cell::of("")}));
    // The totals' cached values, computed as the formulas will.
    Row &tot = t.rows.back();
    double seats = 0, people = 0, weekly = 0;
    for (const auto &r : t.rows)
      if (r.kind == RowKind::body) {
        seats += r.cells[5].number.value_or(0);
        people += r.cells[6].number.value_or(0);
        weekly += r.cells[8].number.value_or(0);
      }
    tot.cells[5].number = seats;
    tot.cells[6].number = people;
    tot.cells[8].number = round_to(weekly, 1);
    s.blocks.push_back(std::move(t));
    s.blocks.push_back(Paragraph{c.f(msg::posts_note, num(l.lawful_max_weekly_hours(), 1)), Style::note});
    if (any_duty) s.blocks.push_back(Paragraph{c(msg::duty_note), Style::note});
  }

  Section rs{"roster", "", c(msg::sec_roster), {}, {}};
  if (!c.in->roster) {
    if (c.in->roster_refusal.empty()) {
      rs.blocks.push_back(Paragraph{c(msg::no_posts), Style::normal});
    } else {
      rs.blocks.push_back(Paragraph{c(msg::roster_refused), Style::warning});
      std::vector<std::string> why;
      for (const auto &t : c.in->roster_refusal) why.push_back(c.t(t));
      rs.blocks.push_back(List{false, why});
    }
  } else {
    const RosterExcerpt &r = *c.in->roster;
    rs.blocks.push_back(
        Paragraph{r.dated ? c.f(msg::roster_intro, r.first_day, num(r.days / 7.0), num(r.coverage, 1))
                          : c.f(msg::roster_intro_cycle, r.first_day, num(r.days / 7.0), num(r.coverage, 1)),
                  Style::normal});
    Table g;
    g.id = "roster";
    g.sheet = "roster";
    g.caption = c(msg::cap_roster);
    g.columns.push_back(col("person", c(msg::c_post_person)));
    for (std::size_t i = 0; i < r.day_labels.size(); ++i)
      g.columns.push_back(col("d" + std::to_string(i + 1), r.day_labels[i], Align::center));
    g.columns.push_back(col("shifts", c(msg::c_shift_count), Align::right));
    g.columns.push_back(col("hours", c(msg::c_hours), Align::right, 1));
    std::map<std::string, std::string> post_names;
    for (const auto &p : st.posts) post_names[p.id] = c.t(p.name);
    double shifts = 0, hours = 0;
    for (const auto &b : r.blocks) {
      std::string title = post_names.count(b.post) ? post_names[b.post] : b.post;
      if (!b.pattern.empty()) title += c.f(msg::parenthesised, c.t(b.pattern));
      Row gr = group(b.post, {Cell::of(title)});
      for (std::size_t i = 0; i < r.day_labels.size(); ++i) gr.cells.push_back(Cell::of(""));
      double bs = 0, bh = 0;
      for (const auto &l : b.lines) bs += l.shifts, bh += l.hours;
      gr.cells.push_back(Cell::num(bs, "sum:children"));
      gr.cells.push_back(Cell::num(round_to(bh, 1), "sum:children"));
      g.rows.push_back(std::move(gr));
      for (const auto &l : b.lines) {
        Row row = body(b.post + "/" + l.person, {Cell::of(c.t(l.name))});
        for (const auto &code : l.codes) row.cells.push_back(Cell::of(code.empty() ? "·" : code));
        row.cells.push_back(Cell::num(l.shifts));
        row.cells.push_back(Cell::num(round_to(l.hours, 1)));
        g.rows.push_back(std::move(row));
      }
      shifts += bs;
      hours += bh;
    }
    Row tot = total({Cell::of(c(msg::total))});
    for (std::size_t i = 0; i < r.day_labels.size(); ++i) tot.cells.push_back(Cell::of(""));
    tot.cells.push_back(Cell::num(shifts, "sum:groups"));
    tot.cells.push_back(Cell::num(round_to(hours, 1), "sum:groups"));
    g.rows.push_back(std::move(tot));
    rs.blocks.push_back(std::move(g));
    rs.blocks.push_back(Paragraph{c.t(r.legend), Style::note});

    Table pt;
    pt.id = "roster_people";
    pt.sheet = "roster";
    pt.caption = c(msg::cap_roster_people);
    pt.columns = {col("person", c(msg::c_person)),
                  col("post", c(msg::c_home_post)),
                  col("shifts", c(msg::c_shift_count), Align::right),
                  col("hours", c(msg::c_hours), Align::right, 1),
                  col("weekly_average", c(msg::c_weekly_average), Align::right, 1),
                  col("overtime", c(msg::c_overtime), Align::right, 1),
                  col("nights", c(msg::c_nights), Align::right),
                  col("weekends", c(msg::c_weekends), Align::right),
                  col("holidays", c(msg::c_holidays), Align::right)};
    double ts = 0, th = 0;
    for (const auto &p : r.people) {
      pt.rows.push_back(
          body(p.person, {Cell::of(c.t(p.name)), Cell::of(p.home.empty() ? "—" : post_names[p.home]),
                          Cell::num(p.shifts), Cell::num(p.hours), Cell::num(p.weekly_average), Cell::num(p.overtime),
                          Cell::num(p.nights), Cell::num(p.weekends), Cell::num(p.holidays)}));
      ts += p.shifts;
      th += p.hours;
    }
    pt.rows.push_back(
        total({Cell::of(c(msg::total)), Cell::of(""), Cell::num(ts, "sum:body"), Cell::num(round_to(th, 1), "sum:body"),
               Cell::of(""), Cell::of(""), Cell::of(""), Cell::of(""), Cell::of("")}));
    rs.blocks.push_back(std::move(pt));
  }
  s.sections.push_back(std::move(rs));
  return s;
}

} // namespace pm::report::detail
