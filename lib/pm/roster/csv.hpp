#pragma once
// Reading a roster back from CSV (RFC 4180), e.g. after someone edited it in a spreadsheet.

#include <pm/diag/diagnostic.hpp>
#include <pm/roster/model.hpp>
#include <pm/util/csv.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pm::roster {

using util::CsvRecord;

// util::parse_csv, its problems as csv-syntax diagnostics of `file`.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string &file, diag::Diagnostics &out);

// Assignments from a roster CSV with the columns staff_id, post_id, start, end (others are
// ignored; a roster without post_id, as pm wrote them before, has the post's id in post). Rows naming unknown people or
// posts, or with bad times, are reported and skipped.
std::vector<Assignment> read_roster_csv(std::string_view text, const std::string &file, const Problem &p,
                                        diag::Diagnostics &out);

// The rota days the assignments span (first day, number of days), or {0, 0} if none match a
// shift of their post.
std::pair<int, int> span_of(const Problem &p, const std::vector<Assignment> &a);

} // namespace pm::roster
