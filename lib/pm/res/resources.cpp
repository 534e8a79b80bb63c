#include <pm/res/resources.hpp>

#include <algorithm>

namespace pm::res {

std::optional<std::string_view> get(std::string_view path) {
  for (const detail::Entry *e = detail::entries; e->path; ++e)
    if (path == e->path) return std::string_view(reinterpret_cast<const char *>(e->data), e->size);
  return std::nullopt;
}

std::vector<std::string> list(std::string_view prefix) {
  std::vector<std::string> out;
  for (const detail::Entry *e = detail::entries; e->path; ++e)
    if (std::string_view(e->path).substr(0, prefix.size()) == prefix) out.emplace_back(e->path);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace pm::res
