#pragma once
// Builds the staffing proposal of an estate from one computation: the staffing, the budget
// costed from it and (when given) the roster made from it, so every number in every format is
// the one `pm staff`, `pm budget` and `pm roster` print for the same inputs.

#include <pm/app/plan.hpp>
#include <pm/budget/budget.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/doc/document.hpp>
#include <pm/estate/estate.hpp>
#include <pm/report/cite.hpp>
#include <pm/staff/engine.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace pm::report {

using namespace pm::doc; // the proposal is a document: its parts are doc's

// Key figures, repeated at the top of JSON for readers that want only them.
struct Summary {
  int headcount = 0;
  double area_total = 0;
  double chargeable_area = 0;
  double annual_cost = 0;
  double monthly_cost = 0;
  double fee_lump_sum = 0, fee_lump_sum_vat = 0, fee_cost_plus = 0; // 元/m²/month, rounded to the fen
  bool fee_charged = true;                                          // false: a cost budget, no fee
  bool roster = false;                                              // the 4-week roster excerpt is included
  double roster_coverage = 0;
};

// The proposal: a document with its key figures.
struct Document : doc::Document {
  Summary summary;
  // The numbered references and the assumptions the text marks ([1], [A1]), in order.
  std::vector<std::string> references, assumptions;
  std::string colophon; // the one line of tool provenance (also the document's footer)
  struct Provenance {
    std::string tool, input, norms, labor, rates;
    int rates_year = 0;
  } provenance; // what the figures were computed from, by id (JSON)
};

// The proposal as JSON (schemas/report.schema.json): the document and its summary.
nlohmann::ordered_json to_json(const Document &d);

// for each post, who works which shift on each day; then each person's totals.
struct RosterExcerpt {
  struct Line {
    std::string person; // person id
    catalog::Text name;
    std::vector<std::string> codes; // one per day: shift code ("早", "E"), "" off
    int shifts = 0;                 // at this post
    double hours = 0;               // at this post
  };
  struct Block {
    std::string post;      // post id
    catalog::Text pattern; // the shift pattern's title, empty when the general solver made it
    std::vector<Line> lines;
  };
  struct PersonTotal {
    std::string person;
    catalog::Text name;
    std::string home; // home post id, "" for none
    int shifts = 0;
    double hours = 0, weekly_average = 0, overtime = 0;
    int nights = 0, weekends = 0, holidays = 0;
  };
  bool dated = false;    // false: a cycle shown by week and weekday (no --date)
  std::string first_day; // ISO date the roster starts on
  int days = 28;
  std::vector<std::string> day_labels;
  std::vector<Block> blocks;
  std::vector<PersonTotal> people;
  double coverage = 0; // % of seat-shifts covered
  catalog::Text legend;
};

// What the builders read: the plan's parts and the context's data, in one place.
struct Input {
  const estate::Estate &estate;
  const staff::Staffing &staffing;
  const budget::Budget &budget;
  const catalog::Catalogue &roles; // the built-in catalogue plus the estate's own units and positions
  const staff::Labor &labor;
  const staff::NormSet &norms;
  const app::Context &context;
  const RosterExcerpt *roster = nullptr;     // null: no roster (see roster_refusal)
  std::vector<catalog::Text> roster_refusal; // why no lawful roster could be made
  bool zh = true;
  std::string date;           // ISO date for the title page, "" for none
  Citations *cites = nullptr; // where the sections enter their sources; null: sources as text
  std::string input;          // the estate file's name, for the colophon
  std::string tool;           // "pm 0.1.0", for the colophon
  bool provenance = false;    // add the provenance appendix
};

struct Options {
  i18n::Lang lang = i18n::Lang::zh;
  std::string date;        // ISO date for the title page and the roster's first day; "" for none
  std::string input;       // the estate file's name, for the colophon ("" for none)
  std::string tool;        // the program and its version, for the colophon
  bool provenance = false; // an appendix with the norm set, labour profile, rates and inputs
};

// The first day of the roster excerpt when the proposal has no date: Monday 5 January 2026,
// four weeks without a public holiday, so the cycle shown is the plain rota.
inline constexpr const char *default_roster_start = "2026-01-05";

// What the proposal asks of a plan: the budget, and four weeks of roster from the date (or
// default_roster_start) with pm roster's defaults, so its figures are the ones `pm roster
// --start DAY` prints. Nullopt when `date` is not a real date.
std::optional<app::PlanRequest> plan_request(const std::string &date);

// The proposal of a plan made with plan_request(o.date). The plan must have its budget.
Document build(const app::Context &c, const app::Plan &p, const Options &o);

// The roster excerpt of a plan's roster; `dated`: days labelled by date, else by week and weekday.
struct RosterOutcome {
  std::optional<RosterExcerpt> excerpt;
  std::vector<catalog::Text> refusal; // why no lawful roster could be made
  bool no_posts = false;              // nothing to roster
};
RosterOutcome roster_excerpt(const app::Rostered &r, const app::Context &c, bool dated, bool zh);

Document build(const Input &in); // internal: the sections from the parts

// The common name of a post's shift pattern from its shape: 四班三运转 for
// 4 people per seat on three 8-hour shifts round the clock, and so on.
std::string pattern_name(const staff::Post &p, bool zh);

} // namespace pm::report
