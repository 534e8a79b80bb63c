// pm staff ESTATE: headcount by department and role, with the reasons.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <nlohmann/json.hpp>
#include <pm/app/directory.hpp>
#include <pm/report/commands.hpp>
#include <pm/staff/json.hpp>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  app::Choices choices;
  std::string format = "table";
  std::string output;
  bool explain = false;
  bool strict = false;
};

bool any_warnings(const std::vector<app::Plan> &plans) {
  for (const auto &p : plans)
    if (!p.staffing.warnings.empty()) return true;
  return false;
}

// Machine formats keep stdout clean: their warnings also go to stderr.
void warn_on_stderr(const std::vector<app::Plan> &plans, const Options &o, const Global &g, i18n::Lang lang) {
  if (o.format != "csv") return;
  diag::Diagnostics d;
  for (const auto &p : plans)
    for (const auto &w : p.staffing.warnings)
      d.push_back({p.estate.file, 0, 0, diag::Severity::warning, w.code, w.message.en, w.message.zh, ""});
  (void)lang;
  report(d, g);
}

int run_one(const Options &o, const Global &g, const app::Context &c) {
  auto loaded = app::load_estate(c, o.estate);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) return exit_of(loaded.status);
  std::vector<app::Plan> plans;
  plans.push_back(app::make_plan(c, std::move(*loaded.input), {}));
  const app::Plan &p = plans.front();
  i18n::Lang lang = output_lang(g, p.estate);
  std::string text = o.format == "json" ? staff::to_json(p.staffing, lang == i18n::Lang::zh).dump(2) + "\n"
                                        : draw(report::staffing_document(c, p, lang, o.explain), o.format);
  text = csv_for(g, o.format, std::move(text));
  warn_on_stderr(plans, o, g, lang);
  int rc = emit(o.output, text, inputs_of(c, {o.estate}), g);
  if (rc != Exit::ok) return rc;
  return (o.strict && any_warnings(plans)) ? Exit::invalid : Exit::ok;
}

// A directory: every estate in it, then a summary (JSON: {"estates": [...], "total": N}).
int run_dir(const Options &o, const Global &g, const app::Context &c) {
  auto dir = app::plan_directory(c, o.estate, {});
  diag::sort(dir.diagnostics);
  note_estates(g, dir.plans);
  report(dir.diagnostics, g);
  if (!dir.error_text.empty()) error(g, dir.error_text);
  if (dir.plans.empty()) return exit_of(dir.status);
  i18n::Lang lang = output_lang(g, dir.plans);
  std::string text = o.format == "json" ? report::staffing_json(dir.plans, lang).dump(2) + "\n"
                                        : draw(report::staffing_document(c, dir.plans, lang, o.explain), o.format);
  text = csv_for(g, o.format, std::move(text));
  warn_on_stderr(dir.plans, o, g, lang);
  int rc = emit(o.output, text, inputs_of(c, dir.files), g);
  if (rc != Exit::ok) return rc;
  if (dir.status != app::Status::ok) return exit_of(dir.status);
  return (o.strict && any_warnings(dir.plans)) ? Exit::invalid : Exit::ok;
}

int run_staff(const Options &o, const Global &g) {
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  return is_directory(o.estate) ? run_dir(o, g, *c) : run_one(o, g, *c);
}

} // namespace

Action setup_staff(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estate", o->estate, i18n::tr(g.help, i18n::msg::help_estate_or_dir))->required();
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_staff_format))
                  ->check(CLI::IsMember({"table", "json", "csv", "md"}));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));
  app.add_flag("-e,--explain", o->explain, i18n::tr(g.help, i18n::msg::help_staff_explain));
  app.add_flag("--strict", o->strict, i18n::tr(g.help, i18n::msg::help_staff_strict));
  return [o, fmt, &g] {
    o->format = output_format(o->format, fmt->count() > 0, o->output, {"json", "csv", "md"}, "table");
    return run_staff(*o, g);
  };
}

} // namespace pm::cli
