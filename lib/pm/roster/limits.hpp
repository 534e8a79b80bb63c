#pragma once
// The limits of a roster: how large a rostering problem pm takes on. The solver's work grows
// with the seat-shifts to fill and the people who might fill each, so both are bounded, and
// their product; a problem beyond a limit is refused before any work, with the limit named
// (pm-roster(1), LIMITS). Every example estate, and a 300,000 m² estate, fits over 106 weeks.

#include <pm/catalog/roles.hpp>
#include <pm/roster/model.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace pm::roster {

namespace limits {
inline constexpr int people = 1'000;                // people in one roster
inline constexpr std::int64_t seat_shifts = 40'000; // seats × shifts × days, all posts
inline constexpr std::int64_t choices = 4'000'000;  // people × seat-shifts
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
