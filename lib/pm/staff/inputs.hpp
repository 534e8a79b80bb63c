#pragma once
// Everything a staffing needs, loaded together: the estate, the norm set and the labour profile.

#include <pm/estate/estate.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::staff {

inline constexpr const char *default_norms = "cn-standard";

struct Inputs {
  estate::Estate estate;
  NormSet norms;
  Labor labor;
  catalog::Catalogue roles; // the built-in catalogue plus the estate's own units and positions
  // The files read: the estate and any norm or labour file (not the built-in ones), so that
  // output never goes over one of them.
  std::vector<std::string> files;
};

struct LoadedInputs {
  std::optional<Inputs> inputs;
  diag::Diagnostics diagnostics; // errors, and warnings even on success
  bool io_error = false;
};

// The labour profile a norm set names, as a name or a path (a relative path is relative to
// the norm file).
std::string labor_of(const NormSet &ns);

// `norms` is a built-in name or a path ("" for the default); `labor` likewise ("" for the
// norm set's own labour profile).
LoadedInputs load_inputs(const std::string &estate_path, const std::string &norms, const std::string &labor);

} // namespace pm::staff
