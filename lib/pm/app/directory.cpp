#include <pm/app/directory.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/file.hpp>
#include <pm/util/walk.hpp>
#include <pm/yaml/document.hpp>

#include <unordered_map>

namespace pm::app {

std::vector<std::string> DirectoryScan::paths() const {
  std::vector<std::string> out;
  for (const auto &f : files) out.push_back(f.path);
  return out;
}

std::vector<std::string> DirectoryScan::locales() const {
  std::vector<std::string> out;
  for (const auto &f : files)
    if (f.kind == ScannedFile::Kind::estate) out.push_back(f.locale);
  return out;
}

std::vector<std::string> DirectoryScan::targets() const {
  std::vector<std::string> out;
  for (const auto &f : files)
    if (f.kind == ScannedFile::Kind::targets) out.push_back(f.path);
  return out;
}

namespace {

// Where a file's id is written: a valid file is read without positions, so it is read again
// for the one message that needs it.
yaml::Position id_position(const std::string &path) {
  auto text = util::read_file(path);
  if (!text) return {1, 1};
  yaml::Document doc = yaml::parse(*text, path);
  return doc.position("/id");
}

} // namespace

DirectoryScan scan_directory(const Context &c, const std::string &dir, const std::string *portfolio_targets) {
  const std::string skip_targets = portfolio_targets ? *portfolio_targets : "";
  DirectoryScan out;
  std::vector<util::Error> problems;
  std::vector<std::string> found = util::walk_yaml_files(dir, problems);
  if (!problems.empty()) {
    out.status = Status::io;
    for (const auto &e : problems) out.errors.push_back(i18n::describe(e));
    return out;
  }
  std::unordered_map<std::string, std::size_t> ids; // id -> index into files
  std::string first_targets;
  for (auto &path : found) {
    ScannedFile f;
    f.path = std::move(path);
    if (!skip_targets.empty() && util::same_file(f.path, skip_targets)) {
      f.kind = ScannedFile::Kind::targets;
      out.files.push_back(std::move(f));
      continue;
    }
    LoadedEstate loaded = load_estate(c, f.path);
    if (loaded.targets && portfolio_targets && !skip_targets.empty()) {
      f.kind = ScannedFile::Kind::failed; // said when it is read again
    } else if (loaded.targets) {
      f.kind = ScannedFile::Kind::targets;
      if (portfolio_targets) {
        if (first_targets.empty()) {
          first_targets = f.path;
        } else {
          out.diagnostics.push_back(diag::make(f.path, 1, 1, diag::Severity::error, "two-targets-files",
                                               i18n::both(i18n::msg::dir_two_targets, first_targets, f.path)));
          out.status = worst(out.status, Status::invalid);
        }
      }
    } else if (loaded.input) {
      f.kind = ScannedFile::Kind::estate;
      f.id = loaded.input->estate.id;
      f.locale = loaded.input->estate.locale;
      ++out.estates;
      auto [at, fresh] = ids.emplace(f.id, out.files.size());
      if (!fresh) {
        yaml::Position where = id_position(f.path);
        out.diagnostics.push_back(
            diag::make(f.path, where.line, where.column, diag::Severity::error, "duplicate-estate-id",
                       i18n::both(i18n::msg::dir_duplicate_id, f.id, out.files[at->second].path)));
        out.status = worst(out.status, Status::invalid);
      }
    }
    out.files.push_back(std::move(f));
  }
  bool any = false; // an estate, or a file that should have been one
  for (const auto &f : out.files) any = any || f.kind != ScannedFile::Kind::targets;
  if (!any) {
    out.status = Status::io;
    out.errors.push_back(i18n::both(i18n::msg::no_estates_under, dir));
  }
  return out;
}

Status plan_each(const Context &c, const DirectoryScan &scan, const PlanRequest &r,
                 const std::function<void(DirectoryItem &)> &visit) {
  Status status = Status::ok;
  for (const auto &f : scan.files) {
    if (f.kind == ScannedFile::Kind::targets) continue;
    LoadedEstate loaded = load_estate(c, f.path);
    DirectoryItem item{f, std::move(loaded.diagnostics), std::nullopt, loaded.status};
    if (loaded.input) {
      item.plan = make_plan(c, std::move(*loaded.input), r);
      item.diagnostics.insert(item.diagnostics.end(), item.plan->diagnostics.begin(), item.plan->diagnostics.end());
      item.status = worst(item.status, item.plan->status);
    }
    diag::sort(item.diagnostics);
    status = worst(status, item.status);
    visit(item);
  }
  return status;
}

DirectoryPlans plan_directory(const Context &c, const std::string &dir, const PlanRequest &r) {
  DirectoryPlans out;
  DirectoryScan scan = scan_directory(c, dir);
  out.files = scan.paths();
  out.errors = scan.errors;
  out.diagnostics = scan.diagnostics;
  out.status = scan.status;
  if (scan.status != Status::ok) return out;
  out.status = plan_each(c, scan, r, [&](DirectoryItem &item) {
    out.diagnostics.insert(out.diagnostics.end(), item.diagnostics.begin(), item.diagnostics.end());
    if (item.plan) out.plans.push_back(std::move(*item.plan));
  });
  return out;
}

} // namespace pm::app
