#pragma once
// Making a roster: the classic patterns where a team fits one, a general solver for the rest
// (greedy by fairness, with deterministic restarts), and a final check of every hard rule.

#include <pm/roster/patterns.hpp>
#include <pm/roster/rules.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace pm::roster {

struct Options {
  std::uint64_t seed = 1;
  std::string pattern; // "": choose automatically; "none": solver only; else force that pattern
  int fair_effort = 1; // the fair-shares pass's budget (roster/fair): 1, or 10 for --fair
};

struct Result {
  bool ok = false;
  std::vector<Assignment> assignments; // sorted by start, post, person
  std::vector<catalog::Text> refusal;  // why no lawful roster could be made, where and by how much
  std::vector<Violation> violations;   // what a forced or failed roster broke
  bool usage_error = false;            // e.g. an unknown --pattern
};

Result make_roster(Problem &p, const Options &o, const std::vector<Pattern> &patterns);

// The general solver alone, for the slots of `posts`, around assignments already made.
// Returns false and explains in `why` when some seat could not be filled lawfully.
bool solve(const Problem &p, const std::vector<int> &posts, std::vector<Assignment> &assignments, std::uint64_t seed,
           std::vector<catalog::Text> &why);

} // namespace pm::roster
