#include <pm/i18n/lang.hpp>
#include <pm/staff/json.hpp>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace pm::staff {

using nlohmann::ordered_json;

namespace {
double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::string joined_explanation(const RoleLine &r, bool zh) {
  std::string out;
  for (const auto &l : r.lines) out += (out.empty() ? "" : "; ") + l.explanation.get(zh);
  return out;
}
std::string joined_sources(const RoleLine &r, bool zh) {
  std::string out;
  std::set<std::string> seen;
  for (const auto &l : r.lines)
    if (seen.insert(l.source.get(zh)).second) out += (out.empty() ? "" : "; ") + l.source.get(zh);
  return out;
}
} // namespace

ordered_json to_json(const Staffing &s, bool zh) {
  ordered_json j;
  j["estate"] = s.estate_id;
  j["estate_name"] = s.estate_name.get(zh);
  j["norms"] = s.norms;
  j["labor"] = s.labor;
  j["lang"] = i18n::code(i18n::lang_of(zh));
  j["total"] = s.total;
  ordered_json deps = ordered_json::array();
  for (const auto &d : s.departments) {
    ordered_json dj;
    dj["id"] = d.id;
    dj["name"] = d.name.get(zh);
    dj["headcount"] = d.headcount;
    ordered_json roles = ordered_json::array();
    for (const auto &r : d.roles) {
      ordered_json rj;
      rj["id"] = r.id;
      rj["name"] = r.name.get(zh);
      rj["headcount"] = r.headcount;
      rj["explanation"] = joined_explanation(r, zh);
      rj["source"] = joined_sources(r, zh);
      ordered_json lines = ordered_json::array();
      for (const auto &l : r.lines) {
        ordered_json lj;
        lj["kind"] = to_string(l.kind);
        lj["people"] = l.people;
        lj["explanation"] = l.explanation.get(zh);
        lj["source"] = l.source.get(zh);
        if (!l.post.empty()) lj["post"] = l.post;
        lines.push_back(std::move(lj));
      }
      rj["lines"] = std::move(lines);
      roles.push_back(std::move(rj));
    }
    dj["roles"] = std::move(roles);
    deps.push_back(std::move(dj));
  }
  j["departments"] = std::move(deps);
  ordered_json posts = ordered_json::array();
  for (const auto &p : s.posts) {
    ordered_json pj;
    pj["id"] = p.id;
    pj["name"] = p.name.get(zh);
    pj["roles"] = p.roles;
    pj["licence"] = p.licence.empty() ? ordered_json(nullptr) : ordered_json(p.licence);
    pj["seats"] = p.seats;
    ordered_json shifts = ordered_json::array();
    for (std::size_t i = 0; i < p.shifts.size(); ++i) {
      const Shift &sh = p.shifts[i];
      shifts.push_back({{"start", format_hhmm(sh.start)}, {"end", format_hhmm(sh.end)}});
      if (static_cast<int>(i) == p.on_call) shifts.back()["on_call"] = true; // not working time
    }
    pj["shifts"] = std::move(shifts);
    if (!p.days.empty()) pj["days"] = p.days;
    pj["duty"] = p.duty;
    if (p.team) pj["team"] = true;
    pj["people"] = p.people;
    pj["weekly_hours"] = round2(p.weekly_hours());
    bool nobody = p.duty || p.people == 0;
    pj["hours_per_person"] =
        nobody ? ordered_json(nullptr) : ordered_json(round2(hours_per_person(p.weekly_hours(), p.people)));
    posts.push_back(std::move(pj));
  }
  j["posts"] = std::move(posts);
  ordered_json ind;
  auto opt = [](const std::optional<double> &v) { return v ? ordered_json(round2(*v)) : ordered_json(nullptr); };
  ind["m2_per_person"] = opt(s.indicators.m2_per_person);
  ind["people_per_10k_m2"] = opt(s.indicators.people_per_10k_m2);
  if (s.indicators.band) {
    const Band &b = *s.indicators.band;
    ind["band"] = {{"building_type", b.building_type},
                   {"min_m2_per_person", b.min_m2_per_person},
                   {"max_m2_per_person", b.max_m2_per_person},
                   {"source", b.source.get(zh)}};
  } else {
    ind["band"] = nullptr;
  }
  j["indicators"] = std::move(ind);
  ordered_json warns = ordered_json::array();
  for (const auto &w : s.warnings) {
    ordered_json wj;
    wj["code"] = w.code;
    wj["message"] = w.message.get(zh);
    wj["role"] = w.role.empty() ? ordered_json(nullptr) : ordered_json(w.role);
    wj["post"] = w.post.empty() ? ordered_json(nullptr) : ordered_json(w.post);
    warns.push_back(std::move(wj));
  }
  j["warnings"] = std::move(warns);
  ordered_json unused = ordered_json::array();
  for (const auto &u : s.unused_inputs) unused.push_back(u.field);
  j["unused_inputs"] = std::move(unused);
  return j;
}

} // namespace pm::staff
