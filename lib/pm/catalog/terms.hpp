#pragma once
// The words of a proposal by estate type (lib/data/terms/<name>.toml): what the estate is
// called, its occupants, who governs it and signs, the service standard that applies, and
// whether the special maintenance fund pays for major repairs. Catalogue texts write the words
// as placeholders ({estate}, {occupants}, {governance}, {client}), filled in for an estate.

#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct EstateTerms {
  std::string type;              // an estate type ("office")
  Text estate;                   // "大厦" / "building"
  Text occupants;                // "业主和租户（使用人）" / "owners and tenants (occupiers)"
  Text governance;               // "产权单位（委托方）" / "property owner (the client)"
  Text client;                   // "委托方" / "client"
  Text grade_standard;           // the service standard that applies, in words
  bool maintenance_fund = false; // 专项维修资金 pays for major repairs (housing only)
  bool fee_charged = true;       // a property fee per m² is charged; false: the budget is a cost budget
  Text source;
};

struct Terms {
  Meta meta;
  std::vector<EstateTerms> types; // one per estate type, in file order

  const EstateTerms *of(const std::string &type) const;
};

// The placeholders a catalogue text may use.
const std::vector<std::string> &term_placeholders();

// `x` with its placeholders replaced by the words of `t`, each language its own; `x` itself
// when `t` is null.
Text fill(const Text &x, const EstateTerms *t);

// Loads built-in terms by name ("cn") or a TOML file; every estate type must have its words.
std::optional<Terms> load_terms(const std::string &name_or_path, diag::Diagnostics &out);

} // namespace pm::catalog
