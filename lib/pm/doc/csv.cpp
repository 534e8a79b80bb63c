// CSV: the document's data as a spreadsheet reads it (RFC 4180: CRLF, fields quoted when they
// hold a comma, quote or line break).

#include <fmt/format.h>
#include <pm/doc/render.hpp>

#include <algorithm>

namespace pm::doc {

std::string csv_field(const std::string &s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"')
      o += "\"\"";
    else
      o += c;
  }
  return o + "\"";
}

std::string csv_row(const std::vector<std::string> &cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_field(cells[i]);
  }
  return out + "\r\n";
}

namespace {

template <typename F> void for_each_table(const std::vector<Section> &sections, const F &f) {
  for (const auto &s : sections) {
    for (const auto &b : s.blocks)
      if (const auto *t = std::get_if<Table>(&b)) f(*t);
    for_each_table(s.sections, f);
  }
}

// A number as a spreadsheet reads it: the column's decimals, no grouping.
std::string plain(const Cell &c, const Column &col) {
  if (!c.number) return c.text;
  std::string s = fmt::format("{:.{}f}", *c.number, std::max(col.decimals, 0));
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1); // no "-0.00"
  return s;
}

void csv_table(std::string &out, const Table &t) {
  std::vector<std::string> cells;
  for (const auto &c : t.columns) cells.push_back(c.id);
  out += csv_row(cells);
  for (const auto &r : t.rows) {
    if (r.kind == RowKind::note) continue;
    cells.clear();
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      cells.push_back(i < r.cells.size() ? plain(r.cells[i], t.columns[i]) : std::string());
    out += csv_row(cells);
  }
}

} // namespace

std::string to_csv(const Document &d, bool bom) {
  std::vector<const Table *> data, all;
  for_each_table(d.sections, [&](const Table &t) {
    if (t.for_ == Table::For::workbook) return; // its figures are in the display tables
    all.push_back(&t);
    if (t.for_ == Table::For::data) data.push_back(&t);
  });
  if (data.empty() && !all.empty()) data.push_back(all.front());
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const Table *t : data) csv_table(out, *t);
  return out;
}

} // namespace pm::doc
