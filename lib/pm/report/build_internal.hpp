#pragma once
// Shared by the build_*.cpp files: the language, the inputs and small formatting helpers.

#include <pm/report/build.hpp>
#include <pm/report/text.hpp>

#include <pm/catalog/terms.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pm::report::detail {

struct Ctx {
  const Input *in; // the proposal's parts; null for the sections shared with other commands
  bool zh;

  i18n::Lang lang() const { return lang_of(zh); }
  std::string operator()(const Label &l) const { return l.get(lang()); }
  template <typename... Args> std::string f(const Label &l, const Args &...args) const {
    return i18n::tr(lang(), l, args...);
  }
  // A data file's text in the language, the estate type's words put in its placeholders.
  std::string t(const catalog::Text &x) const { return catalog::fill(x, terms()).get(zh); }
  // The words of the estate's type; null outside the proposal (nothing filled in).
  const catalog::EstateTerms *terms() const;
  // A word of the estate type ("大厦", "occupants"); "" when none is known.
  std::string term(catalog::Text catalog::EstateTerms::*word) const;
  // A list joined with the language's separator: "、" or ", ".
  std::string join(const std::vector<std::string> &parts) const;
  // "; " or "；".
  std::string sep() const { return (*this)(msg::list_separator); }
  std::string people(int n) const; // "5 人", "5 people", "1 person"
  // A source as reference marks ("[1,3][A2]") in the proposal, entered in its lists; as its text
  // elsewhere (pm staff, pm budget). `context` names what it is the source of.
  std::string cite(const catalog::Text &source, const std::string &context = {}) const;
  bool citing() const { return in && in->cites; }
  // The marks ("[A2]") of the estate file's assumptions about `about` ("areas" also matches
  // "areas.total"; "escalation[1]" only itself); "" outside the proposal or when none.
  std::string assumed(const std::string &about) const;
};

std::string num(double v, int decimals = 0); // 145,000
std::string money(std::int64_t cents);       // 6,705,742.58
double yuan(std::int64_t cents);
double monthly_yuan(std::int64_t cents); // annual ÷ 12, rounded to the fen
std::string hhmm_range(const staff::Shift &s);

Column col(std::string id, std::string label, Align a = Align::left, int decimals = 0, bool wide = false);
Row body(std::string key, std::vector<Cell> cells);
Row group(std::string key, std::vector<Cell> cells);
Row total(std::vector<Cell> cells);

std::string service_name(const Ctx &c, const std::string &service); // outsourced and special services
std::string grade_name(const Ctx &c, int grade);
// data_set_name (commands.hpp) in the document's language.
std::string short_title(const Ctx &c, const catalog::Text &title, const std::string &id);

// The sections, each in its own file.
Section overview(const Ctx &c);
std::optional<Section> programme(const Ctx &c);
Section organisation(const Ctx &c);
Section staffing(const Ctx &c);
// The staffing table with its indicators and warnings; with `explain`, each role's reason and
// source (shared with pm staff).
Section staffing_section(const Ctx &c, const staff::Staffing &st, bool explain);
Section duties(const Ctx &c);
Section shifts(const Ctx &c);
std::optional<Section> services(const Ctx &c);
Section standards(const Ctx &c);
Section maintenance(const Ctx &c);
std::optional<Section> security_equipment(const Ctx &c);
Section emergency(const Ctx &c);
std::optional<Section> rules(const Ctx &c);
std::optional<Section> governance(const Ctx &c);
// What some plans lay down beyond staffing (estate file: processes, commitments, fire_safety,
// liability): each only when the file has it.
std::optional<Section> processes(const Ctx &c);
std::optional<Section> commitments(const Ctx &c);
std::optional<Section> fire_safety(const Ctx &c);
std::optional<Section> liability(const Ctx &c);
Section budget(const Ctx &c);
// The budget by item and department, and the fee; with `bases` each line's arithmetic, with
// `sources` its source (shared with pm budget).
Section budget_section(const Ctx &c, const budget::Budget &b, bool bases, bool sources);

} // namespace pm::report::detail
