// pm validate PATH...: checks estate files against the schema and the semantic rules.

#include <cli/app.hpp>
#include <cli/reporters.hpp>

#include <pm/catalog/roles.hpp>
#include <pm/estate/check.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace pm::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  bool verbose = false;
  unsigned jobs = 0;
};

int run_validate(const Options &o, const Global &g) {
  bool zh = g.zh();
  diag::Diagnostics all;
  int files = 0, invalid = 0, unreadable = 0;

  // The files to check, in order; a directory that can't be searched is an error in its place.
  struct Item {
    std::size_t file = 0; // index into `paths` when `error` is empty
    std::optional<diag::Diagnostic> error;
  };
  std::vector<std::string> paths;
  std::vector<Item> items;
  auto io_error = [&](const std::string &path, const util::Error &e) {
    items.push_back({0, diag::Diagnostic{path, 0, 0, diag::Severity::error, "io", e.en, e.zh, ""}});
  };
  for (const auto &p : o.paths) {
    std::error_code ec;
    if (p != "-" && std::filesystem::is_directory(p, ec)) {
      auto found = util::find_yaml_files(p);
      if (!found) {
        io_error(p, found.error());
        continue;
      }
      if (found->empty()) {
        io_error(p, {"no *.yaml or *.yml files under " + p, p + " 下没有 *.yaml 或 *.yml 文件"});
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

  std::vector<estate::FileCheck> checked = estate::check_files(paths, catalog::builtin(), o.jobs);
  for (const Item &item : items) {
    if (item.error) {
      all.push_back(*item.error);
      ++unreadable;
      continue;
    }
    const estate::FileCheck &c = checked[item.file];
    if (c.unreadable) {
      ++unreadable;
    } else {
      ++files;
      if (diag::has_errors(c.diagnostics))
        ++invalid;
      else if (o.verbose)
        std::cerr << c.name << ": " << (zh ? "通过" : "ok") << "\n";
    }
    all.insert(all.end(), c.diagnostics.begin(), c.diagnostics.end());
  }

  if (o.format == "json")
    render_json(std::cout, all, zh);
  else if (o.format == "github")
    render_github(std::cout, all, zh);
  else
    render_text(std::cerr, all, zh);
  if (o.verbose) {
    std::cerr << (zh ? "已检查 " + std::to_string(files) + " 个文件，" + std::to_string(invalid) + " 个无效"
                     : std::to_string(files) + " file(s) checked, " + std::to_string(invalid) + " invalid");
    // A path that couldn't be read was not checked: say so, or the summary looks clean.
    if (unreadable)
      std::cerr << (zh ? "，" + std::to_string(unreadable) + " 个路径无法读取"
                       : ", " + std::to_string(unreadable) + " path(s) could not be read");
    std::cerr << "\n";
  }
  if (unreadable) return Exit::usage;
  return invalid ? Exit::invalid : Exit::ok;
}

} // namespace

Action setup_validate(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("paths", o->paths, "Estate files, directories (searched for *.yaml, *.yml) or - for stdin")
      ->required();
  app.add_option("-f,--format", o->format, "Output: text (stderr), json or github (stdout)")
      ->check(CLI::IsMember({"text", "json", "github"}));
  app.add_flag("-v,--verbose", o->verbose, "Also report files that are valid, and a count");
  app.add_option("-j,--jobs", o->jobs, "Files checked at once (default 0: one per processor); the output is the same")
      ->check(CLI::Range(0u, 1024u));
  return [o, &g] { return run_validate(*o, g); };
}

} // namespace pm::cli
