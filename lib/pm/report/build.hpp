#pragma once
// Builds the staffing proposal of an estate from one computation: the staffing, the budget
// costed from it and (when given) the roster made from it, so every number in every format is
// the one `pm staff`, `pm budget` and `pm roster` print for the same inputs.

#include <pm/budget/budget.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/estate/estate.hpp>
#include <pm/report/document.hpp>
#include <pm/staff/engine.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <string>
#include <vector>

namespace pm::report {

// The 4-week roster excerpt, already computed (by pm::roster): who works which shift of
// which post on each day. Posts and people are in the roster's order.
struct RosterExcerpt {
  struct PostInfo {
    std::string id;
    std::string pattern; // the shift pattern's title, "" when the general solver made it
  };
  struct PersonRow {
    std::string id;
    catalog::Text name;
    std::string post;               // home post id, "" for none
    std::vector<std::string> codes; // one per day: shift code ("早", "E"), "" off
    int shifts = 0;
    double hours = 0;
    double weekly_average = 0;
    int nights = 0;
  };
  std::string first_day; // ISO date of the first day
  int days = 28;
  std::vector<std::string> day_labels; // "1/5 一" or "Mon 5"
  std::vector<PostInfo> posts;
  std::vector<PersonRow> people;
  double coverage = 0; // % of seat-shifts covered
  catalog::Text legend;
};

struct Input {
  const estate::Estate& estate;
  const staff::Staffing& staffing;
  const budget::Budget& budget;
  const catalog::Catalogue& roles; // the built-in catalogue plus the estate's own units and positions
  const staff::Labor& labor;
  const staff::NormSet& norms;
  const RosterExcerpt* roster = nullptr; // null: shown as pending
  bool zh = true;
  std::string date; // ISO date for the title page, "" for none
};

Document build(const Input& in);

// The common name of a post's shift pattern from its shape (DOMAIN.md §4): 四班三运转 for
// 4 people per seat on three 8-hour shifts round the clock, and so on.
std::string pattern_name(const staff::Post& p, bool zh);

} // namespace pm::report
