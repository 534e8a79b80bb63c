// Fuzz target: an estate file, as pm validate, staff and budget read it: YAML, the schema,
// the semantic rules, then (when it is valid) the model, the staffing and the budget.

#include "common.hpp"

#include <pm/budget/budget.hpp>
#include <pm/estate/check.hpp>
#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  yaml::Document doc = estate::load_and_check(fuzz::text_of(data, size), "fuzz.yaml", catalog::builtin());
  if (!doc.ok || diag::has_errors(doc.diagnostics) || estate::is_targets(doc.value)) return 0;
  estate::Estate e = estate::from_document(doc);
  catalog::Catalogue roles = estate::roles_for(e.raw, catalog::builtin());
  staff::Staffing s = staff::compute(e, fuzz::fixture_norms(), fuzz::fixture_labor(), roles);
  budget::compute(e, s, fuzz::fixture_rates(), roles);
  return 0;
}
