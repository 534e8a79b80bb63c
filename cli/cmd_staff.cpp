// pm staff ESTATE: headcount by department and role, with the reasons.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/table.hpp>

#include <pm/staff/engine.hpp>
#include <pm/staff/json.hpp>
#include <pm/staff/quantity.hpp>
#include <pm/util/text.hpp>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  std::string norms;
  std::string labor;
  std::string format = "table";
  std::string output;
  bool explain = false;
  bool strict = false;
};

std::string num(double v, int decimals = 0) { return util::group_thousands(v, decimals); }

std::string sources(const staff::RoleLine &r) {
  std::string out;
  std::set<std::string> seen;
  for (const auto &l : r.lines)
    if (seen.insert(l.source).second) out += (out.empty() ? "" : "; ") + l.source;
  return out;
}

std::string indicators_text(const staff::Staffing &s, bool zh) {
  const auto &ind = s.indicators;
  if (!ind.m2_per_person || !ind.people_per_10k_m2)
    return zh ? "人均管理面积：无（没有管理面积或没有人员）" : "m² per person: none (no managed area or no staff)";
  std::string out =
      zh ? "人均管理面积 " + num(*ind.m2_per_person) + " m²；每万 m² " + num(*ind.people_per_10k_m2, 2) + " 人"
         : num(*ind.m2_per_person) + " m² per person; " + num(*ind.people_per_10k_m2, 2) + " people per 10,000 m²";
  if (ind.band) {
    const auto &b = *ind.band;
    std::string range = num(b.min_m2_per_person) + "–" + num(b.max_m2_per_person);
    auto type = staff::building_type_name(b.building_type);
    if (zh)
      out += "（" + (b.building_type.empty() ? "" : type.zh + "小区") + "常见区间 " + range + " m²/人）";
    else
      out += " (usual band" + (b.building_type.empty() ? "" : " for " + type.en + " estates") + ": " + range +
             " m² per person)";
  }
  return out;
}

std::string render_table(const staff::Staffing &s, bool zh, bool explain) {
  std::string title = zh ? s.estate_name.get(true) + " — 人员配置（规范：" + s.norms + "，工时：" + s.labor + "）"
                         : s.estate_name.get(false) + " — staffing (norms: " + s.norms + ", labour: " + s.labor + ")";
  Table t({zh ? "部门 / 岗位" : "Department / role", zh ? "人数" : "People"}, {false, true});
  for (const auto &d : s.departments) {
    t.row({d.name.get(zh), std::to_string(d.headcount)});
    for (const auto &r : d.roles) {
      t.row({"  " + r.name.get(zh), std::to_string(r.headcount)});
      if (!explain) continue;
      for (const auto &l : r.lines) t.note("      = " + l.explanation.get(zh));
      t.note("      " + std::string(zh ? "来源：" : "source: ") + sources(r));
    }
  }
  t.rule();
  t.row({zh ? "合计" : "Total", std::to_string(s.total)});
  std::string out = title + "\n\n" + t.str() + "\n" + indicators_text(s, zh) + "\n";
  if (!s.warnings.empty()) {
    out += "\n";
    for (const auto &w : s.warnings)
      out += std::string(zh ? "警告：" : "warning: ") + w.message.get(zh) + " [" + w.code + "]\n";
  }
  return out;
}

std::string render_md(const staff::Staffing &s, bool zh, bool explain) {
  std::string out = "# " + s.estate_name.get(zh) + (zh ? " — 人员配置\n\n" : " — staffing\n\n");
  out += zh ? "规范：`" + s.norms + "`；工时：`" + s.labor + "`\n\n"
            : "Norms: `" + s.norms + "`; labour profile: `" + s.labor + "`\n\n";
  std::vector<std::string> header = {zh ? "部门" : "Department", zh ? "岗位" : "Role", zh ? "人数" : "People"};
  if (explain) {
    header.push_back(zh ? "依据" : "Reason");
    header.push_back(zh ? "来源" : "Source");
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto &d : s.departments) {
    std::vector<std::string> dr = {"**" + d.name.get(zh) + "**", "", "**" + std::to_string(d.headcount) + "**"};
    if (explain) dr.insert(dr.end(), {"", ""});
    rows.push_back(dr);
    for (const auto &r : d.roles) {
      std::vector<std::string> row = {"", r.name.get(zh), std::to_string(r.headcount)};
      if (explain) {
        std::string ex;
        for (const auto &l : r.lines) ex += (ex.empty() ? "" : "; ") + l.explanation.get(zh);
        row.push_back(ex);
        row.push_back(sources(r));
      }
      rows.push_back(row);
    }
  }
  std::vector<std::string> tot = {zh ? "**合计**" : "**Total**", "", "**" + std::to_string(s.total) + "**"};
  if (explain) tot.insert(tot.end(), {"", ""});
  rows.push_back(tot);
  out += markdown_table(header, rows, {false, false, true, false, false});
  out += "\n" + indicators_text(s, zh) + "\n";
  if (!s.warnings.empty()) {
    out += zh ? "\n## 警告\n\n" : "\n## Warnings\n\n";
    for (const auto &w : s.warnings) out += "- " + w.message.get(zh) + " (`" + w.code + "`)\n";
  }
  return out;
}

std::string render_csv(const staff::Staffing &s, bool zh) {
  std::string out = csv_row({"department_id", "department", "role_id", "role", "headcount", "explanation", "source"});
  for (const auto &d : s.departments)
    for (const auto &r : d.roles) {
      std::string ex;
      for (const auto &l : r.lines) ex += (ex.empty() ? "" : "; ") + l.explanation.get(zh);
      out += csv_row({d.id, d.name.get(zh), r.id, r.name.get(zh), std::to_string(r.headcount), ex, sources(r)});
    }
  return out;
}

int run_one(const Options &o, const Global &g) {
  int code = Exit::ok;
  auto in = load_or_report(o.estate, o.norms, o.labor, g, code);
  if (!in) return code;
  bool zh = output_zh(g, in->estate);
  staff::Staffing s = staff::compute(in->estate, in->norms, in->labor, in->roles);
  std::string text;
  if (o.format == "json")
    text = staff::to_json(s, zh).dump(2) + "\n";
  else if (o.format == "csv")
    text = render_csv(s, zh);
  else if (o.format == "md")
    text = render_md(s, zh, o.explain);
  else
    text = render_table(s, zh, o.explain);
  // Machine formats keep stdout clean: their warnings also go to stderr.
  if (o.format == "csv")
    for (const auto &w : s.warnings)
      std::cerr << o.estate << ": warning: " << w.message.get(zh) << " [" << w.code << "]\n";
  // -o must not overwrite any file read: the estate, and a norm or labour file.
  int rc = emit(o.output, text, in->files, g);
  if (rc != Exit::ok) return rc;
  return (o.strict && !s.warnings.empty()) ? Exit::invalid : Exit::ok;
}

// A directory: every estate in it, then a summary (JSON: {"estates": [...], "total": N}).
int run_dir(const Options &o, const Global &g) {
  auto set = load_estates(o.estate, o.norms, o.labor, g);
  if (set.inputs.empty() && set.rc != Exit::ok) return set.rc;
  bool zh = g.lang.empty() ? (set.inputs.empty() || set.inputs.front().estate.zh()) : g.lang == "zh";
  std::vector<staff::Staffing> all;
  int total = 0;
  for (const auto &in : set.inputs) {
    all.push_back(staff::compute(in.estate, in.norms, in.labor, in.roles));
    total += all.back().total;
  }
  std::string text;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["estates"] = nlohmann::ordered_json::array();
    for (const auto &s : all) j["estates"].push_back(staff::to_json(s, zh));
    j["total"] = total;
    text = j.dump(2) + "\n";
  } else if (o.format == "csv") {
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string one = render_csv(all[i], zh);
      // One table: the estate's id first, the header once.
      std::size_t pos = 0;
      bool header = true;
      while (pos < one.size()) {
        std::size_t end = one.find("\r\n", pos);
        std::string line = one.substr(pos, end - pos);
        if (!header || i == 0)
          text += (header ? std::string("estate") : csv_field(all[i].estate_id)) + "," + line + "\r\n";
        header = false;
        pos = end + 2;
      }
    }
  } else {
    bool md = o.format == "md";
    for (const auto &s : all) text += (md ? render_md(s, zh, o.explain) : render_table(s, zh, o.explain)) + "\n";
    std::vector<std::string> header = {zh ? "小区" : "Estate", zh ? "名称" : "Name", zh ? "人数" : "People",
                                       zh ? "人均面积 m²" : "m² per person"};
    std::vector<std::vector<std::string>> rows;
    for (const auto &s : all)
      rows.push_back({s.estate_id, s.estate_name.get(zh), std::to_string(s.total),
                      s.indicators.m2_per_person ? num(*s.indicators.m2_per_person) : "—"});
    rows.push_back({zh ? "合计" : "Total", "", std::to_string(total), ""});
    if (md) {
      text +=
          std::string(zh ? "## 汇总\n\n" : "## Summary\n\n") + markdown_table(header, rows, {false, false, true, true});
    } else {
      Table t(header, {false, false, true, true});
      for (auto &r : rows) t.row(r);
      text += (zh ? "汇总\n\n" : "Summary\n\n") + t.str();
    }
  }
  int rc = emit(o.output, text, set.files, g);
  if (rc != Exit::ok) return rc;
  if (set.rc != Exit::ok) return set.rc;
  bool warned = false;
  for (const auto &s : all) warned = warned || !s.warnings.empty();
  return (o.strict && warned) ? Exit::invalid : Exit::ok;
}

int run_staff(const Options &o, const Global &g) {
  std::error_code ec;
  return std::filesystem::is_directory(o.estate, ec) ? run_dir(o, g) : run_one(o, g);
}

} // namespace

Action setup_staff(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estate", o->estate, "Estate file (- for stdin), or a directory of them")->required();
  app.add_option("-n,--norms", o->norms, "Norm set: a built-in name (cn-standard, cn-practice) or a TOML file")
      ->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor,
                 "Labour profile: a built-in name (cn) or a TOML file; default: the norm set's");
  app.add_option("-f,--format", o->format, "Output: table, json, csv or md")
      ->check(CLI::IsMember({"table", "json", "csv", "md"}));
  app.add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  app.add_flag("-e,--explain", o->explain, "Show each line's rule, inputs, arithmetic and source");
  app.add_flag("--strict", o->strict, "Exit 1 when there are warnings (unlawful cover, indicators out of band)");
  return [o, &g] { return run_staff(*o, g); };
}

} // namespace pm::cli
