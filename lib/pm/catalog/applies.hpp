#pragma once
// Which estates an item of the data files applies to: plant it needs (any of) and further
// conditions (all of), both in the quantity language of catalog/quantities.hpp (pm-norms(5)).
// pm::staff::applies evaluates it for an estate.

#include <string>
#include <vector>

namespace pm::catalog {

struct AppliesTo {
  std::vector<std::string> equipment; // quantity names; holds when any is non-zero; empty: always
  std::vector<std::string> when;      // conditions ("not outsourced.lift_maintenance"); all must hold

  bool always() const { return equipment.empty() && when.empty(); }
};

} // namespace pm::catalog
