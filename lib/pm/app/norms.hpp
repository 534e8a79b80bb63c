#pragma once
// pm norms: the built-in norm sets and labour profiles, listed, shown as their TOML text, and
// files of either kind checked.

#include <pm/app/context.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::app {

struct DataSet {
  std::string name;
  enum class Kind { norms, labor } kind = Kind::norms;
  int rules = 0; // norm sets
  i18n::Text title;
  bool is_default = false;
};
std::vector<DataSet> data_sets(const catalog::Catalogue &roles);

// The TOML text of a built-in norm set or labour profile (or of a file); nullopt with the
// diagnostic that says why (unknown-name with "did you mean", or io).
std::optional<std::string> data_text(const std::string &name, diag::Diagnostics &out);

// Norm-set and labour-profile files checked; `status` io when one can't be read.
diag::Diagnostics check_data_files(const std::vector<std::string> &files, const catalog::Catalogue &roles,
                                   Status &status);

} // namespace pm::app
