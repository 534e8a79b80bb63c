#pragma once
// Files compiled into the binary: schemas and data (norm sets, labour profiles, rates...).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::res {

namespace detail {
struct Entry {
  const char *path;
  const unsigned char *data;
  std::size_t size;
};
extern const Entry entries[]; // ends with a null path
} // namespace detail

// The embedded file at `path` (e.g. "schemas/estate.schema.json").
std::optional<std::string_view> get(std::string_view path);
// Paths of embedded files under `prefix`, sorted.
std::vector<std::string> list(std::string_view prefix);

} // namespace pm::res
