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
  std::string id;  // rectification, tendering, contracts, licensed_companies, certified_managers, owners_committees
  double goal = 0; // a share, 0–1
};

struct Targets {
  std::string file;
  std::string id;
  catalog::Text name;
  std::vector<Target> targets; // in the order of the list above
  std::vector<estate::Phase> phases;
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
};

struct Result {
  std::vector<EstateRow> rows;
  std::vector<TargetResult> targets;
  int total_staff = 0;
  double total_area = 0;
  std::optional<double> total_cost;
  int invalid_files = 0;
  std::vector<std::string> illustrative_rates; // the illustrative rate sets any figure rests on
  bool all_met() const;
};

// Judges the rows against the targets.
std::vector<TargetResult> evaluate(const std::vector<EstateRow> &rows, const Targets &t);

} // namespace pm::portfolio
