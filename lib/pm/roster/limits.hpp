#pragma once
// The limits of a roster: how large a rostering problem pm takes on. The people and the
// seat-shifts to fill are checked before any work; the solver's work (candidates weighed) is
// counted as it goes and stops at its budget. Each is an error naming the limit (pm-roster(1),
// LIMITS). Every example estate, and a 300,000 m² estate, fits over 106 weeks.

#include <pm/catalog/roles.hpp>
#include <pm/roster/model.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace pm::roster {

namespace limits {
inline constexpr int people = 1'000;                // people in one roster
inline constexpr std::int64_t seat_shifts = 60'000; // seats × shifts × days, all posts
// Candidates the solver may weigh for one roster (a person considered for a seat), restarts
// and the search for the people a refused roster lacks included.
inline constexpr std::int64_t solver_work = 3'000'000;
} // namespace limits

struct OverLimit {
  std::string code = "roster-limit";
  catalog::Text message;
  bool option = false; // the estate alone fits: only the number of weeks asked for is over
};

// Seat-shifts to fill over the problem's days (on-call shifts included: someone holds them).
std::int64_t seat_shifts(const Problem &p);
// The first limit `p` goes beyond, or nothing.
std::optional<OverLimit> over_limits(const Problem &p);

} // namespace pm::roster
