// pm portfolio's document and JSON.

#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;

namespace {

std::string pct(std::optional<double> r) {
  if (!r) return "—";
  return util::format_number(std::round(*r * 1000.0) / 10.0, 1) + "%";
}

std::string yes_no(const Ctx &c, std::optional<bool> b) {
  if (!b) return "—";
  return *b ? c(msg::bool_yes) : c(msg::bool_no);
}

// An estate named as in the estates table (the JSON keeps the ids).
std::string estate_name(const Ctx &c, const portfolio::Result &r, const std::string &id) {
  for (const auto &e : r.rows)
    if (e.id == id) return c.t(e.name);
  return id;
}

Table targets_table(const Ctx &c, const portfolio::Result &r) {
  Table t;
  t.id = "targets";
  t.caption = c(msg::portfolio_targets);
  t.columns = {col("target", c(msg::c_target)),
               col("goal", c(msg::c_goal)),
               col("actual", c(msg::c_actual)),
               col("count", c(msg::c_tally)),
               col("unknown", c(msg::c_unknown), Align::right),
               col("result", c(msg::c_result)),
               col("missing", c(msg::c_missing))};
  for (const auto &x : r.targets) {
    std::string missing;
    for (std::size_t i = 0; i < x.missing.size(); ++i) {
      if (i == 10) {
        missing += c.f(msg::portfolio_more, x.missing.size() - 10, x.missing.size());
        break;
      }
      missing += (i ? c(msg::enumeration_separator) : "") + estate_name(c, r, x.missing[i]);
    }
    t.rows.push_back(body(
        x.target.id,
        {Cell::of(c.t(portfolio::target_name(x.target.id))), Cell::of("≥ " + pct(x.target.goal)), Cell::of(pct(x.rate)),
         Cell::of(std::to_string(x.numerator) + "/" + std::to_string(x.denominator)),
         Cell::num(static_cast<double>(x.unknown.size())),
         x.met ? Cell::of(c(msg::portfolio_met)) : Cell::styled(c(msg::portfolio_missed), "miss"), Cell::of(missing)}));
  }
  return t;
}

std::string tender_method_name(const Ctx &c, const std::string &m) {
  if (m == "public") return c(msg::tender_public);
  if (m == "invited") return c(msg::tender_invited);
  if (m == "negotiated") return c(msg::tender_negotiated);
  return m;
}

// The tender threshold and the new estates that break it or can't be judged against it.
Section tenders_section(const Ctx &c, const portfolio::Result &r, const portfolio::TenderThreshold &th) {
  Section s{"tenders", "", c(msg::portfolio_tender), {}, {}};
  std::string area = num(th.public_min_area);
  s.blocks.push_back(Paragraph{th.below == "public" ? c.f(msg::portfolio_tender_rule_public, area)
                                                    : c.f(msg::portfolio_tender_rule_approval, area),
                               Style::normal});
  if (r.tender_findings.empty()) {
    s.blocks.push_back(Paragraph{c(msg::portfolio_tender_none), Style::normal});
    return s;
  }
  using Kind = portfolio::TenderFinding::Kind;
  List breaches, unknown;
  for (const auto &f : r.tender_findings) {
    std::string name = estate_name(c, r, f.estate), a = num(f.area), m = tender_method_name(c, f.method);
    switch (f.kind) {
    case Kind::not_public:
      breaches.items.push_back(c.f(msg::portfolio_tender_not_public, name, a, area, m));
      break;
    case Kind::not_approved:
      breaches.items.push_back(c.f(msg::portfolio_tender_not_approved, name, a, m));
      break;
    case Kind::method_unknown:
      unknown.items.push_back(c.f(msg::portfolio_tender_method_unknown, name, a));
      break;
    case Kind::approval_unknown:
      unknown.items.push_back(c.f(msg::portfolio_tender_approval_unknown, name, a, m));
      break;
    }
  }
  if (breaches.items.empty())
    s.blocks.push_back(Paragraph{c(msg::portfolio_tender_none), Style::normal});
  else
    s.blocks.push_back(std::move(breaches));
  if (!unknown.items.empty()) s.blocks.push_back(std::move(unknown));
  return s;
}

int phase_length(const std::string &from, const std::string &to) {
  return util::parse_date(to).value_or(0) - util::parse_date(from).value_or(0) + 1;
}

Section phases_section(const Ctx &c, const std::vector<estate::Phase> &phases) {
  Section s{"phases", "", c(msg::portfolio_phases_caption), {}, {}};
  Table t;
  t.id = "phases";
  t.caption = c(msg::cap_programme);
  t.columns = {col("phase", c(msg::c_phase)), col("from", c(msg::c_from)), col("to", c(msg::c_to)),
               col("days", c(msg::c_days_count), Align::right), col("tasks", c(msg::c_tasks), Align::left, 0, true)};
  for (const auto &p : phases) {
    std::string tasks;
    for (const auto &x : p.tasks) tasks += (tasks.empty() ? "" : c.sep()) + c.t(x);
    t.rows.push_back(body(p.id, {Cell::of(c.t(p.name)), Cell::of(p.from), Cell::of(p.to),
                                 Cell::num(static_cast<double>(phase_length(p.from, p.to))), Cell::of(tasks)}));
  }
  s.blocks.push_back(std::move(t));
  return s;
}

std::string joined(const Ctx &c, const std::vector<catalog::Text> &list) {
  std::string out;
  for (const auto &x : list) out += (out.empty() ? "" : c.sep()) + c.t(x);
  return out;
}

// The leading group, its office, the principle and each body's duties.
Section organisation_section(const Ctx &c, const portfolio::Targets &t) {
  Section s{"organisation", "", c(msg::portfolio_organisation), {}, {}};
  if (!t.principle.empty())
    s.blocks.push_back(Paragraph{c.f(msg::portfolio_principle, c.t(t.principle)), Style::normal});
  if (!t.groups.empty()) {
    Table g;
    g.id = "groups";
    g.caption = c(msg::portfolio_groups_caption);
    g.columns = {col("group", c(msg::c_group)), col("lead", c(msg::c_lead)), col("deputies", c(msg::c_deputies)),
                 col("members", c(msg::c_members), Align::left, 0, true),
                 col("duties", c(msg::c_duties), Align::left, 0, true)};
    for (const auto &lg : t.groups) {
      std::vector<std::string> members;
      for (const auto &m : lg.group.members) members.push_back(m.name);
      g.rows.push_back(
          body(lg.group.id, {Cell::of(c.t(lg.group.name)), Cell::of(lg.group.lead), Cell::of(c.join(lg.group.deputies)),
                             Cell::of(c.join(members)), Cell::of(joined(c, lg.group.duties))}));
    }
    s.blocks.push_back(std::move(g));
    for (const auto &lg : t.groups)
      if (lg.office)
        s.blocks.push_back(
            Paragraph{c.f(msg::portfolio_office, lg.office->seat, joined(c, lg.office->duties)), Style::normal});
  }
  if (!t.departments.empty()) {
    Table d;
    d.id = "departments";
    d.caption = c(msg::portfolio_departments);
    d.columns = {col("body", c(msg::c_body)), col("standing", c(msg::c_body_role), Align::left, 0, true),
                 col("duties", c(msg::c_duties), Align::left, 0, true)};
    for (const auto &b : t.departments)
      d.rows.push_back(body(b.id, {Cell::of(c.t(b.name)), Cell::of(c.t(b.role)), Cell::of(joined(c, b.duties))}));
    s.blocks.push_back(std::move(d));
  }
  return s;
}

Table estates_table(const Ctx &c, const portfolio::Result &r) {
  Table t;
  t.id = "estates";
  t.caption = c(msg::portfolio_estates);
  t.columns = {col("id", c(msg::c_id)), col("name", c(msg::c_name)), col("area", c(msg::c_area), Align::right),
               col("staff", c(msg::c_headcount), Align::right)};
  // Costs and fees where the estates were costed.
  const bool costed = r.total_cost.has_value();
  if (costed)
    for (auto &&x : {col("annual_cost", c(msg::c_annual_cost), Align::right, 2),
                     col("fee", c(msg::c_fee_incl_vat), Align::right, 2), col("rates", c(msg::c_rates))})
      t.columns.push_back(x);
  for (auto &&x : {col("tendered", c(msg::c_tendered)), col("contract", c(msg::c_contract_signed)),
                   col("covenant", c(msg::c_covenant)), col("licensed", c(msg::c_licensed)),
                   col("certified", c(msg::c_certified)), col("credit_file", c(msg::c_credit_file)),
                   col("managed", c(msg::c_managed)), col("committee", c(msg::c_committee)),
                   col("rectified", c(msg::c_rectified)), col("repairs", c(msg::c_repairs))})
    t.columns.push_back(x);
  for (const auto &e : r.rows) {
    const auto &g = e.governance;
    std::string rect = g.has_rectification ? std::to_string(g.rectification_closed) + "/" +
                                                 std::to_string(g.rectification_open + g.rectification_closed)
                                           : "—";
    std::string repairs = g.has_repairs ? std::to_string(g.repairs_on_time) + "/" + std::to_string(g.repairs_due) : "—";
    // A new estate's tender: how it tendered, else whether.
    std::string tendered = g.new_estate != true       ? "—"
                           : g.tendered == false      ? yes_no(c, false)
                           : !g.tender_method.empty() ? tender_method_name(c, g.tender_method)
                                                      : yes_no(c, g.tendered);
    std::vector<Cell> cells = {Cell::of(e.id), Cell::of(c.t(e.name)), Cell::num(e.area), Cell::num(e.staff)};
    if (costed) {
      cells.push_back(e.annual_cost ? Cell::num(*e.annual_cost) : Cell::of("—"));
      cells.push_back(e.fee ? Cell::num(*e.fee) : Cell::of("—"));
      cells.push_back(Cell::of(
          e.rates.empty() ? "—" : data_set_name(e.rates_title, e.rates, c.lang()) + (e.illustrative ? " *" : "")));
    }
    for (auto &&x : {Cell::of(tendered), Cell::of(yes_no(c, g.contract_signed)), Cell::of(yes_no(c, g.covenant_signed)),
                     Cell::of(yes_no(c, g.company_licensed)), Cell::of(yes_no(c, g.manager_certified)),
                     Cell::of(yes_no(c, g.credit_file)), Cell::of(yes_no(c, g.professionally_managed)),
                     Cell::of(yes_no(c, g.owners_committee)), Cell::of(rect), Cell::of(repairs)})
      cells.push_back(x);
    t.rows.push_back(body(e.id, std::move(cells)));
  }
  return t;
}

// The flat table CSV writes: one row per estate, governance as true/false.
Table estates_data(const portfolio::Result &r, i18n::Lang lang) {
  Table t;
  t.id = "estates_data";
  t.for_ = Table::For::data;
  for (const char *id : {"id",
                         "name",
                         "file",
                         "area",
                         "staff",
                         "annual_cost",
                         "fee",
                         "rates",
                         "illustrative",
                         "new_estate",
                         "tendered",
                         "contract_signed",
                         "company_licensed",
                         "manager_certified",
                         "owners_committee",
                         "rectification_open",
                         "rectification_closed",
                         "tender_method",
                         "tender_approved",
                         "covenant_signed",
                         "eligible_for_management",
                         "professionally_managed",
                         "credit_file",
                         "repairs_due",
                         "repairs_on_time"})
    t.columns.push_back(col(id, ""));
  auto b = [](std::optional<bool> v) { return v ? (*v ? "true" : "false") : ""; };
  for (const auto &e : r.rows) {
    const auto &g = e.governance;
    std::vector<Cell> cells;
    for (const std::string &v : {e.id,
                                 e.name.get(lang),
                                 e.file,
                                 util::format_number(e.area),
                                 std::to_string(e.staff),
                                 e.annual_cost ? util::format_number(*e.annual_cost) : "",
                                 e.fee ? util::format_number(*e.fee) : "",
                                 e.rates,
                                 std::string(e.rates.empty()  ? ""
                                             : e.illustrative ? "true"
                                                              : "false"),
                                 std::string(b(g.new_estate)),
                                 std::string(b(g.tendered)),
                                 std::string(b(g.contract_signed)),
                                 std::string(b(g.company_licensed)),
                                 std::string(b(g.manager_certified)),
                                 std::string(b(g.owners_committee)),
                                 g.has_rectification ? std::to_string(g.rectification_open) : "",
                                 g.has_rectification ? std::to_string(g.rectification_closed) : "",
                                 g.tender_method,
                                 std::string(b(g.tender_approved)),
                                 std::string(b(g.covenant_signed)),
                                 std::string(b(g.eligible_for_management)),
                                 std::string(b(g.professionally_managed)),
                                 std::string(b(g.credit_file)),
                                 g.has_repairs ? std::to_string(g.repairs_due) : "",
                                 g.has_repairs ? std::to_string(g.repairs_on_time) : ""})
      cells.push_back(Cell::of(v));
    t.rows.push_back(body(e.id, std::move(cells)));
  }
  return t;
}

std::string totals_line(const Ctx &c, const portfolio::Result &r) {
  std::string s = c.f(msg::portfolio_totals, r.rows.size(), num(r.total_area), num(r.total_staff));
  if (r.total_cost) s += c.f(msg::portfolio_totals_cost, num(*r.total_cost));
  if (r.invalid_files) s += c.f(msg::portfolio_totals_invalid, r.invalid_files);
  return s;
}

} // namespace

doc::Document portfolio_document(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang) {
  Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  d.lang = i18n::code(lang);
  d.title = t && !t->name.get(lang).empty() ? t->name.get(lang) : c(msg::portfolio_title);
  Section s{"portfolio", "", "", {}, {}};
  if (t) {
    if (t->scope_estates || !t->scope.empty()) {
      std::string here = num(static_cast<double>(r.rows.size()));
      s.blocks.push_back(Paragraph{
          !t->scope.empty() ? c.f(msg::portfolio_scope, c.t(t->scope), here)
                            : c.f(msg::portfolio_scope_count, num(static_cast<double>(*t->scope_estates)), here),
          Style::normal});
    }
    s.blocks.push_back(targets_table(c, r));
    s.blocks.push_back(Paragraph{c(msg::portfolio_unknown_note), Style::note});
    // The plan's own words for each target, where the file gives them.
    List words;
    for (const auto &x : t->targets)
      if (!x.wording.empty())
        words.items.push_back(c.f(msg::portfolio_wording_item, c.t(portfolio::target_name(x.id)), c.t(x.wording)));
    if (!words.items.empty()) {
      s.blocks.push_back(Paragraph{c(msg::portfolio_wording), Style::normal});
      s.blocks.push_back(std::move(words));
    }
    if (t->tender_threshold) s.sections.push_back(tenders_section(c, r, *t->tender_threshold));
    if (!t->phases.empty()) s.sections.push_back(phases_section(c, t->phases));
    if (!t->groups.empty() || !t->departments.empty() || !t->principle.empty())
      s.sections.push_back(organisation_section(c, *t));
  }
  // The estates come after the campaign's sections, when there are any.
  const bool own = !s.sections.empty();
  Section es{"estates", "", own ? c(msg::portfolio_estates) : "", {}, {}};
  es.blocks.push_back(estates_table(c, r));
  es.blocks.push_back(Paragraph{totals_line(c, r), Style::normal});
  // Every figure that rests on illustrative rates says so, where it is shown.
  if (!r.illustrative_rates.empty()) {
    // Named as people know them (the rows hold each set's title).
    std::vector<std::string> names;
    for (const auto &n : r.illustrative_rates)
      for (const auto &e : r.rows)
        if (e.rates == n) {
          names.push_back(data_set_name(e.rates_title, n, c.lang()));
          break;
        }
    std::string sets = c.join(names);
    d.notices.push_back({c.f(msg::notice_illustrative, c.t(budget::illustrative_notice), sets), Style::note});
    es.blocks.push_back(Paragraph{c.f(msg::portfolio_illustrative, sets), Style::note});
  }
  es.blocks.push_back(estates_data(r, lang));
  if (own)
    s.sections.push_back(std::move(es));
  else
    for (auto &b : es.blocks) s.blocks.push_back(std::move(b));
  if (t && !t->assumptions.empty()) {
    Section a{"assumptions", "", c(msg::portfolio_assumptions), {}, {}};
    List items;
    for (const auto &x : t->assumptions) items.items.push_back(c.t(x.text));
    a.blocks.push_back(std::move(items));
    s.sections.push_back(std::move(a));
  }
  d.sections.push_back(std::move(s));
  return d;
}

nlohmann::ordered_json portfolio_json(const portfolio::Result &r, const portfolio::Targets *t, i18n::Lang lang) {
  nlohmann::ordered_json j;
  j["targets_file"] = t ? nlohmann::ordered_json(t->file) : nlohmann::ordered_json(nullptr);
  j["lang"] = i18n::code(lang);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto &e : r.rows) {
    nlohmann::ordered_json x;
    x["id"] = e.id;
    x["name"] = e.name.get(lang);
    x["file"] = e.file;
    x["area"] = e.area;
    x["staff"] = e.staff;
    x["annual_cost"] = e.annual_cost ? nlohmann::ordered_json(*e.annual_cost) : nlohmann::ordered_json(nullptr);
    x["fee_per_m2_month"] = e.fee ? nlohmann::ordered_json(*e.fee) : nlohmann::ordered_json(nullptr);
    x["rates"] = e.rates.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.rates);
    x["illustrative"] = e.illustrative;
    if (e.governance.present) {
      const auto &g = e.governance;
      auto b = [](std::optional<bool> v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr); };
      x["governance"] = {{"company", g.company},
                         {"new_estate", b(g.new_estate)},
                         {"tendered", b(g.tendered)},
                         {"contract_signed", b(g.contract_signed)},
                         {"company_licensed", b(g.company_licensed)},
                         {"manager_certified", b(g.manager_certified)},
                         {"owners_committee", b(g.owners_committee)},
                         {"rectification_open", g.rectification_open},
                         {"rectification_closed", g.rectification_closed},
                         {"tender_method", g.tender_method.empty() ? nlohmann::ordered_json(nullptr)
                                                                   : nlohmann::ordered_json(g.tender_method)},
                         {"tender_approved", b(g.tender_approved)},
                         {"covenant_signed", b(g.covenant_signed)},
                         {"eligible_for_management", b(g.eligible_for_management)},
                         {"professionally_managed", b(g.professionally_managed)},
                         {"credit_file", b(g.credit_file)},
                         {"repairs_due", g.has_repairs ? nlohmann::ordered_json(g.repairs_due) : nullptr},
                         {"repairs_on_time", g.has_repairs ? nlohmann::ordered_json(g.repairs_on_time) : nullptr}};
    } else {
      x["governance"] = nullptr;
    }
    rows.push_back(std::move(x));
  }
  j["estates"] = std::move(rows);
  nlohmann::ordered_json ts = nlohmann::ordered_json::array();
  for (const auto &tr : r.targets) {
    nlohmann::ordered_json x;
    x["id"] = tr.target.id;
    x["name"] = portfolio::target_name(tr.target.id).get(lang);
    x["goal"] = tr.target.goal;
    x["rate"] =
        tr.rate ? nlohmann::ordered_json(std::round(*tr.rate * 10000.0) / 10000.0) : nlohmann::ordered_json(nullptr);
    x["numerator"] = tr.numerator;
    x["denominator"] = tr.denominator;
    x["met"] = tr.met;
    x["missing"] = tr.missing;
    x["unknown"] = tr.unknown;
    x["wording"] = tr.target.wording.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(tr.target.wording.get(lang == i18n::Lang::zh));
    ts.push_back(std::move(x));
  }
  j["targets"] = std::move(ts);
  // The campaign the targets file sets out: scope, tender threshold, phases, organisation.
  auto text = [&](const catalog::Text &x) {
    return x.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x.get(lang == i18n::Lang::zh));
  };
  auto texts = [&](const std::vector<catalog::Text> &xs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto &x : xs) a.push_back(x.get(lang == i18n::Lang::zh));
    return a;
  };
  nlohmann::ordered_json campaign = nullptr;
  if (t) {
    campaign = nlohmann::ordered_json::object();
    campaign["scope"] = {{"estates", t->scope_estates ? nlohmann::ordered_json(*t->scope_estates) : nullptr},
                         {"text", text(t->scope)}};
    if (t->tender_threshold)
      campaign["tender_threshold"] = {{"public_min_area", t->tender_threshold->public_min_area},
                                      {"below", t->tender_threshold->below}};
    else
      campaign["tender_threshold"] = nullptr;
    nlohmann::ordered_json ph = nlohmann::ordered_json::array();
    for (const auto &p : t->phases)
      ph.push_back({{"id", p.id}, {"name", text(p.name)}, {"from", p.from}, {"to", p.to}, {"tasks", texts(p.tasks)}});
    campaign["phases"] = std::move(ph);
    campaign["principle"] = text(t->principle);
    nlohmann::ordered_json gs = nlohmann::ordered_json::array();
    for (const auto &lg : t->groups) {
      nlohmann::ordered_json members = nlohmann::ordered_json::array();
      for (const auto &m : lg.group.members) members.push_back(m.name);
      nlohmann::ordered_json office = nullptr;
      if (lg.office) office = {{"seat", lg.office->seat}, {"duties", texts(lg.office->duties)}};
      gs.push_back(
          {{"id", lg.group.id},
           {"name", text(lg.group.name)},
           {"lead", lg.group.lead.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(lg.group.lead)},
           {"deputies", lg.group.deputies},
           {"members", std::move(members)},
           {"duties", texts(lg.group.duties)},
           {"office", std::move(office)}});
    }
    campaign["groups"] = std::move(gs);
    nlohmann::ordered_json ds = nlohmann::ordered_json::array();
    for (const auto &b : t->departments)
      ds.push_back({{"id", b.id}, {"name", text(b.name)}, {"role", text(b.role)}, {"duties", texts(b.duties)}});
    campaign["departments"] = std::move(ds);
    nlohmann::ordered_json as = nlohmann::ordered_json::array();
    for (const auto &a : t->assumptions) as.push_back({{"about", a.about}, {"text", text(a.text)}});
    campaign["assumptions"] = std::move(as);
  }
  j["campaign"] = std::move(campaign);
  nlohmann::ordered_json fs = nlohmann::ordered_json::array();
  for (const auto &f : r.tender_findings) {
    using Kind = portfolio::TenderFinding::Kind;
    const char *kind = f.kind == Kind::not_public       ? "not_public"
                       : f.kind == Kind::not_approved   ? "not_approved"
                       : f.kind == Kind::method_unknown ? "method_unknown"
                                                        : "approval_unknown";
    fs.push_back({{"estate", f.estate},
                  {"kind", kind},
                  {"breach", f.breach()},
                  {"method", f.method.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.method)},
                  {"area", f.area}});
  }
  j["tender_findings"] = std::move(fs);
  j["totals"] = {
      {"estates", r.rows.size()},
      {"invalid", r.invalid_files},
      {"area", r.total_area},
      {"staff", r.total_staff},
      {"annual_cost", r.total_cost ? nlohmann::ordered_json(*r.total_cost) : nlohmann::ordered_json(nullptr)}};
  j["all_met"] = r.all_met();
  j["notice"] = r.illustrative_rates.empty()
                    ? nlohmann::ordered_json(nullptr)
                    : nlohmann::ordered_json(budget::illustrative_notice.get(lang == i18n::Lang::zh));
  return j;
}

} // namespace pm::report
