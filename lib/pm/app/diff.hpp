#pragma once
// pm diff: what a change to an estate file does to its staffing, its rosters and its budget.

#include <pm/app/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::app {

struct RoleChange {
  std::string department, role;
  i18n::Text name;
  int before = 0, after = 0;
};

// Whether the posts can be covered lawfully (pm roster's capacity check over four weeks), and
// the reasons they can't.
struct Coverable {
  bool feasible() const { return problems.empty(); }
  std::vector<i18n::Text> problems;
};

struct Diff {
  Plan before, after;
  std::vector<RoleChange> changes; // roles whose headcount changed, in the order they appear
  Coverable roster_before, roster_after;
};

// Both plans are made with their budgets (the context must hold rates).
Diff diff(const Context &c, EstateInput before, EstateInput after);

} // namespace pm::app
