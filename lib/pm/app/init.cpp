#include <pm/app/init.hpp>
#include <pm/res/resources.hpp>
#include <pm/util/text.hpp>
#include <pm/yaml/document.hpp>
#include <pm/yaml/emit.hpp>

#include <cctype>
#include <filesystem>

namespace pm::app {

std::string id_from_file(const std::string &path) {
  std::string stem = std::filesystem::path(path).stem().string(), id;
  for (unsigned char c : stem) {
    if (std::isalnum(c) && c < 0x80)
      id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) id = "estate" + (id.empty() ? "" : "-" + id);
  return id.substr(0, 64);
}

namespace {

// Where editors find the schema: the repository's schemas/ if the file is inside one, else the
// installed copy, else the schema's $id.
std::string schema_ref(const std::string &file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / "schemas" / "estate.schema.json", ec))
      return fs::relative(d / "schemas" / "estate.schema.json", dir, ec).string();
    if (d == d.root_path()) break;
  }
  for (const char *p : {"/usr/share/pm/schemas/estate.schema.json", "/usr/local/share/pm/schemas/estate.schema.json"})
    if (fs::exists(p, ec)) return p;
  return "https://pm.example/schemas/estate.schema.json";
}

} // namespace

std::optional<std::string> starter_estate(const std::string &type, const std::string &file) {
  auto tmpl = res::get("data/templates/" + type + ".yaml");
  if (!tmpl) return std::nullopt;
  std::string text(*tmpl);
  util::replace_all(text, "{{id}}", id_from_file(file));
  util::replace_all(text, "{{schema}}", schema_ref(file));
  // The template is data; the file is written by the emitter, with the template's comments.
  yaml::Document doc = yaml::parse(text, "data/templates/" + type + ".yaml");
  if (!doc.ok) return std::nullopt;
  auto c = yaml::commented(doc, text);
  return yaml::emit(c.value, c.comments);
}

} // namespace pm::app
