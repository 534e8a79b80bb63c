#include <cli/reporters.hpp>

#include <nlohmann/json.hpp>

namespace pm::cli {

namespace {
// One diagnostic, one line: control characters from the data (a "\n" in a quoted value,
// a file name with a line break) are shown escaped instead of breaking the line.
std::string one_line(const std::string &s) {
  std::string o;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n')
      o += "\\n";
    else if (c == '\r')
      o += "\\r";
    else if (c == '\t')
      o += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      static const char hex[] = "0123456789abcdef";
      o += "\\x";
      o += hex[u >> 4];
      o += hex[u & 15];
    } else
      o += c;
  }
  return o;
}
} // namespace

void render_text(std::ostream &out, const diag::Diagnostics &d, bool zh) {
  // Built whole, then written at once: std::cerr is unbuffered, and a file with 200,000
  // unknown keys took 5 s in a million small writes.
  std::string text;
  for (const auto &x : d) {
    text += one_line(x.file);
    if (x.line > 0) {
      text += ':' + std::to_string(x.line);
      if (x.column > 0) text += ':' + std::to_string(x.column);
    }
    text += ": ";
    text += diag::to_string(x.severity);
    text += ": " + one_line(x.text(zh)) + " [" + x.code + "]\n";
  }
  out << text;
}

void render_json(std::ostream &out, const diag::Diagnostics &d, bool zh) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto &x : d) {
    nlohmann::ordered_json j;
    j["file"] = x.file;
    j["line"] = x.line;
    j["column"] = x.column;
    j["severity"] = diag::to_string(x.severity);
    j["code"] = x.code;
    j["message"] = x.text(zh);
    j["pointer"] = x.pointer;
    arr.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["diagnostics"] = std::move(arr);
  // File names need not be UTF-8 (message text always is): replace what isn't, rather than fail.
  out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

namespace {
// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string esc_data(const std::string &s) {
  std::string o;
  for (char c : s) {
    if (c == '%')
      o += "%25";
    else if (c == '\r')
      o += "%0D";
    else if (c == '\n')
      o += "%0A";
    else
      o += c;
  }
  return o;
}
std::string esc_prop(const std::string &s) {
  std::string o;
  for (char c : esc_data(s)) {
    if (c == ':')
      o += "%3A";
    else if (c == ',')
      o += "%2C";
    else
      o += c;
  }
  return o;
}
} // namespace

void render_github(std::ostream &out, const diag::Diagnostics &d, bool zh) {
  for (const auto &x : d) {
    const char *kind = x.severity == diag::Severity::error     ? "error"
                       : x.severity == diag::Severity::warning ? "warning"
                                                               : "notice";
    out << "::" << kind << " file=" << esc_prop(x.file);
    if (x.line > 0) out << ",line=" << x.line;
    if (x.column > 0) out << ",col=" << x.column;
    out << ",title=" << esc_prop(x.code) << "::" << esc_data(x.text(zh)) << "\n";
  }
}

} // namespace pm::cli
