#pragma once
// Inspection rounds: the daily rounds of utilities and plant with their checklists, from
// lib/data/standards/inspection/<name>.toml.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::estate {
struct Estate;
}

namespace pm::catalog {

struct InspectionCheck {
  Text item;            // what is checked
  Text action;          // what to do when the check fails
  AppliesTo applies_to; // e.g. booster_pump_rooms
  std::string source;   // the check's own, or the round's
};

struct InspectionRound {
  std::string id; // "utilities", "night_lighting", "plant_rooms", "fire_patrol"
  Text name;
  Text frequency; // "每天上、下午各 1 次" / "Twice a day, morning and afternoon"
  int times_per_day = 1;
  std::string department; // a role-catalogue department id
  AppliesTo applies_to;
  std::vector<InspectionCheck> checks;
  std::string source;

  // The checks that apply to an estate (all when `e` is null), in file order.
  std::vector<const InspectionCheck *> checks_for(const estate::Estate *e) const;
};

struct InspectionRounds {
  Meta meta;
  std::vector<InspectionRound> rounds; // in file order

  const InspectionRound *round(const std::string &id) const;
  // The rounds that apply to an estate and have at least one applicable check (all when `e` is null).
  std::vector<const InspectionRound *> for_estate(const estate::Estate *e) const;
};

std::optional<InspectionRounds> load_inspection_rounds(const std::string &name_or_path, const Catalogue &roles,
                                                       diag::Diagnostics &out);

} // namespace pm::catalog
