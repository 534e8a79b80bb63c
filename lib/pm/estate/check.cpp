#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/schema/validator.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <map>

namespace pm::estate {

using nlohmann::json;

namespace {

class Checker {
public:
  Checker(yaml::Document &doc, const catalog::Catalogue &roles) : m_doc(doc), m_roles(roles) {}

  void run() {
    const json &v = m_doc.value;
    if (!v.is_object()) return;
    areas(v);
    households(v);
    staff(v);
    unique_names("/entrances", "name", "duplicate-name", "entrance");
    unique_names("/outsourced", "service", "duplicate-service", "outsourced service");
    unique_names("/special_services", "service", "duplicate-service", "special service");
    control_room(v);
  }

private:
  void report(const std::string &pointer, bool at_key, std::string code, std::string en, std::string zh,
              diag::Severity sev = diag::Severity::error) {
    yaml::Position p = m_doc.position(pointer, at_key);
    m_doc.diagnostics.push_back(
        {m_doc.file, p.line, p.column, sev, std::move(code), std::move(en), std::move(zh), pointer});
  }

  static const json *get(const json &obj, const char *key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }
  static std::optional<double> number(const json &obj, const char *key) {
    const json *n = get(obj, key);
    if (n && n->is_number()) return n->get<double>();
    return std::nullopt;
  }

  void areas(const json &v) {
    const json *a = get(v, "areas");
    if (!a || !a->is_object()) return;
    auto total = number(*a, "total");
    if (!total) return;
    std::string t = util::group_thousands(*total);
    // Floor-area parts of the total; green and other site areas are not floor area.
    double sum = 0;
    std::string parts;
    for (const char *k : {"residential", "commercial", "office", "underground_garage", "chargeable"}) {
      auto x = number(*a, k);
      if (!x) continue;
      if (std::string(k) != "chargeable") {
        sum += *x;
        parts += (parts.empty() ? "" : " + ") + std::string(k);
      }
      if (*x > *total)
        report(std::string("/areas/") + k, false, "area-exceeds-total",
               std::string("areas.") + k + " (" + util::group_thousands(*x) + " m²) exceeds areas.total (" + t + " m²)",
               std::string("areas.") + k + "（" + util::group_thousands(*x) + " m²）大于总面积 areas.total（" + t +
                   " m²）");
    }
    bool any_single = false;
    for (const char *k : {"residential", "commercial", "office", "underground_garage"}) {
      auto x = number(*a, k);
      if (x && *x > *total) any_single = true;
    }
    if (!any_single && sum > *total * (1 + 1e-9))
      report("/areas/total", false, "area-parts-exceed-total",
             parts + " = " + util::group_thousands(sum) + " m², more than areas.total (" + t + " m²)",
             parts + " 合计 " + util::group_thousands(sum) + " m²，大于总面积 areas.total（" + t + " m²）");
  }

  void households(const json &v) {
    auto total = number(v, "households");
    const json *b = get(v, "buildings");
    if (!total || !b || !b->is_array()) return;
    double sum = 0;
    for (const auto &g : *b) {
      // A group's households are the group's total, not per building.
      if (auto h = number(g, "households")) sum += *h;
    }
    if (sum > *total)
      report("/households", false, "households-exceed-total",
             "the building groups hold " + util::group_thousands(sum) + " households, more than households (" +
                 util::group_thousands(*total) + ")",
             "各楼栋组合计 " + util::group_thousands(sum) + " 户，多于总户数 households（" +
                 util::group_thousands(*total) + "）");
  }

  void staff(const json &v) {
    const json *s = get(v, "staff");
    if (!s || !s->is_array()) return;
    std::map<std::string, std::size_t> ids;
    auto role_ids = m_roles.role_ids();
    for (std::size_t i = 0; i < s->size(); ++i) {
      const json &p = (*s)[i];
      std::string base = "/staff/" + std::to_string(i);
      if (const json *id = get(p, "id"); id && id->is_string()) {
        auto [it, fresh] = ids.emplace(id->get<std::string>(), i);
        if (!fresh) {
          yaml::Position first = m_doc.position("/staff/" + std::to_string(it->second) + "/id");
          report(base + "/id", false, "duplicate-id",
                 "staff id '" + util::abbreviate(it->first) + "' is already used at line " + std::to_string(first.line),
                 "员工编号 '" + util::abbreviate(it->first) + "' 已在第 " + std::to_string(first.line) + " 行使用");
        }
      }
      const json *role = get(p, "role");
      const catalog::Role *r = nullptr;
      if (role && role->is_string()) {
        std::string rid = role->get<std::string>();
        r = m_roles.role(rid);
        if (!r) {
          std::string en = "unknown role '" + util::abbreviate(rid) + "'";
          std::string zh = "未知的岗位 '" + util::abbreviate(rid) + "'";
          if (auto best = util::did_you_mean(rid, role_ids)) {
            en += "; did you mean '" + *best + "'?";
            zh += "；您是否想写 '" + *best + "'？";
          } else {
            en += "; see pm-estate(5) for the role ids";
            zh += "；岗位编号见 pm-estate(5)";
          }
          report(base + "/role", false, "unknown-role", en, zh);
        }
      }
      if (r && !r->licence.empty()) {
        bool has = false;
        if (const json *lic = get(p, "licences"); lic && lic->is_array())
          for (const auto &l : *lic) has = has || (l.is_string() && l.get<std::string>() == r->licence);
        if (!has)
          report(base + "/role", false, "missing-licence",
                 "role '" + r->id + "' needs the licence '" + r->licence + "', which this person does not list",
                 "岗位 '" + r->id + "' 需要证书 '" + r->licence + "'，此人未列出", diag::Severity::warning);
      }
      if (const json *un = get(p, "unavailable"); un && un->is_array()) {
        for (std::size_t k = 0; k < un->size(); ++k) {
          const json &u = (*un)[k];
          std::string up = base + "/unavailable/" + std::to_string(k);
          if (u.is_string())
            date(up, u.get<std::string>());
          else if (u.is_object()) {
            const json *from = get(u, "from");
            const json *to = get(u, "to");
            bool ok_from = from && from->is_string() && date(up + "/from", from->get<std::string>());
            bool ok_to = to && to->is_string() && date(up + "/to", to->get<std::string>());
            if (ok_from && ok_to && from->get<std::string>() > to->get<std::string>())
              report(up + "/to", false, "reversed-range",
                     "the period ends (" + to->get<std::string>() + ") before it starts (" + from->get<std::string>() +
                         ")",
                     "时段的结束日期（" + to->get<std::string>() + "）早于开始日期（" + from->get<std::string>() +
                         "）");
          }
        }
      }
    }
  }

  bool date(const std::string &pointer, const std::string &s) {
    if (s.size() != 10) return false; // the schema reports the form
    if (util::parse_date(s)) return true;
    report(pointer, false, "bad-date", "'" + s + "' is not a date in the calendar", "'" + s + "' 不是日历上的日期");
    return false;
  }

  void unique_names(const std::string &pointer, const char *key, const char *code, const std::string &what) {
    json::json_pointer jp(pointer);
    if (!m_doc.value.contains(jp)) return;
    const json &arr = m_doc.value.at(jp);
    if (!arr.is_array()) return;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const json *n = get(arr[i], key);
      if (!n || !n->is_string()) continue;
      auto [it, fresh] = seen.emplace(n->get<std::string>(), i);
      if (!fresh) {
        yaml::Position first = m_doc.position(pointer + "/" + std::to_string(it->second) + "/" + key);
        report(pointer + "/" + std::to_string(i) + "/" + key, false, code,
               what + " '" + util::abbreviate(it->first) + "' is already listed at line " + std::to_string(first.line),
               "'" + util::abbreviate(it->first) + "' 已在第 " + std::to_string(first.line) + " 行列出");
      }
    }
  }

  void control_room(const json &v) {
    const json *e = get(v, "equipment");
    if (!e) return;
    const json *cr = get(*e, "control_room");
    if (!cr || !cr->is_object()) return;
    const json *present = get(*cr, "present");
    const json *fire = get(*cr, "fire_control");
    if (present && fire && present->is_boolean() && fire->is_boolean() && !present->get<bool>() && fire->get<bool>())
      report("/equipment/control_room/fire_control", false, "contradiction",
             "control_room.fire_control is true but control_room.present is false",
             "control_room.fire_control 为 true，但 control_room.present 为 false");
  }

  yaml::Document &m_doc;
  const catalog::Catalogue &m_roles;
};

} // namespace

void check_semantics(yaml::Document &doc, const catalog::Catalogue &roles) { Checker(doc, roles).run(); }

namespace {

void check_document(yaml::Document &doc, const catalog::Catalogue &roles) {
  schema::embedded("estate").validate(doc);
  // Staff may hold the estate's own positions as roles. Without units the catalogue is the
  // one given: copying it for every file of a directory cost pm validate a few percent.
  const auto units = doc.value.find("units");
  if (units != doc.value.end() && units->is_array())
    check_semantics(doc, roles_for(doc.value, roles));
  else
    check_semantics(doc, roles);
  check_sections(doc, roles);
  diag::sort(doc.diagnostics);
}

} // namespace

void check(yaml::Document &doc, const catalog::Catalogue &roles) { check_document(doc, roles); }

yaml::Document load_and_check(std::string_view text, std::string file, const catalog::Catalogue &roles) {
  return yaml::parse_and_check(text, std::move(file), [&](yaml::Document &doc) { check_document(doc, roles); });
}

} // namespace pm::estate
