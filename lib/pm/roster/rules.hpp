#pragma once
// The hard rules of a roster, checked on any list of assignments (generated or read back from
// an edited CSV). Each rule has a stable name, used as the error's code:
//   coverage, overlap, rest, shift-length, free-day, consecutive-days, hours,
//   consecutive-nights, unavailable, licence, role, not-a-shift.

#include <pm/diag/diagnostic.hpp>
#include <pm/roster/model.hpp>

#include <string>
#include <vector>

namespace pm::roster {

struct Violation {
  std::string rule;
  catalog::Text message;
  int assignment = -1; // index into the assignments, -1 when no one shift is to blame
  diag::Severity severity = diag::Severity::error;
};

// Checks every hard rule; violations sorted by the assignment they point at, then rule.
std::vector<Violation> check(const Problem &p, const std::vector<Assignment> &a);

// What the per-person rules need of the roster as a whole, computed once: the calendar days
// it touches (its rota days, and the morning after for a night that ends there) and the
// averaging periods of the hours limit over those days.
struct RuleFrame {
  explicit RuleFrame(const Problem &p);
  int first = 0, last = 0; // day numbers, inclusive
  std::vector<Window> windows;
};

// The rules of one person's shifts, the part of check() that the solver's passes share:
// unavailable, on-call-rest, on-call-limit, overlap, rest, consecutive-days, free-day,
// consecutive-nights, hours. `mine`: indices into `a` of that person's assignments, any order.
std::vector<Violation> check_person(const Problem &p, const RuleFrame &f, const std::vector<Assignment> &a, int person,
                                    const std::vector<int> &mine);
// The same rules, stopping at the first broken one and making no message.
bool person_lawful(const Problem &p, const RuleFrame &f, const std::vector<Assignment> &a, int person,
                   const std::vector<int> &mine);

// "08:00–16:00 on 2026-01-07 (Wed)" in either language.
catalog::Text when(int start, int end);
// Which slot of which post an assignment fills: the shift index, or -1.
int shift_of(const Problem &p, const Assignment &a);

} // namespace pm::roster
