#pragma once
// Can these people cover this demand lawfully at all? A quick, exact-enough bound checked
// before any rostering, so that a refusal says where and by how much.

#include <pm/roster/model.hpp>

#include <string>
#include <vector>

namespace pm::roster {

struct Shortfall {
  std::vector<int> posts; // the posts that share these people
  double needed = 0;      // seat-hours a week
  int people = 0;         // people who may take them
  double can_give = 0;    // at most, lawfully, a week
  int add = 0;            // people to add
  catalog::Text message;  // "gate: 168 h/week needed, 3 gate guards can lawfully give at most 145 h; add 1 gate guard"
};

// Each person gives at most Labor::lawful_max_weekly_hours() a week (part-timers their
// contracted hours), less the days they are unavailable. Posts are checked one by one and in
// groups that draw on the same people.
std::vector<Shortfall> shortfalls(const Problem &p);

// The rules a post's shifts break by themselves (a shift longer than the law allows).
std::vector<catalog::Text> impossible_posts(const Problem &p);

} // namespace pm::roster
