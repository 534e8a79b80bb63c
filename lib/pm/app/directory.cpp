#include <pm/app/directory.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/file.hpp>

namespace pm::app {

DirectoryPlans plan_directory(const Context &c, const std::string &dir, const PlanRequest &r) {
  DirectoryPlans out;
  auto files = util::find_yaml_files(dir);
  if (!files) {
    out.status = Status::io;
    out.error_text = i18n::describe(files.error());
    return out;
  }
  for (const auto &f : *files) {
    out.files.push_back(f);
    LoadedEstate loaded = load_estate(c, f);
    // A targets file beside the estates belongs to pm portfolio: skip it quietly.
    if (loaded.targets) continue;
    out.diagnostics.insert(out.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!loaded.input) {
      out.status = worst(out.status, loaded.status);
      continue;
    }
    Plan p = make_plan(c, std::move(*loaded.input), r);
    out.diagnostics.insert(out.diagnostics.end(), p.diagnostics.begin(), p.diagnostics.end());
    out.status = worst(out.status, p.status);
    out.plans.push_back(std::move(p));
  }
  if (out.plans.empty() && out.status == Status::ok) {
    out.status = Status::io;
    out.error_text = i18n::both(i18n::msg::no_estates_under, dir);
  }
  return out;
}

} // namespace pm::app
