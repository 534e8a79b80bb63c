#pragma once
// pm rates: the built-in rate sets, listed, shown as their TOML text, checked, and copied to
// start a file of one's own.

#include <pm/app/context.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::app {

struct RateSet {
  std::string name;
  i18n::Text title;
  bool illustrative = false;
  bool is_default = false;
  i18n::Text city; // empty for a set that serves no city
  int year = 0;
  bool guide_price = false; // it has the city's guide price
  bool parking = false;     // it prices parking spaces
};
std::vector<RateSet> rate_sets(const catalog::Catalogue &roles);

// The TOML text of a built-in rate set (or of a file); nullopt with the diagnostic that says
// why (unknown-name with "did you mean", or io).
std::optional<std::string> rates_text(const std::string &name, diag::Diagnostics &out);

// Rate files checked against the role catalogue; `status` io when one can't be read.
diag::Diagnostics check_rate_files(const std::vector<std::string> &files, const catalog::Catalogue &roles,
                                   Status &status);

} // namespace pm::app
