// pm staff ESTATE: headcount by department and role, with the reasons.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <cli/directory.hpp>
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

// Whether the staffing's warnings go to stderr too: CSV has no place for them, and with
// --strict and -o FILE they are why the exit status is 1.
bool warnings_to_stderr(const Options &o) {
  return o.format == "csv" || (o.strict && !o.output.empty() && o.output != "-");
}

// One estate's staffing warnings on stderr, when warnings_to_stderr says they go there too.
void csv_warnings(const app::Plan &p, const Options &o, const Global &g) {
  if (!warnings_to_stderr(o)) return;
  diag::Diagnostics d;
  for (const auto &w : p.staffing.warnings)
    d.push_back({p.estate.file, 0, 0, diag::Severity::warning, w.code, w.message.en, w.message.zh, ""});
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
  csv_warnings(p, o, g);
  int rc = emit(o.output, text, inputs_of(c, {o.estate}), g);
  if (rc != Exit::ok) return rc;
  return (o.strict && any_warnings(plans)) ? Exit::invalid : Exit::ok;
}

// A directory: every estate in it, then a summary (JSON: {"estates": [...], "total": N}). Each
// estate is planned, written (or spooled, below a title that counts them all) and dropped
// before the next is read.
int run_dir(const Options &o, const Global &g, const app::Context &c) {
  int rc = Exit::ok;
  app::DirectoryScan scan = app::scan_directory(c, o.estate);
  if (!directory_ok(scan, g, rc)) return rc;
  i18n::Lang lang = g.messages();
  auto sink = open_sink(o.output, inputs_of(c, scan.paths()), g);
  if (!sink) return Exit::usage;
  report::StaffingDir parts(c, lang, o.explain);
  Spool spool; // text and Markdown: the parts under the title
  bool first = true, warnings = false;
  std::string code = i18n::code(lang);
  app::Status status = app::plan_each(c, scan, {}, [&](app::DirectoryItem &item) {
    report(item.diagnostics, g);
    if (!item.plan) return;
    const app::Plan &p = *item.plan;
    warnings = warnings || !p.staffing.warnings.empty();
    doc::Section s = parts.section(p);
    if (o.format == "json") {
      sink->write(first ? "{\n  \"estates\": [\n" : ",\n");
      sink->write(indented(staff::to_json(p.staffing, lang == i18n::Lang::zh).dump(2), "    "));
    } else if (o.format == "csv") {
      doc::Document d;
      d.lang = code;
      d.sections.push_back({"", "", "", {parts.data(p)}, {}});
      std::string text = draw(d, "csv");
      // One header, the first estate's.
      if (!first) text.erase(0, text.find("\r\n") + 2);
      sink->write(first ? csv_for(g, "csv", std::move(text)) : text);
    } else {
      spool.write(draw_section(s, code, o.format));
    }
    csv_warnings(p, o, g);
    first = false;
  });
  if (first) return exit_of(status); // no estate loaded: nothing written
  if (o.format == "json") {
    sink->write("\n  ],\n  \"total\": " + nlohmann::ordered_json(parts.total()).dump() + "\n}\n");
  } else if (o.format != "csv") {
    doc::Document head = parts.head();
    sink->write(draw(head, o.format));
    if (!spool_ok(spool, g)) return Exit::usage;
    sink->copy_from(spool.file());
    sink->write(draw_section(parts.summary(), code, o.format));
  }
  int w = commit_sink(*sink, g);
  if (w != Exit::ok) return w;
  if (status != app::Status::ok) return exit_of(status);
  return (o.strict && warnings) ? Exit::invalid : Exit::ok;
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
