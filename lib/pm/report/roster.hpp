#pragma once
// The report's roster excerpt, made by pm::roster with the defaults of `pm roster` (seed 1,
// patterns chosen automatically, four weeks), so its figures are the ones `pm roster
// --start DAY` prints for the same inputs.

#include <pm/report/build.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::report {

// The first day of the excerpt when the proposal has no --date: Monday 5 January 2026, four
// weeks without a public holiday, so the cycle shown is the plain rota.
inline constexpr const char *default_roster_start = "2026-01-05";

struct RosterOutcome {
  std::optional<RosterExcerpt> excerpt;
  std::vector<catalog::Text> refusal; // why no lawful roster could be made
  bool no_posts = false;              // nothing to roster
};

// `date`: the proposal's --date (the roster starts that day), or "" for default_roster_start
// with days labelled by week and weekday.
RosterOutcome make_roster_excerpt(const estate::Estate &e, const staff::Staffing &s, const staff::Labor &labor,
                                  const std::string &date, bool zh);

} // namespace pm::report
