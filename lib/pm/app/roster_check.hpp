#pragma once
// pm roster check: an edited roster CSV judged by every hard rule the solver obeys, over the
// period it covers (or the one given).

#include <pm/app/plan.hpp>

#include <optional>
#include <string>

namespace pm::app {

// The longest period a check takes: two years and two weeks, as pm roster makes.
inline constexpr int max_check_weeks = 106;

struct RosterCheck {
  std::string csv_text;         // the roster CSV
  std::string csv_name;         // its name in messages ("<stdin>" for standard input)
  std::optional<int> first_day; // --start; default: the first rota day in the rows
  std::optional<int> weeks;     // --weeks; default: as many days as the rows span
};

// Located problems in line order, then the gaps, which have no line.
diag::Diagnostics check_roster(const Context &c, const EstateInput &estate, const RosterCheck &r);

} // namespace pm::app
