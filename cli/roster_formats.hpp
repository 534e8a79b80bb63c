#pragma once
// Renderings of a roster: grid (terminal), csv, json, ics, html, md.

#include <pm/roster/summary.hpp>

#include <cstdint>
#include <string>

namespace pm::cli {

struct RosterView {
  const roster::Problem &p;
  const std::vector<roster::Assignment> &a;
  const roster::Summary &s;
  bool zh = false;
  std::uint64_t seed = 1;
};

std::string roster_grid(const RosterView &v, bool colour);
std::string roster_csv(const RosterView &v);
std::string roster_json(const RosterView &v);
std::string roster_ics(const RosterView &v);
std::string roster_html(const RosterView &v);
std::string roster_md(const RosterView &v);

// RFC 5545 helpers, exposed for tests: TEXT escaping and folding at 75 octets.
std::string ics_escape(const std::string &s);
std::string ics_fold(const std::string &line);

} // namespace pm::cli
