#pragma once
// A portfolio of estates (a company's bids, a city's estates): governance rates against a
// regulator's targets, and staffing totals.

#include <pm/catalog/roles.hpp>
#include <pm/diag/diagnostic.hpp>
#include <pm/estate/estate.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::yaml {
struct Document;
}

namespace pm::portfolio {

struct Target {
  std::string id;        // one of target_ids()
  double goal = 0;       // a share, 0–1
  catalog::Text wording; // the plan's own words for it, when the file gives them
};

// Every target a targets file may set, in the order they are shown.
const std::vector<std::string> &target_ids();

// New estates at or above `public_min_area` m² choose their company by public tender; smaller
// ones as `below` says (invited_or_negotiated_with_approval: invitation or negotiation with
// the district housing authority's approval; public: public tender too).
struct TenderThreshold {
  double public_min_area = 0;
  std::string below = "invited_or_negotiated_with_approval";
};

// A leading group (the estate's group shape) and the office it sits in, if any.
struct Office {
  std::string seat; // the body it is set up in
  std::vector<catalog::Text> duties;
};
struct LeadingGroup {
  estate::Group group;
  std::optional<Office> office;
};

// A department or body with its part in the campaign.
struct Body {
  std::string id;
  catalog::Text name, role;
  std::vector<catalog::Text> duties;
};

struct Assumption {
  std::string about;
  catalog::Text text;
};

struct Targets {
  std::string file;
  std::string id;
  catalog::Text name;
  std::optional<int> scope_estates; // the estates the plan covers
  catalog::Text scope;
  std::vector<Target> targets; // in the order of target_ids()
  std::optional<TenderThreshold> tender_threshold;
  std::vector<estate::Phase> phases;
  catalog::Text principle;
  std::vector<LeadingGroup> groups;
  std::vector<Body> departments;
  std::vector<Assumption> assumptions;
};

// A targets file (kind: targets) rather than an estate.
bool is_targets(const nlohmann::json &v);
// Checks a parsed targets file: its schema and its phases.
void check_targets(yaml::Document &doc);

// Reads a targets file (kind: targets); located diagnostics on failure.
std::optional<Targets> load_targets(const std::string &path, const catalog::Catalogue &roles, diag::Diagnostics &out,
                                    bool &io_error);
// The same from a targets file's text (`path` names it in messages).
std::optional<Targets> parse_targets(std::string_view text, const std::string &path, const catalog::Catalogue &roles,
                                     diag::Diagnostics &out);

// The name of each target in both languages.
catalog::Text target_name(const std::string &id);

struct EstateRow {
  std::string file;
  std::string id;
  catalog::Text name;
  double area = 0;
  int staff = 0;                     // the staffing's total
  std::optional<double> annual_cost; // when a cost model was given
  std::optional<double> fee;         // lump sum with tax, 元/m²·month, when costed
  std::string rates;                 // the rate set it was costed at
  bool illustrative = false;         // those rates are illustrative
  estate::Governance governance;
  catalog::Text rates_title; // the rate set's title, which names it to people
};

struct TargetResult {
  Target target;
  int numerator = 0, denominator = 0; // estates (or items, for rectification) meeting / counted
  std::optional<double> rate;         // none when nothing is counted
  bool met = true;
  std::vector<std::string> missing; // ids of estates that fall short
  std::vector<std::string> unknown; // ids of estates the target applies to that don't state the fact
};

// A new estate whose tendering breaks the threshold, or can't be judged against it.
struct TenderFinding {
  std::string estate; // id
  enum class Kind { not_public, not_approved, method_unknown, approval_unknown } kind = Kind::not_public;
  std::string method; // public, invited, negotiated, "" when not said
  double area = 0;
  bool breach() const { return kind == Kind::not_public || kind == Kind::not_approved; }
};

struct Result {
  std::vector<EstateRow> rows;
  std::vector<TargetResult> targets;
  std::vector<TenderFinding> tender_findings;
  int total_staff = 0;
  double total_area = 0;
  std::optional<double> total_cost;
  int invalid_files = 0;
  std::vector<std::string> illustrative_rates; // the illustrative rate sets any figure rests on
  bool all_met() const;
  bool tender_breaches() const; // a finding that breaks the threshold (unknowns don't)
};

// Judges the rows against the targets.
std::vector<TargetResult> evaluate(const std::vector<EstateRow> &rows, const Targets &t);
// New estates against the tender threshold, in the order of the rows.
std::vector<TenderFinding> check_tenders(const std::vector<EstateRow> &rows, const TenderThreshold &t);

} // namespace pm::portfolio
