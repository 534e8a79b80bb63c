#include <cli/common.hpp>
#include <cli/reporters.hpp>

#include <pm/util/file.hpp>

#include <iostream>

namespace pm::cli {

std::optional<staff::Inputs> load_or_report(const std::string& estate, const std::string& norms,
                                            const std::string& labor, const Global& g, int& exit_code) {
  auto loaded = staff::load_inputs(estate, norms, labor);
  diag::sort(loaded.diagnostics);
  render_text(std::cerr, loaded.diagnostics, g.zh());
  if (!loaded.inputs) {
    exit_code = loaded.io_error ? Exit::usage : Exit::invalid;
    return std::nullopt;
  }
  return std::move(loaded.inputs);
}

bool output_zh(const Global& g, const estate::Estate& e) {
  if (!g.lang.empty()) return g.lang == "zh";
  return e.zh();
}

int emit(const std::string& out_path, const std::string& data, const std::vector<std::string>& inputs,
         const Global& g) {
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
