#pragma once
// The estate rules a JSON Schema can't state: sums, uniqueness, references, real dates.

#include <pm/catalog/roles.hpp>
#include <pm/yaml/document.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::estate {

// Appends semantic diagnostics to doc.diagnostics. Tolerates values of the wrong type
// (the schema reports those), so it can run on any parsed document.
void check_semantics(yaml::Document &doc, const catalog::Catalogue &roles);

// Rules for organisation and programme sections (phases, groups, units, inspections).
void check_sections(yaml::Document &doc, const catalog::Catalogue &base);
// Phases under `pointer`: real dates, not reversed, not overlapping.
void check_phases(yaml::Document &doc, const std::string &pointer);
// A targets file (kind: targets) rather than an estate.
bool is_targets(const nlohmann::json &v);

// Reads, parses and checks one estate file: schema, then semantic rules. A targets file
// (kind: targets) is checked against its own schema instead.
yaml::Document load_and_check(std::string_view text, std::string file, const catalog::Catalogue &roles);

// One file checked as pm validate checks it: a file over the size limit is invalid
// (too-large), one that can't be read is `unreadable` with one "io" diagnostic.
struct FileCheck {
  std::string name; // as given; "<stdin>" for "-"
  bool unreadable = false;
  diag::Diagnostics diagnostics;
};
FileCheck check_file(const std::string &path, const catalog::Catalogue &roles);

// Reads an estate file ("-": standard input) up to the size limit. On failure, appends the one
// diagnostic that says why to `out`, named `name`: too-large (an invalid estate) or io (then
// `unreadable` is set).
std::optional<std::string> read_estate(const std::string &path, const std::string &name, diag::Diagnostics &out,
                                       bool &unreadable);

// Checks files on up to `jobs` threads (0: one per processor). The results are in the order
// of `paths` and the same for any `jobs`.
std::vector<FileCheck> check_files(const std::vector<std::string> &paths, const catalog::Catalogue &roles,
                                   unsigned jobs = 0);

} // namespace pm::estate
