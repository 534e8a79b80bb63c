#include <pm/i18n/lang.hpp>

namespace pm::i18n {

const char *code(Lang l) {
  switch (l) {
  case Lang::zh:
    return "zh";
  case Lang::en:
    return "en";
  }
  return "en";
}

Lang of_locale(std::string_view locale) { return locale.substr(0, 2) == "zh" ? Lang::zh : Lang::en; }

} // namespace pm::i18n
