#pragma once
// The vocabulary of named quantities that norm rules divide, count and test ("area.green",
// "buildings.high_rise", "lifts", "outsourced.lift_maintenance"...) and of the conditions written
// with them. Names and parsing only: pm::staff evaluates them against an estate.

#include <pm/catalog/text.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct QuantityInfo {
  std::string name;
  Text label; // "high-rise buildings" / "高层楼栋"
  Text unit;  // "" / "栋"
};

// The building types of the estate format, as quantities ("buildings.high_rise") and bands name them.
const std::vector<std::string> &building_types();
// A building type as an adjective for messages: "high-rise" / "高层"; the id itself if unknown.
Text building_type_name(const std::string &type);

// An outsourced or special service of the estate format by its id: "Lift maintenance" / "电梯维保";
// the one place services are named, for explanations, reports and budget lines alike.
Text service_name(const std::string &id);

// The estate types of the estate format, as rules and bands select them, and their names.
const std::vector<std::string> &estate_types();
Text estate_type_name(const std::string &type);

// Every quantity a rule may name, for validation, "did you mean" and pm-norms(5).
const std::vector<QuantityInfo> &quantities();
const QuantityInfo *quantity_info(const std::string &name);

// A condition: "NAME", "not NAME", or "NAME OP NUMBER" with OP one of > >= < <= == !=.
struct Condition {
  std::string text;
  std::string name;
  std::string op; // "" for truthiness, "not" for falsity
  double value = 0;
};
// Parses a condition; on error returns nullopt and sets `error` (English) / `error_zh`.
std::optional<Condition> parse_condition(const std::string &text, std::string &error, std::string &error_zh);

} // namespace pm::catalog
