#pragma once
// Bilingual text and the [meta] block shared by the catalogue data files (roles, service
// standards, maintenance calendar, emergency procedures, inspection rounds).

#include <pm/i18n/lang.hpp>

#include <string>

namespace pm::catalog {

using i18n::Text;

// A data file's [meta]: its name, title, overall source and an optional caveat for readers.
struct Meta {
  std::string name; // built-in name ("cn") or the file's path
  Text title;
  Text source;
  Text note;
};

// True when a `source` says its figure is illustrative: an assumption, not from a law, a standard,
// a published guide or a plan in practice, so a renderer can flag it. Such sources say so in
// either language: "illustrative" or "assumption" in English, "假设" or "示意" in Chinese.
bool illustrative(const Text &source);
// True when a `source` cites a rule from memory without checking it: "not verified" in
// English, "未核实" in Chinese.
bool unverified(const Text &source);

} // namespace pm::catalog
