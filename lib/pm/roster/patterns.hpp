#pragma once
// Classic shift patterns as data (lib/data/patterns/*.toml): 四班三运转, 五班三运转, 四班两倒...

#include <pm/diag/diagnostic.hpp>
#include <pm/i18n/lang.hpp>
#include <pm/roster/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::roster {

struct Pattern {
  std::string name; // file name: "four-three"
  catalog::Text title;
  i18n::Text source;
  int shifts = 3;
  double shift_hours = 8;
  int crews = 4;
  std::vector<std::string> codes;
  std::string cycle; // one letter a rota day, '-' off
  double average_weekly_hours = 0;
  bool lawful = true;
  catalog::Text note;

  int step() const { return static_cast<int>(cycle.size()) / crews; }
  // The shift (index into the post's shifts) that crew `crew` works on absolute rota day
  // `day`, or -1 for a day off. Phases are tied to the calendar so that consecutive rosters join.
  int shift_on(int crew, int day) const;
};

// The embedded patterns, sorted by name; problems in the data go to `out`.
std::vector<Pattern> builtin_patterns(diag::Diagnostics &out);
// A pattern by name or Chinese title ("four-three" or "四班三运转").
const Pattern *find_pattern(const std::vector<Pattern> &all, const std::string &name);
std::optional<Pattern> parse_pattern(std::string_view text, const std::string &file, const std::string &name,
                                     diag::Diagnostics &out);

// Whether the pattern's shape fits the post: its shifts, every day, people = crews × seats.
bool shape_fits(const Pattern &pat, const PostDemand &post);
// The post's team (people homed there) if the pattern can roster them as they are: full
// time, all eligible, none away during the period.
std::optional<std::vector<int>> team_fits(const Pattern &pat, const Problem &p, int post);

// Assignments of the pattern for the post's team (crew i is team[i*seats .. i*seats+seats-1]).
std::vector<Assignment> apply(const Pattern &pat, const Problem &p, int post, const std::vector<int> &team);

} // namespace pm::roster
