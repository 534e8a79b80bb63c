// Fuzz target: an estate file, as pm validate, staff and budget read it: YAML, the schema,
// the semantic rules, then (when it is valid) the model, the staffing and the budget.

#include "common.hpp"

#include <pm/budget/budget.hpp>
#include <pm/estate/check.hpp>
#include <pm/staff/engine.hpp>

using namespace pm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  auto loaded = app::estate_from_text(fuzz::context(), fuzz::text_of(data, size), "fuzz.yaml");
  if (!loaded.input) return 0;
  app::make_plan(fuzz::context(), std::move(*loaded.input), {true, std::nullopt});
  return 0;
}
