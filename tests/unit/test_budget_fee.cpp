#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/budget/fee.hpp>

using namespace pm::budget;

TEST_CASE("fee_lump_sum reproduces the worked textbook example (2.43 元/m²/month)") {
  // 250,000 m², 80 % chargeable, annual cost 5.00 M元, profit 10 %, tax 5.5 % -> 2.43 元/m²/month.
  double chargeable = 250000 * 0.80;
  double fee = fee_lump_sum(5'000'000, chargeable, 0.10, 0.055);
  CHECK(fee == doctest::Approx(5'000'000 * 1.10 / 0.945 / 12 / 200'000));
  CHECK(fee == doctest::Approx(2.42504).epsilon(1e-5));
  CHECK(round_cents(fee) == 2.43);
}

TEST_CASE("fee_lump_sum divides by one less the tax rate") {
  CHECK(fee_lump_sum(1200, 100, 0, 0) == doctest::Approx(1.0));
  CHECK(fee_lump_sum(1200, 100, 0.5, 0) == doctest::Approx(1.5));
  CHECK(fee_lump_sum(1200, 100, 0, 0.5) == doctest::Approx(2.0));
  CHECK(fee_lump_sum(1200, 50, 0.2, 0.2) == doctest::Approx(1.2 / 0.8 * 2));
}

TEST_CASE("fee_lump_sum_vat prices before VAT; with_vat adds it") {
  CHECK(fee_lump_sum_vat(1200, 100, 0) == doctest::Approx(1.0));
  CHECK(fee_lump_sum_vat(1200, 100, 0.10) == doctest::Approx(1.10));
  CHECK(with_vat(fee_lump_sum_vat(1200, 100, 0.10), 0.06) == doctest::Approx(1.10 * 1.06));
  CHECK(round_cents(fee_lump_sum_vat(5'000'000, 200'000, 0.10)) == 2.29);                 // 2.2916…
  CHECK(round_cents(with_vat(fee_lump_sum_vat(5'000'000, 200'000, 0.10), 0.06)) == 2.43); // 2.4291…
  // Before VAT is never dearer than the tax-included price of the same contract.
  CHECK(fee_lump_sum_vat(5'000'000, 200'000, 0.10) < fee_lump_sum(5'000'000, 200'000, 0.10, 0.055));
}

TEST_CASE("fee_cost_plus adds the remuneration to expenditure") {
  CHECK(fee_cost_plus(1200, 100, 0) == doctest::Approx(1.0));
  CHECK(fee_cost_plus(1200, 100, 0.08) == doctest::Approx(1.08));
  CHECK(round_cents(fee_cost_plus(5'000'000, 200'000, 0.10)) == 2.29); // 2.2916…
}

TEST_CASE("to_cents rounds half away from zero, as on paper") {
  CHECK(to_cents(0) == 0);
  CHECK(to_cents(1.004) == 100);
  CHECK(to_cents(1.005) == 101); // stored as 1.00499…
  CHECK(to_cents(0.125) == 13);
  CHECK(to_cents(890.625) == 89063);
  CHECK(to_cents(-0.125) == -13);
  CHECK(to_cents(5'000'000) == 500'000'000);
  CHECK(round_cents(2.425044) == 2.43);
  CHECK(round_cents(2.424999) == 2.42);
}
