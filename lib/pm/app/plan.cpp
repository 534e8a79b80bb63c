#include <pm/app/plan.hpp>
#include <pm/estate/check.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/portfolio/portfolio.hpp>
#include <pm/roster/build.hpp>
#include <pm/yaml/document.hpp>

namespace pm::app {

LoadedEstate load_estate(const Context &c, const std::string &path) {
  LoadedEstate out;
  std::string name = path == "-" ? "<stdin>" : path;
  bool unreadable = false;
  // Too large is an invalid estate, as pm validate says; anything else could not be read.
  auto text = estate::read_estate(path, name, out.diagnostics, unreadable);
  if (!text) {
    out.status = unreadable ? Status::io : Status::invalid;
    return out;
  }
  LoadedEstate parsed = estate_from_text(c, *text, name);
  parsed.diagnostics.insert(parsed.diagnostics.begin(), out.diagnostics.begin(), out.diagnostics.end());
  return parsed;
}

yaml::Document check_text(const Context &c, std::string_view text, const std::string &name) {
  return yaml::parse_and_check(text, name, [&](yaml::Document &doc) {
    if (portfolio::is_targets(doc.value))
      portfolio::check_targets(doc);
    else
      estate::check(doc, c.roles);
  });
}

LoadedEstate estate_from_text(const Context &c, std::string_view text, const std::string &name) {
  LoadedEstate out;
  yaml::Document doc = check_text(c, text, name);
  out.diagnostics = doc.diagnostics;
  if (!doc.ok || diag::has_errors(doc.diagnostics)) {
    out.status = Status::invalid;
    return out;
  }
  if (portfolio::is_targets(doc.value)) {
    out.targets = true;
    out.status = Status::invalid;
    out.diagnostics.push_back(
        diag::make(name, 1, 1, diag::Severity::error, "not-an-estate", i18n::both(i18n::msg::app_targets_not_estate)));
    return out;
  }
  estate::Estate e = estate::from_document(doc);
  catalog::Catalogue roles = estate::roles_for(e, c.roles);
  out.input = EstateInput{std::move(e), std::move(roles)};
  return out;
}

Plan make_plan(const Context &c, EstateInput in, const PlanRequest &r) {
  Plan p;
  p.estate = std::move(in.estate);
  p.roles = std::move(in.roles);
  p.staffing = staff::compute(p.estate, c.norms, c.labor, p.roles);
  std::string how;
  const budget::Rates *rates = r.budget ? rates_for(c, p.estate, how) : nullptr;
  if (rates) {
    auto computed = budget::compute(p.estate, p.staffing, *rates, p.roles, &c.labor, how,
                                    c.terms ? c.terms->of(p.estate.type) : nullptr);
    p.diagnostics = std::move(computed.diagnostics);
    if (computed.budget)
      p.budget = std::move(*computed.budget);
    else
      p.status = Status::invalid;
  }
  if (r.roster) {
    Rostered ro;
    ro.problem =
        roster::build(p.estate, p.staffing, {c.labor, c.holidays, p.roles}, {r.roster->first_day, r.roster->weeks});
    roster::Options o;
    o.seed = r.roster->seed;
    o.pattern = r.roster->pattern;
    o.fair_effort = r.roster->fair ? 10 : 1;
    if (r.roster->minimum)
      ro.minimum = roster::minimum_headcounts(ro.problem, o, c.patterns);
    else if (!ro.problem.posts.empty()) {
      ro.result = roster::make_roster(ro.problem, o, c.patterns);
      if (ro.result.ok) ro.summary = roster::summarize(ro.problem, ro.result.assignments);
    }
    p.roster = std::move(ro);
  }
  return p;
}

} // namespace pm::app
