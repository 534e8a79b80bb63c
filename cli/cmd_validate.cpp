// pm validate PATH...: checks estate files against the schema and the semantic rules.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/validate.hpp>
#include <pm/diag/render.hpp>

#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  bool verbose = false;
  unsigned jobs = 0;
};

int run_validate(const Options &o, const Global &g) {
  if (!stdin_at_most_once(o.paths, g)) return Exit::usage;
  app::Choices choices;
  choices.staffing_needed = false;
  int rc = Exit::ok;
  auto c = load_context(choices, g, rc);
  if (!c) return rc;
  app::Validation v = app::validate(*c, o.paths, o.jobs);
  for (const auto &f : v.files)
    if (!f.locale.empty()) g.locales.push_back(f.locale);
  i18n::Lang lang = g.messages();
  if (o.verbose)
    for (const auto &f : v.files)
      if (f.valid) std::cerr << i18n::tr(lang, i18n::msg::validate_ok, f.name) << "\n";
  if (o.format == "json")
    std::cout << diag::to_json(v.diagnostics, lang);
  else if (o.format == "github")
    std::cout << diag::to_github(v.diagnostics, lang);
  else
    std::cerr << diag::to_text(v.diagnostics, lang);
  if (o.verbose) {
    std::cerr << i18n::tr(lang, i18n::msg::validate_count, v.files.size(), v.invalid);
    // A path that couldn't be read was not checked: say so, or the summary looks clean.
    if (v.unreadable) std::cerr << i18n::tr(lang, i18n::msg::validate_unreadable, v.unreadable);
    std::cerr << "\n";
  }
  std::cout.flush();
  if (!std::cout) return Exit::usage;
  return exit_of(v.status());
}

} // namespace

Action setup_validate(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("paths", o->paths, i18n::tr(g.help, i18n::msg::help_validate_paths))->required();
  app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_validate_format))
      ->check(CLI::IsMember({"text", "json", "github"}));
  app.add_flag("-v,--verbose", o->verbose, i18n::tr(g.help, i18n::msg::help_validate_verbose));
  app.add_option("-j,--jobs", o->jobs, i18n::tr(g.help, i18n::msg::help_validate_jobs))->check(CLI::Range(0u, 1024u));
  return [o, &g] { return run_validate(*o, g); };
}

} // namespace pm::cli
