#pragma once
// An estate's plan, computed once: its staffing, and on request its budget and its roster,
// with their diagnostics. Every command draws its output from a plan (or several).

#include <pm/app/context.hpp>
#include <pm/budget/budget.hpp>
#include <pm/estate/estate.hpp>
#include <pm/roster/minimum.hpp>
#include <pm/roster/model.hpp>
#include <pm/roster/solver.hpp>
#include <pm/roster/summary.hpp>
#include <pm/staff/engine.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pm::yaml {
struct Document;
}

namespace pm::app {

// A checked estate and the role catalogue it extends (its units become departments, their
// positions roles).
struct EstateInput {
  estate::Estate estate;
  catalog::Catalogue roles;
};

struct LoadedEstate {
  std::optional<EstateInput> input;
  diag::Diagnostics diagnostics; // warnings too, when it loaded
  Status status = Status::ok;
  bool targets = false; // the file is a targets file (kind: targets), not an estate
};

// Parses and checks a file as its kind says: a targets file (kind: targets) against its own
// schema, anything else as an estate.
yaml::Document check_text(const Context &c, std::string_view text, const std::string &name);

// Reads, validates and models an estate file ("-" for standard input).
LoadedEstate load_estate(const Context &c, const std::string &path);
// The same for an estate's text; `name` names it in messages.
LoadedEstate estate_from_text(const Context &c, std::string_view text, const std::string &name);

struct RosterRequest {
  int first_day = 0; // day number (util/date)
  int weeks = 4;
  std::uint64_t seed = 1;
  std::string pattern;  // "": choose; "none": solver only; else that pattern
  bool minimum = false; // the fewest people each post needs (pm roster --min), not the roster
  bool fair = false;    // --fair: ten times the fair-shares pass's budget
};

struct PlanRequest {
  bool budget = false;
  std::optional<RosterRequest> roster;
};

// The roster of a plan: the problem it solved and the outcome.
struct Rostered {
  roster::Problem problem;
  roster::Result result;
  std::optional<roster::Summary> summary;   // when a lawful roster was made
  std::vector<roster::PostMinimum> minimum; // on request
  bool ok() const { return result.ok; }
  bool nothing_to_roster() const { return problem.posts.empty(); }
};

struct Plan {
  estate::Estate estate;
  catalog::Catalogue roles;
  staff::Staffing staffing;
  std::optional<budget::Budget> budget;
  std::optional<Rostered> roster;
  diag::Diagnostics diagnostics; // why a budget asked for could not be made
  Status status = Status::ok;
};

Plan make_plan(const Context &c, EstateInput in, const PlanRequest &r);

} // namespace pm::app
