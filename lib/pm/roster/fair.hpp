#pragma once
// Fair shares: a pass over a lawful roster that evens out, within each group of people who
// share posts, the hours (against each person's weekly target), nights, weekend shifts and
// public-holiday shifts. It swaps two people's shifts over a few consecutive days, and keeps a
// swap only when both people stay lawful (the per-person rules of rules.hpp) and the spread
// shrinks. Deterministic for a seed: its budget is a number of tries, not a time.

#include <pm/roster/model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace pm::roster {

// People who share posts: the people staffed for one post (its home team), and people with
// no home post by role. Groups in order of post, then of role; people in index order.
struct ShareGroup {
  int post = -1;    // the home post, or -1
  std::string role; // for people with no home post
  std::vector<int> people;
};
std::vector<ShareGroup> share_groups(const Problem &p);

// Each person's share of a group's work: their weekly target against the standard week
// (part-timers pro rata), times the part of the rota days they are available.
double share_weight(const Problem &p, int person);

// The four quantities shared out, per assignment and per person.
enum Measure { m_hours = 0, m_nights, m_weekends, m_holidays, m_count };

struct FairOptions {
  std::uint64_t seed = 1;
  int effort = 1;             // tries per person and measure, in hundreds: 1 by default, 10 for --fair
  bool keep_patterns = false; // leave the shifts of posts on a named pattern as they are
};

// Evens out the shares of `a`, which must be lawful, and sorts it again by start, post and
// person. Each post's PostDemand::swaps counts the swaps that moved its shifts.
void even_out(Problem &p, std::vector<Assignment> &a, const FairOptions &o);

} // namespace pm::roster
