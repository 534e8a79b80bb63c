// pm portfolio DIR: every estate of a repository against a regulator's targets, with totals.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <cli/directory.hpp>
#include <pm/app/portfolio.hpp>
#include <pm/report/commands.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string dir;
  std::string targets;
  app::Choices choices;
  std::string format = "table";
  std::string output;
};

// pm's own terminal control (the progress line's carriage return and erase-line).
void raw_stderr(const std::string &s) {
  if (::write(STDERR_FILENO, s.data(), s.size()) < 0) return; // a progress line is not worth an error
}

int run_portfolio(const Options &o, const Global &g) {
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  app::DirectoryScan scan = app::scan_directory(*c, o.dir, &o.targets);
  if (!directory_ok(scan, g, rc)) return rc;
  i18n::Lang lang = g.messages();
  // A progress line only for a person watching a long run.
  bool tty = ::isatty(2) != 0;
  auto start = std::chrono::steady_clock::now(), last = start;
  bool shown = false;
  auto progress = [&](std::size_t done, std::size_t total) {
    auto now = std::chrono::steady_clock::now();
    if (!tty || now - start < std::chrono::seconds(1) || now - last < std::chrono::milliseconds(200)) return;
    last = now;
    shown = true;
    // Straight to the terminal: std::cerr drops control characters, "\r" among them.
    raw_stderr("\r" + i18n::tr(lang, i18n::msg::portfolio_reading, done, total));
  };
  // Each estate's diagnostics as it is read, over the progress line.
  auto diagnosed = [&](const diag::Diagnostics &d) {
    if (d.empty()) return;
    if (shown) raw_stderr("\r\033[K");
    report(d, g);
  };
  app::PortfolioRun run = app::run_portfolio(*c, scan, o.targets, diagnosed, progress);
  if (shown) raw_stderr("\r\033[K");
  diag::sort(run.diagnostics);
  report(run.diagnostics, g);
  if (!run.error_text.empty()) error(g, run.error_text);
  if (!run.complete) return exit_of(run.status);
  const portfolio::Targets *t = run.targets ? &*run.targets : nullptr;
  std::string text = o.format == "json" ? report::portfolio_json(run.result, t, lang).dump(2) + "\n"
                                        : draw(report::portfolio_document(run.result, t, lang), o.format);
  int w = emit(o.output, csv_for(g, o.format, std::move(text)), inputs_of(*c, run.files), g);
  if (w != Exit::ok) return w;
  // The findings are in the file: a failed check still says so where a CI log shows it.
  if (run.status == app::Status::invalid && !o.output.empty() && o.output != "-") {
    const portfolio::Result &r = run.result;
    auto missed = std::count_if(r.targets.begin(), r.targets.end(), [](const auto &x) { return !x.met; });
    auto breaches =
        std::count_if(r.tender_findings.begin(), r.tender_findings.end(), [](const auto &f) { return f.breach(); });
    error(g, i18n::msg::portfolio_failed_see, missed, r.targets.size(), breaches, r.invalid_files, o.output);
  }
  return exit_of(run.status);
}

} // namespace

Action setup_portfolio(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  o->choices.rates_needed = true;
  app.add_option("dir", o->dir, i18n::tr(g.help, i18n::msg::help_portfolio_dir))->required();
  app.add_option("-t,--targets", o->targets, i18n::tr(g.help, i18n::msg::help_portfolio_targets));
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_portfolio_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor_default));
  app.add_option("-r,--rates", o->choices.rates, i18n::tr(g.help, i18n::msg::help_portfolio_rates));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_portfolio_format))
                  ->check(CLI::IsMember({"table", "json", "csv", "md", "html"}));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));
  return [o, fmt, &g] {
    o->format = output_format(o->format, fmt->count() > 0, o->output, {"json", "csv", "md", "html"}, "table");
    return run_portfolio(*o, g);
  };
}

} // namespace pm::cli
