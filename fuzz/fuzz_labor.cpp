// Fuzz target: a labour profile (pm norms check, pm staff --labor FILE): TOML, then the
// figures; a profile that loads staffs the residential starter estate.

#include "common.hpp"

#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto l = staff::parse_labor(fuzz::text_of(data, size), "fuzz.toml", "fuzz", d);
  if (!l) return 0;
  const app::EstateInput &in = fuzz::fixture();
  staff::compute(in.estate, fuzz::context().norms, *l, in.roles);
  return 0;
}
