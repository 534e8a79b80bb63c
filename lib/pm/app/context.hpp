#pragma once
// The context of a run: every data set the computations read, loaded once and passed
// explicitly (no global catalogue): the role catalogue, the norm set and labour profile, the
// rates, shift patterns and public holidays, and the service standards the proposal quotes.

#include <pm/app/status.hpp>
#include <pm/budget/rates.hpp>
#include <pm/catalog/emergency.hpp>
#include <pm/catalog/inspection.hpp>
#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/service_standards.hpp>
#include <pm/catalog/terms.hpp>
#include <pm/estate/estate.hpp>
#include <pm/roster/calendar.hpp>
#include <pm/roster/patterns.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::app {

inline constexpr const char *default_norms = "cn-standard";
inline constexpr const char *default_rates = "example";

// What a command needs, as the user chose it. Empty names take the defaults.
struct Choices {
  bool staffing_needed = true; // the norm set and labour profile (pm validate needs neither)
  std::string norms;           // built-in name or TOML file; "": default_norms
  std::string labor;           // "": the norm set's own labour profile
  std::string rates;           // "": default_rates
  bool rates_needed = false;
  bool roster_needed = false;    // shift patterns and public holidays
  bool standards_needed = false; // service standards, maintenance, emergencies, inspections
};

struct Context {
  catalog::Catalogue roles; // the built-in role catalogue (an estate extends it with its units)
  staff::NormSet norms;
  staff::Labor labor;
  std::optional<budget::Rates> rates;    // --rates, or the default when no city set serves an estate
  bool rates_given = false;              // --rates was given: every estate is costed at it
  std::vector<budget::Rates> city_rates; // the built-in sets for cities, chosen by an estate's city
  std::vector<roster::Pattern> patterns;
  std::optional<roster::Holidays> holidays;
  std::optional<catalog::ServiceStandards> service_standards;
  std::optional<catalog::MaintenanceCalendar> maintenance;
  std::optional<catalog::EmergencyProcedures> emergency;
  std::optional<catalog::InspectionRounds> inspections;
  std::optional<catalog::Terms> terms; // the words of each estate type (with the standards or the rates)
  std::vector<std::string> files;      // data files read from disk: output never goes over them
};

struct LoadedContext {
  std::optional<Context> context;
  diag::Diagnostics diagnostics; // warnings too, when it loaded
  Status status = Status::ok;    // io when a name is unknown or a file can't be read
};

LoadedContext load_context(const Choices &c);

// The rates an estate is costed at: --rates when given, else the built-in set for the
// estate's city, else the default; `how` says which ("given", "city", "default").
const budget::Rates *rates_for(const Context &c, const estate::Estate &e, std::string &how);

// The labour profile a norm set names, as a name or a path (a relative path is relative to
// the norm file).
std::string labor_of(const staff::NormSet &ns);

} // namespace pm::app
