#pragma once
// The estate rules a JSON Schema can't state: sums, uniqueness, references, real dates.

#include <pm/catalog/roles.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::yaml {
struct Document;
}

namespace pm::estate {

// Appends semantic diagnostics to doc.diagnostics. Tolerates values of the wrong type
// (the schema reports those), so it can run on any parsed document.
void check_semantics(yaml::Document &doc, const catalog::Catalogue &roles);

// Rules for organisation and programme sections (phases, groups, units, inspections).
void check_sections(yaml::Document &doc, const catalog::Catalogue &base);
// Phases under `pointer`: real dates, not reversed, not overlapping.
void check_phases(yaml::Document &doc, const std::string &pointer);

// Checks a parsed estate document: the schema, then the semantic rules.
void check(yaml::Document &doc, const catalog::Catalogue &roles);
// Parses and checks an estate's text (yaml::parse_and_check).
yaml::Document load_and_check(std::string_view text, std::string file, const catalog::Catalogue &roles);

// Reads an estate file ("-": standard input) up to the size limit. On failure, appends the one
// diagnostic that says why to `out`, named `name`: too-large (an invalid estate) or io (then
// `unreadable` is set).
std::optional<std::string> read_estate(const std::string &path, const std::string &name, diag::Diagnostics &out,
                                       bool &unreadable);

} // namespace pm::estate
