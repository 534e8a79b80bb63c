// CSV: the document's data as a spreadsheet reads it (RFC 4180: CRLF, fields quoted when they
// hold a comma, quote or line break), text cells neutralised against formula injection.

#include <fmt/format.h>
#include <pm/doc/render.hpp>
#include <pm/util/controls.hpp>

#include <algorithm>

namespace pm::doc {

namespace {
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// -5, +2, 3.50, -1.5%: a spreadsheet reads these as numbers, never as formulas.
bool plain_number(const std::string &s) {
  std::size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0, digits = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      ++digits;
    else if (s[i] == '.' && !point)
      point = true;
    else if (s[i] == '%' && i + 1 == s.size())
      break;
    else
      return false;
  }
  return digits > 0;
}
} // namespace

std::string csv_unquote(const std::string &s) {
  if (s.size() >= 2 && s[0] == '\'' && formula_start(s[1])) return s.substr(1);
  return s;
}

std::string csv_field(const std::string &raw) {
  // No control characters in a file pm writes (the tab is kept, and neutralised if it leads).
  std::string s = util::has_controls(raw) ? util::printable(raw, true) : raw;
  if (!s.empty() && formula_start(s[0]) && !plain_number(s)) return csv_number("'" + s);
  return csv_number(s);
}

std::string csv_number(const std::string &s) {
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
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out += ',';
      if (i >= r.cells.size()) continue;
      const Cell &c = r.cells[i];
      // The doc model knows a number from text: only text is neutralised.
      out += c.number ? csv_number(plain(c, t.columns[i])) : csv_field(c.text);
    }
    out += "\r\n";
  }
}

} // namespace

std::string to_csv(const Document &raw, bool bom) {
  std::optional<Document> clean;
  const Document &d = printable(raw, clean);
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
