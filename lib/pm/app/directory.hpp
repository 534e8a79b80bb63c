#pragma once
// A directory of estates (pm staff, budget, roster, report and portfolio on a directory), in
// two passes so that memory does not grow with the number of estates:
// - scan_directory walks it (util/walk: nothing skipped silently) and reads each file once to
//   check the estates together (ids given twice, two targets files) and learn their locales,
//   keeping only a few words per file;
// - plan_each then reads each estate again and hands its plan to a visitor, which writes its
//   part of the output before the next estate is read.

#include <pm/app/plan.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace pm::app {

struct ScannedFile {
  std::string path;
  enum class Kind { estate, targets, failed } kind = Kind::failed;
  std::string id;     // estates: the estate's id
  std::string locale; // estates: its locale
};

struct DirectoryScan {
  std::vector<ScannedFile> files; // every *.yaml / *.yml file, in path order
  diag::Diagnostics diagnostics;  // ids given twice, two targets files (errors that stop the run)
  std::vector<i18n::Text> errors; // why the directory can't be used: each walk problem, or no estate
  Status status = Status::ok;     // io for errors; invalid for diagnostics
  std::size_t estates = 0;        // files of kind estate
  std::vector<std::string> paths() const;
  std::vector<std::string> locales() const; // of the estates, in order
  std::vector<std::string> targets() const; // the targets files found
};

// `portfolio_targets`: nullptr for the commands that have no use for targets files (skipped
// quietly); for pm portfolio its --targets, or "" to use the one found in the directory (two
// found are an error). A targets file other than --targets's is then a file that is not an
// estate, as before.
DirectoryScan scan_directory(const Context &c, const std::string &dir, const std::string *portfolio_targets = nullptr);

// One file of a scan, read again: its diagnostics (sorted; loading and planning) and, for an
// estate that loaded, its plan.
struct DirectoryItem {
  const ScannedFile &file;
  diag::Diagnostics diagnostics;
  std::optional<Plan> plan;
  Status status = Status::ok; // of the file: loading and planning
};

// Calls `visit` for each estate file and each file that failed to load (targets files are
// left out), in path order; returns the worst status.
Status plan_each(const Context &c, const DirectoryScan &scan, const PlanRequest &r,
                 const std::function<void(DirectoryItem &)> &visit);

// The plans of every estate at once, for the commands whose output needs them all (pm roster
// on a directory): memory grows with the estates.
struct DirectoryPlans {
  std::vector<Plan> plans;        // in file order
  diag::Diagnostics diagnostics;  // of the estates that did not load, and warnings
  std::vector<std::string> files; // every file read: output never goes over one
  Status status = Status::ok;     // the worst of the files' (io when the directory can't be read)
  std::vector<i18n::Text> errors; // why the directory could not be read, or held no estate
};

DirectoryPlans plan_directory(const Context &c, const std::string &dir, const PlanRequest &r);

} // namespace pm::app
