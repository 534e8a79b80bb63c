#pragma once
// Shared by the unit tests: the built-in data loaded once, and the shipped examples. The
// library has no global catalogue; tests load what they need as pm's context loader does.

#include <doctest/doctest.h>

#include <pm/app/context.hpp>
#include <pm/app/plan.hpp>

#include <string>

namespace fx {

// The context of `pm report` with the default norm set and rates: every data set loaded.
inline const pm::app::Context &context() {
  static const pm::app::Context c = [] {
    pm::app::Choices ch;
    ch.rates_needed = ch.roster_needed = ch.standards_needed = true;
    auto loaded = pm::app::load_context(ch);
    REQUIRE_MESSAGE(loaded.context.has_value(), "the built-in data does not load");
    return std::move(*loaded.context);
  }();
  return c;
}

inline const pm::catalog::Catalogue &roles() { return context().roles; }

inline pm::app::EstateInput input(const std::string &example) {
  auto loaded = pm::app::load_estate(context(), std::string(PM_SOURCE_DIR) + "/examples/" + example + ".yaml");
  REQUIRE_MESSAGE(loaded.input.has_value(), "example " << example << " does not load");
  return std::move(*loaded.input);
}

inline pm::estate::Estate example(const std::string &name) { return input(name).estate; }

} // namespace fx
