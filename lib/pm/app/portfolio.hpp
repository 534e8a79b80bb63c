#pragma once
// pm portfolio: every estate of a directory (a company's bids, a city's estates) staffed and
// costed, and judged against a regulator's targets.

#include <pm/app/directory.hpp>
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
  diag::Diagnostics diagnostics;  // of the targets file (the estates' go to the callback)
  std::vector<std::string> files; // every file read
  Status status = Status::ok;     // io when a file can't be read; invalid when a target is missed
  i18n::Text error_text;          // why there is no result at all
  bool complete = false;          // a result to show (else the diagnostics and error say why not)
};

// Called after each file, for a progress line on a terminal.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
// Called with each file's diagnostics (sorted) as it is read, so that they need not be kept.
using Diagnosed = std::function<void(const diag::Diagnostics &)>;

// `scan`: the directory, scanned with --targets (scan_directory(c, dir, &targets)) and found
// usable; `targets`: a targets file, or "" for the one found in the directory, if any. Each
// estate is planned once, and only its row of the result kept. Costs are at the context's
// rates when it has them.
PortfolioRun run_portfolio(const Context &c, const DirectoryScan &scan, const std::string &targets,
                           const Diagnosed &diagnosed, const Progress &progress = {});

} // namespace pm::app
