#include <pm/app/context.hpp>
#include <pm/data/toml.hpp>
#include <pm/util/text.hpp>

#include <filesystem>

namespace pm::app {

std::string labor_of(const staff::NormSet &ns) {
  std::string name = ns.labor;
  // A relative path in a norm file is relative to that file, wherever pm runs from.
  bool is_path = name.find('/') != std::string::npos || util::ends_with(name, ".toml");
  std::filesystem::path norm_file(ns.file);
  if (is_path && std::filesystem::path(name).is_relative() && norm_file.has_parent_path() &&
      !util::starts_with(ns.file, "<builtin>"))
    name = (norm_file.parent_path() / name).string();
  return name;
}

namespace {

void add_file(Context &c, const std::string &f) {
  if (!f.empty() && !util::starts_with(f, "<builtin>")) c.files.push_back(f);
}

// Built-in data is tested to load cleanly; should it not, its diagnostics say why.
template <typename T>
std::optional<T> builtin(std::optional<T> (*load)(const std::string &, diag::Diagnostics &), diag::Diagnostics &out) {
  return load("cn", out);
}

} // namespace

LoadedContext load_context(const Choices &ch) {
  LoadedContext out;
  Context c;
  auto roles = catalog::load("cn", out.diagnostics);
  if (!roles) {
    out.status = Status::invalid;
    return out;
  }
  c.roles = std::move(*roles);
  if (!ch.staffing_needed) {
    out.context = std::move(c);
    return out;
  }

  std::size_t before = out.diagnostics.size();
  auto norms = staff::load_norms(ch.norms.empty() ? default_norms : ch.norms, c.roles, out.diagnostics);
  std::optional<staff::Labor> labor;
  if (norms) labor = staff::load_labor(ch.labor.empty() ? labor_of(*norms) : ch.labor, out.diagnostics);
  std::optional<budget::Rates> rates;
  bool rates_io = false;
  if (ch.rates_needed)
    rates = budget::load_rates(ch.rates.empty() ? default_rates : ch.rates, c.roles, out.diagnostics, &rates_io);
  // A name that doesn't exist, or a file that can't be read, is a usage error.
  for (std::size_t i = before; i < out.diagnostics.size(); ++i)
    if (out.diagnostics[i].code == "unknown-name" || out.diagnostics[i].code == "io") out.status = Status::io;
  if (rates_io) out.status = Status::io;
  if (!norms || !labor || (ch.rates_needed && !rates)) {
    out.status = worst(out.status, Status::invalid);
    return out;
  }
  c.norms = std::move(*norms);
  c.labor = std::move(*labor);
  c.rates = std::move(rates);
  c.rates_given = !ch.rates.empty();
  if (ch.rates_needed && !c.rates_given)
    for (const auto &name : data::embedded_names("rates")) {
      if (name == default_rates) continue;
      // Built-in, tested to load cleanly; should one not, its diagnostics say why.
      if (auto r = budget::load_rates(name, c.roles, out.diagnostics); r && !r->cities.empty())
        c.city_rates.push_back(std::move(*r));
    }
  add_file(c, c.norms.file);
  add_file(c, c.labor.file);
  if (c.rates) add_file(c, c.rates->file);

  if (ch.roster_needed) {
    c.patterns = roster::builtin_patterns(out.diagnostics);
    // Holidays are listed for the country of the labour profile; none is not an error.
    c.holidays = roster::load_holidays(c.labor.name, out.diagnostics);
  }
  if (ch.standards_needed) {
    // Built-in data, tested to load cleanly; should it not, its diagnostics say why.
    c.service_standards = catalog::load_service_standards("cn", out.diagnostics);
    c.maintenance = catalog::load_maintenance_calendar("cn", c.roles, out.diagnostics);
    c.emergency = catalog::load_emergency_procedures("cn", out.diagnostics);
    c.inspections = catalog::load_inspection_rounds("cn", c.roles, out.diagnostics);
  }
  // The words of each estate type: the proposal's texts and the budget's notes use them.
  if (ch.standards_needed || ch.rates_needed) c.terms = catalog::load_terms("cn", out.diagnostics);
  if (diag::has_errors(out.diagnostics)) {
    out.status = worst(out.status, Status::invalid);
    return out;
  }
  out.context = std::move(c);
  return out;
}

const budget::Rates *rates_for(const Context &c, const estate::Estate &e, std::string &how) {
  how = c.rates_given ? "given" : "default";
  if (!c.rates_given)
    for (const auto &r : c.city_rates)
      if (budget::serves_city(r, e.city)) {
        how = "city";
        return &r;
      }
  return c.rates ? &*c.rates : nullptr;
}

} // namespace pm::app
