// The estate overview and the organisation: departments, supervisors, the org chart, and the
// estate's own groups and committees.

#include <pm/report/build_internal.hpp>

#include <pm/budget/fee.hpp>
#include <pm/staff/applicable.hpp>
#include <pm/util/text.hpp>

namespace pm::report::detail {

namespace {

std::string type_name(const Ctx &c, const std::string &type) { return c.t(catalog::estate_type_name(type)); }

std::string building_type(const Ctx &c, const std::string &type) {
  if (type == "high_rise") return c(msg::bt_high_rise);
  if (type == "mid_rise") return c(msg::bt_mid_rise);
  if (type == "multi_storey") return c(msg::bt_multi_storey);
  if (type == "villa") return c(msg::bt_villa);
  if (type == "dormitory") return c(msg::bt_dormitory);
  if (type == "office") return c(msg::bt_office);
  return type;
}

std::string hours_text(const Ctx &c, const std::string &hours) {
  if (hours.empty() || hours == "24h") return c(msg::hours_24h);
  return hours;
}

} // namespace

std::string service_name(const Ctx &c, const std::string &service) { return c.t(catalog::service_name(service)); }

std::string grade_name(const Ctx &c, int grade) {
  switch (grade) {
  case 1:
    return c(msg::grade_1);
  case 2:
    return c(msg::grade_2);
  case 3:
    return c(msg::grade_3);
  case 4:
    return c(msg::grade_4);
  }
  return std::to_string(grade);
}

Section overview(const Ctx &c) {
  const auto &e = c.in->estate;
  Section s{"overview", "", c(msg::sec_overview), {}, {}};
  Facts f;
  // Each fact carries the marks of the file's assumptions about its key.
  auto add = [&](const Label &l, std::string v, const std::string &about = {}) {
    if (!v.empty()) f.items.emplace_back(c(l), std::move(v) + (about.empty() ? "" : c.assumed(about)));
  };
  auto area = [&](const Label &l, double v, const char *key) {
    if (v > 0) add(l, num(v) + " m²", std::string("areas.") + key);
  };
  auto count = [&](const Label &l, int v, const std::string &about = {}) {
    if (v > 0) add(l, num(v), about);
  };
  add(msg::f_name, c.t(e.name));
  add(msg::f_city, e.city, "city");
  add(msg::f_type, type_name(c, e.type), "type");
  add(msg::f_grade, grade_name(c, e.grade), "grade");
  area(msg::area_total, e.areas.total, "total");
  if (e.areas.chargeable != e.areas.total) area(msg::area_chargeable, e.areas.chargeable, "chargeable");
  area(msg::area_residential, e.areas.residential, "residential");
  area(msg::area_commercial, e.areas.commercial, "commercial");
  area(msg::area_office, e.areas.office, "office");
  area(msg::area_green, e.areas.green, "green");
  area(msg::area_underground_garage, e.areas.underground_garage, "underground_garage");
  area(msg::area_hard_landscape, e.areas.hard_landscape, "hard_landscape");
  area(msg::area_water_features, e.areas.water_features, "water_features");
  area(msg::area_municipal_roads, e.areas.municipal_roads, "municipal_roads");
  area(msg::area_river_frontage, e.areas.river_frontage, "river_frontage");
  count(msg::f_households, e.households, "households");
  std::vector<std::string> blds;
  for (const auto &bg : e.buildings) {
    std::string t = c.f(msg::building_group, num(bg.count), building_type(c, bg.type));
    if (!bg.name.empty() && bg.name != building_type(c, bg.type)) t = bg.name + c(msg::colon) + t;
    if (bg.floors > 0) t += c.f(msg::building_floors, num(bg.floors));
    if (bg.households > 0) t += c.f(msg::building_households, num(bg.households));
    blds.push_back(t);
  }
  add(msg::f_buildings, c.join(blds), "buildings");
  count(msg::eq_lifts, e.equipment.lifts, "equipment.lifts");
  count(msg::eq_substations, e.equipment.substations, "equipment.substations");
  count(msg::eq_hv_rooms, e.equipment.high_voltage_rooms, "equipment.high_voltage_rooms");
  count(msg::eq_heat_exchange, e.equipment.heat_exchange_stations, "equipment.heat_exchange_stations");
  count(msg::eq_booster_pumps, e.equipment.booster_pump_rooms, "equipment.booster_pump_rooms");
  if (e.equipment.control_room)
    add(msg::eq_control_room, e.equipment.fire_control_room ? c(msg::eq_control_room_fire) : c(msg::yes));
  if (e.equipment.access_control) add(msg::eq_access_control, c(msg::yes));
  count(msg::eq_cctv, e.equipment.cctv_cameras, "equipment.cctv_cameras");
  std::vector<std::string> ents;
  for (const auto &en : e.entrances) {
    std::vector<std::string> uses;
    if (en.pedestrians) uses.push_back(c(msg::ent_pedestrians));
    if (en.vehicles) uses.push_back(c(msg::ent_vehicles));
    uses.push_back(hours_text(c, en.hours));
    if (!en.staffed) uses.push_back(c(msg::ent_unstaffed));
    ents.push_back(en.name + c.f(msg::parenthesised, c.join(uses)));
  }
  add(msg::f_entrances, c.join(ents), "entrances");
  count(msg::park_garages, e.parking_garages, "parking.garages");
  count(msg::park_spaces, e.parking_spaces, "parking.spaces");
  count(msg::park_entrances, e.parking_entrances, "parking.entrances");
  count(msg::f_patrol_zones, e.patrol_zones);
  std::vector<std::string> outs;
  for (const auto &o : e.outsourced) {
    std::string t = service_name(c, o.service);
    std::vector<std::string> parts;
    if (!o.contractor.empty()) parts.push_back(o.contractor);
    if (o.annual(e.areas.total) > 0) parts.push_back(c.f(msg::per_year_yuan, num(o.annual(e.areas.total), 2)));
    if (!parts.empty()) t += c.f(msg::parenthesised, c.join(parts));
    outs.push_back(t);
  }
  add(msg::f_outsourced, c.join(outs), "outsourced");
  std::vector<std::string> specials;
  for (const auto &sp : e.special_services) {
    std::vector<std::string> parts;
    if (sp.owners > 0) parts.push_back(c.f(msg::special_owners, num(sp.owners)));
    if (sp.team > 0 && sp.owners_per_team > 0) {
      // "每 4 位业主配 3 名管家，24 小时专职负责"
      const catalog::Role *r = c.in->roles.role(sp.service);
      std::string who = r ? c.t(r->name) : service_name(c, sp.service);
      if (!c.zh && !who.empty() && who[0] >= 'A' && who[0] <= 'Z') who[0] = static_cast<char>(who[0] - 'A' + 'a');
      std::string when =
          sp.hours.empty() || sp.hours == "24h" ? c(msg::staff_round_the_clock) : hours_text(c, sp.hours);
      parts.push_back(c.f(msg::special_team_ratio, num(sp.owners_per_team), num(sp.team), who, when));
    } else {
      if (sp.owners_per_staff > 0) parts.push_back(c.f(msg::special_ratio, util::format_number(sp.owners_per_staff)));
      if (!sp.hours.empty()) parts.push_back(hours_text(c, sp.hours));
    }
    if (sp.paid) parts.push_back(c(msg::paid));
    specials.push_back(service_name(c, sp.service) + (parts.empty() ? "" : c.f(msg::parenthesised, c.join(parts))));
  }
  add(msg::f_special_services, c.join(specials), "special_services");
  s.blocks.push_back(std::move(f));

  const auto &st = c.in->staffing;
  const auto &b = c.in->budget;
  s.blocks.push_back(Paragraph{c.f(b.fee_charged ? msg::overview_figures : msg::overview_figures_cost, num(st.total),
                                   st.indicators.m2_per_person ? num(*st.indicators.m2_per_person) : "—",
                                   money(b.cents), money(budget::to_cents(b.monthly_cost())),
                                   num(budget::round_cents(b.fee.lump_sum.per_m2_month), 2)),
                               Style::normal});
  if (!c.in->estate.notes.empty()) s.blocks.push_back(Paragraph{c.in->estate.notes, Style::note});
  return s;
}

namespace {

std::vector<const catalog::Role *> supervisors(const Ctx &c, const staff::DepartmentLine &d) {
  std::vector<const catalog::Role *> out;
  for (const auto &r : d.roles) {
    const auto *role = c.in->roles.role(r.id);
    if (role && role->supervisor && r.headcount > 0) out.push_back(role);
  }
  return out;
}

std::string member_text(const Ctx &c, const estate::Member &m) {
  std::vector<std::string> extra;
  if (!m.role.empty()) extra.push_back(c.t(m.role));
  if (!m.affiliation.empty()) extra.push_back(c.t(m.affiliation));
  return extra.empty() ? m.name : m.name + c.f(msg::parenthesised, c.join(extra));
}

std::string names(const Ctx &c, const std::vector<estate::Member> &members) {
  std::vector<std::string> out;
  for (const auto &m : members) out.push_back(member_text(c, m));
  return c.join(out);
}

// A group's deputies, each with the role the file gives it: "叶鸿斌（设备组长）".
std::string deputy_names(const Ctx &c, const estate::Group &g) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < g.deputies.size(); ++i) {
    bool role = i < g.deputy_roles.size() && !g.deputy_roles[i].empty();
    out.push_back(role ? g.deputies[i] + c.f(msg::parenthesised, c.t(g.deputy_roles[i])) : g.deputies[i]);
  }
  return c.join(out);
}

std::string group_kind(const Ctx &c, const std::string &kind) {
  if (kind == "leading_group") return c(msg::gk_leading);
  if (kind == "working_group") return c(msg::gk_working);
  if (kind == "sub_group") return c(msg::gk_sub);
  if (kind == "committee") return c(msg::gk_committee);
  return kind;
}

std::vector<std::string> texts(const Ctx &c, const std::vector<catalog::Text> &list) {
  std::vector<std::string> out;
  for (const auto &x : list) out.push_back(c.t(x));
  return out;
}

} // namespace

Section organisation(const Ctx &c) {
  const auto &st = c.in->staffing;
  Section s{"organisation", "", c(msg::sec_organisation), {}, {}};
  const catalog::Role *pm = c.in->roles.role("project_manager");
  bool has_pm = pm && st.headcount("project_manager") > 0;
  int departments = 0;
  for (const auto &d : st.departments)
    if (!(has_pm && d.id == pm->department && d.roles.size() == 1)) ++departments;
  if (has_pm) {
    s.blocks.push_back(Paragraph{c.f(msg::org_pm_intro, c.t(pm->name), num(departments)), Style::normal});
    std::vector<std::string> duties;
    for (const auto *d : staff::duties_for(*pm, &c.in->estate)) duties.push_back(c.t(*d));
    if (!duties.empty()) {
      s.blocks.push_back(Paragraph{c.f(msg::org_pm_duties, c.t(pm->name)), Style::normal});
      s.blocks.push_back(List{true, duties});
    }
  } else {
    s.blocks.push_back(Paragraph{c.f(msg::org_units_intro, c.t(c.in->estate.name), num(departments)), Style::normal});
  }

  Table t;
  t.id = "departments";
  t.caption = c(msg::cap_departments);
  t.columns = {col("department", c(msg::c_department)), col("supervisor", c(msg::c_supervisor)),
               col("headcount", c(msg::c_headcount), Align::right),
               col("roles", c(msg::c_roles), Align::left, 0, true)};
  for (const auto &d : st.departments) {
    std::vector<std::string> sup, roles;
    for (const auto *r : supervisors(c, d)) sup.push_back(c.t(r->name));
    for (const auto &r : d.roles)
      if (r.headcount > 0) roles.push_back(c.f(msg::role_times, c.t(r.name), num(r.headcount)));
    t.rows.push_back(body(d.id, {Cell::of(c.t(d.name)), Cell::of(sup.empty() ? "—" : c.join(sup)),
                                 Cell::num(d.headcount), Cell::of(c.join(roles))}));
  }
  t.rows.push_back(total({Cell::of(c(msg::total)), Cell::of(""), Cell::num(st.total, "sum:body"), Cell::of("")}));
  s.blocks.push_back(std::move(t));

  OrgChart chart;
  chart.id = "org_chart";
  chart.caption = c(msg::cap_org_chart);
  std::string root = "root";
  if (has_pm) {
    const staff::DepartmentLine *md = nullptr;
    for (const auto &d : st.departments)
      if (d.id == pm->department) md = &d;
    OrgNode n{root, "", c.t(pm->name), md ? c.t(md->name) : "", {}};
    if (md)
      for (const auto &r : md->roles)
        if (r.id != pm->id && r.headcount > 0) n.lines.push_back(c.f(msg::role_times, c.t(r.name), num(r.headcount)));
    chart.nodes.push_back(std::move(n));
  } else {
    chart.nodes.push_back({root, "", c.t(c.in->estate.name), c.people(st.total), {}});
  }
  for (const auto &d : st.departments) {
    if (has_pm && d.id == pm->department) continue;
    std::vector<std::string> sup;
    for (const auto *r : supervisors(c, d)) sup.push_back(c.t(r->name));
    std::string detail = c.people(d.headcount);
    if (!sup.empty()) detail = c.join(sup) + " · " + detail;
    OrgNode n{"dept_" + d.id, root, c.t(d.name), detail, {}};
    for (const auto &r : d.roles) {
      const auto *role = c.in->roles.role(r.id);
      if (r.headcount > 0 && !(role && role->supervisor))
        n.lines.push_back(c.f(msg::role_times, c.t(r.name), num(r.headcount)));
    }
    chart.nodes.push_back(std::move(n));
  }
  s.blocks.push_back(std::move(chart));

  // The estate's own groups (e.g. a campaign's leading group) and committees (e.g. a dormitory's).
  const auto &groups = c.in->estate.groups;
  if (!groups.empty()) {
    std::map<std::string, std::string> group_names;
    for (const auto &g : groups) group_names[g.id] = c.t(g.name);
    Table gt;
    gt.id = "groups";
    gt.caption = c(msg::cap_groups) + c.assumed("groups");
    gt.columns = {col("group", c(msg::c_group)),           col("kind", c(msg::c_kind)),
                  col("parent", c(msg::c_parent)),         col("lead", c(msg::c_lead)),
                  col("deputies", c(msg::c_deputies)),     col("members", c(msg::c_members), Align::left, 0, true),
                  col("archive", c(msg::c_archive_owner)), col("duties", c(msg::c_duties), Align::left, 0, true)};
    std::vector<Section> committees;
    for (const auto &g : groups) {
      std::vector<std::string> duties = texts(c, g.duties);
      std::string dj;
      for (const auto &x : duties) dj += (dj.empty() ? "" : c.sep()) + x;
      gt.rows.push_back(body(g.id, {Cell::of(group_names[g.id]), Cell::of(group_kind(c, g.kind)),
                                    Cell::of(g.parent.empty() ? "" : group_names[g.parent]), Cell::of(g.lead),
                                    Cell::of(deputy_names(c, g)), Cell::of(names(c, g.members)),
                                    Cell::of(g.archive_owner), Cell::of(dj)}));
      if (g.kind != "committee") continue;
      Section cs{"committee-" + g.id, "", group_names[g.id], {}, {}};
      Facts f;
      f.items.emplace_back(c(msg::c_lead), g.lead);
      if (!g.deputies.empty()) f.items.emplace_back(c(msg::c_deputies), deputy_names(c, g));
      if (!g.meets.empty()) f.items.emplace_back(c(msg::c_meets), c.t(g.meets));
      cs.blocks.push_back(std::move(f));
      if (!g.members.empty()) {
        cs.blocks.push_back(Paragraph{c(msg::c_members), Style::normal});
        std::vector<std::string> ms;
        for (const auto &m : g.members) ms.push_back(member_text(c, m));
        cs.blocks.push_back(List{false, ms});
      }
      if (!duties.empty()) {
        cs.blocks.push_back(Paragraph{c(msg::c_duties), Style::normal});
        cs.blocks.push_back(List{true, duties});
      }
      committees.push_back(std::move(cs));
    }
    Section gs{"groups", "", c(msg::sec_groups), {}, {}};
    gs.blocks.push_back(std::move(gt));
    s.sections.push_back(std::move(gs));
    for (auto &cs : committees) s.sections.push_back(std::move(cs));
  }
  return s;
}

} // namespace pm::report::detail
