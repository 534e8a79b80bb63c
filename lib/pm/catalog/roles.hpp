#pragma once
// The role catalogue: departments and the roles (posts) in them, with duties and requirements.

#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct Text {
  std::string zh;
  std::string en;
  const std::string& get(bool zh_first) const { return zh_first ? (zh.empty() ? en : zh) : (en.empty() ? zh : en); }
};

struct Department {
  std::string id;
  Text name;
};

struct Requirements {
  int max_age = 0;          // 0: none stated
  int experience_years = 0; // 0: none stated
  Text education;
  std::vector<std::string> licences;
};

struct Role {
  std::string id;
  std::string department;
  Text name;
  std::string licence; // a licence every holder needs for the post's seats, if any
  bool supervisor = false;
  std::vector<Text> duties;
  Requirements requirements;
};

struct Catalogue {
  std::string name;
  Text title;
  std::string source;
  std::vector<Department> departments;
  std::vector<Role> roles;

  const Role* role(const std::string& id) const;
  const Department* department(const std::string& id) const;
  std::vector<std::string> role_ids() const;
};

// Loads a catalogue by built-in name ("cn") or from a TOML file; problems go to `out`.
std::optional<Catalogue> load(const std::string& name_or_path, diag::Diagnostics& out);
// The built-in catalogue; it is tested to load cleanly.
const Catalogue& builtin();

} // namespace pm::catalog
