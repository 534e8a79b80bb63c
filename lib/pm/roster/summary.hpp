#pragma once
// What a roster amounts to, per person and overall.

#include <pm/roster/model.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace pm::roster {

struct PersonSummary {
  int person = 0;
  int shifts = 0;
  double hours = 0;
  double weekly_average = 0;
  double overtime = 0; // hours beyond the standard, summed over the averaging periods
  int nights = 0, weekends = 0, holidays = 0;
  int free_days = 0;
  int on_call = 0; // on-call nights (not working time)
  int group = -1;  // index into Summary::groups, -1 when in none shown
};

struct Spread {
  int min = 0, max = 0;
};

struct PostSummary {
  int post = 0;
  int seat_shifts = 0, covered = 0;
  int people = 0; // who worked there
  Spread nights, weekends, hours;
};

// Average and range of one measure over a group.
struct Share {
  double average = 0, min = 0, max = 0;
};

// The shares of one group of people who share posts (roster/fair's share_groups).
struct GroupSummary {
  int post = -1;    // the home post, or -1
  std::string role; // for people with no home post
  std::vector<int> people;
  Share hours, nights, weekends, holidays;
};

struct Summary {
  std::vector<PersonSummary> people;
  std::vector<PostSummary> posts;
  std::vector<GroupSummary> groups; // groups with any shift worked
  int seat_shifts = 0, covered = 0;
  double coverage() const { return seat_shifts ? 100.0 * covered / seat_shifts : 100.0; }
  Spread nights, weekends, holidays; // over people with a home post of round-the-clock cover
  bool holidays_known = true;        // the holiday list covers the whole period
};

Summary summarize(const Problem &p, const std::vector<Assignment> &a);

// The JSON document of schemas/roster.schema.json.
nlohmann::ordered_json to_json(const Problem &p, const std::vector<Assignment> &a, const Summary &s, bool zh,
                               std::uint64_t seed);

} // namespace pm::roster
