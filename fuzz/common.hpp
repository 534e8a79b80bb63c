#pragma once
// What the fuzz targets share: pm's context (the built-in data) and a fixture estate, loaded
// once, as the commands load them.

#include <pm/app/context.hpp>
#include <pm/app/plan.hpp>
#include <pm/res/resources.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace pm::fuzz {

inline std::string_view text_of(const std::uint8_t *data, std::size_t size) {
  return {reinterpret_cast<const char *>(data), size};
}

// The context of pm report: the default norm set, labour profile, rates, patterns, holidays.
// If it doesn't load, the build is broken, not the input.
inline const app::Context &context() {
  static const app::Context c = [] {
    app::Choices ch;
    ch.rates_needed = ch.roster_needed = true;
    auto loaded = app::load_context(ch);
    if (!loaded.context) {
      std::fprintf(stderr, "fuzz: the built-in data does not load\n");
      std::abort();
    }
    return std::move(*loaded.context);
  }();
  return c;
}

// The residential starter estate (embedded, as pm init writes it).
inline const app::EstateInput &fixture() {
  static const app::EstateInput in = [] {
    auto tmpl = res::get("data/templates/residential.yaml");
    if (!tmpl) std::abort();
    std::string text(*tmpl);
    // As pm init fills the template in.
    for (auto [from, to] :
         {std::pair<std::string, std::string>{"{{id}}", "fuzz"}, {"{{schema}}", "estate.schema.json"}})
      for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    auto loaded = app::estate_from_text(context(), text, "residential.yaml");
    if (!loaded.input) {
      std::fprintf(stderr, "fuzz fixture residential.yaml does not validate\n");
      std::abort();
    }
    return std::move(*loaded.input);
  }();
  return in;
}

} // namespace pm::fuzz
