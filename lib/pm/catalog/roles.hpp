#pragma once
// The role catalogue: departments and the roles (posts) in them, with duties and requirements.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct Department {
  std::string id;
  Text name;
  // Who pays for it: "owners" (the property fee), "public" (public and social work, paid by
  // whoever commissions it) or "business" (self-financed business).
  std::string cost_centre = "owners";
};

// A certificate a post may require; ids are those of estate files' staff[].licences.
struct Licence {
  std::string id;
  Text name;
  Text source;
};

struct Requirements {
  int max_age = 0;          // applicants must be younger than this ("45岁以下，不含45岁"); 0: none stated
  int experience_years = 0; // at least this many years in the trade; 0: none stated
  Text education;           // the minimum, in words ("大专及以上")
  std::vector<std::string> licences; // Licence ids
  std::vector<Text> other;           // further conditions in words (health, skills, certificates without an id)
  Text source;                       // where the requirements come from
};

struct Role {
  std::string id;
  std::string department;
  Text name;
  std::string licence; // a licence every holder needs for the post's seats, if any
  bool supervisor = false;
  std::vector<Text> duties; // each in both languages
  // The estates each duty applies to (its plant, its conditions), by index; a duty without an
  // entry (an estate file's own roles) applies everywhere.
  std::vector<AppliesTo> duty_applies;
  Text source; // where the duties come from
  Requirements requirements;
};

struct Catalogue {
  std::string name;
  Text title;
  Text source;
  std::vector<Department> departments;
  std::vector<Licence> licences;
  std::vector<Role> roles;

  const Role *role(const std::string &id) const;
  const Department *department(const std::string &id) const;
  const Licence *licence(const std::string &id) const;
  // The roles of a department, in file order.
  std::vector<const Role *> roles_of(const std::string &department) const;
  std::vector<std::string> role_ids() const;
};

// Loads a catalogue by built-in name ("cn") or from a TOML file; problems go to `out`.
std::optional<Catalogue> load(const std::string &name_or_path, diag::Diagnostics &out);

} // namespace pm::catalog
