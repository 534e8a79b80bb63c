#pragma once
// What several subcommands share: loading inputs with reported diagnostics, the language.

#include <cli/app.hpp>

#include <pm/staff/inputs.hpp>

#include <optional>
#include <string>

namespace pm::cli {

// Loads estate, norm set and labour profile. Diagnostics go to stderr; on failure returns
// nullopt and sets `exit_code` (1 invalid data, 2 unreadable file or unknown name).
std::optional<staff::Inputs> load_or_report(const std::string &estate, const std::string &norms,
                                            const std::string &labor, const Global &g, int &exit_code);

// Every estate of a directory (targets files skipped), loaded with the same norms and labour
// profile. Problems go to stderr; `rc` is the exit code they call for (0 when none).
struct EstateSet {
  std::vector<staff::Inputs> inputs;
  std::vector<std::string> files; // every file read, for -o's never-overwrite check
  int rc = Exit::ok;
};
EstateSet load_estates(const std::string &dir, const std::string &norms, const std::string &labor, const Global &g);

// --lang if given, else the estate's locale.
bool output_zh(const Global &g, const estate::Estate &e);

// Writes `data` to -o FILE atomically (refusing to overwrite inputs) or to stdout.
int emit(const std::string &out_path, const std::string &data, const std::vector<std::string> &inputs, const Global &g);

} // namespace pm::cli
