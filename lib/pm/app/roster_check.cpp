#include <pm/app/roster_check.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/roster/build.hpp>
#include <pm/roster/csv.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>

#include <algorithm>
#include <climits>

namespace pm::app {

diag::Diagnostics check_roster(const Context &c, const EstateInput &in, const RosterCheck &r) {
  staff::Staffing s = staff::compute(in.estate, c.norms, c.labor, in.roles);
  roster::Problem p = roster::build(in.estate, s, {c.labor, c.holidays, in.roles}, {0, 1});
  const std::string &file = r.csv_name;
  diag::Diagnostics d;
  auto a = roster::read_roster_csv(r.csv_text, file, p, d);
  // The period: the given start and weeks, else the rota days the rows span.
  auto [first, days] = roster::span_of(p, a);
  if (r.first_day) {
    if (days > 0) days += first - *r.first_day;
    first = *r.first_day;
  }
  if (r.weeks) days = *r.weeks * 7;
  if (days > max_check_weeks * 7) {
    auto t = i18n::both(i18n::msg::check_too_long, days, util::format_date(first), max_check_weeks);
    d.push_back({file, 0, 0, diag::Severity::error, "too-long", t.en, t.zh, ""});
    days = 0;
  }
  p.first_day = first;
  p.days = std::max(days, 0);
  if (p.days > 0) {
    for (const auto &v : roster::check(p, a)) {
      int line = v.assignment >= 0 ? a[static_cast<std::size_t>(v.assignment)].line : 0;
      d.push_back({file, line, 0, v.severity, v.rule, v.message.en, v.message.zh, ""});
    }
  } else if (a.empty() && !diag::has_errors(d)) {
    auto t = i18n::both(i18n::msg::check_empty);
    d.push_back({file, 0, 0, diag::Severity::error, "empty", t.en, t.zh, ""});
  }
  std::stable_sort(d.begin(), d.end(), [](const diag::Diagnostic &x, const diag::Diagnostic &y) {
    return (x.line == 0 ? INT_MAX : x.line) < (y.line == 0 ? INT_MAX : y.line);
  });
  return d;
}

} // namespace pm::app
