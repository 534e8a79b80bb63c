#include <pm/i18n/messages.hpp>
#include <pm/roster/limits.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::roster {

namespace {

// Seat-shifts over the first `count` days of `p`.
std::int64_t seat_shifts_in(const Problem &p, int count) {
  std::int64_t n = 0;
  for (const auto &post : p.posts) {
    std::int64_t days = 0;
    if (post.days.empty())
      days = count;
    else
      for (int d = 0; d < count; ++d) days += post.needed_on(p.first_day + d) ? 1 : 0;
    n += static_cast<std::int64_t>(post.seats) * static_cast<std::int64_t>(post.shifts.size()) * days;
  }
  return n;
}

std::string grouped(std::int64_t v) { return util::group_thousands(static_cast<double>(v), 0); }

// The most whole weeks within the limits, given the seat-shifts of one week.
int most_weeks(std::int64_t per_week) { return per_week > 0 ? static_cast<int>(limits::seat_shifts / per_week) : 0; }

} // namespace

std::int64_t seat_shifts(const Problem &p) { return seat_shifts_in(p, p.days); }

std::optional<OverLimit> over_limits(const Problem &p) {
  using i18n::both;
  namespace msg = i18n::msg;
  auto people = static_cast<std::int64_t>(p.people.size());
  OverLimit o;
  if (people > limits::people) {
    o.message = both(msg::roster_limit_people, grouped(people), grouped(limits::people));
    return o;
  }
  std::int64_t per_week = seat_shifts_in(p, std::min(p.days, 7));
  std::int64_t all = seat_shifts(p);
  if (all <= limits::seat_shifts) return std::nullopt;
  o.option = per_week <= limits::seat_shifts;
  o.message = both(msg::roster_limit_seat_shifts, grouped(all), grouped(limits::seat_shifts), p.days / 7);
  if (o.option) o.message += both(msg::roster_limit_weeks, most_weeks(per_week));
  return o;
}

} // namespace pm::roster
