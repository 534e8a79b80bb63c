// Sections an estate has only when its file says so: the programme (e.g. a model-estate campaign),
// the service catalogue and security equipment (villa estates), house rules (dormitories),
// governance facts (a regulator's portfolio).

#include <pm/report/build_internal.hpp>

#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::report::detail {

namespace {
// A phase's length in days, both ends counted. Phases are real dates (the estate check refuses
// others with bad-date).
int phase_days(const std::string &from, const std::string &to) {
  return util::parse_date(to).value_or(0) - util::parse_date(from).value_or(0) + 1;
}

// The days two phases share, both ends counted: 0 when they don't overlap.
struct Shared {
  int days = 0;
  std::string from, to;
};
Shared shared_days(const estate::Phase &a, const estate::Phase &b) {
  auto a0 = util::parse_date(a.from), a1 = util::parse_date(a.to), b0 = util::parse_date(b.from),
       b1 = util::parse_date(b.to);
  if (!a0 || !a1 || !b0 || !b1) return {};
  int first = std::max(*a0, *b0), last = std::min(*a1, *b1);
  if (last < first) return {};
  return {last - first + 1, std::max(a.from, b.from), std::min(a.to, b.to)};
}

bool declared_overlap(const estate::Phase &a, const estate::Phase &b) {
  auto names = [](const estate::Phase &p, const std::string &id) {
    return std::find(p.overlaps.begin(), p.overlaps.end(), id) != p.overlaps.end();
  };
  return names(a, b.id) || names(b, a.id);
}

// What a phase's inspection is: "区级迎检（…）", "city expert guidance (…)".
std::string inspection_text(const Ctx &c, const estate::PhaseInspection &in) {
  std::string kind = in.kind == "preliminary" ? c(msg::insp_preliminary)
                     : in.kind == "guidance"  ? c(msg::insp_guidance)
                                              : c(msg::insp_inspection);
  std::string level = in.level == "district" ? c(msg::insp_district) : in.level == "city" ? c(msg::insp_city) : "";
  std::string out = level.empty() ? kind : c.f(msg::insp_level_kind, level, kind);
  if (!in.by.empty()) out += c.f(msg::parenthesised, c.t(in.by));
  return out;
}
} // namespace

std::optional<Section> programme(const Ctx &c) {
  const auto &phases = c.in->estate.phases;
  if (phases.empty()) return std::nullopt;
  const auto &p = c.in->estate.programme;
  Section s{"programme", "", c(msg::sec_programme), {}, {}};
  if (p && !p->name.empty()) s.blocks.push_back(Paragraph{c(msg::programme_name) + c.t(p->name), Style::normal});
  if (p && !p->goal.empty()) s.blocks.push_back(Paragraph{c(msg::programme_goal) + c.t(p->goal), Style::normal});
  if (p && !p->basis.empty()) s.blocks.push_back(Paragraph{c(msg::programme_basis) + c.t(p->basis), Style::normal});
  if (p && !p->standard.empty())
    s.blocks.push_back(Paragraph{c.f(msg::programme_standard, c.t(p->standard)), Style::normal});

  // Overlapping phases, each pair once, in the order of the file.
  struct Overlap {
    std::size_t a, b;
    Shared days;
    bool declared;
  };
  std::vector<Overlap> overlaps;
  for (std::size_t i = 0; i < phases.size(); ++i)
    for (std::size_t k = i + 1; k < phases.size(); ++k)
      if (Shared d = shared_days(phases[i], phases[k]); d.days > 0)
        overlaps.push_back({i, k, d, declared_overlap(phases[i], phases[k])});
  auto numbered = [&](std::size_t i) { return c.f(msg::phase_numbered, num(static_cast<double>(i + 1))); };
  auto days = [&](int n) { return c.f(n == 1 ? msg::phase_days_one : msg::phase_days, num(n)); };

  Gantt g;
  g.id = "programme_gantt";
  g.caption = c(msg::cap_gantt);
  Table t;
  t.id = "programme";
  t.caption = c(msg::cap_programme) + c.assumed("programme");
  t.columns = {col("phase", c(msg::c_phase)), col("from", c(msg::c_from)), col("to", c(msg::c_to)),
               col("days", c(msg::c_days_count), Align::right)};
  bool any_inspection = false, any_tasks = false;
  for (const auto &ph : phases) {
    any_inspection = any_inspection || ph.inspection.has_value();
    any_tasks = any_tasks || !ph.tasks.empty();
  }
  // Columns only where a phase has something to put in them.
  if (!overlaps.empty()) t.columns.push_back(col("overlap", c(msg::c_overlap)));
  if (any_inspection) t.columns.push_back(col("inspection", c(msg::c_inspection)));
  if (any_tasks) t.columns.push_back(col("tasks", c(msg::c_tasks), Align::left, 0, true));
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto &ph = phases[i];
    g.tasks.push_back({ph.id, c.t(ph.name), ph.from, ph.to});
    Row r = body(ph.id, {Cell::of(numbered(i) + c(msg::colon) + c.t(ph.name)), Cell::of(ph.from), Cell::of(ph.to),
                         Cell::num(static_cast<double>(phase_days(ph.from, ph.to)))});
    if (!overlaps.empty()) {
      std::vector<std::string> with;
      for (const auto &o : overlaps)
        if (o.a == i || o.b == i)
          with.push_back(c.f(msg::phase_overlaps_with, numbered(o.a == i ? o.b : o.a), days(o.days.days)));
      r.cells.push_back(Cell::of(c.join(with)));
    }
    if (any_inspection) r.cells.push_back(Cell::of(ph.inspection ? inspection_text(c, *ph.inspection) : ""));
    if (any_tasks) {
      std::string tasks;
      for (const auto &x : ph.tasks) tasks += (tasks.empty() ? "" : c.sep()) + c.t(x);
      r.cells.push_back(Cell::of(tasks));
    }
    t.rows.push_back(std::move(r));
  }
  s.blocks.push_back(std::move(g));
  s.blocks.push_back(std::move(t));
  for (const auto &o : overlaps)
    s.blocks.push_back(Paragraph{c.f(o.declared ? msg::phases_overlap_planned : msg::phases_overlap, numbered(o.a),
                                     numbered(o.b), days(o.days.days), o.days.from, o.days.to),
                                 Style::normal});
  return s;
}

std::optional<Section> services(const Ctx &c) {
  const auto &svc = c.in->estate.services;
  if (svc.empty()) return std::nullopt;
  Section s{"services", "", c(msg::sec_services), {}, {}};
  s.blocks.push_back(Paragraph{
      c.f(msg::services_intro, c.term(&catalog::EstateTerms::occupants), c.term(&catalog::EstateTerms::estate)),
      Style::normal});
  for (bool paid : {false, true}) {
    Table t;
    t.id = paid ? "services_paid" : "services_free";
    t.caption = paid ? c(msg::cap_services_paid) : c(msg::cap_services_free);
    t.columns = {col("service", c(msg::c_service)), col("provider", c(msg::c_provider))};
    if (paid) t.columns.push_back(col("price", c(msg::c_price)));
    t.columns.push_back(col("booking", c(msg::c_booking)));
    int i = 0;
    for (const auto &x : svc) {
      ++i;
      if (x.paid != paid) continue;
      std::string provider = x.provider;
      if (const auto *d = c.in->roles.department(provider))
        provider = c.t(d->name);
      else if (const auto *r = c.in->roles.role(provider))
        provider = c.t(r->name);
      Row r = body("service-" + std::to_string(i), {Cell::of(c.t(x.name)), Cell::of(provider)});
      if (paid) r.cells.push_back(Cell::of(!x.price.empty() ? c.t(x.price) : c(msg::price_agreed)));
      r.cells.push_back(Cell::of(x.booking ? c(msg::booking_needed) : ""));
      t.rows.push_back(std::move(r));
    }
    if (!t.rows.empty()) s.blocks.push_back(std::move(t));
  }
  return s;
}

std::optional<Section> security_equipment(const Ctx &c) {
  const auto &eq = c.in->estate.security_equipment;
  if (eq.empty()) return std::nullopt;
  Section s{"security-equipment", "", c(msg::sec_security_equipment), {}, {}};
  Table t;
  t.id = "security_equipment";
  t.caption = c(msg::cap_security_equipment);
  t.columns = {col("item", c(msg::c_item)), col("count", c(msg::c_count), Align::right), col("notes", c(msg::c_notes))};
  int i = 0;
  for (const auto &x : eq) {
    Cell count = x.count ? Cell::num(*x.count) : Cell::of("");
    t.rows.push_back(body("equipment-" + std::to_string(++i), {Cell::of(c.t(x.name)), count, Cell::of(c.t(x.notes))}));
  }
  s.blocks.push_back(std::move(t));
  return s;
}

std::optional<Section> rules(const Ctx &c) {
  const auto &r = c.in->estate.rules;
  if (r.empty()) return std::nullopt;
  Section s{"rules", "", c(msg::sec_rules), {}, {}};
  s.blocks.push_back(Paragraph{c.f(msg::rules_intro, c.term(&catalog::EstateTerms::client)), Style::normal});
  std::vector<std::string> items;
  for (const auto &x : r) items.push_back(c.t(x));
  s.blocks.push_back(List{true, items});
  return s;
}

std::optional<Section> governance(const Ctx &c) {
  const auto &g = c.in->estate.governance;
  if (!g.present) return std::nullopt;
  Section s{"governance", "", c(msg::sec_governance), {}, {}};
  Facts f;
  auto yn = [&](const Label &l, const std::optional<bool> &v) {
    if (v) f.items.emplace_back(c(l), *v ? c(msg::bool_yes) : c(msg::bool_no));
  };
  if (!g.company.empty()) f.items.emplace_back(c(msg::gov_company), g.company);
  yn(msg::gov_new_estate, g.new_estate);
  yn(msg::gov_tendered, g.tendered);
  yn(msg::gov_contract_signed, g.contract_signed);
  yn(msg::gov_company_licensed, g.company_licensed);
  yn(msg::gov_manager_certified, g.manager_certified);
  yn(msg::gov_owners_committee, g.owners_committee);
  yn(msg::gov_eligible_for_committee, g.eligible_for_committee);
  if (g.rectification_open + g.rectification_closed > 0)
    f.items.emplace_back(c(msg::gov_rectification), c.f(msg::gov_rectification_value, num(g.rectification_closed),
                                                        num(g.rectification_open + g.rectification_closed)));
  s.blocks.push_back(std::move(f));
  return s;
}

std::optional<Section> processes(const Ctx &c) {
  const auto &ps = c.in->estate.processes;
  if (ps.empty()) return std::nullopt;
  Section s{"processes", "", c(msg::sec_processes), {}, {}};
  for (const auto &p : ps) {
    s.blocks.push_back(Paragraph{c.t(p.name) + c(msg::colon), Style::normal});
    std::vector<std::string> steps;
    for (const auto &x : p.steps) steps.push_back(c.t(x));
    s.blocks.push_back(List{true, steps});
  }
  return s;
}

std::optional<Section> commitments(const Ctx &c) {
  const auto &cs = c.in->estate.commitments;
  if (cs.empty()) return std::nullopt;
  Section s{"commitments", "", c(msg::sec_commitments), {}, {}};
  std::vector<std::string> items;
  for (const auto &x : cs) items.push_back(c.t(x));
  s.blocks.push_back(List{true, items});
  return s;
}

std::optional<Section> fire_safety(const Ctx &c) {
  const auto &f = c.in->estate.fire_safety;
  if (!f) return std::nullopt;
  const auto &e = c.in->estate;
  Section s{"fire-safety", "", c(msg::sec_fire_safety), {}, {}};
  if (!f->per_floor.empty()) {
    // Every floor of every building: the count is the floors (buildings × floors of each group).
    std::vector<std::string> groups;
    for (const auto &b : e.buildings) {
      int floors = b.floors > 0 ? b.floors : estate::usual_floors(b.type);
      groups.push_back(c.f(msg::fire_floors_group, b.name, num(b.count), num(floors), num(b.count * floors)));
    }
    Table t;
    t.id = "fire_per_floor";
    t.caption = c.f(msg::cap_fire_per_floor, num(static_cast<double>(e.floors())), c.join(groups));
    t.columns = {col("item", c(msg::c_item)), col("where", c(msg::c_fire_where)),
                 col("floors", c(msg::c_fire_floors), Align::right)};
    int i = 0;
    for (const auto &x : f->per_floor)
      t.rows.push_back(body("fire-" + std::to_string(++i), {Cell::of(c.t(x)), Cell::of(c(msg::fire_every_floor)),
                                                            Cell::num(static_cast<double>(e.floors()))}));
    s.blocks.push_back(std::move(t));
  }
  if (!f->team.empty()) s.blocks.push_back(Paragraph{c(msg::fire_team) + c.t(f->team), Style::normal});
  if (!f->duties.empty()) {
    std::vector<std::string> items;
    for (const auto &x : f->duties) items.push_back(c.t(x));
    s.blocks.push_back(List{true, items});
  }
  return s;
}

std::optional<Section> liability(const Ctx &c) {
  const auto &l = c.in->estate.liability;
  if (!l) return std::nullopt;
  Section s{"liability", "", c(msg::sec_liability), {}, {}};
  auto list = [&](const Label &title, const std::vector<catalog::Text> &xs) {
    if (xs.empty()) return;
    s.blocks.push_back(Paragraph{c(title), Style::normal});
    std::vector<std::string> items;
    for (const auto &x : xs) items.push_back(c.t(x));
    s.blocks.push_back(List{false, items});
  };
  list(msg::liability_borne, l->borne);
  list(msg::liability_not_borne, l->not_borne);
  return s;
}

} // namespace pm::report::detail
