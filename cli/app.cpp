#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/util/text.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

namespace pm::cli {

i18n::Lang Global::messages() const {
  if (!lang.empty()) return i18n::of_locale(lang);
  for (const char *var : {"PM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char *v = std::getenv(var);
    if (v && *v) return i18n::of_locale(v);
  }
  return i18n::Lang::en;
}

namespace {
struct Command {
  const char *name;
  const char *description;
  Setup setup;
};
// The subcommand table: `pm help` lists these in this order.
const Command commands[] = {
    {"validate", "Check estate files against the format and its rules", setup_validate},
    {"staff", "Headcount by department and role, with the reasons", setup_staff},
    {"norms", "List, show and check the norm sets (staffing rules) and labour profiles", setup_norms},
    {"init", "Write a commented starter estate file", setup_init},
    {"portfolio", "Judge a directory of estates against targets, with totals", setup_portfolio},
    {"diff", "What a change to an estate does to staffing, rosters and budget", setup_diff},
    {"budget", "Annual and monthly cost by item and department, and the fee per m²", setup_budget},
    {"roster", "Lawful shift rosters for the round-the-clock posts; roster check re-checks one", setup_roster},
    {"report", "The staffing proposal with its budget, as Markdown, HTML, XLSX or JSON", setup_report},
};
} // namespace

int run(int argc, char **argv) {
  Global g;
  CLI::App app{"pm — staffing, rosters and budgets for property management (物业管理人员配置)", "pm"};
  app.set_version_flag("-V,--version", std::string("pm ") + PM_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", g.lang,
                 "Language of messages and output: zh or en (default: the estate's locale, else $LANG)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.footer("Run 'pm COMMAND --help' for a command's options; 'man pm' for the manual.\n"
             "Exit status: 0 ok, 1 invalid data or a failed check, 2 usage or I/O error.");

  std::map<CLI::App *, Action> actions;
  for (const auto &c : commands) {
    CLI::App *sub = app.add_subcommand(c.name, c.description);
    actions[sub] = c.setup(*sub, g);
  }
  CLI::App *help = app.add_subcommand("help", "Show help for pm or for one command");
  std::string help_topic;
  help->add_option("command", help_topic, "Command to describe");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    std::cerr << i18n::tr(g.messages(), i18n::msg::cli_usage_error, e.what()) << "\n";
    return Exit::usage;
  }

  if (help->parsed()) {
    if (help_topic.empty()) {
      // CLI11 prints the help of the parsed subcommand ("help" itself) unless reset.
      app.clear();
      std::cout << app.help();
      return Exit::ok;
    }
    for (auto *sub : app.get_subcommands({}))
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return Exit::ok;
      }
    error(g, i18n::msg::cli_no_command, help_topic);
    return Exit::usage;
  }
  try {
    for (auto &[sub, action] : actions)
      if (sub->parsed()) return action();
  } catch (const std::exception &e) {
    // Only defects reach here: expected failures are returned as values.
    error(g, i18n::msg::cli_internal_error, e.what());
    return Exit::usage;
  }
  return Exit::usage;
}

} // namespace pm::cli
