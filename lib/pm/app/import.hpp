#pragma once
// pm import: a city's estate ledger (台账, a spreadsheet saved as CSV) as estate files, one per
// row. Every file is written in memory and validated there; the caller writes them only when
// the whole ledger is clean (man pm-import(1) lists the columns and the diagnostics).

#include <pm/app/context.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pm::app {

struct ImportedEstate {
  std::string path; // DIR/ID.yaml
  std::string id;
  std::string text; // the estate file, as pm validate accepts it
  int line = 0;     // the ledger line its row starts on
};

struct Imported {
  diag::Diagnostics diagnostics;       // at LEDGER:LINE:COLUMN (the cell's column number)
  std::vector<ImportedEstate> estates; // in the ledger's order; empty when any row is invalid
  bool ok() const { return !diag::has_errors(diagnostics); }
};

// Reads the ledger's bytes (UTF-8 with or without a byte-order mark, or GB18030); `ledger` names
// it in messages and in the files' headers, `dir` is where the files are to go, `lang` the
// language of the files' comments.
Imported import_ledger(const Context &c, std::string_view bytes, const std::string &ledger, const std::string &dir,
                       i18n::Lang lang);

} // namespace pm::app
