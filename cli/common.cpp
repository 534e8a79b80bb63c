#include <cli/common.hpp>
#include <cli/print_pdf.hpp>

#include <pm/diag/render.hpp>
#include <pm/doc/formats.hpp>
#include <pm/doc/render.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace pm::cli {

void error(const Global &g, const i18n::Text &t) {
  std::cerr << i18n::tr(g.messages(), i18n::msg::cli_error, t.get(g.messages())) << "\n";
}

void report(const diag::Diagnostics &d, const Global &g) { std::cerr << diag::to_text(d, g.messages()); }

int exit_of(app::Status s) {
  switch (s) {
  case app::Status::ok:
    return Exit::ok;
  case app::Status::invalid:
    return Exit::invalid;
  case app::Status::io:
    return Exit::usage;
  }
  return Exit::usage;
}

std::optional<app::Context> load_context(const app::Choices &c, const Global &g, int &rc) {
  auto loaded = app::load_context(c);
  diag::sort(loaded.diagnostics);
  report(loaded.diagnostics, g);
  if (!loaded.context) rc = exit_of(loaded.status);
  return std::move(loaded.context);
}

i18n::Lang output_lang(const Global &g, const estate::Estate &e) {
  if (!g.lang.empty()) return i18n::of_locale(g.lang);
  return i18n::of_locale(e.locale);
}

void note_estates(const Global &g, const std::vector<app::Plan> &plans) {
  for (const auto &p : plans) g.locales.push_back(p.estate.locale);
}

void note_estate(const Global &g, const std::optional<app::EstateInput> &in) {
  if (in) g.locales.push_back(in->estate.locale);
}

i18n::Lang output_lang(const Global &g, const std::vector<app::Plan> &plans) {
  note_estates(g, plans);
  return g.messages();
}

bool is_directory(const std::string &path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

std::vector<std::string> inputs_of(const app::Context &c, std::vector<std::string> files) {
  files.insert(files.end(), c.files.begin(), c.files.end());
  return files;
}

int write_new(const std::string &file, const std::string &text, const i18n::Message &exists, const Global &g) {
  std::error_code ec;
  if (std::filesystem::exists(file, ec) || std::filesystem::is_symlink(file, ec)) {
    error(g, exists, file);
    return Exit::usage;
  }
  auto r = util::write_file_new(file, text);
  if (!r) {
    error(g, i18n::describe(r.error()));
    return Exit::usage;
  }
  std::cerr << i18n::tr(g.messages(), i18n::msg::cli_wrote, file) << "\n";
  return Exit::ok;
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
    error(g, i18n::describe(r.error()));
    return Exit::usage;
  }
  return Exit::ok;
}

int emit_xlsx(const std::string &out_path, const doc::Document &d, const std::vector<std::string> &inputs,
              const Global &g) {
  if (!out_path.empty() && out_path != "-") {
    auto w = doc::write_xlsx(d, out_path, inputs);
    if (!w) error(g, w.error());
    return w ? Exit::ok : Exit::usage;
  }
  auto bytes = doc::xlsx_bytes(d);
  if (!bytes) {
    error(g, bytes.error());
    return Exit::usage;
  }
  return emit("", *bytes, inputs, g);
}

int emit_binary(const std::string &out_path, const doc::Document &d, const std::string &format, const std::string &date,
                const std::vector<std::string> &inputs, const Global &g) {
  if (format == "xlsx") return emit_xlsx(out_path, d, inputs, g);
  if (format == "docx") return emit(out_path, doc::to_docx(d), inputs, g);
  std::string chromium = find_chromium(), pdf, why;
  if (!print_pdf(chromium, doc::to_html(d), date, pdf, why)) {
    error(g, i18n::msg::cli_pdf_failed, chromium, why);
    return Exit::usage;
  }
  return emit(out_path, pdf, inputs, g);
}

bool binary_output_ok(const std::string &format, bool to_stdout, const Global &g) {
  if (format != "xlsx" && format != "docx" && format != "pdf") return true;
  if (to_stdout && ::isatty(STDOUT_FILENO)) {
    if (format == "xlsx")
      error(g, i18n::msg::cli_xlsx_terminal);
    else
      error(g, i18n::msg::cli_binary_terminal, format == "pdf" ? "PDF" : "DOCX", format);
    return false;
  }
  // PDF needs a browser to print the HTML: said before any work, with what to install.
  if (format == "pdf" && find_chromium().empty()) {
    const char *env = std::getenv("PM_CHROMIUM");
    error(g, i18n::msg::cli_pdf_no_chromium, env && *env ? std::string(env) : std::string("chromium"));
    return false;
  }
  return true;
}

std::string csv_for(const Global &g, const std::string &format, std::string text) {
  if (g.bom && format == "csv") text.insert(0, "\xEF\xBB\xBF");
  return text;
}

std::string draw(const doc::Document &d, const std::string &format, bool colour) {
  return doc::draw(d, format, colour);
}

std::string format_of_path(const std::string &path, const std::vector<std::string> &formats) {
  if (const doc::Format *f = doc::format_of_path(path, formats)) return std::string(f->name);
  // The formats of a command's own that are not documents: a roster's calendar.
  if (std::filesystem::path(path).extension() == ".ics" &&
      std::find(formats.begin(), formats.end(), "ics") != formats.end())
    return "ics";
  return "";
}

bool stdin_at_most_once(const std::vector<std::string> &paths, const Global &g) {
  if (std::count(paths.begin(), paths.end(), "-") < 2) return true;
  error(g, i18n::msg::cli_stdin_twice);
  return false;
}

std::string output_format(const std::string &given, bool format_given, const std::string &output,
                          const std::vector<std::string> &formats, const std::string &fallback) {
  if (format_given || output.empty() || output == "-") return given;
  std::string by_name = format_of_path(output, formats);
  return by_name.empty() ? fallback : by_name;
}

} // namespace pm::cli
