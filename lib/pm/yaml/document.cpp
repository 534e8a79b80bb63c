#include <pm/util/text.hpp>
#include <pm/yaml/document.hpp>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <vector>

namespace pm::yaml {

using nlohmann::json;

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

Position Document::position(std::string pointer, bool prefer_key) const {
  for (;;) {
    auto it = positions.find(pointer);
    if (it != positions.end()) return prefer_key ? it->second.key : it->second.value;
    if (pointer.empty()) return {1, 1};
    pointer.erase(pointer.rfind('/'));
  }
}

namespace {

struct LimitExceeded {
  std::string what;
  YAML::Mark mark;       // the value that went over the limit
  bool pointers = false; // the paths to the values, not their number, went over
};

// A syntax error yaml-cpp itself lets through.
struct SyntaxError {
  YAML::Mark mark;
  std::string en, zh;
};

// Whether the quoted scalar that opens at `pos` is closed. yaml-cpp accepts a quoted
// scalar that runs to the end of the file when a line break follows the opening quote,
// which would silently swallow the rest of the file into one text.
bool quote_closed(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  char q = text[pos];
  if (q != '"' && q != '\'') return true; // not at a quote: nothing to check
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\')
      ++i;
    else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
        ++i; // '' inside '...'
      else
        return true;
    }
  }
  return false;
}

enum class NonFinite { no, nan, infinite, too_large };

// Character-class matchers for the YAML 1.2 core schema. Hand-written, not std::regex:
// libstdc++'s regex recurses once per character and overflows the stack on a scalar of a
// few megabytes of digits (found by fuzzing).
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::size_t skip_sign(std::string_view v) { return !v.empty() && (v[0] == '-' || v[0] == '+') ? 1 : 0; }

// ^[-+]?[0-9]+$
bool is_int(std::string_view v) {
  std::size_t i = skip_sign(v);
  if (i == v.size()) return false;
  for (; i < v.size(); ++i)
    if (!is_digit(v[i])) return false;
  return true;
}

// ^0x[0-9a-fA-F]+$
bool is_hex_int(std::string_view v) {
  if (v.size() < 3 || v[0] != '0' || v[1] != 'x') return false;
  for (std::size_t i = 2; i < v.size(); ++i)
    if (!is_hex(v[i])) return false;
  return true;
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool is_float(std::string_view v) {
  std::size_t i = skip_sign(v), n = v.size();
  auto digits = [&] {
    std::size_t start = i;
    while (i < n && is_digit(v[i])) ++i;
    return i - start;
  };
  if (i < n && v[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < n && v[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < n && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < n && (v[i] == '-' || v[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == n;
}

// ^[-+]?\.(inf|Inf|INF)$
bool is_inf(std::string_view v) {
  v.remove_prefix(skip_sign(v));
  return v == ".inf" || v == ".Inf" || v == ".INF";
}

// ^\.(nan|NaN|NAN)$
bool is_nan(std::string_view v) { return v == ".nan" || v == ".NaN" || v == ".NAN"; }

// Resolves a plain scalar by the YAML 1.2 core schema; quoted scalars stay strings.
json resolve_plain(const std::string &v, NonFinite &non_finite) {
  non_finite = NonFinite::no;
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return nullptr;
  if (v == "true" || v == "True" || v == "TRUE") return true;
  if (v == "false" || v == "False" || v == "FALSE") return false;
  if (is_int(v)) {
    errno = 0;
    char *end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (errno != ERANGE) return n;
    // Too big for an integer: keep it as a (still integral) double so range checks see it.
    double d = std::strtod(v.c_str(), nullptr);
    if (!std::isfinite(d)) non_finite = NonFinite::too_large;
    return d;
  }
  if (is_hex_int(v)) {
    errno = 0;
    long long n = std::strtoll(v.c_str(), nullptr, 16);
    if (errno != ERANGE) return n;
    double d = std::strtod(v.c_str(), nullptr); // strtod reads hex too
    if (!std::isfinite(d)) non_finite = NonFinite::too_large;
    return d;
  }
  if (is_float(v)) {
    double d = std::strtod(v.c_str(), nullptr);
    if (!std::isfinite(d)) non_finite = NonFinite::too_large;
    return d;
  }
  if (is_inf(v)) {
    non_finite = NonFinite::infinite;
    return v[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  if (is_nan(v)) {
    non_finite = NonFinite::nan;
    return std::nan("");
  }
  return v;
}

class Builder : public YAML::EventHandler {
public:
  Builder(Document &doc, std::string_view text, const Limits &limits) : m_doc(doc), m_text(text), m_limits(limits) {
    // Byte offsets of line starts, to turn yaml-cpp's byte marks into character columns.
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') m_line_starts.push_back(i + 1);
  }

  bool finished() const { return m_done; }
  int documents() const { return m_documents; }
  std::size_t depth() const { return m_stack.size(); }
  // Where the innermost list or mapping that is still open starts, and whether it is a mapping.
  Position innermost() const { return m_stack.empty() ? Position{1, 1} : m_stack.back().start; }
  bool innermost_is_map() const { return !m_stack.empty() && m_stack.back().is_map; }

  Position to_position(const YAML::Mark &m) const {
    if (m.is_null() || m.line < 0) return {1, 1};
    std::size_t line = static_cast<std::size_t>(m.line);
    if (line >= m_line_starts.size() || m.pos < 0) return {m.line + 1, m.column + 1};
    std::size_t start = m_line_starts[line];
    std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(m.pos), m_text.size());
    if (end < start) end = start;
    // Marks mostly move forward along a line: count on from the last one, so that a long
    // line of many values ([1, 1, 1, ...] on one line) costs linear time, not quadratic.
    std::size_t from = start;
    int col = 1;
    if (m_col_line == line && m_col_pos >= start && m_col_pos <= end) {
      from = m_col_pos;
      col = m_col;
    }
    for (std::size_t i = from; i < end; ++i)
      if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++col;
    m_col_line = line;
    m_col_pos = end;
    m_col = col;
    return {m.line + 1, col};
  }

  void OnDocumentStart(const YAML::Mark &) override { ++m_documents; }
  void OnDocumentEnd() override { m_done = true; }

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { add_value(mark, nullptr, anchor); }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    // An alias inside the list or mapping its anchor names ("&a [1, *a]") would be an endless
    // value; it is not yet in m_anchors and became null without a word.
    for (const Frame &f : m_stack)
      if (f.anchor == anchor)
        throw SyntaxError{mark, "this alias refers to the list or mapping that holds it, which would never end",
                          "此别名引用了包含它自身的列表或映射，将无穷无尽"};
    auto it = m_anchors.find(anchor);
    // Count what the alias expands to before copying it, so a "billion laughs" stops early.
    std::size_t nodes = it == m_anchors.end() ? 1 : it->second.nodes;
    count(nodes, mark);
    json v = it == m_anchors.end() ? json(nullptr) : it->second.value;
    if (!m_stack.empty() && m_stack.back().is_map && !m_stack.back().has_key) {
      error(to_position(mark), "alias-key", "an alias cannot be used as a key", "别名不能用作键");
      // A placeholder key, dropped with its value (like a complex key), so that the value
      // is not reported again as an unknown key '*'.
      m_stack.back().has_key = true;
      m_stack.back().key = "*";
      m_stack.back().key_pos = to_position(mark);
      m_stack.back().duplicate = true;
      return;
    }
    add_value(mark, std::move(v), 0, nodes);
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    count(1, mark);
    if (tag != "?" && mark.pos >= 0 && !quote_closed(m_text, static_cast<std::size_t>(mark.pos)))
      throw SyntaxError{mark, "the quoted text that starts here has no closing quote",
                        "从此处开始的引号文字没有闭合的引号"};
    Position pos = to_position(mark);
    if (!m_stack.empty() && m_stack.back().is_map && !m_stack.back().has_key) {
      Frame &f = m_stack.back();
      if (f.block && tag == "?") require_colon(mark, value);
      f.has_key = true;
      f.key = value;
      f.key_pos = pos;
      auto first = f.seen.find(value);
      if (first != f.seen.end()) {
        error(pos, "duplicate-key",
              "duplicate key '" + util::abbreviate(value) + "' (first given at line " +
                  std::to_string(first->second.line) + ")",
              "重复的键 '" + util::abbreviate(value) + "'（第一次出现在第 " + std::to_string(first->second.line) +
                  " 行）");
        f.duplicate = true;
      } else {
        f.seen.emplace(value, pos);
        f.duplicate = false;
      }
      return;
    }
    json v;
    if (tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      NonFinite non_finite = NonFinite::no;
      v = resolve_plain(value, non_finite);
      if (non_finite != NonFinite::no) {
        if (non_finite == NonFinite::nan)
          error(pos, "not-finite", "'" + value + "' means \"not a number\"; write an ordinary number",
                "'" + value + "' 表示“非数值”；请填写普通数字");
        else if (non_finite == NonFinite::infinite)
          error(pos, "not-finite", "'" + value + "' means infinity; write an ordinary number",
                "'" + value + "' 表示无穷大；请填写普通数字");
        else
          error(pos, "not-finite",
                "the number " + util::abbreviate(value) + " is too large to use; write an ordinary number",
                "数值 " + util::abbreviate(value) + " 过大，无法使用；请填写普通数字");
        m_doc.diagnostics.back().pointer = child_pointer();
        m_bad_pointers.push_back(child_pointer());
      }
    } else {
      v = value;
    }
    add_value(mark, std::move(v), anchor);
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    count(1, mark);
    open(mark, json::array(), anchor, false);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    count(1, mark);
    open(mark, json::object(), anchor, true);
    m_stack.back().block = style != YAML::EmitterStyle::Flow;
  }
  void OnMapEnd() override { close(); }

  json take_root() { return std::move(m_root); }
  std::vector<std::string> bad_pointers() const { return m_bad_pointers; }

private:
  struct Frame {
    json value;
    bool is_map = false;
    bool block = false; // a block mapping (not {...})
    bool has_key = false;
    bool duplicate = false;
    bool complex_key = false;
    std::string key;
    Position key_pos;
    Position start; // where the list or mapping starts
    std::string pointer;
    YAML::anchor_t anchor = 0;
    std::map<std::string, Position> seen;
    std::size_t nodes = 1; // values in this subtree, itself included
  };
  struct Anchored {
    json value;
    std::size_t nodes = 1;
  };

  void count(std::size_t n, const YAML::Mark &mark) {
    m_last_mark = mark;
    m_nodes += n;
    if (m_nodes > m_limits.max_nodes)
      throw LimitExceeded{"more than " + std::to_string(m_limits.max_nodes) + " values", mark};
  }

  // yaml-cpp reads a line of a block mapping that has no ':' ("foo" alone) as a key with
  // no value; YAML does not allow it. `pos` is where the plain key starts.
  void require_colon(const YAML::Mark &mark, const std::string &key) const {
    if (mark.pos < 0) return;
    std::size_t pos = static_cast<std::size_t>(mark.pos);
    if (pos + key.size() > m_text.size() || m_text.substr(pos, key.size()) != key) return;
    std::size_t before = pos;
    while (before > 0 && (m_text[before - 1] == ' ' || m_text[before - 1] == '\t')) --before;
    if (before > 0 && m_text[before - 1] == '?') return; // an explicit "? key" may stand alone
    std::size_t after = pos + key.size();
    while (after < m_text.size() && (m_text[after] == ' ' || m_text[after] == '\t')) ++after;
    if (after < m_text.size() && m_text[after] == ':') return;
    throw SyntaxError{mark,
                      "'" + util::abbreviate(key) + "' is neither 'key: value' nor a '- ' list item; is a ':' missing?",
                      "'" + util::abbreviate(key) + "' 既不是“键: 值”，也不是 '- ' 列表项；是否缺少 ':'？"};
  }

  void error(Position p, std::string code, std::string en, std::string zh) {
    m_doc.diagnostics.push_back(
        {m_doc.file, p.line, p.column, diag::Severity::error, std::move(code), std::move(en), std::move(zh), ""});
  }

  std::string child_pointer() {
    if (m_stack.empty()) return "";
    const Frame &f = m_stack.back();
    std::string p =
        f.is_map ? f.pointer + "/" + pointer_token(f.key) : f.pointer + "/" + std::to_string(f.value.size());
    // Every value remembers its JSON Pointer, so long keys nested deep above many values cost
    // their length once per value: bound the total, or a 4 kB chain of keys over a million
    // short values would take gigabytes (found while hardening).
    m_pointer_bytes += p.size();
    if (m_pointer_bytes > m_limits.max_pointer_bytes) throw LimitExceeded{"keys nested too long", m_last_mark, true};
    return p;
  }

  // A non-scalar in key position: YAML allows it, JSON does not.
  bool key_position() const { return !m_stack.empty() && m_stack.back().is_map && !m_stack.back().has_key; }

  void open(const YAML::Mark &mark, json v, YAML::anchor_t anchor, bool is_map) {
    Frame f;
    f.start = to_position(mark);
    f.complex_key = key_position();
    if (f.complex_key) {
      error(to_position(mark), "complex-key", "a key must be a plain word, not a list or a mapping",
            "键必须是普通文字，不能是列表或映射");
      f.pointer = m_stack.back().pointer + "/?";
    } else {
      f.pointer = child_pointer();
      Position p = to_position(mark);
      Position kp = p;
      if (!m_stack.empty() && m_stack.back().is_map) kp = m_stack.back().key_pos;
      m_doc.positions.emplace(f.pointer, Located{kp, p});
    }
    f.value = std::move(v);
    f.is_map = is_map;
    f.anchor = anchor;
    m_stack.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    if (f.anchor) m_anchors[f.anchor] = Anchored{f.value, f.nodes};
    if (f.complex_key) {
      // Use a placeholder key so the mapping stays well formed.
      m_stack.back().has_key = true;
      m_stack.back().key = "?";
      m_stack.back().duplicate = true;
      return;
    }
    insert(std::move(f.value), f.nodes);
  }

  void add_value(const YAML::Mark &mark, json v, YAML::anchor_t anchor, std::size_t nodes = 1) {
    if (key_position()) { // a null key, e.g. "? " alone
      Frame &f = m_stack.back();
      f.has_key = true;
      f.key = "";
      f.key_pos = to_position(mark);
      f.duplicate = f.seen.count("") != 0;
      f.seen.emplace("", f.key_pos);
      return;
    }
    Position p = to_position(mark);
    std::string ptr = child_pointer();
    Position kp = p;
    if (!m_stack.empty() && m_stack.back().is_map) kp = m_stack.back().key_pos;
    if (!(m_stack.empty() == false && m_stack.back().is_map && m_stack.back().duplicate))
      m_doc.positions.emplace(ptr, Located{kp, p});
    if (anchor) m_anchors[anchor] = Anchored{v, nodes};
    insert(std::move(v), nodes);
  }

  void insert(json v, std::size_t nodes) {
    if (m_stack.empty()) {
      m_root = std::move(v);
      return;
    }
    Frame &f = m_stack.back();
    f.nodes += nodes;
    if (f.is_map) {
      if (!f.duplicate) f.value[f.key] = std::move(v);
      f.has_key = false;
    } else {
      f.value.push_back(std::move(v));
    }
  }

  Document &m_doc;
  std::string_view m_text;
  const Limits &m_limits;
  std::vector<std::size_t> m_line_starts;
  // The last position to_position worked out, to go on from.
  mutable std::size_t m_col_line = static_cast<std::size_t>(-1), m_col_pos = 0;
  mutable int m_col = 1;
  std::vector<Frame> m_stack;
  std::map<YAML::anchor_t, Anchored> m_anchors;
  std::vector<std::string> m_bad_pointers;
  json m_root;
  std::size_t m_nodes = 0;
  std::size_t m_pointer_bytes = 0;
  YAML::Mark m_last_mark; // of the last event, for a limit exceeded between marks
  bool m_done = false;
  int m_documents = 0;
};

// yaml-cpp's terse parser messages, in plain words; others are passed on as they are.
std::pair<std::string, std::string> explain_syntax(const std::string &msg) {
  static const std::map<std::string, std::pair<std::string, std::string>> known = {
      {YAML::ErrorMsg::END_OF_MAP,
       {"a mapping ends wrongly here; check the indentation", "映射在此处没有正确结束；请检查缩进"}},
      {YAML::ErrorMsg::END_OF_SEQ,
       {"a list ends wrongly here; check the indentation", "列表在此处没有正确结束；请检查缩进"}},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, {"a '{' is not closed with '}'", "'{' 没有对应的 '}'"}},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, {"a '[' is not closed with ']'", "'[' 没有对应的 ']'"}},
      {YAML::ErrorMsg::FLOW_END, {"this ']' or '}' closes nothing", "此处的 ']' 或 '}' 没有对应的开括号"}},
      {YAML::ErrorMsg::MAP_VALUE,
       {"a ':' is not expected here; check the indentation, or put text that contains ': ' in quotes",
        "此处不应出现 ':'；请检查缩进，或给含有 ': ' 的文字加引号"}},
      {YAML::ErrorMsg::MAP_KEY,
       {"a '? ' key is not expected here; check the indentation", "此处不应出现 '? ' 键；请检查缩进"}},
      {YAML::ErrorMsg::BLOCK_ENTRY,
       {"a '- ' list item is not expected here; check the indentation", "此处不应出现 '- ' 列表项；请检查缩进"}},
      {YAML::ErrorMsg::TAB_IN_INDENTATION,
       {"a tab is used for indentation; indent with spaces", "缩进中使用了制表符；请用空格缩进"}},
      {YAML::ErrorMsg::EOF_IN_SCALAR,
       {"the file ends inside quoted text; a closing quote is missing", "文件在引号文字中结束；缺少闭合的引号"}},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR,
       {"this alias refers to an anchor (&name) that is not defined before it",
        "此别名引用的锚点（&名称）在它之前没有定义"}},
  };
  auto it = known.find(msg);
  if (it != known.end()) return it->second;
  return {msg, msg};
}

// Whether the document that yaml-cpp started at `start` was begun by "---", or follows
// one ended by "...", as YAML requires of every document after the first.
bool explicit_document(std::string_view text, const YAML::Mark &start) {
  if (start.pos < 0 || static_cast<std::size_t>(start.pos) > text.size()) return true;
  std::size_t pos = static_cast<std::size_t>(start.pos);
  if (text.substr(pos, 3) == "---" || text.substr(pos, 1) == "%") return true; // "---", or a directive before it
  // The last line before the start that is neither blank nor a comment.
  std::size_t end = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  while (end != std::string_view::npos && end > 0) {
    std::size_t begin = text.rfind('\n', end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    std::string_view line = text.substr(begin, end - begin);
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return util::starts_with(line.substr(first), "...");
    if (begin == 0) break;
    end = begin - 1;
  }
  return false;
}

} // namespace

diag::Diagnostic too_large(std::string file, const Limits &limits) {
  std::string mib = std::to_string(limits.max_bytes >> 20);
  return {std::move(file),
          1,
          1,
          diag::Severity::error,
          "too-large",
          "the file is larger than " + mib + " MiB; an estate file is far smaller",
          "文件大于 " + mib + " MiB；小区文件不应这么大",
          ""};
}

Document parse(std::string_view text, std::string file, const Limits &limits) {
  Document doc;
  doc.file = std::move(file);
  auto fail = [&](int line, int col, std::string code, std::string en, std::string zh) {
    doc.diagnostics.push_back(
        {doc.file, line, col, diag::Severity::error, std::move(code), std::move(en), std::move(zh), ""});
    return std::move(doc);
  };

  if (text.size() > limits.max_bytes) {
    doc.diagnostics.push_back(too_large(doc.file, limits));
    return doc;
  }
  // A UTF-8 byte-order mark is harmless: skip it. UTF-16 and UTF-32 are not supported.
  if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (util::starts_with(text, "\xFF\xFE") || util::starts_with(text, "\xFE\xFF"))
    return fail(1, 1, "not-utf8", "the file is UTF-16; save it as UTF-8", "文件是 UTF-16 编码；请另存为 UTF-8");
  if (auto bad = util::find_bad_utf8(text)) {
    if (bad->nul)
      return fail(bad->line, bad->column, "nul-byte", "the file contains a NUL byte; is it a binary file?",
                  "文件含有 NUL 字节；是否为二进制文件？");
    return fail(bad->line, bad->column, "not-utf8", "the file is not valid UTF-8 here; save it as UTF-8",
                "此处不是有效的 UTF-8 编码；请另存为 UTF-8");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail(1, 1, "empty", "the file is empty", "文件为空");

  std::string owned(text);
  std::istringstream in(owned);
  Builder builder(doc, owned, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder) || !builder.finished())
      return fail(1, 1, "empty", "the file holds no data, only comments", "文件中没有数据，只有注释");
    // A second document would be silently ignored by most tools: say so.
    class Counter : public YAML::EventHandler {
    public:
      YAML::Mark start;
      bool seen = false;
      void OnDocumentStart(const YAML::Mark &m) override {
        start = m;
        seen = true;
      }
      void OnDocumentEnd() override {}
      void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
      void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
      void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
      void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                           YAML::EmitterStyle::value) override {}
      void OnSequenceEnd() override {}
      void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
      void OnMapEnd() override {}
    } counter;
    if (parser.HandleNextDocument(counter) && counter.seen) {
      Position p = builder.to_position(counter.start);
      // yaml-cpp starts a new document at any text after a complete one ("[a]" then "b: 1").
      // Only "---" (or "..." closing the first) makes a second document; else it's an error.
      if (!explicit_document(owned, counter.start)) {
        doc.diagnostics.clear();
        return fail(p.line, p.column, "yaml-syntax",
                    "this is not valid YAML: there is more text after the end of the data",
                    "YAML 语法错误：数据结束之后还有多余的文字");
      }
      doc.diagnostics.push_back({doc.file, p.line, p.column, diag::Severity::error, "multiple-documents",
                                 "the file holds more than one YAML document; put one estate in each file",
                                 "文件含有多个 YAML 文档；每个文件只放一个小区", ""});
    }
  } catch (const YAML::DeepRecursion &) {
    // yaml-cpp's own mark is where its scanner stood (often the end of the line): point at
    // the innermost list or mapping instead. Problems seen before the failure go: the events
    // of a document that fails half-way can't be trusted.
    doc.diagnostics.clear();
    Position p = builder.innermost();
    std::string n = std::to_string(builder.depth());
    return fail(p.line, p.column, "too-deep", "the data is nested too deeply (more than " + n + " levels)",
                "数据嵌套过深（超过 " + n + " 层）");
  } catch (const YAML::Exception &e) {
    doc.diagnostics.clear();
    Position p = builder.to_position(e.mark);
    // yaml-cpp notices an unclosed '[' or '{' where the file ends: point at the bracket.
    if ((e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW && builder.depth() && !builder.innermost_is_map()) ||
        (e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW && builder.innermost_is_map()))
      p = builder.innermost();
    auto [en, zh] = explain_syntax(e.msg);
    return fail(p.line, p.column, "yaml-syntax", "this is not valid YAML: " + en, "YAML 语法错误：" + zh);
  } catch (const SyntaxError &e) {
    doc.diagnostics.clear();
    Position p = builder.to_position(e.mark);
    return fail(p.line, p.column, "yaml-syntax", "this is not valid YAML: " + e.en, "YAML 语法错误：" + e.zh);
  } catch (const LimitExceeded &e) {
    doc.diagnostics.clear();
    Position p = builder.to_position(e.mark);
    if (e.pointers) {
      std::string mib = std::to_string(limits.max_pointer_bytes >> 20);
      return fail(p.line, p.column, "too-complex",
                  "the paths to the values (keys within keys, down to each value) add up to more than " + mib +
                      " MiB; are there very long keys above many values?",
                  "从根到各个值的路径（层层嵌套的键）合计超过 " + mib + " MiB；是否在大量的值之上有很长的键？");
    }
    return fail(p.line, p.column, "too-many-values",
                "the document expands to " + e.what + " (an alias bomb?); an estate needs far fewer",
                "文档展开后超过 " + std::to_string(limits.max_nodes) + " 个值（别名炸弹？）；小区文件不需要这么多");
  }
  doc.value = builder.take_root();
  for (const auto &p : builder.bad_pointers()) {
    nlohmann::json::json_pointer ptr(p);
    // A value under a repeated key was dropped with that key (found by fuzzing): skip it.
    if (doc.value.contains(ptr)) doc.value[ptr] = nullptr;
  }
  doc.ok = true;
  return doc;
}

} // namespace pm::yaml
