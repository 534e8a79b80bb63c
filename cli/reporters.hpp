#pragma once
// Renderers for diagnostics: GNU text on stderr, JSON or GitHub annotations on stdout.

#include <pm/diag/diagnostic.hpp>

#include <ostream>
#include <string>

namespace pm::cli {

enum class DiagFormat { text, json, github };

// FILE:LINE:COL: error: MESSAGE [CODE]
void render_text(std::ostream &out, const diag::Diagnostics &d, bool zh);
// {"diagnostics":[...]} as described by schemas/diagnostics.schema.json
void render_json(std::ostream &out, const diag::Diagnostics &d, bool zh);
// ::error file=F,line=L,col=C,title=CODE::MESSAGE
void render_github(std::ostream &out, const diag::Diagnostics &d, bool zh);

} // namespace pm::cli
