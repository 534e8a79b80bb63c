#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <sstream>

namespace pm::staff {

namespace {
// The services of the estate format (schemas/estate.schema.json), named for explanations.
const std::pair<const char *, catalog::Text> outsourced_services[] = {
    {"lift_maintenance", {"电梯维保", "lift maintenance"}},
    {"river_cleaning", {"河道保洁", "river cleaning"}},
    {"municipal_road_cleaning", {"市政道路保洁", "municipal road cleaning"}},
    {"cleaning", {"保洁", "cleaning"}},
    {"greening", {"绿化", "greening"}},
    {"security", {"安保", "security"}},
    {"fire_system_maintenance", {"消防系统维保", "fire system maintenance"}},
    {"waste_removal", {"垃圾清运", "waste removal"}},
    {"pest_control", {"消杀", "pest control"}}};
const std::pair<const char *, catalog::Text> special_services[] = {{"butler", {"管家", "butler"}},
                                                                   {"concierge", {"礼宾", "concierge"}},
                                                                   {"shuttle", {"班车", "shuttle"}},
                                                                   {"housekeeping", {"家政", "housekeeping"}},
                                                                   {"escort", {"陪同", "escort"}}};

std::vector<QuantityInfo> make() {
  std::vector<QuantityInfo> q = {
      {"area.total", {"管理面积", "m² managed"}, {"m²", "m²"}},
      {"area.chargeable", {"收费面积", "m² chargeable"}, {"m²", "m²"}},
      {"area.residential", {"住宅面积", "m² residential"}, {"m²", "m²"}},
      {"area.commercial", {"商业面积", "m² commercial"}, {"m²", "m²"}},
      {"area.office", {"办公面积", "m² office"}, {"m²", "m²"}},
      {"area.green", {"绿化面积", "m² green"}, {"m²", "m²"}},
      {"area.underground_garage", {"地下车库面积", "m² underground garage"}, {"m²", "m²"}},
      {"area.hard_landscape", {"室外硬质景观面积", "m² hard landscape"}, {"m²", "m²"}},
      {"area.water_features", {"水景面积", "m² water features"}, {"m²", "m²"}},
      {"area.municipal_roads", {"市政道路面积", "m² municipal roads"}, {"m²", "m²"}},
      {"area.river_frontage", {"河道面积", "m² river frontage"}, {"m²", "m²"}},
      {"area.outdoor",
       {"室外公共面积（绿化+硬质景观+水景）", "m² outdoor (green + hard landscape + water)"},
       {"m²", "m²"}},
      {"households", {"户数", "households"}, {"户", ""}},
      {"buildings.all", {"楼栋", "buildings"}, {"栋", ""}},
      {"lifts", {"电梯", "lifts"}, {"部", ""}},
      {"substations", {"变电站", "substations"}, {"座", ""}},
      {"high_voltage_rooms", {"高压配电室", "high-voltage rooms"}, {"间", ""}},
      {"heat_exchange_stations", {"换热站", "heat-exchange stations"}, {"座", ""}},
      {"booster_pump_rooms", {"二次加压泵房", "booster pump rooms"}, {"间", ""}},
      {"cctv_cameras", {"监控摄像头", "CCTV cameras"}, {"个", ""}},
      {"control_room", {"监控室", "control room"}, {"", ""}},
      {"fire_control_room", {"消防控制室", "fire control room"}, {"", ""}},
      {"access_control", {"门禁系统", "access control"}, {"", ""}},
      {"entrances.staffed", {"有人值守的出入口", "staffed entrances"}, {"个", ""}},
      {"entrances.staffed_24h", {"24小时值守的出入口", "entrances staffed round the clock"}, {"个", ""}},
      {"parking.garages", {"车库", "garages"}, {"个", ""}},
      {"parking.spaces", {"车位", "parking spaces"}, {"个", ""}},
      {"parking.entrances", {"车场出入口", "car-park entrances"}, {"个", ""}},
      {"patrol_zones", {"巡逻区域", "patrol zones"}, {"个", ""}},
      {"grade", {"服务等级", "service grade"}, {"级", ""}},
  };
  const std::pair<const char *, catalog::Text> btypes[] = {
      {"high_rise", {"高层楼栋", "high-rise buildings"}},       {"mid_rise", {"小高层楼栋", "mid-rise buildings"}},
      {"multi_storey", {"多层楼栋", "multi-storey buildings"}}, {"villa", {"别墅", "villas"}},
      {"dormitory", {"宿舍楼", "dormitory buildings"}},         {"office", {"办公楼", "office buildings"}}};
  for (const auto &[id, label] : btypes) q.push_back({std::string("buildings.") + id, label, {"栋", ""}});
  for (const auto &[id, name] : outsourced_services)
    q.push_back({std::string("outsourced.") + id, {"外包" + name.zh, name.en + " outsourced"}, {"", ""}});
  for (const auto &[id, name] : special_services) {
    std::string s = std::string("special.") + id;
    q.push_back({s, {"特约服务：" + name.zh, name.en + " service"}, {"", ""}});
    q.push_back({s + ".owners", {"服务业主（" + name.zh + "）", "owners served (" + name.en + ")"}, {"户", ""}});
    q.push_back({s + ".owners_per_staff",
                 {"每人服务业主数（" + name.zh + "）", "owners per staff (" + name.en + ")"},
                 {"户", ""}});
  }
  return q;
}
} // namespace

const std::vector<std::string> &building_types() {
  static const std::vector<std::string> t = {"high_rise", "mid_rise", "multi_storey", "villa", "dormitory", "office"};
  return t;
}

catalog::Text building_type_name(const std::string &type) {
  static const std::pair<const char *, catalog::Text> names[] = {
      {"high_rise", {"高层", "high-rise"}},       {"mid_rise", {"小高层", "mid-rise"}},
      {"multi_storey", {"多层", "multi-storey"}}, {"villa", {"别墅", "villa"}},
      {"dormitory", {"宿舍", "dormitory"}},       {"office", {"办公", "office"}}};
  for (const auto &[id, name] : names)
    if (type == id) return name;
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
  if (n == "buildings.all") {
    int s = 0;
    for (const auto &b : e.buildings) s += b.count;
    return s;
  }
  if (util::starts_with(n, "buildings.")) {
    if (!quantity_info(n)) return std::nullopt;
    return e.buildings_of(n.substr(10));
  }
  if (n == "lifts") return q.lifts;
  if (n == "substations") return q.substations;
  if (n == "high_voltage_rooms") return q.high_voltage_rooms;
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

bool Condition::holds(const estate::Estate &e) const {
  double v = quantity(e, name).value_or(0);
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
    error = "unknown quantity '" + n + "'";
    error_zh = "未知的数量 '" + n + "'";
    if (auto best = util::did_you_mean(n, names)) {
      error += "; did you mean '" + *best + "'?";
      error_zh += "；您是否想写 '" + *best + "'？";
    } else {
      error += "; pm-norms(5) lists the quantities";
      error_zh += "；可用的数量见 pm-norms(5)";
    }
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
  error = "cannot read the condition '" + text + "'; write NAME, 'not NAME' or 'NAME > 0'";
  error_zh = "无法理解条件 '" + text + "'；应写作 NAME、'not NAME' 或 'NAME > 0'";
  return std::nullopt;
}

} // namespace pm::staff
