// pm import LEDGER.csv --into DIR [--force]: one estate file per row of a ledger, all written
// or none.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/import.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string ledger;
  std::string into;
  bool force = false;
};

int run_import(const Options &o, const Global &g) {
  namespace fs = std::filesystem;
  auto bytes = util::read_file(o.ledger);
  if (!bytes) {
    error(g, i18n::describe(bytes.error()));
    return Exit::usage;
  }
  std::error_code ec;
  if (fs::exists(o.into, ec) && !fs::is_directory(o.into, ec)) {
    error(g, i18n::msg::import_not_directory, o.into);
    return Exit::usage;
  }
  app::Choices choices;
  choices.staffing_needed = false;
  int rc = Exit::ok;
  auto c = load_context(choices, g, rc);
  if (!c) return rc;
  const std::string name = o.ledger == "-" ? "<stdin>" : o.ledger;
  app::Imported imported = app::import_ledger(*c, *bytes, name, o.into, g.messages());
  report(imported.diagnostics, g);
  if (!imported.ok()) {
    error(g, i18n::msg::import_not_written);
    return Exit::invalid;
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> existing;
  for (auto &e : imported.estates) {
    if (fs::exists(e.path, ec) || fs::is_symlink(e.path, ec)) existing.push_back(e.path);
    files.emplace_back(e.path, std::move(e.text));
  }
  if (!existing.empty() && !o.force) {
    error(g, i18n::msg::import_exists, existing.front(), existing.size());
    return Exit::usage;
  }
  fs::create_directories(o.into, ec);
  std::vector<std::string> inputs = inputs_of(*c, {});
  if (o.ledger != "-") inputs.push_back(o.ledger);
  auto w = util::write_files_atomic(files, inputs);
  if (!w) {
    error(g, i18n::describe(w.error()));
    return Exit::usage;
  }
  std::cerr << i18n::tr(g.messages(), i18n::msg::import_wrote, files.size(), name, o.into) << "\n";
  return Exit::ok;
}

} // namespace

Action setup_import(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("ledger", o->ledger, i18n::tr(g.help, i18n::msg::help_import_ledger))->required();
  app.add_option("-i,--into", o->into, i18n::tr(g.help, i18n::msg::help_import_into))->required();
  app.add_flag("--force", o->force, i18n::tr(g.help, i18n::msg::help_import_force));
  return [o, &g] { return run_import(*o, g); };
}

} // namespace pm::cli
