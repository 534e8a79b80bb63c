#pragma once
// Renderers of documents. They return the bytes (or write a file for XLSX) and never print:
// the command line decides where output goes.

#include <pm/doc/document.hpp>
#include <pm/i18n/lang.hpp>
#include <pm/util/file.hpp>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::doc {

// Text for a terminal: tables aligned in display columns (a Chinese character takes two), notes
// under their rows, headings numbered. With `colour`, styled cells get ANSI colours.
struct TextOptions {
  bool colour = false;
};
std::string to_text(const Document &d, TextOptions o = {});

// CSV (RFC 4180, CRLF): the data tables (or the first table), each with a header of column ids
// and numbers without grouping. With `bom`, a UTF-8 byte-order mark first (for Excel).
std::string to_csv(const Document &d, bool bom = false);

// `d` itself when no text of it holds a control character (util::has_controls), else a copy
// without them put in `storage`: each renderer draws what this gives.
const Document &printable(const Document &d, std::optional<Document> &storage);
// One CSV field, quoted as RFC 4180 requires, and a row of them.
// A text cell: quoted when it holds a comma, quote or line break, and neutralised against
// formula injection as OWASP recommends: a cell that starts with =, +, -, @, tab or carriage
// return gets a ' before it, so that a spreadsheet shows it as text instead of running it
// (=HYPERLINK(...) in a staff name). A cell that is a plain number (-5, +2, 3.5%) is left
// as it is: a spreadsheet reads it as that number and nothing else.
std::string csv_field(const std::string &s);
// A number pm wrote: quoted only as any field, never neutralised (-5 stays a number).
std::string csv_number(const std::string &s);
// Text cells (csv_field each).
std::string csv_row(const std::vector<std::string> &cells);
// A field read back: without the ' that csv_field put before it.
std::string csv_unquote(const std::string &s);

// Markdown with pipe tables (pandoc converts it to DOCX with real tables) and Mermaid
// diagrams for the org chart and the programme.
std::string to_markdown(const Document &d);

// One self-contained HTML file: inline CSS and SVG, no scripts or external resources, a print
// stylesheet for A4.
std::string to_html(const Document &d);

// The org chart and timeline as standalone SVG elements (used by to_html).
std::string org_chart_svg(const OrgChart &c);
std::string gantt_svg(const Gantt &g, bool zh);

// The document's data as JSON (the shape of schemas/report.schema.json, without its summary).
nlohmann::ordered_json to_json(const Document &d);

// XLSX: the document's sheets (Document::sheets), each holding the tables of that sheet, with
// formulas for totals. `write_xlsx` writes a
// temporary file beside `path` and renames it over `path`, so a failure leaves nothing behind;
// it refuses to write over any of `inputs`. `xlsx_bytes` returns the file's bytes (for stdout).
// A failure is said in both languages.
util::Expected<bool, i18n::Text> write_xlsx(const Document &d, const std::string &path,
                                            const std::vector<std::string> &inputs = {});
util::Expected<std::string, i18n::Text> xlsx_bytes(const Document &d);

// DOCX (Word) as bytes: Word styles (Title, Heading 1-4, Caption, notes), tables fitted to A4
// with their header row repeated on each page, the org chart and timeline as PNG images (drawn
// from their SVG by librsvg), a cover page, a table-of-contents field with its entries written
// out, the running title in the header and "Page N of M" in the footer. Fixed timestamps: the
// same document gives the same bytes.
std::string to_docx(const Document &d);

// Escaping, exposed for tests.
std::string html_escape(const std::string &s);
std::string markdown_escape(const std::string &s);

} // namespace pm::doc
