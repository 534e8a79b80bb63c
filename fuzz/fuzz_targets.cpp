// Fuzz target: a regulator's targets file (pm portfolio --targets FILE): YAML, its schema,
// its phases; targets that load are judged against a few estates.

#include "common.hpp"

#include <pm/portfolio/portfolio.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto t = portfolio::parse_targets(fuzz::text_of(data, size), "fuzz.yaml", fuzz::context().roles, d);
  if (!t) return 0;
  std::vector<portfolio::EstateRow> rows(3);
  rows[0].governance.present = true;
  rows[0].governance.new_estate = true;
  rows[0].governance.rectification_open = 2;
  rows[1].governance.present = true;
  rows[1].governance.owners_committee = true;
  portfolio::evaluate(rows, *t);
  return 0;
}
