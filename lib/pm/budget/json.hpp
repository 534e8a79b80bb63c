#pragma once
// A budget as JSON, as described by schemas/budget.schema.json.

#include <pm/budget/budget.hpp>

#include <nlohmann/json_fwd.hpp>

namespace pm::budget {

nlohmann::ordered_json to_json(const Budget &b, bool zh);

} // namespace pm::budget
