#pragma once
// From an estate and its staffing to a rostering problem: posts, demand and people.

#include <pm/catalog/roles.hpp>
#include <pm/estate/estate.hpp>
#include <pm/roster/model.hpp>
#include <pm/staff/engine.hpp>

namespace pm::roster {

struct Period {
  int first_day = 0; // day number of the first rota day
  int weeks = 4;
};

// What a roster is made under: the labour law, the public holidays of the period, and the
// role catalogue that names the roles (the estate's own, with its units' positions).
struct Calendar {
  const staff::Labor &labor;
  const std::optional<Holidays> &holidays;
  const catalog::Catalogue &roles;
};

// People come from the estate's named staff; a role of which the estate names nobody gets
// numbered placeholders ("gate_guard-01", 门岗 1 / Gate guard 1), as many as the staffing has.
// Each person is given a home post of their role, filling posts in order.
Problem build(const estate::Estate &e, const staff::Staffing &s, const Calendar &cal, const Period &period);

} // namespace pm::roster
