#pragma once
// Every heading, label and sentence of the report, in Chinese and English: one table, so a
// document in either language is whole. Sentences take numbered arguments: {0}, {1}...

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace pm::report {

struct Label {
  const char *id;
  const char *zh;
  const char *en;
  const char *get(bool zh_first) const { return zh_first ? zh : en; }
};

// Replaces {0}, {1}... in the label's text with the arguments.
std::string format(const Label &l, bool zh, std::initializer_list<std::string> args);
std::string format(std::string_view text, std::initializer_list<std::string> args);

// All labels, for tests (each exists in both languages, with the same arguments).
const std::vector<Label> &all_labels();

namespace lbl {
#define PM_REPORT_LABEL(name, zh, en) inline constexpr Label name{#name, zh, en};
#include <pm/report/labels.inc>
#undef PM_REPORT_LABEL
} // namespace lbl

} // namespace pm::report
