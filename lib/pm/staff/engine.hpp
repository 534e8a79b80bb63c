#pragma once
// Staffing: headcount by department and role for an estate, with the reasoning of each line.

#include <pm/catalog/roles.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::staff {

// One rule's contribution to a role.
struct Line {
  RuleKind kind = RuleKind::fixed;
  int rule_line = 0; // where the rule stands in its norm file
  double raw = 0;    // before rounding and limits
  int people = 0;
  catalog::Text explanation; // "9 high-rise buildings ÷ 3 per person = 3"
  catalog::Text source;
  std::string post;
};

struct RoleLine {
  std::string id;
  catalog::Text name;
  std::string department;
  int headcount = 0;
  std::vector<Line> lines;
};

struct DepartmentLine {
  std::string id;
  catalog::Text name;
  int headcount = 0;
  std::vector<RoleLine> roles;
};

// A post that must be covered for given hours: what rosters are built for.
struct Post {
  std::string id;
  catalog::Text name;
  std::string role;               // the role staffed for it (cover), or "" for a duty
  std::vector<std::string> roles; // roles whose people may take it
  std::string licence;            // needed on every seat, if any
  int seats = 1;                  // people on each shift
  std::vector<Shift> shifts;
  std::vector<int> days; // ISO weekdays; empty: every day
  int people = 0;        // people staffed for this post (0 for a duty)
  bool duty = false;     // taken in turn by people of other posts, adds no headcount
  bool team = false;     // taken only by the people staffed for it (a butler team)
  int on_call = -1;      // the shift that is on call (值班, not working time), -1 for none
  CoverMethod method = CoverMethod::labour;
  double weekly_hours() const; // seat-hours a week on duty (on-call shifts left out)
};

struct Warning {
  std::string code;
  catalog::Text message;
  std::string role;
  std::string post;
};

struct Indicators {
  // Both undefined without managed area or without staff.
  std::optional<double> m2_per_person;
  std::optional<double> people_per_10k_m2;
  std::optional<Band> band;
  catalog::Text band_scope; // what the band is for: "（写字楼）（5–10 万 m²）", " for high-rise estates"
  std::string dominant_building_type;
};

struct Staffing {
  std::string estate_id;
  catalog::Text estate_name;
  double area_total = 0;
  std::string norms;
  catalog::Text norms_title;
  std::string labor;
  int total = 0;
  std::vector<DepartmentLine> departments;
  std::vector<Post> posts;
  std::vector<Warning> warnings;
  Indicators indicators;
  // The estate's inputs (as the estate file names them: "parking.spaces") that it gives and that
  // no rule of the norm set read: they did not change the staffing.
  struct Unused {
    std::string field;  // "parking.spaces"
    catalog::Text name; // "parking spaces" / "车位"
  };
  std::vector<Unused> unused_inputs;
  // What goes beyond a limit of staffing (staff/limits.hpp): an estate with any of these can't
  // be planned, and the commands stop with them as errors. `pointer` (JSON Pointer) is the part
  // of the estate file that asked for it, "" for the whole file.
  struct LimitError {
    std::string code; // headcount-limit, seats-limit, posts-limit
    catalog::Text message;
    std::string pointer;
  };
  std::vector<LimitError> errors;

  const RoleLine *role(const std::string &id) const;
  int headcount(const std::string &role_id) const;
};

Staffing compute(const estate::Estate &e, const NormSet &norms, const Labor &labor, const catalog::Catalogue &roles);

// Average weekly hours each person works when `people` cover `weekly_hours` of seat-time.
double hours_per_person(double weekly_hours, int people);

} // namespace pm::staff
