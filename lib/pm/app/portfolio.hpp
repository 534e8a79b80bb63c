#pragma once
// pm portfolio: every estate of a directory (a company's bids, a city's estates) staffed and
// costed, and judged against a regulator's targets.

#include <pm/app/plan.hpp>
#include <pm/portfolio/portfolio.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pm::app {

struct PortfolioRun {
  portfolio::Result result;
  std::optional<portfolio::Targets> targets;
  diag::Diagnostics diagnostics;
  std::vector<std::string> files;   // every file read
  std::vector<std::string> locales; // of the estates read, for the language of the output
  Status status = Status::ok;       // io when a file can't be read; invalid when a target is missed
  i18n::Text error_text;            // why there is no result at all
  bool complete = false;            // a result to show (else the diagnostics and error say why not)
};

// Called after each file, for a progress line on a terminal.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// `targets`: a targets file, or "" for the one found in the directory, if any. Each file is
// read and checked once. Costs are at the context's rates when it has them.
PortfolioRun run_portfolio(const Context &c, const std::string &dir, const std::string &targets,
                           const Progress &progress = {});

} // namespace pm::app
