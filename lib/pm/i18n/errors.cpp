#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>

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
  }
  return both(msg::file_cannot_read, e.path, why);
}

Text describe(const util::CsvProblem &p) {
  using K = util::CsvProblem::Kind;
  return both(p.kind == K::unclosed_quote ? msg::roster_csv_unclosed_quote
              : p.kind == K::after_quote  ? msg::roster_csv_after_quote
                                          : msg::roster_csv_stray_quote);
}

} // namespace pm::i18n
