// Fuzz target: a roster CSV, as pm roster check reads it (say after someone edited it in a
// spreadsheet): RFC 4180, the rows against the residential starter estate's posts and
// staff, then the hard rules over the period the rows span (at most 106 weeks, as the CLI).

#include "common.hpp"

#include <pm/roster/build.hpp>
#include <pm/roster/csv.hpp>
#include <pm/roster/rules.hpp>
#include <pm/staff/engine.hpp>

#include <algorithm>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const roster::Problem problem = [] {
    const estate::Estate &e = fuzz::fixture_estate();
    staff::Staffing s = staff::compute(e, fuzz::fixture_norms(), fuzz::fixture_labor(), catalog::builtin());
    return roster::build(e, s, fuzz::fixture_labor(), {0, 1});
  }();
  diag::Diagnostics d;
  auto a = roster::read_roster_csv(fuzz::text_of(data, size), "fuzz.csv", problem, d);
  auto [first, days] = roster::span_of(problem, a);
  if (days <= 0 || days > 106 * 7) return 0;
  roster::Problem p = problem;
  p.first_day = first;
  p.days = days;
  roster::check(p, a);
  return 0;
}
