// Fuzz target: a norm file (pm norms check, pm staff --norms FILE): TOML, then the rules;
// a norm set that loads staffs the residential starter estate.

#include "common.hpp"

#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto ns = staff::parse_norms(fuzz::text_of(data, size), "fuzz.toml", "fuzz", fuzz::context().roles, d);
  if (!ns) return 0;
  const app::EstateInput &in = fuzz::fixture();
  staff::compute(in.estate, *ns, fuzz::context().labor, in.roles);
  return 0;
}
