// pm validate PATH...: checks estate files against the schema and the semantic rules.

#include <cli/app.hpp>
#include <cli/reporters.hpp>

#include <pm/catalog/roles.hpp>
#include <pm/estate/check.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  bool verbose = false;
};

int run_validate(const Options &o, const Global &g) {
  bool zh = g.zh();
  diag::Diagnostics all;
  int files = 0, invalid = 0, unreadable = 0;

  auto io_error = [&](const std::string &file, const util::Error &e) {
    all.push_back({file, 0, 0, diag::Severity::error, "io", e.en, e.zh, ""});
    ++unreadable;
  };

  const yaml::Limits limits;
  auto check = [&](const std::string &path) {
    std::string name = path == "-" ? "<stdin>" : path;
    // A file over the size limit is an invalid estate (too-large, exit 1), not an I/O error:
    // look at its size before reading it. Standard input is read up to the limit and no further.
    std::error_code ec;
    if (path != "-" && std::filesystem::is_regular_file(path, ec)) {
      auto size = std::filesystem::file_size(path, ec);
      if (!ec && size > limits.max_bytes) {
        ++files;
        ++invalid;
        all.push_back(yaml::too_large(name, limits));
        return;
      }
    }
    auto text = util::read_file(path, limits.max_bytes);
    if (!text) {
      if (text.error().too_large) {
        ++files;
        ++invalid;
        all.push_back(yaml::too_large(name, limits));
      } else {
        io_error(name, text.error());
      }
      return;
    }
    ++files;
    yaml::Document doc = estate::load_and_check(*text, name, catalog::builtin());
    if (diag::has_errors(doc.diagnostics))
      ++invalid;
    else if (o.verbose)
      std::cerr << name << ": " << (zh ? "通过" : "ok") << "\n";
    all.insert(all.end(), doc.diagnostics.begin(), doc.diagnostics.end());
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
      for (const auto &f : *found) check(f);
    } else {
      check(p);
    }
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
  return [o, &g] { return run_validate(*o, g); };
}

} // namespace pm::cli
