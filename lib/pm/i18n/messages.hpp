#pragma once
// The message catalogue: every heading, label, sentence and diagnostic pm shows, once per
// language, in messages.inc. Texts are fmt format strings with positional arguments ({0},
// {1:>5}), so a Chinese and an English sentence may order their arguments differently; both
// languages of a message take the same arguments (tested).

#include <pm/i18n/lang.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace pm::i18n {

struct Message {
  const char *id;
  const char *zh;
  const char *en;
  const char *get(Lang l) const {
    if (l == Lang::zh) return zh;
    return en;
  }
  const char *get(bool zh_first) const { return get(lang_of(zh_first)); }
};

namespace msg {
#define PM_MSG(name, zh, en) inline constexpr Message name{#name, zh, en};
#include <pm/i18n/messages.inc>
#undef PM_MSG
} // namespace msg

// Every message, in catalogue order (for tests and for `pm` to list them).
const std::vector<Message> &all_messages();

// For both_of: a Text gives the side of the language, anything else itself.
inline const std::string &pick(Lang l, const Text &t) { return t.get(l); }
template <typename T> const T &pick(Lang, const T &v) { return v; }

// The message in language `l`, its arguments put in.
template <typename... Args> std::string tr(Lang l, const Message &m, const Args &...args) {
  return fmt::format(fmt::runtime(m.get(l)), args...);
}
// The message in both languages.
template <typename... Args> Text both(const Message &m, const Args &...args) {
  return {tr(Lang::zh, m, args...), tr(Lang::en, m, args...)};
}
// A message whose arguments are themselves bilingual: each language takes its own side.
template <typename... Args> Text both_of(const Message &m, const Args &...args) {
  return {fmt::format(fmt::runtime(m.zh), pick(Lang::zh, args)...),
          fmt::format(fmt::runtime(m.en), pick(Lang::en, args)...)};
}

// As both_of, but a Text argument gives each language its own side as it is, even empty: for
// texts whose sides are chosen apart (a unit said in Chinese only, a name given in one language
// where the other is to stay blank).
inline const std::string &side(Lang l, const Text &t) {
  if (l == Lang::zh) return t.zh;
  return t.en;
}
template <typename T> const T &side(Lang, const T &v) { return v; }
template <typename... Args> Text both_sides(const Message &m, const Args &...args) {
  return {fmt::format(fmt::runtime(m.zh), side(Lang::zh, args)...),
          fmt::format(fmt::runtime(m.en), side(Lang::en, args)...)};
}

// Appends `more` to `t`, each language to its own side: a sentence and its optional tail
// ("; did you mean 'x'?").
inline Text &operator+=(Text &t, const Text &more) {
  t.zh += more.zh;
  t.en += more.en;
  return t;
}

} // namespace pm::i18n
