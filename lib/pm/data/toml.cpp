#include <pm/data/toml.hpp>
#include <pm/res/resources.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

namespace pm::data {

diag::Diagnostic at(const toml::source_region &src, const std::string &file, std::string code, std::string en,
                    std::string zh, diag::Severity sev) {
  return {file,
          static_cast<int>(src.begin.line),
          static_cast<int>(src.begin.column),
          sev,
          std::move(code),
          std::move(en),
          std::move(zh),
          ""};
}

diag::Diagnostic at(const toml::node &node, const std::string &file, std::string code, std::string en, std::string zh,
                    diag::Severity sev) {
  return at(node.source(), file, std::move(code), std::move(en), std::move(zh), sev);
}

namespace {
// toml++'s messages for the commonest mistakes, said plainly; others are kept as they are.
std::pair<std::string, std::string> explain_toml_error(const std::string &what) {
  auto has = [&](const char *s) { return what.find(s) != std::string::npos; };
  if (has("parsing string") && has("control characters"))
    return {"a string is not closed: add the closing quote before the end of the line",
            "字符串没有结束：请在行尾之前补上右引号"};
  if (has("parsing string") && has("end-of-file"))
    return {"a string is not closed before the end of the file", "字符串直到文件结尾都没有结束"};
  if (has("could not determine value type"))
    return {"this value is not a \"quoted string\", a number, true or false, a [list] or a {table}",
            "这个值不是 \"带引号的字符串\"、数字、true/false、[列表] 或 {表}"};
  if (has("saw ','") && has("key-value pair"))
    return {"unexpected ','; numbers have no thousands separators (write 10000 or 10_000)",
            "意外的 ','；数字不用千位分隔符（写作 10000 或 10_000）"};
  return {what, what};
}
} // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string &file, diag::Diagnostics &out) {
  if (auto bad = util::find_bad_utf8(text)) {
    out.push_back({file, bad->line, bad->column, diag::Severity::error, "not-utf8", "the file is not valid UTF-8 here",
                   "此处不是有效的 UTF-8 编码", ""});
    return std::nullopt;
  }
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error &e) {
    std::string what(e.description());
    auto [en, zh] = explain_toml_error(what);
    out.push_back(at(e.source(), file, "toml-syntax", "this is not valid TOML: " + en, "TOML 语法错误：" + zh));
    return std::nullopt;
  }
}

std::optional<Source> load_source(std::string_view kind, std::string_view name_or_path, diag::Diagnostics &out) {
  std::string name(name_or_path);
  bool is_path = name.find('/') != std::string::npos || util::ends_with(name, ".toml");
  if (!is_path) {
    std::string res_path = "data/" + std::string(kind) + "/" + name + ".toml";
    if (auto text = res::get(res_path)) return Source{std::string(*text), "<builtin>/" + res_path, name, true};
    auto names = embedded_names(kind);
    // The kind in words, in each language ("norms" is a folder name, not a noun).
    std::string kind_en(kind), kind_zh(kind);
    if (kind == "norms")
      kind_en = "norm set", kind_zh = "规范集";
    else if (kind == "labor")
      kind_en = "labour profile", kind_zh = "工时规定";
    else if (kind == "roles")
      kind_en = "role catalogue", kind_zh = "岗位目录";
    std::string en = "no built-in " + kind_en + " named '" + name + "'";
    std::string zh = "没有名为 '" + name + "' 的内置" + kind_zh;
    if (auto best = util::did_you_mean(name, names)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    } else {
      std::string all;
      for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
      en += "; available: " + all;
      zh += "；可用：" + all;
    }
    out.push_back({name, 0, 0, diag::Severity::error, "unknown-name", en, zh, ""});
    return std::nullopt;
  }
  // The built-in files are under 40 kB: a data file of more than 1 MiB is a mistake (and a
  // TOML file of 2 MB of unknown keys took seconds to report).
  auto text = util::read_file(name, 1u << 20);
  if (!text) {
    out.push_back({name, 0, 0, diag::Severity::error, "io", text.error().en, text.error().zh, ""});
    return std::nullopt;
  }
  return Source{std::move(*text), name, name, false};
}

std::vector<std::string> embedded_names(std::string_view kind) {
  std::vector<std::string> out;
  std::string prefix = "data/" + std::string(kind) + "/";
  for (const auto &p : res::list(prefix)) {
    std::string n = p.substr(prefix.size());
    if (util::ends_with(n, ".toml") && n.find('/') == std::string::npos) out.push_back(n.substr(0, n.size() - 5));
  }
  return out;
}

} // namespace pm::data
