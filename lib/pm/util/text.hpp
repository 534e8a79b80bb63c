#pragma once
// Text helpers that know nothing of property management.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pm::util {

// Position of the first byte that is not valid UTF-8 (or is NUL), if any.
struct BadByte {
  std::size_t offset;
  int line;   // 1-based
  int column; // 1-based, in characters
  bool nul;
};
std::optional<BadByte> find_bad_utf8(std::string_view s);
// Text in GB18030 (what Chinese Excel and WPS save CSV as) as UTF-8; nullopt when it isn't
// valid GB18030 either.
std::optional<std::string> gb18030_to_utf8(std::string_view s);

// Whether every byte is ASCII.
bool is_ascii(std::string_view s);
// The form in which two names are compared: Unicode NFKC (utf8proc), so that a precomposed
// "é" and "e" + U+0301, or a decomposed Hangul or CJK compatibility form, and full-width
// "１号楼" and "1号楼", are one name. Not used to rewrite what a file says. Invalid UTF-8
// comes back unchanged.
std::string fold(std::string_view s);

// Number of terminal columns the UTF-8 string takes (East Asian wide = 2).
std::size_t display_width(std::string_view s);
// Pads s with spaces to `width` columns (left aligned, or right aligned).
std::string pad(std::string_view s, std::size_t width, bool right = false);

// Levenshtein distance; a distance above `bound` may be reported as bound + 1 (work stops there).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound = SIZE_MAX);
// The candidate closest to `word`, if close enough to be a likely misspelling.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string> &candidates);

// The first `max_chars` characters of s and, when it is longer, "…(+N)" for the N left out:
// so that a value of megabytes quoted in a message stays readable.
std::string abbreviate(std::string_view s, std::size_t max_chars = 80);

// Formats a number without trailing zeros ("145000", "0.5", "2.43").
std::string format_number(double v, int max_decimals = 2);
// Groups thousands with commas: 145000 -> "145,000".
std::string group_thousands(double v, int decimals = 0);

bool ends_with(std::string_view s, std::string_view suffix);
// Replaces every `from` in s by `to`, left to right, never inside text just put in.
void replace_all(std::string &s, std::string_view from, std::string_view to);
bool starts_with(std::string_view s, std::string_view prefix);

} // namespace pm::util
