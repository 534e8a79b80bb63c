#pragma once
// The maintenance calendar: month-by-month upkeep tasks, each with the plant it applies to,
// from lib/data/standards/maintenance/<name>.toml.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct MaintenanceTask {
  std::string id;
  Text name;
  Text detail;                    // what is done; may be empty
  Text frequency;                 // "每年 2 次（4 月、10 月）" / "Twice a year (April and October)"
  std::vector<int> months;        // 1–12, ascending; empty: no fixed month (see frequency)
  std::string department;         // a role-catalogue department id
  AppliesTo applies_to;           // the plant it needs; always() for every estate
  std::string contractor_service; // outsourced service that takes it over, e.g. "lift_maintenance"; may be empty
  Text source;

  bool in_month(int month) const;
  bool every_month() const { return months.size() == 12; }
};

struct MaintenanceCalendar {
  Meta meta;
  std::vector<MaintenanceTask> tasks; // in file order

  const MaintenanceTask *task(const std::string &id) const;
  // The tasks of a month (1–12), in file order (staff/applicable.hpp picks an estate's).
  std::vector<const MaintenanceTask *> in_month(int month) const;
  // Tasks without a fixed month, in file order.
  std::vector<const MaintenanceTask *> unscheduled() const;
};

std::optional<MaintenanceCalendar> load_maintenance_calendar(const std::string &name_or_path, const Catalogue &roles,
                                                             diag::Diagnostics &out);

} // namespace pm::catalog
