#pragma once
// Service standards by grade (patrol and cleaning frequencies, cleanliness criteria, response
// times, KPIs), from lib/data/standards/service/<name>.toml; every value carries its source.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

constexpr int min_grade = 1; // 一级, the highest
constexpr int max_grade = 4; // 四级

struct StandardCategory {
  std::string id; // "patrol", "cleaning_frequency", "cleanliness", "greening", "response", "kpi", "staff"
  Text name;
};

// One value of an item, for the grades it lists.
struct GradeValue {
  std::vector<int> grades;
  Text value;  // "不少于 6 次" / "At least 6"
  Text source; // never empty; illustrative(source) tells practice figures
};

struct StandardItem {
  std::string id;       // "patrol_night"
  std::string category; // a StandardCategory id
  Text name;            // "夜间全区巡逻" / "Night patrol rounds of the whole estate"
  AppliesTo applies_to; // e.g. lifts for the cleaning of lift cars
  std::vector<GradeValue> values;
  const GradeValue *for_grade(int grade) const; // nullptr when the file gives none
};

// One row of a grade's standards, ready to print.
struct StandardLine {
  std::string category; // StandardCategory id
  Text category_name;
  std::string id; // StandardItem id
  Text item;
  Text value;
  Text source;
};

struct ServiceStandards {
  Meta meta;
  std::vector<StandardCategory> categories; // in file order
  std::vector<StandardItem> items;          // in file order

  const StandardCategory *category(const std::string &id) const;
  const StandardItem *item(const std::string &id) const;
  // The standards of one grade, grouped by category in the categories' order, items in file
  // order; empty for a grade outside 1–4.
  std::vector<StandardLine> standards_for(int grade) const;
};

// Loads built-in standards by name ("cn") or a TOML file; problems go to `out` (an item that
// leaves a grade without a value is a warning).
std::optional<ServiceStandards> load_service_standards(const std::string &name_or_path, diag::Diagnostics &out);

} // namespace pm::catalog
