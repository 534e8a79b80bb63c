// pm compare's document and JSON: the variants side by side, what each is, and what differs.

#include <pm/catalog/quantities.hpp>
#include <pm/report/build_internal.hpp>
#include <pm/report/commands.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace pm::report {

using detail::body;
using detail::col;
using detail::Ctx;
using detail::num;

// Named, not anonymous: the folder is built as one unit, and diff_document.cpp has helpers of
// the same names.
namespace compare_doc {

std::string signed_count(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }
std::string signed_amount(double v) { return (v > 0 ? "+" : "") + util::group_thousands(v, 2); }

const budget::Budget &budget_of(const app::Variant &v) { return *v.plan.budget; }
// No fee where none is charged (a cost budget).
std::optional<double> fee(const app::Variant &v) {
  if (!budget_of(v).fee_charged) return std::nullopt;
  return budget::round_cents(budget_of(v).fee.lump_sum.per_m2_month_incl_vat);
}
std::string fee_text(const app::Variant &v) { return fee(v) ? util::group_thousands(*fee(v), 2) : "—"; }
std::optional<double> fee_household(const app::Variant &v) {
  const auto &h = budget_of(v).fee.lump_sum.per_household_month;
  if (!h) return std::nullopt;
  return budget::round_cents(*h);
}
// The contract's line of the budget for an outsourced service, if the variant has one.
const budget::Line *contract_line(const app::Variant &v, const std::string &service) {
  for (const auto &l : budget_of(v).lines)
    if (l.id == "outsourced." + service) return &l;
  return nullptr;
}

// The services any variant contracts out, in order of appearance.
std::vector<std::string> contracted_services(const app::Comparison &cmp) {
  std::vector<std::string> out;
  for (const auto &v : cmp.variants)
    for (const auto &o : v.plan.estate.outsourced)
      if (std::find(out.begin(), out.end(), o.service) == out.end()) out.push_back(o.service);
  return out;
}

// A variant's name in the document: its label, else "As written" for the estate as written
// beside a single variant, else a letter.
std::string label(const Ctx &c, const app::Comparison &cmp, std::size_t i) {
  const auto &v = cmp.variants[i];
  if (!v.label.empty()) return v.label;
  // A single variant is set against the estate as written.
  bool implicit = !cmp.variants.front().spec && cmp.variants.size() > 1 && cmp.variants[1].spec;
  if (i == 0 && implicit) return c(msg::compare_as_written);
  std::size_t letter = implicit ? i - 1 : i;
  std::string s = letter < 26 ? std::string(1, static_cast<char>('A' + letter)) : std::to_string(letter + 1);
  return c.f(msg::compare_option, s);
}

// One row of "what each option is": a name and each variant's value.
struct Aspect {
  std::string id;
  std::string name;
  std::vector<std::string> values;
  bool always = false; // shown even when every variant has the same value
  bool differs() const {
    return std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end();
  }
};

std::string outsourced_text(const Ctx &c, const app::Variant &v) {
  std::vector<std::string> parts;
  for (const auto &o : v.plan.estate.outsourced) {
    const budget::Line *l = contract_line(v, o.service);
    std::string name = detail::service_name(c, o.service);
    parts.push_back(l && l->cents > 0 ? c.f(msg::compare_contract, name, detail::money(l->cents))
                                      : c.f(msg::compare_contract_unpriced, name));
  }
  return parts.empty() ? c(msg::compare_none) : c.join(parts);
}

std::vector<Aspect> aspects(const Ctx &c, const app::Comparison &cmp) {
  std::vector<Aspect> out;
  auto add = [&](std::string id, std::string name, bool always, auto value) {
    Aspect a{std::move(id), std::move(name), {}, always};
    for (const auto &v : cmp.variants) a.values.push_back(value(v));
    out.push_back(std::move(a));
  };
  add("file", c(msg::compare_set_file), false, [](const app::Variant &v) { return v.file; });
  add("type", c(msg::compare_set_type), false,
      [&](const app::Variant &v) { return c.t(catalog::estate_type_name(v.plan.estate.type)); });
  add("city", c(msg::f_city), false, [](const app::Variant &v) { return v.plan.estate.city; });
  // The estate's figures a new version of its file may change.
  auto quantity = [&](const char *id, auto get) {
    const catalog::QuantityInfo *q = catalog::quantity_info(id);
    add(id, q ? c.t(q->label) : std::string(id), false, [&](const app::Variant &v) { return num(get(v.plan.estate)); });
  };
  quantity("area.total", [](const estate::Estate &e) { return e.areas.total; });
  quantity("households", [](const estate::Estate &e) { return static_cast<double>(e.households); });
  quantity("buildings.all", [](const estate::Estate &e) { return static_cast<double>(e.buildings.size()); });
  quantity("lifts", [](const estate::Estate &e) { return static_cast<double>(e.equipment.lifts); });
  quantity("entrances.staffed", [](const estate::Estate &e) {
    return static_cast<double>(
        std::count_if(e.entrances.begin(), e.entrances.end(), [](const estate::Entrance &x) { return x.staffed; }));
  });
  quantity("parking.spaces", [](const estate::Estate &e) { return static_cast<double>(e.parking_spaces); });
  add("norms", c(msg::in_norms), true, [&](const app::Variant &v) {
    const auto &s = v.plan.staffing;
    return c.t(s.norms_title); // named, never by id: the JSON carries the ids
  });
  add("labor", c(msg::in_labor), false, [&](const app::Variant &v) { return c.t(v.labor_title); });
  add("rates", c(msg::in_rates), true, [&](const app::Variant &v) {
    const auto &b = budget_of(v);
    return c.t(b.rates_title);
  });
  add("grade", c(msg::compare_set_grade), true,
      [&](const app::Variant &v) { return detail::grade_name(c, v.plan.estate.grade); });
  add("outsourced", c(msg::compare_set_outsourced), true, [&](const app::Variant &v) { return outsourced_text(c, v); });
  return out;
}

std::vector<Column> variant_columns(const Ctx &c, const app::Comparison &cmp, std::string first_label, int decimals) {
  std::vector<Column> cols = {col("item", std::move(first_label))};
  for (std::size_t i = 0; i < cmp.variants.size(); ++i)
    cols.push_back(col("v" + std::to_string(i), label(c, cmp, i), Align::right, decimals));
  if (cmp.variants.size() == 2) cols.push_back(col("change", c(msg::c_change), Align::right, decimals));
  return cols;
}

// A row of numbers, one per variant (none: "—"), with the change when there are two.
Row number_row(const app::Comparison &cmp, std::string key, std::string name,
               const std::vector<std::optional<double>> &v, int decimals, RowKind kind = RowKind::body) {
  Row r{kind, std::move(key), {Cell::of(std::move(name))}};
  for (const auto &x : v) r.cells.push_back(x ? Cell::num(*x) : Cell::of("—"));
  // The change with its sign, as a reader expects it ("+24"), in the column's decimals.
  if (cmp.variants.size() == 2)
    r.cells.push_back(v[0] && v[1] ? Cell::of(decimals ? signed_amount(budget::round_cents(*v[1] - *v[0]))
                                                       : signed_count(static_cast<int>(*v[1] - *v[0])))
                                   : Cell::of("—"));
  return r;
}

Table headcount_table(const Ctx &c, const app::Comparison &cmp) {
  Table t;
  t.id = "headcount";
  t.sheet = "compare";
  t.caption = c(msg::compare_cap_headcount);
  t.columns = variant_columns(c, cmp, c(msg::c_department), 0);
  for (const auto &d : cmp.departments) {
    std::vector<std::optional<double>> v;
    for (int h : d.headcount) v.push_back(h);
    t.rows.push_back(number_row(cmp, d.id, c.t(d.name), v, 0));
  }
  std::vector<std::optional<double>> totals;
  for (const auto &v : cmp.variants) totals.push_back(v.plan.staffing.total);
  Row tr = number_row(cmp, "total", c(msg::total), totals, 0, RowKind::total);
  for (std::size_t i = 0; i < cmp.variants.size(); ++i) tr.cells[i + 1].formula = "sum:body";
  t.rows.push_back(std::move(tr));
  return t;
}

Table money_table(const Ctx &c, const app::Comparison &cmp) {
  Table t;
  t.id = "cost";
  t.sheet = "compare";
  t.caption = c(msg::compare_cap_money);
  t.columns = variant_columns(c, cmp, c(msg::c_item), 2);
  auto each = [&](auto get) {
    std::vector<std::optional<double>> v;
    for (const auto &x : cmp.variants) v.push_back(get(x));
    return v;
  };
  t.rows.push_back(number_row(cmp, "annual_cost", c(msg::c_annual_cost),
                              each([](const app::Variant &v) { return budget_of(v).annual_cost(); }), 2));
  for (const auto &s : contracted_services(cmp))
    t.rows.push_back(number_row(cmp, "contract." + s, c.f(msg::compare_row_contract, detail::service_name(c, s)),
                                each([&](const app::Variant &v) -> std::optional<double> {
                                  const budget::Line *l = contract_line(v, s);
                                  return l ? l->annual() : 0.0;
                                }),
                                2));
  t.rows.push_back(number_row(cmp, "fee_per_m2_month", c(msg::compare_row_fee),
                              each([](const app::Variant &v) -> std::optional<double> { return fee(v); }), 2));
  bool households = std::any_of(cmp.variants.begin(), cmp.variants.end(),
                                [](const app::Variant &v) { return fee_household(v).has_value(); });
  if (households)
    t.rows.push_back(number_row(cmp, "fee_per_household_month", c(msg::compare_row_fee_household),
                                each([](const app::Variant &v) { return fee_household(v); }), 2));
  return t;
}

Table settings_table(const Ctx &c, const app::Comparison &cmp, const std::vector<Aspect> &as) {
  Table t;
  t.id = "options";
  t.sheet = "compare";
  t.caption = c(msg::compare_cap_settings);
  t.columns = {col("item", c(msg::c_item))};
  for (std::size_t i = 0; i < cmp.variants.size(); ++i)
    t.columns.push_back(col("v" + std::to_string(i), label(c, cmp, i), Align::left, 0, true));
  for (const auto &a : as) {
    if (!a.always && !a.differs()) continue;
    Row r{RowKind::body, a.id, {Cell::of(a.name)}};
    for (const auto &v : a.values) r.cells.push_back(Cell::of(v));
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string joined_basis(const Ctx &c, const app::Comparison &cmp, std::size_t i, const std::string &role) {
  std::vector<std::string> parts;
  for (const auto &t : cmp.basis(i, role)) parts.push_back(c.t(t));
  if (parts.empty()) return c(msg::compare_not_staffed);
  std::string s;
  for (const auto &p : parts) s += (s.empty() ? "" : c.sep()) + p;
  return s;
}

// What differs between variant `i` and the first, in sentences.
std::vector<std::string> differences(const Ctx &c, const app::Comparison &cmp, const std::vector<Aspect> &as,
                                     std::size_t i) {
  std::vector<std::string> out;
  for (const auto &a : as)
    if (a.values[i] != a.values[0]) out.push_back(c.f(msg::compare_diff_setting, a.name, a.values[0], a.values[i]));
  if (out.empty()) out.push_back(c(msg::compare_same_settings));
  bool staff_same = true;
  for (const auto &d : cmp.departments) {
    int a = d.headcount[0], b = d.headcount[i];
    if (a == b) continue;
    staff_same = false;
    out.push_back(c.f(msg::compare_diff_department, c.t(d.name), a, b, signed_count(b - a)));
    for (const auto &r : cmp.roles) {
      int ra = r.headcount[0], rb = r.headcount[i];
      if (r.department != d.id || ra == rb) continue;
      std::string s = c.f(msg::compare_diff_role, c.t(r.name), ra, rb, signed_count(rb - ra));
      s += c(msg::list_separator) + c.f(msg::compare_diff_basis, label(c, cmp, 0), joined_basis(c, cmp, 0, r.id));
      s += c(msg::list_separator) + c.f(msg::compare_diff_basis, label(c, cmp, i), joined_basis(c, cmp, i, r.id));
      out.push_back(std::move(s));
    }
  }
  // Roles that moved between departments leave the departments' totals as they were.
  if (staff_same && cmp.roles.empty()) out.push_back(c(msg::compare_diff_staff_same));
  const auto &v0 = cmp.variants[0], &vi = cmp.variants[i];
  double a0 = budget_of(v0).annual_cost(), ai = budget_of(vi).annual_cost();
  out.push_back(c.f(msg::compare_diff_totals, v0.plan.staffing.total, vi.plan.staffing.total,
                    signed_count(vi.plan.staffing.total - v0.plan.staffing.total), util::group_thousands(a0, 2),
                    util::group_thousands(ai, 2), signed_amount(budget::round_cents(ai - a0)), fee_text(v0),
                    fee_text(vi), fee(v0) && fee(vi) ? signed_amount(budget::round_cents(*fee(vi) - *fee(v0))) : "—"));
  return out;
}

// The flat table CSV writes: one row per figure, one column per variant.
Table data_table(const Ctx &c, const app::Comparison &cmp, const std::vector<Aspect> &as) {
  Table t;
  t.id = "compare_data";
  t.for_ = Table::For::data;
  // CSV heads its columns with their ids: each variant's is its name.
  t.columns = {col("key", ""), col("item", "")};
  for (std::size_t i = 0; i < cmp.variants.size(); ++i) t.columns.push_back(col(label(c, cmp, i), ""));
  auto row = [&](std::string key, std::string name, auto value) {
    Row r{RowKind::body, key, {Cell::of(key), Cell::of(std::move(name))}};
    for (const auto &v : cmp.variants) r.cells.push_back(Cell::of(value(v)));
    t.rows.push_back(std::move(r));
  };
  row("norms", c(msg::in_norms), [](const app::Variant &v) { return v.plan.staffing.norms; });
  row("labor", c(msg::in_labor), [](const app::Variant &v) { return v.plan.staffing.labor; });
  row("rates", c(msg::in_rates), [](const app::Variant &v) { return budget_of(v).rates; });
  row("grade", c(msg::compare_set_grade), [](const app::Variant &v) { return std::to_string(v.plan.estate.grade); });
  row("file", c(msg::compare_set_file), [](const app::Variant &v) { return v.file; });
  for (const auto &a : as)
    if (a.id == "outsourced") {
      Row r{RowKind::body, a.id, {Cell::of(a.id), Cell::of(a.name)}};
      for (const auto &v : a.values) r.cells.push_back(Cell::of(v));
      t.rows.push_back(std::move(r));
    }
  for (std::size_t k = 0; k < cmp.departments.size(); ++k) {
    const auto &d = cmp.departments[k];
    Row r{RowKind::body, "headcount." + d.id, {Cell::of("headcount." + d.id), Cell::of(c.t(d.name))}};
    for (int h : d.headcount) r.cells.push_back(Cell::of(std::to_string(h)));
    t.rows.push_back(std::move(r));
  }
  row("headcount", c(msg::total), [](const app::Variant &v) { return std::to_string(v.plan.staffing.total); });
  row("annual_cost", c(msg::c_annual_cost),
      [](const app::Variant &v) { return util::format_number(budget_of(v).annual_cost()); });
  for (const auto &s : contracted_services(cmp))
    row("contract." + s, c.f(msg::compare_row_contract, detail::service_name(c, s)), [&](const app::Variant &v) {
      const budget::Line *l = contract_line(v, s);
      return util::format_number(l ? l->annual() : 0.0);
    });
  row("fee_per_m2_month", c(msg::compare_row_fee), [](const app::Variant &v) {
    auto f = fee(v);
    return f ? util::format_number(*f) : std::string();
  });
  row("fee_per_household_month", c(msg::compare_row_fee_household), [](const app::Variant &v) {
    auto h = fee_household(v);
    return h ? util::format_number(*h) : std::string();
  });
  return t;
}

std::vector<std::string> illustrative_sets(const app::Comparison &cmp) {
  std::vector<std::string> sets;
  for (const auto &v : cmp.variants)
    if (budget_of(v).illustrative && std::find(sets.begin(), sets.end(), budget_of(v).rates) == sets.end())
      sets.push_back(budget_of(v).rates);
  return sets;
}

// The rate set's name as people know it, not its id.
std::string rates_name(const app::Comparison &cmp, const std::string &id, i18n::Lang lang) {
  for (const auto &v : cmp.variants)
    if (budget_of(v).rates == id) return data_set_name(budget_of(v).rates_title, id, lang);
  return id;
}

} // namespace compare_doc

doc::Document compare_document(const app::Comparison &cmp, i18n::Lang lang) {
  using namespace compare_doc;
  Ctx c{nullptr, lang == i18n::Lang::zh};
  doc::Document d;
  const auto &first = cmp.variants.front().plan.estate;
  d.estate_id = first.id;
  d.lang = i18n::code(lang);
  d.title = c.f(msg::compare_title, c.t(first.name));
  d.sheets = {{"compare", c(msg::compare_sheet)}};
  auto as = aspects(c, cmp);

  Section s{"compare", "", "", {}, {}};
  s.blocks.push_back(headcount_table(c, cmp));
  s.blocks.push_back(money_table(c, cmp));
  s.blocks.push_back(Paragraph{c(msg::compare_fee_note), Style::note});
  s.blocks.push_back(settings_table(c, cmp, as));
  s.blocks.push_back(data_table(c, cmp, as));
  d.sections.push_back(std::move(s));

  Section diffs{"differences", "", c(msg::compare_sec_differences), {}, {}};
  for (std::size_t i = 1; i < cmp.variants.size(); ++i) {
    diffs.blocks.push_back(Paragraph{c.f(msg::compare_against, label(c, cmp, i), label(c, cmp, 0)), Style::normal});
    diffs.blocks.push_back(List{false, differences(c, cmp, as, i)});
  }
  for (std::size_t i = 0; i < cmp.variants.size(); ++i)
    for (const auto &w : budget_of(cmp.variants[i]).warnings)
      diffs.blocks.push_back(
          Paragraph{c(msg::warning_prefix) + c.f(msg::compare_variant_warning, label(c, cmp, i), c.t(w.message)),
                    Style::warning});
  if (auto sets = illustrative_sets(cmp); !sets.empty()) {
    std::string names;
    for (const auto &n : sets) names += (names.empty() ? "" : c.sep()) + rates_name(cmp, n, lang);
    d.notices.push_back({c.f(msg::notice_illustrative, c.t(budget::illustrative_notice), names), Style::note});
  }
  d.sections.push_back(std::move(diffs));
  return d;
}

nlohmann::ordered_json compare_json(const app::Comparison &cmp, i18n::Lang lang) {
  using namespace compare_doc;
  using nlohmann::ordered_json;
  Ctx c{nullptr, lang == i18n::Lang::zh};
  ordered_json j;
  j["lang"] = i18n::code(lang);
  auto as = aspects(c, cmp);
  ordered_json vs = ordered_json::array();
  for (std::size_t i = 0; i < cmp.variants.size(); ++i) {
    const auto &v = cmp.variants[i];
    const auto &b = budget_of(v);
    const auto &s = v.plan.staffing;
    ordered_json x;
    x["label"] = label(c, cmp, i);
    x["spec"] = v.spec ? ordered_json(v.spec->text) : ordered_json(nullptr);
    x["file"] = v.file;
    x["estate"] = v.plan.estate.id;
    x["estate_name"] = c.t(v.plan.estate.name);
    x["norms"] = s.norms;
    x["norms_title"] = c.t(s.norms_title);
    x["labor"] = s.labor;
    x["rates"] = b.rates;
    x["rates_title"] = c.t(b.rates_title);
    x["rates_choice"] = b.rates_choice;
    x["illustrative"] = b.illustrative;
    x["grade"] = v.plan.estate.grade;
    ordered_json outs = ordered_json::array();
    for (const auto &o : v.plan.estate.outsourced) {
      const budget::Line *l = contract_line(v, o.service);
      outs.push_back(
          {{"service", o.service}, {"name", detail::service_name(c, o.service)}, {"annual", l ? l->annual() : 0.0}});
    }
    x["outsourced"] = std::move(outs);
    x["headcount"] = s.total;
    ordered_json deps = ordered_json::array();
    for (const auto &d : s.departments)
      deps.push_back({{"id", d.id}, {"name", c.t(d.name)}, {"headcount", d.headcount}});
    x["departments"] = std::move(deps);
    x["annual_cost"] = b.annual_cost();
    x["monthly_cost"] = b.monthly_cost();
    x["fee_per_m2_month"] = fee(v) ? ordered_json(*fee(v)) : ordered_json(nullptr);
    auto h = fee_household(v);
    x["fee_per_household_month"] = h ? ordered_json(*h) : ordered_json(nullptr);
    ordered_json ws = ordered_json::array();
    for (const auto &w : b.warnings) ws.push_back({{"code", w.code}, {"message", c.t(w.message)}});
    x["warnings"] = std::move(ws);
    vs.push_back(std::move(x));
  }
  j["variants"] = std::move(vs);
  auto rows = [&](const std::vector<app::Headcounts> &hs, bool roles) {
    ordered_json arr = ordered_json::array();
    for (const auto &h : hs) {
      ordered_json x;
      x["id"] = h.id;
      if (roles) x["department"] = h.department;
      x["name"] = c.t(h.name);
      x["headcount"] = h.headcount;
      if (roles) {
        ordered_json basis = ordered_json::array();
        for (std::size_t i = 0; i < cmp.variants.size(); ++i) {
          ordered_json lines = ordered_json::array();
          for (const auto &t : cmp.basis(i, h.id)) lines.push_back(c.t(t));
          basis.push_back(std::move(lines));
        }
        x["basis"] = std::move(basis);
      }
      arr.push_back(std::move(x));
    }
    return arr;
  };
  j["departments"] = rows(cmp.departments, false);
  j["roles"] = rows(cmp.roles, true);
  ordered_json diffs = ordered_json::array();
  for (std::size_t i = 1; i < cmp.variants.size(); ++i) {
    ordered_json settings = ordered_json::array();
    for (const auto &a : as)
      if (a.values[i] != a.values[0])
        settings.push_back({{"id", a.id}, {"name", a.name}, {"before", a.values[0]}, {"after", a.values[i]}});
    diffs.push_back(
        {{"variant", i}, {"against", 0}, {"settings", std::move(settings)}, {"sentences", differences(c, cmp, as, i)}});
  }
  j["differences"] = std::move(diffs);
  auto sets = illustrative_sets(cmp);
  j["notice"] = sets.empty() ? ordered_json(nullptr) : ordered_json(c.t(budget::illustrative_notice));
  return j;
}

} // namespace pm::report
