#pragma once
// The wording of the failures util:: reports as data (util::Error, util::CsvProblem), in both languages.

#include <pm/i18n/lang.hpp>
#include <pm/util/csv.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>

namespace pm::i18n {

// "cannot read x.yaml: No such file or directory", "x.yaml 是目录"...
Text describe(const util::Error &e);

// What is wrong with a CSV file's quoting (util::parse_csv), for its csv-syntax diagnostic.
Text describe(const util::CsvProblem &p);

// What is wrong with a date (util::date_problem): "Feb 2026 has 28 days", "there is no month 13".
Text describe(const util::DateProblem &p);
// Why `s` is not a date (its form, when it is one after all).
Text why_not_a_date(std::string_view s);

} // namespace pm::i18n
