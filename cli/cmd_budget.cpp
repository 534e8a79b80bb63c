// pm budget ESTATE: annual and monthly cost by cost item and department, and the fee per m².

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/directory.hpp>
#include <pm/budget/json.hpp>
#include <pm/doc/render.hpp>
#include <pm/report/commands.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  app::Choices choices;
  std::string format = "table";
  std::string output;
  bool explain = false;
};

// CSV has no place for the notice or warnings: they go to stderr (JSON carries them as fields).
void notes_on_stderr(const std::vector<app::Plan> &plans, const Global &g, i18n::Lang lang) {
  if (plans.empty()) return;
  const budget::Budget &first = *plans.front().budget;
  if (first.illustrative)
    std::cerr << i18n::tr(lang, i18n::msg::cli_note,
                          i18n::tr(lang, i18n::msg::notice_rates_file, budget::illustrative_notice.get(lang),
                                   report::data_set_name(first.rates_title, first.rates, lang)))
              << "\n";
  diag::Diagnostics d;
  for (const auto &p : plans)
    for (const auto &w : p.budget->warnings)
      d.push_back({p.estate.file, 0, 0, diag::Severity::warning, w.code, w.message.en, w.message.zh, ""});
  report(d, g);
}

std::string text_of(const std::vector<app::Plan> &plans, bool dir, const std::string &format, bool explain,
                    i18n::Lang lang) {
  if (format == "json")
    return (dir ? report::budget_json(plans, lang) : budget::to_json(*plans.front().budget, lang == i18n::Lang::zh))
               .dump(2) +
           "\n";
  doc::Document d =
      dir ? report::budget_document(plans, lang, explain) : report::budget_document(plans.front(), lang, explain);
  return draw(d, format);
}

int run_budget(const Options &o, bool format_given, const Global &g) {
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  std::string format = o.format;
  if (!format_given && !o.output.empty()) {
    format = format_of_path(o.output, {"json", "csv", "md", "xlsx"});
    if (format.empty()) format = "table";
  }
  bool dir = is_directory(o.estate);
  bool to_stdout = o.output.empty() || o.output == "-";
  // Checked before any work: a spreadsheet's bytes would garble a terminal, and a workbook is
  // one estate's.
  if (format == "xlsx" && dir) {
    error(g, i18n::msg::cli_budget_xlsx_one_estate);
    return Exit::usage;
  }
  if (format == "xlsx" && to_stdout && ::isatty(STDOUT_FILENO)) {
    error(g, i18n::msg::cli_xlsx_terminal);
    return Exit::usage;
  }
  std::vector<app::Plan> plans;
  std::vector<std::string> files = {o.estate};
  app::Status status = app::Status::ok;
  if (dir) {
    auto d = app::plan_directory(*c, o.estate, {true, std::nullopt});
    diag::sort(d.diagnostics);
    note_estates(g, d.plans);
    report(d.diagnostics, g);
    if (!d.error_text.empty()) error(g, d.error_text);
    status = d.status;
    files = d.files;
    for (auto &p : d.plans)
      if (p.budget) plans.push_back(std::move(p));
    if (plans.empty()) return exit_of(status);
  } else {
    auto loaded = app::load_estate(*c, o.estate);
    diag::sort(loaded.diagnostics);
    note_estate(g, loaded.input);
    report(loaded.diagnostics, g);
    if (!loaded.input) return exit_of(loaded.status);
    app::Plan p = app::make_plan(*c, std::move(*loaded.input), {true, std::nullopt});
    report(p.diagnostics, g);
    if (!p.budget) return exit_of(p.status);
    plans.push_back(std::move(p));
  }
  i18n::Lang lang = dir ? output_lang(g, plans) : output_lang(g, plans.front().estate);
  if (format == "xlsx") {
    // The workbook recalculates: every line and fee is a formula over its inputs sheet.
    int w = emit_xlsx(o.output, report::budget_document(plans.front(), lang, true), inputs_of(*c, files), g);
    return w != Exit::ok ? w : exit_of(status);
  }
  std::string text = csv_for(g, format, text_of(plans, dir, format, o.explain, lang));
  if (format == "csv") notes_on_stderr(plans, g, lang);
  int w = emit(o.output, text, inputs_of(*c, files), g);
  return w != Exit::ok ? w : exit_of(status);
}

} // namespace

Action setup_budget(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  o->choices.rates_needed = true;
  app.add_option("estate", o->estate, i18n::tr(g.help, i18n::msg::help_estate_or_dir))->required();
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor));
  app.add_option("-r,--rates", o->choices.rates, i18n::tr(g.help, i18n::msg::help_rates));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_budget_format))
                  ->check(CLI::IsMember({"table", "json", "csv", "md", "xlsx"}));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));
  app.add_flag("-e,--explain", o->explain, i18n::tr(g.help, i18n::msg::help_budget_explain));
  return [o, fmt, &g] { return run_budget(*o, fmt->count() > 0, g); };
}

} // namespace pm::cli
