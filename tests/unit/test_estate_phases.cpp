// Phases of a programme: overlaps a file declares pass, those it does not are warnings that
// say by how many days; reversed phases, duplicate ids and overlaps naming no phase stay errors.
#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/doc/render.hpp>
#include <pm/estate/check.hpp>
#include <pm/yaml/document.hpp>

#include <string>

using namespace pm;

namespace {

yaml::Document checked_phases(const std::string &list) {
  yaml::Document d = yaml::parse("phases:\n" + list, "t.yaml");
  REQUIRE(d.ok);
  // The dates here are unquoted, which the reader warns about (unquoted-date): the phases'
  // check is under test, not the reader.
  std::erase_if(d.diagnostics, [](const diag::Diagnostic &x) { return x.code == "unquoted-date"; });
  estate::check_phases(d, "/phases");
  return d;
}

int diagnostics_of(const yaml::Document &d, const std::string &code, diag::Severity s) {
  int n = 0;
  for (const auto &x : d.diagnostics) n += x.code == code && x.severity == s;
  return n;
}

} // namespace

TEST_CASE("check_phases: an overlap not declared is a warning with its days") {
  auto d = checked_phases("  - {id: a, name: A, from: 2026-05-26, to: 2026-07-05}\n"
                          "  - {id: b, name: B, from: 2026-07-01, to: 2026-07-30}\n");
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].severity == diag::Severity::warning);
  CHECK(d.diagnostics[0].code == "overlapping-phases");
  CHECK(d.diagnostics[0].line == 3);
  CHECK(d.diagnostics[0].message.find("overlap by 5 days") != std::string::npos);
  CHECK(d.diagnostics[0].message.find("overlaps: a") != std::string::npos);
}

TEST_CASE("check_phases: a declared overlap, on either phase, passes") {
  CHECK(checked_phases("  - {id: a, name: A, from: 2026-05-26, to: 2026-07-05, overlaps: b}\n"
                       "  - {id: b, name: B, from: 2026-07-01, to: 2026-07-30}\n")
            .diagnostics.empty());
  CHECK(checked_phases("  - {id: a, name: A, from: 2026-05-26, to: 2026-07-05}\n"
                       "  - {id: b, name: B, from: 2026-07-01, to: 2026-07-30, overlaps: [a]}\n")
            .diagnostics.empty());
}

TEST_CASE("check_phases: every pair that overlaps, not only neighbours") {
  // c overlaps both a (declared) and b (not): one warning, for b.
  auto d = checked_phases("  - {id: a, name: A, from: 2026-01-01, to: 2026-12-31}\n"
                          "  - {id: b, name: B, from: 2026-03-01, to: 2026-03-31, overlaps: a}\n"
                          "  - {id: c, name: C, from: 2026-03-31, to: 2026-04-30, overlaps: a}\n");
  REQUIRE(diagnostics_of(d, "overlapping-phases", diag::Severity::warning) == 1);
  CHECK(d.diagnostics[0].message.find("phase 'c' starts (2026-03-31) before phase 'b' ends") != std::string::npos);
  CHECK(d.diagnostics[0].message.find("by 1 day;") != std::string::npos);
}

TEST_CASE("check_phases: still errors: reversed, duplicate ids, an overlap naming no phase") {
  auto d = checked_phases("  - {id: a, name: A, from: 2026-03-31, to: 2026-02-17}\n"
                          "  - {id: a, name: B, from: 2026-04-01, to: 2026-04-30, overlaps: nope}\n");
  CHECK(diagnostics_of(d, "reversed-range", diag::Severity::error) == 1);
  CHECK(diagnostics_of(d, "duplicate-id", diag::Severity::error) == 1);
  CHECK(diagnostics_of(d, "unknown-phase", diag::Severity::error) == 1);
}

TEST_CASE("programme: plan 2's overlapping phases keep their dates, and the report says so") {
  auto e = fx::example("model-estate-campaign");
  REQUIRE(e.phases.size() == 6);
  CHECK(e.phases[3].from == "2026-05-26");
  CHECK(e.phases[3].to == "2026-07-05");
  CHECK(e.phases[3].overlaps == std::vector<std::string>{"expert-guidance"});
  REQUIRE(e.phases[3].inspection);
  CHECK(e.phases[3].inspection->level == "district");
  REQUIRE(e.programme);
  CHECK(e.programme->standard.zh == "物业管理示范住宅小区标准及评分细则");
}

TEST_CASE("gantt_svg: the days two phases share are marked on both bars") {
  doc::Gantt g{"g", "T", {{"a", "A", "2026-05-26", "2026-07-05"}, {"b", "B", "2026-07-01", "2026-07-30"}}};
  std::string svg = doc::gantt_svg(g, false);
  std::size_t marks = 0;
  for (std::size_t p = 0; (p = svg.find("class=\"overlap\"", p)) != std::string::npos; ++p) ++marks;
  CHECK(marks == 2);
  CHECK(svg.find("overlap: 2026-07-01 to 2026-07-05") != std::string::npos);
  doc::Gantt apart{"g", "T", {{"a", "A", "2026-05-26", "2026-06-30"}, {"b", "B", "2026-07-01", "2026-07-30"}}};
  CHECK(doc::gantt_svg(apart, false).find("class=\"overlap\"") == std::string::npos);
}
