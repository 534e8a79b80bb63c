#pragma once
// The plans of every estate of a directory (pm staff, budget, roster and report on a
// directory): each file read once, problems collected, targets files left to pm portfolio.

#include <pm/app/plan.hpp>

#include <string>
#include <vector>

namespace pm::app {

struct DirectoryPlans {
  std::vector<Plan> plans;        // in file order
  diag::Diagnostics diagnostics;  // of the estates that did not load, and warnings
  std::vector<std::string> files; // every file read: output never goes over one
  Status status = Status::ok;     // the worst of the files' (io when the directory can't be read)
  i18n::Text error_text;          // why the directory could not be read, or held no estate
};

DirectoryPlans plan_directory(const Context &c, const std::string &dir, const PlanRequest &r);

} // namespace pm::app
