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
        l.explanation = {"小区文件给定：" + m_e.units[u].name.get(true) + " · " + p.name.get(true) + " " +
                             std::to_string(p.headcount) + " 人",
                         "given by the estate file: " + m_e.units[u].name.get(false) + " · " + p.name.get(false) +
                             ", " + std::to_string(p.headcount)};
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
      p.name = m_c.role(r->duty_roles.front())
                   ? catalog::Text{r->note.zh.empty() ? "值班" : r->note.zh, r->note.en.empty() ? "duty" : r->note.en}
                   : catalog::Text{};
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
      if (!c.holds(m_e)) return false;
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
      ex.en += "; at least " + n(*r.min) + " → " + std::to_string(people);
      ex.zh += "；最少 " + n(*r.min) + " → " + std::to_string(people);
    }
    if (r.max && people > *r.max) {
      people = static_cast<int>(*r.max);
      ex.en += "; at most " + n(*r.max) + " → " + std::to_string(people);
      ex.zh += "；最多 " + n(*r.max) + " → " + std::to_string(people);
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
    l.explanation = {"固定配置 " + n(r.count) + " 人" + rounded, "fixed: " + n(r.count) + rounded};
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
    std::string label_en = qi ? qi->label.en : r.quantity, label_zh = qi ? qi->label.zh : r.quantity;
    std::string unit_zh = qi ? qi->unit.zh : "";
    // "145,000 m²" but "9栋": a Latin unit stands apart from its number.
    if (!unit_zh.empty() && static_cast<unsigned char>(unit_zh[0]) < 0x80) unit_zh = " " + unit_zh;
    if (per <= 0) {
      m_warnings.push_back(
          {"no-capacity",
           {"岗位 " + r.role + " 的规则需要每人负责量（" + r.per_quantity + "），小区文件未给出，未配置",
            "the rule for " + r.role + " needs a capacity per person (" + r.per_quantity +
                ") that the estate does not give; no one was staffed"},
           r.role,
           ""});
      return std::nullopt;
    }
    double over = std::max(0.0, q - r.above);
    l.raw = r.base + over / per;
    l.people = apply_rounding(l.raw, r.rounding);
    std::string rounded = std::fabs(l.raw - l.people) < 1e-9 ? "" : " → " + std::to_string(l.people);
    // "3 + max(0, 145,000 − 150,000) m² managed ÷ 100,000 per person = 3": base and threshold
    // appear only when the rule has them.
    std::string base_en = r.base > 0 ? n(r.base) + " + " : "", base_zh = base_en;
    std::string q_text = r.above > 0 ? "max(0, " + n(q) + " − " + n(r.above) + ")" : n(q);
    std::string en = base_en + q_text + " " + label_en + " ÷ " + n(per) + " per person = " + n(l.raw) + rounded;
    std::string zh =
        base_zh + label_zh + " " + q_text + unit_zh + " ÷ 每人 " + n(per) + unit_zh + " = " + n(l.raw) + rounded;
    l.explanation = {zh, en};
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
      if (r.per_entrance)
        p.name = {(cr ? cr->name.zh : "") + "（" + t.name.zh + "）", (cr ? cr->name.en : "") + " (" + t.name.en + ")"};
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
      std::string seats_en = n(t.seats) + (t.seats == 1 ? " seat" : " seats");
      std::string seats_zh = n(t.seats) + " 个岗位";
      std::string when_en = round_the_clock(t.shifts) ? "round the clock" : shifts_text(t.shifts);
      std::string when_zh = round_the_clock(t.shifts) ? "24 小时" : shifts_text(t.shifts);
      std::string where_en = r.per_entrance ? t.name.en + ": " : "";
      std::string where_zh = r.per_entrance ? t.name.zh + "：" : "";
      if (method == CoverMethod::per_shift) {
        l.raw = t.seats * static_cast<double>(t.shifts.size());
        l.people = apply_rounding(l.raw, Rounding::ceil);
        l.explanation = {where_zh + seats_zh + " × " + std::to_string(t.shifts.size()) + " 班（" + when_zh +
                             "）= " + n(l.raw) + " 人，每班每岗 1 人",
                         where_en + seats_en + " × " + std::to_string(t.shifts.size()) + " shifts (" + when_en +
                             ") = " + n(l.raw) + ", one person per seat per shift"};
      } else {
        double per_year = weekly * 365.0 / 7.0;
        double productive = m_l.productive_hours_per_year();
        l.raw = per_year / productive;
        l.people = apply_rounding(l.raw, Rounding::ceil);
        std::string rounded = std::fabs(l.raw - l.people) < 1e-9 ? "" : " → " + std::to_string(l.people);
        l.explanation = {where_zh + seats_zh + " × " + n(weekly / t.seats) + " 小时/周（" + when_zh + "）= 每年 " +
                             n(std::round(per_year)) + " 小时 ÷ 每人每年 " + n(std::round(productive)) + " 小时（" +
                             n(m_l.productive_days_per_year()) + " 个工作日 × " + n(m_l.daily_hours) +
                             " 小时，已扣除休息日、" + n(m_l.public_holidays) + " 天法定节假日和 " +
                             n(m_l.annual_leave_days) + " 天年假）= " + n(l.raw) + rounded,
                         where_en + seats_en + " × " + n(weekly / t.seats) + " h/week (" + when_en +
                             ") = " + n(std::round(per_year)) + " h/year ÷ " + n(std::round(productive)) +
                             " h a person works a year (" + n(m_l.productive_days_per_year()) + " days × " +
                             n(m_l.daily_hours) + " h, after rest days, " + n(m_l.public_holidays) +
                             " public holidays and " + n(m_l.annual_leave_days) + " days' leave) = " + n(l.raw) +
                             rounded};
      }
      l.people = limit(r, l.people, l.explanation);
      append_note(r, l.explanation);
      out.emplace_back(std::move(l), std::move(p));
    }
    return out;
  }

  void append_note(const Rule &r, catalog::Text &ex) {
    if (!r.note.en.empty()) ex.en += " (" + r.note.en + ")";
    if (!r.note.zh.empty()) ex.zh += "（" + r.note.zh + "）";
  }

  // A post whose people would each work more than the law allows cannot be rostered lawfully.
  void check_lawful(const Post &p, Staffing &) {
    double weekly = p.weekly_hours();
    double each = hours_per_person(weekly, p.people);
    double limit = m_l.lawful_max_weekly_hours();
    const catalog::Role *cr = m_c.role(p.role);
    // The post's name says which entrance, where there are several.
    std::string role_en = p.name.en.empty() ? (cr ? cr->name.en : p.role) : p.name.en;
    std::string role_zh = p.name.zh.empty() ? (cr ? cr->name.zh : p.role) : p.name.zh;
    if (p.people == 0 || each > limit + 1e-9) {
      double shift_h = p.shifts.empty() ? m_l.daily_hours : p.shifts.front().minutes() / 60.0;
      double days = each / shift_h;
      bool no_rest = days > 7 - m_l.min_free_days_per_7 + 1e-9;
      std::string seat_en =
          round_the_clock(p.shifts)
              ? (p.seats == 1 ? "a round-the-clock seat" : std::to_string(p.seats) + " round-the-clock seats")
              : (p.seats == 1 ? "a seat" : std::to_string(p.seats) + " seats") + std::string(" (") +
                    shifts_text(p.shifts) + ")";
      std::string seat_zh = round_the_clock(p.shifts)
                                ? std::to_string(p.seats) + " 个 24 小时岗位"
                                : std::to_string(p.seats) + " 个岗位（" + shifts_text(p.shifts) + "）";
      int needed = static_cast<int>(std::ceil(weekly / limit - 1e-9));
      std::string limit_en = "limit " + n(m_l.weekly_hours) + " h + " + n(m_l.overtime_cap_month) +
                             " h/month overtime (" + n(std::round(limit * 10) / 10) + " h/week)";
      std::string limit_zh = "上限为每周 " + n(m_l.weekly_hours) + " 小时加每月 " + n(m_l.overtime_cap_month) +
                             " 小时加班（约每周 " + n(std::round(limit * 10) / 10) + " 小时）";
      if (p.people == 0) { // a max of 0: there are hours to cover and nobody to cover them
        m_warnings.push_back({"unlawful-cover",
                              {role_zh + "：无人承担 " + seat_zh + "（每周 " + n(weekly) + " 小时）；" + limit_zh +
                                   "；至少需要 " + std::to_string(needed) + " 人",
                               role_en + ": nobody for " + seat_en + " (" + n(weekly) + " h/week); " + limit_en +
                                   "; at least " + std::to_string(needed) + " needed"},
                              p.role,
                              p.id});
        return;
      }
      m_warnings.push_back(
          {"unlawful-cover",
           {role_zh + "：" + std::to_string(p.people) + " 人承担 " + seat_zh + " = 每人每周 " +
                n(std::round(each * 10) / 10) + " 小时；上限为每周 " + n(m_l.weekly_hours) + " 小时加每月 " +
                n(m_l.overtime_cap_month) + " 小时加班（约每周 " + n(std::round(limit * 10) / 10) + " 小时）" +
                (no_rest ? "，且没有每周休息日" : "") + "；至少需要 " + std::to_string(needed) + " 人",
            role_en + ": " + std::to_string(p.people) + (p.people == 1 ? " person for " : " people for ") + seat_en +
                " = " + n(std::round(each * 10) / 10) + " h/week each; limit " + n(m_l.weekly_hours) + " h + " +
                n(m_l.overtime_cap_month) + " h/month overtime (" + n(std::round(limit * 10) / 10) + " h/week)" +
                (no_rest ? ", and no weekly rest day" : "") + "; at least " + std::to_string(needed) + " needed"},
           p.role,
           p.id});
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
    catalog::Text type = building_type_name(b.building_type);
    std::string kind_en = b.building_type.empty() ? "" : " for " + type.en + " estates";
    std::string kind_zh = b.building_type.empty() ? "" : "（" + type.zh + "小区）";
    if (per_person > b.max_m2_per_person)
      s.warnings.push_back({"indicator-out-of-band",
                            {"人均管理面积 " + n(std::round(per_person)) + " m²，高于常见区间 " + range + " m²" +
                                 kind_zh + "：人员少于常规配置",
                             n(std::round(per_person)) + " m² per person is above the usual " + range + " m²" +
                                 kind_en + ": fewer staff than usual"},
                            "",
                            ""});
    else if (per_person < b.min_m2_per_person)
      s.warnings.push_back({"indicator-out-of-band",
                            {"人均管理面积 " + n(std::round(per_person)) + " m²，低于常见区间 " + range + " m²" +
                                 kind_zh + "：人员多于常规配置",
                             n(std::round(per_person)) + " m² per person is below the usual " + range + " m²" +
                                 kind_en + ": more staff than usual"},
                            "",
                            ""});
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
