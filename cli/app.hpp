#pragma once
// The `pm` command line: argument parsing and rendering over the pm library.

#include <pm/i18n/lang.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pm::cli {

// Exit codes, documented in pm(1).
enum Exit : int { ok = 0, invalid = 1, usage = 2 };

// Options every subcommand shares.
struct Global {
  std::string lang; // "", "zh" or "en"
  // The language of every output and message of a run, one rule for every command (pm(1),
  // LANGUAGE): --lang, else the language of the estates the run read (their `locale`; when
  // several disagree, none), else PM_LANG / LC_ALL / LC_MESSAGES / LANG.
  i18n::Lang messages() const;
  // The locales of the estates read so far: commands note them (cli::note_estates) as they
  // read estates, before reporting their diagnostics. Mutable: a run's Global is shared by
  // const reference, and what it has read is not an option.
  mutable std::vector<std::string> locales;
  // The language of --help, chosen as messages() is but before CLI11 parses (from --lang in
  // argv), as the descriptions are given when the options are added.
  i18n::Lang help = i18n::Lang::en;
  bool zh() const { return messages() == i18n::Lang::zh; }
  bool bom = false; // --bom: CSV starts with a UTF-8 byte-order mark, for Excel
};

// The check of a numeric option: decimal digits only (no sign, no "0x", no "1e3", no blanks),
// from `min` to `max`; the message names the range. CLI11's own conversion would take "-1" for
// 2^64 - 1 and wrap values past the type's range.
// `shown` is what --help shows after the option (CLI11's "INT in [1 - 106]").
CLI::Validator whole_number(const Global &g, std::uint64_t min, std::uint64_t max, std::string shown = "");

// A subcommand's setup adds its options to `app` and returns the action run when it is chosen.
using Action = std::function<int()>;
using Setup = Action (*)(CLI::App &app, Global &g);

// One per cmd_*.cpp; the table in app.cpp lists them.
Action setup_validate(CLI::App &app, Global &g);
Action setup_staff(CLI::App &app, Global &g);
Action setup_norms(CLI::App &app, Global &g);
Action setup_rates(CLI::App &app, Global &g);
Action setup_init(CLI::App &app, Global &g);
Action setup_import(CLI::App &app, Global &g);
Action setup_portfolio(CLI::App &app, Global &g);
Action setup_diff(CLI::App &app, Global &g);
Action setup_budget(CLI::App &app, Global &g);
Action setup_roster(CLI::App &app, Global &g);
Action setup_report(CLI::App &app, Global &g);
Action setup_compare(CLI::App &app, Global &g);

int run(int argc, char **argv);

} // namespace pm::cli
