#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/util/cleanup.hpp>
#include <pm/util/text.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <string_view>

namespace pm::cli {

i18n::Lang Global::messages() const {
  if (!lang.empty()) return i18n::of_locale(lang);
  if (!locales.empty()) {
    i18n::Lang first = i18n::of_locale(locales.front());
    bool agree = true;
    for (const auto &l : locales) agree = agree && i18n::of_locale(l) == first;
    if (agree) return first;
  }
  for (const char *var : {"PM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char *v = std::getenv(var);
    if (v && *v) return i18n::of_locale(v);
  }
  return i18n::Lang::en;
}

namespace {
struct Command {
  const char *name;
  const i18n::Message &description;
  Setup setup;
};
// The subcommand table: `pm help` lists these in this order.
const Command commands[] = {
    {"validate", i18n::msg::help_cmd_validate, setup_validate},
    {"staff", i18n::msg::help_cmd_staff, setup_staff},
    {"norms", i18n::msg::help_cmd_norms, setup_norms},
    {"rates", i18n::msg::help_cmd_rates, setup_rates},
    {"init", i18n::msg::help_cmd_init, setup_init},
    {"import", i18n::msg::help_cmd_import, setup_import},
    {"portfolio", i18n::msg::help_cmd_portfolio, setup_portfolio},
    {"diff", i18n::msg::help_cmd_diff, setup_diff},
    {"budget", i18n::msg::help_cmd_budget, setup_budget},
    {"roster", i18n::msg::help_cmd_roster, setup_roster},
    {"report", i18n::msg::help_cmd_report, setup_report},
    {"compare", i18n::msg::help_cmd_compare, setup_compare},
};

// The language of --help: --lang X or --lang=X in argv (up to "--"), else the environment's, as
// Global::messages() chooses. Read before CLI11 parses, since the descriptions are given when
// the options are added.
i18n::Lang help_lang(int argc, char **argv) {
  Global g;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc)
      g.lang = argv[++i];
    else if (a.starts_with("--lang="))
      g.lang = a.substr(std::string_view("--lang=").size());
  }
  return g.messages();
}
} // namespace

int run(int argc, char **argv) {
  util::install_cleanup_handlers();
  Global g;
  g.help = help_lang(argc, argv);
  const i18n::Lang h = g.help;
  CLI::App app{i18n::tr(h, i18n::msg::help_app), "pm"};
  // Before the subcommands are added: they copy the help flag, description included.
  app.set_help_flag("-h,--help", i18n::tr(h, i18n::msg::help_help_flag));
  app.set_version_flag("-V,--version", std::string("pm ") + PM_VERSION, i18n::tr(h, i18n::msg::help_version_flag));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", g.lang, i18n::tr(h, i18n::msg::help_lang))->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("--bom", g.bom, i18n::tr(h, i18n::msg::help_bom));
  app.footer(i18n::tr(h, i18n::msg::help_footer));

  std::map<CLI::App *, Action> actions;
  for (const auto &c : commands) {
    CLI::App *sub = app.add_subcommand(c.name, i18n::tr(h, c.description));
    actions[sub] = c.setup(*sub, g);
  }
  CLI::App *help = app.add_subcommand("help", i18n::tr(h, i18n::msg::help_cmd_help));
  std::string help_topic;
  help->add_option("command", help_topic, i18n::tr(h, i18n::msg::help_help_command));

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
