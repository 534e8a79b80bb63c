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

namespace pm::catalog {

struct InspectionCheck {
  Text item;            // what is checked
  Text action;          // what to do when the check fails
  AppliesTo applies_to; // e.g. booster_pump_rooms
  Text source;          // the check's own, or the round's
};

struct InspectionRound {
  std::string id; // "utilities", "night_lighting", "plant_rooms", "fire_patrol"
  Text name;
  Text frequency; // "每天上、下午各 1 次" / "Twice a day, morning and afternoon"
  int times_per_day = 1;
  std::string department; // a role-catalogue department id
  AppliesTo applies_to;
  std::vector<InspectionCheck> checks;
  Text source;
};

struct InspectionRounds {
  Meta meta;
  std::vector<InspectionRound> rounds; // in file order

  const InspectionRound *round(const std::string &id) const;
};

std::optional<InspectionRounds> load_inspection_rounds(const std::string &name_or_path, const Catalogue &roles,
                                                       diag::Diagnostics &out);

} // namespace pm::catalog
