#include <pm/data/toml.hpp>
#include <pm/res/resources.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::data {

diag::Diagnostic at(const toml::source_region& src, const std::string& file, std::string code, std::string en,
                    std::string zh, diag::Severity sev) {
  return {file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), sev, std::move(code),
          std::move(en), std::move(zh), ""};
}

diag::Diagnostic at(const toml::node& node, const std::string& file, std::string code, std::string en, std::string zh,
                    diag::Severity sev) {
  return at(node.source(), file, std::move(code), std::move(en), std::move(zh), sev);
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, diag::Diagnostics& out) {
  if (auto bad = util::find_bad_utf8(text)) {
    out.push_back({file, bad->line, bad->column, diag::Severity::error, "not-utf8",
                   "the file is not valid UTF-8 here", "此处不是有效的 UTF-8 编码", ""});
    return std::nullopt;
  }
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    out.push_back(at(e.source(), file, "toml-syntax", "this is not valid TOML: " + what, "TOML 语法错误：" + what));
    return std::nullopt;
  }
}

std::optional<Source> load_source(std::string_view kind, std::string_view name_or_path, diag::Diagnostics& out) {
  std::string name(name_or_path);
  bool is_path = name.find('/') != std::string::npos || util::ends_with(name, ".toml");
  if (!is_path) {
    std::string res_path = "data/" + std::string(kind) + "/" + name + ".toml";
    if (auto text = res::get(res_path)) return Source{std::string(*text), "<builtin>/" + res_path, name, true};
    auto names = embedded_names(kind);
    std::string en = "no built-in " + std::string(kind) + " named '" + name + "'";
    std::string zh = "没有名为 '" + name + "' 的内置" + std::string(kind);
    if (auto best = util::did_you_mean(name, names)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    } else {
      std::string all;
      for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
      en += "; available: " + all;
      zh += "；可用：" + all;
    }
    out.push_back({name, 0, 0, diag::Severity::error, "unknown-name", en, zh, ""});
    return std::nullopt;
  }
  auto text = util::read_file(name);
  if (!text) {
    out.push_back({name, 0, 0, diag::Severity::error, "io", text.error().en, text.error().zh, ""});
    return std::nullopt;
  }
  return Source{std::move(*text), name, name, false};
}

std::vector<std::string> embedded_names(std::string_view kind) {
  std::vector<std::string> out;
  std::string prefix = "data/" + std::string(kind) + "/";
  for (const auto& p : res::list(prefix)) {
    std::string n = p.substr(prefix.size());
    if (util::ends_with(n, ".toml") && n.find('/') == std::string::npos) out.push_back(n.substr(0, n.size() - 5));
  }
  return out;
}

void check_keys(const toml::table& table, const std::vector<std::string>& allowed, const std::string& file,
                diag::Diagnostics& out) {
  for (const auto& [k, v] : table) {
    std::string key(k.str());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string en = "unknown key '" + key + "'";
    std::string zh = "未知的键 '" + key + "'";
    if (auto best = util::did_you_mean(key, allowed)) {
      en += "; did you mean '" + *best + "'?";
      zh += "；您是否想写 '" + *best + "'？";
    }
    out.push_back(at(k.source(), file, "unknown-key", en, zh));
  }
}

} // namespace pm::data
