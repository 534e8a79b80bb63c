#include <pm/i18n/messages.hpp>

namespace pm::i18n {

const std::vector<Message> &all_messages() {
  static const std::vector<Message> all = {
#define PM_MSG(name, zh, en) msg::name,
#include <pm/i18n/messages.inc>
#undef PM_MSG
  };
  return all;
}

} // namespace pm::i18n
