#include <pm/catalog/reader.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>

#include <set>
#include <stdexcept>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

const Role *Catalogue::role(const std::string &id) const {
  for (const auto &r : roles)
    if (r.id == id) return &r;
  return nullptr;
}
const Department *Catalogue::department(const std::string &id) const {
  for (const auto &d : departments)
    if (d.id == id) return &d;
  return nullptr;
}
std::vector<std::string> Catalogue::role_ids() const {
  std::vector<std::string> out;
  for (const auto &r : roles) out.push_back(r.id);
  return out;
}

const Licence *Catalogue::licence(const std::string &id) const {
  for (const auto &l : licences)
    if (l.id == id) return &l;
  return nullptr;
}
std::vector<const Role *> Catalogue::roles_of(const std::string &department) const {
  std::vector<const Role *> out;
  for (const auto &r : roles)
    if (r.department == department) out.push_back(&r);
  return out;
}

namespace {

using detail::Need;

// Reports a licence id that the catalogue does not define, with "did you mean".
void check_licence(detail::Reader &rd, const Catalogue &c, const toml::node &n, const std::string &id) {
  // A catalogue without [[licence]] tables keeps licence ids unchecked, as before licences had names.
  if (id.empty() || c.licences.empty() || c.licence(id)) return;
  std::vector<std::string> ids;
  for (const auto &l : c.licences) ids.push_back(l.id);
  rd.unknown(n, "unknown-licence", both(msg::catalog_what_licence), id, ids);
}

} // namespace

std::optional<Catalogue> load(const std::string &name_or_path, diag::Diagnostics &out) {
  auto src = data::load_source("roles", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  Catalogue c;
  c.name = src->name;
  rd.keys(*tbl, {"meta", "department", "licence", "role"});
  Meta meta = rd.meta(*tbl, src->name, Need::optional);
  c.title = meta.title;
  c.source = meta.source;

  std::set<std::string> dep_ids;
  if (auto deps = rd.tables(*tbl, "department")) {
    for (auto &n : *deps) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en", "cost_centre"});
      Department d;
      d.id = rd.id(t, dep_ids, both(msg::what_department));
      d.name = rd.text(t, "zh", "en");
      if (std::string cc = rd.one_of(t, "cost_centre", {"owners", "public", "business"}); !cc.empty())
        d.cost_centre = cc;
      c.departments.push_back(d);
    }
  }
  std::set<std::string> lic_ids;
  if (auto lics = rd.tables(*tbl, "licence")) {
    for (auto &n : *lics) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en", "source", "source_zh", "source_en"});
      Licence l;
      l.id = rd.id(t, lic_ids, both(msg::catalog_what_licence));
      l.name = rd.text(t, "zh", "en");
      l.source = rd.source_text(t);
      c.licences.push_back(l);
    }
  }
  std::set<std::string> ids;
  if (auto roles = rd.tables(*tbl, "role", Need::required)) {
    for (auto &n : *roles) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "department", "zh", "en", "licence", "supervisor", "duties", "source", "source_zh", "source_en",
                  "requirements"});
      Role r;
      r.id = rd.id(t, ids, both(msg::what_role));
      r.department = rd.str(t, "department", Need::required);
      r.name = rd.text(t, "zh", "en");
      r.licence = rd.str(t, "licence");
      if (auto l = t.get("licence")) check_licence(rd, c, *l, r.licence);
      if (auto b = rd.boolean(t, "supervisor")) r.supervisor = *b;
      r.duties = rd.conditional_texts(t, "duties", r.duty_applies);
      // Duties come with their source, like every other text in the data files.
      if (!r.duties.empty())
        r.source = rd.source_text(t);
      else
        r.source = rd.optional_source_text(t);
      if (auto req = rd.table(t, "requirements")) {
        rd.keys(*req, {"max_age", "experience_years", "education_zh", "education_en", "licences", "other", "source",
                       "source_zh", "source_en"});
        if (auto v = rd.integer(*req, "max_age", 0, 120)) r.requirements.max_age = static_cast<int>(*v);
        if (auto v = rd.integer(*req, "experience_years", 0, 60))
          r.requirements.experience_years = static_cast<int>(*v);
        r.requirements.education = rd.text(*req, "education_zh", "education_en", Need::optional);
        for (const toml::node *l : rd.string_nodes(*req, "licences")) {
          r.requirements.licences.push_back(*l->value_exact<std::string>());
          check_licence(rd, c, *l, r.requirements.licences.back());
        }
        r.requirements.other = rd.texts(*req, "other");
        r.requirements.source = rd.source_text(*req);
      }
      if (!r.department.empty() && !c.department(r.department))
        rd.error(*t.get("department"), "unknown-department",
                 both(msg::catalog_role_unknown_department, r.id, r.department));
      c.roles.push_back(std::move(r));
    }
  }
  if (rd.failed()) return std::nullopt;
  return c;
}

} // namespace pm::catalog
