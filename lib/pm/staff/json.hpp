#pragma once
// The staffing as JSON (schemas/staffing.schema.json), in one language.

#include <pm/staff/engine.hpp>

#include <nlohmann/json_fwd.hpp>

namespace pm::staff {

nlohmann::ordered_json to_json(const Staffing &s, bool zh);

} // namespace pm::staff
