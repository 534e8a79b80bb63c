// Fuzz target: a rates file (pm budget --rates FILE): TOML, then the entries; rates that
// load price the residential starter estate.

#include "common.hpp"

#include <pm/budget/budget.hpp>
#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto r = budget::parse_rates(std::string(fuzz::text_of(data, size)), "fuzz.toml", "fuzz", fuzz::context().roles, d);
  if (!r) return 0;
  const app::EstateInput &in = fuzz::fixture();
  static const staff::Staffing s = staff::compute(in.estate, fuzz::context().norms, fuzz::context().labor, in.roles);
  budget::compute(in.estate, s, *r, in.roles);
  return 0;
}
