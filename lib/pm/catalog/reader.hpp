#pragma once
// Shared reading of the catalogue TOML files: typed getters that report located errors
// instead of silently defaulting, so a typo in a data file never turns into a blank cell.
// Internal to pm::catalog loaders.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/text.hpp>
#include <pm/data/toml.hpp>
#include <pm/diag/diagnostic.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pm::catalog::detail {

enum class Need { optional, required };

class Reader {
public:
  Reader(std::string file, diag::Diagnostics &out) : m_file(std::move(file)), m_out(out), m_start(out.size()) {}

  const std::string &file() const { return m_file; }
  // True when an error was reported since this reader was made.
  bool failed() const;

  void err(const toml::node &n, std::string code, std::string en, std::string zh,
           diag::Severity sev = diag::Severity::error);
  void keys(const toml::table &t, const std::vector<std::string> &allowed);
  // "unknown <what> '<value>'; did you mean ...?" at `n`, e.g. what = {"category", "类别"}.
  void unknown(const toml::node &n, const std::string &code, const std::string &what_en, const std::string &what_zh,
               const std::string &value, const std::vector<std::string> &candidates);

  // A string value; a wrong type or a missing required key is an error.
  std::string str(const toml::table &t, const char *key, Need need = Need::optional);
  // A pair of strings under `zh_key` and `en_key`; with Need::required both must be present.
  Text text(const toml::table &t, const char *zh_key, const char *en_key, Need need = Need::required);
  // An array of {zh = ..., en = ...} inline tables, each with both languages.
  std::vector<Text> texts(const toml::table &t, const char *key, Need need = Need::optional);
  std::optional<std::int64_t> integer(const toml::table &t, const char *key, std::int64_t min, std::int64_t max,
                                      Need need = Need::optional);
  std::optional<bool> boolean(const toml::table &t, const char *key);
  // An array of integers in [min, max], without repeats.
  std::vector<int> ints(const toml::table &t, const char *key, int min, int max, Need need = Need::optional);
  std::vector<std::string> strings(const toml::table &t, const char *key);
  // The `source` key: required unless `fallback` is given (then it is the default).
  std::string source(const toml::table &t, const std::string *fallback = nullptr);
  // Quantity names of pm::staff (e.g. "lifts"), each checked, with "did you mean".
  std::vector<std::string> quantities(const toml::table &t, const char *key);
  // Conditions ("lifts", "not outsourced.lift_maintenance", "grade <= 2"): a string or an array.
  std::vector<std::string> conditions(const toml::table &t, const char *key);
  // `equipment` (quantity names) and `when` (conditions) of a table.
  AppliesTo applies_to(const toml::table &t) { return {quantities(t, "equipment"), conditions(t, "when")}; }
  // A department id of the built-in role catalogue (required).
  std::string department(const toml::table &t);
  // An array of tables (`[[key]]`); a wrong type is an error, a missing one gives nullptr.
  const toml::array *tables(const toml::table &t, const char *key, Need need = Need::optional);
  // An id: required, [a-z0-9_] only, unique within `seen`.
  std::string id(const toml::table &t, std::set<std::string> &seen, const char *what_en, const char *what_zh);
  // Reads [meta] (name, title_zh, title_en, source, note_zh, note_en); when present, its
  // title and source are required.
  Meta meta(const toml::table &root, const std::string &name, Need need = Need::required);

private:
  void missing(const toml::table &t, const char *key);

  std::string m_file;
  diag::Diagnostics &m_out;
  std::size_t m_start;
};

} // namespace pm::catalog::detail
