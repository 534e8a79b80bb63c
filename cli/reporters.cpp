#include <cli/reporters.hpp>

#include <nlohmann/json.hpp>

namespace pm::cli {

void render_text(std::ostream& out, const diag::Diagnostics& d, bool zh) {
  for (const auto& x : d) {
    out << x.file;
    if (x.line > 0) {
      out << ':' << x.line;
      if (x.column > 0) out << ':' << x.column;
    }
    out << ": " << diag::to_string(x.severity) << ": " << x.text(zh) << " [" << x.code << "]\n";
  }
}

void render_json(std::ostream& out, const diag::Diagnostics& d, bool zh) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& x : d) {
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
  out << root.dump(2) << "\n";
}

namespace {
// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string esc_data(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '%') o += "%25";
    else if (c == '\r') o += "%0D";
    else if (c == '\n') o += "%0A";
    else o += c;
  }
  return o;
}
std::string esc_prop(const std::string& s) {
  std::string o;
  for (char c : esc_data(s)) {
    if (c == ':') o += "%3A";
    else if (c == ',') o += "%2C";
    else o += c;
  }
  return o;
}
} // namespace

void render_github(std::ostream& out, const diag::Diagnostics& d, bool zh) {
  for (const auto& x : d) {
    const char* kind = x.severity == diag::Severity::error ? "error" : x.severity == diag::Severity::warning ? "warning" : "notice";
    out << "::" << kind << " file=" << esc_prop(x.file);
    if (x.line > 0) out << ",line=" << x.line;
    if (x.column > 0) out << ",col=" << x.column;
    out << ",title=" << esc_prop(x.code) << "::" << esc_data(x.text(zh)) << "\n";
  }
}

} // namespace pm::cli
