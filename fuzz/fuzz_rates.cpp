// Fuzz target: a rates file (pm budget --rates FILE): TOML, then the entries; rates that
// load price the residential starter estate.

#include "common.hpp"

#include <pm/budget/budget.hpp>
#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto r = budget::parse_rates(std::string(fuzz::text_of(data, size)), "fuzz.toml", "fuzz", catalog::builtin(), d);
  if (!r) return 0;
  const estate::Estate &e = fuzz::fixture_estate();
  static const staff::Staffing s = staff::compute(e, fuzz::fixture_norms(), fuzz::fixture_labor(), catalog::builtin());
  budget::compute(e, s, *r, estate::roles_for(e.raw, catalog::builtin()));
  return 0;
}
