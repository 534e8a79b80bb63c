#include <pm/report/labels.hpp>

namespace pm::report {

std::string format(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // {N} with a single digit: the sentences here never take more than ten arguments.
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') {
      std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
      if (n < args.size()) out += *(args.begin() + static_cast<std::ptrdiff_t>(n));
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string format(const Label &l, bool zh, std::initializer_list<std::string> args) { return format(l.get(zh), args); }

const std::vector<Label> &all_labels() {
  static const std::vector<Label> all = {
#define PM_REPORT_LABEL(name, zh, en) lbl::name,
#include <pm/report/labels.inc>
#undef PM_REPORT_LABEL
  };
  return all;
}

} // namespace pm::report
