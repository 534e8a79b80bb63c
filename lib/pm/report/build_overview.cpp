// The estate overview and the organisation: departments, supervisors, the org chart, and the
// estate's own groups and committees.

#include <pm/report/build_internal.hpp>

#include <pm/budget/fee.hpp>
#include <pm/util/text.hpp>

namespace pm::report::detail {

using nlohmann::json;

namespace {

std::string type_name(const Ctx &c, const std::string &type) {
  if (type == "residential") return c(lbl::type_residential);
  if (type == "villa") return c(lbl::type_villa);
  if (type == "mixed_use") return c(lbl::type_mixed_use);
  if (type == "office") return c(lbl::type_office);
  if (type == "campus_dormitory") return c(lbl::type_campus_dormitory);
  if (type == "institution") return c(lbl::type_institution);
  return type;
}

std::string building_type(const Ctx &c, const std::string &type) {
  if (type == "high_rise") return c(lbl::bt_high_rise);
  if (type == "mid_rise") return c(lbl::bt_mid_rise);
  if (type == "multi_storey") return c(lbl::bt_multi_storey);
  if (type == "villa") return c(lbl::bt_villa);
  if (type == "dormitory") return c(lbl::bt_dormitory);
  if (type == "office") return c(lbl::bt_office);
  return type;
}

std::string hours_text(const Ctx &c, const std::string &hours) {
  if (hours.empty() || hours == "24h") return c(lbl::hours_24h);
  return hours;
}

} // namespace

std::string service_name(const Ctx &c, const std::string &service) {
  if (service == "lift_maintenance") return c(lbl::svc_lift_maintenance);
  if (service == "river_cleaning") return c(lbl::svc_river_cleaning);
  if (service == "municipal_road_cleaning") return c(lbl::svc_municipal_road_cleaning);
  if (service == "cleaning") return c(lbl::svc_cleaning);
  if (service == "greening") return c(lbl::svc_greening);
  if (service == "security") return c(lbl::svc_security);
  if (service == "fire_system_maintenance") return c(lbl::svc_fire_system_maintenance);
  if (service == "waste_removal") return c(lbl::svc_waste_removal);
  if (service == "pest_control") return c(lbl::svc_pest_control);
  if (service == "butler") return c(lbl::svc_butler);
  if (service == "concierge") return c(lbl::svc_concierge);
  if (service == "shuttle") return c(lbl::svc_shuttle);
  if (service == "housekeeping") return c(lbl::svc_housekeeping);
  if (service == "escort") return c(lbl::svc_escort);
  return service;
}

std::string grade_name(const Ctx &c, int grade) {
  switch (grade) {
  case 1:
    return c(lbl::grade_1);
  case 2:
    return c(lbl::grade_2);
  case 3:
    return c(lbl::grade_3);
  case 4:
    return c(lbl::grade_4);
  }
  return std::to_string(grade);
}

Section overview(const Ctx &c) {
  const auto &e = c.in.estate;
  Section s{"overview", "", c(lbl::sec_overview), {}, {}};
  Facts f;
  auto add = [&](const Label &l, std::string v) {
    if (!v.empty()) f.items.emplace_back(c(l), std::move(v));
  };
  auto area = [&](const Label &l, double v) {
    if (v > 0) add(l, num(v) + " m²");
  };
  auto count = [&](const Label &l, int v) {
    if (v > 0) add(l, num(v));
  };
  add(lbl::f_name, c.t(e.name));
  add(lbl::f_city, e.city);
  add(lbl::f_type, type_name(c, e.type));
  add(lbl::f_grade, grade_name(c, e.grade));
  area(lbl::area_total, e.areas.total);
  if (e.areas.chargeable != e.areas.total) area(lbl::area_chargeable, e.areas.chargeable);
  area(lbl::area_residential, e.areas.residential);
  area(lbl::area_commercial, e.areas.commercial);
  area(lbl::area_office, e.areas.office);
  area(lbl::area_green, e.areas.green);
  area(lbl::area_underground_garage, e.areas.underground_garage);
  area(lbl::area_hard_landscape, e.areas.hard_landscape);
  area(lbl::area_water_features, e.areas.water_features);
  area(lbl::area_municipal_roads, e.areas.municipal_roads);
  area(lbl::area_river_frontage, e.areas.river_frontage);
  count(lbl::f_households, e.households);
  std::vector<std::string> blds;
  for (const auto &bg : e.buildings) {
    std::string t = c.f(lbl::building_group, {num(bg.count), building_type(c, bg.type)});
    if (!bg.name.empty() && bg.name != building_type(c, bg.type)) t = bg.name + c(lbl::colon) + t;
    if (bg.floors > 0) t += c.f(lbl::building_floors, {num(bg.floors)});
    if (bg.households > 0) t += c.f(lbl::building_households, {num(bg.households)});
    blds.push_back(t);
  }
  add(lbl::f_buildings, c.join(blds));
  count(lbl::eq_lifts, e.equipment.lifts);
  count(lbl::eq_substations, e.equipment.substations);
  count(lbl::eq_hv_rooms, e.equipment.high_voltage_rooms);
  count(lbl::eq_heat_exchange, e.equipment.heat_exchange_stations);
  count(lbl::eq_booster_pumps, e.equipment.booster_pump_rooms);
  if (e.equipment.control_room)
    add(lbl::eq_control_room, e.equipment.fire_control_room ? c(lbl::eq_control_room_fire) : c(lbl::yes));
  if (e.equipment.access_control) add(lbl::eq_access_control, c(lbl::yes));
  count(lbl::eq_cctv, e.equipment.cctv_cameras);
  std::vector<std::string> ents;
  for (const auto &en : e.entrances) {
    std::vector<std::string> uses;
    if (en.pedestrians) uses.push_back(c(lbl::ent_pedestrians));
    if (en.vehicles) uses.push_back(c(lbl::ent_vehicles));
    uses.push_back(hours_text(c, en.hours));
    if (!en.staffed) uses.push_back(c(lbl::ent_unstaffed));
    ents.push_back(en.name + c.f(lbl::parenthesised, {c.join(uses)}));
  }
  add(lbl::f_entrances, c.join(ents));
  count(lbl::park_garages, e.parking_garages);
  count(lbl::park_spaces, e.parking_spaces);
  count(lbl::park_entrances, e.parking_entrances);
  count(lbl::f_patrol_zones, e.patrol_zones);
  std::vector<std::string> outs;
  for (const auto &o : e.outsourced) {
    std::string t = service_name(c, o.service);
    std::vector<std::string> parts;
    if (!o.contractor.empty()) parts.push_back(o.contractor);
    if (o.annual_cost > 0) parts.push_back(c.f(lbl::per_year_yuan, {num(o.annual_cost, 2)}));
    if (!parts.empty()) t += c.f(lbl::parenthesised, {c.join(parts)});
    outs.push_back(t);
  }
  add(lbl::f_outsourced, c.join(outs));
  std::vector<std::string> specials;
  for (const auto &sp : e.special_services) {
    std::vector<std::string> parts;
    if (sp.owners > 0) parts.push_back(c.f(lbl::special_owners, {num(sp.owners)}));
    if (sp.owners_per_staff > 0) parts.push_back(c.f(lbl::special_ratio, {util::format_number(sp.owners_per_staff)}));
    if (!sp.hours.empty()) parts.push_back(hours_text(c, sp.hours));
    if (sp.paid) parts.push_back(c(lbl::paid));
    specials.push_back(service_name(c, sp.service) + (parts.empty() ? "" : c.f(lbl::parenthesised, {c.join(parts)})));
  }
  add(lbl::f_special_services, c.join(specials));
  s.blocks.push_back(std::move(f));

  const auto &st = c.in.staffing;
  const auto &b = c.in.budget;
  s.blocks.push_back(Paragraph{
      c.f(lbl::overview_figures,
          {num(st.total), st.indicators.m2_per_person ? num(*st.indicators.m2_per_person) : "—", money(b.cents),
           money(budget::to_cents(b.monthly_cost())), num(budget::round_cents(b.fee.lump_sum.per_m2_month), 2)}),
      Style::normal});
  const json &notes = c.raw("notes");
  if (notes.is_string()) s.blocks.push_back(Paragraph{notes.get<std::string>(), Style::note});
  return s;
}

namespace {

std::vector<const catalog::Role *> supervisors(const Ctx &c, const staff::DepartmentLine &d) {
  std::vector<const catalog::Role *> out;
  for (const auto &r : d.roles) {
    const auto *role = c.in.roles.role(r.id);
    if (role && role->supervisor && r.headcount > 0) out.push_back(role);
  }
  return out;
}

std::string member_text(const Ctx &c, const json &m) {
  if (m.is_string()) return m.get<std::string>();
  std::string name = m.value("name", "");
  std::vector<std::string> extra;
  if (m.contains("role")) extra.push_back(c.t(estate::text_of(m["role"])));
  if (m.contains("affiliation")) extra.push_back(c.t(estate::text_of(m["affiliation"])));
  return extra.empty() ? name : name + c.f(lbl::parenthesised, {c.join(extra)});
}

std::string names(const Ctx &c, const json &arr) {
  std::vector<std::string> out;
  if (arr.is_array())
    for (const auto &m : arr) out.push_back(member_text(c, m));
  return c.join(out);
}

std::string group_kind(const Ctx &c, const std::string &kind) {
  if (kind == "leading_group") return c(lbl::gk_leading);
  if (kind == "working_group") return c(lbl::gk_working);
  if (kind == "sub_group") return c(lbl::gk_sub);
  if (kind == "committee") return c(lbl::gk_committee);
  return kind;
}

std::vector<std::string> texts(const Ctx &c, const json &arr) {
  std::vector<std::string> out;
  if (arr.is_array())
    for (const auto &x : arr) out.push_back(c.t(estate::text_of(x)));
  return out;
}

} // namespace

Section organisation(const Ctx &c) {
  const auto &st = c.in.staffing;
  Section s{"organisation", "", c(lbl::sec_organisation), {}, {}};
  const catalog::Role *pm = c.in.roles.role("project_manager");
  bool has_pm = pm && st.headcount("project_manager") > 0;
  int departments = 0;
  for (const auto &d : st.departments)
    if (!(has_pm && d.id == pm->department && d.roles.size() == 1)) ++departments;
  if (has_pm) {
    s.blocks.push_back(Paragraph{c.f(lbl::org_pm_intro, {c.t(pm->name), num(departments)}), Style::normal});
    std::vector<std::string> duties;
    for (const auto &d : pm->duties) duties.push_back(c.t(d));
    if (!duties.empty()) {
      s.blocks.push_back(Paragraph{c.f(lbl::org_pm_duties, {c.t(pm->name)}), Style::normal});
      s.blocks.push_back(List{true, duties});
    }
  } else {
    s.blocks.push_back(Paragraph{c.f(lbl::org_units_intro, {c.t(c.in.estate.name), num(departments)}), Style::normal});
  }

  Table t;
  t.id = "departments";
  t.caption = c(lbl::cap_departments);
  t.columns = {col("department", c(lbl::c_department)), col("supervisor", c(lbl::c_supervisor)),
               col("headcount", c(lbl::c_headcount), Align::right),
               col("roles", c(lbl::c_roles), Align::left, 0, true)};
  for (const auto &d : st.departments) {
    std::vector<std::string> sup, roles;
    for (const auto *r : supervisors(c, d)) sup.push_back(c.t(r->name));
    for (const auto &r : d.roles)
      if (r.headcount > 0) roles.push_back(c.f(lbl::role_times, {c.t(r.name), num(r.headcount)}));
    t.rows.push_back(body(d.id, {Cell::of(c.t(d.name)), Cell::of(sup.empty() ? "—" : c.join(sup)),
                                 Cell::num(d.headcount), Cell::of(c.join(roles))}));
  }
  t.rows.push_back(total({Cell::of(c(lbl::total)), Cell::of(""), Cell::num(st.total, "sum:body"), Cell::of("")}));
  s.blocks.push_back(std::move(t));

  OrgChart chart;
  chart.id = "org_chart";
  chart.caption = c(lbl::cap_org_chart);
  std::string root = "root";
  if (has_pm) {
    const staff::DepartmentLine *md = nullptr;
    for (const auto &d : st.departments)
      if (d.id == pm->department) md = &d;
    OrgNode n{root, "", c.t(pm->name), md ? c.t(md->name) : "", {}};
    if (md)
      for (const auto &r : md->roles)
        if (r.id != pm->id && r.headcount > 0) n.lines.push_back(c.f(lbl::role_times, {c.t(r.name), num(r.headcount)}));
    chart.nodes.push_back(std::move(n));
  } else {
    chart.nodes.push_back({root, "", c.t(c.in.estate.name), c.people(st.total), {}});
  }
  for (const auto &d : st.departments) {
    if (has_pm && d.id == pm->department) continue;
    std::vector<std::string> sup;
    for (const auto *r : supervisors(c, d)) sup.push_back(c.t(r->name));
    std::string detail = c.people(d.headcount);
    if (!sup.empty()) detail = c.join(sup) + " · " + detail;
    OrgNode n{"dept_" + d.id, root, c.t(d.name), detail, {}};
    for (const auto &r : d.roles) {
      const auto *role = c.in.roles.role(r.id);
      if (r.headcount > 0 && !(role && role->supervisor))
        n.lines.push_back(c.f(lbl::role_times, {c.t(r.name), num(r.headcount)}));
    }
    chart.nodes.push_back(std::move(n));
  }
  s.blocks.push_back(std::move(chart));

  // The estate's own groups (e.g. a campaign's leading group) and committees (e.g. a dormitory's).
  const json &groups = c.raw("groups");
  if (groups.is_array() && !groups.empty()) {
    std::map<std::string, std::string> group_names;
    for (const auto &g : groups) group_names[g.value("id", "")] = c.t(estate::text_of(g.value("name", json())));
    Table gt;
    gt.id = "groups";
    gt.caption = c(lbl::cap_groups);
    gt.columns = {col("group", c(lbl::c_group)),           col("kind", c(lbl::c_kind)),
                  col("parent", c(lbl::c_parent)),         col("lead", c(lbl::c_lead)),
                  col("deputies", c(lbl::c_deputies)),     col("members", c(lbl::c_members), Align::left, 0, true),
                  col("archive", c(lbl::c_archive_owner)), col("duties", c(lbl::c_duties), Align::left, 0, true)};
    std::vector<Section> committees;
    for (const auto &g : groups) {
      std::string kind = g.value("kind", "");
      std::string parent = g.value("parent", "");
      std::vector<std::string> duties = texts(c, g.value("duties", json()));
      std::string dj;
      for (const auto &x : duties) dj += (dj.empty() ? "" : c.sep()) + x;
      gt.rows.push_back(
          body(g.value("id", ""),
               {Cell::of(group_names[g.value("id", "")]), Cell::of(group_kind(c, kind)),
                Cell::of(parent.empty() ? "" : group_names[parent]), Cell::of(g.value("lead", "")),
                Cell::of(names(c, g.value("deputies", json()))), Cell::of(names(c, g.value("members", json()))),
                Cell::of(g.value("archive_owner", "")), Cell::of(dj)}));
      if (kind != "committee") continue;
      Section cs{"committee-" + g.value("id", ""), "", group_names[g.value("id", "")], {}, {}};
      Facts f;
      f.items.emplace_back(c(lbl::c_lead), g.value("lead", ""));
      if (g.contains("deputies")) f.items.emplace_back(c(lbl::c_deputies), names(c, g["deputies"]));
      if (g.contains("meets")) f.items.emplace_back(c(lbl::c_meets), c.t(estate::text_of(g["meets"])));
      cs.blocks.push_back(std::move(f));
      if (g.contains("members") && g["members"].is_array()) {
        cs.blocks.push_back(Paragraph{c(lbl::c_members), Style::normal});
        std::vector<std::string> ms;
        for (const auto &m : g["members"]) ms.push_back(member_text(c, m));
        cs.blocks.push_back(List{false, ms});
      }
      if (!duties.empty()) {
        cs.blocks.push_back(Paragraph{c(lbl::c_duties), Style::normal});
        cs.blocks.push_back(List{true, duties});
      }
      committees.push_back(std::move(cs));
    }
    Section gs{"groups", "", c(lbl::sec_groups), {}, {}};
    gs.blocks.push_back(std::move(gt));
    s.sections.push_back(std::move(gs));
    for (auto &cs : committees) s.sections.push_back(std::move(cs));
  }
  return s;
}

} // namespace pm::report::detail
