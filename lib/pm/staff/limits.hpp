#pragma once
// The limits of staffing: what a norm set may say and what an estate may need. Each is far
// above any real estate (the largest example staffs under 100 people on under 30 posts) and
// keeps every command's time and memory bounded; an estate or a norm file beyond one is an
// error that names the limit (pm-norms(1), pm-estate(5), LIMITS).

namespace pm::staff::limits {

// People for one role of one estate, and for the whole estate.
inline constexpr int role_headcount = 100'000;
inline constexpr int estate_headcount = 100'000;
// People on one post at the same time (its seats), and the posts of one estate.
inline constexpr int post_seats = 1'000;
inline constexpr int posts = 1'000;
// The smallest capacity per person a ratio may divide by (per, per_by_grade, seats_per).
inline constexpr double min_divisor = 0.01;

} // namespace pm::staff::limits
