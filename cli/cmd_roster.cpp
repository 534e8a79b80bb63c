// pm roster ESTATE: lawful shift rosters for the covered posts; pm roster check: re-check an
// edited roster CSV.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/directory.hpp>
#include <pm/app/roster_check.hpp>
#include <pm/doc/render.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/report/commands.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/summary.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  app::Choices choices;
  std::string start;
  int weeks = 4;
  std::string pattern;
  bool minimum = false;
  std::uint64_t seed = 1;
  bool fair = false;
  std::string format = "grid";
  std::string output;
  // pm roster check
  std::string csv;
  std::string check_estate;
};

// --start, or the Monday of the current week from the local clock: the one input that is not
// in the files, so tests and reproducible runs pass --start.
std::optional<int> start_day(const std::string &s, const Global &g) {
  if (s.empty()) return util::week_start(util::today());
  auto d = roster::parse_roster_date(s);
  if (!d && util::parse_date(s))
    error(g, i18n::msg::cli_start_out_of_range, s, std::to_string(roster::first_roster_year),
          std::to_string(roster::last_roster_year));
  else if (!d)
    error(g, i18n::both_of(i18n::msg::cli_bad_start, i18n::Text::same(s), i18n::why_not_a_date(s)));
  return d;
}

app::PlanRequest request(const Options &o, int first) {
  app::PlanRequest r;
  r.roster = app::RosterRequest{first, o.weeks, o.seed, o.pattern, o.minimum, o.fair};
  return r;
}

// A directory: whether each estate's posts can be rostered lawfully, and why not.
int run_roster_dir(const Options &o, const Global &g, const app::Context &c) {
  if (o.minimum) {
    error(g, i18n::msg::cli_roster_min_dir);
    return Exit::usage;
  }
  if (o.format != "grid" && o.format != "md" && o.format != "json") {
    error(g, i18n::msg::cli_roster_dir_format);
    return Exit::usage;
  }
  auto first = start_day(o.start, g);
  if (!first) return Exit::usage;
  auto dir = app::plan_directory(c, o.estate, request(o, *first));
  diag::sort(dir.diagnostics);
  note_estates(g, dir.plans);
  report(dir.diagnostics, g);
  for (const auto &t : dir.errors) error(g, t);
  if (dir.plans.empty()) return exit_of(dir.status);
  i18n::Lang lang = output_lang(g, dir.plans);
  std::string text = o.format == "json"
                         ? report::roster_summary_json(dir.plans, o.weeks, lang).dump(2) + "\n"
                         : draw(report::roster_summary_document(dir.plans, lang), o.format == "md" ? "md" : "table");
  app::Status status = dir.status;
  for (const auto &p : dir.plans)
    if (!p.roster->ok() && !p.roster->nothing_to_roster()) status = app::worst(status, app::Status::invalid);
  int w = emit(o.output, text, inputs_of(c, dir.files), g);
  return w != Exit::ok ? w : exit_of(status);
}

int run_roster(const Options &o, const Global &g, const app::Context &c) {
  if (is_directory(o.estate)) return run_roster_dir(o, g, c);
  auto first = start_day(o.start, g);
  if (!first) return Exit::usage;
  auto loaded = app::load_estate(c, o.estate);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) return exit_of(loaded.status);
  app::Plan p = app::make_plan(c, std::move(*loaded.input), request(o, *first));
  const app::Rostered &r = *p.roster;
  if (r.nothing_to_roster()) {
    error(g, i18n::msg::cli_nothing_to_roster, o.estate);
    return Exit::invalid;
  }
  if (r.result.over_limit) { // refused before any work (roster/limits), the limit named
    report(p.diagnostics, g);
    return r.result.usage_error ? Exit::usage : Exit::invalid;
  }
  if (o.minimum) {
    if (o.format == "ics") {
      error(g, i18n::msg::cli_roster_min_format);
      return Exit::usage;
    }
    i18n::Lang lang = output_lang(g, p.estate);
    std::string text =
        o.format == "json" ? roster::minimum_json(r.problem, r.minimum, lang == i18n::Lang::zh).dump(2) + "\n"
        : o.format == "csv"
            ? csv_for(g, "csv", draw(report::roster_minimum_document(p, r.minimum, lang), "csv"))
            : draw(report::roster_minimum_document(p, r.minimum, lang), o.format == "grid" ? "table" : o.format);
    return emit(o.output, text, inputs_of(c, {o.estate}), g);
  }
  if (!r.ok()) {
    if (r.result.usage_error) {
      for (const auto &t : r.result.refusal) error(g, t);
      return Exit::usage;
    }
    std::cerr << i18n::tr(g.messages(), i18n::msg::cli_no_lawful_roster) << "\n";
    diag::Diagnostics d;
    if (!r.result.violations.empty())
      for (const auto &v : r.result.violations)
        d.push_back({p.estate.file, 0, 0, v.severity, v.rule, v.message.en, v.message.zh, ""});
    else
      for (const auto &t : r.result.refusal)
        d.push_back({p.estate.file, 0, 0, diag::Severity::error, "unrosterable", t.en, t.zh, ""});
    report(d, g);
    return Exit::invalid;
  }
  i18n::Lang lang = output_lang(g, p.estate);
  std::string text;
  if (o.format == "json")
    text = roster::to_json(r.problem, r.result.assignments, *r.summary, lang == i18n::Lang::zh, o.seed).dump(2) + "\n";
  else if (o.format == "ics")
    text = report::roster_ics(p, lang, o.seed);
  else if (o.format == "csv")
    text = csv_for(g, "csv", report::roster_csv(p, lang));
  else {
    bool to_terminal = (o.output.empty() || o.output == "-") && isatty(STDOUT_FILENO);
    const char *no_colour = std::getenv("NO_COLOR");
    text = draw(report::roster_document(c, p, lang, o.seed), o.format == "grid" ? "table" : o.format,
                to_terminal && !(no_colour && *no_colour));
  }
  return emit(o.output, text, inputs_of(c, {o.estate}), g);
}

int run_check(const Options &o, const Global &g, const app::Context &c) {
  if (!stdin_at_most_once({o.csv, o.check_estate}, g)) return Exit::usage;
  auto loaded = app::load_estate(c, o.check_estate);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) return exit_of(loaded.status);
  // Two years of a large estate's roster is a few MB.
  auto text = util::read_file(o.csv, 16u << 20);
  if (!text) {
    error(g, i18n::describe(text.error()));
    return Exit::usage;
  }
  app::RosterCheck rc{*text, o.csv == "-" ? "<stdin>" : o.csv, std::nullopt, std::nullopt};
  if (!o.start.empty()) {
    rc.first_day = start_day(o.start, g);
    if (!rc.first_day) return Exit::usage;
  }
  if (o.weeks > 0) rc.weeks = o.weeks;
  diag::Diagnostics d = app::check_roster(c, *loaded.input, rc);
  report(d, g);
  return diag::has_errors(d) ? Exit::invalid : Exit::ok;
}

int run(const Options &o, const Global &g, bool check) {
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  return check ? run_check(o, g, *c) : run_roster(o, g, *c);
}

} // namespace

Action setup_roster(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  o->choices.roster_needed = true;
  app.add_option("estate", o->estate, i18n::tr(g.help, i18n::msg::help_roster_estate));
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor));
  app.add_option("--start", o->start, i18n::tr(g.help, i18n::msg::help_roster_start));
  app.add_option("--weeks", o->weeks, i18n::tr(g.help, i18n::msg::help_roster_weeks))
      ->check(whole_number(g, 1, 106, "INT in [1 - 106]"))
      ->default_val(4);
  app.add_option("--pattern", o->pattern, i18n::tr(g.help, i18n::msg::help_roster_pattern));
  app.add_flag("--min", o->minimum, i18n::tr(g.help, i18n::msg::help_roster_min));
  app.add_option("--seed", o->seed, i18n::tr(g.help, i18n::msg::help_roster_seed))
      ->check(whole_number(g, 0, UINT64_MAX))
      ->default_val(1);
  app.add_flag("--fair", o->fair, i18n::tr(g.help, i18n::msg::help_roster_fair));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_roster_format))
                  ->check(CLI::IsMember({"grid", "csv", "json", "ics", "html", "md"}));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));

  CLI::App *check = app.add_subcommand("check", i18n::tr(g.help, i18n::msg::help_roster_check));
  check->add_option("roster", o->csv, i18n::tr(g.help, i18n::msg::help_roster_check_roster))->required();
  check->add_option("estate", o->check_estate, i18n::tr(g.help, i18n::msg::help_roster_check_estate))->required();
  check->add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_roster_check_norms))
      ->default_str(app::default_norms);
  check->add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_roster_check_labor));
  check->add_option("--start", o->start, i18n::tr(g.help, i18n::msg::help_roster_check_start));
  check->add_option("--weeks", o->weeks, i18n::tr(g.help, i18n::msg::help_roster_check_weeks))
      ->check(whole_number(g, 1, 106, "INT in [1 - 106]"));

  return [o, check, fmt, &app, &g] {
    // -o r.csv without -f writes CSV, as budget and report do.
    o->format = output_format(o->format, fmt->count() > 0, o->output, {"csv", "json", "ics", "html", "md"}, "grid");
    if (check->parsed()) {
      if (!check->get_option("--weeks")->count()) o->weeks = 0;
      return run(*o, g, true);
    }
    if (o->estate.empty()) {
      error(g, i18n::msg::cli_roster_needs_estate);
      (void)app;
      return static_cast<int>(Exit::usage);
    }
    return run(*o, g, false);
  };
}

} // namespace pm::cli
