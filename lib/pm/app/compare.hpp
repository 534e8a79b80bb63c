#pragma once
// pm compare: variants of one estate side by side (norm sets, labour profiles, rates, grades,
// outsourcing choices, or versions of its file), each staffed and costed as pm staff and
// pm budget would, with what differs between them.

#include <pm/app/plan.hpp>
#include <pm/util/file.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::app {

// A service a variant contracts out, at the price given with it (if any; else at the price of
// the estate file's contract for it, or unpriced).
struct OutsourceChoice {
  std::string service;
  double annual = 0;       // 元 a year
  double per_m2_month = 0; // 元 per m² of the total area a month
  bool priced() const { return annual > 0 || per_m2_month > 0; }
};

// A variant as `--variant "LABEL: key=value, key=value"` writes it.
struct VariantSpec {
  std::string text;                // as given
  std::string label;               // "" when none is given
  std::string norms, labor, rates; // "": as for every variant (--norms, --labor, --rates)
  std::optional<int> grade;
  std::vector<OutsourceChoice> outsource;
  std::vector<std::string> inhouse; // services brought in house
  bool empty() const {
    return norms.empty() && labor.empty() && rates.empty() && !grade && outsource.empty() && inhouse.empty();
  }
};

// The keys a variant may set, in the order pm-compare(1) lists them.
const std::vector<std::string> &variant_keys();
// The services outsource= and inhouse= take: the estate format's (outsourced[].service), and
// "environment" for cleaning and greening together.
const std::vector<std::string> &variant_services();

// Parses a variant; the error says what is wrong (with "did you mean" for a misspelt key or
// service).
util::Expected<VariantSpec, i18n::Text> parse_variant(std::string_view text);

// One column of the comparison: an estate as a variant changed it, staffed and costed.
struct Variant {
  std::string label;               // as given; "" for the report to name it
  std::optional<VariantSpec> spec; // none: an estate file as written
  std::string file;                // the estate file
  Plan plan;                       // with its budget
  catalog::Text labor_title;       // the labour profile's
};

// Headcounts of a department or role in each variant, in the order of the variants (0 where
// it has none).
struct Headcounts {
  std::string id;
  std::string department; // a role's department ("" for a department)
  catalog::Text name;
  std::vector<int> headcount;
};

struct Comparison {
  std::vector<Variant> variants;       // two or more; the first is the one others are set against
  std::vector<Headcounts> departments; // every department of any variant, in order of appearance
  std::vector<Headcounts> roles;       // roles whose headcount is not the same in every variant
  std::vector<std::string> files;      // every file read (estates and data), which output never goes over
  // The basis of a role's headcount in a variant: the staffing's explanation of each line.
  std::vector<catalog::Text> basis(std::size_t variant, const std::string &role) const;
};

// What to compare: estate files as written (two or more), or one estate file and its variants.
// A single variant is set against the estate as written.
struct CompareRequest {
  Choices choices; // --norms, --labor, --rates: for every variant that doesn't set its own
  std::vector<std::string> estates;
  std::vector<VariantSpec> variants;
};

struct Compared {
  std::optional<Comparison> comparison;
  diag::Diagnostics diagnostics; // of the data files, the estates and their budgets
  Status status = Status::ok;
};

// Loads each data set once (per distinct norms, labor and rates) and each estate file once.
Compared compare(const CompareRequest &r);

} // namespace pm::app
