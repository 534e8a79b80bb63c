#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>

#include <fmt/format.h>

#include <cstring>

namespace pm::i18n {

Text describe(const util::Error &e) {
  using Kind = util::Error::Kind;
  // The reason the writer gave, or else the system's.
  std::string why = e.detail.empty() ? std::string(std::strerror(e.err)) : e.detail;
  switch (e.kind) {
  case Kind::cannot_read:
    return both(msg::file_cannot_read, e.path, why);
  case Kind::cannot_write:
    return both(msg::file_cannot_write, e.path, why);
  case Kind::cannot_read_directory:
    return both(msg::file_cannot_read_directory, e.path, why);
  case Kind::is_directory:
    return both(msg::file_is_directory, e.path);
  case Kind::not_regular_file:
    return both(msg::file_not_regular, e.path);
  case Kind::too_large:
    return both(msg::file_too_large, e.path, std::to_string(e.limit >> 20));
  case Kind::input_file:
    return both(msg::cli_refuse_overwrite, e.path);
  case Kind::no_directory:
    return both(msg::file_no_directory, e.path, e.detail);
  case Kind::exists:
    return both(msg::file_exists, e.path);
  case Kind::dangling_link:
    return both(msg::walk_dangling_link, e.path);
  case Kind::link_loop:
    return both(msg::walk_link_loop, e.path);
  case Kind::too_many_entries:
    return both(msg::walk_too_many_entries, e.path, e.limit);
  }
  return both(msg::file_cannot_read, e.path, why);
}

Text describe(const util::DateProblem &p) {
  using K = util::DateProblem::Kind;
  static const Message *const months[] = {&msg::m_1, &msg::m_2, &msg::m_3, &msg::m_4,  &msg::m_5,  &msg::m_6,
                                          &msg::m_7, &msg::m_8, &msg::m_9, &msg::m_10, &msg::m_11, &msg::m_12};
  switch (p.kind) {
  case K::form:
    return both(msg::date_reason_form);
  case K::year_zero:
    return both(msg::date_reason_year_zero);
  case K::month:
    return both(msg::date_reason_month, fmt::format("{:02}", p.month));
  case K::day_zero:
    return both(msg::date_reason_day_zero);
  case K::day:
    return both_of(msg::date_reason_day, Text::same(std::to_string(p.year)), both(*months[p.month - 1]),
                   Text::same(std::to_string(p.days)));
  }
  return both(msg::date_reason_form);
}

Text why_not_a_date(std::string_view s) { return describe(util::date_problem(s).value_or(util::DateProblem{})); }

Text describe(const util::CsvProblem &p) {
  using K = util::CsvProblem::Kind;
  return both(p.kind == K::unclosed_quote ? msg::roster_csv_unclosed_quote
              : p.kind == K::after_quote  ? msg::roster_csv_after_quote
                                          : msg::roster_csv_stray_quote);
}

} // namespace pm::i18n
