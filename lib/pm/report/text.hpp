#pragma once
// The report's words come from the message catalogue (pm/i18n/messages.inc).

#include <pm/i18n/messages.hpp>

namespace pm::report {
namespace msg = i18n::msg;
using Label = i18n::Message;
using i18n::lang_of;
} // namespace pm::report
