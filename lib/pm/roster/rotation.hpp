#pragma once
// Rotations (轮转排班) for a post's own team: one cyclic row of shifts and days off that each
// member follows one day apart, so that every calendar day holds each shift once per seat. Any
// team from one person more than the seat-shifts of a day upwards can be tried, not only the
// team sizes of the named patterns (7 people on 2 seats, 11 on 3, 181 on 40). The row spreads
// days off and each shift evenly; it is kept only if the roster it makes passes every rule.

#include <pm/roster/model.hpp>

#include <optional>
#include <vector>

namespace pm::roster {

struct Rotation {
  std::vector<int> row; // per day of the cycle: the post's shift index, -1 for a day off
  int days_off() const;
};

// The post's team as a rotation needs it: everyone homed there, each eligible, full time and
// present for the whole period; nothing when someone is not (the general solver takes over).
std::optional<std::vector<int>> rotation_team(const Problem &p, int post);

// A lawful rotation roster of the post for `team`, or nothing. `used` receives the row.
std::optional<std::vector<Assignment>> rotate(const Problem &p, int post, const std::vector<int> &team,
                                              Rotation *used = nullptr);

} // namespace pm::roster
