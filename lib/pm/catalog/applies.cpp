#include <pm/catalog/applies.hpp>
#include <pm/estate/estate.hpp>
#include <pm/staff/quantity.hpp>

namespace pm::catalog {

bool AppliesTo::holds(const estate::Estate &e) const {
  if (!equipment.empty()) {
    bool any = false;
    for (const auto &q : equipment) any = any || staff::quantity(e, q).value_or(0) != 0;
    if (!any) return false;
  }
  for (const auto &text : when) {
    std::string en, zh;
    // The loaders checked every condition, so a failed parse here means "does not hold".
    auto c = staff::parse_condition(text, en, zh);
    if (!c || !c->holds(e)) return false;
  }
  return true;
}

} // namespace pm::catalog
