// pm report ESTATE: the staffing proposal (organisation, staffing, duties, shifts, standards,
// maintenance, emergencies, budget and fee) as Markdown, HTML, XLSX, DOCX, PDF or JSON.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <nlohmann/json.hpp>

#include <cli/directory.hpp>
#include <pm/app/directory.hpp>
#include <pm/doc/render.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/report/build.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  app::Choices choices;
  std::string format;
  std::string date;
  std::string output;
  bool provenance = false;
};

// Writes one proposal to `output` ("" or "-": stdout).
int write_report(const app::Context &c, const app::Plan &p, const Options &o, const std::string &format,
                 const std::string &output, const std::vector<std::string> &inputs, const Global &g) {
  report::Document d =
      report::build(c, p, {output_lang(g, p.estate), o.date, "", std::string("pm ") + PM_VERSION, o.provenance});
  if (format == "xlsx" || format == "docx" || format == "pdf") return emit_binary(output, d, format, o.date, inputs, g);
  std::string text = format == "json" ? report::to_json(d).dump(2) + "\n" : draw(d, format);
  return emit(output, text, inputs, g);
}

// A directory of estates: one report per estate, written to -o DIRECTORY as <id>.<format>.
int run_report_dir(const Options &o, const std::string &format, const Global &g, const app::Context &c,
                   const app::PlanRequest &req) {
  if (o.output.empty() || o.output == "-") {
    error(g, i18n::msg::cli_report_dir_needs_o);
    return Exit::usage;
  }
  std::error_code ec;
  std::filesystem::create_directories(o.output, ec);
  if (!is_directory(o.output)) {
    error(g, i18n::msg::cli_cannot_make_dir, o.output);
    return Exit::usage;
  }
  app::DirectoryScan scan = app::scan_directory(c, o.estate);
  int rc = Exit::ok;
  if (!directory_ok(scan, g, rc)) return rc;
  bool stop = false;
  auto inputs = inputs_of(c, scan.paths());
  // Each estate's report is written before the next estate is read.
  app::Status status = app::plan_each(c, scan, req, [&](app::DirectoryItem &item) {
    report(item.diagnostics, g);
    if (stop || !item.plan || !item.plan->budget) return;
    const app::Plan &p = *item.plan;
    std::string path = (std::filesystem::path(o.output) / (p.estate.id + "." + format)).string();
    for (const auto &f : inputs)
      if (util::same_file(f, path)) {
        error(g, i18n::msg::cli_refuse_overwrite, path);
        rc = Exit::usage;
        stop = true;
        return;
      }
    int one = write_report(c, p, o, format, path, inputs, g);
    if (one == Exit::ok) std::cerr << i18n::tr(g.messages(), i18n::msg::cli_wrote, path) << "\n";
    rc = std::max(rc, one);
  });
  return std::max(rc, exit_of(status));
}

int run_report(const Options &o, bool format_given, const Global &g) {
  bool dir = is_directory(o.estate);
  std::string format = o.format;
  if (!format_given) {
    if (dir || o.output.empty() || o.output == "-")
      format = "md";
    else if ((format = format_of_path(o.output, {"md", "html", "xlsx", "docx", "pdf", "json"})).empty()) {
      error(g, i18n::msg::cli_report_format_unknown, o.output);
      return Exit::usage;
    }
  }
  auto req = report::plan_request(o.date);
  if (!req || (!o.date.empty() && !util::parse_date(o.date))) {
    error(g, i18n::both_of(i18n::msg::cli_bad_date, i18n::Text::same(o.date), i18n::why_not_a_date(o.date)));
    return Exit::usage;
  }
  bool to_stdout = o.output.empty() || o.output == "-";
  // Checked before any work: a binary file's bytes would garble a terminal; PDF needs Chromium.
  if (!binary_output_ok(format, to_stdout && !dir, g)) return Exit::usage;
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  if (dir) return run_report_dir(o, format, g, *c, *req);

  auto loaded = app::load_estate(*c, o.estate);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) return exit_of(loaded.status);
  app::Plan p = app::make_plan(*c, std::move(*loaded.input), *req);
  report(p.diagnostics, g);
  // A plan beyond a limit (a roster too large to make) is not written half made.
  if (!p.budget || p.status != app::Status::ok) return exit_of(p.status);
  return write_report(*c, p, o, format, o.output, inputs_of(*c, {o.estate}), g);
}

} // namespace

Action setup_report(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  o->choices.rates_needed = o->choices.roster_needed = o->choices.standards_needed = true;
  app.add_option("estate", o->estate, i18n::tr(g.help, i18n::msg::help_report_estate))->required();
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor));
  app.add_option("-r,--rates", o->choices.rates, i18n::tr(g.help, i18n::msg::help_rates));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_report_format))
                  ->check(CLI::IsMember({"md", "html", "xlsx", "docx", "pdf", "json"}));
  app.add_option("--date", o->date, i18n::tr(g.help, i18n::msg::help_report_date));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));
  app.add_flag("--provenance", o->provenance, i18n::tr(g.help, i18n::msg::help_report_provenance));
  return [o, fmt, &g] { return run_report(*o, fmt->count() > 0, g); };
}

} // namespace pm::cli
