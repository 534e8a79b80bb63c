#include <pm/yaml/emit.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace pm::yaml {

namespace {

// The scalar `s` quoted where a plain one would change its meaning or break the syntax.
void put_string(YAML::Emitter &out, const std::string &s) {
  if (looks_typed(s)) out << YAML::DoubleQuoted;
  out << s;
}

void put(YAML::Emitter &out, const nlohmann::ordered_json &v, const std::string &pointer, const Comments &c);

void put_after(YAML::Emitter &out, const std::string &pointer, const Comments &c) {
  if (auto it = c.after.find(pointer); it != c.after.end()) out << YAML::Comment(it->second);
}

void put(YAML::Emitter &out, const nlohmann::ordered_json &v, const std::string &pointer, const Comments &c) {
  switch (v.type()) {
  case nlohmann::ordered_json::value_t::object:
    if (v.empty()) {
      out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
      break;
    }
    out << YAML::BeginMap;
    for (const auto &[key, member] : v.items()) {
      std::string p = pointer + "/" + pointer_token(key);
      if (auto it = c.before.find(p); it != c.before.end()) {
        std::string lines;
        for (const auto &l : it->second) lines += (lines.empty() ? "" : "\n") + l;
        out << YAML::Newline << YAML::Comment(lines);
      }
      out << YAML::Key;
      put_string(out, key);
      bool nested = (member.is_object() || member.is_array()) && !member.empty();
      if (nested) put_after(out, p, c);
      out << YAML::Value;
      put(out, member, p, c);
      if (!nested) put_after(out, p, c);
    }
    out << YAML::EndMap;
    break;
  case nlohmann::ordered_json::value_t::array:
    if (v.empty()) {
      out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
      break;
    }
    out << YAML::BeginSeq;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string p = pointer + "/" + std::to_string(i);
      put(out, v[i], p, c);
      if (!v[i].is_object() && !v[i].is_array()) put_after(out, p, c);
    }
    out << YAML::EndSeq;
    break;
  case nlohmann::ordered_json::value_t::string:
    put_string(out, v.get<std::string>());
    break;
  case nlohmann::ordered_json::value_t::boolean:
    out << v.get<bool>();
    break;
  case nlohmann::ordered_json::value_t::number_integer:
    out << v.get<long long>();
    break;
  case nlohmann::ordered_json::value_t::number_unsigned:
    out << v.get<unsigned long long>();
    break;
  case nlohmann::ordered_json::value_t::number_float: {
    // The shortest text that reads back as the same number ("0.9", not "0.90000000000000002").
    double d = v.get<double>();
    std::string s = fmt::format("{}", d);
    if (s.find_first_of(".e") == std::string::npos && std::isfinite(d)) s += ".0";
    out << s;
    break;
  }
  default:
    out << YAML::Null;
  }
}

} // namespace

bool looks_typed(std::string_view s) {
  if (s.empty()) return true;
  std::string lower(s);
  for (auto &ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char *w :
       {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ".inf", "-.inf", "+.inf", ".nan", "<<", "="})
    if (lower == w) return true;
  // Numbers of YAML 1.1 and 1.2 in every base, sexagesimal ("1:20"), and timestamps: anything
  // that reads as a number or a date is quoted ("24h" and "06:00-22:00" stay plain).
  static const std::regex typed(
      R"([-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9_]+([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)");
  return std::regex_match(lower, typed);
}

std::string emit(const nlohmann::ordered_json &value, const Comments &comments) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetMapFormat(YAML::Block);
  out.SetSeqFormat(YAML::Block);
  if (!comments.head.empty()) {
    std::string lines;
    for (const auto &l : comments.head) lines += (lines.empty() ? "" : "\n") + l;
    out << YAML::Comment(lines);
  }
  put(out, value, "", comments);
  std::string text = out.c_str();
  // A file ends with a line break, which yaml-cpp leaves out.
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

namespace {

// The comment at the end of a line: from a '#' after a blank, outside quotes; "" if none.
std::string_view trailing_comment(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quote) {
      if (ch == '\\' && quote == '"')
        ++i;
      else if (ch == quote)
        quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(i);
    }
  }
  return {};
}

// "# text" -> "text" (yaml-cpp adds "# " again).
std::string comment_text(std::string_view c) {
  c.remove_prefix(1);
  if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
  while (!c.empty() && (c.back() == ' ' || c.back() == '\r')) c.remove_suffix(1);
  return std::string(c);
}

nlohmann::ordered_json ordered(const Document &doc, const nlohmann::json &v, const std::string &pointer) {
  if (v.is_object()) {
    std::vector<std::pair<std::pair<int, int>, std::string>> keys;
    for (const auto &[key, member] : v.items()) {
      auto it = doc.positions.find(pointer + "/" + pointer_token(key));
      Position p = it == doc.positions.end() ? Position{} : it->second.key;
      keys.push_back({{p.line, p.column}, key});
    }
    std::sort(keys.begin(), keys.end());
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto &[at, key] : keys) out[key] = ordered(doc, v.at(key), pointer + "/" + pointer_token(key));
    return out;
  }
  if (v.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(ordered(doc, v[i], pointer + "/" + std::to_string(i)));
    return out;
  }
  return nlohmann::ordered_json(v);
}

} // namespace

Commented commented(const Document &doc, std::string_view text) {
  Commented out;
  out.value = ordered(doc, doc.value, "");
  // The member each line starts: of the pointers whose key stands on the line, the leftmost,
  // and of those the deepest ("- type: x" is the item's and its key's line: the key's).
  std::map<int, std::pair<int, std::string>> member_of_line; // line -> (column, pointer)
  for (const auto &[pointer, at] : doc.positions) {
    if (pointer.empty()) continue;
    auto [it, fresh] = member_of_line.try_emplace(at.key.line, at.key.column, pointer);
    if (!fresh && (at.key.column < it->second.first ||
                   (at.key.column == it->second.first && pointer.size() > it->second.second.size())))
      it->second = {at.key.column, pointer};
  }
  std::vector<std::string> pending;
  bool body = false;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    if (line[first] == '#') {
      (body ? pending : out.comments.head).push_back(comment_text(line.substr(first)));
      continue;
    }
    body = true;
    auto it = member_of_line.find(number);
    if (it == member_of_line.end()) continue;
    if (!pending.empty()) out.comments.before[it->second.second] = std::move(pending);
    pending.clear();
    if (auto c = trailing_comment(line); !c.empty()) out.comments.after[it->second.second] = comment_text(c);
  }
  return out;
}

} // namespace pm::yaml
