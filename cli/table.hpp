#pragma once
// Plain-text tables that stay aligned with Chinese text (wide characters take two columns).

#include <string>
#include <vector>

namespace pm::cli {

class Table {
public:
  explicit Table(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void row(std::vector<std::string> cells);
  void rule();                 // a horizontal line between rows
  void note(std::string text); // a full-width line that does not widen the columns
  std::string str() const;

private:
  std::vector<std::string> m_header;
  std::vector<bool> m_right;
  std::vector<std::vector<std::string>> m_rows; // an empty row is a rule
  std::vector<std::string> m_notes;             // by row index: a note row's text
};

// Markdown table with escaped pipes.
std::string markdown_table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows,
                           const std::vector<bool> &right_aligned = {});
// One CSV field, quoted as RFC 4180 requires.
std::string csv_field(const std::string &s);
std::string csv_row(const std::vector<std::string> &cells);

} // namespace pm::cli
