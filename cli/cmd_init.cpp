// pm init [--type TYPE] FILE: writes a commented starter estate that validates as it is.

#include <cli/app.hpp>

#include <pm/res/resources.hpp>
#include <pm/util/file.hpp>

#include <filesystem>
#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string type = "residential";
  std::string file;
};

// An id from the file name: "estates/North Gate.yaml" -> "north-gate".
std::string id_from(const std::string &path) {
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

void replace_all(std::string &s, const std::string &from, const std::string &to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

int run_init(const Options &o, const Global &g) {
  auto tmpl = res::get("data/templates/" + o.type + ".yaml");
  if (!tmpl) {
    error(g, "no template for type '" + o.type + "'", "没有类型 '" + o.type + "' 的模板");
    return Exit::usage;
  }
  std::error_code ec;
  if (std::filesystem::exists(o.file, ec) || std::filesystem::is_symlink(o.file, ec)) {
    error(g, o.file + " already exists; pm init never overwrites a file", o.file + " 已存在；pm init 不会覆盖文件");
    return Exit::usage;
  }
  std::string text(*tmpl);
  replace_all(text, "{{id}}", id_from(o.file));
  replace_all(text, "{{schema}}", schema_ref(o.file));
  auto r = util::write_file_new(o.file, text);
  if (!r) {
    error(g, r.error().en, r.error().zh);
    return Exit::usage;
  }
  std::cerr << (g.zh() ? "已写入 " : "wrote ") << o.file << "\n";
  return Exit::ok;
}

} // namespace

Action setup_init(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("-t,--type", o->type,
                 "Estate type: residential, villa, mixed_use, office, campus_dormitory, institution")
      ->check(CLI::IsMember({"residential", "villa", "mixed_use", "office", "campus_dormitory", "institution"}));
  app.add_option("file", o->file, "The estate file to write (must not exist)")->required();
  return [o, &g] { return run_init(*o, g); };
}

} // namespace pm::cli
