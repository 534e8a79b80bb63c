#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>

#include <pm/yaml/document.hpp>

#include <algorithm>
#include <limits>
#include <type_traits>

namespace pm::estate {

using nlohmann::json;

int usual_floors(const std::string &t) {
  if (t == "high_rise") return 18;
  if (t == "mid_rise") return 9;
  if (t == "multi_storey" || t == "dormitory") return 6;
  if (t == "villa") return 3;
  if (t == "office") return 20;
  return 1;
}

bool Estate::is_outsourced(const std::string &service) const {
  for (const auto &o : outsourced)
    if (o.service == service) return true;
  return false;
}

std::int64_t Estate::buildings_of(const std::string &t) const {
  std::int64_t n = 0;
  for (const auto &b : buildings)
    if (b.type == t) n += b.count;
  return n;
}

std::int64_t Estate::floors() const {
  std::int64_t n = 0;
  for (const auto &b : buildings)
    n += static_cast<std::int64_t>(b.count) * (b.floors > 0 ? b.floors : usual_floors(b.type));
  return n;
}

namespace {
// A member of the type asked for, else `def`. roles_for runs on documents that may not have
// passed the schema, so a wrong type (or a number out of an int's range, whose conversion
// would be undefined) must not throw or worse (found by fuzzing).
template <typename T> T get(const json &o, const char *key, T def) {
  if (!o.is_object()) return def;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return def;
  if constexpr (std::is_same_v<T, bool>) {
    return it->is_boolean() ? it->get<bool>() : def;
  } else if constexpr (std::is_integral_v<T>) {
    if (!it->is_number()) return def;
    double d = it->get<double>();
    if (!(d >= static_cast<double>(std::numeric_limits<T>::min()) &&
          d <= static_cast<double>(std::numeric_limits<T>::max())))
      return def;
    return it->is_number_float() ? static_cast<T>(d) : it->get<T>();
  } else if constexpr (std::is_floating_point_v<T>) {
    return it->is_number() ? it->get<T>() : def;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return it->is_string() ? it->get<std::string>() : def;
  } else {
    return it->get<T>();
  }
}
} // namespace

catalog::Text text_of(const json &v) {
  if (v.is_string()) return {v.get<std::string>(), v.get<std::string>()};
  catalog::Text t;
  if (v.is_object()) {
    t.zh = get<std::string>(v, "zh", "");
    t.en = get<std::string>(v, "en", "");
  }
  return t;
}

std::vector<catalog::Text> texts_of(const json &v) {
  std::vector<catalog::Text> out;
  if (v.is_array())
    for (const auto &x : v) out.push_back(text_of(x));
  return out;
}

Group group_of(const json &x) {
  Group g;
  g.id = get<std::string>(x, "id", "");
  g.name = text_of(x.value("name", json()));
  g.kind = get<std::string>(x, "kind", "");
  g.parent = get<std::string>(x, "parent", "");
  g.lead = get<std::string>(x, "lead", "");
  for (const auto &d : x.value("deputies", json::array())) {
    if (d.is_string()) {
      g.deputies.push_back(d.get<std::string>());
      g.deputy_roles.emplace_back();
    } else if (d.is_object()) {
      g.deputies.push_back(get<std::string>(d, "name", ""));
      g.deputy_roles.push_back(text_of(d.value("role", json())));
    }
  }
  for (const auto &m : x.value("members", json::array())) {
    if (m.is_string())
      g.members.push_back({m.get<std::string>(), {}, {}});
    else
      g.members.push_back(
          {get<std::string>(m, "name", ""), text_of(m.value("role", json())), text_of(m.value("affiliation", json()))});
  }
  g.archive_owner = get<std::string>(x, "archive_owner", "");
  g.duties = texts_of(x.value("duties", json()));
  if (x.contains("meets")) g.meets = text_of(x["meets"]);
  return g;
}

namespace {

catalog::Requirements requirements_of(const json &r) {
  catalog::Requirements q;
  if (!r.is_object()) return q;
  q.max_age = get<int>(r, "age_under", get<int>(r, "max_age", 0)); // max_age: the older name
  q.experience_years = get<int>(r, "experience_years", 0);
  if (r.contains("education")) q.education = text_of(r["education"]);
  if (r.contains("licences"))
    for (const auto &l : r["licences"]) q.licences.push_back(text_of(l).get(true));
  return q;
}
} // namespace

catalog::Catalogue roles_for(const json &doc, const catalog::Catalogue &base) {
  catalog::Catalogue c = base;
  if (!doc.is_object() || !doc.contains("units") || !doc["units"].is_array()) return c;
  for (const auto &u : doc["units"]) {
    if (!u.is_object() || !u.contains("id") || !u["id"].is_string()) continue;
    std::string uid = u["id"].get<std::string>();
    if (!c.department(uid))
      c.departments.push_back({uid, u.contains("name") ? text_of(u["name"]) : catalog::Text{uid, uid},
                               get<std::string>(u, "cost_centre", "owners")});
    if (!u.contains("positions") || !u["positions"].is_array()) continue;
    for (const auto &p : u["positions"]) {
      if (!p.is_object() || !p.contains("id") || !p["id"].is_string()) continue;
      catalog::Role r;
      r.id = p["id"].get<std::string>();
      if (c.role(r.id)) continue; // reported by the semantic check
      r.department = uid;
      r.name = p.contains("name") ? text_of(p["name"]) : catalog::Text{r.id, r.id};
      r.supervisor = p.contains("supervisor") && p["supervisor"].is_boolean() && p["supervisor"].get<bool>();
      if (p.contains("duties")) r.duties = texts_of(p["duties"]);
      if (p.contains("requirements")) r.requirements = requirements_of(p["requirements"]);
      c.roles.push_back(std::move(r));
    }
  }
  return c;
}

catalog::Catalogue roles_for(const Estate &e, const catalog::Catalogue &base) {
  catalog::Catalogue c = base;
  for (const auto &u : e.units) {
    if (!c.department(u.id))
      c.departments.push_back({u.id, u.name.empty() ? catalog::Text::same(u.id) : u.name, u.cost_centre});
    for (const auto &p : u.positions) {
      if (c.role(p.id)) continue; // reported by the semantic check
      catalog::Role r;
      r.id = p.id;
      r.department = u.id;
      r.name = p.name.empty() ? catalog::Text::same(p.id) : p.name;
      r.supervisor = p.supervisor;
      r.duties = p.duties;
      r.requirements = p.requirements;
      c.roles.push_back(std::move(r));
    }
  }
  return c;
}

Estate from_document(const yaml::Document &doc) {
  const json &v = doc.value;
  Estate e;
  e.file = doc.file;
  e.id = get<std::string>(v, "id", "");
  if (v.contains("name")) {
    e.name.zh = get<std::string>(v["name"], "zh", "");
    e.name.en = get<std::string>(v["name"], "en", "");
  }
  e.city = get<std::string>(v, "city", "");
  e.locale = get<std::string>(v, "locale", "zh-CN");
  e.type = get<std::string>(v, "type", "residential");
  e.grade = get<int>(v, "grade", 2);
  if (v.contains("areas")) {
    const json &a = v["areas"];
    e.areas.total = get<double>(a, "total", 0);
    e.areas.residential = get<double>(a, "residential", 0);
    e.areas.commercial = get<double>(a, "commercial", 0);
    e.areas.office = get<double>(a, "office", 0);
    e.areas.green = get<double>(a, "green", 0);
    e.areas.underground_garage = get<double>(a, "underground_garage", 0);
    e.areas.hard_landscape = get<double>(a, "hard_landscape", 0);
    e.areas.water_features = get<double>(a, "water_features", 0);
    e.areas.municipal_roads = get<double>(a, "municipal_roads", 0);
    e.areas.river_frontage = get<double>(a, "river_frontage", 0);
    // The fee is charged on the floor area less the underground garage (its spaces are charged
    // one by one), unless the estate says what is charged.
    e.areas.chargeable_given = a.contains("chargeable");
    e.areas.chargeable = e.areas.chargeable_given ? get<double>(a, "chargeable", 0)
                                                  : std::max(0.0, e.areas.total - e.areas.underground_garage);
  }
  e.households = get<int>(v, "households", 0);
  if (v.contains("buildings"))
    for (const auto &b : v["buildings"])
      e.buildings.push_back({get<std::string>(b, "name", ""), get<std::string>(b, "type", ""), get<int>(b, "count", 0),
                             get<int>(b, "floors", 0), get<int>(b, "households", 0)});
  if (e.households == 0)
    for (const auto &b : e.buildings) e.households += b.households;
  if (v.contains("equipment")) {
    const json &q = v["equipment"];
    e.equipment.lifts = get<int>(q, "lifts", 0);
    e.equipment.substations = get<int>(q, "substations", 0);
    e.equipment.high_voltage_rooms = get<int>(q, "high_voltage_rooms", 0);
    e.equipment.heat_exchange_stations = get<int>(q, "heat_exchange_stations", 0);
    e.equipment.booster_pump_rooms = get<int>(q, "booster_pump_rooms", 0);
    if (q.contains("control_room")) {
      e.equipment.control_room = get<bool>(q["control_room"], "present", false);
      e.equipment.fire_control_room = e.equipment.control_room && get<bool>(q["control_room"], "fire_control", false);
    }
    e.equipment.access_control = get<bool>(q, "access_control", false);
    e.equipment.cctv_cameras = get<int>(q, "cctv_cameras", 0);
    e.equipment.central_air_conditioning = get<bool>(q, "central_air_conditioning", false);
    e.equipment.high_voltage_single_duty = get<bool>(q, "high_voltage_single_duty", false);
  }
  if (v.contains("pools"))
    for (const auto &x : v["pools"])
      e.pools.push_back(
          {get<std::string>(x, "name", ""), get<double>(x, "water_area", 0), get<std::string>(x, "hours", "")});
  if (v.contains("entrances"))
    for (const auto &x : v["entrances"])
      e.entrances.push_back({get<std::string>(x, "name", ""), get<bool>(x, "pedestrians", true),
                             get<bool>(x, "vehicles", false), get<bool>(x, "staffed", true),
                             get<std::string>(x, "hours", "24h")});
  if (v.contains("parking")) {
    e.parking_garages = get<int>(v["parking"], "garages", 0);
    e.parking_spaces = get<int>(v["parking"], "spaces", 0);
    e.parking_entrances = get<int>(v["parking"], "entrances", 0);
  }
  if (v.contains("security")) e.patrol_zones = get<int>(v["security"], "patrol_zones", 0);
  if (v.contains("outsourced"))
    for (const auto &x : v["outsourced"])
      e.outsourced.push_back({get<std::string>(x, "service", ""), get<std::string>(x, "contractor", ""),
                              get<double>(x, "annual_cost", 0), get<double>(x, "per_m2_month", 0),
                              get<double>(x, "area", 0), get<double>(x, "per_post_month", 0), get<int>(x, "posts", 0),
                              get<std::string>(x, "source", ""), get<std::string>(x, "cost_centre", "owners")});
  if (v.contains("income"))
    for (const auto &x : v["income"])
      e.income.push_back({x.contains("name") ? text_of(x["name"]) : catalog::Text{}, get<double>(x, "annual", 0),
                          get<std::string>(x, "source", "")});
  if (v.contains("special_services"))
    for (const auto &x : v["special_services"])
      e.special_services.push_back({get<std::string>(x, "service", ""), get<int>(x, "owners", 0),
                                    get<double>(x, "owners_per_staff", 0), get<std::string>(x, "hours", ""),
                                    get<bool>(x, "paid", false), get<int>(x, "owners_per_team", 0),
                                    get<int>(x, "team", 0)});
  if (v.contains("staff"))
    for (const auto &x : v["staff"]) {
      Person p;
      p.id = get<std::string>(x, "id", "");
      p.name = get<std::string>(x, "name", "");
      p.role = get<std::string>(x, "role", "");
      if (x.contains("licences"))
        for (const auto &l : x["licences"]) p.licences.push_back(l.get<std::string>());
      p.hours_per_week = get<double>(x, "hours_per_week", 0);
      if (x.contains("unavailable"))
        for (const auto &u : x["unavailable"]) {
          if (u.is_string())
            p.unavailable.push_back({u.get<std::string>(), u.get<std::string>()});
          else
            p.unavailable.push_back({get<std::string>(u, "from", ""), get<std::string>(u, "to", "")});
        }
      e.staff.push_back(std::move(p));
    }
  if (v.contains("units"))
    for (const auto &u : v["units"]) {
      Unit unit{get<std::string>(u, "id", ""),
                text_of(u.value("name", json())),
                text_of(u.value("scope", json())),
                {},
                get<std::string>(u, "cost_centre", "owners")};
      for (const auto &p : u.value("positions", json::array())) {
        Position pos;
        pos.id = get<std::string>(p, "id", "");
        pos.name = text_of(p.value("name", json()));
        pos.headcount = get<int>(p, "headcount", 0);
        pos.supervisor = get<bool>(p, "supervisor", false);
        pos.monthly_wage = get<double>(p, "monthly_wage", 0);
        pos.requirements = requirements_of(p.value("requirements", json()));
        if (p.contains("requirements") && p["requirements"].is_object()) {
          const json &r = p["requirements"];
          pos.licences = texts_of(r.value("licences", json()));
          pos.requirements.other = texts_of(r.value("other", json()));
          if (r.contains("education")) pos.requirements.education = text_of(r["education"]);
        }
        pos.duties = texts_of(p.value("duties", json()));
        unit.positions.push_back(std::move(pos));
      }
      e.units.push_back(std::move(unit));
    }
  if (v.contains("programme") && v["programme"].is_object()) {
    const json &pr = v["programme"];
    e.programme = Programme{text_of(pr.value("name", json())), text_of(pr.value("goal", json())),
                            text_of(pr.value("basis", json())), text_of(pr.value("standard", json()))};
  }
  if (v.contains("programme"))
    for (const auto &p : v["programme"].value("phases", json::array())) {
      Phase ph{get<std::string>(p, "id", ""), text_of(p.value("name", json())), get<std::string>(p, "from", ""),
               get<std::string>(p, "to", ""), texts_of(p.value("tasks", json()))};
      const json o = p.value("overlaps", json());
      if (o.is_string()) ph.overlaps.push_back(o.get<std::string>());
      for (const auto &x : o.is_array() ? o : json::array())
        if (x.is_string()) ph.overlaps.push_back(x.get<std::string>());
      if (p.contains("inspection") && p["inspection"].is_object()) {
        const json &x = p["inspection"];
        PhaseInspection in;
        in.kind = get<std::string>(x, "kind", "inspection");
        in.level = get<std::string>(x, "level", "");
        in.by = text_of(x.value("by", json()));
        ph.inspection = std::move(in);
      }
      e.phases.push_back(std::move(ph));
    }
  for (const auto &x : v.value("services", json::array()))
    e.services.push_back({text_of(x.value("name", json())), get<bool>(x, "paid", false),
                          get<std::string>(x, "provider", ""), text_of(x.value("price", json())),
                          get<bool>(x, "booking", false)});
  for (const auto &x : v.value("security_equipment", json::array())) {
    EquipmentItem item{text_of(x.value("name", json())), std::nullopt, text_of(x.value("notes", json()))};
    if (x.contains("count")) item.count = get<int>(x, "count", 0);
    e.security_equipment.push_back(std::move(item));
  }
  e.rules = texts_of(v.value("rules", json()));
  for (const auto &x : v.value("cleaning_standards", json::array()))
    e.cleaning_standards.push_back({text_of(x.value("item", json())), text_of(x.value("standard", json()))});
  if (v.contains("inspections") && v["inspections"].is_object()) {
    const json &x = v["inspections"];
    Inspections in;
    in.rounds_per_day = get<int>(x, "rounds_per_day", 0);
    for (const auto &t : x.value("times", json::array()))
      if (t.is_string()) in.times.push_back(t.get<std::string>());
    in.checklist = texts_of(x.value("checklist", json()));
    e.inspections = std::move(in);
  }
  e.escalation = texts_of(v.value("escalation", json()));
  e.notes = get<std::string>(v, "notes", "");
  for (const auto &x : v.value("assumptions", json::array()))
    if (x.is_object()) e.assumptions.push_back({get<std::string>(x, "about", ""), text_of(x)});
  for (const auto &x : v.value("processes", json::array()))
    e.processes.push_back(
        {get<std::string>(x, "id", ""), text_of(x.value("name", json())), texts_of(x.value("steps", json()))});
  if (v.contains("surveys") && v["surveys"].is_object())
    e.surveys =
        Surveys{text_of(v["surveys"].value("frequency", json())), text_of(v["surveys"].value("method", json()))};
  if (v.contains("fire_safety") && v["fire_safety"].is_object()) {
    const json &x = v["fire_safety"];
    e.fire_safety = FireSafety{texts_of(x.value("per_floor", json())), text_of(x.value("team", json())),
                               texts_of(x.value("duties", json()))};
  }
  if (v.contains("liability") && v["liability"].is_object())
    e.liability =
        Liability{texts_of(v["liability"].value("borne", json())), texts_of(v["liability"].value("not_borne", json()))};
  e.commitments = texts_of(v.value("commitments", json()));
  for (const auto &x : v.value("groups", json::array())) e.groups.push_back(group_of(x));
  if (v.contains("proposal")) {
    const json &pr = v["proposal"];
    if (pr.contains("client")) e.proposal.client = text_of(pr["client"]);
    if (pr.contains("consultant")) e.proposal.consultant = text_of(pr["consultant"]);
    e.proposal.date = get<std::string>(pr, "date", "");
    e.proposal.version = get<std::string>(pr, "version", "");
  }
  if (v.contains("governance")) {
    const json &g = v["governance"];
    Governance &gv = e.governance;
    gv.present = true;
    gv.company = get<std::string>(g, "company", "");
    auto opt = [&](const char *k) -> std::optional<bool> {
      if (g.contains(k) && g[k].is_boolean()) return g[k].get<bool>();
      return std::nullopt;
    };
    gv.new_estate = opt("new_estate");
    gv.tendered = opt("tendered");
    gv.contract_signed = opt("contract_signed");
    gv.company_licensed = opt("company_licensed");
    gv.manager_certified = opt("manager_certified");
    gv.owners_committee = opt("owners_committee");
    gv.eligible_for_committee = opt("eligible_for_committee");
    if (g.contains("rectification")) {
      gv.has_rectification = true;
      gv.rectification_open = get<int>(g["rectification"], "open", 0);
      gv.rectification_closed = get<int>(g["rectification"], "closed", 0);
    }
    gv.tender_method = get<std::string>(g, "tender_method", "");
    gv.tender_approved = opt("tender_approved");
    gv.covenant_signed = opt("covenant_signed");
    gv.eligible_for_management = opt("eligible_for_management");
    gv.professionally_managed = opt("professionally_managed");
    gv.credit_file = opt("credit_file");
    if (g.contains("repairs")) {
      gv.has_repairs = true;
      gv.repairs_due = get<int>(g["repairs"], "due", 0);
      gv.repairs_on_time = get<int>(g["repairs"], "on_time", 0);
    }
  }
  return e;
}

} // namespace pm::estate
