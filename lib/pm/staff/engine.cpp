#include <pm/i18n/messages.hpp>
#include <pm/staff/engine.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace pm::staff {

double Post::weekly_hours() const {
  double per_day = 0;
  for (const auto &s : shifts) per_day += s.minutes() / 60.0;
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
    for (std::size_t u = 0; u < m_e.units.size(); ++u)
      for (const auto &p : m_e.units[u].positions) {
        Rule r;
        r.role = p.id;
        Line l;
        l.kind = RuleKind::fixed;
        l.raw = p.headcount;
        l.people = p.headcount;
        l.explanation = both_of(msg::staff_given, m_e.units[u].name, p.name, p.headcount);
        l.source = m_e.file + ": units › " + m_e.units[u].id + " › " + p.id;
        add(roles, r, std::move(l));
      }
    for (const auto &r : m_ns.rules) {
      if (!m_e.units.empty()) break;
      if (!applies(r)) continue;
      switch (r.kind) {
      case RuleKind::fixed:
        add(roles, r, fixed(r));
        break;
      case RuleKind::ratio:
        if (auto line = ratio(r)) add(roles, r, *line);
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

    for (const auto &d : m_c.departments) {
      DepartmentLine dl{d.id, d.name, 0, {}};
      for (const auto &cr : m_c.roles) {
        if (cr.department != d.id) continue;
        auto it = roles.find(cr.id);
        if (it == roles.end() || it->second.headcount == 0) continue;
        dl.headcount += it->second.headcount;
        dl.roles.push_back(it->second);
      }
      if (dl.headcount > 0) {
        s.total += dl.headcount;
        s.departments.push_back(std::move(dl));
      }
    }
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
      s.posts.push_back(p);
    }
    s.warnings.insert(s.warnings.end(), m_warnings.begin(), m_warnings.end());
    indicators(s);
    return s;
  }

private:
  bool applies(const Rule &r) const {
    for (const auto &c : r.when)
      if (!holds(c, m_e)) return false;
    if (!r.grades.empty() && std::find(r.grades.begin(), r.grades.end(), m_e.grade) == r.grades.end()) return false;
    return true;
  }

  void add(std::map<std::string, RoleLine> &roles, const Rule &r, Line line) {
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
    it->second.headcount += line.people;
    it->second.lines.push_back(std::move(line));
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
    l.people = apply_rounding(r.count, Rounding::ceil);
    std::string rounded = l.people == r.count ? "" : " → " + std::to_string(l.people);
    l.explanation = both(msg::staff_fixed, n(r.count), rounded);
    l.people = limit(r, l.people, l.explanation);
    append_note(r, l.explanation);
    return l;
  }

  std::optional<Line> ratio(const Rule &r) {
    Line l = base(r);
    double q = quantity(m_e, r.quantity).value_or(0);
    double per = r.per;
    if (!r.per_quantity.empty()) per = quantity(m_e, r.per_quantity).value_or(0);
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
    l.people = apply_rounding(l.raw, r.rounding);
    std::string rounded = std::fabs(l.raw - l.people) < 1e-9 ? "" : " → " + std::to_string(l.people);
    // "3 + max(0, 145,000 − 150,000) m² managed ÷ 100,000 per person = 3": base and threshold
    // appear only when the rule has them.
    std::string base = r.base > 0 ? n(r.base) + " + " : "";
    std::string q_text = r.above > 0 ? "max(0, " + n(q) + " − " + n(r.above) + ")" : n(q);
    l.explanation = both_sides(msg::staff_ratio, base, label, q_text, unit, n(per), n(l.raw), rounded);
    l.people = limit(r, l.people, l.explanation);
    append_note(r, l.explanation);
    return l;
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
      int i = 0;
      std::vector<const estate::Entrance *> staffed;
      for (const auto &x : m_e.entrances)
        if (x.staffed) staffed.push_back(&x);
      for (const auto *x : staffed) {
        ++i;
        auto sh = r.shifts.empty() ? shifts_for(x->hours, r.shift_hours) : std::optional(r.shifts);
        if (!sh) continue;
        std::string id = staffed.size() == 1 ? r.post : r.post + "-" + std::to_string(i);
        targets.push_back({id, {x->name, x->name}, *sh, r.seats > 0 ? r.seats : 1});
      }
    } else {
      double seats = r.seats;
      if (!r.seats_quantity.empty())
        seats = std::ceil(quantity(m_e, r.seats_quantity).value_or(0) / r.seats_per - 1e-9);
      if (seats <= 0) return out;
      targets.push_back({r.post, cr ? cr->name : catalog::Text{r.post, r.post}, r.shifts, seats});
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
        l.people = apply_rounding(l.raw, Rounding::ceil);
        l.explanation = both_sides(msg::staff_per_shift, where, seats, t.shifts.size(), when, n(l.raw));
      } else {
        double per_year = weekly * 365.0 / 7.0;
        double productive = m_l.productive_hours_per_year();
        l.raw = per_year / productive;
        l.people = apply_rounding(l.raw, Rounding::ceil);
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
    int best = -1;
    for (const auto &b : m_e.buildings) {
      int c = m_e.buildings_of(b.type);
      if (c > best) {
        best = c;
        ind.dominant_building_type = b.type;
      }
    }
    for (const auto &b : m_ns.bands)
      if (b.building_type == ind.dominant_building_type) ind.band = b;
    if (!ind.band)
      for (const auto &b : m_ns.bands)
        if (b.building_type.empty()) ind.band = b;
    if (!ind.band || !ind.m2_per_person) return;
    double per_person = *ind.m2_per_person;
    const Band &b = *ind.band;
    std::string range = n(b.min_m2_per_person) + "–" + n(b.max_m2_per_person);
    Text kind =
        b.building_type.empty() ? Text{} : both_sides(msg::staff_band_kind, building_type_name(b.building_type));
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
};

} // namespace

Staffing compute(const estate::Estate &e, const NormSet &norms, const Labor &labor, const catalog::Catalogue &roles) {
  return Engine(e, norms, labor, roles).run();
}

} // namespace pm::staff
