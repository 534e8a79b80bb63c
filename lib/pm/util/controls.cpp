#include <pm/util/controls.hpp>

namespace pm::util {

namespace {
// The length of the control character at s[i] (1 for C0 or DEL, 2 for a C1 in UTF-8), or 0.
std::size_t control_at(std::string_view s, std::size_t i) {
  auto u = static_cast<unsigned char>(s[i]);
  if (u < 0x20 || u == 0x7f) return 1;
  if (u == 0xc2 && i + 1 < s.size()) {
    auto v = static_cast<unsigned char>(s[i + 1]);
    if (v >= 0x80 && v <= 0x9f) return 2;
  }
  return 0;
}
} // namespace

bool has_controls(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] != '\n' && control_at(s, i)) return true;
  return false;
}

std::string printable(std::string_view s, bool keep_tabs) {
  std::string o;
  o.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = s[i] == '\n' || (keep_tabs && s[i] == '\t') ? 0 : control_at(s, i);
    if (n == 0) {
      o += s[i++];
      continue;
    }
    if (s[i] == '\t') o += ' ';
    i += n;
  }
  return o;
}

std::string escape_controls(std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  std::string o;
  o.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = control_at(s, i);
    auto u = static_cast<unsigned char>(s[i]);
    if (n == 0) {
      o += s[i++];
    } else if (s[i] == '\n') {
      o += "\\n", ++i;
    } else if (s[i] == '\r') {
      o += "\\r", ++i;
    } else if (s[i] == '\t') {
      o += "\\t", ++i;
    } else if (n == 1) {
      o += "\\x";
      o += hex[u >> 4];
      o += hex[u & 15];
      ++i;
    } else {
      auto v = static_cast<unsigned char>(s[i + 1]);
      o += "\\u00";
      o += hex[v >> 4];
      o += hex[v & 15];
      i += 2;
    }
  }
  return o;
}

} // namespace pm::util
