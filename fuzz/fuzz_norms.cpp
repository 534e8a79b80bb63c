// Fuzz target: a norm file (pm norms check, pm staff --norms FILE): TOML, then the rules;
// a norm set that loads staffs the residential starter estate.

#include "common.hpp"

#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  diag::Diagnostics d;
  auto ns = staff::parse_norms(fuzz::text_of(data, size), "fuzz.toml", "fuzz", catalog::builtin(), d);
  if (!ns) return 0;
  const estate::Estate &e = fuzz::fixture_estate();
  staff::compute(e, *ns, fuzz::fixture_labor(), estate::roles_for(e.raw, catalog::builtin()));
  return 0;
}
