// Fuzz target: a roster CSV, as pm roster check reads it (say after someone edited it in a
// spreadsheet): RFC 4180, the rows against the residential starter estate's posts and
// staff, then the hard rules over the period the rows span (at most 106 weeks, as the CLI).

#include "common.hpp"

#include <pm/app/roster_check.hpp>

#include <algorithm>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // As pm roster check reads a roster: its period from the rows, at most 106 weeks.
  app::check_roster(fuzz::context(), fuzz::fixture(), {std::string(fuzz::text_of(data, size)), "fuzz.csv", {}, {}});
  return 0;
}
