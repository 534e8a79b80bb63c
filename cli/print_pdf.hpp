#pragma once
// PDF output: the HTML report printed by headless Chromium (pm report -f pdf).

#include <string>

namespace pm::cli {

// Chromium's path: $PM_CHROMIUM when set (it must be executable), else `chromium` on PATH; ""
// when there is none.
std::string find_chromium();

// Prints `html` to PDF with `chromium` (a throwaway profile in a temporary directory, no
// browser header or footer: the page's own print stylesheet numbers the pages). The PDF's
// creation and modification dates are set to `date` (YYYY-MM-DD), else 1980-01-01, so the same
// input gives the same bytes. False with `why` (Chromium's last error lines) on failure.
bool print_pdf(const std::string &chromium, const std::string &html, const std::string &date, std::string &pdf,
               std::string &why);

} // namespace pm::cli
