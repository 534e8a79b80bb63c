#include <pm/app/portfolio.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/file.hpp>

#include <algorithm>

namespace pm::app {

PortfolioRun run_portfolio(const Context &c, const std::string &dir, const std::string &targets_file,
                           const Progress &progress) {
  PortfolioRun out;
  auto files = util::find_yaml_files(dir);
  if (!files) {
    out.status = Status::io;
    out.error_text = i18n::describe(files.error());
    return out;
  }
  std::string found_targets;
  portfolio::Result &r = out.result;
  for (std::size_t i = 0; i < files->size(); ++i) {
    const std::string &f = (*files)[i];
    out.files.push_back(f);
    if (!targets_file.empty() && util::same_file(f, targets_file)) continue;
    LoadedEstate loaded = load_estate(c, f);
    // A targets file beside the estates is the one used, unless one was given.
    if (loaded.targets && targets_file.empty()) {
      if (found_targets.empty()) found_targets = f;
      continue;
    }
    out.diagnostics.insert(out.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!loaded.input) {
      if (loaded.status == Status::io) out.status = Status::io;
      ++r.invalid_files;
    } else {
      out.locales.push_back(loaded.input->estate.locale);
      Plan p = make_plan(c, std::move(*loaded.input), {c.rates.has_value(), std::nullopt});
      // An estate that can't be costed has no cost, and the diagnostics say why.
      out.diagnostics.insert(out.diagnostics.end(), p.diagnostics.begin(), p.diagnostics.end());
      if (diag::has_errors(p.diagnostics)) out.status = worst(out.status, Status::invalid);
      std::optional<double> cost, fee;
      std::string rates;
      bool illustrative = false;
      if (p.budget) {
        cost = p.budget->annual_cost();
        if (p.budget->fee_charged) fee = budget::round_cents(p.budget->fee.lump_sum.per_m2_month_incl_vat);
        rates = p.budget->rates;
        illustrative = p.budget->illustrative;
        auto &seen = r.illustrative_rates;
        if (illustrative && std::find(seen.begin(), seen.end(), rates) == seen.end()) seen.push_back(rates);
      }
      if (cost) r.total_cost = r.total_cost.value_or(0) + *cost;
      r.rows.push_back({f, p.estate.id, p.estate.name, p.estate.areas.total, p.staffing.total, cost, fee, rates,
                        illustrative, p.estate.governance, p.budget ? p.budget->rates_title : catalog::Text{}});
      r.total_staff += p.staffing.total;
      r.total_area += p.estate.areas.total;
    }
    if (progress) progress(i + 1, files->size());
  }
  std::string path = targets_file.empty() ? found_targets : targets_file;
  if (!path.empty()) {
    bool io_error = false;
    out.targets = portfolio::load_targets(path, c.roles, out.diagnostics, io_error);
    if (!out.targets) {
      out.status = io_error ? Status::io : Status::invalid;
      return out;
    }
    if (!targets_file.empty()) out.files.push_back(targets_file);
  }
  if (r.rows.empty() && r.invalid_files == 0) {
    out.status = Status::io;
    out.error_text = i18n::both(i18n::msg::no_estates_under, dir);
    return out;
  }
  if (out.targets) {
    r.targets = portfolio::evaluate(r.rows, *out.targets);
    if (out.targets->tender_threshold)
      r.tender_findings = portfolio::check_tenders(r.rows, *out.targets->tender_threshold);
  }
  // A missed target or a tender that breaks the threshold fails the check.
  if (out.status == Status::ok && (r.invalid_files || !r.all_met() || r.tender_breaches()))
    out.status = Status::invalid;
  out.complete = true;
  return out;
}

} // namespace pm::app
