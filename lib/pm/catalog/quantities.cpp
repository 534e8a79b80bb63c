#include <pm/catalog/quantities.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <sstream>

namespace pm::catalog {

namespace {

using i18n::both;
namespace msg = i18n::msg;

struct Named {
  const char *id;
  const i18n::Message &name;
};

// The services of the estate format (schemas/estate.schema.json), named for explanations.
const Named outsourced_services[] = {{"lift_maintenance", msg::svc_lift_maintenance},
                                     {"river_cleaning", msg::svc_river_cleaning},
                                     {"municipal_road_cleaning", msg::svc_municipal_road_cleaning},
                                     {"cleaning", msg::svc_cleaning},
                                     {"greening", msg::svc_greening},
                                     {"security", msg::svc_security},
                                     {"fire_system_maintenance", msg::svc_fire_system_maintenance},
                                     {"waste_removal", msg::svc_waste_removal},
                                     {"pest_control", msg::svc_pest_control},
                                     {"water_tank_cleaning", msg::svc_water_tank_cleaning}};
const Named special_services[] = {{"butler", msg::svc_butler},   {"concierge", msg::svc_concierge},
                                  {"shuttle", msg::svc_shuttle}, {"housekeeping", msg::svc_housekeeping},
                                  {"escort", msg::svc_escort},   {"utility_duty", msg::svc_utility_duty}};

// Units: Chinese counts with a measure word (9栋), English says the unit in the label.
const Text m2 = {"m²", "m²"}, none = {"", ""};
Text measure(const i18n::Message &word) { return {word.zh, ""}; }

std::vector<QuantityInfo> make() {
  std::vector<QuantityInfo> q = {
      {"area.total", both(msg::staff_q_area_total), m2},
      {"area.chargeable", both(msg::staff_q_area_chargeable), m2},
      {"area.residential", both(msg::staff_q_area_residential), m2},
      {"area.commercial", both(msg::staff_q_area_commercial), m2},
      {"area.office", both(msg::staff_q_area_office), m2},
      {"area.green", both(msg::staff_q_area_green), m2},
      {"area.underground_garage", both(msg::staff_q_area_underground_garage), m2},
      {"area.hard_landscape", both(msg::staff_q_area_hard_landscape), m2},
      {"area.water_features", both(msg::staff_q_area_water_features), m2},
      {"area.municipal_roads", both(msg::staff_q_area_municipal_roads), m2},
      {"area.river_frontage", both(msg::staff_q_area_river_frontage), m2},
      {"area.outdoor", both(msg::staff_q_area_outdoor), m2},
      {"households", both(msg::staff_q_households), measure(msg::catalog_measure_households)},
      {"buildings.all", both(msg::staff_q_buildings_all), measure(msg::catalog_measure_buildings)},
      {"households.given", both(msg::staff_q_households_given), none},
      {"floors.max", both(msg::staff_q_floors_max), measure(msg::catalog_measure_floors)},
      {"building_floors.all", both(msg::staff_q_building_floors_all), measure(msg::catalog_measure_floors)},
      {"lifts", both(msg::staff_q_lifts), measure(msg::catalog_measure_lifts)},
      {"central_ac", both(msg::staff_q_central_ac), none},
      {"pools", both(msg::staff_q_pools), measure(msg::catalog_measure_items)},
      {"pools.water_area", both(msg::staff_q_pools_water_area), m2},
      {"substations", both(msg::staff_q_substations), measure(msg::catalog_measure_stations)},
      {"high_voltage_rooms", both(msg::staff_q_high_voltage_rooms), measure(msg::catalog_measure_rooms)},
      {"high_voltage_single_duty", both(msg::staff_q_high_voltage_single_duty), none},
      {"heat_exchange_stations", both(msg::staff_q_heat_exchange_stations), measure(msg::catalog_measure_stations)},
      {"booster_pump_rooms", both(msg::staff_q_booster_pump_rooms), measure(msg::catalog_measure_rooms)},
      {"cctv_cameras", both(msg::staff_q_cctv_cameras), measure(msg::catalog_measure_items)},
      {"control_room", both(msg::staff_q_control_room), none},
      {"fire_control_room", both(msg::staff_q_fire_control_room), none},
      {"access_control", both(msg::staff_q_access_control), none},
      {"entrances.staffed", both(msg::staff_q_entrances_staffed), measure(msg::catalog_measure_items)},
      {"entrances.staffed_24h", both(msg::staff_q_entrances_staffed_24h), measure(msg::catalog_measure_items)},
      {"parking.garages", both(msg::staff_q_parking_garages), measure(msg::catalog_measure_items)},
      {"parking.spaces", both(msg::staff_q_parking_spaces), measure(msg::catalog_measure_items)},
      {"parking.entrances", both(msg::staff_q_parking_entrances), measure(msg::catalog_measure_items)},
      {"patrol_zones", both(msg::staff_q_patrol_zones), measure(msg::catalog_measure_items)},
      {"grade", both(msg::staff_q_grade), measure(msg::catalog_measure_grade)},
  };
  const Named btypes[] = {
      {"high_rise", msg::staff_q_buildings_high_rise},       {"mid_rise", msg::staff_q_buildings_mid_rise},
      {"multi_storey", msg::staff_q_buildings_multi_storey}, {"villa", msg::staff_q_buildings_villa},
      {"dormitory", msg::staff_q_buildings_dormitory},       {"office", msg::staff_q_buildings_office}};
  for (const auto &[id, label] : btypes) {
    q.push_back({std::string("buildings.") + id, both(label), measure(msg::catalog_measure_buildings)});
    q.push_back({std::string("building_floors.") + id,
                 i18n::both_of(msg::staff_q_building_floors, building_type_name(id)),
                 measure(msg::catalog_measure_floors)});
  }
  for (const auto &type : estate_types())
    q.push_back({"type." + type, i18n::both_of(msg::staff_q_type, estate_type_name(type)), none});
  for (const auto &[id, name] : outsourced_services)
    q.push_back({std::string("outsourced.") + id, i18n::both_of(msg::staff_q_outsourced, both(name)), none});
  for (const auto &[id, name] : special_services) {
    std::string s = std::string("special.") + id;
    q.push_back({s, i18n::both_of(msg::staff_q_special, both(name)), none});
    q.push_back({s + ".owners", i18n::both_of(msg::staff_q_special_owners, both(name)),
                 measure(msg::catalog_measure_households)});
    q.push_back({s + ".owners_per_staff", i18n::both_of(msg::staff_q_special_owners_per_staff, both(name)),
                 measure(msg::catalog_measure_households)});
  }
  return q;
}
} // namespace

const std::vector<std::string> &building_types() {
  static const std::vector<std::string> t = {"high_rise", "mid_rise", "multi_storey", "villa", "dormitory", "office"};
  return t;
}

Text building_type_name(const std::string &type) {
  static const Named names[] = {{"high_rise", msg::staff_bt_high_rise},       {"mid_rise", msg::staff_bt_mid_rise},
                                {"multi_storey", msg::staff_bt_multi_storey}, {"villa", msg::staff_bt_villa},
                                {"dormitory", msg::staff_bt_dormitory},       {"office", msg::staff_bt_office}};
  for (const auto &[id, name] : names)
    if (type == id) return both(name);
  return {type, type};
}

Text service_name(const std::string &id) {
  for (const auto &[sid, name] : outsourced_services)
    if (id == sid) return both(name);
  for (const auto &[sid, name] : special_services)
    if (id == sid) return both(name);
  return {id, id};
}

const std::vector<std::string> &estate_types() {
  static const std::vector<std::string> t = {"residential",      "villa",       "mixed_use",      "office",
                                             "campus_dormitory", "institution", "industrial_park"};
  return t;
}

Text estate_type_name(const std::string &type) {
  static const Named names[] = {{"residential", msg::type_residential},
                                {"villa", msg::type_villa},
                                {"mixed_use", msg::type_mixed_use},
                                {"office", msg::type_office},
                                {"campus_dormitory", msg::type_campus_dormitory},
                                {"institution", msg::type_institution},
                                {"industrial_park", msg::type_industrial_park}};
  for (const auto &[id, name] : names)
    if (type == id) return both(name);
  return {type, type};
}

const std::vector<QuantityInfo> &quantities() {
  static const std::vector<QuantityInfo> q = make();
  return q;
}

const QuantityInfo *quantity_info(const std::string &name) {
  for (const auto &q : quantities())
    if (q.name == name) return &q;
  return nullptr;
}

std::optional<Condition> parse_condition(const std::string &text, std::string &error, std::string &error_zh) {
  // Operators need no spaces around them: "lifts>0" reads as "lifts > 0".
  std::string spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool op = c == '<' || c == '>' || c == '=' || c == '!';
    bool prev_op = i > 0 && (text[i - 1] == '<' || text[i - 1] == '>' || text[i - 1] == '=' || text[i - 1] == '!');
    if (op && !prev_op) spaced += ' ';
    if (!op && prev_op) spaced += ' ';
    spaced += c;
  }
  std::istringstream in(spaced);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  Condition c;
  c.text = text;
  auto check_name = [&](const std::string &n) {
    if (quantity_info(n)) return true;
    std::vector<std::string> names;
    for (const auto &q : quantities()) names.push_back(q.name);
    i18n::Text message = i18n::both_of(msg::toml_unknown, both(msg::what_quantity), n);
    if (auto best = util::did_you_mean(n, names))
      message += both(msg::did_you_mean, *best);
    else
      message += i18n::both_of(msg::toml_otherwise, both(msg::norms_quantities_listed));
    error = message.en;
    error_zh = message.zh;
    return false;
  };
  if (words.size() == 1) {
    c.name = words[0];
    return check_name(c.name) ? std::optional<Condition>(c) : std::nullopt;
  }
  if (words.size() == 2 && words[0] == "not") {
    c.name = words[1];
    c.op = "not";
    return check_name(c.name) ? std::optional<Condition>(c) : std::nullopt;
  }
  if (words.size() == 3) {
    static const char *ops[] = {">", ">=", "<", "<=", "==", "!="};
    bool ok = false;
    for (const char *o : ops) ok = ok || words[1] == o;
    char *end = nullptr;
    double v = std::strtod(words[2].c_str(), &end);
    if (ok && end && *end == '\0' && std::isfinite(v)) {
      c.name = words[0];
      c.op = words[1];
      c.value = v;
      return check_name(c.name) ? std::optional<Condition>(c) : std::nullopt;
    }
  }
  i18n::Text message = both(msg::staff_bad_condition, text);
  error = message.en;
  error_zh = message.zh;
  return std::nullopt;
}

} // namespace pm::catalog
