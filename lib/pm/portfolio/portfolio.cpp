#include <pm/estate/check.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/portfolio/portfolio.hpp>
#include <pm/schema/validator.hpp>
#include <pm/util/file.hpp>

namespace pm::portfolio {

bool Result::all_met() const {
  for (const auto &t : targets)
    if (!t.met) return false;
  return true;
}

catalog::Text target_name(const std::string &id) {
  using namespace i18n;
  if (id == "rectification") return both(msg::target_rectification);
  if (id == "tendering") return both(msg::target_tendering);
  if (id == "contracts") return both(msg::target_contracts);
  if (id == "licensed_companies") return both(msg::target_licensed_companies);
  if (id == "certified_managers") return both(msg::target_certified_managers);
  if (id == "owners_committees") return both(msg::target_owners_committees);
  return Text::same(id);
}

std::optional<Targets> load_targets(const std::string &path, const catalog::Catalogue &roles, diag::Diagnostics &out,
                                    bool &io_error) {
  auto text = util::read_file(path, yaml::Limits{}.max_bytes);
  if (!text) {
    out.push_back(diag::make(path, 0, 0, diag::Severity::error, "io", i18n::describe(text.error())));
    io_error = true;
    return std::nullopt;
  }
  return parse_targets(*text, path, roles, out);
}

bool is_targets(const nlohmann::json &v) {
  return v.is_object() && v.contains("kind") && v["kind"].is_string() && v["kind"] == "targets";
}

void check_targets(yaml::Document &doc) {
  schema::embedded("targets").validate(doc);
  estate::check_phases(doc, "/phases");
  diag::sort(doc.diagnostics);
}

std::optional<Targets> parse_targets(std::string_view text, const std::string &path, const catalog::Catalogue &roles,
                                     diag::Diagnostics &out) {
  // A file that is not a targets file is checked as an estate, so that its problems are told.
  yaml::Document doc = yaml::parse_and_check(text, path, [&](yaml::Document &d) {
    if (is_targets(d.value))
      check_targets(d);
    else
      estate::check(d, roles);
  });
  if (doc.ok && !is_targets(doc.value))
    doc.diagnostics.push_back(
        diag::make(path, 1, 1, diag::Severity::error, "not-targets", i18n::both(i18n::msg::portfolio_not_targets)));
  out.insert(out.end(), doc.diagnostics.begin(), doc.diagnostics.end());
  if (!doc.ok || diag::has_errors(doc.diagnostics)) return std::nullopt;
  Targets t;
  t.file = path;
  t.id = doc.value.value("id", "");
  if (doc.value.contains("name")) t.name = estate::text_of(doc.value["name"]);
  for (const char *id :
       {"rectification", "tendering", "contracts", "licensed_companies", "certified_managers", "owners_committees"})
    if (doc.value["targets"].contains(id)) t.targets.push_back({id, doc.value["targets"][id].get<double>()});
  if (doc.value.contains("phases"))
    for (const auto &p : doc.value["phases"])
      t.phases.push_back({p.value("id", ""),
                          estate::text_of(p.value("name", nlohmann::json())),
                          p.value("from", ""),
                          p.value("to", ""),
                          {}});
  return t;
}

std::vector<TargetResult> evaluate(const std::vector<EstateRow> &rows, const Targets &t) {
  std::vector<TargetResult> out;
  for (const auto &target : t.targets) {
    TargetResult r;
    r.target = target;
    for (const auto &row : rows) {
      const auto &g = row.governance;
      if (!g.present) continue;
      std::optional<bool> ok; // nullopt: the estate is not counted for this target
      if (target.id == "rectification") {
        int items = g.rectification_open + g.rectification_closed;
        r.numerator += g.rectification_closed;
        r.denominator += items;
        if (items > 0) ok = static_cast<double>(g.rectification_closed) / items >= target.goal - 1e-12;
        if (ok == false) r.missing.push_back(row.id);
        continue;
      }
      if (target.id == "tendering" || target.id == "contracts") {
        if (g.new_estate != true) continue;
        ok = target.id == "tendering" ? g.tendered == true : g.contract_signed == true;
      } else if (target.id == "licensed_companies") {
        ok = g.company_licensed == true;
      } else if (target.id == "certified_managers") {
        ok = g.manager_certified == true;
      } else if (target.id == "owners_committees") {
        if (g.eligible_for_committee == false) continue;
        ok = g.owners_committee == true;
      }
      if (!ok) continue;
      ++r.denominator;
      if (*ok)
        ++r.numerator;
      else
        r.missing.push_back(row.id);
    }
    if (r.denominator > 0) r.rate = static_cast<double>(r.numerator) / r.denominator;
    // Nothing counted meets nothing and misses nothing.
    r.met = !r.rate || *r.rate >= target.goal - 1e-12;
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace pm::portfolio
