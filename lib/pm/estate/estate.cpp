#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/util/file.hpp>

namespace pm::estate {

using nlohmann::json;

bool Estate::is_outsourced(const std::string& service) const {
  for (const auto& o : outsourced) if (o.service == service) return true;
  return false;
}

int Estate::buildings_of(const std::string& t) const {
  int n = 0;
  for (const auto& b : buildings) if (b.type == t) n += b.count;
  return n;
}

namespace {
template <typename T> T get(const json& o, const char* key, T def) {
  if (!o.is_object()) return def;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return def;
  return it->get<T>();
}
} // namespace

Estate from_document(const yaml::Document& doc) {
  const json& v = doc.value;
  Estate e;
  e.file = doc.file;
  e.raw = v;
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
    const json& a = v["areas"];
    e.areas.total = get<double>(a, "total", 0);
    e.areas.chargeable = get<double>(a, "chargeable", e.areas.total);
    e.areas.residential = get<double>(a, "residential", 0);
    e.areas.commercial = get<double>(a, "commercial", 0);
    e.areas.office = get<double>(a, "office", 0);
    e.areas.green = get<double>(a, "green", 0);
    e.areas.underground_garage = get<double>(a, "underground_garage", 0);
    e.areas.hard_landscape = get<double>(a, "hard_landscape", 0);
    e.areas.water_features = get<double>(a, "water_features", 0);
    e.areas.municipal_roads = get<double>(a, "municipal_roads", 0);
    e.areas.river_frontage = get<double>(a, "river_frontage", 0);
  }
  e.households = get<int>(v, "households", 0);
  if (v.contains("buildings"))
    for (const auto& b : v["buildings"])
      e.buildings.push_back({get<std::string>(b, "name", ""), get<std::string>(b, "type", ""), get<int>(b, "count", 0),
                             get<int>(b, "floors", 0), get<int>(b, "households", 0)});
  if (e.households == 0)
    for (const auto& b : e.buildings) e.households += b.households;
  if (v.contains("equipment")) {
    const json& q = v["equipment"];
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
  }
  if (v.contains("entrances"))
    for (const auto& x : v["entrances"])
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
    for (const auto& x : v["outsourced"])
      e.outsourced.push_back({get<std::string>(x, "service", ""), get<std::string>(x, "contractor", ""),
                              get<double>(x, "annual_cost", 0)});
  if (v.contains("special_services"))
    for (const auto& x : v["special_services"])
      e.special_services.push_back({get<std::string>(x, "service", ""), get<int>(x, "owners", 0),
                                    get<double>(x, "owners_per_staff", 0), get<std::string>(x, "hours", ""),
                                    get<bool>(x, "paid", false)});
  if (v.contains("staff"))
    for (const auto& x : v["staff"]) {
      Person p;
      p.id = get<std::string>(x, "id", "");
      p.name = get<std::string>(x, "name", "");
      p.role = get<std::string>(x, "role", "");
      if (x.contains("licences"))
        for (const auto& l : x["licences"]) p.licences.push_back(l.get<std::string>());
      p.hours_per_week = get<double>(x, "hours_per_week", 0);
      if (x.contains("unavailable"))
        for (const auto& u : x["unavailable"]) {
          if (u.is_string()) p.unavailable.push_back({u.get<std::string>(), u.get<std::string>()});
          else p.unavailable.push_back({get<std::string>(u, "from", ""), get<std::string>(u, "to", "")});
        }
      e.staff.push_back(std::move(p));
    }
  return e;
}

Loaded load(const std::string& path) {
  Loaded out;
  std::string name = path == "-" ? "<stdin>" : path;
  auto text = util::read_file(path, 16u << 20);
  if (!text) {
    out.diagnostics.push_back({name, 0, 0, diag::Severity::error, "io", text.error().en, text.error().zh, ""});
    out.io_error = true;
    return out;
  }
  yaml::Document doc = load_and_check(*text, name, catalog::builtin());
  out.diagnostics = doc.diagnostics;
  if (!doc.ok || diag::has_errors(doc.diagnostics)) return out;
  out.estate = from_document(doc);
  return out;
}

} // namespace pm::estate
