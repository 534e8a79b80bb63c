#pragma once
// What the fuzz targets share: the fixtures they run hostile data against, built once.

#include <pm/budget/rates.hpp>
#include <pm/catalog/roles.hpp>
#include <pm/estate/check.hpp>
#include <pm/estate/estate.hpp>
#include <pm/res/resources.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>
#include <pm/yaml/document.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace pm::fuzz {

inline std::string_view text_of(const std::uint8_t *data, std::size_t size) {
  return {reinterpret_cast<const char *>(data), size};
}

// A fixture that must load: if it doesn't, the build is broken, not the input.
template <typename T> const T &must(const std::optional<T> &v, const char *what) {
  if (!v) {
    std::fprintf(stderr, "fuzz fixture %s does not load\n", what);
    std::abort();
  }
  return *v;
}

// The residential starter estate (embedded, as pm init writes it).
inline const estate::Estate &fixture_estate() {
  static const estate::Estate e = [] {
    auto tmpl = res::get("data/templates/residential.yaml");
    if (!tmpl) std::abort();
    std::string text(*tmpl);
    // As pm init fills the template in.
    for (auto [from, to] :
         {std::pair<std::string, std::string>{"{{id}}", "fuzz"}, {"{{schema}}", "estate.schema.json"}})
      for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    yaml::Document doc = estate::load_and_check(text, "residential.yaml", catalog::builtin());
    if (!doc.ok || diag::has_errors(doc.diagnostics)) {
      std::fprintf(stderr, "fuzz fixture residential.yaml does not validate\n");
      std::abort();
    }
    return estate::from_document(doc);
  }();
  return e;
}

inline const staff::NormSet &fixture_norms() {
  static const std::optional<staff::NormSet> n = [] {
    diag::Diagnostics d;
    return staff::load_norms("cn-standard", catalog::builtin(), d);
  }();
  return must(n, "norms cn-standard");
}

inline const staff::Labor &fixture_labor() {
  static const std::optional<staff::Labor> l = [] {
    diag::Diagnostics d;
    return staff::load_labor("cn", d);
  }();
  return must(l, "labour profile cn");
}

inline const budget::Rates &fixture_rates() {
  static const std::optional<budget::Rates> r = [] {
    diag::Diagnostics d;
    return budget::load_rates(budget::default_rates, catalog::builtin(), d);
  }();
  return must(r, "rates example");
}

} // namespace pm::fuzz
