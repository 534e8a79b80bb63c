#include <cli/common.hpp>
#include <cli/reporters.hpp>

#include <pm/util/file.hpp>

#include <algorithm>
#include <iostream>

namespace pm::cli {

std::optional<staff::Inputs> load_or_report(const std::string &estate, const std::string &norms,
                                            const std::string &labor, const Global &g, int &exit_code) {
  auto loaded = staff::load_inputs(estate, norms, labor);
  diag::sort(loaded.diagnostics);
  render_text(std::cerr, loaded.diagnostics, g.zh());
  if (!loaded.inputs) {
    exit_code = loaded.io_error ? Exit::usage : Exit::invalid;
    return std::nullopt;
  }
  return std::move(loaded.inputs);
}

EstateSet load_estates(const std::string &dir, const std::string &norms, const std::string &labor, const Global &g) {
  EstateSet set;
  auto files = util::find_yaml_files(dir);
  if (!files) {
    error(g, files.error().en, files.error().zh);
    set.rc = Exit::usage;
    return set;
  }
  for (const auto &f : *files) {
    auto loaded = staff::load_inputs(f, norms, labor);
    set.files.push_back(f);
    // A targets file beside the estates belongs to pm portfolio: skip it quietly.
    bool targets = std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                               [](const diag::Diagnostic &d) { return d.code == "not-an-estate"; });
    if (targets) continue;
    diag::sort(loaded.diagnostics);
    render_text(std::cerr, loaded.diagnostics, g.zh());
    if (!loaded.inputs) {
      set.rc = std::max(set.rc, loaded.io_error ? static_cast<int>(Exit::usage) : static_cast<int>(Exit::invalid));
      continue;
    }
    for (const auto &extra : loaded.inputs->files)
      if (std::find(set.files.begin(), set.files.end(), extra) == set.files.end()) set.files.push_back(extra);
    set.inputs.push_back(std::move(*loaded.inputs));
  }
  if (set.inputs.empty() && set.rc == Exit::ok) {
    error(g, "no estate files under " + dir, dir + " 下没有小区文件");
    set.rc = Exit::usage;
  }
  return set;
}

bool output_zh(const Global &g, const estate::Estate &e) {
  if (!g.lang.empty()) return g.lang == "zh";
  return e.zh();
}

int emit(const std::string &out_path, const std::string &data, const std::vector<std::string> &inputs,
         const Global &g) {
  if (out_path.empty() || out_path == "-") {
    std::cout << data;
    std::cout.flush();
    return std::cout ? Exit::ok : Exit::usage;
  }
  auto r = util::write_file_atomic(out_path, data, inputs);
  if (!r) {
    error(g, r.error().en, r.error().zh);
    return Exit::usage;
  }
  return Exit::ok;
}

} // namespace pm::cli
