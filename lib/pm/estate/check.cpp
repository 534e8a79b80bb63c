#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/schema/validator.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <map>

namespace pm::estate {

using i18n::both;
using nlohmann::json;
namespace msg = i18n::msg;

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
    unique_names("/entrances", "name", "duplicate-name", msg::estate_what_entrance);
    unique_names("/outsourced", "service", "duplicate-service", msg::what_outsourced_service);
    unique_names("/special_services", "service", "duplicate-service", msg::estate_what_special_service);
    control_room(v);
    if (const json *pr = get(v, "proposal"))
      if (const json *d = get(*pr, "date"); d && d->is_string()) date("/proposal/date", d->get<std::string>());
  }

private:
  void report(const std::string &pointer, bool at_key, std::string code, const i18n::Text &message,
              diag::Severity sev = diag::Severity::error) {
    yaml::Position p = m_doc.position(pointer, at_key);
    m_doc.diagnostics.push_back(diag::make(m_doc.file, p.line, p.column, sev, std::move(code), message, pointer));
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
        parts += (parts.empty() ? "" : " + ") + std::string("areas.") + k;
      }
      if (*x > *total)
        report(std::string("/areas/") + k, false, "area-exceeds-total",
               both(msg::estate_area_exceeds_total, k, util::group_thousands(*x), t));
    }
    bool any_single = false;
    for (const char *k : {"residential", "commercial", "office", "underground_garage"}) {
      auto x = number(*a, k);
      if (x && *x > *total) any_single = true;
    }
    if (!any_single && sum > *total * (1 + 1e-9))
      report("/areas/total", false, "area-parts-exceed-total",
             both(msg::estate_area_parts_exceed_total, parts, util::group_thousands(sum), t));
  }

  // The most a count may be (schema: definitions/count).
  static constexpr double max_count = 1'000'000;

  void households(const json &v) {
    auto total = number(v, "households");
    const json *b = get(v, "buildings");
    if (!b || !b->is_array()) return;
    double sum = 0;
    for (const auto &g : *b) {
      // A group's households are the group's total, not per building.
      if (auto h = number(g, "households")) sum += *h;
    }
    // Without a total, the buildings' households are the estate's: as many as 'households'
    // may be (a count), or their sum would overflow.
    if (!total && sum > max_count)
      report("/buildings", true, "out-of-range",
             both(msg::estate_households_sum_over, util::group_thousands(sum), util::group_thousands(max_count)));
    if (!total) return;
    if (sum > *total)
      report("/households", false, "households-exceed-total",
             both(msg::estate_households_exceed_total, util::group_thousands(sum), util::group_thousands(*total)));
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
        auto [it, fresh] = ids.emplace(util::fold(id->get<std::string>()), i);
        if (!fresh) {
          yaml::Position first = m_doc.position("/staff/" + std::to_string(it->second) + "/id");
          report(base + "/id", false, "duplicate-id",
                 i18n::both_of(msg::estate_duplicate_id, both(msg::estate_what_staff),
                               util::abbreviate(id->get<std::string>()), std::to_string(first.line)));
        }
      }
      const json *role = get(p, "role");
      const catalog::Role *r = nullptr;
      if (role && role->is_string()) {
        std::string rid = role->get<std::string>();
        r = m_roles.role(rid);
        if (!r) {
          i18n::Text message = both(msg::estate_unknown_role, util::abbreviate(rid));
          if (auto best = util::did_you_mean(rid, role_ids))
            message += both(msg::did_you_mean, *best);
          else
            message += both(msg::estate_role_ids);
          report(base + "/role", false, "unknown-role", message);
        }
      }
      if (r && !r->licence.empty()) {
        bool has = false;
        if (const json *lic = get(p, "licences"); lic && lic->is_array())
          for (const auto &l : *lic) has = has || (l.is_string() && l.get<std::string>() == r->licence);
        if (!has)
          report(base + "/role", false, "missing-licence", both(msg::estate_missing_licence, r->id, r->licence),
                 diag::Severity::warning);
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
                     both(msg::estate_period_reversed, to->get<std::string>(), from->get<std::string>()));
          }
        }
      }
    }
  }

  bool date(const std::string &pointer, const std::string &s) {
    if (s.size() != 10) return false; // the schema reports the form
    if (util::parse_date(s)) return true;
    report(pointer, false, "bad-date",
           i18n::both_of(msg::estate_not_a_date, i18n::Text::same(s), i18n::why_not_a_date(s)));
    return false;
  }

  // `what` is named in English only.
  void unique_names(const std::string &pointer, const char *key, const char *code, const i18n::Message &what) {
    json::json_pointer jp(pointer);
    if (!m_doc.value.contains(jp)) return;
    const json &arr = m_doc.value.at(jp);
    if (!arr.is_array()) return;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const json *n = get(arr[i], key);
      if (!n || !n->is_string()) continue;
      // Compared in NFKC: "é" and "e" + U+0301, "１号门" and "1号门" are one name to a reader.
      auto [it, fresh] = seen.emplace(util::fold(n->get<std::string>()), i);
      if (!fresh) {
        yaml::Position first = m_doc.position(pointer + "/" + std::to_string(it->second) + "/" + key);
        report(pointer + "/" + std::to_string(i) + "/" + key, false, code,
               i18n::both_sides(msg::estate_already_listed, i18n::Text{"", i18n::tr(i18n::Lang::en, what)},
                                util::abbreviate(n->get<std::string>()), std::to_string(first.line)));
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
             both(msg::estate_fire_control_contradiction));
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
