// pm budget ESTATE: annual and monthly cost by cost item and department, and the fee per m².

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/reporters.hpp>
#include <cli/table.hpp>

#include <pm/budget/budget.hpp>
#include <pm/budget/json.hpp>
#include <pm/staff/engine.hpp>
#include <pm/util/text.hpp>

#include <filesystem>
#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  std::string norms;
  std::string labor;
  std::string rates;
  std::string format = "table";
  std::string output;
  bool explain = false;
};

std::string money(std::int64_t cents) { return util::group_thousands(static_cast<double>(cents) / 100.0, 2); }
std::string monthly(std::int64_t cents) {
  return util::group_thousands(budget::round_cents(static_cast<double>(cents) / 1200.0), 2);
}
std::string fee(double v) { return util::group_thousands(budget::round_cents(v), 2); }
std::string share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "";
  return util::group_thousands(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

std::string title(const budget::Budget &b, bool zh) {
  return zh ? b.estate_name.get(true) + " — 费用测算（费率：" + b.rates + "，规范：" + b.norms + "，" +
                  std::to_string(b.headcount) + " 人）"
            : b.estate_name.get(false) + " — cost budget (rates: " + b.rates + ", norms: " + b.norms + ", " +
                  std::to_string(b.headcount) + " people)";
}

std::string notice(const budget::Budget &b, bool zh) {
  if (!b.illustrative) return "";
  return budget::illustrative_notice.get(zh) + (zh ? "（费率文件：" : " (rates file: ") + b.rates + (zh ? "）" : ")");
}

std::string fee_heading(const budget::Budget &b, bool zh) {
  std::string a = util::group_thousands(b.fee.chargeable_area, 0);
  return zh ? "物业费（元/m²·月），收费面积 " + a + " m²" : "Property fee (元 per m² a month), " + a + " m² chargeable";
}

std::vector<const budget::Contract *> contracts(const budget::Budget &b) {
  return {&b.fee.lump_sum, &b.fee.lump_sum_vat, &b.fee.cost_plus};
}

std::string render_table(const budget::Budget &b, bool zh, bool explain) {
  std::string out = title(b, zh) + "\n";
  if (b.illustrative) out += (zh ? "注意：" : "NOTE: ") + notice(b, zh) + "\n";
  out += "\n";

  Table items({zh ? "成本项目 / 明细" : "Cost item / line", zh ? "年度（元）" : "Annual (元)",
               zh ? "月度（元）" : "Monthly (元)", zh ? "占比" : "Share"},
              {false, true, true, true});
  for (const auto &it : b.items) {
    items.row({it.name.get(zh), money(it.cents), monthly(it.cents), share(it.cents, b.cents)});
    std::string last_source;
    for (const auto &l : b.lines) {
      if (l.item != it.id) continue;
      items.row({"  " + l.name.get(zh), money(l.cents), monthly(l.cents), ""});
      if (!explain) continue;
      items.note("      = " + l.basis.get(zh));
      // Lines of an item often share their source: say it once.
      if (l.source != last_source) items.note(std::string("      ") + (zh ? "来源：" : "source: ") + l.source);
      last_source = l.source;
    }
  }
  items.rule();
  items.row({zh ? "合计" : "Total", money(b.cents), monthly(b.cents), b.cents ? "100.0%" : ""});
  out += items.str() + "\n";

  Table deps({zh ? "部门" : "Department", zh ? "人数" : "People", zh ? "年度（元）" : "Annual (元)",
              zh ? "月度（元）" : "Monthly (元)"},
             {false, true, true, true});
  for (const auto &d : b.departments)
    deps.row({d.name.get(zh), d.id.empty() ? "" : std::to_string(d.headcount), money(d.cents), monthly(d.cents)});
  deps.rule();
  deps.row({zh ? "合计" : "Total", std::to_string(b.headcount), money(b.cents), monthly(b.cents)});
  out += deps.str() + "\n";

  out += fee_heading(b, zh) + "\n";
  Table fees({zh ? "合同方式" : "Contract", zh ? "元/m²·月" : "元/m²/month", zh ? "测算" : "Arithmetic"},
             {false, true, false});
  for (const auto *c : contracts(b)) fees.row({c->name.get(zh), fee(c->per_m2_month), c->basis.get(zh)});
  out += fees.str();
  if (explain) out += std::string(zh ? "来源：" : "source: ") + b.fee.lump_sum.source + "\n";

  out += zh ? "\n说明：\n" : "\nNotes:\n";
  for (const auto &n : b.notes) out += "- " + n.get(zh) + "\n";
  if (!b.warnings.empty()) {
    out += "\n";
    for (const auto &w : b.warnings)
      out += std::string(zh ? "警告：" : "warning: ") + w.message.get(zh) + " [" + w.code + "]\n";
  }
  return out;
}

std::string render_md(const budget::Budget &b, bool zh, bool explain) {
  std::string out = "# " + title(b, zh) + "\n\n";
  if (b.illustrative) out += "> **" + std::string(zh ? "注意：" : "Note: ") + notice(b, zh) + "**\n\n";
  out += zh ? "## 按成本项目\n\n" : "## By cost item\n\n";
  std::vector<std::string> header = {zh ? "成本项目" : "Cost item", zh ? "明细" : "Line",
                                     zh ? "年度（元）" : "Annual (元)", zh ? "月度（元）" : "Monthly (元)",
                                     zh ? "占比" : "Share"};
  std::vector<bool> right = {false, false, true, true, true};
  if (explain) {
    header.insert(header.end(), {zh ? "测算" : "Arithmetic", zh ? "来源" : "Source"});
    right.insert(right.end(), {false, false});
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto &it : b.items) {
    std::vector<std::string> r = {"**" + it.name.get(zh) + "**", "", "**" + money(it.cents) + "**",
                                  "**" + monthly(it.cents) + "**", share(it.cents, b.cents)};
    if (explain) r.insert(r.end(), {"", ""});
    rows.push_back(r);
    for (const auto &l : b.lines) {
      if (l.item != it.id) continue;
      std::vector<std::string> lr = {"", l.name.get(zh), money(l.cents), monthly(l.cents), ""};
      if (explain) lr.insert(lr.end(), {l.basis.get(zh), l.source});
      rows.push_back(lr);
    }
  }
  std::vector<std::string> tot = {zh ? "**合计**" : "**Total**", "", "**" + money(b.cents) + "**",
                                  "**" + monthly(b.cents) + "**", b.cents ? "100.0%" : ""};
  if (explain) tot.insert(tot.end(), {"", ""});
  rows.push_back(tot);
  out += markdown_table(header, rows, right);

  out += zh ? "\n## 按部门\n\n" : "\n## By department\n\n";
  rows.clear();
  for (const auto &d : b.departments)
    rows.push_back({d.name.get(zh), d.id.empty() ? "" : std::to_string(d.headcount), money(d.cents), monthly(d.cents)});
  rows.push_back({zh ? "**合计**" : "**Total**", "**" + std::to_string(b.headcount) + "**",
                  "**" + money(b.cents) + "**", "**" + monthly(b.cents) + "**"});
  out += markdown_table({zh ? "部门" : "Department", zh ? "人数" : "People", zh ? "年度（元）" : "Annual (元)",
                         zh ? "月度（元）" : "Monthly (元)"},
                        rows, {false, true, true, true});

  out += "\n## " + fee_heading(b, zh) + "\n\n";
  rows.clear();
  for (const auto *c : contracts(b))
    rows.push_back({c->name.get(zh), "**" + fee(c->per_m2_month) + "**", c->basis.get(zh)});
  out += markdown_table({zh ? "合同方式" : "Contract", zh ? "元/m²·月" : "元/m²/month", zh ? "测算" : "Arithmetic"},
                        rows, {false, true, false});
  out += "\n" + std::string(zh ? "来源：" : "Source: ") + b.fee.lump_sum.source + "\n";

  out += zh ? "\n## 说明\n\n" : "\n## Notes\n\n";
  for (const auto &n : b.notes) out += "- " + n.get(zh) + "\n";
  if (!b.warnings.empty()) {
    out += zh ? "\n## 警告\n\n" : "\n## Warnings\n\n";
    for (const auto &w : b.warnings) out += "- " + w.message.get(zh) + " (`" + w.code + "`)\n";
  }
  return out;
}

std::string plain(std::int64_t cents) {
  std::string s = util::group_thousands(static_cast<double>(cents) / 100.0, 2);
  std::string out;
  for (char c : s)
    if (c != ',') out += c;
  return out;
}

std::string render_csv(const budget::Budget &b, bool zh) {
  std::string out = csv_row(
      {"id", "item", "item_name", "department", "department_name", "name", "annual", "monthly", "basis", "source"});
  for (const auto &l : b.lines) {
    std::string dname;
    for (const auto &d : b.departments)
      if (!l.department.empty() && d.id == l.department) dname = d.name.get(zh);
    const auto *info = budget::item_info(l.item);
    out +=
        csv_row({l.id, l.item, info ? info->name.get(zh) : l.item, l.department, dname, l.name.get(zh), plain(l.cents),
                 plain(budget::to_cents(static_cast<double>(l.cents) / 1200.0)), l.basis.get(zh), l.source});
  }
  return out;
}

std::string format_from_path(const std::string &path) {
  for (const char *f : {"json", "csv", "md"})
    if (util::ends_with(path, std::string(".") + f)) return f;
  if (util::ends_with(path, ".markdown")) return "md";
  return "table";
}

// A directory: every estate's budget, then a summary (JSON: {"estates": [...], "annual_cost": N}).
int run_budget_dir(const Options &o, bool format_given, const Global &g) {
  auto set = load_estates(o.estate, o.norms, o.labor, g);
  if (set.inputs.empty() && set.rc != Exit::ok) return set.rc;
  diag::Diagnostics diags;
  bool io_error = false;
  auto rates = budget::load_rates(o.rates, catalog::builtin(), diags, &io_error);
  if (!rates) {
    diag::sort(diags);
    render_text(std::cerr, diags, g.zh());
    return io_error ? Exit::usage : Exit::invalid;
  }
  bool zh = g.lang.empty() ? set.inputs.front().estate.zh() : g.lang == "zh";
  std::string format = format_given || o.output.empty() ? o.format : format_from_path(o.output);
  int rc = set.rc;
  std::vector<budget::Budget> all;
  for (const auto &in : set.inputs) {
    staff::Staffing s = staff::compute(in.estate, in.norms, in.labor, in.roles);
    auto computed = budget::compute(in.estate, s, *rates, in.roles);
    if (!computed.budget) {
      render_text(std::cerr, computed.diagnostics, g.zh());
      rc = std::max(rc, static_cast<int>(Exit::invalid));
      continue;
    }
    all.push_back(std::move(*computed.budget));
  }
  long long cents = 0;
  for (const auto &b : all) cents += b.cents;
  std::string text;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["estates"] = nlohmann::ordered_json::array();
    for (const auto &b : all) j["estates"].push_back(budget::to_json(b, zh));
    j["annual_cost"] = static_cast<double>(cents) / 100.0;
    text = j.dump(2) + "\n";
  } else if (format == "csv") {
    text = csv_row({"estate", "annual_cost", "monthly_cost", "fee_lump_sum", "fee_lump_sum_vat", "fee_cost_plus"});
    for (const auto &b : all)
      text += csv_row({b.estate_id, util::format_number(b.annual_cost(), 2), util::format_number(b.monthly_cost(), 2),
                       util::format_number(b.fee.lump_sum.per_m2_month, 2),
                       util::format_number(b.fee.lump_sum_vat.per_m2_month, 2),
                       util::format_number(b.fee.cost_plus.per_m2_month, 2)});
  } else {
    bool md = format == "md";
    for (const auto &b : all) text += (md ? render_md(b, zh, o.explain) : render_table(b, zh, o.explain)) + "\n";
    std::vector<std::string> header = {zh ? "小区" : "Estate", zh ? "年度成本（元）" : "Annual cost (yuan)",
                                       zh ? "包干制 元/m²·月" : "Lump sum yuan/m²/month"};
    std::vector<std::vector<std::string>> rows;
    for (const auto &b : all)
      rows.push_back({b.estate_id, util::group_thousands(b.annual_cost(), 2),
                      util::group_thousands(b.fee.lump_sum.per_m2_month, 2)});
    rows.push_back({zh ? "合计" : "Total", util::group_thousands(static_cast<double>(cents) / 100.0, 2), ""});
    if (md)
      text += std::string(zh ? "## 汇总\n\n" : "## Summary\n\n") + markdown_table(header, rows, {false, true, true});
    else {
      Table t(header, {false, true, true});
      for (auto &r : rows) t.row(r);
      text += (zh ? "汇总\n\n" : "Summary\n\n") + t.str();
    }
  }
  std::vector<std::string> inputs = set.files;
  if (!rates->file.empty() && !util::starts_with(rates->file, "<builtin>")) inputs.push_back(rates->file);
  int w = emit(o.output, text, inputs, g);
  return w != Exit::ok ? w : rc;
}

int run_budget(const Options &o, bool format_given, const Global &g) {
  std::error_code ec;
  if (std::filesystem::is_directory(o.estate, ec)) return run_budget_dir(o, format_given, g);
  int code = Exit::ok;
  auto in = load_or_report(o.estate, o.norms, o.labor, g, code);
  if (!in) return code;
  diag::Diagnostics diags;
  bool io_error = false;
  auto rates = budget::load_rates(o.rates, catalog::builtin(), diags, &io_error);
  if (!rates) {
    diag::sort(diags);
    render_text(std::cerr, diags, g.zh());
    return io_error ? Exit::usage : Exit::invalid;
  }
  bool zh = output_zh(g, in->estate);
  staff::Staffing s = staff::compute(in->estate, in->norms, in->labor, in->roles);
  auto computed = budget::compute(in->estate, s, *rates, in->roles);
  if (!computed.budget) {
    render_text(std::cerr, computed.diagnostics, g.zh());
    return Exit::invalid;
  }
  const budget::Budget &b = *computed.budget;
  std::string format = format_given || o.output.empty() ? o.format : format_from_path(o.output);
  std::string text;
  if (format == "json")
    text = budget::to_json(b, zh).dump(2) + "\n";
  else if (format == "csv")
    text = render_csv(b, zh);
  else if (format == "md")
    text = render_md(b, zh, o.explain);
  else
    text = render_table(b, zh, o.explain);
  // CSV has no place for the notice or warnings: they go to stderr (JSON carries them as fields).
  if (format == "csv") {
    if (b.illustrative) std::cerr << "pm: " << (zh ? "注意" : "note") << ": " << notice(b, zh) << "\n";
    for (const auto &w : b.warnings)
      std::cerr << o.estate << ": warning: " << w.message.get(zh) << " [" << w.code << "]\n";
  }
  std::vector<std::string> inputs = in->files;
  if (!rates->file.empty() && !util::starts_with(rates->file, "<builtin>")) inputs.push_back(rates->file);
  return emit(o.output, text, inputs, g);
}

} // namespace

Action setup_budget(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estate", o->estate, "Estate file (- for stdin), or a directory of them")->required();
  app.add_option("-n,--norms", o->norms, "Norm set: a built-in name (cn-standard, cn-practice) or a TOML file")
      ->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor,
                 "Labour profile: a built-in name (cn) or a TOML file; default: the norm set's");
  app.add_option("-r,--rates", o->rates, "Rates: a built-in name (example) or a TOML file (see pm-rates(5))")
      ->default_str(budget::default_rates);
  auto *fmt = app.add_option("-f,--format", o->format,
                             "Output: table, json, csv or md (default: from -o FILE's extension, else table)")
                  ->check(CLI::IsMember({"table", "json", "csv", "md"}));
  app.add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  app.add_flag("-e,--explain", o->explain, "Show each line's arithmetic and source");
  return [o, fmt, &g] { return run_budget(*o, fmt->count() > 0, g); };
}

} // namespace pm::cli
