#pragma once
// What the commands share: the language, reporting diagnostics and errors on stderr, loading
// the context, writing output.

#include <cli/app.hpp>

#include <pm/app/context.hpp>
#include <pm/app/plan.hpp>
#include <pm/doc/document.hpp>
#include <pm/i18n/messages.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::cli {

// "pm: error: ..." on stderr in the language of messages.
void error(const Global &g, const i18n::Text &t);
template <typename... Args> void error(const Global &g, const i18n::Message &m, const Args &...args) {
  error(g, i18n::both(m, args...));
}

// Diagnostics on stderr (FILE:LINE:COL: error: MESSAGE [CODE]), in the language of messages.
void report(const diag::Diagnostics &d, const Global &g);

int exit_of(app::Status s);

// The context a command needs; diagnostics go to stderr. Nullopt and `rc` set on failure.
std::optional<app::Context> load_context(const app::Choices &c, const Global &g, int &rc);

// Notes the estates a run read (Global::locales), so that what it says next, diagnostics
// included, follows the language rule (Global::messages()).
void note_estates(const Global &g, const std::vector<app::Plan> &plans);
void note_estate(const Global &g, const std::optional<app::EstateInput> &in);
// The language of one estate's document: --lang, else the estate's locale.
i18n::Lang output_lang(const Global &g, const estate::Estate &e);
// The language of a run's output (Global::messages()) once its estates are noted.
i18n::Lang output_lang(const Global &g, const std::vector<app::Plan> &plans);

bool is_directory(const std::string &path);

// False, having said why, when "-" (standard input) is among `paths` more than once: the second
// reading would find it empty.
bool stdin_at_most_once(const std::vector<std::string> &paths, const Global &g);

// The files a run read (inputs and data files), which output never goes over.
std::vector<std::string> inputs_of(const app::Context &c, std::vector<std::string> files);

// Writes `data` to -o FILE atomically (refusing to overwrite inputs) or to stdout; exit status.
int emit(const std::string &out_path, const std::string &data, const std::vector<std::string> &inputs, const Global &g);
// A workbook to `out_path` ("" or "-": stdout, which the caller has checked is no terminal).
int emit_xlsx(const std::string &out_path, const doc::Document &d, const std::vector<std::string> &inputs,
              const Global &g);

// A document in a binary format (xlsx, docx, pdf) to `out_path` ("" or "-": stdout); `date`
// stamps the PDF. pm report and pm compare share it.
int emit_binary(const std::string &out_path, const doc::Document &d, const std::string &format, const std::string &date,
                const std::vector<std::string> &inputs, const Global &g);
// Before any work: a binary format is refused on a terminal, and PDF without Chromium, each
// with a usage error said once; true when the output can be written.
bool binary_output_ok(const std::string &format, bool to_stdout, const Global &g);

// Writes `text` to a new FILE (pm init, pm rates init): never over an existing file or link,
// which `exists` (given FILE) reports; "wrote FILE" on stderr; exit status.
int write_new(const std::string &file, const std::string &text, const i18n::Message &exists, const Global &g);

// A document drawn in a text format: table (the terminal), md, csv, html; `colour` for table.
std::string draw(const doc::Document &d, const std::string &format, bool colour = false);
// With --bom, CSV text starts with a UTF-8 byte-order mark: Excel then reads it as UTF-8
// instead of the system's code page (Chinese shows as mojibake without it).
std::string csv_for(const Global &g, const std::string &format, std::string text);

// The format named by -o FILE's extension among `formats`, or "" when it names none of them.
std::string format_of_path(const std::string &path, const std::vector<std::string> &formats);
// The format of a command's output, one rule for every command with -f and -o: -f FORMAT when
// given (whatever -o's extension); else the format -o FILE's extension names among `formats`;
// else `fallback` (the terminal's).
std::string output_format(const std::string &given, bool format_given, const std::string &output,
                          const std::vector<std::string> &formats, const std::string &fallback);

} // namespace pm::cli
