#include <pm/diag/diagnostic.hpp>

#include <algorithm>
#include <tuple>

namespace pm::diag {

const char *to_string(Severity s) {
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::note:
    return "note";
  }
  return "error";
}

void sort(Diagnostics &d) {
  std::stable_sort(d.begin(), d.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
}

bool has_errors(const Diagnostics &d) {
  return std::any_of(d.begin(), d.end(), [](const Diagnostic &x) { return x.severity == Severity::error; });
}

} // namespace pm::diag
