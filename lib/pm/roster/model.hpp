#pragma once
// What a roster is made of: posts with their demand, people, and who works which shift.
//
// Times are minutes since 1970-01-01T00:00 local time. A post's shifts repeat every "rota
// day", which starts at the post's first shift: with the default 08-16, 16-24, 00-08 the
// night shift of a rota day starts at midnight at the end of that calendar day.

#include <pm/catalog/roles.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm::roster {

struct PostDemand {
  std::string id;
  catalog::Text name;
  std::string role;               // the role staffed for it ("" for a duty)
  std::vector<std::string> roles; // roles whose people may take it
  std::string licence;            // needed on every seat, if any
  int seats = 1;
  std::vector<staff::Shift> shifts; // in rota order
  std::vector<int> days;            // ISO weekdays of the rota day; empty: every day
  bool duty = false;
  bool team = false;   // only the people staffed for it (home) may take it
  int on_call = -1;    // the shift that is on call (值班, not working time), -1 for none
  int people = 0;      // people staffed for it by the norm set
  std::string pattern; // the shift pattern used for it, "" when solved
  int cycle = 0;       // days in the cycle of the rotation used for it, 0 for none
  int swaps = 0;       // swaps of its shifts between people, to even out shares (roster/fair)

  bool needed_on(int day) const;
  // Start of shift `i` on rota day `day`, in minutes since the epoch.
  int shift_start(int day, int i) const;
  // Offset of shift i from the start of the rota day.
  int shift_offset(int i) const;
  double weekly_hours() const; // seat-hours a week on duty (an on-call shift left out)
  bool round_the_clock() const;
  bool is_on_call(int shift) const { return on_call >= 0 && shift == on_call; }
};

struct Person {
  std::string id;
  catalog::Text name;
  std::string role;
  std::vector<std::string> licences;
  double hours_per_week = 0; // 0: the labour profile's standard week
  std::set<int> unavailable; // days
  bool placeholder = false;  // numbered stand-in, assumed to hold every licence
  int home = -1;             // the post this person is staffed for, -1 for none

  bool holds(const std::string &licence) const;
};

// One shift of one post on one rota day, needing `seats` people.
struct Slot {
  int post = 0, shift = 0, day = 0; // day: index of the rota day from the roster's start
  int start = 0, end = 0;           // minutes since the epoch
  int seats = 1;
};

struct Assignment {
  int person = 0, post = 0;
  int start = 0, end = 0;
  int line = 0; // CSV line it was read from, 0 when generated
};

struct Problem {
  std::string estate_id;
  catalog::Text estate_name;
  std::string estate_file;
  std::string norms;
  staff::Labor labor;
  int first_day = 0; // day number of the first rota day
  int days = 28;
  std::vector<PostDemand> posts;
  std::vector<Person> people;
  std::optional<Holidays> holidays;
  std::map<std::string, catalog::Text> role_names;    // of the roles in play, for messages
  std::map<std::string, catalog::Text> licence_names; // of the posts' licences, for messages
  // The name of a role or licence in play, or its id when the catalogue has none.
  catalog::Text role_name(const std::string &id) const;
  catalog::Text licence_name(const std::string &id) const;

  std::vector<Slot> slots() const; // sorted by start, post, shift
  bool eligible(int person, int post) const;
  int find_person(const std::string &id) const;
  int find_post(const std::string &id) const;
  int last_day() const { return first_day + days - 1; }
  // Calendar days a roster touches: its rota days and the morning after for night shifts.
  int calendar_end() const;
};

// Gives the people of `role` their home posts: the role's posts in order up to the people
// staffed for each, then any extra people round the posts they may take.
void assign_homes(Problem &p, const std::string &role);

// Labour-law helpers shared by the solver, the checker and the summary.
bool is_night(const staff::Labor &l, int start, int end);
int first_calendar_day(int start);
int last_calendar_day(int end); // the day of the shift's last minute
// The averaging periods of the labour profile that a roster overlaps, clipped to the
// roster; a clipped piece shorter than a week is merged into its neighbour.
struct Window {
  int first = 0, last = 0; // day numbers, inclusive
  std::string label;       // "2026-01", "2026-W02", "2026-Q1", "2026"
  int days() const { return last - first + 1; }
};
std::vector<Window> averaging_windows(const staff::Labor &l, int first_day, int last_day);
double weekly_target(const staff::Labor &l, const Person &p);
// Standard hours and the most a person may lawfully work within a window.
double standard_hours(const staff::Labor &l, const Person &p, int days);
double max_hours(const staff::Labor &l, const Person &p, const Window &w);
// Overtime allowed over days [first, last]: the monthly cap, pro rata for each month's part.
double overtime_cap(const staff::Labor &l, int first, int last);

} // namespace pm::roster
