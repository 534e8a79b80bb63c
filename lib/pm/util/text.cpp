#include <pm/util/text.hpp>

#include <cerrno>
#include <iconv.h>
#include <utf8proc.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace pm::util {

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string fold(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  utf8proc_uint8_t *out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n < 0) return std::string(s);
  std::string r(reinterpret_cast<const char *>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

namespace {

// Decodes one code point; returns its length, or 0 when the bytes are not valid UTF-8.
std::size_t decode(std::string_view s, std::size_t i, char32_t &cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

} // namespace

std::optional<BadByte> find_bad_utf8(std::string_view s) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\0') return BadByte{i, line, col, true};
    char32_t cp;
    std::size_t n = decode(s, i, cp);
    if (n == 0) return BadByte{i, line, col, false};
    if (cp == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += n;
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t n = decode(s, i, cp);
    if (n == 0) {
      ++w;
      ++i;
      continue;
    }
    // Combining marks and zero-width characters take no column.
    if (!((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0x200D || cp == 0xFE0F)) w += is_wide(cp) ? 2 : 1;
    i += n;
  }
  return w;
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  std::size_t w = display_width(s);
  std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  // Rows on the stack for the usual short words: this runs once per candidate per unknown key.
  std::size_t stack_prev[64], stack_cur[64];
  std::vector<std::size_t> heap_prev, heap_cur;
  std::size_t *prev = stack_prev;
  std::size_t *cur = stack_cur;
  if (b.size() + 1 > 64) {
    heap_prev.resize(b.size() + 1);
    heap_cur.resize(b.size() + 1);
    prev = heap_prev.data();
    cur = heap_cur.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t d = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      cur[j] = d;
      if (d < row_min) row_min = d;
    }
    // Rows never decrease their minimum: once it passes the bound, so will the distance.
    if (row_min > bound) return bound + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string> &candidates) {
  // A third of the word's length, at least 1 and at most 3 edits, reads as a typo.
  std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t best_d = 0;
  for (const auto &c : candidates) {
    // The distance is at least the difference in length: skip what can't be close, so that
    // a key of megabytes costs no megabytes × candidates of work.
    std::size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap > limit) continue;
    std::size_t d = edit_distance(word, c, limit);
    if (!best || d < best_d) {
      best = c;
      best_d = d;
    }
  }
  if (best && best_d <= limit) return best;
  return std::nullopt;
}

std::string abbreviate(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue; // inside a character
    if (chars == max_chars) break;
    ++chars;
  }
  if (i >= s.size()) return std::string(s);
  std::size_t rest = 0;
  for (std::size_t j = i; j < s.size(); ++j)
    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) ++rest;
  return std::string(s.substr(0, i)) + "…(+" + std::to_string(rest) + ")";
}

namespace {
// "%.*f" of any finite double: up to 309 digits before the point, which a fixed buffer of 64
// would cut short (a number as large as 1e300 in a data file printed as its first 63 digits).
std::string printf_fixed(double v, int decimals) {
  // The largest double has 309 digits before the point; decimals are kept to 20.
  return fmt::format("{:.{}f}", v, std::clamp(decimals, 0, 20));
}
} // namespace

std::string format_number(double v, int max_decimals) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v < 0 ? "-Infinity" : "Infinity");
  // Beyond what a double holds exactly, its digits mean nothing: 1e+300, not 301 digits.
  if (std::fabs(v) >= 1e16) {
    return fmt::format("{:.6g}", v);
  }
  std::string s = printf_fixed(v, max_decimals);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string group_thousands(double v, int decimals) {
  if (!std::isfinite(v) || std::fabs(v) >= 1e16) return format_number(v);
  std::string s = printf_fixed(v, decimals);
  // "-0" and "-0.00" read as zero.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  std::size_t dot = s.find('.');
  std::size_t end = dot == std::string::npos ? s.size() : dot;
  std::size_t start = (s[0] == '-') ? 1 : 0;
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    out += s[i];
    std::size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += s.substr(end);
  return out;
}

void replace_all(std::string &s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::optional<std::string> gb18030_to_utf8(std::string_view s) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(s.size() * 2 + 16, '\0'); // a GB18030 character is at most 4 bytes, UTF-8 at most 4
  char *in = const_cast<char *>(s.data());
  std::size_t in_left = s.size(), out_left = out.size();
  char *o = out.data();
  bool ok = true;
  while (in_left > 0 && ok) {
    if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        std::size_t used = static_cast<std::size_t>(o - out.data());
        out.resize(out.size() * 2);
        o = out.data() + used;
        out_left = out.size() - used;
      } else {
        ok = false; // EILSEQ or EINVAL: not GB18030
      }
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

} // namespace pm::util
