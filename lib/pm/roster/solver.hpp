#pragma once
// Making a roster: the classic patterns where a team fits one, a general solver for the rest
// (greedy by fairness, with deterministic restarts), and a final check of every hard rule.

#include <pm/roster/patterns.hpp>
#include <pm/roster/rules.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pm::roster {

struct Options {
  std::uint64_t seed = 1;
  std::string pattern;  // "": choose automatically; "none": solver only; else force that pattern
  bool find_add = true; // on a refusal, find by trial how many more people make a roster
  int fair_effort = 1;  // the fair-shares pass's budget (roster/fair): 1, 10 for --fair, 0 for none
};

struct Result {
  bool ok = false;
  std::vector<Assignment> assignments; // sorted by start, post, person
  std::vector<catalog::Text> refusal;  // why no lawful roster could be made, where and by how much
  std::vector<Violation> violations;   // what a forced or failed roster broke
  bool usage_error = false;            // e.g. an unknown --pattern
  bool over_limit = false;             // the problem is beyond a limit (roster/limits): not tried
  std::map<std::string, int> add;      // after a refusal: people to add per role, shown to work (0: none found)
};

Result make_roster(Problem &p, const Options &o, const std::vector<Pattern> &patterns);

// The general solver alone, for the slots of `posts`, around assignments already made.
// Returns false and explains in `why` when some seat could not be filled lawfully.
// `failed_post` receives the post of the seat no one could take.
bool solve(const Problem &p, const std::vector<int> &posts, std::vector<Assignment> &assignments, std::uint64_t seed,
           std::vector<catalog::Text> &why, int *failed_post = nullptr);

} // namespace pm::roster
