// pm init [--type TYPE] FILE: writes a commented starter estate that validates as it is.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/init.hpp>

namespace pm::cli {

namespace {

struct Options {
  std::string type = "residential";
  std::string file;
};

int run_init(const Options &o, const Global &g) {
  auto text = app::starter_estate(o.type, o.file);
  if (!text) {
    error(g, i18n::msg::init_no_template, o.type);
    return Exit::usage;
  }
  return write_new(o.file, *text, i18n::msg::init_exists, g);
}

} // namespace

Action setup_init(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("-t,--type", o->type, i18n::tr(g.help, i18n::msg::help_init_type))
      ->check(CLI::IsMember(
          {"residential", "villa", "mixed_use", "office", "campus_dormitory", "institution", "industrial_park"}));
  app.add_option("file", o->file, i18n::tr(g.help, i18n::msg::help_init_file))->required();
  return [o, &g] { return run_init(*o, g); };
}

} // namespace pm::cli
