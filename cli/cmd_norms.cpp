// pm norms list | show NAME | check FILE...: the norm sets, as data.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/norms.hpp>
#include <pm/report/commands.hpp>

#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string name;
  std::vector<std::string> files;
};

int list(const Global &g, const app::Context &c) {
  std::cout << draw(report::data_sets_document(app::data_sets(c.roles), g.messages()), "table");
  return Exit::ok;
}

int show(const Options &o, const Global &g) {
  diag::Diagnostics d;
  auto text = app::data_text(o.name, d);
  report(d, g);
  if (!text) return Exit::usage;
  std::cout << *text;
  std::cout.flush();
  return std::cout ? Exit::ok : Exit::usage;
}

int check(const Options &o, const Global &g, const app::Context &c) {
  app::Status status = app::Status::ok;
  report(app::check_data_files(o.files, c.roles, status), g);
  return exit_of(status);
}

// The role catalogue, which norm sets name roles from.
std::optional<app::Context> roles_only(const Global &g, int &rc) {
  app::Choices choices;
  choices.staffing_needed = false;
  return load_context(choices, g, rc);
}

} // namespace

Action setup_norms(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.require_subcommand(1);
  auto *l = app.add_subcommand("list", i18n::tr(g.help, i18n::msg::help_norms_list));
  auto *s = app.add_subcommand("show", i18n::tr(g.help, i18n::msg::help_norms_show));
  s->add_option("name", o->name, i18n::tr(g.help, i18n::msg::help_norms_name))->required();
  auto *c = app.add_subcommand("check", i18n::tr(g.help, i18n::msg::help_norms_check));
  c->add_option("files", o->files, i18n::tr(g.help, i18n::msg::help_norms_files))->required();
  return [o, &g, l, s, c]() -> int {
    if (s->parsed()) return show(*o, g);
    int rc = Exit::ok;
    auto cx = roles_only(g, rc);
    if (!cx) return rc;
    if (l->parsed()) return list(g, *cx);
    if (c->parsed()) return check(*o, g, *cx);
    return Exit::usage;
  };
}

} // namespace pm::cli
