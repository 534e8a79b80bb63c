#include <pm/catalog/roles.hpp>
#include <pm/data/toml.hpp>

#include <set>
#include <stdexcept>

namespace pm::catalog {

const Role* Catalogue::role(const std::string& id) const {
  for (const auto& r : roles) if (r.id == id) return &r;
  return nullptr;
}
const Department* Catalogue::department(const std::string& id) const {
  for (const auto& d : departments) if (d.id == id) return &d;
  return nullptr;
}
std::vector<std::string> Catalogue::role_ids() const {
  std::vector<std::string> out;
  for (const auto& r : roles) out.push_back(r.id);
  return out;
}

namespace {

std::string str(const toml::table& t, const char* key) { return t[key].value_or(std::string()); }

Text text_list_item(const toml::node& n) {
  Text t;
  if (auto tb = n.as_table()) {
    t.zh = (*tb)["zh"].value_or(std::string());
    t.en = (*tb)["en"].value_or(std::string());
  } else if (auto s = n.value<std::string>()) {
    t.zh = *s;
    t.en = *s;
  }
  return t;
}

} // namespace

std::optional<Catalogue> load(const std::string& name_or_path, diag::Diagnostics& out) {
  auto src = data::load_source("roles", name_or_path, out);
  if (!src) return std::nullopt;
  std::size_t before = out.size();
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  Catalogue c;
  c.name = src->name;
  data::check_keys(*tbl, {"meta", "department", "role"}, src->file, out);
  if (auto meta = (*tbl)["meta"].as_table()) {
    c.title.zh = str(*meta, "title_zh");
    c.title.en = str(*meta, "title_en");
    c.source = str(*meta, "source");
  }
  std::set<std::string> ids;
  if (auto deps = (*tbl)["department"].as_array()) {
    for (auto& n : *deps) {
      auto t = n.as_table();
      if (!t) continue;
      data::check_keys(*t, {"id", "zh", "en"}, src->file, out);
      Department d{str(*t, "id"), {str(*t, "zh"), str(*t, "en")}};
      if (d.id.empty()) out.push_back(data::at(n, src->file, "missing-key", "a department needs an id", "部门缺少 id"));
      c.departments.push_back(d);
    }
  }
  if (auto roles = (*tbl)["role"].as_array()) {
    for (auto& n : *roles) {
      auto t = n.as_table();
      if (!t) continue;
      data::check_keys(*t, {"id", "department", "zh", "en", "licence", "supervisor", "duties", "requirements"},
                       src->file, out);
      Role r;
      r.id = str(*t, "id");
      r.department = str(*t, "department");
      r.name = {str(*t, "zh"), str(*t, "en")};
      r.licence = str(*t, "licence");
      r.supervisor = (*t)["supervisor"].value_or(false);
      if (auto duties = (*t)["duties"].as_array())
        for (auto& d : *duties) r.duties.push_back(text_list_item(d));
      if (auto req = (*t)["requirements"].as_table()) {
        data::check_keys(*req, {"max_age", "experience_years", "education_zh", "education_en", "licences"}, src->file,
                         out);
        r.requirements.max_age = static_cast<int>((*req)["max_age"].value_or(int64_t{0}));
        r.requirements.experience_years = static_cast<int>((*req)["experience_years"].value_or(int64_t{0}));
        r.requirements.education = {str(*req, "education_zh"), str(*req, "education_en")};
        if (auto lic = (*req)["licences"].as_array())
          for (auto& l : *lic) r.requirements.licences.push_back(l.value_or(std::string()));
      }
      if (r.id.empty()) out.push_back(data::at(n, src->file, "missing-key", "a role needs an id", "岗位缺少 id"));
      else if (!ids.insert(r.id).second)
        out.push_back(data::at(n, src->file, "duplicate-id", "role id '" + r.id + "' is given twice",
                               "岗位 id '" + r.id + "' 重复"));
      if (!r.department.empty() && !c.department(r.department))
        out.push_back(data::at(n, src->file, "unknown-department",
                               "role '" + r.id + "' names an unknown department '" + r.department + "'",
                               "岗位 '" + r.id + "' 的部门 '" + r.department + "' 不存在"));
      c.roles.push_back(std::move(r));
    }
  }
  if (diag::has_errors(diag::Diagnostics(out.begin() + static_cast<long>(before), out.end()))) return std::nullopt;
  return c;
}

const Catalogue& builtin() {
  static const Catalogue c = [] {
    diag::Diagnostics d;
    auto cat = load("cn", d);
    if (!cat) throw std::runtime_error("built-in role catalogue is broken: " + (d.empty() ? "" : d[0].message));
    return *cat;
  }();
  return c;
}

} // namespace pm::catalog
