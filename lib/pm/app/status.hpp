#pragma once
// How a run ended, as the library sees it; the command line turns it into an exit status
// (0 ok, 1 invalid data or a failed check, 2 usage or I/O error).

#include <pm/diag/diagnostic.hpp>

#include <algorithm>

namespace pm::app {

enum class Status { ok = 0, invalid = 1, io = 2 };

inline Status worst(Status a, Status b) { return std::max(a, b); }
// invalid when the diagnostics hold an error, else ok.
inline Status status_of(const diag::Diagnostics &d) { return diag::has_errors(d) ? Status::invalid : Status::ok; }

} // namespace pm::app
