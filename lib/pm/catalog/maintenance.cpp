#include <pm/catalog/maintenance.hpp>
#include <pm/catalog/quantities.hpp>
#include <pm/catalog/reader.hpp>
#include <pm/i18n/messages.hpp>

#include <algorithm>
#include <stdexcept>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

bool MaintenanceTask::in_month(int month) const {
  return std::find(months.begin(), months.end(), month) != months.end();
}

const MaintenanceTask *MaintenanceCalendar::task(const std::string &id) const {
  for (const auto &t : tasks)
    if (t.id == id) return &t;
  return nullptr;
}

std::vector<const MaintenanceTask *> MaintenanceCalendar::in_month(int month) const {
  std::vector<const MaintenanceTask *> out;
  for (const auto &t : tasks)
    if (t.in_month(month)) out.push_back(&t);
  return out;
}

std::vector<const MaintenanceTask *> MaintenanceCalendar::unscheduled() const {
  std::vector<const MaintenanceTask *> out;
  for (const auto &t : tasks)
    if (t.months.empty()) out.push_back(&t);
  return out;
}

std::optional<MaintenanceCalendar> load_maintenance_calendar(const std::string &name_or_path, const Catalogue &roles,
                                                             diag::Diagnostics &out) {
  using detail::Need;
  auto src = data::load_source("standards/maintenance", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  MaintenanceCalendar cal;
  rd.keys(*tbl, {"meta", "task"});
  cal.meta = rd.meta(*tbl, src->name);
  std::set<std::string> ids;
  if (auto tasks = rd.tables(*tbl, "task", Need::required))
    for (auto &n : *tasks) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en", "detail_zh", "detail_en", "frequency_zh", "frequency_en", "months", "department",
                  "equipment", "when", "contractor_service", "source", "source_zh", "source_en"});
      MaintenanceTask task;
      task.id = rd.id(t, ids, both(msg::catalog_what_task));
      task.name = rd.text(t, "zh", "en");
      task.detail = rd.text(t, "detail_zh", "detail_en", Need::optional);
      if (task.detail.zh.empty() != task.detail.en.empty()) rd.error(t, "missing-key", both(msg::catalog_detail_both));
      task.frequency = rd.text(t, "frequency_zh", "frequency_en");
      if (auto m = t.get("months"); m && m->is_string()) {
        if (*m->value_exact<std::string>() == "all")
          for (int i = 1; i <= 12; ++i) task.months.push_back(i);
        else
          rd.error(*m, "bad-value", both(msg::catalog_months_form));
      } else {
        if (!m) rd.error(t, "missing-key", both(msg::catalog_months_missing));
        task.months = rd.ints(t, "months", 1, 12);
        std::sort(task.months.begin(), task.months.end());
      }
      task.department = rd.department(t, roles);
      task.applies_to = rd.applies_to(t);
      task.contractor_service = rd.str(t, "contractor_service");
      if (!task.contractor_service.empty() && !quantity_info("outsourced." + task.contractor_service)) {
        std::vector<std::string> names;
        for (const auto &q : quantities())
          if (q.name.rfind("outsourced.", 0) == 0) names.push_back(q.name.substr(11));
        rd.unknown(*t.get("contractor_service"), "unknown-service", both(msg::what_outsourced_service),
                   task.contractor_service, names);
      }
      task.source = rd.source_text(t);
      cal.tasks.push_back(std::move(task));
    }
  if (rd.failed()) return std::nullopt;
  return cal;
}

} // namespace pm::catalog
