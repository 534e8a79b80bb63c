#include <pm/app/validate.hpp>
#include <pm/estate/check.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <optional>

namespace pm::app {

Validation validate(const Context &c, const std::vector<std::string> &given, unsigned jobs) {
  Validation out;
  // The files to check, in order; a directory that can't be searched is an error in its place.
  struct Item {
    std::size_t file = 0; // index into `paths` when `error` is empty
    std::optional<diag::Diagnostic> error;
  };
  std::vector<std::string> paths;
  std::vector<Item> items;
  auto io_error = [&](const std::string &path, const i18n::Text &t) {
    items.push_back({0, diag::Diagnostic{path, 0, 0, diag::Severity::error, "io", t.en, t.zh, ""}});
  };
  for (const auto &p : given) {
    std::error_code ec;
    if (p != "-" && std::filesystem::is_directory(p, ec)) {
      auto found = util::find_yaml_files(p);
      if (!found) {
        io_error(p, {found.error().zh, found.error().en});
        continue;
      }
      if (found->empty()) {
        io_error(p, i18n::both(i18n::msg::no_yaml_under, p));
        continue;
      }
      for (auto &f : *found) {
        items.push_back({paths.size(), std::nullopt});
        paths.push_back(std::move(f));
      }
    } else {
      items.push_back({paths.size(), std::nullopt});
      paths.push_back(p);
    }
  }

  std::vector<estate::FileCheck> checked = estate::check_files(paths, c.roles, jobs);
  for (const Item &item : items) {
    if (item.error) {
      out.diagnostics.push_back(*item.error);
      ++out.unreadable;
      continue;
    }
    const estate::FileCheck &f = checked[item.file];
    if (f.unreadable) {
      ++out.unreadable;
    } else {
      bool valid = !diag::has_errors(f.diagnostics);
      out.files.push_back({f.name, valid});
      if (!valid) ++out.invalid;
    }
    out.diagnostics.insert(out.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
  return out;
}

} // namespace pm::app
