#pragma once
// The smallest headcount each post can be rostered with (pm roster --min): the lower bound
// (bound.hpp) says fewer cannot work; a roster made at a headcount says that many can. Where
// the two meet, the minimum is proven.

#include <pm/roster/bound.hpp>
#include <pm/roster/solver.hpp>

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace pm::roster {

struct PostMinimum {
  int post = 0;
  int staffed = 0; // people the norm set staffs for it
  Bound bound;     // fewer than bound.people cannot cover it
  int found = 0;   // the fewest people pm rostered it with alone; 0: none up to the bound + `tries`
  bool proven() const { return found > 0 && found == bound.people; }
};

// Each post that is not a duty, alone, staffed with full-time people of its role who are
// present throughout: the bound, then rosters at the bound, the bound + 1, ... `tries` more.
std::vector<PostMinimum> minimum_headcounts(const Problem &p, const Options &o, const std::vector<Pattern> &patterns,
                                            int tries = 6);

// The JSON document of schemas/roster-min.schema.json.
nlohmann::ordered_json minimum_json(const Problem &p, const std::vector<PostMinimum> &m, bool zh);

} // namespace pm::roster
