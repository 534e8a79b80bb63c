#include <pm/diag/render.hpp>

#include <pm/util/controls.hpp>

#include <nlohmann/json.hpp>

namespace pm::diag {

namespace {
// One diagnostic, one line: control characters from the data (a "\n" in a quoted value,
// a file name with a line break, an escape sequence in a name) are shown escaped instead of
// breaking the line or reaching the terminal.
std::string one_line(const std::string &s) { return util::escape_controls(s); }
} // namespace

std::string to_text(const Diagnostics &d, i18n::Lang lang) {
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
    text += to_string(x.severity);
    text += ": " + one_line(x.text(lang)) + " [" + x.code + "]\n";
  }
  return text;
}

std::string to_json(const Diagnostics &d, i18n::Lang lang) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto &x : d) {
    nlohmann::ordered_json j;
    j["file"] = x.file;
    j["line"] = x.line;
    j["column"] = x.column;
    j["severity"] = to_string(x.severity);
    j["code"] = x.code;
    j["message"] = x.text(lang);
    j["pointer"] = x.pointer;
    arr.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["diagnostics"] = std::move(arr);
  // File names need not be UTF-8 (message text always is): replace what isn't, rather than fail.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {
// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
// Other controls are shown escaped (\x1b), as in the text format.
std::string esc_data(const std::string &raw) {
  std::string s;
  for (std::size_t from = 0;;) {
    std::size_t nl = raw.find_first_of("\r\n", from);
    s += util::escape_controls(
        std::string_view(raw).substr(from, nl == std::string::npos ? std::string::npos : nl - from));
    if (nl == std::string::npos) break;
    s += raw[nl];
    from = nl + 1;
  }
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

std::string to_github(const Diagnostics &d, i18n::Lang lang) {
  std::string out;
  for (const auto &x : d) {
    const char *kind = x.severity == Severity::error ? "error" : x.severity == Severity::warning ? "warning" : "notice";
    out += "::" + std::string(kind) + " file=" + esc_prop(x.file);
    if (x.line > 0) out += ",line=" + std::to_string(x.line);
    if (x.column > 0) out += ",col=" + std::to_string(x.column);
    out += ",title=" + esc_prop(x.code) + "::" + esc_data(x.text(lang)) + "\n";
  }
  return out;
}

} // namespace pm::diag
