#include <pm/app/plan.hpp>
#include <pm/estate/check.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/portfolio/portfolio.hpp>
#include <pm/roster/build.hpp>
#include <pm/roster/limits.hpp>
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
  // An estate that would need more people, seats or posts than the limits allow is invalid
  // for every command, and is stopped here, before any work that grows with it.
  staff::Staffing s = staff::compute(e, c.norms, c.labor, roles);
  if (!s.errors.empty()) {
    // The document was read without positions (most files are valid): read them now.
    yaml::Document located = yaml::parse(text, name);
    auto d = limit_errors(s, name, &located);
    out.diagnostics.insert(out.diagnostics.end(), d.begin(), d.end());
    out.status = Status::invalid;
    return out;
  }
  out.input = EstateInput{std::move(e), std::move(roles), std::move(s), &c.norms, &c.labor};
  return out;
}

diag::Diagnostics limit_errors(const staff::Staffing &s, const std::string &file, const yaml::Document *doc) {
  diag::Diagnostics out;
  for (const auto &x : s.errors) {
    yaml::Position at{1, 1};
    if (doc && !x.pointer.empty()) at = doc->position(x.pointer, true);
    if (at.line <= 0) at = {1, 1};
    out.push_back(diag::make(file, at.line, at.column, diag::Severity::error, x.code, x.message, x.pointer));
  }
  return out;
}

Plan make_plan(const Context &c, EstateInput in, const PlanRequest &r) {
  Plan p;
  p.estate = std::move(in.estate);
  p.roles = std::move(in.roles);
  if (in.staffing && in.staffed_with == &c.norms && in.staffed_labor == &c.labor)
    p.staffing = std::move(*in.staffing);
  else
    p.staffing = staff::compute(p.estate, c.norms, c.labor, p.roles);
  if (!p.staffing.errors.empty()) {
    // Beyond a limit of staffing: no budget or roster is made from it.
    p.diagnostics = limit_errors(p.staffing, p.estate.file);
    p.status = Status::invalid;
    if (r.roster) { // nothing to roster: the errors above say why
      p.roster = Rostered{};
      p.roster->result.over_limit = true;
      for (const auto &x : p.staffing.errors) p.roster->result.refusal.push_back(x.message);
    }
    return p;
  }
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
    if (auto over = roster::over_limits(ro.problem)) {
      // Refused before any work; an option over the limit (--weeks) is a usage error.
      ro.result.over_limit = true;
      ro.result.usage_error = over->option;
      ro.result.refusal = {over->message};
      p.diagnostics.push_back(diag::make(p.estate.file, 0, 0, diag::Severity::error, over->code, over->message));
      p.status = worst(p.status, over->option ? Status::io : Status::invalid);
      p.roster = std::move(ro);
      return p;
    }
    roster::Options o;
    o.seed = r.roster->seed;
    o.pattern = r.roster->pattern;
    o.fair_effort = r.roster->fair ? 10 : 1;
    if (r.roster->minimum)
      ro.minimum = roster::minimum_headcounts(ro.problem, o, c.patterns);
    else if (!ro.problem.posts.empty()) {
      ro.result = roster::make_roster(ro.problem, o, c.patterns);
      if (ro.result.over_limit) { // the solver's budget ran out
        for (const auto &t : ro.result.refusal)
          p.diagnostics.push_back(diag::make(p.estate.file, 0, 0, diag::Severity::error, "roster-limit", t));
        p.status = worst(p.status, Status::invalid);
      }
      if (ro.result.ok) ro.summary = roster::summarize(ro.problem, ro.result.assignments);
    }
    p.roster = std::move(ro);
  }
  return p;
}

} // namespace pm::app
