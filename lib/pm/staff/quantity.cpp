#include <pm/estate/estate.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::staff {

std::optional<double> quantity(const estate::Estate &e, const std::string &n) {
  const auto &a = e.areas;
  const auto &q = e.equipment;
  if (n == "area.total") return a.total;
  if (n == "area.chargeable") return a.chargeable;
  if (n == "area.residential") return a.residential;
  if (n == "area.commercial") return a.commercial;
  if (n == "area.office") return a.office;
  if (n == "area.green") return a.green;
  if (n == "area.underground_garage") return a.underground_garage;
  if (n == "area.hard_landscape") return a.hard_landscape;
  if (n == "area.water_features") return a.water_features;
  if (n == "area.municipal_roads") return a.municipal_roads;
  if (n == "area.river_frontage") return a.river_frontage;
  if (n == "area.outdoor") return a.green + a.hard_landscape + a.water_features;
  if (n == "households") return e.households;
  if (n == "households.given") return e.households > 0 ? 1 : 0;
  if (n == "floors.max") {
    int m = 0;
    for (const auto &b : e.buildings) m = std::max(m, b.floors);
    return m;
  }
  if (util::starts_with(n, "building_floors.")) {
    if (!quantity_info(n)) return std::nullopt;
    std::string type = n.substr(16);
    double s = 0;
    for (const auto &b : e.buildings)
      if (type == "all" || b.type == type)
        s += static_cast<double>(b.count) * (b.floors > 0 ? b.floors : estate::usual_floors(b.type));
    return s;
  }
  if (n == "central_ac") return q.central_air_conditioning ? 1 : 0;
  if (n == "pools") return static_cast<double>(e.pools.size());
  if (n == "pools.water_area") {
    double s = 0;
    for (const auto &p : e.pools) s += p.water_area;
    return s;
  }
  if (n == "buildings.all") {
    double s = 0;
    for (const auto &b : e.buildings) s += b.count;
    return s;
  }
  if (util::starts_with(n, "buildings.")) {
    if (!quantity_info(n)) return std::nullopt;
    return static_cast<double>(e.buildings_of(n.substr(10)));
  }
  if (n == "lifts") return q.lifts;
  if (n == "substations") return q.substations;
  if (n == "high_voltage_rooms") return q.high_voltage_rooms;
  if (n == "high_voltage_single_duty") return q.high_voltage_single_duty ? 1 : 0;
  if (n == "heat_exchange_stations") return q.heat_exchange_stations;
  if (n == "booster_pump_rooms") return q.booster_pump_rooms;
  if (n == "cctv_cameras") return q.cctv_cameras;
  if (n == "control_room") return q.control_room ? 1 : 0;
  if (n == "fire_control_room") return q.fire_control_room ? 1 : 0;
  if (n == "access_control") return q.access_control ? 1 : 0;
  if (n == "entrances.staffed" || n == "entrances.staffed_24h") {
    int c = 0;
    for (const auto &x : e.entrances)
      if (x.staffed && (n == "entrances.staffed" || x.hours == "24h")) ++c;
    return c;
  }
  if (n == "parking.garages") return e.parking_garages;
  if (n == "parking.spaces") return e.parking_spaces;
  if (n == "parking.entrances") return e.parking_entrances;
  if (n == "patrol_zones") return e.patrol_zones;
  if (n == "grade") return e.grade;
  if (util::starts_with(n, "type.")) {
    if (!quantity_info(n)) return std::nullopt;
    return e.type == n.substr(5) ? 1 : 0;
  }
  if (util::starts_with(n, "outsourced.")) {
    if (!quantity_info(n)) return std::nullopt;
    return e.is_outsourced(n.substr(11)) ? 1 : 0;
  }
  if (util::starts_with(n, "special.")) {
    if (!quantity_info(n)) return std::nullopt;
    std::string rest = n.substr(8);
    std::string svc = rest.substr(0, rest.find('.'));
    std::string field = rest.find('.') == std::string::npos ? "" : rest.substr(rest.find('.') + 1);
    for (const auto &s : e.special_services)
      if (s.service == svc) {
        if (field.empty()) return 1;
        if (field == "owners") return s.owners;
        if (field == "owners_per_staff") return s.owners_per_staff;
      }
    return 0;
  }
  return std::nullopt;
}

bool holds(const Condition &c, const estate::Estate &e) {
  double v = quantity(e, c.name).value_or(0);
  const std::string &op = c.op;
  const double value = c.value;
  if (op.empty()) return v != 0;
  if (op == "not") return v == 0;
  if (op == ">") return v > value;
  if (op == ">=") return v >= value;
  if (op == "<") return v < value;
  if (op == "<=") return v <= value;
  if (op == "==") return v == value;
  if (op == "!=") return v != value;
  return false;
}

bool applies(const catalog::AppliesTo &a, const estate::Estate &e) {
  if (!a.equipment.empty()) {
    bool any = false;
    for (const auto &q : a.equipment) any = any || quantity(e, q).value_or(0) != 0;
    if (!any) return false;
  }
  for (const auto &text : a.when) {
    std::string en, zh;
    // The loaders checked every condition, so a failed parse here means "does not hold".
    auto c = parse_condition(text, en, zh);
    if (!c || !holds(*c, e)) return false;
  }
  return true;
}

} // namespace pm::staff
