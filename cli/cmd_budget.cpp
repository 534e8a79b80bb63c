// pm budget ESTATE: annual and monthly cost by cost item and department, and the fee per m².

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <cli/directory.hpp>
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

// CSV has no place for the notice or warnings: they go to stderr (JSON carries them as fields):
// the notice of the rates (`notice`), or the plan's warnings.
void notes_on_stderr(const app::Plan &p, const Global &g, i18n::Lang lang, bool notice) {
  const budget::Budget &b = *p.budget;
  if (notice) {
    if (b.illustrative)
      std::cerr << i18n::tr(lang, i18n::msg::cli_note,
                            i18n::tr(lang, i18n::msg::notice_rates_file, budget::illustrative_notice.get(lang),
                                     report::data_set_name(b.rates_title, b.rates, lang)))
                << "\n";
    return;
  }
  diag::Diagnostics d;
  for (const auto &w : b.warnings)
    d.push_back({p.estate.file, 0, 0, diag::Severity::warning, w.code, w.message.en, w.message.zh, ""});
  report(d, g);
}

std::string text_of(const app::Plan &p, const std::string &format, bool explain, i18n::Lang lang) {
  if (format == "json") return budget::to_json(*p.budget, lang == i18n::Lang::zh).dump(2) + "\n";
  return draw(report::budget_document(p, lang, explain), format);
}

// A directory: each estate's budget, then a summary (JSON: {"estates": [...], "annual_cost":
// N}). Each estate is planned, written (or spooled, below a title that totals them all) and
// dropped before the next is read.
int run_budget_dir(const Options &o, const std::string &format, const Global &g, const app::Context &c) {
  int rc = Exit::ok;
  app::DirectoryScan scan = app::scan_directory(c, o.estate);
  if (!directory_ok(scan, g, rc)) return rc;
  i18n::Lang lang = g.messages();
  auto sink = open_sink(o.output, inputs_of(c, scan.paths()), g);
  if (!sink) return Exit::usage;
  report::BudgetDir parts(lang, o.explain);
  Spool spool; // text and Markdown: the parts under the title
  std::string code = i18n::code(lang);
  diag::Diagnostics warnings; // CSV: said on stderr after the notice, as for one estate
  app::Status status = app::plan_each(c, scan, {true, std::nullopt}, [&](app::DirectoryItem &item) {
    report(item.diagnostics, g);
    if (!item.plan || !item.plan->budget) return;
    const app::Plan &p = *item.plan;
    bool first = parts.count() == 0;
    doc::Section s = parts.section(p);
    if (format == "json") {
      sink->write(first ? "{\n  \"estates\": [\n" : ",\n");
      sink->write(indented(budget::to_json(*p.budget, lang == i18n::Lang::zh).dump(2), "    "));
    } else if (format == "csv") {
      if (first) notes_on_stderr(p, g, lang, true);
      notes_on_stderr(p, g, lang, false);
    } else {
      spool.write(draw_section(s, code, format));
    }
  });
  if (parts.count() == 0) return exit_of(status); // no estate costed: nothing written
  if (format == "json") {
    sink->write("\n  ],\n  \"annual_cost\": " +
                nlohmann::ordered_json(static_cast<double>(parts.cents()) / 100.0).dump() + "\n}\n");
  } else if (format == "csv") {
    doc::Document d;
    d.lang = code;
    d.sections.push_back(parts.summary());
    sink->write(csv_for(g, "csv", draw(d, "csv")));
  } else {
    sink->write(draw(parts.head(), format));
    if (!spool_ok(spool, g)) return Exit::usage;
    sink->copy_from(spool.file());
    sink->write(draw_section(parts.summary(), code, format));
  }
  int w = commit_sink(*sink, g);
  return w != Exit::ok ? w : exit_of(status);
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
  if (dir) return run_budget_dir(o, format, g, *c);
  auto loaded = app::load_estate(*c, o.estate);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) return exit_of(loaded.status);
  app::Plan p = app::make_plan(*c, std::move(*loaded.input), {true, std::nullopt});
  report(p.diagnostics, g);
  if (!p.budget) return exit_of(p.status);
  i18n::Lang lang = output_lang(g, p.estate);
  if (format == "xlsx") {
    // The workbook recalculates: every line and fee is a formula over its inputs sheet.
    return emit_xlsx(o.output, report::budget_document(p, lang, true), inputs_of(*c, {o.estate}), g);
  }
  std::string text = csv_for(g, format, text_of(p, format, o.explain, lang));
  if (format == "csv") {
    notes_on_stderr(p, g, lang, true);
    notes_on_stderr(p, g, lang, false);
  }
  return emit(o.output, text, inputs_of(*c, {o.estate}), g);
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
