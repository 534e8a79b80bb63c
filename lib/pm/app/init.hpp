#pragma once
// pm init: a commented starter estate of a type, that validates as it is.

#include <optional>
#include <string>

namespace pm::app {

// The starter for `type`, its id taken from the file's name and its schema reference pointing
// where editors find the schema. Nullopt when there is no template for the type.
std::optional<std::string> starter_estate(const std::string &type, const std::string &file);

// An id from a file's name: "estates/North Gate.yaml" -> "north-gate"; "estate" when the name
// has no ASCII letter or digit (pm init, pm import).
std::string id_from_file(const std::string &path);

} // namespace pm::app
