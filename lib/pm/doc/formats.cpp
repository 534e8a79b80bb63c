#include <pm/doc/formats.hpp>
#include <pm/doc/render.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace pm::doc {

const std::vector<Format> &formats() {
  static const std::vector<Format> table = {
      {"table", {}, [](const Document &d, bool colour) { return to_text(d, {colour}); }},
      {"md", {".md", ".markdown"}, [](const Document &d, bool) { return to_markdown(d); }},
      {"csv", {".csv"}, [](const Document &d, bool) { return to_csv(d); }},
      {"html", {".html", ".htm"}, [](const Document &d, bool) { return to_html(d); }},
      {"json", {".json"}, [](const Document &d, bool) { return to_json(d).dump(2) + "\n"; }},
      {"xlsx", {".xlsx"}, nullptr},
      {"docx", {".docx"}, nullptr},
      {"pdf", {".pdf"}, nullptr}, // the HTML printed by Chromium, which cli/ runs
  };
  return table;
}

const Format *format_named(std::string_view name) {
  for (const auto &f : formats())
    if (f.name == name) return &f;
  return nullptr;
}

const Format *format_of_path(std::string_view path, const std::vector<std::string> &allowed) {
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return nullptr;
  std::string_view ext = path.substr(dot);
  for (const auto &f : formats()) {
    if (std::find(allowed.begin(), allowed.end(), f.name) == allowed.end()) continue;
    for (auto e : f.extensions)
      if (e == ext) return &f;
  }
  return nullptr;
}

std::string draw(const Document &d, std::string_view name, bool colour) {
  const Format *f = format_named(name);
  if (!f || !f->text) f = format_named("table");
  return f->text(d, colour);
}

} // namespace pm::doc
