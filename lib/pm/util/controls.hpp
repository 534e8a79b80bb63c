#pragma once
// Control characters from the data (an estate's name, a norms file's title, a file name) kept
// away from terminals and files: an escape sequence in a name would otherwise retitle or
// clear the terminal, and a NUL or other C0 control is not text (XML 1.0 forbids most of them).

#include <string>
#include <string_view>

namespace pm::util {

// Whether s holds a C0 control other than line feed and tab, DEL, or a C1 control (U+0080 to
// U+009F, which 8-bit terminals read as ESC sequences).
bool has_controls(std::string_view s);

// s without those controls, and with tabs as spaces (or kept, with `keep_tabs`): text as
// documents show it. Line feeds stay.
std::string printable(std::string_view s, bool keep_tabs = false);

// s on one line with every control shown escaped: "\n", "\r", "\t", "\x1b", "\u009b". For
// messages and diagnostics.
std::string escape_controls(std::string_view s);

} // namespace pm::util
