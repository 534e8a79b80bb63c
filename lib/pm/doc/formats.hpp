#pragma once
// The table of output formats a document can be drawn in. A new format is its renderer
// (render.hpp) and one row in formats.cpp: `draw` and the choice of format by an output file's
// extension find it here.

#include <pm/doc/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pm::doc {

struct Format {
  std::string_view name;                    // the --format value: "md"
  std::vector<std::string_view> extensions; // an output file "x.md" asks for it
  // The renderer of a text format; null for a binary one (xlsx: write_xlsx, xlsx_bytes; docx:
  // to_docx; pdf: the HTML printed by a browser the command line runs).
  std::string (*text)(const Document &d, bool colour);
};

const std::vector<Format> &formats();
const Format *format_named(std::string_view name);
// The format an output path's extension asks for, among `allowed` names; null if none.
const Format *format_of_path(std::string_view path, const std::vector<std::string> &allowed);
// The document in text format `name`; the terminal's text for a name without a text renderer.
std::string draw(const Document &d, std::string_view name, bool colour = false);

} // namespace pm::doc
