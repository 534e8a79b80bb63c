// Semantic rules for the sections that describe organisations and programmes.

#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>
#include <pm/yaml/document.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace pm::estate {

using i18n::both;
using nlohmann::json;
namespace msg = i18n::msg;

namespace {

void report(yaml::Document &doc, const std::string &pointer, std::string code, const i18n::Text &message,
            diag::Severity severity = diag::Severity::error) {
  yaml::Position p = doc.position(pointer);
  doc.diagnostics.push_back(diag::make(doc.file, p.line, p.column, severity, std::move(code), message, pointer));
}

const json *at(const json &root, const std::string &pointer) {
  json::json_pointer jp(pointer);
  return root.contains(jp) ? &root.at(jp) : nullptr;
}

std::string str(const json &o, const char *key) {
  if (!o.is_object() || !o.contains(key) || !o[key].is_string()) return "";
  return o[key].get<std::string>();
}

void unique_ids(yaml::Document &doc, const std::string &pointer, const i18n::Message &what,
                std::map<std::string, std::string> &seen) {
  const json *arr = at(doc.value, pointer);
  if (!arr || !arr->is_array()) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    std::string id = str((*arr)[i], "id");
    if (id.empty()) continue;
    std::string here = pointer + "/" + std::to_string(i) + "/id";
    auto [it, fresh] = seen.emplace(util::fold(id), here); // in NFKC, as names are (util::fold)
    if (!fresh)
      report(doc, here, "duplicate-id",
             i18n::both_of(msg::estate_duplicate_id, both(what), id, std::to_string(doc.position(it->second).line)));
  }
}

} // namespace

void check_phases(yaml::Document &doc, const std::string &pointer) {
  const json *arr = at(doc.value, pointer);
  if (!arr || !arr->is_array()) return;
  std::map<std::string, std::string> ids;
  unique_ids(doc, pointer, msg::estate_what_phase, ids);
  struct P {
    std::string from, to, id;
    std::size_t index;
    int first = 0, last = 0;
  };
  std::vector<P> ok;
  // The overlaps a file declares (`overlaps`, on either phase): ids in either order.
  std::set<std::pair<std::string, std::string>> declared;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const json &p = (*arr)[i];
    std::string base = pointer + "/" + std::to_string(i);
    if (p.is_object() && p.contains("overlaps")) {
      const json &o = p["overlaps"];
      std::vector<std::pair<std::string, std::string>> named; // id, its pointer
      if (o.is_string()) named.emplace_back(o.get<std::string>(), base + "/overlaps");
      if (o.is_array())
        for (std::size_t k = 0; k < o.size(); ++k)
          if (o[k].is_string()) named.emplace_back(o[k].get<std::string>(), base + "/overlaps/" + std::to_string(k));
      for (const auto &[other, where] : named) {
        if (!ids.count(other))
          report(doc, where, "unknown-phase", both(msg::estate_unknown_phase, str(p, "id"), other));
        declared.insert({str(p, "id"), other});
        declared.insert({other, str(p, "id")});
      }
    }
    std::string from = str(p, "from"), to = str(p, "to");
    auto first = util::parse_date(from), last = util::parse_date(to);
    if (!first && from.size() == 10)
      report(doc, base + "/from", "bad-date",
             i18n::both_of(msg::estate_not_a_date, i18n::Text::same(from), i18n::why_not_a_date(from)));
    if (!last && to.size() == 10)
      report(doc, base + "/to", "bad-date",
             i18n::both_of(msg::estate_not_a_date, i18n::Text::same(to), i18n::why_not_a_date(to)));
    if (!first || !last) continue;
    if (*first > *last) {
      report(doc, base + "/to", "reversed-range", both(msg::estate_phase_reversed, str(p, "id"), to, from));
      continue;
    }
    ok.push_back({from, to, str(p, "id"), i, *first, *last});
  }
  // Phases may overlap when the file says so; an overlap it does not declare is likely a slip
  // (a warning). Each later-starting phase is told against every earlier one it overlaps.
  std::stable_sort(ok.begin(), ok.end(), [](const P &a, const P &b) { return a.first < b.first; });
  for (std::size_t i = 1; i < ok.size(); ++i)
    for (std::size_t k = 0; k < i; ++k) {
      if (ok[i].first > ok[k].last || declared.count({ok[i].id, ok[k].id})) continue;
      int days = std::min(ok[i].last, ok[k].last) - ok[i].first + 1;
      report(doc, pointer + "/" + std::to_string(ok[i].index) + "/from", "overlapping-phases",
             i18n::both_of(msg::estate_phases_overlap, ok[i].id, ok[i].from, ok[k].id, ok[k].to,
                           both(days == 1 ? msg::phase_days_one : msg::phase_days, days)),
             diag::Severity::warning);
    }
}

void check_sections(yaml::Document &doc, const catalog::Catalogue &base) {
  const json &v = doc.value;
  if (!v.is_object()) return;
  check_phases(doc, "/programme/phases");

  // Groups: unique ids, parents that exist, no group its own ancestor.
  std::map<std::string, std::string> group_ids;
  unique_ids(doc, "/groups", msg::estate_what_group, group_ids);
  if (const json *groups = at(v, "/groups"); groups && groups->is_array()) {
    std::map<std::string, std::string> parent;
    for (std::size_t i = 0; i < groups->size(); ++i) {
      std::string id = str((*groups)[i], "id"), par = str((*groups)[i], "parent");
      if (par.empty()) continue;
      if (!group_ids.count(par))
        report(doc, "/groups/" + std::to_string(i) + "/parent", "unknown-group",
               both(msg::estate_unknown_parent_group, id, par));
      else
        parent[id] = par;
    }
    for (std::size_t i = 0; i < groups->size(); ++i) {
      std::string id = str((*groups)[i], "id");
      std::set<std::string> seen{id};
      for (std::string cur = id; parent.count(cur);) {
        cur = parent[cur];
        if (!seen.insert(cur).second) {
          report(doc, "/groups/" + std::to_string(i) + "/parent", "group-cycle", both(msg::estate_group_cycle, id));
          break;
        }
      }
    }
  }

  // Units and positions: unique, and positions must not shadow catalogue roles.
  std::map<std::string, std::string> unit_ids, position_ids;
  unique_ids(doc, "/units", msg::estate_what_unit, unit_ids);
  if (const json *units = at(v, "/units"); units && units->is_array())
    for (std::size_t i = 0; i < units->size(); ++i) {
      std::string up = "/units/" + std::to_string(i);
      std::string uid = str((*units)[i], "id");
      if (!uid.empty() && base.department(uid))
        report(doc, up + "/id", "role-conflict", both(msg::estate_unit_is_department, uid));
      unique_ids(doc, up + "/positions", msg::estate_what_position, position_ids);
      if (const json *ps = at(v, up + "/positions"); ps && ps->is_array())
        for (std::size_t k = 0; k < ps->size(); ++k) {
          std::string pid = str((*ps)[k], "id");
          if (!pid.empty() && base.role(pid))
            report(doc, up + "/positions/" + std::to_string(k) + "/id", "role-conflict",
                   both(msg::estate_position_is_role, pid));
        }
    }

  // Inspection times, when given, are one per round.
  if (const json *ins = at(v, "/inspections"); ins && ins->is_object()) {
    const json *times = ins->contains("times") ? &(*ins)["times"] : nullptr;
    const json *rounds = ins->contains("rounds_per_day") ? &(*ins)["rounds_per_day"] : nullptr;
    if (times && rounds && times->is_array() && rounds->is_number_integer() &&
        static_cast<long long>(times->size()) != rounds->get<long long>())
      report(
          doc, "/inspections/times", "inspection-times",
          both(msg::estate_inspection_times, std::to_string(times->size()), std::to_string(rounds->get<long long>())));
  }

  // Rectification and committee facts that contradict each other.
  if (const json *g = at(v, "/governance"); g && g->is_object()) {
    auto flag = [&](const char *k) {
      return g->contains(k) && (*g)[k].is_boolean() ? std::optional<bool>((*g)[k].get<bool>()) : std::nullopt;
    };
    if (flag("owners_committee") == true && flag("eligible_for_committee") == false)
      report(doc, "/governance/owners_committee", "contradiction", both(msg::estate_committee_contradiction));
    if (flag("tendered") == false && g->contains("tender_method"))
      report(doc, "/governance/tender_method", "contradiction", both(msg::estate_tender_contradiction));
    if (const json *r = at(v, "/governance/repairs"); r && r->is_object()) {
      const json *due = at(v, "/governance/repairs/due"), *on_time = at(v, "/governance/repairs/on_time");
      if (due && on_time && due->is_number_integer() && on_time->is_number_integer() &&
          on_time->get<long long>() > due->get<long long>())
        report(doc, "/governance/repairs/on_time", "contradiction",
               both(msg::estate_repairs_contradiction, std::to_string(on_time->get<long long>()),
                    std::to_string(due->get<long long>())));
    }
  }
}

} // namespace pm::estate
