// pm diff's document and JSON.

#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>

#include <pm/util/text.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;

namespace {

std::string signed_int(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }

std::optional<double> annual(const app::Plan &p) {
  if (!p.budget) return std::nullopt;
  return p.budget->annual_cost();
}
std::optional<double> fee(const app::Plan &p) {
  if (!p.budget) return std::nullopt;
  if (!p.budget->fee_charged) return std::nullopt; // a cost budget: no fee
  return p.budget->fee.lump_sum.per_m2_month;
}

std::string money(std::optional<double> v) { return v ? util::group_thousands(*v, 2) : "—"; }
std::string signed_money(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return "—";
  double d = *b - *a;
  return (d > 0 ? "+" : "") + util::group_thousands(d, 2);
}

} // namespace

doc::Document diff_document(const app::Diff &df, bool illustrative, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  int a = df.before.staffing.total, b = df.after.staffing.total;
  doc::Document d;
  d.estate_id = df.after.estate.id;
  d.lang = i18n::code(lang);
  d.title = c.f(msg::diff_title, a, b, signed_int(b - a));
  Section roles{"roles", "", "", {}, {}};
  if (df.changes.empty()) {
    roles.blocks.push_back(Paragraph{c(msg::diff_no_change), Style::normal});
  } else {
    Table t;
    t.id = "roles";
    t.columns = {col("role", c(msg::c_role)), col("before", c(msg::c_before), Align::right),
                 col("after", c(msg::c_after), Align::right), col("change", c(msg::c_change), Align::right)};
    for (const auto &ch : df.changes)
      t.rows.push_back(body(ch.role, {Cell::of(c.t(ch.name)), Cell::num(ch.before), Cell::num(ch.after),
                                      Cell::of(signed_int(ch.after - ch.before))}));
    roles.blocks.push_back(std::move(t));
  }
  d.sections.push_back(std::move(roles));

  auto feasible = [&](const app::Coverable &x) {
    return x.feasible() ? c(msg::diff_rosterable) : c(msg::diff_not_rosterable);
  };
  Section roster{"roster", "", c(msg::diff_roster), {}, {}};
  roster.blocks.push_back(Paragraph{feasible(df.roster_before) + " → " + feasible(df.roster_after), Style::normal});
  List problems;
  for (const auto &t : df.roster_after.problems) problems.items.push_back(c.t(t));
  if (!problems.items.empty()) roster.blocks.push_back(std::move(problems));
  d.sections.push_back(std::move(roster));

  Section money_section{"budget", "", c(msg::diff_budget), {}, {}};
  money_section.blocks.push_back(Paragraph{c.f(msg::diff_money, money(annual(df.before)), money(annual(df.after)),
                                               signed_money(annual(df.before), annual(df.after)), money(fee(df.before)),
                                               money(fee(df.after)), signed_money(fee(df.before), fee(df.after))),
                                           Style::normal});
  if (illustrative) money_section.blocks.push_back(Paragraph{c(msg::diff_illustrative), Style::note});
  d.sections.push_back(std::move(money_section));
  return d;
}

nlohmann::ordered_json diff_json(const app::Diff &df, const std::string &old_path, const std::string &new_path,
                                 const std::string &rates, i18n::Lang lang) {
  nlohmann::ordered_json j;
  j["old"] = old_path;
  j["new"] = new_path;
  int a = df.before.staffing.total, b = df.after.staffing.total;
  j["staffing"] = {{"before", a}, {"after", b}, {"change", b - a}};
  nlohmann::ordered_json roles = nlohmann::ordered_json::array();
  for (const auto &ch : df.changes)
    roles.push_back({{"department", ch.department},
                     {"role", ch.role},
                     {"name", ch.name.get(lang)},
                     {"before", ch.before},
                     {"after", ch.after},
                     {"change", ch.after - ch.before}});
  j["staffing"]["roles"] = std::move(roles);
  auto problems = [&](const app::Coverable &x) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto &t : x.problems) arr.push_back(t.get(lang));
    return arr;
  };
  j["roster"] = {{"before", {{"feasible", df.roster_before.feasible()}, {"problems", problems(df.roster_before)}}},
                 {"after", {{"feasible", df.roster_after.feasible()}, {"problems", problems(df.roster_after)}}}};
  auto num = [](std::optional<double> v) {
    return v ? nlohmann::ordered_json(std::round(*v * 100) / 100) : nlohmann::ordered_json(nullptr);
  };
  j["budget"] = {{"rates", rates},
                 {"annual_cost", {{"before", num(annual(df.before))}, {"after", num(annual(df.after))}}},
                 {"fee_per_m2_month", {{"before", num(fee(df.before))}, {"after", num(fee(df.after))}}}};
  return j;
}

} // namespace pm::report
