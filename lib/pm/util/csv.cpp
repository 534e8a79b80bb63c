#include <pm/util/csv.hpp>

namespace pm::util {

Csv parse_csv(std::string_view text) {
  Csv out;
  std::vector<CsvRecord> &records = out.records;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // spreadsheets write a BOM
  std::size_t i = 0;
  int line = 1;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool bad = false;
    std::size_t line_start = i;
    while (true) {
      if (i < n && text[i] == '"') {
        ++i;
        bool closed = false;
        int open_line = line;
        std::size_t open_col = i - line_start;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line;
            line_start = i + 1;
          }
          field += c;
          ++i;
        }
        if (!closed) {
          out.problems.push_back({CsvProblem::Kind::unclosed_quote, open_line, static_cast<int>(open_col)});
          return out;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          out.problems.push_back({CsvProblem::Kind::after_quote, line, static_cast<int>(i - line_start + 1)});
          bad = true;
          while (i < n && text[i] != '\n') ++i;
          break;
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"' && !bad) {
            out.problems.push_back({CsvProblem::Kind::stray_quote, line, static_cast<int>(i - line_start + 1)});
            bad = true;
          }
          field += text[i++];
        }
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
    bool empty = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!bad && !empty) records.push_back(std::move(rec));
  }
  return out;
}

} // namespace pm::util
