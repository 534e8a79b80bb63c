#pragma once
// Loads a YAML estate (or any YAML data file) into JSON, remembering where every value
// and key stood, so that any later check can point at file:line:col.

#include <pm/diag/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pm::yaml {

struct Position {
  int line = 0; // 1-based
  int column = 0;
};

struct Located {
  Position key;   // where the key stood (for object members); equals value otherwise
  Position value; // where the value starts
};

struct Document {
  std::string file;
  nlohmann::json value;
  std::unordered_map<std::string, Located> positions; // by JSON Pointer; see parse()
  diag::Diagnostics diagnostics;                      // problems found while reading
  bool ok = false;                                    // value holds a whole document

  // Position of the pointer, or of its nearest ancestor that is known.
  Position position(std::string pointer, bool prefer_key = false) const;
};

struct Limits {
  // The examples are under 10 kB and hold a few hundred values; an estate naming thousands of
  // staff is a few hundred kB. The limits leave ten times that, and keep the worst file to
  // well under a second.
  std::size_t max_bytes = 4u << 20;
  std::size_t max_nodes = 100'000;           // after alias expansion: stops "billion laughs"
  std::size_t max_pointer_bytes = 64u << 20; // the JSON Pointers of all values, added up
  std::size_t max_depth = 500;               // lists and mappings within each other
  // The bytes of every key and text value, each alias counted at its full size: an alias bomb
  // of long strings stays under max_nodes but would fill gigabytes. Four times max_bytes.
  std::size_t max_expanded_bytes = 16u << 20;
};

// The "too-large" diagnostic, for a file over limits.max_bytes that the caller did not read.
diag::Diagnostic too_large(std::string file, const Limits &limits = {});

// Parses text that was read from `file` (a name for messages only). With `locate` false the
// positions of values are not kept (`positions` stays empty, and a diagnostic that refers to
// an earlier value, such as a duplicate key's first line, is placed wrongly): faster, for a
// first look at a file that is most likely valid. The same problems are found either way,
// and when the document can't be read at all (`ok` false) its one problem is placed right.
Document parse(std::string_view text, std::string file, const Limits &limits = {}, bool locate = true);

// Parses and checks a document. Most files are valid, and a valid file needs no positions: it
// is read without them first, and only when `check` finds something to report, read again
// with the position of every value and checked again. A file that is not YAML at all has its
// one problem placed already, from libyaml's marks.
Document parse_and_check(std::string_view text, std::string file, const std::function<void(Document &)> &check);

// Escapes one JSON Pointer token (RFC 6901).
std::string pointer_token(std::string_view key);

} // namespace pm::yaml
