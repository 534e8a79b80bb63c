#pragma once
// Validates JSON data against a JSON Schema (draft 7) held in the binary, and turns the
// schema's complaints into plain-language diagnostics located in the YAML source.

#include <pm/diag/diagnostic.hpp>
#include <pm/yaml/document.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace pm::schema {

class Validator {
public:
  // `schema_text` is the schema's JSON; throws std::runtime_error if it is not a usable schema
  // (a build defect, never a user error).
  explicit Validator(std::string_view schema_text);
  ~Validator();
  Validator(const Validator &) = delete;
  Validator &operator=(const Validator &) = delete;

  // Appends one diagnostic per schema violation in `doc` to `doc.diagnostics`.
  void validate(yaml::Document &doc) const;

  const nlohmann::json &schema() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

// The validator for the embedded schema of that name ("estate"), built once.
const Validator &embedded(std::string_view name);

} // namespace pm::schema
