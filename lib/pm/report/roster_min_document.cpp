// pm roster --min: the smallest headcount each post can be rostered with, and the proof that
// fewer cannot work.

#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <cmath>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;
using namespace pm::roster;

doc::Document roster_minimum_document(const app::Plan &pl, const std::vector<PostMinimum> &m, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  const Problem &p = pl.roster->problem;
  doc::Document d;
  d.lang = i18n::code(lang);
  d.estate_id = pl.estate.id;
  d.title = c.f(msg::roster_min_title, c.t(pl.estate.name), util::format_date(p.first_day),
                util::format_date(p.last_day()), p.days / 7);
  Table t;
  t.id = "minimum";
  t.columns = {col("post", c(msg::c_post)),
               col("seats", c(msg::c_seats), Align::right),
               col("staffed", c(msg::roster_min_c_staffed), Align::right),
               col("lower_bound", c(msg::roster_min_c_bound), Align::right),
               col("minimum", c(msg::roster_min_c_minimum), Align::right),
               col("proven", c(msg::roster_min_c_proven))};
  std::vector<std::string> why;
  for (const auto &x : m) {
    const PostDemand &dm = p.posts[static_cast<std::size_t>(x.post)];
    std::string verdict = x.proven()    ? c(msg::roster_min_proven)
                          : x.found > 0 ? c.f(msg::roster_min_open, x.bound.people)
                                        : c.f(msg::roster_min_none, x.bound.people + 6);
    t.rows.push_back(
        body(dm.id, {Cell::of(c.t(dm.name)), Cell::num(dm.seats), Cell::num(x.staffed), Cell::num(x.bound.people),
                     x.found > 0 ? Cell::num(x.found) : Cell::of("—"), Cell::of(verdict)}));
    if (x.bound.people <= 0) continue;
    const Bound &b = x.bound;
    std::string reason = b.seven_days ? c(msg::roster_bound_seven) : c.f(msg::roster_bound_period, b.window.label);
    if (b.on_call) {
      why.push_back(c.f(msg::roster_min_why_on_call, c.t(dm.name), b.people, util::format_date(b.window.first),
                        util::format_date(b.window.last), num(b.demand), num(b.per_person)));
      continue;
    }
    why.push_back(c.f(msg::roster_min_why, c.t(dm.name), b.people, util::format_date(b.window.first),
                      util::format_date(b.window.last), b.window.days(), num(b.demand), num(b.per_person), reason,
                      b.people - 1, num((b.people - 1) * b.per_person)));
  }
  Section s{"minimum", "", "", {}, {}};
  s.blocks.push_back(std::move(t));
  s.blocks.push_back(Paragraph{c(msg::roster_min_how), Style::normal});
  s.blocks.push_back(List{false, why});
  d.sections.push_back(std::move(s));
  return d;
}

} // namespace pm::report
