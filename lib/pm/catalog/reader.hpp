#pragma once
// Reading the catalogue TOML files: data::Reader's typed, located getters, and the checks that
// need the rest of pm (quantity names, conditions, the role catalogue's departments).
// Internal to pm::catalog loaders.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/text.hpp>
#include <pm/data/toml.hpp>
#include <pm/diag/diagnostic.hpp>

#include <string>
#include <vector>

namespace pm::catalog::detail {

using data::Need;

class Reader : public data::Reader {
public:
  using data::Reader::Reader;

  // Quantity names of pm::staff (e.g. "lifts"), each checked, with "did you mean".
  std::vector<std::string> quantities(const toml::table &t, const char *key);
  // Conditions ("lifts", "not outsourced.lift_maintenance", "grade <= 2"): a string or an array.
  std::vector<std::string> conditions(const toml::table &t, const char *key);
  // `equipment` (quantity names) and `when` (conditions) of a table.
  AppliesTo applies_to(const toml::table &t) { return {quantities(t, "equipment"), conditions(t, "when")}; }
  // A list of texts {zh, en}, each with optional `equipment` and `when` (the estates it applies
  // to); `applies` gets one entry per text.
  std::vector<Text> conditional_texts(const toml::table &t, const char *key, std::vector<AppliesTo> &applies);
  // A department id of the role catalogue (required).
  std::string department(const toml::table &t, const Catalogue &roles);
  // Reads [meta] (name, title_zh, title_en, source, note_zh, note_en); when present, its
  // title and source are required.
  Meta meta(const toml::table &root, const std::string &name, Need need = Need::required);
};

} // namespace pm::catalog::detail
