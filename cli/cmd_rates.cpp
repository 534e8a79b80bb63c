// pm rates list | show NAME | check FILE... | init [--from NAME] FILE: the rate sets, as data.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/rates.hpp>
#include <pm/report/commands.hpp>

#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string name;
  std::vector<std::string> files;
  std::string from = "example";
  std::string file;
};

int show(const Options &o, const Global &g) {
  diag::Diagnostics d;
  auto text = app::rates_text(o.name, d);
  report(d, g);
  if (!text) return Exit::usage;
  std::cout << *text;
  std::cout.flush();
  return std::cout ? Exit::ok : Exit::usage;
}

// A copy of a built-in set to edit: written only where no file is, never over one.
int init(const Options &o, const Global &g) {
  diag::Diagnostics d;
  auto text = app::rates_text(o.from, d);
  report(d, g);
  if (!text) return Exit::usage;
  return write_new(o.file, *text, i18n::msg::rates_init_exists, g);
}

// The role catalogue, which rate files name roles from.
std::optional<app::Context> roles_only(const Global &g, int &rc) {
  app::Choices choices;
  choices.staffing_needed = false;
  return load_context(choices, g, rc);
}

} // namespace

Action setup_rates(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.require_subcommand(1);
  auto *l = app.add_subcommand("list", i18n::tr(g.help, i18n::msg::help_rates_list));
  auto *s = app.add_subcommand("show", i18n::tr(g.help, i18n::msg::help_rates_show));
  s->add_option("name", o->name, i18n::tr(g.help, i18n::msg::help_rates_name))->required();
  auto *c = app.add_subcommand("check", i18n::tr(g.help, i18n::msg::help_rates_check));
  c->add_option("files", o->files, i18n::tr(g.help, i18n::msg::help_rates_files))->required();
  auto *n = app.add_subcommand("init", i18n::tr(g.help, i18n::msg::help_rates_init));
  n->add_option("--from", o->from, i18n::tr(g.help, i18n::msg::help_rates_from));
  n->add_option("file", o->file, i18n::tr(g.help, i18n::msg::help_rates_file))->required();
  return [o, &g, l, s, c, n]() -> int {
    if (s->parsed()) return show(*o, g);
    if (n->parsed()) return init(*o, g);
    int rc = Exit::ok;
    auto cx = roles_only(g, rc);
    if (!cx) return rc;
    if (l->parsed()) {
      std::cout << draw(report::rate_sets_document(app::rate_sets(cx->roles), g.messages()), "table");
      return Exit::ok;
    }
    if (c->parsed()) {
      app::Status status = app::Status::ok;
      report(app::check_rate_files(o->files, cx->roles, status), g);
      return exit_of(status);
    }
    return Exit::usage;
  };
}

} // namespace pm::cli
