#include <pm/data/toml.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/res/resources.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

namespace pm::data {

using i18n::both;
using i18n::Text;
namespace msg = i18n::msg;

diag::Diagnostic at(const toml::source_region &src, const std::string &file, std::string code,
                    const i18n::Text &message, diag::Severity sev) {
  return diag::make(file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), sev, std::move(code),
                    message);
}

diag::Diagnostic at(const toml::node &node, const std::string &file, std::string code, const i18n::Text &message,
                    diag::Severity sev) {
  return at(node.source(), file, std::move(code), message, sev);
}

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
Text explain_toml_error(const std::string &what) {
  auto has = [&](const char *s) { return what.find(s) != std::string::npos; };
  if (has("parsing string") && has("control characters")) return both(msg::toml_string_not_closed);
  if (has("parsing string") && has("end-of-file")) return both(msg::toml_string_at_end);
  if (has("could not determine value type")) return both(msg::toml_value_type);
  if (has("saw ','") && has("key-value pair")) return both(msg::toml_thousands);
  return Text::same(what);
}
} // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string &file, diag::Diagnostics &out) {
  if (auto bad = util::find_bad_utf8(text)) {
    out.push_back(
        diag::make(file, bad->line, bad->column, diag::Severity::error, "not-utf8", both(msg::toml_not_utf8)));
    return std::nullopt;
  }
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error &e) {
    std::string what(e.description());
    out.push_back(at(e.source(), file, "toml-syntax", i18n::both_of(msg::toml_syntax, explain_toml_error(what))));
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
    Text kind_name = Text::same(std::string(kind));
    if (kind == "norms")
      kind_name = both(msg::toml_kind_norms);
    else if (kind == "labor")
      kind_name = both(msg::toml_kind_labor);
    else if (kind == "roles")
      kind_name = both(msg::toml_kind_roles);
    else if (kind == "rates")
      kind_name = both(msg::toml_kind_rates);
    Text message = i18n::both_of(msg::toml_no_builtin, kind_name, name);
    if (auto best = util::did_you_mean(name, names)) {
      message += both(msg::did_you_mean, *best);
    } else {
      std::string all;
      for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
      message += both(msg::available, all);
    }
    out.push_back(diag::make(name, 0, 0, diag::Severity::error, "unknown-name", message));
    return std::nullopt;
  }
  // The built-in files are under 40 kB: a data file of more than 1 MiB is a mistake (and a
  // TOML file of 2 MB of unknown keys took seconds to report).
  auto text = util::read_file(name, 1u << 20);
  if (!text) {
    out.push_back(diag::make(name, 0, 0, diag::Severity::error, "io", i18n::describe(text.error())));
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
