#pragma once
// What every command shows, as a value: a document of sections holding paragraphs, lists,
// tables and charts, in one language. The library builds documents (report/, view/); the
// renderers beside this file draw them as terminal text, Markdown, CSV, HTML, XLSX and JSON.
// Every number a renderer shows comes from here; a new output format is one renderer.

#include <pm/i18n/lang.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pm::doc {

enum class Align { left, right, center };

struct Column {
  std::string id;    // stable, for JSON readers and formula references ("annual")
  std::string label; // in the document's language
  Align align = Align::left;
  int decimals = 0;    // for number cells; -1: as they are (the XLSX "General" format)
  bool wide = false;   // long free text (reasons, bases): renderers may shrink it
  bool lines = false;  // text cells hold lines separated by '\n' (a post's shifts)
  std::string brief{}; // a shorter label, lines separated by '\n', for the terminal ("一\n05")
};

// A cell holds text, or a number shown with its column's decimals. `formula` is used by the
// XLSX writer only:
//   "sum:children"  the body rows under this group row
//   "sum:groups"    the group rows of the table (the body rows when it has none)
//   "sum:body"      every body row of the table
//   otherwise an Excel expression in which {.col} is this row's cell of column `col`, {row.col}
//   the cell of row key `row` in this table, {table/row.col} a cell of another table of the
//   same sheet, and {sheet!table/row.col} a cell of a table of another sheet (by the sheet's id):
//   "ROUND({.annual}/12,2)", "{inputs!budget_inputs/fee.tax_rate.value}". A row key may hold
//   dots; the column is what follows the last one.
// `style` names a class of cell the renderers may mark (HTML class, terminal colour): the shift
// codes of a roster ("e", "m", "n", "d", "o").
struct Cell {
  std::string text;
  std::optional<double> number;
  std::string formula;
  std::string style;

  static Cell of(std::string t) { return Cell{std::move(t), std::nullopt, {}, {}}; }
  static Cell num(double v, std::string f = {}) { return Cell{{}, v, std::move(f), {}}; }
  static Cell styled(std::string t, std::string style) {
    return Cell{std::move(t), std::nullopt, {}, std::move(style)};
  }
};

// A note row is a line of explanation under the row before it (the arithmetic and source of a
// figure): its first cell's text, drawn across the table.
enum class RowKind { body, group, total, note };

struct Row {
  RowKind kind = RowKind::body;
  std::string key; // a stable id (role id, cost line id), "" when none
  std::vector<Cell> cells;
};

struct Table {
  std::string id;      // "staffing", "budget_items"...
  std::string caption; // may be empty
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::string sheet; // XLSX sheet it goes to ("staffing", "roster", "budget"), "" for none
  // Which renderers draw it: a data table is the flat, id-keyed form for CSV (and only CSV);
  // a display table is drawn by every other renderer; a workbook table only by XLSX (the inputs
  // its formulas refer to). CSV writes the document's data tables, or its first table when it
  // has none.
  enum class For { all, data, display, workbook } for_ = For::all;
  bool drawn_as_text() const { return for_ == For::all || for_ == For::display; }
  bool dense = false; // many narrow columns (a roster's days): one space between them in text

  int column(const std::string &col_id) const; // index or -1
  const Row *row(const std::string &key) const;
};

enum class Style { normal, note, warning, source };

struct Paragraph {
  std::string text;
  Style style = Style::normal;
};

struct List {
  bool ordered = false;
  std::vector<std::string> items;
};

// A label and its value, shown as a compact two-column list ("Age: under 45").
struct Facts {
  std::vector<std::pair<std::string, std::string>> items;
};

// An organisation chart: a tree of boxes, each with a title, a line under it, and lines
// listed inside (the roles of a department).
struct OrgNode {
  std::string id;
  std::string parent; // "" for the root
  std::string title;
  std::string detail;
  std::vector<std::string> lines;
};
struct OrgChart {
  std::string id;
  std::string caption;
  std::vector<OrgNode> nodes; // parents before children
};

// A timeline of dated phases (inclusive ISO dates).
struct GanttTask {
  std::string id;
  std::string label;
  std::string from, to;
};
struct Gantt {
  std::string id;
  std::string caption;
  std::vector<GanttTask> tasks;
};

using Block = std::variant<Paragraph, List, Facts, Table, OrgChart, Gantt>;

struct Section {
  std::string id;
  std::string number; // "3", "3.2"
  std::string title;
  std::vector<Block> blocks;
  std::vector<Section> sections;
};

// A sheet of the XLSX workbook: the tables whose `sheet` is `id` go there, under `label`.
struct Sheet {
  std::string id;
  std::string label;
};

struct Document {
  std::string estate_id; // what the document is about ("" for none)
  std::string lang;      // "zh" or "en"
  std::string title;
  std::string subtitle;
  std::string date;                                        // "" unless given
  std::vector<std::pair<std::string, std::string>> inputs; // {"norms", "cn-standard"}, ...
  std::vector<Paragraph> notices;                          // illustrative figures and the like
  // The cover page's facts in order (client, estate, consultant, date, version), only those
  // given. A document with a cover is a proposal: HTML, DOCX and PDF give it a cover page, a
  // table of contents, page numbers and a running header (`running`, else the title).
  std::vector<std::pair<std::string, std::string>> cover;
  std::string running;
  std::vector<Section> sections;
  std::string footer;        // a closing line ("" for none)
  std::vector<Sheet> sheets; // XLSX sheets in order; tables of other sheets are not written there

  bool zh() const { return lang == "zh"; }
  i18n::Lang language() const { return i18n::of_locale(lang); }
  // Depth-first search for a table by id; nullptr when absent.
  const Table *table(const std::string &id) const;
};

// Text of a number cell as every renderer shows it: thousands grouped, the column's decimals.
std::string format_cell(const Cell &c, const Column &col);

} // namespace pm::doc
