#pragma once
// CSV (RFC 4180) as spreadsheets save it: records with the line each starts on, quoting with
// embedded commas, quotes and newlines, CRLF, a UTF-8 byte-order mark. Problems are data, placed
// at their line and column; the callers word them (pm roster --check, pm import).

#include <string>
#include <string_view>
#include <vector>

namespace pm::util {

// One record with the line it starts on (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

struct CsvProblem {
  enum class Kind {
    unclosed_quote, // a quoted field is never closed: reading stops there
    after_quote,    // text after a closing quote: the rest of the line is skipped
    stray_quote,    // a quote inside an unquoted field: the record is skipped
  };
  Kind kind = Kind::unclosed_quote;
  int line = 0;   // 1-based
  int column = 0; // 1-based byte offset in the line (of the opening quote, for an unclosed one)
};

struct Csv {
  std::vector<CsvRecord> records; // blank lines and records with a problem left out
  std::vector<CsvProblem> problems;
};

// Splits CSV text into records; malformed quoting is reported at its line and column, and
// parsing goes on at the next line.
Csv parse_csv(std::string_view text);

} // namespace pm::util
