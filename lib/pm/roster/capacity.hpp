#pragma once
// Can these people cover this demand lawfully at all? The lower bound, checked before any
// rostering, so that a refusal says where and by how much.

#include <pm/roster/bound.hpp>
#include <pm/roster/model.hpp>

#include <string>
#include <vector>

namespace pm::roster {

struct Shortfall {
  std::vector<int> posts; // the posts that share these people
  int people = 0;         // people who may take them now
  Bound bound;            // where and by how much the demand outruns them
  int add = 0;            // people to add: the bound's, or more when a roster showed it
  catalog::Text message;  // "gate: from 2026-01-05 to 2026-02-02 (29 days) needs 1,344 h, ...; add 1 gate guard"
};

// Posts are checked one by one and in groups that draw on the same people, against the
// lower bound (bound.hpp): each person's hours, leave and part-time week counted.
std::vector<Shortfall> shortfalls(const Problem &p);
// The message of a shortfall for `s.add` people.
catalog::Text shortfall_message(const Problem &p, const Shortfall &s);
// The role a post is staffed by, and its noun ("门岗" / "gate guard(s)").
std::string post_role(const Problem &p, int post);
catalog::Text role_noun(const Problem &p, const std::string &role, int count);

// The rules a post's shifts break by themselves (a shift longer than the law allows).
std::vector<catalog::Text> impossible_posts(const Problem &p);

} // namespace pm::roster
