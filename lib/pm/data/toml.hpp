#pragma once
// Reading the TOML data files (norm sets, labour profiles, rates, catalogues) with located errors.

#include <pm/diag/diagnostic.hpp>

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::data {

// Parses TOML; on a syntax error returns nullopt and appends a located diagnostic.
std::optional<toml::table> parse_toml(std::string_view text, const std::string &file, diag::Diagnostics &out);

// Reads the embedded resource `data/<kind>/<name>.toml`, or a file when `name_or_path`
// contains a '/' or ends in ".toml". `resolved` receives the name shown to users.
struct Source {
  std::string text;
  std::string file; // for messages
  std::string name; // e.g. "cn-standard", or the file's path
  bool embedded = false;
};
std::optional<Source> load_source(std::string_view kind, std::string_view name_or_path, diag::Diagnostics &out);

// Names of the embedded files of a kind ("norms" -> {"cn-practice", "cn-standard"}).
std::vector<std::string> embedded_names(std::string_view kind);

// A located diagnostic for a TOML node.
diag::Diagnostic at(const toml::node &node, const std::string &file, std::string code, std::string en, std::string zh,
                    diag::Severity sev = diag::Severity::error);
diag::Diagnostic at(const toml::source_region &src, const std::string &file, std::string code, std::string en,
                    std::string zh, diag::Severity sev = diag::Severity::error);

// Checks that `table` has only the given keys; unknown ones get "did you mean".
void check_keys(const toml::table &table, const std::vector<std::string> &allowed, const std::string &file,
                diag::Diagnostics &out);

} // namespace pm::data
