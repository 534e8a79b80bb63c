// pm portfolio DIR: every estate of a repository against a regulator's targets, with totals.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/reporters.hpp>
#include <cli/table.hpp>

#include <pm/doc/render.hpp>

#include <pm/budget/budget.hpp>
#include <pm/estate/check.hpp>
#include <pm/portfolio/portfolio.hpp>
#include <pm/staff/engine.hpp>
#include <pm/staff/inputs.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string dir;
  std::string targets;
  std::string norms;
  std::string labor;
  std::string format = "table";
  std::string output;
};

std::string pct(std::optional<double> r) {
  if (!r) return "—";
  return util::format_number(std::round(*r * 1000.0) / 10.0, 1) + "%";
}

std::string yes_no(std::optional<bool> b, bool zh) {
  if (!b) return "—";
  return *b ? (zh ? "是" : "yes") : (zh ? "否" : "no");
}

nlohmann::ordered_json to_json(const portfolio::Result &r, const portfolio::Targets *t, bool zh) {
  nlohmann::ordered_json j;
  j["targets_file"] = t ? nlohmann::ordered_json(t->file) : nlohmann::ordered_json(nullptr);
  j["lang"] = zh ? "zh" : "en";
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto &e : r.rows) {
    nlohmann::ordered_json x;
    x["id"] = e.id;
    x["name"] = e.name.get(zh);
    x["file"] = e.file;
    x["area"] = e.area;
    x["staff"] = e.staff;
    x["annual_cost"] = e.annual_cost ? nlohmann::ordered_json(*e.annual_cost) : nlohmann::ordered_json(nullptr);
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
                         {"rectification_closed", g.rectification_closed}};
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
    x["name"] = portfolio::target_name(tr.target.id).get(zh);
    x["goal"] = tr.target.goal;
    x["rate"] =
        tr.rate ? nlohmann::ordered_json(std::round(*tr.rate * 10000.0) / 10000.0) : nlohmann::ordered_json(nullptr);
    x["numerator"] = tr.numerator;
    x["denominator"] = tr.denominator;
    x["met"] = tr.met;
    x["missing"] = tr.missing;
    ts.push_back(std::move(x));
  }
  j["targets"] = std::move(ts);
  j["totals"] = {
      {"estates", r.rows.size()},
      {"invalid", r.invalid_files},
      {"area", r.total_area},
      {"staff", r.total_staff},
      {"annual_cost", r.total_cost ? nlohmann::ordered_json(*r.total_cost) : nlohmann::ordered_json(nullptr)}};
  j["all_met"] = r.all_met();
  return j;
}

std::vector<std::string> estate_header(bool zh) {
  return {zh ? "编号" : "Id",          zh ? "名称" : "Name",
          zh ? "面积 m²" : "Area m²",  zh ? "人数" : "Staff",
          zh ? "招标" : "Tendered",    zh ? "合同" : "Contract",
          zh ? "资质" : "Licensed",    zh ? "经理持证" : "Certified",
          zh ? "业委会" : "Committee", zh ? "整改 已/总" : "Rectified"};
}

std::vector<std::string> estate_cells(const portfolio::EstateRow &e, bool zh) {
  const auto &g = e.governance;
  std::string rect = g.present ? std::to_string(g.rectification_closed) + "/" +
                                     std::to_string(g.rectification_open + g.rectification_closed)
                               : "—";
  return {e.id,
          e.name.get(zh),
          util::group_thousands(e.area),
          std::to_string(e.staff),
          g.new_estate == true ? yes_no(g.tendered, zh) : "—",
          yes_no(g.contract_signed, zh),
          yes_no(g.company_licensed, zh),
          yes_no(g.manager_certified, zh),
          yes_no(g.owners_committee, zh),
          rect};
}

std::vector<std::string> target_header(bool zh) {
  return {zh ? "目标" : "Target", zh ? "要求" : "Goal",   zh ? "实际" : "Actual",
          zh ? "计数" : "Count",  zh ? "结果" : "Result", zh ? "未达标的小区" : "Estates short of it"};
}

std::vector<std::string> target_cells(const portfolio::TargetResult &t, bool zh) {
  std::string missing;
  for (std::size_t i = 0; i < t.missing.size(); ++i) {
    if (i == 10) {
      missing += zh ? " 等 " + std::to_string(t.missing.size()) + " 个"
                    : " and " + std::to_string(t.missing.size() - 10) + " more";
      break;
    }
    missing += (i ? ", " : "") + t.missing[i];
  }
  return {portfolio::target_name(t.target.id).get(zh),
          "≥ " + pct(t.target.goal),
          pct(t.rate),
          std::to_string(t.numerator) + "/" + std::to_string(t.denominator),
          t.met ? (zh ? "达标" : "met") : (zh ? "未达标" : "MISSED"),
          missing};
}

std::string totals_line(const portfolio::Result &r, bool zh) {
  std::string s = zh ? "合计：" + std::to_string(r.rows.size()) + " 个小区，" + util::group_thousands(r.total_area) +
                           " m²，" + std::to_string(r.total_staff) + " 人"
                     : "Totals: " + std::to_string(r.rows.size()) + " estates, " + util::group_thousands(r.total_area) +
                           " m², " + std::to_string(r.total_staff) + " staff";
  if (r.total_cost)
    s += zh ? "，年成本 " + util::group_thousands(*r.total_cost) + " 元"
            : ", annual cost " + util::group_thousands(*r.total_cost) + " yuan";
  if (r.invalid_files)
    s += zh ? "（" + std::to_string(r.invalid_files) + " 个文件无效，未计入）"
            : " (" + std::to_string(r.invalid_files) + " invalid files left out)";
  return s + "\n";
}

std::string render(const portfolio::Result &r, const portfolio::Targets *t, const std::string &format, bool zh) {
  if (format == "json") return to_json(r, t, zh).dump(2) + "\n";
  if (format == "csv") {
    std::string out =
        csv_row({"id", "name", "file", "area", "staff", "new_estate", "tendered", "contract_signed", "company_licensed",
                 "manager_certified", "owners_committee", "rectification_open", "rectification_closed"});
    auto b = [](std::optional<bool> v) { return v ? (*v ? "true" : "false") : ""; };
    for (const auto &e : r.rows) {
      const auto &g = e.governance;
      out +=
          csv_row({e.id, e.name.get(zh), e.file, util::format_number(e.area), std::to_string(e.staff), b(g.new_estate),
                   b(g.tendered), b(g.contract_signed), b(g.company_licensed), b(g.manager_certified),
                   b(g.owners_committee), g.present ? std::to_string(g.rectification_open) : "",
                   g.present ? std::to_string(g.rectification_closed) : ""});
    }
    return out;
  }
  std::vector<std::vector<std::string>> erows, trows;
  for (const auto &e : r.rows) erows.push_back(estate_cells(e, zh));
  for (const auto &x : r.targets) trows.push_back(target_cells(x, zh));
  std::string title = t && !t->name.get(zh).empty() ? t->name.get(zh) : (zh ? "小区组合" : "Portfolio");
  if (format == "md") {
    std::string out = "# " + title + "\n\n";
    if (t) {
      out += zh ? "## 目标\n\n" : "## Targets\n\n";
      out += markdown_table(target_header(zh), trows) + "\n";
      if (!t->phases.empty()) {
        out += zh ? "## 阶段\n\n" : "## Phases\n\n";
        for (const auto &p : t->phases) out += "- " + p.name.get(zh) + ": " + p.from + " – " + p.to + "\n";
        out += "\n";
      }
    }
    out += zh ? "## 小区\n\n" : "## Estates\n\n";
    out += markdown_table(estate_header(zh), erows, {false, false, true, true}) + "\n" + totals_line(r, zh);
    return out;
  }
  if (format == "html") {
    auto table = [&](const std::vector<std::string> &h, const std::vector<std::vector<std::string>> &rows) {
      std::string o = "<table><thead><tr>";
      for (const auto &c : h) o += "<th>" + doc::html_escape(c) + "</th>";
      o += "</tr></thead><tbody>\n";
      for (const auto &row : rows) {
        o += "<tr>";
        for (const auto &c : row)
          o += "<td" + std::string(c == "MISSED" || c == "未达标" ? " class=\"miss\"" : "") + ">" +
               doc::html_escape(c) + "</td>";
        o += "</tr>\n";
      }
      return o + "</tbody></table>\n";
    };
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"" + std::string(zh ? "zh-CN" : "en") +
        "\"><head><meta charset=\"utf-8\"><title>" + doc::html_escape(title) +
        "</title><style>body{font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft "
        "YaHei\",sans-serif;margin:2em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.2em .5em}"
        "th{background:#eee}.miss{color:#b00;font-weight:bold}@media print{body{margin:0}}</style></head><body>\n<h1>" +
        doc::html_escape(title) + "</h1>\n";
    if (t) out += "<h2>" + std::string(zh ? "目标" : "Targets") + "</h2>\n" + table(target_header(zh), trows);
    out += "<h2>" + std::string(zh ? "小区" : "Estates") + "</h2>\n" + table(estate_header(zh), erows);
    out += "<p>" + doc::html_escape(totals_line(r, zh)) + "</p>\n</body></html>\n";
    return out;
  }
  std::string out = title + "\n\n";
  if (t) {
    Table tt(target_header(zh));
    for (auto &row : trows) tt.row(row);
    out += tt.str() + "\n";
  }
  Table et(estate_header(zh), {false, false, true, true});
  for (auto &row : erows) et.row(row);
  out += et.str() + "\n" + totals_line(r, zh);
  return out;
}

int run_portfolio(const Options &o, const Global &g) {
  bool zh = g.zh();
  auto files = util::find_yaml_files(o.dir);
  if (!files) {
    error(g, files.error().en, files.error().zh);
    return Exit::usage;
  }
  diag::Diagnostics diags;
  bool io_error = false;
  diag::Diagnostics nd;
  auto norms = staff::load_norms(o.norms.empty() ? staff::default_norms : o.norms, catalog::builtin(), nd);
  std::optional<staff::Labor> labor;
  if (norms) labor = staff::load_labor(o.labor.empty() ? staff::labor_of(*norms) : o.labor, nd);
  if (!norms || !labor) {
    render_text(std::cerr, nd, zh);
    return Exit::usage;
  }

  diag::Diagnostics rates_diags;
  auto rates = budget::load_rates(budget::default_rates, catalog::builtin(), rates_diags, nullptr);
  // One pass: each file is read and checked once; a targets file among them is found by its kind.
  std::string found_targets;
  std::vector<std::string> inputs;
  portfolio::Result r;
  bool tty = ::isatty(2) != 0;
  auto start = std::chrono::steady_clock::now();
  auto last = start;
  for (std::size_t i = 0; i < files->size(); ++i) {
    const std::string &f = (*files)[i];
    inputs.push_back(f);
    if (!o.targets.empty() && util::same_file(f, o.targets)) continue;
    auto text = util::read_file(f, yaml::Limits{}.max_bytes);
    if (!text) {
      diags.push_back({f, 0, 0, diag::Severity::error, "io", text.error().en, text.error().zh, ""});
      io_error = true;
      continue;
    }
    yaml::Document doc = estate::load_and_check(*text, f, catalog::builtin());
    if (doc.ok && estate::is_targets(doc.value) && o.targets.empty()) {
      if (found_targets.empty()) found_targets = f;
      continue;
    }
    diags.insert(diags.end(), doc.diagnostics.begin(), doc.diagnostics.end());
    if (!doc.ok || diag::has_errors(doc.diagnostics) || estate::is_targets(doc.value)) {
      ++r.invalid_files;
    } else {
      estate::Estate e = estate::from_document(doc);
      auto roles = estate::roles_for(e.raw, catalog::builtin());
      auto s = staff::compute(e, *norms, *labor, roles);
      // The cost at the built-in (illustrative) rates; an estate that can't be costed has none.
      std::optional<double> cost;
      if (rates) {
        auto b = budget::compute(e, s, *rates, roles);
        if (b.budget) cost = b.budget->annual_cost();
      }
      if (cost) r.total_cost = r.total_cost.value_or(0) + *cost;
      r.rows.push_back({f, e.id, e.name, e.areas.total, s.total, cost, e.governance});
      r.total_staff += s.total;
      r.total_area += e.areas.total;
    }
    auto now = std::chrono::steady_clock::now();
    // A progress line only for a person watching a long run.
    if (tty && now - start > std::chrono::seconds(1) && now - last > std::chrono::milliseconds(200)) {
      last = now;
      std::cerr << "\r" << (zh ? "读取 " : "reading ") << (i + 1) << "/" << files->size() << std::flush;
    }
  }
  if (tty && std::chrono::steady_clock::now() - start > std::chrono::seconds(1)) std::cerr << "\r\033[K" << std::flush;

  std::optional<portfolio::Targets> targets;
  std::string targets_path = o.targets.empty() ? found_targets : o.targets;
  if (!targets_path.empty()) {
    targets = portfolio::load_targets(targets_path, diags, io_error);
    if (!targets) {
      diag::sort(diags);
      render_text(std::cerr, diags, zh);
      return io_error ? Exit::usage : Exit::invalid;
    }
  }
  if (r.rows.empty() && r.invalid_files == 0) {
    render_text(std::cerr, diags, zh);
    error(g, "no estate files under " + o.dir, o.dir + " 下没有小区文件");
    return Exit::usage;
  }
  if (targets) r.targets = portfolio::evaluate(r.rows, *targets);
  diag::sort(diags);
  render_text(std::cerr, diags, zh);

  if (!o.targets.empty()) inputs.push_back(o.targets);
  for (const std::string *f : {&norms->file, &labor->file})
    if (!f->empty() && !util::starts_with(*f, "<builtin>")) inputs.push_back(*f);
  int rc = emit(o.output, render(r, targets ? &*targets : nullptr, o.format, zh), inputs, g);
  if (rc != Exit::ok) return rc;
  if (io_error) return Exit::usage;
  return (r.invalid_files || !r.all_met()) ? Exit::invalid : Exit::ok;
}

} // namespace

Action setup_portfolio(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("dir", o->dir, "Directory of estate files (searched recursively)")->required();
  app.add_option("-t,--targets", o->targets, "Targets file (kind: targets); default: the one found in DIR, if any");
  app.add_option("-n,--norms", o->norms, "Norm set for the staffing totals")->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor, "Labour profile; default: the norm set's");
  app.add_option("-f,--format", o->format, "Output: table, json, csv, md or html")
      ->check(CLI::IsMember({"table", "json", "csv", "md", "html"}));
  app.add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  return [o, &g] { return run_portfolio(*o, g); };
}

} // namespace pm::cli
