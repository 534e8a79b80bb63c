#include <pm/app/portfolio.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/file.hpp>

#include <algorithm>

namespace pm::app {

PortfolioRun run_portfolio(const Context &c, const DirectoryScan &scan, const std::string &targets_file,
                           const Diagnosed &diagnosed, const Progress &progress) {
  PortfolioRun out;
  out.files = scan.paths();
  auto found = scan.targets();
  std::string found_targets = targets_file.empty() && !found.empty() ? found.front() : "";
  portfolio::Result &r = out.result;
  std::size_t done = 0, total = scan.files.size() - found.size();
  Status status = plan_each(c, scan, {c.rates.has_value(), std::nullopt}, [&](DirectoryItem &item) {
    diagnosed(item.diagnostics);
    if (!item.plan) {
      if (item.status == Status::io) out.status = Status::io;
      ++r.invalid_files;
    } else {
      const Plan &p = *item.plan;
      // An estate that can't be costed has no cost, and the diagnostics say why.
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
      r.rows.push_back({item.file.path, p.estate.id, p.estate.name, p.estate.areas.total, p.staffing.total, cost, fee,
                        rates, illustrative, p.estate.governance, p.budget ? p.budget->rates_title : catalog::Text{}});
      r.total_staff += p.staffing.total;
      r.total_area += p.estate.areas.total;
    }
    if (progress) progress(++done, total);
  });
  (void)status;
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
