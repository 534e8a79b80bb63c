#pragma once
// The wording of the failures util:: reports as data (util::Error), in both languages.

#include <pm/i18n/lang.hpp>
#include <pm/util/file.hpp>

namespace pm::i18n {

// "cannot read x.yaml: No such file or directory", "x.yaml 是目录"...
Text describe(const util::Error &e);

} // namespace pm::i18n
