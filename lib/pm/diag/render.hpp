#pragma once
// Diagnostics drawn for people and for tools: GNU-style text (FILE:LINE:COL: error: MESSAGE
// [CODE]), JSON (schemas/diagnostics.schema.json) and GitHub Actions annotations.

#include <pm/diag/diagnostic.hpp>
#include <pm/i18n/lang.hpp>

#include <string>

namespace pm::diag {

// FILE:LINE:COL: error: MESSAGE [CODE], one line each
std::string to_text(const Diagnostics &d, i18n::Lang lang);
// {"diagnostics":[...]} as described by schemas/diagnostics.schema.json
std::string to_json(const Diagnostics &d, i18n::Lang lang);
// ::error file=F,line=L,col=C,title=CODE::MESSAGE
std::string to_github(const Diagnostics &d, i18n::Lang lang);

} // namespace pm::diag
