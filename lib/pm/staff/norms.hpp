#pragma once
// Norm sets: the staffing rules as data (lib/data/norms/*.toml), each rule with its source.

#include <pm/catalog/roles.hpp>
#include <pm/diag/diagnostic.hpp>
#include <pm/staff/quantity.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::staff {

enum class RuleKind { fixed, ratio, cover, duty };
enum class Rounding { ceil, floor, round };
// How a covered post becomes people: one person per seat per shift (common practice), or the
// hours to cover divided by what one person lawfully works in a year (the labour profile).
enum class CoverMethod { per_shift, labour };

// A shift as minutes from midnight; an end at or before the start means the next day.
struct Shift {
  int start = 0;
  int end = 0;
  int minutes() const { return end > start ? end - start : end + 1440 - start; }
};
std::string format_hhmm(int minutes);
// "24h" -> three 8-hour shifts 08-16, 16-24, 00-08 (or shifts of `shift_hours`);
// "HH:MM-HH:MM" -> that window split into equal shifts of at most `shift_hours`.
std::optional<std::vector<Shift>> shifts_for(const std::string &hours, double shift_hours);

struct Rule {
  RuleKind kind = RuleKind::fixed;
  std::string role;
  std::string post; // cover and duty rules: the roster post's id
  // fixed
  double count = 0;
  // ratio: people = base + rounding(max(0, quantity - above) / per)
  std::string quantity;
  double per = 0;
  std::string per_quantity;         // per read from the estate instead (e.g. owners per butler)
  std::vector<double> per_by_grade; // per at service grades 1..4 instead of one `per`
  double base = 0;
  double above = 0;
  Rounding rounding = Rounding::ceil;
  // cover: seats on every shift of `hours`
  double seats = 0;
  std::string seats_quantity;
  double seats_per = 1;
  std::string hours = "24h";
  std::string hours_from; // the hours of this special service of the estate ("concierge"), 24h if it gives none
  double shift_hours = 8;
  std::vector<Shift> shifts;
  std::vector<int> days; // ISO weekdays the post is needed; empty: every day
  std::optional<CoverMethod> method;
  bool per_entrance = false; // one post per staffed entrance, with the entrance's hours
  std::string licence;       // seats need this licence (default: the role's)
  // duty: a post covered by people of other roles, adding no headcount
  std::vector<std::string> duty_roles;
  std::optional<double> min, max;
  std::vector<Condition> when;
  std::vector<int> grades;
  std::vector<std::string> types; // estate types the rule is for; empty: every type
  catalog::Text source;
  catalog::Text note;
  int line = 0, column = 0;
};

// The usual m² per person for estates of a kind and size. Of the bands an estate matches, the one
// with the most selectors (building type, estate types, size) applies; ties go to the first.
struct Band {
  std::string building_type;         // the estate's dominant building type; "" for any
  std::vector<std::string> types;    // estate types; empty for any
  double area_min = 0, area_max = 0; // managed area from area_min up to (not including) area_max; 0: open
  double min_m2_per_person = 0, max_m2_per_person = 0;
  catalog::Text source;
};

struct NormSet {
  std::string name;
  catalog::Text title;
  catalog::Text description;
  catalog::Text source;
  std::string labor = "cn";
  CoverMethod cover_method = CoverMethod::labour;
  std::vector<Rule> rules;
  std::vector<Band> bands;
  std::string file;
};

// Loads a norm set by built-in name ("cn-standard") or path; checks roles against `roles`.
std::optional<NormSet> load_norms(const std::string &name_or_path, const catalog::Catalogue &roles,
                                  diag::Diagnostics &out);
// The same from a norm file's text; `file` names it in messages, `name` is the set's name.
std::optional<NormSet> parse_norms(std::string_view text, const std::string &file, const std::string &name,
                                   const catalog::Catalogue &roles, diag::Diagnostics &out);

const char *to_string(RuleKind k);
const char *to_string(Rounding r);

} // namespace pm::staff
