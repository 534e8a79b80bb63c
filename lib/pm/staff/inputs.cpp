#include <pm/staff/inputs.hpp>
#include <pm/util/text.hpp>

#include <filesystem>

namespace pm::staff {

std::string labor_of(const NormSet &ns) {
  std::string lab_name = ns.labor;
  // A relative path in a norm file is relative to that file, wherever pm runs from.
  bool is_path = lab_name.find('/') != std::string::npos || util::ends_with(lab_name, ".toml");
  std::filesystem::path norm_file(ns.file);
  if (is_path && std::filesystem::path(lab_name).is_relative() && norm_file.has_parent_path() &&
      !util::starts_with(ns.file, "<builtin>"))
    lab_name = (norm_file.parent_path() / lab_name).string();
  return lab_name;
}

LoadedInputs load_inputs(const std::string &estate_path, const std::string &norms, const std::string &labor) {
  LoadedInputs out;
  auto est = estate::load(estate_path);
  out.diagnostics = est.diagnostics;
  out.io_error = est.io_error;
  std::size_t before = out.diagnostics.size();
  auto ns = load_norms(norms.empty() ? default_norms : norms, catalog::builtin(), out.diagnostics);
  std::optional<Labor> lab;
  if (ns) lab = load_labor(labor.empty() ? labor_of(*ns) : labor, out.diagnostics);
  // A norm or labour name that doesn't exist, or a file that can't be read, is a usage error.
  for (std::size_t i = before; i < out.diagnostics.size(); ++i)
    if (out.diagnostics[i].code == "unknown-name" || out.diagnostics[i].code == "io") out.io_error = true;
  if (!est.estate || !ns || !lab) return out;
  catalog::Catalogue roles = estate::roles_for(est.estate->raw, catalog::builtin());
  std::vector<std::string> files = {estate_path};
  for (const std::string *f : {&ns->file, &lab->file})
    if (!f->empty() && !util::starts_with(*f, "<builtin>")) files.push_back(*f);
  out.inputs = Inputs{std::move(*est.estate), std::move(*ns), std::move(*lab), std::move(roles), std::move(files)};
  return out;
}

} // namespace pm::staff
