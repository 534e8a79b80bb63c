#pragma once
// Diagnostics are data: the library returns them, reporters in cli/ render them.

#include <pm/i18n/lang.hpp>

#include <string>
#include <utility>
#include <vector>

namespace pm::diag {

enum class Severity { error, warning, note };

const char *to_string(Severity s);

struct Diagnostic {
  std::string file;
  int line = 0;   // 1-based; 0 when the whole file is meant
  int column = 0; // 1-based; 0 when unknown
  Severity severity = Severity::error;
  std::string code;       // stable, kebab-case, e.g. "unknown-key"
  std::string message;    // English
  std::string message_zh; // Chinese
  std::string pointer;    // JSON Pointer into the document, "" for the root

  const std::string &text(i18n::Lang l) const {
    return l == i18n::Lang::zh && !message_zh.empty() ? message_zh : message;
  }
  const std::string &text(bool zh) const { return text(i18n::lang_of(zh)); }
};

using Diagnostics = std::vector<Diagnostic>;

// A diagnostic whose message comes from the catalogue (i18n::both).
inline Diagnostic make(std::string file, int line, int column, Severity severity, std::string code,
                       const i18n::Text &message, std::string pointer = "") {
  return {std::move(file), line, column, severity, std::move(code), message.en, message.zh, std::move(pointer)};
}

// Sorts by file, then position, then code; stable so equal positions keep discovery order.
void sort(Diagnostics &d);
bool has_errors(const Diagnostics &d);

} // namespace pm::diag
