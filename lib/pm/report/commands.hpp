#pragma once
// The documents the commands print (pm staff, pm budget, pm roster, pm portfolio, pm diff),
// built from plans like the proposal, and from the same section builders where they show the
// same thing. The command line only picks a renderer for them.

#include <pm/app/context.hpp>
#include <pm/app/plan.hpp>
#include <pm/doc/document.hpp>
#include <pm/i18n/lang.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace pm::report {

// pm staff: the staffing table, its indicators and warnings; with `explain` each role's
// reason and source. Its data table (CSV) has one row per role.
doc::Document staffing_document(const app::Context &c, const app::Plan &p, i18n::Lang lang, bool explain);
// Several estates: one section each, then a summary table.
doc::Document staffing_document(const app::Context &c, const std::vector<app::Plan> &plans, i18n::Lang lang,
                                bool explain);
// {"estates": [schemas/staffing.schema.json...], "total": N}
nlohmann::ordered_json staffing_json(const std::vector<app::Plan> &plans, i18n::Lang lang);

// pm budget: the cost budget by item and department and the fee; with `explain` each line's
// arithmetic and source. Its data table (CSV) has one row per cost line.
doc::Document budget_document(const app::Plan &p, i18n::Lang lang, bool explain);
// Several estates: one section each, then a summary table (also the CSV).
doc::Document budget_document(const std::vector<app::Plan> &plans, i18n::Lang lang, bool explain);
// {"estates": [schemas/budget.schema.json...], "annual_cost": N}
nlohmann::ordered_json budget_json(const std::vector<app::Plan> &plans, i18n::Lang lang);

} // namespace pm::report
