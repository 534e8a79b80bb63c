// pm init [--type TYPE] FILE: writes a commented starter estate that validates as it is.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/init.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>

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
  std::error_code ec;
  if (std::filesystem::exists(o.file, ec) || std::filesystem::is_symlink(o.file, ec)) {
    error(g, i18n::msg::init_exists, o.file);
    return Exit::usage;
  }
  auto r = util::write_file_new(o.file, *text);
  if (!r) {
    error(g, i18n::describe(r.error()));
    return Exit::usage;
  }
  std::cerr << i18n::tr(g.messages(), i18n::msg::cli_wrote, o.file) << "\n";
  return Exit::ok;
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
