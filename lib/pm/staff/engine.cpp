#include <pm/i18n/messages.hpp>
#include <pm/staff/engine.hpp>
#include <pm/staff/limits.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

namespace pm::staff {

double Post::weekly_hours() const {
  double per_day = 0;
  for (std::size_t i = 0; i < shifts.size(); ++i)
    if (static_cast<int>(i) != on_call) per_day += shifts[i].minutes() / 60.0;
  double days_per_week = days.empty() ? 7.0 : static_cast<double>(days.size());
  return seats * per_day * days_per_week;
}

double hours_per_person(double weekly_hours, int people) { return people > 0 ? weekly_hours / people : 0; }

const RoleLine *Staffing::role(const std::string &id) const {
  for (const auto &d : departments)
    for (const auto &r : d.roles)
      if (r.id == id) return &r;
  return nullptr;
}

int Staffing::headcount(const std::string &id) const {
  const RoleLine *r = role(id);
  return r ? r->headcount : 0;
}

namespace {

using i18n::both;
using i18n::both_of;
using i18n::both_sides;
using i18n::Text;
namespace msg = i18n::msg;

// Numbers in explanations: thousands grouped, at most two decimals.
std::string n(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return util::group_thousands(v, 0);
  std::string s = util::group_thousands(v, 2);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// A count that may be absurdly large (in a message about a limit): grouped while exact, else
// in scientific notation.
std::string count_text(double v) {
  return v < 1e15 ? util::group_thousands(std::ceil(v), 0) : fmt::format("{:.3g}", v);
}

int apply_rounding(double raw, Rounding r) {
  // A hair of tolerance so 8760/1946.6666 = 4.5000000001 rounds as people expect.
  switch (r) {
  case Rounding::ceil:
    return static_cast<int>(std::ceil(raw - 1e-9));
  case Rounding::floor:
    return static_cast<int>(std::floor(raw + 1e-9));
  case Rounding::round:
    return static_cast<int>(std::lround(raw));
  }
  return static_cast<int>(std::ceil(raw));
}

std::string shifts_text(const std::vector<Shift> &shifts) {
  std::string out;
  for (const auto &s : shifts)
    out += (out.empty() ? "" : ", ") + format_hhmm(s.start) + "–" + format_hhmm(s.end == 0 ? 1440 : s.end);
  return out;
}

bool round_the_clock(const std::vector<Shift> &shifts) {
  int m = 0;
  for (const auto &s : shifts) m += s.minutes();
  return m >= 1440;
}

class Engine {
public:
  Engine(const estate::Estate &e, const NormSet &ns, const Labor &l, const catalog::Catalogue &c)
      : m_e(e), m_ns(ns), m_l(l), m_c(c) {}

  Staffing run() {
    Staffing s;
    s.estate_id = m_e.id;
    s.estate_name = m_e.name;
    s.area_total = m_e.areas.total;
    s.norms = m_ns.name;
    s.norms_title = m_ns.title;
    s.labor = m_l.name;
    std::map<std::string, RoleLine> roles;
    // An organisation that states its units and positions is staffed as stated.
    for (std::size_t u = 0; u < m_e.units.size(); ++u) {
      zero_positions(m_e.units[u]);
      for (const auto &p : m_e.units[u].positions) {
        Rule r;
        r.role = p.id;
        Line l;
        l.kind = RuleKind::fixed;
        l.raw = p.headcount;
        l.people = p.headcount;
        l.explanation = both_of(msg::staff_given, m_e.units[u].name, p.name, p.headcount);
        l.source = Text::same(m_e.file + ": units › " + m_e.units[u].id + " › " + p.id);
        add(roles, r, std::move(l), "/units/" + std::to_string(u));
      }
    }
    for (const auto &r : m_ns.rules) {
      if (!m_e.units.empty()) break;
      if (!applies(r)) continue;
      switch (r.kind) {
      case RuleKind::fixed:
        add(roles, r, fixed(r));
        break;
      case RuleKind::ratio:
        if (const estate::SpecialService *sp = team_service(r)) {
          auto [line, posts] = teams(r, *sp);
          add(roles, r, line);
          m_posts.insert(m_posts.end(), posts.begin(), posts.end());
        } else if (auto line = ratio(r)) {
          add(roles, r, *line);
        }
        break;
      case RuleKind::cover:
        for (auto &[line, post] : cover(r)) {
          add(roles, r, line);
          post.people = line.people;
          check_lawful(post, s);
          m_posts.push_back(post);
        }
        break;
      case RuleKind::duty:
        m_duties.push_back(&r);
        break;
      }
    }
    // min and max were applied to each rule's line (limit()); a role's headcount is their sum.

    // Sums in 64 bits: each role is at most limits::role_headcount, but there may be many roles.
    std::int64_t total = 0;
    std::set<std::string> in_departments;
    for (const auto &d : m_c.departments) {
      DepartmentLine dl{d.id, d.name, 0, {}};
      std::int64_t people = 0;
      for (const auto &cr : m_c.roles) {
        if (cr.department != d.id) continue;
        auto it = roles.find(cr.id);
        if (it == roles.end() || it->second.headcount == 0) continue;
        in_departments.insert(cr.id);
        people += it->second.headcount;
        dl.roles.push_back(it->second);
      }
      dl.headcount = static_cast<int>(std::min<std::int64_t>(people, limits::estate_headcount + 1));
      if (people > 0) {
        total += people;
        s.departments.push_back(std::move(dl));
      }
    }
    // Every role staffed is in a department: one that is not would vanish from the output.
    for (const auto &[id, rl] : roles) {
      if (rl.headcount > 0 && in_departments.count(id) == 0)
        m_warnings.push_back(
            {"unplaced-role", both(msg::staff_unplaced_role, id, rl.headcount, rl.department), id, ""});
    }
    s.total = static_cast<int>(std::min<std::int64_t>(total, limits::estate_headcount + 1));
    if (total > limits::estate_headcount)
      m_errors.push_back({"headcount-limit",
                          both(msg::staff_limit_estate, count_text(static_cast<double>(total)),
                               util::group_thousands(limits::estate_headcount, 0)),
                          ""});
    if (m_posts.size() + m_duties.size() > static_cast<std::size_t>(limits::posts))
      m_errors.push_back({"posts-limit",
                          both(msg::staff_limit_posts, util::group_thousands(m_posts.size() + m_duties.size(), 0),
                               util::group_thousands(limits::posts, 0)),
                          m_posts_pointer});
    s.posts = m_posts;
    for (const Rule *r : m_duties) {
      Post p;
      p.id = r->post;
      p.roles = r->duty_roles;
      if (m_c.role(r->duty_roles.front())) {
        // The rule's note names the duty; a side it leaves out is "duty".
        p.name = both(msg::staff_duty);
        if (!r->note.zh.empty()) p.name.zh = r->note.zh;
        if (!r->note.en.empty()) p.name.en = r->note.en;
      }
      p.seats = static_cast<int>(r->seats);
      p.shifts = r->shifts;
      p.days = r->days;
      p.duty = true;
      p.licence = r->licence;
      int available = 0;
      for (const auto &id : r->duty_roles) available += s.headcount(id);
      if (available == 0) continue; // nobody to take the duty: the roles are not staffed here
      check_duty(p, available);
      s.posts.push_back(p);
    }
    floors_assumed();
    s.warnings.insert(s.warnings.end(), m_warnings.begin(), m_warnings.end());
    indicators(s);
    s.unused_inputs = unused();
    s.errors = m_errors;
    return s;
  }

private:
  bool applies(const Rule &r) {
    if (!r.types.empty() && std::find(r.types.begin(), r.types.end(), m_e.type) == r.types.end()) return false;
    if (!r.grades.empty()) {
      m_used.insert("grade");
      if (std::find(r.grades.begin(), r.grades.end(), m_e.grade) == r.grades.end()) return false;
    }
    for (const auto &c : r.when) {
      m_used.insert(c.name);
      if (!holds(c, m_e)) return false;
    }
    return true;
  }

  // A quantity of the estate, noted as used.
  double read(const std::string &name) {
    m_used.insert(name);
    return quantity(m_e, name).value_or(0);
  }

  void add(std::map<std::string, RoleLine> &roles, const Rule &r, Line line, const std::string &pointer = "") {
    auto it = roles.find(r.role);
    if (it == roles.end()) {
      const catalog::Role *cr = m_c.role(r.role);
      RoleLine rl;
      rl.id = r.role;
      if (cr) {
        rl.name = cr->name;
        rl.department = cr->department;
      }
      it = roles.emplace(r.role, std::move(rl)).first;
    }
    std::int64_t sum = static_cast<std::int64_t>(it->second.headcount) + line.people;
    if (sum > limits::role_headcount) {
      over_role(r.role, static_cast<double>(sum), pointer);
      sum = limits::role_headcount;
    }
    it->second.headcount = static_cast<int>(sum);
    it->second.lines.push_back(std::move(line));
  }

  // A role's people beyond limits::role_headcount (or not a number at all): an error, once.
  void over_role(const std::string &role, double people, const std::string &pointer = "") {
    if (!m_over_roles.insert(role).second) return;
    const catalog::Role *cr = m_c.role(role);
    Text name = cr ? cr->name : Text::same(role);
    std::string count = std::isnan(people) ? "NaN" : count_text(people);
    m_errors.push_back(
        {"headcount-limit",
         both_sides(msg::staff_limit_role, name, count, util::group_thousands(limits::role_headcount, 0)), pointer});
  }

  // People for a line: `raw` rounded, or 0 with an error when it is beyond the limit per role
  // (a conversion to int would wrap or be undefined).
  int people_of(double raw, Rounding rounding, const std::string &role) {
    if (!(raw <= limits::role_headcount)) {
      over_role(role, raw);
      return 0;
    }
    return apply_rounding(raw, rounding);
  }

  // Positions the estate states with no people would vanish from the staffing: say so.
  void zero_positions(const estate::Unit &unit) {
    std::string empty;
    std::size_t zero = 0;
    for (const auto &p : unit.positions)
      if (p.headcount == 0) {
        ++zero;
        empty += (empty.empty() ? "" : ", ") + p.id;
      }
    if (zero == 0) return;
    if (zero == unit.positions.size())
      m_warnings.push_back({"empty-unit", both_sides(msg::staff_empty_unit, unit.name, unit.id), "", ""});
    else
      m_warnings.push_back({"empty-unit", both_sides(msg::staff_empty_positions, unit.name, unit.id, empty), "", ""});
  }

  // Applies min and max, noting them in the explanation.
  int limit(const Rule &r, int people, catalog::Text &ex) {
    if (r.min && people < *r.min) {
      people = static_cast<int>(*r.min);
      ex += both(msg::staff_at_least, n(*r.min), people);
    }
    if (r.max && people > *r.max) {
      people = static_cast<int>(*r.max);
      ex += both(msg::staff_at_most, n(*r.max), people);
    }
    return people;
  }

  Line base(const Rule &r) const {
    Line l;
    l.kind = r.kind;
    l.rule_line = r.line;
    l.source = r.source;
    l.post = r.post;
    return l;
  }

  Line fixed(const Rule &r) {
    Line l = base(r);
    l.raw = r.count;
    l.people = people_of(r.count, Rounding::ceil, r.role);
    std::string rounded = l.people == r.count ? "" : " → " + std::to_string(l.people);
    l.explanation = both(msg::staff_fixed, n(r.count), rounded);
    l.people = limit(r, l.people, l.explanation);
    append_note(r, l.explanation);
    return l;
  }

  std::optional<Line> ratio(const Rule &r) {
    Line l = base(r);
    double q = read(r.quantity);
    double per = r.per;
    if (!r.per_quantity.empty()) per = read(r.per_quantity);
    if (!r.per_by_grade.empty()) {
      m_used.insert("grade");
      per = r.per_by_grade[static_cast<std::size_t>(std::clamp(m_e.grade, 1, 4) - 1)];
    }
    const QuantityInfo *qi = quantity_info(r.quantity);
    Text label = qi ? Text{qi->label.zh, qi->label.en} : Text::same(r.quantity);
    // The unit is said in Chinese only (English names it in the label): "145,000 m²" but "9栋",
    // a Latin unit standing apart from its number.
    Text unit = {qi ? qi->unit.zh : "", ""};
    if (!unit.zh.empty() && static_cast<unsigned char>(unit.zh[0]) < 0x80) unit.zh = " " + unit.zh;
    if (per <= 0) {
      m_warnings.push_back({"no-capacity", both(msg::staff_no_capacity, r.role, r.per_quantity), r.role, ""});
      return std::nullopt;
    }
    double over = std::max(0.0, q - r.above);
    l.raw = r.base + over / per;
    l.people = people_of(l.raw, r.rounding, r.role);
    std::string rounded = std::fabs(l.raw - l.people) < 1e-9 ? "" : " → " + std::to_string(l.people);
    // "3 + max(0, 145,000 − 150,000) m² managed ÷ 100,000 per person = 3": base and threshold
    // appear only when the rule has them.
    std::string base = r.base > 0 ? n(r.base) + " + " : "";
    std::string q_text = r.above > 0 ? "max(0, " + n(q) + " − " + n(r.above) + ")" : n(q);
    l.explanation = both_sides(msg::staff_ratio, base, label, q_text, unit, n(per), n(l.raw), rounded);
    if (!r.per_by_grade.empty()) l.explanation += both_of(msg::staff_at_grade, grade_name(m_e.grade));
    l.people = limit(r, l.people, l.explanation);
    append_note(r, l.explanation);
    return l;
  }

  // The special service a ratio rule reads its owners per person from, when the estate gives
  // that service as teams (owners_per_team and team) instead.
  const estate::SpecialService *team_service(const Rule &r) const {
    if (!util::starts_with(r.per_quantity, "special.") || !util::ends_with(r.per_quantity, ".owners_per_staff"))
      return nullptr;
    std::string svc = r.per_quantity.substr(8, r.per_quantity.size() - 8 - 17);
    for (const auto &sp : m_e.special_services)
      if (sp.service == svc && sp.team > 0 && sp.owners_per_team > 0) return &sp;
    return nullptr;
  }

  // One team of sp.team people for every sp.owners_per_team owners begun, each team a post of
  // its own; round the clock, a team is on duty by day and on call by night (labour profile).
  std::pair<Line, std::vector<Post>> teams(const Rule &r, const estate::SpecialService &sp) {
    std::string svc = "special." + sp.service;
    m_used.insert(svc + ".owners");
    m_used.insert(svc + ".owners_per_staff");
    Line l = base(r);
    double teams = std::ceil(static_cast<double>(sp.owners) / sp.owners_per_team - 1e-9);
    l.raw = teams * sp.team;
    if (teams > limits::posts) {
      // Each team is a post of its own.
      m_errors.push_back({"posts-limit",
                          both(msg::staff_limit_teams, count_text(teams), util::group_thousands(limits::posts, 0)),
                          "/special_services"});
      return {std::move(l), {}};
    }
    int count = static_cast<int>(teams);
    l.people = people_of(l.raw, Rounding::ceil, r.role);
    const catalog::Role *cr = m_c.role(r.role);
    Text role = cr ? cr->name : Text::same(r.role);
    std::string hours = sp.hours.empty() ? "24h" : sp.hours;
    std::vector<Shift> shifts;
    int on_call = -1;
    bool clock = hours == "24h";
    if (clock) {
      int a = minutes_of(m_l.on_call_end), b = minutes_of(m_l.on_call_start);
      shifts = {Shift{a, b % 1440}, Shift{b, a}};
      on_call = 1;
    } else if (auto sh = shifts_for(hours, m_l.max_shift_hours)) {
      shifts = *sh;
    }
    Text when = clock ? both(msg::staff_round_the_clock) : Text::same(shifts_text(shifts) + " ");
    Text how = clock ? both(msg::staff_team_day_and_night, m_l.on_call_end, m_l.on_call_start) : Text{};
    l.explanation = both_sides(msg::staff_teams, role, n(sp.owners), n(sp.owners_per_team), n(count), n(sp.team),
                               n(l.people), when, how);
    append_note(r, l.explanation);
    std::vector<Post> posts;
    for (int k = 1; k <= count; ++k) {
      Post p;
      p.id = fmt::format("{}-team-{:0{}}", r.role, k, count >= 100 ? 3 : 2);
      p.name = both_sides(msg::staff_team_post, role, std::to_string(k));
      p.role = r.role;
      p.roles = {r.role};
      p.licence = cr ? cr->licence : "";
      p.seats = 1;
      p.shifts = shifts;
      p.people = sp.team;
      p.team = true;
      p.on_call = on_call;
      if (!shifts.empty()) posts.push_back(std::move(p));
    }
    if (clock && !posts.empty()) {
      // Each member's share of the week: the day shifts on duty and the on-call nights.
      double duty = 7.0 * shifts.front().minutes() / 60.0 / sp.team;
      double nights = 7.0 / sp.team;
      double limit = m_l.lawful_max_weekly_hours();
      if (duty > limit + 1e-9 || nights > m_l.on_call_max_per_7 + 1e-9 || sp.team < 3)
        m_warnings.push_back({"unlawful-cover",
                              both_sides(msg::staff_team_unlawful, role, n(sp.team), n(std::round(duty * 10) / 10),
                                         n(std::round(limit * 10) / 10), n(std::round(nights * 10) / 10),
                                         n(m_l.on_call_max_per_7), n(m_l.on_call_min_gap_hours)),
                              r.role, posts.front().id});
    }
    return {std::move(l), std::move(posts)};
  }

  static int minutes_of(const std::string &hhmm) {
    return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
  }

  std::vector<std::pair<Line, Post>> cover(const Rule &r) {
    std::vector<std::pair<Line, Post>> out;
    const catalog::Role *cr = m_c.role(r.role);
    struct Target {
      std::string id;
      catalog::Text name;
      std::vector<Shift> shifts;
      double seats;
    };
    std::vector<Target> targets;
    if (r.per_entrance) {
      m_used.insert("entrances.staffed");
      int i = 0;
      std::vector<const estate::Entrance *> staffed;
      for (const auto &x : m_e.entrances)
        if (x.staffed) staffed.push_back(&x);
      m_posts_pointer = "/entrances";
      if (staffed.size() > static_cast<std::size_t>(limits::posts)) {
        m_errors.push_back({"posts-limit",
                            both(msg::staff_limit_posts, util::group_thousands(staffed.size(), 0),
                                 util::group_thousands(limits::posts, 0)),
                            "/entrances"});
        return out;
      }
      for (const auto *x : staffed) {
        ++i;
        auto sh = r.shifts.empty() ? shifts_for(x->hours, r.shift_hours) : std::optional(r.shifts);
        if (!sh) continue;
        std::string id = staffed.size() == 1 ? r.post : r.post + "-" + std::to_string(i);
        targets.push_back({id, {x->name, x->name}, *sh, r.seats > 0 ? r.seats : 1});
      }
    } else {
      double seats = r.seats;
      if (!r.seats_quantity.empty()) seats = std::ceil(read(r.seats_quantity) / r.seats_per - 1e-9);
      if (!(seats <= limits::post_seats)) {
        m_errors.push_back({"seats-limit",
                            both_sides(msg::staff_limit_seats, cr ? cr->name : Text::same(r.post), count_text(seats),
                                       util::group_thousands(limits::post_seats, 0)),
                            ""});
        return out;
      }
      if (seats <= 0) return out;
      std::vector<Shift> shifts = r.shifts;
      if (!r.hours_from.empty()) {
        m_used.insert(r.hours_from);
        auto sh = shifts_for(hours_of(r.hours_from), r.shift_hours);
        if (!sh) sh = shifts_for("24h", 8);
        shifts = *sh;
      }
      targets.push_back({r.post, cr ? cr->name : catalog::Text{r.post, r.post}, shifts, seats});
    }
    CoverMethod method = r.method.value_or(m_ns.cover_method);
    for (const auto &t : targets) {
      Post p;
      p.id = t.id;
      p.name = t.name;
      if (cr && !r.per_entrance) p.name = cr->name;
      if (r.per_entrance) p.name = both_sides(msg::staff_entrance_post, cr ? cr->name : Text{}, t.name);
      p.role = r.role;
      p.roles = {r.role};
      p.licence = r.licence.empty() && cr ? cr->licence : r.licence;
      p.seats = static_cast<int>(t.seats);
      p.shifts = t.shifts;
      p.days = r.days;
      p.method = method;
      Line l = base(r);
      l.post = p.id;
      double weekly = p.weekly_hours();
      Text seats = both(t.seats == 1 ? msg::staff_seat : msg::staff_seats, n(t.seats));
      Text when = round_the_clock(t.shifts) ? both(msg::staff_round_the_clock) : Text::same(shifts_text(t.shifts));
      Text where = r.per_entrance ? both_sides(msg::staff_where, t.name) : Text{};
      if (method == CoverMethod::per_shift) {
        l.raw = t.seats * static_cast<double>(t.shifts.size());
        l.people = people_of(l.raw, Rounding::ceil, r.role);
        l.explanation = both_sides(msg::staff_per_shift, where, seats, t.shifts.size(), when, n(l.raw));
      } else {
        double per_year = weekly * 365.0 / 7.0;
        double productive = m_l.productive_hours_per_year();
        l.raw = per_year / productive;
        l.people = people_of(l.raw, Rounding::ceil, r.role);
        std::string rounded = std::fabs(l.raw - l.people) < 1e-9 ? "" : " → " + std::to_string(l.people);
        Text year = both(msg::staff_working_year, n(m_l.productive_days_per_year()), n(m_l.daily_hours),
                         n(m_l.public_holidays), n(m_l.annual_leave_days));
        l.explanation = both_sides(msg::staff_labour, where, seats, n(weekly / t.seats), when, n(std::round(per_year)),
                                   n(std::round(productive)), year, n(l.raw), rounded);
      }
      l.people = limit(r, l.people, l.explanation);
      append_note(r, l.explanation);
      out.emplace_back(std::move(l), std::move(p));
    }
    return out;
  }

  void append_note(const Rule &r, catalog::Text &ex) {
    if (!r.note.en.empty()) ex.en += i18n::tr(i18n::Lang::en, msg::parenthesised, r.note.en);
    if (!r.note.zh.empty()) ex.zh += i18n::tr(i18n::Lang::zh, msg::parenthesised, r.note.zh);
  }

  // The hours a special service or the pools keep: the longest given, round the clock if none is.
  std::string hours_of(const std::string &from) const {
    std::vector<std::string> given;
    if (from == "pools")
      for (const auto &p : m_e.pools) given.push_back(p.hours);
    else
      for (const auto &sp : m_e.special_services)
        if ("special." + sp.service == from) given.push_back(sp.hours);
    std::string best;
    int most = -1;
    for (const auto &h : given) {
      auto sh = shifts_for(h.empty() ? "24h" : h, 24);
      int m = 0;
      if (sh)
        for (const auto &x : *sh) m += x.minutes();
      if (m > most) {
        most = m;
        best = h.empty() ? "24h" : h;
      }
    }
    return best.empty() ? "24h" : best;
  }

  static Text grade_name(int grade) {
    static const i18n::Message *names[] = {&msg::grade_1, &msg::grade_2, &msg::grade_3, &msg::grade_4};
    return both(*names[std::clamp(grade, 1, 4) - 1]);
  }

  // Duty on site is working time: each person's share of it comes on top of a full week.
  void check_duty(const Post &p, int available) {
    double weekly = p.weekly_hours();
    double share = weekly / available;
    double limit = m_l.lawful_max_weekly_hours();
    double each = m_l.weekly_hours + share;
    if (each <= limit + 1e-9) return;
    double spare = limit - m_l.weekly_hours;
    int needed = spare > 0 ? static_cast<int>(std::ceil(weekly / spare - 1e-9)) : 0;
    Text roles;
    for (const auto &id : p.roles) {
      const catalog::Role *cr = m_c.role(id);
      Text name = cr ? cr->name : Text::same(id);
      roles = roles.zh.empty() ? name : both_sides(msg::staff_and, roles, name);
    }
    Text law =
        both(msg::staff_weekly_limit, n(m_l.weekly_hours), n(m_l.overtime_cap_month), n(std::round(limit * 10) / 10));
    m_warnings.push_back(
        {"duty-over-limit",
         both_sides(msg::staff_duty_over_limit, p.name, shifts_text(p.shifts), n(weekly), available, roles,
                    n(std::round(share * 10) / 10), n(m_l.weekly_hours), n(std::round(each * 10) / 10), law, needed),
         p.roles.empty() ? "" : p.roles.front(), p.id});
  }

  // A rule that counted building floors where the estate gives none took the type's usual height.
  void floors_assumed() {
    bool counted = false;
    for (const auto &u : m_used) counted = counted || util::starts_with(u, "building_floors.") || u == "floors.max";
    if (!counted) return;
    for (const auto &b : m_e.buildings)
      if (b.floors == 0)
        m_warnings.push_back(
            {"floors-assumed",
             both_sides(msg::staff_floors_assumed, b.name.empty() ? building_type_name(b.type) : Text::same(b.name),
                        estate::usual_floors(b.type)),
             "", ""});
  }

  // The inputs the estate gives that no rule read, by the names the estate file uses.
  std::vector<Staffing::Unused> unused() const {
    auto used = [&](std::initializer_list<const char *> names) {
      for (const char *q : names) {
        std::string name = q;
        bool prefix = !name.empty() && name.back() == '.';
        for (const auto &u : m_used)
          if (prefix ? util::starts_with(u, name) : u == name) return true;
      }
      return false;
    };
    std::vector<Staffing::Unused> out;
    // Named as the first quantity that would have used it.
    auto check = [&](bool given, const char *field, std::initializer_list<const char *> names) {
      if (!given || used(names)) return;
      std::string q = *names.begin();
      const QuantityInfo *qi = quantity_info(q);
      out.push_back({field, qi ? qi->label : Text::same(field)});
    };
    const auto &a = m_e.areas;
    const auto &q = m_e.equipment;
    bool floors = false, households = false;
    for (const auto &b : m_e.buildings) {
      floors = floors || b.floors > 0;
      households = households || b.households > 0;
    }
    check(a.residential > 0, "areas.residential", {"area.residential"});
    check(a.commercial > 0, "areas.commercial", {"area.commercial"});
    check(a.office > 0, "areas.office", {"area.office"});
    check(a.green > 0, "areas.green", {"area.green", "area.outdoor"});
    check(a.underground_garage > 0, "areas.underground_garage", {"area.underground_garage"});
    check(a.hard_landscape > 0, "areas.hard_landscape", {"area.hard_landscape", "area.outdoor"});
    check(a.water_features > 0, "areas.water_features", {"area.water_features", "area.outdoor"});
    check(a.municipal_roads > 0, "areas.municipal_roads", {"area.municipal_roads"});
    check(a.river_frontage > 0, "areas.river_frontage", {"area.river_frontage"});
    check(m_e.households > 0, households ? "buildings.households" : "households", {"households", "households.given"});
    check(!m_e.buildings.empty(), "buildings", {"buildings.all", "buildings.", "building_floors."});
    check(floors, "buildings.floors", {"building_floors.all", "floors.max", "building_floors."});
    check(q.lifts > 0, "equipment.lifts", {"lifts"});
    check(q.substations > 0, "equipment.substations", {"substations"});
    check(q.high_voltage_rooms > 0, "equipment.high_voltage_rooms", {"high_voltage_rooms"});
    check(q.high_voltage_single_duty, "equipment.high_voltage_single_duty", {"high_voltage_single_duty"});
    check(q.heat_exchange_stations > 0, "equipment.heat_exchange_stations", {"heat_exchange_stations"});
    check(q.booster_pump_rooms > 0, "equipment.booster_pump_rooms", {"booster_pump_rooms"});
    check(q.control_room, "equipment.control_room", {"control_room", "fire_control_room"});
    check(q.access_control, "equipment.access_control", {"access_control"});
    check(q.cctv_cameras > 0, "equipment.cctv_cameras", {"cctv_cameras"});
    check(q.central_air_conditioning, "equipment.central_air_conditioning", {"central_ac"});
    check(!m_e.entrances.empty(), "entrances", {"entrances.staffed", "entrances."});
    check(m_e.parking_garages > 0, "parking.garages", {"parking.garages"});
    check(m_e.parking_spaces > 0, "parking.spaces", {"parking.spaces"});
    check(m_e.parking_entrances > 0, "parking.entrances", {"parking.entrances"});
    check(m_e.patrol_zones > 0, "security.patrol_zones", {"patrol_zones"});
    check(!m_e.pools.empty(), "pools", {"pools"});
    for (const auto &o : m_e.outsourced) {
      std::string name = "outsourced." + o.service;
      if (m_used.count(name) == 0)
        out.push_back({name, quantity_info(name) ? quantity_info(name)->label : Text::same(name)});
    }
    for (const auto &sp : m_e.special_services) {
      std::string name = "special." + sp.service;
      bool any = false;
      for (const auto &u : m_used) any = any || u == name || util::starts_with(u, name + ".");
      if (!any)
        out.push_back({"special_services." + sp.service,
                       quantity_info(name) ? quantity_info(name)->label : Text::same(sp.service)});
    }
    return out;
  }

  // A post whose people would each work more than the law allows cannot be rostered lawfully.
  void check_lawful(const Post &p, Staffing &) {
    double weekly = p.weekly_hours();
    double each = hours_per_person(weekly, p.people);
    double limit = m_l.lawful_max_weekly_hours();
    const catalog::Role *cr = m_c.role(p.role);
    // The post's name says which entrance, where there are several.
    Text role = {p.name.zh.empty() ? (cr ? cr->name.zh : p.role) : p.name.zh,
                 p.name.en.empty() ? (cr ? cr->name.en : p.role) : p.name.en};
    if (p.people == 0 || each > limit + 1e-9) {
      double shift_h = p.shifts.empty() ? m_l.daily_hours : p.shifts.front().minutes() / 60.0;
      double days = each / shift_h;
      bool no_rest = days > 7 - m_l.min_free_days_per_7 + 1e-9;
      Text seat = round_the_clock(p.shifts)
                      ? (p.seats == 1 ? both(msg::staff_seat_24h) : both(msg::staff_seats_24h, p.seats))
                      : (p.seats == 1 ? both(msg::staff_seat_hours, shifts_text(p.shifts))
                                      : both(msg::staff_seats_hours, p.seats, shifts_text(p.shifts)));
      int needed = static_cast<int>(std::ceil(weekly / limit - 1e-9));
      Text law =
          both(msg::staff_weekly_limit, n(m_l.weekly_hours), n(m_l.overtime_cap_month), n(std::round(limit * 10) / 10));
      if (p.people == 0) { // a max of 0: there are hours to cover and nobody to cover them
        m_warnings.push_back(
            {"unlawful-cover", both_sides(msg::staff_nobody_for, role, seat, n(weekly), law, needed), p.role, p.id});
        return;
      }
      Text rest = no_rest ? both(msg::staff_no_rest_day) : Text{};
      m_warnings.push_back({"unlawful-cover",
                            both_sides(p.people == 1 ? msg::staff_over_limit_one : msg::staff_over_limit, role,
                                       p.people, seat, n(std::round(each * 10) / 10), law, rest, needed),
                            p.role, p.id});
    }
  }

  void indicators(Staffing &s) {
    Indicators &ind = s.indicators;
    if (s.total > 0 && m_e.areas.total > 0) {
      ind.m2_per_person = m_e.areas.total / s.total;
      ind.people_per_10k_m2 = s.total / (m_e.areas.total / 10000.0);
    }
    // Buildings by type, counted once (not once per building: thousands of entries were slow).
    std::map<std::string, std::int64_t> of_type;
    for (const auto &b : m_e.buildings) of_type[b.type] += b.count;
    std::int64_t best = -1;
    for (const auto &b : m_e.buildings) {
      std::int64_t c = of_type[b.type];
      if (c > best) {
        best = c;
        ind.dominant_building_type = b.type;
      }
    }
    // The matching band with the most selectors; the first of equals.
    int best_score = -1;
    for (const auto &b : m_ns.bands) {
      if (!b.building_type.empty() && b.building_type != ind.dominant_building_type) continue;
      if (!b.types.empty() && std::find(b.types.begin(), b.types.end(), m_e.type) == b.types.end()) continue;
      if (m_e.areas.total < b.area_min || (b.area_max > 0 && m_e.areas.total >= b.area_max)) continue;
      int score =
          (b.building_type.empty() ? 0 : 1) + (b.types.empty() ? 0 : 1) + (b.area_min > 0 || b.area_max > 0 ? 1 : 0);
      if (score > best_score) {
        best_score = score;
        ind.band = b;
      }
    }
    if (!ind.band || !ind.m2_per_person) return;
    double per_person = *ind.m2_per_person;
    const Band &b = *ind.band;
    std::string range = n(b.min_m2_per_person) + "–" + n(b.max_m2_per_person);
    // What the band is for, bare ("高层小区、10 万 m² 以上" / " for high-rise estates of 100,000 m²
    // and more"); in parentheses after a figure in Chinese.
    Text scope;
    if (!b.building_type.empty())
      scope = both_sides(msg::staff_band_kind, building_type_name(b.building_type));
    else if (!b.types.empty())
      scope = both_sides(msg::staff_band_type, catalog::estate_type_name(m_e.type));
    Text size;
    if (b.area_max > 0)
      size = both_sides(msg::staff_band_size, Text{n(b.area_min / 10000), n(b.area_min)},
                        Text{n(b.area_max / 10000), n(b.area_max)});
    else if (b.area_min > 0)
      size = both_sides(msg::staff_band_size_from, Text{n(b.area_min / 10000), n(b.area_min)});
    if (scope.zh.empty())
      scope = size;
    else if (!size.zh.empty())
      scope = both_sides(msg::staff_band_scope_join, scope, size);
    ind.band_scope = scope;
    Text kind = scope.zh.empty() ? Text{} : both_sides(msg::staff_band_scope_after, scope);
    if (per_person > b.max_m2_per_person)
      s.warnings.push_back(
          {"indicator-out-of-band", both_sides(msg::staff_above_band, n(std::round(per_person)), range, kind), "", ""});
    else if (per_person < b.min_m2_per_person)
      s.warnings.push_back(
          {"indicator-out-of-band", both_sides(msg::staff_below_band, n(std::round(per_person)), range, kind), "", ""});
  }

  const estate::Estate &m_e;
  const NormSet &m_ns;
  const Labor &m_l;
  const catalog::Catalogue &m_c;
  std::vector<Post> m_posts;
  std::vector<const Rule *> m_duties;
  std::vector<Warning> m_warnings;
  std::set<std::string> m_used; // the quantities the rules read
  std::vector<Staffing::LimitError> m_errors;
  std::set<std::string> m_over_roles; // roles already reported over the limit
  std::string m_posts_pointer;        // where most posts come from, for posts-limit
};

} // namespace

Staffing compute(const estate::Estate &e, const NormSet &norms, const Labor &labor, const catalog::Catalogue &roles) {
  return Engine(e, norms, labor, roles).run();
}

} // namespace pm::staff
