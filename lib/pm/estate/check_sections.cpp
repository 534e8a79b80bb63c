// Semantic rules for the sections that describe organisations and programmes.

#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/util/date.hpp>
#include <pm/yaml/document.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace pm::estate {

using nlohmann::json;

namespace {

void report(yaml::Document &doc, const std::string &pointer, std::string code, std::string en, std::string zh) {
  yaml::Position p = doc.position(pointer);
  doc.diagnostics.push_back(
      {doc.file, p.line, p.column, diag::Severity::error, std::move(code), std::move(en), std::move(zh), pointer});
}

const json *at(const json &root, const std::string &pointer) {
  json::json_pointer jp(pointer);
  return root.contains(jp) ? &root.at(jp) : nullptr;
}

std::string str(const json &o, const char *key) {
  if (!o.is_object() || !o.contains(key) || !o[key].is_string()) return "";
  return o[key].get<std::string>();
}

void unique_ids(yaml::Document &doc, const std::string &pointer, const std::string &what_en, const std::string &what_zh,
                std::map<std::string, std::string> &seen) {
  const json *arr = at(doc.value, pointer);
  if (!arr || !arr->is_array()) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    std::string id = str((*arr)[i], "id");
    if (id.empty()) continue;
    std::string here = pointer + "/" + std::to_string(i) + "/id";
    auto [it, fresh] = seen.emplace(id, here);
    if (!fresh)
      report(doc, here, "duplicate-id",
             what_en + " id '" + id + "' is already used at line " + std::to_string(doc.position(it->second).line),
             what_zh + "编号 '" + id + "' 已在第 " + std::to_string(doc.position(it->second).line) + " 行使用");
  }
}

} // namespace

void check_phases(yaml::Document &doc, const std::string &pointer) {
  const json *arr = at(doc.value, pointer);
  if (!arr || !arr->is_array()) return;
  std::map<std::string, std::string> ids;
  unique_ids(doc, pointer, "phase", "阶段", ids);
  struct P {
    std::string from, to, id;
    std::size_t index;
  };
  std::vector<P> ok;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const json &p = (*arr)[i];
    std::string from = str(p, "from"), to = str(p, "to");
    std::string base = pointer + "/" + std::to_string(i);
    bool good_from = util::parse_date(from).has_value(), good_to = util::parse_date(to).has_value();
    if (!good_from && from.size() == 10)
      report(doc, base + "/from", "bad-date", "'" + from + "' is not a date in the calendar",
             "'" + from + "' 不是日历上的日期");
    if (!good_to && to.size() == 10)
      report(doc, base + "/to", "bad-date", "'" + to + "' is not a date in the calendar",
             "'" + to + "' 不是日历上的日期");
    if (!good_from || !good_to) continue;
    if (from > to) {
      report(doc, base + "/to", "reversed-range",
             "phase '" + str(p, "id") + "' ends (" + to + ") before it starts (" + from + ")",
             "阶段 '" + str(p, "id") + "' 的结束日期（" + to + "）早于开始日期（" + from + "）");
      continue;
    }
    ok.push_back({from, to, str(p, "id"), i});
  }
  std::stable_sort(ok.begin(), ok.end(), [](const P &a, const P &b) { return a.from < b.from; });
  for (std::size_t i = 1; i < ok.size(); ++i)
    if (ok[i].from <= ok[i - 1].to)
      report(doc, pointer + "/" + std::to_string(ok[i].index) + "/from", "overlapping-phases",
             "phase '" + ok[i].id + "' starts (" + ok[i].from + ") before phase '" + ok[i - 1].id + "' ends (" +
                 ok[i - 1].to + ")",
             "阶段 '" + ok[i].id + "' 的开始日期（" + ok[i].from + "）早于阶段 '" + ok[i - 1].id + "' 的结束日期（" +
                 ok[i - 1].to + "）");
}

void check_sections(yaml::Document &doc, const catalog::Catalogue &base) {
  const json &v = doc.value;
  if (!v.is_object()) return;
  check_phases(doc, "/programme/phases");

  // Groups: unique ids, parents that exist, no group its own ancestor.
  std::map<std::string, std::string> group_ids;
  unique_ids(doc, "/groups", "group", "小组", group_ids);
  if (const json *groups = at(v, "/groups"); groups && groups->is_array()) {
    std::map<std::string, std::string> parent;
    for (std::size_t i = 0; i < groups->size(); ++i) {
      std::string id = str((*groups)[i], "id"), par = str((*groups)[i], "parent");
      if (par.empty()) continue;
      if (!group_ids.count(par))
        report(doc, "/groups/" + std::to_string(i) + "/parent", "unknown-group",
               "group '" + id + "' names a parent group '" + par + "' that is not listed",
               "小组 '" + id + "' 的上级小组 '" + par + "' 不存在");
      else
        parent[id] = par;
    }
    for (std::size_t i = 0; i < groups->size(); ++i) {
      std::string id = str((*groups)[i], "id");
      std::set<std::string> seen{id};
      for (std::string cur = id; parent.count(cur);) {
        cur = parent[cur];
        if (!seen.insert(cur).second) {
          report(doc, "/groups/" + std::to_string(i) + "/parent", "group-cycle",
                 "group '" + id + "' is, through its parents, its own parent",
                 "小组 '" + id + "' 通过上级关系成为自己的上级");
          break;
        }
      }
    }
  }

  // Units and positions: unique, and positions must not shadow catalogue roles.
  std::map<std::string, std::string> unit_ids, position_ids;
  unique_ids(doc, "/units", "unit", "部门", unit_ids);
  if (const json *units = at(v, "/units"); units && units->is_array())
    for (std::size_t i = 0; i < units->size(); ++i) {
      std::string up = "/units/" + std::to_string(i);
      std::string uid = str((*units)[i], "id");
      if (!uid.empty() && base.department(uid))
        report(doc, up + "/id", "role-conflict",
               "unit id '" + uid + "' is a department of the role catalogue; choose another id",
               "部门编号 '" + uid + "' 与岗位目录中的部门重名；请换一个编号");
      unique_ids(doc, up + "/positions", "position", "岗位", position_ids);
      if (const json *ps = at(v, up + "/positions"); ps && ps->is_array())
        for (std::size_t k = 0; k < ps->size(); ++k) {
          std::string pid = str((*ps)[k], "id");
          if (!pid.empty() && base.role(pid))
            report(doc, up + "/positions/" + std::to_string(k) + "/id", "role-conflict",
                   "position id '" + pid + "' is a role of the role catalogue; choose another id",
                   "岗位编号 '" + pid + "' 与岗位目录中的岗位重名；请换一个编号");
        }
    }

  // Inspection times, when given, are one per round.
  if (const json *ins = at(v, "/inspections"); ins && ins->is_object()) {
    const json *times = ins->contains("times") ? &(*ins)["times"] : nullptr;
    const json *rounds = ins->contains("rounds_per_day") ? &(*ins)["rounds_per_day"] : nullptr;
    if (times && rounds && times->is_array() && rounds->is_number_integer() &&
        static_cast<long long>(times->size()) != rounds->get<long long>())
      report(doc, "/inspections/times", "inspection-times",
             "inspections.times lists " + std::to_string(times->size()) + " times for " +
                 std::to_string(rounds->get<long long>()) + " rounds a day",
             "inspections.times 列出 " + std::to_string(times->size()) + " 个时间，但每天巡视 " +
                 std::to_string(rounds->get<long long>()) + " 次");
  }

  // Rectification and committee facts that contradict each other.
  if (const json *g = at(v, "/governance"); g && g->is_object()) {
    auto flag = [&](const char *k) {
      return g->contains(k) && (*g)[k].is_boolean() ? std::optional<bool>((*g)[k].get<bool>()) : std::nullopt;
    };
    if (flag("owners_committee") == true && flag("eligible_for_committee") == false)
      report(doc, "/governance/owners_committee", "contradiction",
             "governance.owners_committee is true but eligible_for_committee is false",
             "governance.owners_committee 为 true，但 eligible_for_committee 为 false");
  }
}

} // namespace pm::estate
