#pragma once
// The fewest people who could cover a set of posts lawfully: a proof, not a guess. In every
// averaging period and every 7-day window, the seat-hours the posts need are compared with the
// most one person may work there (the period's hour limit, whole shifts, one free day in
// seven, the days a person is away). No roster with fewer people can exist.

#include <pm/roster/model.hpp>

#include <vector>

namespace pm::roster {

struct Bound {
  int people = 0;          // at least this many full-time, present people
  Window window;           // where that binds
  bool seven_days = false; // the window is a 7-day window (one free day in seven binds)
  bool on_call = false;    // on-call nights bind: demand and per_person count nights, not hours
  double demand = 0;       // seat-hours the posts need in it
  double per_person = 0;   // the most one full-time person may work there
  // Beyond the people who may take the posts now (their leave and hours counted):
  int add = 0;
  Window add_window;
  bool add_seven_days = false, add_on_call = false;
  double add_demand = 0, have = 0, add_per_person = 0;
};

// The bound for `posts`, counting the people who may take any of them as they are.
Bound lower_bound(const Problem &p, const std::vector<int> &posts);

} // namespace pm::roster
