#include <pm/estate/check.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/util/file.hpp>
#include <pm/yaml/document.hpp>

namespace pm::estate {

std::optional<std::string> read_estate(const std::string &path, const std::string &name, diag::Diagnostics &out,
                                       bool &unreadable) {
  const yaml::Limits limits;
  // A file over the size limit is an invalid estate (too-large), not an I/O error. read_file
  // reads no more than one byte over the limit, from a file or standard input.
  auto text = util::read_file(path, limits.max_bytes);
  if (text) return std::move(*text);
  if (text.error().too_large) {
    out.push_back(yaml::too_large(name, limits));
  } else {
    unreadable = true;
    out.push_back(diag::make(name, 0, 0, diag::Severity::error, "io", i18n::describe(text.error())));
  }
  return std::nullopt;
}

} // namespace pm::estate
