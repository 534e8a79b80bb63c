#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>
#include <pm/yaml/document.hpp>

#include <yaml.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <vector>

namespace pm::yaml {

using i18n::both;
using i18n::Text;
using nlohmann::json;
namespace msg = i18n::msg;

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

// Turns libyaml's marks into positions. libyaml counts characters, not bytes, and also
// breaks lines at a lone CR, NEL, LS and PS; editors (and the rest of pm) break lines at LF
// only. Files without those rare breaks take libyaml's line and column as they are; the
// others are recounted from the character index.
class Locator {
public:
  explicit Locator(std::string_view text) : m_text(text) {
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos && !m_recount; cr = text.find('\r', cr + 1))
      m_recount = cr + 1 == text.size() || text[cr + 1] != '\n';
    m_recount = m_recount || text.find("\xC2\x85") != std::string_view::npos ||
                text.find("\xE2\x80\xA8") != std::string_view::npos ||
                text.find("\xE2\x80\xA9") != std::string_view::npos;
  }

  Position at(const yaml_mark_t &m) const {
    if (!m_recount) return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
    seek(m.index);
    return {m_line, m_column};
  }

  // The byte offset of a mark, for reading the text it points at.
  std::size_t byte_of(const yaml_mark_t &m) const {
    seek(m.index);
    return m_byte;
  }

  // The position of a byte offset (libyaml's reader reports those).
  Position at_byte(std::size_t offset) const {
    Position p{1, 1};
    for (std::size_t i = 0; i < offset && i < m_text.size(); ++i) {
      if (m_text[i] == '\n') {
        ++p.line;
        p.column = 1;
      } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
        ++p.column;
      }
    }
    return p;
  }

private:
  // Moves the cursor to the character `index`; marks mostly move forward, so that this
  // costs linear time over a document, not quadratic.
  void seek(std::size_t index) const {
    if (index < m_index) m_index = 0, m_byte = 0, m_line = 1, m_column = 1;
    while (m_index < index && m_byte < m_text.size()) {
      if (m_text[m_byte] == '\n') {
        ++m_line;
        m_column = 1;
      } else {
        ++m_column;
      }
      ++m_byte;
      while (m_byte < m_text.size() && (static_cast<unsigned char>(m_text[m_byte]) & 0xC0) == 0x80) ++m_byte;
      ++m_index;
    }
  }

  std::string_view m_text;
  bool m_recount = false;
  mutable std::size_t m_index = 0, m_byte = 0;
  mutable int m_line = 1, m_column = 1;
};

enum class Limit { values, pointers, depth, bytes };

struct LimitExceeded {
  Limit limit;
  Position position; // the value that went over the limit
};

// A syntax error found by the builder, not by libyaml.
struct SyntaxError {
  Position position;
  Text message;
};

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

std::string_view text_of(const unsigned char *p, std::size_t n) {
  return p ? std::string_view(reinterpret_cast<const char *>(p), n) : std::string_view();
}
std::string_view text_of(const yaml_char_t *p) {
  return p ? std::string_view(reinterpret_cast<const char *>(p)) : std::string_view();
}

// What a scalar's tag asks for. Untagged plain scalars are resolved by the core schema; "!"
// (the non-specific tag) and !!str keep the text; the core schema's own tags ask for a value
// of their kind, which the text must then be; any other tag (!!binary, !!timestamp, !local)
// names a type pm does not have.
enum class Tagged { none, str, null, boolean, integer, number, unknown };

Tagged tag_of(std::string_view tag) {
  if (tag.empty()) return Tagged::none;
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return Tagged::str;
  if (tag == "tag:yaml.org,2002:null") return Tagged::null;
  if (tag == "tag:yaml.org,2002:bool") return Tagged::boolean;
  if (tag == "tag:yaml.org,2002:int") return Tagged::integer;
  if (tag == "tag:yaml.org,2002:float") return Tagged::number;
  return Tagged::unknown;
}

// A tag as written: "tag:yaml.org,2002:int" is "!!int".
std::string short_tag(std::string_view tag) {
  constexpr std::string_view core = "tag:yaml.org,2002:";
  if (tag.starts_with(core)) return "!!" + std::string(tag.substr(core.size()));
  return std::string(tag);
}

// The first character of a scalar that is a control character: C0 other than TAB, LF and CR,
// DEL, and C1 (U+0080-U+009F). Double-quoted text can hold any of them as escapes ("\0", "\e",
// "\x85"); they have no place in an estate's names and notes, and would reach a terminal or a
// document raw. The text is valid UTF-8 here (libyaml checked it).
std::optional<unsigned> control_character(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return c;
    if (c == 0xC2 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F) return d;
    }
  }
  return std::nullopt;
}

// YAML 1.1 readers (PyYAML; js-yaml and ajv-cli for timestamps) resolve some plain scalars
// that the 1.2 core schema, which pm follows, keeps as text or reads otherwise. What such a
// scalar is to them, for a warning; none when both agree.
enum class Yaml11 { same, timestamp, boolean, octal, underscore, sexagesimal };

Yaml11 yaml11_reading(std::string_view v) {
  auto digits = [&](std::size_t from, std::size_t n) {
    if (from + n > v.size()) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (!is_digit(v[i])) return false;
    return true;
  };
  // [0-9]{4}-[0-9]{2}-[0-9]{2}, or [0-9]{4}-[0-9]{1,2}-[0-9]{1,2} and a time after T or blanks.
  if (v.size() >= 8 && digits(0, 4) && v[4] == '-') {
    if (v.size() == 10 && digits(5, 2) && v[7] == '-' && digits(8, 2)) return Yaml11::timestamp;
    std::size_t i = 5;
    auto one_or_two = [&] {
      std::size_t start = i;
      while (i < v.size() && i - start < 2 && is_digit(v[i])) ++i;
      return i > start;
    };
    if (one_or_two() && i < v.size() && v[i] == '-' && (++i, one_or_two()) && i < v.size() &&
        (v[i] == 'T' || v[i] == 't' || v[i] == ' ' || v[i] == '\t'))
      return Yaml11::timestamp;
  }
  static const char *const booleans[] = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                         "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
  for (const char *b : booleans)
    if (v == b && v.size() > 1) return Yaml11::boolean; // PyYAML and js-yaml leave y and n alone
  std::size_t i = skip_sign(v);
  std::string_view body = v.substr(i);
  if (body.size() > 1 && body[0] == '0' && is_int(body)) return Yaml11::octal;
  // [-+]?[0-9][0-9_]* with a '_' (an integer), or a float with one.
  if (!body.empty() && is_digit(body[0]) && body.find('_') != std::string_view::npos &&
      body.find_first_not_of("0123456789_.") == std::string_view::npos && body.back() != '_')
    return Yaml11::underscore;
  // [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+
  if (!body.empty() && body[0] >= '1' && body[0] <= '9') {
    std::size_t colon = body.find(':');
    if (colon != std::string_view::npos &&
        body.substr(0, colon).find_first_not_of("0123456789_") == std::string_view::npos) {
      std::size_t k = colon;
      bool ok = true;
      while (ok && k < body.size()) {
        if (body[k] != ':') {
          ok = false;
          break;
        }
        std::size_t start = ++k;
        while (k < body.size() && is_digit(body[k])) ++k;
        std::size_t n = k - start;
        ok = n == 1 || (n == 2 && body[start] <= '5');
      }
      if (ok) return Yaml11::sexagesimal;
    }
  }
  return Yaml11::same;
}

// Builds the JSON value from libyaml's events, with the position of every value.
class Builder {
public:
  Builder(Document &doc, const Locator &locator, const Limits &limits, bool locate)
      : m_doc(doc), m_locator(locator), m_limits(limits), m_locate(locate) {}

  void alias(const yaml_event_t &e) {
    Position pos = m_locator.at(e.start_mark);
    std::string name(text_of(e.data.alias.anchor));
    // An alias inside the list or mapping its anchor names ("&a [1, *a]") would be an endless value.
    for (const Frame &f : m_stack)
      if (f.anchor == name) throw SyntaxError{pos, both(msg::yaml_alias_self)};
    auto it = m_anchors.find(name);
    if (it == m_anchors.end()) throw SyntaxError{pos, both(msg::yaml_alias_undefined)};
    // Count what the alias expands to before copying it, so a "billion laughs" stops early.
    std::size_t nodes = it->second.nodes;
    count(nodes, pos);
    count_bytes(it->second.bytes, pos);
    if (key_position()) {
      error(pos, "alias-key", both(msg::yaml_alias_key));
      // A placeholder key, dropped with its value (like a complex key), so that the value
      // is not reported again as an unknown key '*'.
      Frame &f = m_stack.back();
      f.has_key = true;
      f.key = "*";
      f.key_pos = pos;
      f.duplicate = true;
      return;
    }
    add_value(pos, it->second.value, {}, nodes, it->second.bytes);
  }

  void scalar(const yaml_event_t &e) {
    Position pos = m_locator.at(e.start_mark);
    count(1, pos);
    std::string value(text_of(e.data.scalar.value, e.data.scalar.length));
    count_bytes(value.size(), pos);
    auto control = control_character(value);
    if (key_position()) {
      Frame &f = m_stack.back();
      f.has_key = true;
      f.key_pos = pos;
      f.bytes += value.size();
      if (control) error(pos, "control-character", both(msg::yaml_control_in_text, fmt::format("U+{:04X}", *control)));
      // A key seen before is in the mapping already, and its position in `positions`. Keys
      // that differ only in their Unicode form (precomposed or not, full-width or not) are the
      // same key to a reader: they are compared in NFKC (util::fold).
      f.duplicate = f.value.contains(value);
      std::string first = value;
      if (!f.duplicate && util::is_ascii(value)) {
        // An ASCII key may equal the folded form of an earlier one ("１" before "1").
        if (auto it = f.folded.find(value); it != f.folded.end()) {
          f.duplicate = true;
          first = it->second;
        }
      } else if (!f.duplicate) {
        std::string folded = util::fold(value);
        if (util::is_ascii(folded) && f.value.contains(folded)) {
          f.duplicate = true;
          first = folded;
        } else {
          auto [it, added] = f.folded.emplace(std::move(folded), value);
          f.duplicate = !added;
          first = it->second;
        }
      }
      if (f.duplicate) {
        std::string line = std::to_string(m_doc.position(f.pointer + "/" + pointer_token(first), true).line);
        error(pos, "duplicate-key", both(msg::yaml_duplicate_key, util::abbreviate(value), line));
      }
      f.key = std::move(value);
      return;
    }
    std::string_view tag = text_of(e.data.scalar.tag);
    Tagged tagged = tag_of(tag);
    bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    std::size_t bytes = value.size();
    json v;
    if (control) {
      flag(pos, "control-character", both(msg::yaml_control_in_text, fmt::format("U+{:04X}", *control)));
      v = std::move(value);
    } else if (tagged == Tagged::unknown) {
      flag(pos, "unknown-tag", both(msg::yaml_unknown_tag, util::abbreviate(short_tag(tag))));
      v = std::move(value);
    } else if ((tagged == Tagged::none && plain) || (tagged != Tagged::none && tagged != Tagged::str)) {
      NonFinite non_finite = NonFinite::no;
      v = resolve_plain(value, non_finite);
      bool fits = tagged == Tagged::none || (tagged == Tagged::null && v.is_null()) ||
                  (tagged == Tagged::boolean && v.is_boolean()) ||
                  (tagged == Tagged::integer && (is_int(value) || is_hex_int(value))) ||
                  (tagged == Tagged::number && v.is_number());
      if (!fits) {
        const i18n::Message &kind = tagged == Tagged::null      ? msg::yaml_kind_null
                                    : tagged == Tagged::boolean ? msg::yaml_kind_bool
                                    : tagged == Tagged::integer ? msg::yaml_kind_int
                                                                : msg::yaml_kind_float;
        flag(pos, "tag-mismatch",
             i18n::both_of(msg::yaml_tag_mismatch, Text::same(util::abbreviate(value)), both(kind),
                           Text::same(short_tag(tag))));
      } else if (non_finite != NonFinite::no) {
        if (non_finite == NonFinite::nan)
          flag(pos, "not-finite", both(msg::yaml_nan, value));
        else if (non_finite == NonFinite::infinite)
          flag(pos, "not-finite", both(msg::yaml_infinite, value));
        else
          flag(pos, "not-finite", both(msg::yaml_number_too_large, util::abbreviate(value)));
      } else if (tagged == Tagged::none) {
        warn_yaml11(pos, value);
      }
    } else {
      v = std::move(value);
    }
    add_value(pos, std::move(v), text_of(e.data.scalar.anchor), 1, bytes);
  }

  void sequence_start(const yaml_event_t &e) {
    collection_tag(e.start_mark, text_of(e.data.sequence_start.tag), "tag:yaml.org,2002:seq");
    open(m_locator.at(e.start_mark), json::array(), text_of(e.data.sequence_start.anchor), false);
  }
  void mapping_start(const yaml_event_t &e) {
    collection_tag(e.start_mark, text_of(e.data.mapping_start.tag), "tag:yaml.org,2002:map");
    open(m_locator.at(e.start_mark), json::object(), text_of(e.data.mapping_start.anchor), true);
  }
  void end() { close(); }

  json take_root() { return std::move(m_root); }
  const std::vector<std::string> &bad_pointers() const { return m_bad_pointers; }

private:
  struct Frame {
    json value;
    bool is_map = false;
    bool has_key = false;
    bool duplicate = false;
    bool complex_key = false;
    std::string key;
    Position key_pos;
    std::string pointer;          // empty when values are not located
    std::size_t pointer_size = 0; // its length all the same
    std::string anchor;
    std::size_t nodes = 1;                               // values in this subtree, itself included
    std::size_t bytes = 0;                               // bytes of its keys and text, aliases expanded
    std::unordered_map<std::string, std::string> folded; // non-ASCII keys: by util::fold, as written
  };
  struct Anchored {
    json value;
    std::size_t nodes = 1;
    std::size_t bytes = 0;
  };

  // Aliases copy what they name, and the copies are held in memory and written out by every
  // renderer: the bytes of every key and scalar, each alias counted at its full size, are
  // bounded as well as the number of values (an alias bomb of long strings).
  void count_bytes(std::size_t n, Position pos) {
    m_bytes += n;
    if (m_bytes > m_limits.max_expanded_bytes) throw LimitExceeded{Limit::bytes, pos};
  }

  // An error about the value about to be added: the diagnostic names its pointer (so that the
  // schema does not report it again) and the value becomes null.
  void flag(Position pos, std::string code, const Text &message) {
    error(pos, std::move(code), message);
    std::size_t size;
    m_doc.diagnostics.back().pointer = child_pointer(pos, size);
    if (m_locate) m_bad_pointers.push_back(m_doc.diagnostics.back().pointer);
  }

  // A list or mapping may carry its own kind's tag (!!seq, !!map) or "!"; any other is refused.
  void collection_tag(const yaml_mark_t &mark, std::string_view tag, std::string_view own) {
    if (tag.empty() || tag == "!" || tag == own) return;
    error(m_locator.at(mark), "unknown-tag", both(msg::yaml_unknown_tag, util::abbreviate(short_tag(tag))));
  }

  // A plain scalar that YAML 1.1 readers take otherwise: a warning, since other tools (a
  // schema validator, a script) that read the same file would see another value.
  void warn_yaml11(Position pos, const std::string &value) {
    if (value.size() > 40) return;
    Yaml11 r = yaml11_reading(value);
    if (r == Yaml11::same) return;
    std::string code = r == Yaml11::timestamp ? "unquoted-date" : "ambiguous-value";
    const i18n::Message &m = r == Yaml11::timestamp    ? msg::yaml11_timestamp
                             : r == Yaml11::boolean    ? msg::yaml11_boolean
                             : r == Yaml11::octal      ? msg::yaml11_octal
                             : r == Yaml11::underscore ? msg::yaml11_underscore
                                                       : msg::yaml11_sexagesimal;
    m_doc.diagnostics.push_back(
        diag::make(m_doc.file, pos.line, pos.column, diag::Severity::warning, std::move(code), both(m, value)));
  }

  void count(std::size_t n, Position pos) {
    m_nodes += n;
    if (m_nodes > m_limits.max_nodes) throw LimitExceeded{Limit::values, pos};
  }

  void error(Position p, std::string code, const Text &message) {
    m_doc.diagnostics.push_back(
        diag::make(m_doc.file, p.line, p.column, diag::Severity::error, std::move(code), message));
  }

  // The JSON Pointer of the value about to be added, and its length in `size`. The pointer
  // is built only when values are located; its length counts against the limit either way,
  // so that both ways of reading accept the same files.
  std::string child_pointer(Position pos, std::size_t &size) {
    size = 0;
    if (m_stack.empty()) return "";
    const Frame &f = m_stack.back();
    // Every value remembers its JSON Pointer, so long keys nested deep above many values cost
    // their length once per value: bound the total, or a 4 kB chain of keys over a million
    // short values would take gigabytes (found while hardening).
    std::string index = f.is_map ? std::string() : std::to_string(f.value.size());
    std::size_t escapes = 0;
    if (f.is_map)
      for (char c : f.key) escapes += c == '~' || c == '/';
    size = f.pointer_size + 1 + (f.is_map ? f.key.size() + escapes : index.size());
    m_pointer_bytes += size;
    if (m_pointer_bytes > m_limits.max_pointer_bytes) throw LimitExceeded{Limit::pointers, pos};
    if (!m_locate) return "";
    std::string p;
    p.reserve(f.pointer.size() + 1 + (f.is_map ? f.key.size() : 4));
    p += f.pointer;
    p += '/';
    if (!f.is_map)
      p += index;
    else if (escapes == 0)
      p += f.key;
    else
      p += pointer_token(f.key);
    return p;
  }

  // A value in key position: YAML allows lists and mappings there, JSON does not.
  bool key_position() const { return !m_stack.empty() && m_stack.back().is_map && !m_stack.back().has_key; }

  // Where the key of the value about to be added stood, or the value's own position.
  Position key_of(Position p) const { return !m_stack.empty() && m_stack.back().is_map ? m_stack.back().key_pos : p; }

  void open(Position pos, json v, std::string_view anchor, bool is_map) {
    count(1, pos);
    // libyaml nests without recursion, but every level costs a frame and a longer pointer;
    // no estate nests more than a few levels.
    if (m_stack.size() >= m_limits.max_depth) throw LimitExceeded{Limit::depth, pos};
    Frame f;
    f.complex_key = key_position();
    if (f.complex_key) {
      error(pos, "complex-key", both(msg::yaml_complex_key));
      f.pointer_size = m_stack.back().pointer_size + 2;
      if (m_locate) f.pointer = m_stack.back().pointer + "/?";
    } else {
      f.pointer = child_pointer(pos, f.pointer_size);
      if (m_locate) m_doc.positions.emplace(f.pointer, Located{key_of(pos), pos});
    }
    f.value = std::move(v);
    f.is_map = is_map;
    f.anchor = anchor;
    m_stack.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    if (!f.anchor.empty()) m_anchors[f.anchor] = Anchored{f.value, f.nodes, f.bytes};
    if (f.complex_key) {
      // Use a placeholder key so the mapping stays well formed.
      Frame &parent = m_stack.back();
      parent.has_key = true;
      parent.key = "?";
      parent.duplicate = true;
      return;
    }
    insert(std::move(f.value), f.nodes, f.bytes);
  }

  void add_value(Position p, json v, std::string_view anchor, std::size_t nodes, std::size_t bytes) {
    std::size_t size;
    std::string ptr = child_pointer(p, size);
    if (m_locate && (m_stack.empty() || !m_stack.back().is_map || !m_stack.back().duplicate))
      m_doc.positions.emplace(std::move(ptr), Located{key_of(p), p});
    if (!anchor.empty()) m_anchors[std::string(anchor)] = Anchored{v, nodes, bytes};
    insert(std::move(v), nodes, bytes);
  }

  void insert(json v, std::size_t nodes, std::size_t bytes) {
    if (m_stack.empty()) {
      m_root = std::move(v);
      return;
    }
    Frame &f = m_stack.back();
    f.nodes += nodes;
    f.bytes += bytes;
    if (f.is_map) {
      // The key is not needed after its value: move it into the mapping.
      if (!f.duplicate) f.value.get_ref<json::object_t &>().emplace(std::move(f.key), std::move(v));
      f.has_key = false;
    } else {
      f.value.push_back(std::move(v));
    }
  }

  Document &m_doc;
  const Locator &m_locator;
  const Limits &m_limits;
  bool m_locate;
  std::vector<Frame> m_stack;
  std::unordered_map<std::string, Anchored> m_anchors;
  std::vector<std::string> m_bad_pointers;
  json m_root;
  std::size_t m_nodes = 0;
  std::size_t m_pointer_bytes = 0;
  std::size_t m_bytes = 0;
};

// The text from `offset` to the end of its line, without trailing blanks.
std::string_view rest_of_line(std::string_view text, std::size_t offset) {
  if (offset > text.size()) return {};
  std::string_view line = text.substr(offset, text.find_first_of("\r\n", offset) - offset);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// libyaml's terse messages, in plain words and at the place a person would look; others
// are passed on as they are.
SyntaxError explain(const yaml_parser_t &p, std::string_view text, const Locator &loc) {
  std::string_view problem = p.problem ? p.problem : "unknown error";
  std::string_view context = p.context ? p.context : "";
  Position at = loc.at(p.problem_mark), at_context = loc.at(p.context_mark);
  auto char_at = [&](const yaml_mark_t &m) {
    std::size_t b = loc.byte_of(m);
    return b < text.size() ? text[b] : '\0';
  };
  if (p.error == YAML_READER_ERROR) {
    Position pos = loc.at_byte(p.problem_offset);
    if (problem == "control characters are not allowed") {
      return {pos, both(msg::yaml_control_character, fmt::format("U+{:04X}", static_cast<unsigned>(p.problem_value)))};
    }
    return {pos, both(msg::yaml_not_utf8_here)};
  }
  if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();

  const i18n::Message &tab = msg::yaml_tab;
  auto say = [](Position pos, const i18n::Message &m) { return SyntaxError{pos, both(m)}; };
  // A stray closing bracket ends a block mapping or list, or the document, early.
  if (p.error == YAML_PARSER_ERROR && (char_at(p.problem_mark) == ']' || char_at(p.problem_mark) == '}'))
    return say(at, msg::yaml_stray_close);
  if (problem == "did not find expected key") return say(at, msg::yaml_mapping_ends);
  if (problem == "did not find expected '-' indicator") return say(at, msg::yaml_list_ends);
  if (problem == "did not find expected ',' or ']'") return say(at_context, msg::yaml_bracket_open);
  if (problem == "did not find expected ',' or '}'") return say(at_context, msg::yaml_brace_open);
  if (problem == "did not find expected <document start>") return say(at, msg::yaml_trailing_text);
  if (problem == "did not find expected node content") return say(at, msg::yaml_value_expected);
  if (problem == "mapping values are not allowed in this context") return say(at, msg::yaml_colon_unexpected);
  if (problem == "block sequence entries are not allowed in this context") return say(at, msg::yaml_dash_unexpected);
  if (problem == "mapping keys are not allowed in this context") return say(at, msg::yaml_question_unexpected);
  if (problem == "found a tab character that violates indentation" ||
      problem == "found a tab character where an indentation space is expected")
    return say(at, tab);
  if (problem == "found character that cannot start any token") {
    char c = char_at(p.problem_mark);
    if (c == '\t') return say(at, tab);
    std::string ch(1, c);
    return {at, both(msg::yaml_bad_start, ch)};
  }
  if (problem == "could not find expected ':'") {
    std::string key = util::abbreviate(rest_of_line(text, loc.byte_of(p.context_mark)));
    return {at_context, both(msg::yaml_colon_missing, key)};
  }
  if (context == "while scanning a quoted scalar" &&
      (problem == "found unexpected end of stream" || problem == "found unexpected document indicator"))
    return say(at_context, msg::yaml_unclosed_quote);
  if (problem == "found unknown escape character") {
    std::size_t b = loc.byte_of(p.problem_mark);
    std::string esc(text.substr(b, 2));
    return {at, both(msg::yaml_bad_escape, esc)};
  }
  if (problem == "did not find expected alphabetic or numeric character") return say(at_context, msg::yaml_anchor_name);
  if (problem == "found incompatible YAML document") return say(at, msg::yaml_version);
  if (problem == "found undefined tag handle") return say(at, msg::yaml_tag_handle);
  // libyaml's own words, in both languages.
  std::string en(problem);
  if (!context.empty()) en += " (" + std::string(context) + ")";
  return {at, Text::same(en)};
}

} // namespace

diag::Diagnostic too_large(std::string file, const Limits &limits) {
  return diag::make(std::move(file), 1, 1, diag::Severity::error, "too-large",
                    both(msg::yaml_too_large, std::to_string(limits.max_bytes >> 20)));
}

Document parse(std::string_view text, std::string file, const Limits &limits, bool locate) {
  Document doc;
  doc.file = std::move(file);
  auto fail = [&](Position p, std::string code, const Text &message) {
    doc.diagnostics.push_back(diag::make(doc.file, p.line, p.column, diag::Severity::error, std::move(code), message));
    return std::move(doc);
  };

  if (text.size() > limits.max_bytes) {
    doc.diagnostics.push_back(too_large(doc.file, limits));
    return doc;
  }
  // A UTF-8 byte-order mark is harmless: skip it. UTF-16 and UTF-32 are not supported.
  if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (util::starts_with(text, "\xFF\xFE") || util::starts_with(text, "\xFE\xFF"))
    return fail({1, 1}, "not-utf8", both(msg::yaml_utf16));
  if (auto bad = util::find_bad_utf8(text)) {
    if (bad->nul) return fail({bad->line, bad->column}, "nul-byte", both(msg::yaml_nul_byte));
    return fail({bad->line, bad->column}, "not-utf8", both(msg::yaml_not_utf8_here));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return fail({1, 1}, "empty", both(msg::yaml_empty));

  // libyaml (not yaml-cpp): it reads the YAML 1.1 syntax strictly, as the YAML 1.2 core
  // schema's values are resolved here, and it is five times faster (see README, Dependencies).
  struct Parser {
    yaml_parser_t p;
    Parser() { yaml_parser_initialize(&p); }
    ~Parser() { yaml_parser_delete(&p); }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;
  } parser;
  struct Event {
    yaml_event_t e{};
    bool live = false;
    ~Event() {
      if (live) yaml_event_delete(&e);
    }
  };
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char *>(text.data()), text.size());
  yaml_parser_set_encoding(&parser.p, YAML_UTF8_ENCODING);

  Locator locator(text);
  Builder builder(doc, locator, limits, locate);
  if (locate) doc.positions.reserve(text.size() / 16 + 16); // about a value a line of 16 bytes: fewer rehashes
  int documents = 0;
  try {
    for (bool more = true; more;) {
      Event ev;
      if (!yaml_parser_parse(&parser.p, &ev.e)) {
        // Problems seen before the failure go: the events of a document that fails half-way
        // can't be trusted.
        doc.diagnostics.clear();
        SyntaxError e = explain(parser.p, text, locator);
        return fail(e.position, "yaml-syntax", i18n::both_of(msg::yaml_syntax, e.message));
      }
      ev.live = true;
      switch (ev.e.type) {
      case YAML_DOCUMENT_START_EVENT:
        // A second document would be silently ignored by most tools: say so.
        if (documents++ == 1) {
          Position p = locator.at(ev.e.start_mark);
          doc.diagnostics.push_back(diag::make(doc.file, p.line, p.column, diag::Severity::error, "multiple-documents",
                                               both(msg::yaml_multiple_documents)));
          more = false;
        }
        break;
      case YAML_STREAM_END_EVENT:
        more = false;
        break;
      case YAML_ALIAS_EVENT:
        builder.alias(ev.e);
        break;
      case YAML_SCALAR_EVENT:
        builder.scalar(ev.e);
        break;
      case YAML_SEQUENCE_START_EVENT:
        builder.sequence_start(ev.e);
        break;
      case YAML_MAPPING_START_EVENT:
        builder.mapping_start(ev.e);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.end();
        break;
      default:
        break;
      }
    }
  } catch (const SyntaxError &e) {
    doc.diagnostics.clear();
    return fail(e.position, "yaml-syntax", i18n::both_of(msg::yaml_syntax, e.message));
  } catch (const LimitExceeded &e) {
    doc.diagnostics.clear();
    if (e.limit == Limit::depth)
      return fail(e.position, "too-deep", both(msg::yaml_too_deep, std::to_string(limits.max_depth)));
    if (e.limit == Limit::bytes)
      return fail(e.position, "too-much-text",
                  both(msg::yaml_too_much_text, std::to_string(limits.max_expanded_bytes >> 20)));
    if (e.limit == Limit::pointers)
      return fail(e.position, "too-complex",
                  both(msg::yaml_too_complex, std::to_string(limits.max_pointer_bytes >> 20)));
    return fail(e.position, "too-many-values", both(msg::yaml_too_many_values, std::to_string(limits.max_nodes)));
  }
  if (documents == 0) return fail({1, 1}, "empty", both(msg::yaml_only_comments));
  doc.value = builder.take_root();
  for (const auto &p : builder.bad_pointers()) {
    nlohmann::json::json_pointer ptr(p);
    // A value under a repeated key was dropped with that key (found by fuzzing): skip it.
    if (doc.value.contains(ptr)) doc.value[ptr] = nullptr;
  }
  doc.ok = true;
  return doc;
}

Document parse_and_check(std::string_view text, std::string file, const std::function<void(Document &)> &check) {
  Document doc = parse(text, file, {}, false);
  if (!doc.ok) return doc;
  if (doc.diagnostics.empty()) {
    check(doc);
    if (doc.diagnostics.empty()) return doc;
  }
  doc = parse(text, std::move(file));
  if (doc.ok) check(doc);
  return doc;
}

} // namespace pm::yaml
