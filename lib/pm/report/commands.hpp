#pragma once
// The documents the commands print (pm staff, pm budget, pm roster, pm portfolio, pm diff),
// built from plans like the proposal, and from the same section builders where they show the
// same thing. The command line only picks a renderer for them.

#include <pm/app/compare.hpp>
#include <pm/app/context.hpp>
#include <pm/app/diff.hpp>
#include <pm/app/norms.hpp>
#include <pm/app/plan.hpp>
#include <pm/app/rates.hpp>
#include <pm/doc/document.hpp>
#include <pm/i18n/lang.hpp>
#include <pm/portfolio/portfolio.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace pm::report {

// A data set's name where prose names it (norm set, labour profile, rates): its title up to
// the first parenthesis ("北京（法定费率有出处；工资为假设）" → "北京"), or `id` when untitled.
std::string data_set_name(const i18n::Text &title, const std::string &id, i18n::Lang lang);

// pm staff: the staffing table, its indicators and warnings; with `explain` each role's
// reason and source. Its data table (CSV) has one row per role.
doc::Document staffing_document(const app::Context &c, const app::Plan &p, i18n::Lang lang, bool explain);
// Several estates (pm staff DIR), one at a time so that nothing grows with their number but
// the summary's rows: the document is head() (its title counts the estates and their staff),
// then each estate's section(), then summary(); CSV is each estate's data() rows under one
// header; JSON is {"estates": [schemas/staffing.schema.json...], "total": N}.
class StaffingDir {
public:
  StaffingDir(const app::Context &c, i18n::Lang lang, bool explain);
  // Adds an estate to the summary and returns its section.
  doc::Section section(const app::Plan &p);
  // Its rows of the data table (CSV), with the estate's id first.
  doc::Table data(const app::Plan &p) const;
  doc::Document head() const;
  doc::Section summary() const;
  int total() const { return m_total; }

private:
  const app::Context &m_c;
  i18n::Lang m_lang;
  bool m_explain;
  int m_total = 0;
  std::vector<doc::Row> m_rows;
};

// pm budget: the cost budget by item and department and the fee; with `explain` each line's
// arithmetic and source. Its data table (CSV) has one row per cost line.
doc::Document budget_document(const app::Plan &p, i18n::Lang lang, bool explain);
// Several estates (pm budget DIR), one at a time as StaffingDir: head() (its title counts the
// estates and their cost; the notice of the first estate's rates), each estate's section(),
// then summary() (also the CSV: data()); JSON is {"estates": [schemas/budget.schema.json...],
// "annual_cost": N}. Plans without a budget are not added.
class BudgetDir {
public:
  BudgetDir(i18n::Lang lang, bool explain) : m_lang(lang), m_explain(explain) {}
  doc::Section section(const app::Plan &p);
  doc::Document head() const;
  doc::Section summary() const;
  // The summary's rows without a total, as CSV writes them.
  doc::Table data() const;
  std::int64_t cents() const { return m_cents; }
  std::size_t count() const { return m_rows.size(); }

private:
  doc::Table rows() const;
  i18n::Lang m_lang;
  bool m_explain;
  std::int64_t m_cents = 0;
  std::vector<doc::Row> m_rows;
  std::optional<doc::Paragraph> m_notice;
};

// pm roster: for each post, who works which shift on each day (blocks of four weeks), each
// person's totals, each post's spread, and the coverage. Its data table (CSV) has one row per
// shift: staff_id, staff_name, role, post, shift, start, end, hours (read back by pm roster
// check). The plan must hold a lawful roster.
doc::Document roster_document(const app::Context &c, const app::Plan &p, i18n::Lang lang, std::uint64_t seed);
// The roster as CSV, one row per shift (the data table of roster_document, as pm roster check
// reads it), written without building the document.
std::string roster_csv(const app::Plan &p, i18n::Lang lang);
// pm roster on a directory: whether each estate's posts can be rostered, and why not.
doc::Document roster_summary_document(const std::vector<app::Plan> &plans, i18n::Lang lang);
nlohmann::ordered_json roster_summary_json(const std::vector<app::Plan> &plans, int weeks, i18n::Lang lang);
// pm roster --min: each post's lower bound, the fewest people pm rostered it with, the proof.
doc::Document roster_minimum_document(const app::Plan &p, const std::vector<roster::PostMinimum> &m, i18n::Lang lang);
// The roster as an iCalendar file (RFC 5545): one event per shift.
std::string roster_ics(const app::Plan &p, i18n::Lang lang, std::uint64_t seed);
// RFC 5545 TEXT escaping and folding at 75 octets, exposed for tests.
std::string ics_escape(const std::string &s);
std::string ics_fold(const std::string &line);

// pm diff: the change of staffing by role, of rosters and of the budget.
doc::Document diff_document(const app::Diff &d, bool illustrative, i18n::Lang lang);
// schemas/diff.schema.json
nlohmann::ordered_json diff_json(const app::Diff &d, const std::string &old_path, const std::string &new_path,
                                 const std::string &rates, i18n::Lang lang);

// pm portfolio: the targets, each estate's staff and governance, and the totals. Its data
// table (CSV) has one row per estate.
doc::Document portfolio_document(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang);
nlohmann::ordered_json portfolio_json(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang);

// pm compare: the variants side by side (headcount by department, annual cost and fee), what
// each is, and what differs from the first, in sentences. Its data table (CSV) has one row per
// figure and one column per variant.
doc::Document compare_document(const app::Comparison &cmp, i18n::Lang lang);
// schemas/compare.schema.json
nlohmann::ordered_json compare_json(const app::Comparison &cmp, i18n::Lang lang);

// pm norms list: the built-in norm sets and labour profiles.
doc::Document data_sets_document(const std::vector<app::DataSet> &sets, i18n::Lang lang);
doc::Document rate_sets_document(const std::vector<app::RateSet> &sets, i18n::Lang lang);

} // namespace pm::report
