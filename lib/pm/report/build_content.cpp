// Service standards by grade, the maintenance calendar with inspection rounds, and the
// emergency procedures with their escalation chains: content data filtered for the estate.

#include <pm/report/build_internal.hpp>
#include <pm/staff/applicable.hpp>

#include <pm/catalog/emergency.hpp>
#include <pm/catalog/inspection.hpp>
#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/service_standards.hpp>
#include <pm/staff/quantity.hpp>

#include <algorithm>

namespace pm::report::detail {

namespace {
std::string department_name(const Ctx &c, const std::string &id) {
  const auto *d = c.in->roles.department(id);
  return d ? c.t(d->name) : id;
}
// The satisfaction survey's standard and calendar task (ids satisfaction*, satisfaction_survey*),
// whose frequency the estate's own (estate file `surveys`) replaces.
bool is_survey(const std::string &id) { return id.rfind("satisfaction", 0) == 0; }
} // namespace

Section standards(const Ctx &c) {
  const auto &ss = *c.in->context.service_standards;
  int grade = c.in->estate.grade;
  Section s{"standards", "", c.f(msg::sec_standards, grade_name(c, grade)), {}, {}};
  auto lines = ss.standards_for(grade);
  // Only the items the estate has the plant for (no lift cars to clean without lifts).
  std::erase_if(lines, [&](const catalog::StandardLine &l) {
    const auto *item = ss.item(l.id);
    return item && !staff::applies(item->applies_to, c.in->estate);
  });
  if (c.terms())
    s.blocks.push_back(
        Paragraph{c.f(msg::standards_basis, c.term(&catalog::EstateTerms::grade_standard)), Style::normal});
  if (lines.empty()) {
    s.blocks.push_back(Paragraph{c(msg::standards_none), Style::note});
  } else {
    Table t;
    t.id = "standards";
    t.caption = c.t(ss.meta.title);
    t.columns = {col("item", c(msg::c_item)), col("standard", c(msg::c_standard), Align::left, 0, true),
                 col("source", c(msg::c_source), Align::left, 0, true)};
    std::string category;
    for (const auto &l : lines) {
      if (l.category != category) {
        category = l.category;
        t.rows.push_back(group(l.category, {Cell::of(c.t(l.category_name)), Cell::of(""), Cell::of("")}));
      }
      const auto &own = c.in->estate.surveys;
      if (own && is_survey(l.id)) { // the plan's frequency, as it words it
        t.rows.push_back(body(l.id, {Cell::of(c.t(l.item)), Cell::of(c.f(msg::survey_standard, c.t(own->frequency))),
                                     Cell::of(c(msg::survey_source))}));
        continue;
      }
      std::string value = c.t(l.value);
      if (catalog::illustrative(l.source)) value += c(msg::mark_illustrative);
      t.rows.push_back(body(l.id, {Cell::of(c.t(l.item)), Cell::of(value), Cell::of(c.cite(l.source, c.t(l.item)))}));
    }
    s.blocks.push_back(std::move(t));
  }
  if (!ss.meta.note.empty() && !s.blocks.empty()) {
    if (auto *t = std::get_if<Table>(&s.blocks.back())) t->caption += " " + c.in->cites->assume(c.t(ss.meta.note));
  }

  const auto &cleaning = c.in->estate.cleaning_standards;
  if (!cleaning.empty()) {
    Section cs{"cleaning-standards", "", c(msg::sec_cleaning_standards), {}, {}};
    cs.blocks.push_back(Paragraph{c(msg::cleaning_standards_intro), Style::normal});
    Table t;
    t.id = "cleaning_standards";
    t.columns = {col("item", c(msg::c_item)), col("standard", c(msg::c_standard), Align::left, 0, true)};
    int i = 0;
    for (const auto &x : cleaning)
      t.rows.push_back(body("cleaning-" + std::to_string(++i), {Cell::of(c.t(x.item)), Cell::of(c.t(x.standard))}));
    cs.blocks.push_back(std::move(t));
    s.sections.push_back(std::move(cs));
  }
  return s;
}

Section maintenance(const Ctx &c) {
  const auto &e = c.in->estate;
  const auto &cal = *c.in->context.maintenance;
  Section s{"maintenance", "", c(msg::sec_maintenance), {}, {}};
  s.blocks.push_back(Paragraph{c(msg::maintenance_intro), Style::normal});
  Table t;
  t.id = "maintenance";
  t.caption = c.t(cal.meta.title);
  t.columns.push_back(col("task", c(msg::c_task)));
  t.columns.push_back(col("frequency", c(msg::c_frequency)));
  static const Label *months[] = {&msg::m_1, &msg::m_2, &msg::m_3, &msg::m_4,  &msg::m_5,  &msg::m_6,
                                  &msg::m_7, &msg::m_8, &msg::m_9, &msg::m_10, &msg::m_11, &msg::m_12};
  for (int m = 1; m <= 12; ++m) t.columns.push_back(col("m" + std::to_string(m), c(*months[m - 1]), Align::center));
  t.columns.push_back(col("by", c(msg::c_by)));
  std::vector<std::string> details;
  for (const auto *task : staff::tasks_for(cal, &e)) {
    // The estate's own survey frequency replaces the calendar's (its months are the plan's to set).
    const auto &own = is_survey(task->id) ? e.surveys : std::nullopt;
    Row r = body(task->id, {Cell::of(c.t(task->name)), Cell::of(c.t(own ? own->frequency : task->frequency))});
    for (int m = 1; m <= 12; ++m) r.cells.push_back(Cell::of(!own && task->in_month(m) ? "●" : ""));
    if (own && !own->method.empty()) details.push_back(c.t(task->name) + c(msg::colon) + c.t(own->method));
    std::string by = staff::by_contractor(*task, e) ? c.f(msg::by_contractor, service_name(c, task->contractor_service))
                                                    : department_name(c, task->department);
    r.cells.push_back(Cell::of(by));
    t.rows.push_back(std::move(r));
    if (!task->detail.empty()) details.push_back(c.t(task->name) + c(msg::colon) + c.t(task->detail));
  }
  s.blocks.push_back(std::move(t));
  if (!details.empty()) s.blocks.push_back(List{false, details});
  if (!cal.meta.note.empty())
    s.blocks.front() =
        Paragraph{c(msg::maintenance_intro) + " " + c.in->cites->assume(c.t(cal.meta.note)), Style::normal};

  Section is{"inspections", "", c(msg::sec_inspections), {}, {}};
  const auto &own = c.in->estate.inspections;
  if (own) {
    Facts f;
    f.items.emplace_back(c(msg::rounds_per_day), num(own->rounds_per_day));
    if (!own->times.empty()) f.items.emplace_back(c(msg::round_times), c.join(own->times));
    is.blocks.push_back(Paragraph{c(msg::inspections_own) + c.assumed("inspections"), Style::normal});
    is.blocks.push_back(std::move(f));
    std::vector<std::string> items;
    for (const auto &x : own->checklist) items.push_back(c.t(x));
    is.blocks.push_back(List{true, items});
  }
  const auto &rounds = *c.in->context.inspections;
  auto applicable = staff::rounds_for(rounds, &e);
  if (!applicable.empty())
    is.blocks.push_back(
        Paragraph{own ? c(msg::inspections_standard_also) : c(msg::inspections_standard), Style::normal});
  for (const auto *r : applicable) {
    Table t;
    t.id = "inspection-" + r->id;
    t.caption =
        c.t(r->name) + c(msg::dash) + c.t(r->frequency) + c.f(msg::parenthesised, department_name(c, r->department));
    t.columns = {col("check", c(msg::c_check), Align::left, 0, true),
                 col("action", c(msg::c_action), Align::left, 0, true)};
    int i = 0;
    for (const auto *chk : staff::checks_for(*r, &e))
      t.rows.push_back(body(r->id + "-" + std::to_string(++i), {Cell::of(c.t(chk->item)), Cell::of(c.t(chk->action))}));
    is.blocks.push_back(std::move(t));
  }
  if (!is.blocks.empty()) s.sections.push_back(std::move(is));
  return s;
}

Section emergency(const Ctx &c) {
  const auto &ep = *c.in->context.emergency;
  Section s{"emergency", "", c(msg::sec_emergency), {}, {}};
  s.blocks.push_back(Paragraph{c(msg::emergency_intro), Style::normal});

  Section chain{"escalation", "", c(msg::sec_escalation), {}, {}};
  const auto &own = c.in->estate.escalation;
  if (!own.empty()) {
    chain.blocks.push_back(Paragraph{c(msg::escalation_own), Style::normal});
    std::vector<std::string> items;
    for (std::size_t i = 0; i < own.size(); ++i)
      items.push_back(c.t(own[i]) + c.assumed("escalation[" + std::to_string(i) + "]"));
    chain.blocks.push_back(List{true, items});
  } else {
    chain.blocks.push_back(Paragraph{c(msg::escalation_default), Style::normal});
    std::vector<std::string> items;
    for (const auto *x : staff::escalation_for(ep.escalation, &c.in->estate))
      items.push_back(c.t(x->who) + c(msg::colon) + c.t(x->action));
    chain.blocks.push_back(List{true, items});
  }
  const auto procedures = staff::procedures_for(ep, &c.in->estate);
  // A contact is listed when a procedure that applies calls it, or when none calls it at all.
  auto listed = [&](const std::string &id) {
    bool called = false;
    for (const auto &p : ep.procedures)
      called = called || std::find(p.calls.begin(), p.calls.end(), id) != p.calls.end();
    if (!called) return true;
    for (const auto *p : procedures)
      if (std::find(p->calls.begin(), p->calls.end(), id) != p->calls.end()) return true;
    return false;
  };
  Table ct;
  ct.id = "contacts";
  ct.caption = c(msg::cap_contacts);
  ct.columns = {col("service", c(msg::c_service)), col("number", c(msg::c_number))};
  for (const auto &k : ep.contacts)
    if (listed(k.id))
      ct.rows.push_back(
          body(k.id, {Cell::of(c.t(k.name)), Cell::of(k.number.empty() ? c(msg::number_estate) : k.number)}));
  chain.blocks.push_back(std::move(ct));
  s.sections.push_back(std::move(chain));

  const auto general_chain = staff::escalation_for(ep.escalation, &c.in->estate);
  for (const auto *p : procedures) {
    Section ps{"emergency-" + p->id, "", c.t(p->name), {}, {}};
    std::vector<std::string> steps;
    for (const auto *st : staff::steps_for(*p, &c.in->estate)) steps.push_back(c.t(st->text));
    ps.blocks.push_back(Paragraph{c(msg::steps_title), Style::normal});
    ps.blocks.push_back(List{true, steps});
    std::vector<std::string> esc;
    const auto chain_of = staff::escalation_for(p->escalation, &c.in->estate);
    for (const auto *x : chain_of) esc.push_back(c.t(x->who) + c(msg::colon) + c.t(x->action));
    // A procedure that follows the general chain refers to it (the estate's own when it has one).
    bool general = chain_of.size() == general_chain.size();
    for (std::size_t i = 0; general && i < esc.size(); ++i)
      general =
          chain_of[i]->who.zh == general_chain[i]->who.zh && chain_of[i]->action.zh == general_chain[i]->action.zh;
    if (general) {
      ps.blocks.push_back(
          Paragraph{c(msg::escalation_title) + c.f(msg::escalation_as_above, c(msg::sec_escalation)), Style::normal});
    } else if (!esc.empty()) {
      ps.blocks.push_back(Paragraph{c(msg::escalation_title), Style::normal});
      ps.blocks.push_back(List{true, esc});
    }
    if (!p->escalation_note.empty()) ps.blocks.push_back(Paragraph{c.t(p->escalation_note), Style::note});
    std::vector<std::string> calls;
    for (const auto &id : p->calls)
      if (const auto *k = ep.contact(id))
        calls.push_back(k->number.empty() ? c.t(k->name) : k->number + " " + c.t(k->name));
    if (!calls.empty()) ps.blocks.push_back(Paragraph{c(msg::calls_title) + c.join(calls), Style::normal});
    if (!p->source.empty())
      ps.blocks.push_back(Paragraph{c(msg::basis_prefix) + c.cite(p->source, c.t(p->name)), Style::source});
    s.sections.push_back(std::move(ps));
  }
  if (!ep.meta.note.empty())
    s.blocks.front() = Paragraph{c(msg::emergency_intro) + " " + c.in->cites->assume(c.t(ep.meta.note)), Style::normal};
  return s;
}

} // namespace pm::report::detail
