#include <pm/report/build_internal.hpp>

#include <pm/budget/fee.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace pm::report {

namespace detail {

std::string Ctx::join(const std::vector<std::string> &parts) const {
  std::string out;
  for (const auto &p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += (*this)(msg::enumeration_separator);
    out += p;
  }
  return out;
}

std::string Ctx::cite(const catalog::Text &source, const std::string &context) const {
  std::string text = t(source);
  if (text.empty() || !citing()) return text;
  return in->cites->cite(text, context);
}

std::string Ctx::assumed(const std::string &about) const {
  if (!citing()) return {};
  std::string out;
  // One key inside the other: "areas" marks areas.total; "programme.phases" marks the programme.
  auto within = [](const std::string &inner, const std::string &outer) {
    return inner.size() > outer.size() && inner.rfind(outer, 0) == 0 &&
           (inner[outer.size()] == '.' || inner[outer.size()] == '[');
  };
  for (const auto &a : in->estate.assumptions) {
    const bool match = a.about == about || within(a.about, about) || within(about, a.about);
    if (match) out += in->cites->assume(t(a.text));
  }
  return out;
}

const catalog::EstateTerms *Ctx::terms() const {
  return in && in->context.terms ? in->context.terms->of(in->estate.type) : nullptr;
}

std::string Ctx::term(catalog::Text catalog::EstateTerms::*word) const {
  const auto *w = terms();
  return w ? (w->*word).get(zh) : std::string();
}

std::string Ctx::people(int n) const {
  return n == 1 ? i18n::tr(lang_of(zh), msg::person_count_one, "1") : i18n::tr(lang_of(zh), msg::people_count, num(n));
}

std::string num(double v, int decimals) { return util::group_thousands(v, decimals); }
double yuan(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }
std::string money(std::int64_t cents) { return util::group_thousands(yuan(cents), 2); }
double monthly_yuan(std::int64_t cents) { return budget::round_cents(static_cast<double>(cents) / 1200.0); }

std::string hhmm_range(const staff::Shift &s) {
  return staff::format_hhmm(s.start) + "–" + staff::format_hhmm(s.end == 0 ? 1440 : s.end);
}

Column col(std::string id, std::string label, Align a, int decimals, bool wide) {
  return Column{std::move(id), std::move(label), a, decimals, wide};
}
Row body(std::string key, std::vector<Cell> cells) { return Row{RowKind::body, std::move(key), std::move(cells)}; }
Row group(std::string key, std::vector<Cell> cells) { return Row{RowKind::group, std::move(key), std::move(cells)}; }
Row total(std::vector<Cell> cells) { return Row{RowKind::total, "total", std::move(cells)}; }

namespace {

void number_sections(std::vector<Section> &sections, const std::string &prefix) {
  int i = 0;
  for (auto &s : sections) {
    s.number = prefix + std::to_string(++i);
    number_sections(s.sections, s.number + ".");
  }
}

} // namespace
} // namespace detail

using namespace detail;

std::string pattern_name(const staff::Post &p, bool zh) {
  if (p.duty || p.shifts.empty() || p.seats <= 0) return "";
  int minutes = p.shifts.front().minutes();
  bool equal = true;
  int total = 0;
  for (const auto &s : p.shifts) {
    equal = equal && s.minutes() == minutes;
    total += s.minutes();
  }
  double per_seat = static_cast<double>(p.people) / p.seats;
  bool whole = std::fabs(per_seat - std::round(per_seat)) < 1e-9;
  int q = static_cast<int>(std::lround(per_seat));
  std::size_t k = p.shifts.size();
  // The named patterns (lib/data/patterns) are for posts covered round the clock every day.
  if (equal && whole && total == 1440 && p.days.empty()) {
    if (k == 3 && q == 3) return msg::pat_three_shift.get(zh);
    if (k == 3 && q == 4) return msg::pat_four_three.get(zh);
    if (k == 3 && q == 5) return msg::pat_five_three.get(zh);
    if (k == 2 && q == 2) return msg::pat_two_shift.get(zh);
    if (k == 2 && q == 4) return msg::pat_four_two.get(zh);
  }
  std::string hours = equal ? util::format_number(minutes / 60.0, 1) : "";
  std::string people = util::format_number(per_seat, 2);
  if (equal) return i18n::tr(lang_of(zh), msg::pat_general, std::to_string(k), hours, people);
  return i18n::tr(lang_of(zh), msg::pat_general_mixed, std::to_string(k), people);
}

namespace {

// The lists at the end: the references, numbered as the text marks them, and the assumptions.
Section references_section(const Ctx &c, const std::vector<std::string> &refs) {
  Section s{"references", "", c(msg::sec_references), {}, {}};
  s.blocks.push_back(Paragraph{c(msg::references_intro), Style::normal});
  List l;
  for (std::size_t i = 0; i < refs.size(); ++i) l.items.push_back("[" + std::to_string(i + 1) + "] " + refs[i]);
  s.blocks.push_back(std::move(l));
  return s;
}

Section assumptions_section(const Ctx &c, const std::vector<std::string> &list) {
  Section s{"assumptions", "", c(msg::sec_assumptions), {}, {}};
  s.blocks.push_back(Paragraph{c(msg::assumptions_intro), Style::normal});
  List l;
  for (std::size_t i = 0; i < list.size(); ++i) l.items.push_back("[A" + std::to_string(i + 1) + "] " + list[i]);
  s.blocks.push_back(std::move(l));
  return s;
}

std::string rates_text(const Ctx &c, const budget::Budget &b) {
  std::string t = b.rates;
  if (b.rates_year > 0) t += c.f(msg::parenthesised, c.f(msg::colophon_year, std::to_string(b.rates_year)));
  return t;
}

// One line of tool provenance: what made the figures, from what.
std::string colophon(const Ctx &c) {
  const Input &in = *c.in;
  std::vector<std::string> parts;
  if (!in.tool.empty()) parts.push_back(in.tool);
  // Names, not ids (the ids are in the --provenance appendix and the JSON).
  parts.push_back(c(msg::in_norms) + " " + short_title(c, in.norms.title, in.norms.name));
  parts.push_back(c(msg::in_labor) + " " + short_title(c, in.labor.title, in.labor.name));
  std::string rates = short_title(c, in.budget.rates_title, in.budget.rates);
  if (in.budget.rates_year > 0)
    rates += c.f(msg::parenthesised, c.f(msg::colophon_year, std::to_string(in.budget.rates_year)));
  parts.push_back(c(msg::in_rates) + " " + rates);
  if (!in.input.empty()) parts.push_back(c(msg::in_input) + " " + in.input);
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : c.sep()) + p;
  return c(msg::colophon_prefix) + out;
}

// The appendix behind --provenance: every input of the figures, by name and id.
Section provenance(const Ctx &c) {
  const Input &in = *c.in;
  Section s{"provenance", "", c(msg::sec_provenance), {}, {}};
  s.blocks.push_back(Paragraph{c(msg::provenance_intro), Style::normal});
  Facts f;
  if (!in.tool.empty()) f.items.emplace_back(c(msg::in_tool), in.tool);
  if (!in.input.empty()) f.items.emplace_back(c(msg::in_input), in.input);
  f.items.emplace_back(c(msg::in_norms), c.t(in.norms.title) + c.f(msg::parenthesised, in.norms.name));
  f.items.emplace_back(c(msg::in_labor), c.t(in.labor.title) + c.f(msg::parenthesised, in.labor.name));
  f.items.emplace_back(c(msg::in_rates),
                       c.t(in.budget.rates_title) + c.f(msg::parenthesised, rates_text(c, in.budget)));
  if (in.budget.illustrative) f.items.emplace_back(c(msg::in_rates_kind), c(msg::in_rates_illustrative));
  if (in.roster)
    f.items.emplace_back(c(msg::in_roster), in.roster->dated ? c.f(msg::in_roster_dated, in.roster->first_day)
                                                             : c.f(msg::in_roster_cycle, in.roster->first_day));
  s.blocks.push_back(std::move(f));
  return s;
}

} // namespace

Document build(const Input &given) {
  Citations cites(given.zh);
  Input in = given;
  in.cites = &cites;
  Ctx c{&in, in.zh};
  Document d;
  d.estate_id = in.estate.id;
  d.lang = i18n::code(c.lang());
  d.title = c.t(in.estate.name) + c(msg::title_suffix);
  d.subtitle = c(msg::subtitle);
  d.date = in.date;
  { // The cover: who the proposal is for and from, as the estate file says (nothing invented).
    const auto &pr = in.estate.proposal;
    auto add = [&](const i18n::Message &label, const std::string &value) {
      if (!value.empty()) d.cover.emplace_back(c(label), value);
    };
    add(msg::cover_client, c.t(pr.client));
    add(msg::cover_estate, c.t(in.estate.name));
    add(msg::cover_consultant, c.t(pr.consultant));
    add(msg::cover_date, pr.date.empty() ? in.date : pr.date);
    add(msg::cover_version, pr.version);
  }

  const auto &b = in.budget;
  d.summary.headcount = in.staffing.total;
  d.summary.area_total = in.estate.areas.total;
  d.summary.chargeable_area = b.fee.chargeable_area;
  d.summary.annual_cost = b.annual_cost();
  d.summary.monthly_cost = b.monthly_cost();
  d.summary.fee_lump_sum = budget::round_cents(b.fee.lump_sum.per_m2_month);
  d.summary.fee_lump_sum_vat = budget::round_cents(b.fee.lump_sum_vat.per_m2_month);
  d.summary.fee_cost_plus = budget::round_cents(b.fee.cost_plus.per_m2_month);
  d.summary.fee_charged = b.fee_charged;
  d.summary.roster = in.roster != nullptr;
  d.summary.roster_coverage = in.roster ? in.roster->coverage : 0;

  d.sections.push_back(overview(c));
  if (auto s = programme(c)) d.sections.push_back(std::move(*s));
  d.sections.push_back(organisation(c));
  d.sections.push_back(staffing(c));
  d.sections.push_back(duties(c));
  if (auto s = processes(c)) d.sections.push_back(std::move(*s));
  d.sections.push_back(shifts(c));
  if (auto s = services(c)) d.sections.push_back(std::move(*s));
  if (auto s = rules(c)) d.sections.push_back(std::move(*s));
  if (auto s = commitments(c)) d.sections.push_back(std::move(*s));
  d.sections.push_back(standards(c));
  d.sections.push_back(maintenance(c));
  if (auto s = security_equipment(c)) d.sections.push_back(std::move(*s));
  if (auto s = fire_safety(c)) d.sections.push_back(std::move(*s));
  d.sections.push_back(emergency(c));
  if (auto s = governance(c)) d.sections.push_back(std::move(*s));
  if (auto s = liability(c)) d.sections.push_back(std::move(*s));
  d.sections.push_back(budget(c));
  // The estate file's assumptions that no figure marked: marked where the section that shows
  // their key ends (services, groups, ...), else at the end of the overview.
  for (const auto &a : in.estate.assumptions) {
    const std::string text = c.t(a.text);
    const auto &listed = cites.assumptions();
    if (std::find(listed.begin(), listed.end(), text) != listed.end()) continue;
    const std::string mark = cites.assume(text);
    const std::string root = a.about.substr(0, a.about.find_first_of(".["));
    static const std::vector<std::pair<std::string, std::string>> shown_in = {
        {"services", "services"},
        {"security_equipment", "security-equipment"},
        {"rules", "rules"},
        {"processes", "processes"},
        {"commitments", "commitments"},
        {"fire_safety", "fire-safety"},
        {"liability", "liability"},
        {"governance", "governance"},
        {"programme", "programme"},
        {"phases", "programme"},
        {"groups", "organisation"},
        {"units", "organisation"},
        {"staff", "staffing"},
        {"cleaning_standards", "standards"},
        {"surveys", "standards"},
        {"inspections", "maintenance"},
        {"escalation", "emergency"}};
    std::string target = "overview";
    for (const auto &[key, section] : shown_in)
      if (key == root) target = section;
    auto it = std::find_if(d.sections.begin(), d.sections.end(), [&](const Section &x) { return x.id == target; });
    if (it == d.sections.end()) it = d.sections.begin();
    it->blocks.push_back(Paragraph{c.f(msg::estate_assumed_here, mark), Style::note});
  }
  d.references = cites.references();
  d.assumptions = cites.assumptions();
  if (!d.references.empty()) d.sections.push_back(references_section(c, d.references));
  if (!d.assumptions.empty()) d.sections.push_back(assumptions_section(c, d.assumptions));
  if (in.provenance) d.sections.push_back(provenance(c));
  number_sections(d.sections, "");
  d.colophon = colophon(c);
  d.provenance = {in.tool, in.input, in.norms.name, in.labor.name, in.budget.rates, in.budget.rates_year};
  d.footer = d.colophon;
  d.sheets = {{"staffing", c(msg::sheet_staffing)},
              {"roster", c(msg::sheet_roster)},
              {"budget", c(msg::sheet_budget)},
              {"inputs", c(msg::sheet_inputs)},
              {"references", c(msg::sheet_references)}};
  // The workbook's sources: the marks of its source columns resolved.
  Table rt;
  rt.id = "references";
  rt.sheet = "references";
  rt.for_ = Table::For::workbook;
  rt.caption = c(msg::sec_references);
  rt.columns = {col("mark", c(msg::c_mark)), col("text", c(msg::c_reference), Align::left, 0, true)};
  for (std::size_t i = 0; i < d.references.size(); ++i)
    rt.rows.push_back(
        body("r" + std::to_string(i + 1), {Cell::of("[" + std::to_string(i + 1) + "]"), Cell::of(d.references[i])}));
  for (std::size_t i = 0; i < d.assumptions.size(); ++i)
    rt.rows.push_back(
        body("a" + std::to_string(i + 1), {Cell::of("[A" + std::to_string(i + 1) + "]"), Cell::of(d.assumptions[i])}));
  if (!rt.rows.empty() && !d.sections.empty()) d.sections.back().blocks.push_back(std::move(rt));
  return d;
}

} // namespace pm::report

namespace pm::report {

std::optional<app::PlanRequest> plan_request(const std::string &date) {
  auto first = roster::parse_roster_date(date.empty() ? default_roster_start : date);
  if (!first) return std::nullopt;
  app::PlanRequest r;
  r.budget = true;
  r.roster = app::RosterRequest{*first, 4, 1, ""};
  return r;
}

Document build(const app::Context &c, const app::Plan &p, const Options &o) {
  bool zh = o.lang == i18n::Lang::zh;
  RosterOutcome roster;
  if (p.roster) roster = roster_excerpt(*p.roster, c, !o.date.empty(), zh);
  Input in{p.estate,
           p.staffing,
           *p.budget,
           p.roles,
           c.labor,
           c.norms,
           c,
           roster.excerpt ? &*roster.excerpt : nullptr,
           roster.refusal,
           zh,
           o.date,
           nullptr,
           o.input.empty() ? std::filesystem::path(p.estate.file).filename().string() : o.input,
           o.tool,
           o.provenance};
  return build(in);
}

} // namespace pm::report
