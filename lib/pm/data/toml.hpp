#pragma once
// Reading the TOML data files (norm sets, labour profiles, rates, shift patterns, holidays and
// the catalogue) with located errors. Every reader takes its values through data::Reader, so
// that a mistake has one code and one wording whichever file it is in:
//
//   toml-syntax       the file is not TOML (not-utf8: not UTF-8; io: it can't be read;
//                     unknown-name: no built-in file of that name)
//   unknown-key       a key the format doesn't have, with "did you mean"
//   missing-key       a key or table that is needed is absent
//   wrong-type        a value of the wrong TOML type: text where a number goes, a number where a
//                     list goes...
//   out-of-range      a number outside what its key allows; the message names the bound
//   bad-value         a value of the right type that isn't allowed: not one of the listed names
//                     (with "did you mean"), not of the required form (a time, a date, an id),
//                     a fraction where whole numbers are counted, empty text, or a value that
//                     contradicts another (max below min)
//   conflicting-keys  keys that can't be given together
//   duplicate-id      an id given twice in its section (duplicate-item: a list repeats a value)
//   missing-source    a figure or text without its source
//   unknown-<kind>    an id or name that names nothing of its kind: unknown-role,
//                     unknown-department, unknown-quantity, unknown-service, unknown-labor...
// A format's own rules have their own codes, raised by its reader (not-for-kind, bad-condition,
// duplicate-grade...). The man pages pm-norms(1) and pm-rates(5) list them for users.

#include <pm/diag/diagnostic.hpp>
#include <pm/i18n/lang.hpp>
#include <pm/i18n/messages.hpp>

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pm::data {

// Parses TOML; on a syntax error returns nullopt and appends a located diagnostic.
std::optional<toml::table> parse_toml(std::string_view text, const std::string &file, diag::Diagnostics &out);

// Reads the embedded resource `data/<kind>/<name>.toml`, or a file when `name_or_path`
// contains a '/' or ends in ".toml". `resolved` receives the name shown to users.
struct Source {
  std::string text;
  std::string file; // for messages
  std::string name; // e.g. "cn-standard", or the file's path
  bool embedded = false;
};
std::optional<Source> load_source(std::string_view kind, std::string_view name_or_path, diag::Diagnostics &out);

// Names of the embedded files of a kind ("norms" -> {"cn-practice", "cn-standard"}).
std::vector<std::string> embedded_names(std::string_view kind);

// A located diagnostic for a TOML node, its message from the catalogue: at(node, file, "bad-value",
// i18n::both(msg::..., args)).
diag::Diagnostic at(const toml::node &node, const std::string &file, std::string code, const i18n::Text &message,
                    diag::Severity sev = diag::Severity::error);
diag::Diagnostic at(const toml::source_region &src, const std::string &file, std::string code,
                    const i18n::Text &message, diag::Severity sev = diag::Severity::error);
// The same with the message as an English and a Chinese string.
diag::Diagnostic at(const toml::node &node, const std::string &file, std::string code, std::string en, std::string zh,
                    diag::Severity sev = diag::Severity::error);
diag::Diagnostic at(const toml::source_region &src, const std::string &file, std::string code, std::string en,
                    std::string zh, diag::Severity sev = diag::Severity::error);

// The numbers a key allows, and how a message names them. `max` guards against absurd values
// and is named only when a value passes it, unless `named_max` (a real bound: "from 0 to 1").
struct Range {
  double min = 0;
  double max = 1e9;
  bool min_open = false; // min itself not allowed: (0, max] is "a positive number"
  bool max_open = false; // max itself not allowed: [0, 1) is "from 0 to less than 1"
  bool named_max = false;
  bool whole = false; // counts of people, days...: a fraction is a bad-value
  i18n::Text noun;    // what the number is ("ratio"); empty for a plain number
  i18n::Text note;    // said after the range, in brackets

  // [min, limit]: "a number of at least 1", "a number of 0 or more".
  static Range at_least(double min, double limit = 1e9);
  // (0, limit]: "a positive number".
  static Range positive(double limit = 1e9);
  // [min, max]: "a number from 0 to 1".
  static Range between(double min, double max);
  Range &integral() { return whole = true, *this; }
  Range &below_max() { return max_open = true, *this; }
  Range &called(i18n::Text n) { return noun = std::move(n), *this; }
  Range &hint(i18n::Text h) { return note = std::move(h), *this; }
  Range &called(std::string en, std::string zh) { return called({std::move(zh), std::move(en)}); }
  Range &hint(std::string en, std::string zh) { return hint({std::move(zh), std::move(en)}); }

  bool contains(double v) const;
  // The range in words, {en, zh}: "a whole number from 1 to 12". With `got` above the limit,
  // the limit is named: "a number of at most 1000000000".
  std::pair<std::string, std::string> describe(std::optional<double> got = std::nullopt) const;
};

enum class Need { optional, required };

// Typed getters over a toml::table that report every problem at its line and column and never
// fall back silently: a missing optional key gives nothing (the caller's documented default
// stands), anything else that is wrong is an error and gives nothing too.
class Reader {
public:
  Reader(std::string file, diag::Diagnostics &out) : m_file(std::move(file)), m_out(out), m_start(out.size()) {}

  const std::string &file() const { return m_file; }
  // True when an error has been reported since this reader was made, or since `mark`.
  bool failed() const { return failed_since(m_start); }
  std::size_t mark() const { return m_out.size(); }
  bool failed_since(std::size_t mark) const;

  void error(const toml::node &at, std::string code, const i18n::Text &message,
             diag::Severity sev = diag::Severity::error);
  void error(const toml::source_region &at, std::string code, const i18n::Text &message,
             diag::Severity sev = diag::Severity::error);
  void error(const toml::node &at, std::string code, std::string en, std::string zh,
             diag::Severity sev = diag::Severity::error);
  void error(const toml::source_region &at, std::string code, std::string en, std::string zh,
             diag::Severity sev = diag::Severity::error);
  // missing-key: "missing key 'key'", at the table that lacks it.
  void missing(const toml::node &table, std::string_view key);
  // "unknown <what> '<value>'; did you mean '...'?" with `code` (unknown-role, bad-value...);
  // `otherwise` is said when no candidate is close ("pm-norms(5) lists the quantities").
  void unknown(const toml::node &at, const std::string &code, const i18n::Text &what, const std::string &value,
               const std::vector<std::string> &candidates, const i18n::Text &otherwise = {});
  void unknown(const toml::source_region &at, const std::string &code, const i18n::Text &what, const std::string &value,
               const std::vector<std::string> &candidates, const i18n::Text &otherwise = {});
  void unknown(const toml::node &at, const std::string &code, const std::string &what_en, const std::string &what_zh,
               const std::string &value, const std::vector<std::string> &candidates,
               const std::string &otherwise_en = "", const std::string &otherwise_zh = "");
  void unknown(const toml::source_region &at, const std::string &code, const std::string &what_en,
               const std::string &what_zh, const std::string &value, const std::vector<std::string> &candidates,
               const std::string &otherwise_en = "", const std::string &otherwise_zh = "");

  // unknown-key for each key of `t` not in `allowed`, with "did you mean".
  void keys(const toml::table &t, const std::vector<std::string> &allowed);
  // conflicting-keys when both `a` and `b` are given (reported at `b`); true if they are.
  bool exclusive(const toml::table &t, const char *a, const char *b);

  // A sub-table ([key] or key = {...}).
  const toml::table *table(const toml::table &t, const char *key, Need need = Need::optional);
  // A list of tables ([[key]]).
  const toml::array *tables(const toml::table &t, const char *key, Need need = Need::optional);
  // A list of any values; its items are the caller's to check.
  const toml::array *array(const toml::table &t, const char *key, Need need = Need::optional);

  // A string; a required one must not be empty.
  std::string str(const toml::table &t, const char *key, Need need = Need::optional);
  std::optional<double> number(const toml::table &t, const char *key, const Range &range, Need need = Need::optional);
  // A whole number from min to max.
  std::optional<std::int64_t> integer(const toml::table &t, const char *key, std::int64_t min, std::int64_t max,
                                      Need need = Need::optional);
  std::optional<bool> boolean(const toml::table &t, const char *key, Need need = Need::optional);
  // One of `allowed` (bad-value with "did you mean" otherwise); "" when absent or wrong.
  std::string one_of(const toml::table &t, const char *key, const std::vector<std::string> &allowed,
                     Need need = Need::optional);
  // The string items of a list of strings, or of a single string, as nodes to locate later
  // findings at; items of another type are reported.
  std::vector<const toml::node *> string_nodes(const toml::table &t, const char *key, Need need = Need::optional);
  std::vector<std::string> strings(const toml::table &t, const char *key, Need need = Need::optional);
  // A list of whole numbers from min to max, without repeats (duplicate-item).
  std::vector<int> ints(const toml::table &t, const char *key, int min, int max, Need need = Need::optional);
  // Bilingual text as the files write it: a pair of keys (zh_key, en_key); with Need::required
  // both must be there.
  i18n::Text text(const toml::table &t, const char *zh_key, const char *en_key, Need need = Need::required);
  // A list of {zh = "...", en = "..."}, each with both languages.
  std::vector<i18n::Text> texts(const toml::table &t, const char *key, Need need = Need::optional);
  // An id: required, of a-z, 0-9 and the characters of `extra`, unique within `seen`; `what`
  // names the thing identified ("role").
  std::string id(const toml::table &t, std::set<std::string> &seen, const i18n::Text &what,
                 std::string_view extra = "_");
  std::string id(const toml::table &t, std::set<std::string> &seen, const std::string &what_en,
                 const std::string &what_zh, std::string_view extra = "_");
  // `source`: required and not empty, unless `fallback` (an enclosing entry's source) is given.
  std::string source(const toml::table &t, const std::string *fallback = nullptr);
  // A source in both languages: `source_zh` and `source_en` together, or `source` alone for a
  // citation that reads the same in both (a standard's number and clause).
  i18n::Text source_text(const toml::table &t);
  // The same, or `fallback` (an enclosing entry's source) when the table gives none.
  i18n::Text source_text(const toml::table &t, const i18n::Text &fallback);
  // The same when the table gives a source; empty when it gives none (no error).
  i18n::Text optional_source_text(const toml::table &t);
  // A source under other keys: `<key>_zh` and `<key>_en` together, or `<key>` alone; empty
  // when none is given.
  i18n::Text optional_source_text(const toml::table &t, const std::string &key);

private:
  // "'key' must be <what>, not <value>" (wrong-type), for a value of another type.
  void wrong_type(const toml::node &n, std::string_view key, const i18n::Text &what);
  // The number at `n`, if it is one within `range`; else reported with `must_be` ("'{0}' must be
  // {1}{2}": the key, the range, what was found).
  std::optional<double> checked(const toml::node &n, std::string_view key, const i18n::Message &must_be,
                                const Range &range);

  std::string m_file;
  diag::Diagnostics &m_out;
  std::size_t m_start;
};

// ", not \"forty\"", ", not 3", ", not a list"...: what a message found, in each language.
i18n::Text found(const toml::node &n);

} // namespace pm::data
