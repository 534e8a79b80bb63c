#include "staff_fixtures.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace staff_test;

namespace {
pm::diag::Diagnostics load_text(const std::string &text) {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "pm-unit-labor-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    return std::filesystem::path(tmpl);
  }();
  auto p = (dir / "l.toml").string();
  std::ofstream(p) << text;
  pm::diag::Diagnostics d;
  pm::staff::load_labor(p, d);
  return d;
}

bool has(const pm::diag::Diagnostics &d, const std::string &code, int line) {
  for (const auto &x : d)
    if (x.code == code && x.line == line) return true;
  return false;
}

const char *good = "[meta]\nsource = \"s\"\n[hours]\ndaily = 8\nweekly = 40\n[leave]\npublic_holidays = 13\n"
                   "annual_leave_days = 5\n";
} // namespace

TEST_CASE("Labor: the cn profile gives the working-time law's figures") {
  const auto &l = cn();
  CHECK(l.weekly_hours == 40);
  CHECK(l.overtime_cap_month == 36);
  CHECK(l.public_holidays == 13);
  // 365 − 104.29 rest days − 13 holidays − 5 days' leave.
  CHECK(l.productive_days_per_year() == doctest::Approx(242.71).epsilon(0.0001));
  CHECK(l.productive_hours_per_year() == doctest::Approx(1941.71).epsilon(0.0001));
  // ≈ 4.5 people per 24/7 seat; 48.3 h a week at most.
  CHECK(8760 / l.productive_hours_per_year() == doctest::Approx(4.51).epsilon(0.001));
  CHECK(l.lawful_max_weekly_hours() == doctest::Approx(48.31).epsilon(0.001));
}

TEST_CASE("load_labor: errors are located") {
  CHECK(load_text(good).empty());
  CHECK(has(load_text(std::string(good) + "[rostering]\nmax_shift_hour = 12\n"), "unknown-key", 10));
  CHECK(has(load_text(std::string(good) + "[rostering]\nnight_start = \"10pm\"\n"), "bad-value", 10));
  CHECK(has(load_text(std::string(good) + "[rostering]\nmin_free_days_per_7 = 8\n"), "out-of-range", 10));
  CHECK(has(load_text("[meta]\nsource = \"s\"\n[hours]\ndaily = 8\nweekly = \"forty\"\n[leave]\npublic_holidays = 13\n"
                      "annual_leave_days = 5\n"),
            "wrong-type", 5));
  // The figures every headcount depends on are stated, not defaulted.
  CHECK(has(load_text("[meta]\nsource = \"s\"\n[hours]\ndaily = 8\nweekly = 40\n"), "missing-key", 1));
  CHECK(has(load_text("[meta]\nsource = \"s\"\n[hours]\ndaily = 8\nweekly = 40\n[leave]\npublic_holidays = 13\n"),
            "missing-key", 6));
  CHECK(has(load_text("[meta]\ntitle_en = \"x\"\n[hours]\ndaily = 8\nweekly = 40\n[leave]\npublic_holidays = 13\n"
                      "annual_leave_days = 5\n"),
            "missing-source", 1));
}
