#pragma once
// The languages pm speaks, and bilingual text: every name and sentence exists in Chinese and
// English, and the language is chosen only when a document is drawn.

#include <string>
#include <string_view>

namespace pm::i18n {

enum class Lang { zh, en };

// For code that still carries the language as a flag.
inline Lang lang_of(bool zh) {
  if (zh) return Lang::zh;
  return Lang::en;
}

// "zh" or "en".
const char *code(Lang l);
// The language of a locale or language tag ("zh-CN", "zh_CN.UTF-8", "en"): Chinese for zh*,
// else English.
Lang of_locale(std::string_view locale);

// A text in both languages. An empty side falls back to the other, so a name given in one
// language only is still shown.
struct Text {
  std::string zh;
  std::string en;

  const std::string &get(Lang l) const {
    if (l == Lang::en) return en.empty() ? zh : en;
    return zh.empty() ? en : zh;
  }
  const std::string &get(bool zh_first) const { return get(zh_first ? Lang::zh : Lang::en); }
  bool empty() const { return zh.empty() && en.empty(); }
  static Text same(std::string s) { return {s, s}; }
  friend bool operator==(const Text &, const Text &) = default;
};

} // namespace pm::i18n
