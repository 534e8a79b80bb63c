// pm report ESTATE: the staffing proposal (organisation, staffing, duties, shifts, standards,
// maintenance, emergencies, budget and fee) as Markdown, HTML, XLSX or JSON.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/reporters.hpp>

#include <pm/budget/budget.hpp>
#include <pm/doc/render.hpp>
#include <pm/estate/check.hpp>
#include <pm/report/build.hpp>
#include <pm/report/roster.hpp>
#include <pm/staff/engine.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  std::string norms;
  std::string labor;
  std::string rates;
  std::string format;
  std::string date;
  std::string output;
};

// The format named by -o FILE's extension, or "" when it names none.
std::string format_from_path(const std::string &path) {
  if (util::ends_with(path, ".md") || util::ends_with(path, ".markdown")) return "md";
  if (util::ends_with(path, ".html") || util::ends_with(path, ".htm")) return "html";
  if (util::ends_with(path, ".xlsx")) return "xlsx";
  if (util::ends_with(path, ".json")) return "json";
  return "";
}

int write_report(const staff::Inputs &in, const Options &o, const std::string &format, const std::string &output,
                 const Global &g);
int run_report_dir(const Options &o, bool format_given, const Global &g);

int run_report(const Options &o, bool format_given, const Global &g) {
  std::error_code dir_ec;
  if (std::filesystem::is_directory(o.estate, dir_ec)) return run_report_dir(o, format_given, g);
  std::string format = o.format;
  if (!format_given) {
    if (o.output.empty() || o.output == "-")
      format = "md";
    else {
      format = format_from_path(o.output);
      if (format.empty()) {
        error(g, "cannot tell the format from the name " + o.output + ": give --format md, html, xlsx or json",
              "无法从文件名 " + o.output + " 判断格式：请用 --format md、html、xlsx 或 json 指定");
        return Exit::usage;
      }
    }
  }
  if (!o.date.empty() && !util::parse_date(o.date)) {
    error(g, "--date '" + o.date + "' is not a date written YYYY-MM-DD",
          "--date '" + o.date + "' 不是 YYYY-MM-DD 格式的日期");
    return Exit::usage;
  }
  bool to_stdout = o.output.empty() || o.output == "-";
  // Checked before any work: a spreadsheet's bytes would garble a terminal.
  if (format == "xlsx" && to_stdout && isatty(STDOUT_FILENO)) {
    error(g, "XLSX is binary and stdout is a terminal: write it to a file with -o FILE.xlsx (or redirect stdout)",
          "XLSX 为二进制格式，不能输出到终端：请用 -o FILE.xlsx 写入文件（或重定向标准输出）");
    return Exit::usage;
  }

  int code = Exit::ok;
  auto in = load_or_report(o.estate, o.norms, o.labor, g, code);
  if (!in) return code;
  return write_report(*in, o, format, o.output, g);
}

// A directory of estates: one report per estate, written to -o DIRECTORY as <id>.<format>.
int run_report_dir(const Options &o, bool format_given, const Global &g) {
  if (o.output.empty() || o.output == "-") {
    error(g, "for a directory of estates, give -o DIRECTORY: one report per estate is written there",
          "对小区目录，请用 -o 目录：每个小区的报告写入该目录");
    return Exit::usage;
  }
  std::string format = format_given ? o.format : "md";
  std::error_code ec;
  std::filesystem::create_directories(o.output, ec);
  if (!std::filesystem::is_directory(o.output, ec)) {
    error(g, "cannot make the directory " + o.output, "无法创建目录 " + o.output);
    return Exit::usage;
  }
  auto set = load_estates(o.estate, o.norms, o.labor, g);
  int rc = set.rc;
  for (const auto &in : set.inputs) {
    std::string path = (std::filesystem::path(o.output) / (in.estate.id + "." + format)).string();
    for (const auto &f : set.files)
      if (util::same_file(f, path)) {
        error(g, "refusing to write over the input file " + path, "拒绝覆盖输入文件 " + path);
        return Exit::usage;
      }
    int one = write_report(in, o, format, path, g);
    if (one == Exit::ok) std::cerr << (g.zh() ? "已写入 " : "wrote ") << path << "\n";
    rc = std::max(rc, one);
  }
  return rc;
}

int write_report(const staff::Inputs &in_ref, const Options &o, const std::string &format, const std::string &output,
                 const Global &g) {
  const staff::Inputs *in = &in_ref;
  bool to_stdout = output.empty() || output == "-";
  diag::Diagnostics diags;
  bool io_error = false;
  auto rates = budget::load_rates(o.rates, in->roles, diags, &io_error);
  if (!rates) {
    diag::sort(diags);
    render_text(std::cerr, diags, g.zh());
    return io_error ? Exit::usage : Exit::invalid;
  }
  staff::Staffing s = staff::compute(in->estate, in->norms, in->labor, in->roles);
  auto computed = budget::compute(in->estate, s, *rates, in->roles);
  if (!computed.budget) {
    render_text(std::cerr, computed.diagnostics, g.zh());
    return Exit::invalid;
  }
  bool zh = output_zh(g, in->estate);
  report::RosterOutcome roster = report::make_roster_excerpt(in->estate, s, in->labor, o.date, zh);
  report::Input input{in->estate,
                      s,
                      *computed.budget,
                      in->roles,
                      in->labor,
                      in->norms,
                      roster.excerpt ? &*roster.excerpt : nullptr,
                      roster.refusal,
                      zh,
                      o.date};
  report::Document doc = report::build(input);

  std::vector<std::string> inputs = {in->estate.file};
  if (!rates->file.empty() && !util::starts_with(rates->file, "<builtin>")) inputs.push_back(rates->file);
  if (format == "xlsx") {
    if (!to_stdout) {
      auto w = doc::write_xlsx(doc, output, inputs);
      if (!w) {
        error(g, w.error().en, w.error().zh);
        return Exit::usage;
      }
      return Exit::ok;
    }
    auto bytes = doc::xlsx_bytes(doc);
    if (!bytes) {
      error(g, bytes.error().en, bytes.error().zh);
      return Exit::usage;
    }
    return emit("", *bytes, inputs, g);
  }
  std::string text;
  if (format == "json")
    text = report::to_json(doc).dump(2) + "\n";
  else if (format == "html")
    text = doc::to_html(doc);
  else
    text = doc::to_markdown(doc);
  return emit(output, text, inputs, g);
}

} // namespace

Action setup_report(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estate", o->estate, "Estate file (- for stdin), or a directory of them (with -o DIRECTORY)")
      ->required();
  app.add_option("-n,--norms", o->norms, "Norm set: a built-in name (cn-standard, cn-practice) or a TOML file")
      ->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor,
                 "Labour profile: a built-in name (cn) or a TOML file; default: the norm set's");
  app.add_option("-r,--rates", o->rates, "Rates: a built-in name (example) or a TOML file (see pm-rates(5))")
      ->default_str(budget::default_rates);
  auto *fmt = app.add_option("-f,--format", o->format,
                             "Output: md, html, xlsx or json (default: from -o FILE's extension, else md)")
                  ->check(CLI::IsMember({"md", "html", "xlsx", "json"}));
  app.add_option("--date", o->date,
                 "Date printed on the proposal (and the XLSX's creation date), YYYY-MM-DD; default: none");
  app.add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  return [o, fmt, &g] { return run_report(*o, fmt->count() > 0, g); };
}

} // namespace pm::cli
