#pragma once
// The YAML that pm writes (pm init, pm import), written by yaml-cpp's emitter: it quotes and
// escapes what would break the syntax, and writes Chinese as it is. Reading stays on libyaml
// (document.hpp). Strings that another reader would take for a number, a boolean, null or a
// date ("2026-05-10", "yes", "0123") are double-quoted here, which yaml-cpp does not do itself.

#include <pm/yaml/document.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pm::yaml {

// Comments to write with a document, by the JSON Pointer of the member they belong to.
struct Comments {
  std::vector<std::string> head;                          // lines at the top of the document
  std::map<std::string, std::vector<std::string>> before; // whole lines before a member
  std::map<std::string, std::string> after;               // at the end of a member's first line
};

// The document as block-style YAML, members in the order given, with the comments.
std::string emit(const nlohmann::ordered_json &value, const Comments &comments = {});

// Whether a YAML reader (1.1 or 1.2) could take the plain scalar `s` for anything but a string.
bool looks_typed(std::string_view s);

// A parsed document's value with each mapping's members in the order they stood in the text
// (the document keeps them sorted), and the comments of its text attached to the members on
// whose lines they stand: so that a commented YAML file can be written again by emit().
struct Commented {
  nlohmann::ordered_json value;
  Comments comments;
};
Commented commented(const Document &doc, std::string_view text);

} // namespace pm::yaml
