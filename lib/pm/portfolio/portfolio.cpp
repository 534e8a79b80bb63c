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

bool Result::tender_breaches() const {
  for (const auto &f : tender_findings)
    if (f.breach()) return true;
  return false;
}

const std::vector<std::string> &target_ids() {
  static const std::vector<std::string> ids = {"rectification",      "repairs_on_time", "tendering",
                                               "contracts",          "covenants",       "licensed_companies",
                                               "certified_managers", "credit_files",    "professional_management",
                                               "owners_committees"};
  return ids;
}

catalog::Text target_name(const std::string &id) {
  using namespace i18n;
  if (id == "rectification") return both(msg::target_rectification);
  if (id == "repairs_on_time") return both(msg::target_repairs_on_time);
  if (id == "tendering") return both(msg::target_tendering);
  if (id == "contracts") return both(msg::target_contracts);
  if (id == "covenants") return both(msg::target_covenants);
  if (id == "licensed_companies") return both(msg::target_licensed_companies);
  if (id == "certified_managers") return both(msg::target_certified_managers);
  if (id == "credit_files") return both(msg::target_credit_files);
  if (id == "professional_management") return both(msg::target_professional_management);
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
  using nlohmann::json;
  const json &v = doc.value;
  if (v.contains("scope")) {
    const json &sc = v["scope"];
    if (sc.contains("estates")) t.scope_estates = sc["estates"].get<int>();
    t.scope = estate::text_of(sc.value("text", json()));
  }
  // A target is a share, or a share with the plan's words.
  for (const auto &id : target_ids()) {
    if (!v["targets"].contains(id)) continue;
    const json &x = v["targets"][id];
    if (x.is_number())
      t.targets.push_back({id, x.get<double>(), {}});
    else
      t.targets.push_back({id, x.value("goal", 0.0), estate::text_of(x.value("wording", json()))});
  }
  if (v.contains("tender_threshold")) {
    const json &x = v["tender_threshold"];
    TenderThreshold th;
    th.public_min_area = x.value("public_min_area", 0.0);
    th.below = x.value("below", th.below);
    t.tender_threshold = th;
  }
  for (const auto &p : v.value("phases", json::array()))
    t.phases.push_back({p.value("id", ""), estate::text_of(p.value("name", json())), p.value("from", ""),
                        p.value("to", ""), estate::texts_of(p.value("tasks", json()))});
  if (v.contains("principle")) t.principle = estate::text_of(v["principle"]);
  for (const auto &g : v.value("groups", json::array())) {
    LeadingGroup lg{estate::group_of(g), std::nullopt};
    if (g.contains("office"))
      lg.office = Office{g["office"].value("seat", ""), estate::texts_of(g["office"].value("duties", json()))};
    t.groups.push_back(std::move(lg));
  }
  for (const auto &d : v.value("departments", json::array()))
    t.departments.push_back({d.value("id", ""), estate::text_of(d.value("name", json())),
                             estate::text_of(d.value("role", json())), estate::texts_of(d.value("duties", json()))});
  for (const auto &a : v.value("assumptions", json::array()))
    t.assumptions.push_back({a.value("about", ""), estate::text_of(a)});
  return t;
}

namespace {

// Whether the estate meets the target; nullopt when it doesn't say. `applies` is false when the
// target does not concern the estate (an old estate for tendering, an ineligible one).
std::optional<bool> judged(const std::string &id, const estate::Governance &g, bool &applies) {
  applies = true;
  if (id == "tendering" || id == "contracts" || id == "covenants") {
    // New estates only; an estate that doesn't say whether it is new is unknown.
    if (g.new_estate == false) {
      applies = false;
      return std::nullopt;
    }
    std::optional<bool> fact = id == "tendering"   ? (g.tendered == false        ? std::optional<bool>(false)
                                                      : !g.tender_method.empty() ? std::optional<bool>(true)
                                                                                 : g.tendered)
                               : id == "contracts" ? g.contract_signed
                                                   : g.covenant_signed;
    if (!g.new_estate) return std::nullopt;
    return fact;
  }
  if (id == "licensed_companies") return g.company_licensed;
  if (id == "certified_managers") return g.manager_certified;
  if (id == "credit_files") return g.credit_file;
  if (id == "owners_committees") {
    if (g.eligible_for_committee == false) {
      applies = false;
      return std::nullopt;
    }
    return g.owners_committee;
  }
  if (id == "professional_management") {
    // Of the estates eligible for property management; one managed by a company is eligible.
    if (g.eligible_for_management == false) {
      applies = false;
      return std::nullopt;
    }
    if (g.professionally_managed == true) return true;
    if (g.eligible_for_management == true) return g.professionally_managed;
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

std::vector<TargetResult> evaluate(const std::vector<EstateRow> &rows, const Targets &t) {
  std::vector<TargetResult> out;
  for (const auto &target : t.targets) {
    TargetResult r;
    r.target = target;
    for (const auto &row : rows) {
      const auto &g = row.governance;
      // Items, not estates: rectification items closed, repairs done on time.
      if (target.id == "rectification" || target.id == "repairs_on_time") {
        bool rect = target.id == "rectification";
        if (!(rect ? g.has_rectification : g.has_repairs)) {
          r.unknown.push_back(row.id);
          continue;
        }
        int done = rect ? g.rectification_closed : g.repairs_on_time;
        int items = rect ? g.rectification_open + g.rectification_closed : g.repairs_due;
        r.numerator += done;
        r.denominator += items;
        if (items > 0 && static_cast<double>(done) / items < target.goal - 1e-12) r.missing.push_back(row.id);
        continue;
      }
      bool applies = true;
      std::optional<bool> ok = judged(target.id, g, applies);
      if (!applies) continue;
      if (!ok) {
        r.unknown.push_back(row.id);
        continue;
      }
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

std::vector<TenderFinding> check_tenders(const std::vector<EstateRow> &rows, const TenderThreshold &t) {
  using Kind = TenderFinding::Kind;
  std::vector<TenderFinding> out;
  for (const auto &row : rows) {
    const auto &g = row.governance;
    if (g.new_estate != true || g.tendered == false) continue; // untendered estates miss the tendering target
    const std::string &m = g.tender_method;
    const bool large = row.area >= t.public_min_area - 1e-9;
    std::optional<Kind> k;
    if (m.empty())
      k = Kind::method_unknown;
    else if (m != "public" && (large || t.below == "public"))
      k = Kind::not_public;
    else if (m != "public" && g.tender_approved == false)
      k = Kind::not_approved;
    else if (m != "public" && !g.tender_approved)
      k = Kind::approval_unknown;
    if (k) out.push_back({row.id, *k, m, row.area});
  }
  return out;
}

} // namespace pm::portfolio
