#pragma once
// From an estate and its staffing to a rostering problem: posts, demand and people.

#include <pm/estate/estate.hpp>
#include <pm/roster/model.hpp>
#include <pm/staff/engine.hpp>

namespace pm::roster {

struct Period {
  int first_day = 0; // day number of the first rota day
  int weeks = 4;
};

// People come from the estate's named staff; a role of which the estate names nobody gets
// numbered placeholders ("gate_guard-01", 门岗 1 / Gate guard 1), as many as the staffing has.
// Each person is given a home post of their role, filling posts in order.
Problem build(const estate::Estate &e, const staff::Staffing &s, const staff::Labor &labor, const Period &period);

} // namespace pm::roster
