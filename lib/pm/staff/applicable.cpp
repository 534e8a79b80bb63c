#include <pm/staff/applicable.hpp>
#include <pm/staff/quantity.hpp>

namespace pm::staff {

namespace {
template <class T> std::vector<const T *> applying(const std::vector<T> &items, const estate::Estate *e) {
  std::vector<const T *> out;
  for (const auto &x : items)
    if (!e || applies(x.applies_to, *e)) out.push_back(&x);
  return out;
}
} // namespace

std::vector<const catalog::MaintenanceTask *> tasks_for(const catalog::MaintenanceCalendar &cal,
                                                        const estate::Estate *e) {
  return applying(cal.tasks, e);
}

std::vector<const catalog::MaintenanceTask *> tasks_in_month(const catalog::MaintenanceCalendar &cal, int month,
                                                             const estate::Estate *e) {
  std::vector<const catalog::MaintenanceTask *> out;
  for (const auto *t : tasks_for(cal, e))
    if (t->in_month(month)) out.push_back(t);
  return out;
}

std::vector<const catalog::MaintenanceTask *> unscheduled_tasks(const catalog::MaintenanceCalendar &cal,
                                                                const estate::Estate *e) {
  std::vector<const catalog::MaintenanceTask *> out;
  for (const auto *t : tasks_for(cal, e))
    if (t->months.empty()) out.push_back(t);
  return out;
}

bool by_contractor(const catalog::MaintenanceTask &t, const estate::Estate &e) {
  return !t.contractor_service.empty() && e.is_outsourced(t.contractor_service);
}

std::vector<const catalog::InspectionCheck *> checks_for(const catalog::InspectionRound &r, const estate::Estate *e) {
  return applying(r.checks, e);
}

std::vector<const catalog::InspectionRound *> rounds_for(const catalog::InspectionRounds &rounds,
                                                         const estate::Estate *e) {
  std::vector<const catalog::InspectionRound *> out;
  for (const auto &r : rounds.rounds)
    if (!e || (applies(r.applies_to, *e) && !checks_for(r, e).empty())) out.push_back(&r);
  return out;
}

std::vector<const catalog::Text *> duties_for(const catalog::Role &r, const estate::Estate *e) {
  std::vector<const catalog::Text *> out;
  for (std::size_t i = 0; i < r.duties.size(); ++i)
    if (!e || i >= r.duty_applies.size() || applies(r.duty_applies[i], *e)) out.push_back(&r.duties[i]);
  return out;
}

std::vector<const catalog::ProcedureStep *> steps_for(const catalog::Procedure &p, const estate::Estate *e) {
  return applying(p.steps, e);
}

std::vector<const catalog::EscalationStep *> escalation_for(const std::vector<catalog::EscalationStep> &chain,
                                                            const estate::Estate *e) {
  return applying(chain, e);
}

std::vector<const catalog::Procedure *> procedures_for(const catalog::EmergencyProcedures &ep,
                                                       const estate::Estate *e) {
  return applying(ep.procedures, e);
}

} // namespace pm::staff
