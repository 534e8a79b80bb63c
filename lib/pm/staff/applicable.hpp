#pragma once
// The items of the standards files (maintenance calendar, inspection rounds, emergency
// procedures) that apply to an estate: its plant and its conditions decide. A null estate means
// "every item", as for a printed blank calendar.

#include <pm/catalog/emergency.hpp>
#include <pm/catalog/inspection.hpp>
#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/estate/estate.hpp>

#include <vector>

namespace pm::staff {

// The tasks that apply to an estate, in file order.
std::vector<const catalog::MaintenanceTask *> tasks_for(const catalog::MaintenanceCalendar &cal,
                                                        const estate::Estate *e);
// The tasks of a month (1–12) that apply to an estate, in file order.
std::vector<const catalog::MaintenanceTask *> tasks_in_month(const catalog::MaintenanceCalendar &cal, int month,
                                                             const estate::Estate *e);
// The tasks without a fixed month that apply to an estate.
std::vector<const catalog::MaintenanceTask *> unscheduled_tasks(const catalog::MaintenanceCalendar &cal,
                                                                const estate::Estate *e);
// True when the estate contracts the task out (its contractor_service is outsourced).
bool by_contractor(const catalog::MaintenanceTask &t, const estate::Estate &e);

// The checks of a round that apply to an estate, in file order.
std::vector<const catalog::InspectionCheck *> checks_for(const catalog::InspectionRound &r, const estate::Estate *e);
// The rounds that apply to an estate and have at least one applicable check.
std::vector<const catalog::InspectionRound *> rounds_for(const catalog::InspectionRounds &rounds,
                                                         const estate::Estate *e);

// The duties of a role that apply to an estate, in file order (all of them for a null estate).
std::vector<const catalog::Text *> duties_for(const catalog::Role &r, const estate::Estate *e);

// The steps and the escalation chain of a procedure that apply to an estate, in file order.
std::vector<const catalog::ProcedureStep *> steps_for(const catalog::Procedure &p, const estate::Estate *e);
std::vector<const catalog::EscalationStep *> escalation_for(const std::vector<catalog::EscalationStep> &chain,
                                                            const estate::Estate *e);

// The emergency procedures that apply to an estate, in file order.
std::vector<const catalog::Procedure *> procedures_for(const catalog::EmergencyProcedures &ep, const estate::Estate *e);

} // namespace pm::staff
