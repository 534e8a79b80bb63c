#pragma once
// The estate rules a JSON Schema can't state: sums, uniqueness, references, real dates.

#include <pm/catalog/roles.hpp>
#include <pm/yaml/document.hpp>

#include <string>

namespace pm::estate {

// Appends semantic diagnostics to doc.diagnostics. Tolerates values of the wrong type
// (the schema reports those), so it can run on any parsed document.
void check_semantics(yaml::Document &doc, const catalog::Catalogue &roles);

// True for a real calendar date written YYYY-MM-DD.
bool is_valid_date(const std::string &s);

// Rules for organisation and programme sections (phases, groups, units, inspections).
void check_sections(yaml::Document &doc, const catalog::Catalogue &base);
// Phases under `pointer`: real dates, not reversed, not overlapping.
void check_phases(yaml::Document &doc, const std::string &pointer);
// A targets file (kind: targets) rather than an estate.
bool is_targets(const nlohmann::json &v);

// Reads, parses and checks one estate file: schema, then semantic rules. A targets file
// (kind: targets) is checked against its own schema instead.
yaml::Document load_and_check(std::string_view text, std::string file, const catalog::Catalogue &roles);

} // namespace pm::estate
