#include <pm/doc/render.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/roster/csv.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <climits>

namespace pm::roster {

using i18n::both;
namespace msg = i18n::msg;

namespace {
diag::Diagnostic error(const std::string &file, int line, int column, std::string code, const i18n::Text &message) {
  return diag::make(file, line, column, diag::Severity::error, std::move(code), message);
}
// "; did you mean 'x'?", or nothing.
i18n::Text hint_of(const std::string &hint) {
  return hint.empty() ? i18n::Text{} : both(msg::roster_csv_did_you_mean, hint);
}
} // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string &file, diag::Diagnostics &out) {
  util::Csv csv = util::parse_csv(text);
  for (const auto &p : csv.problems) out.push_back(error(file, p.line, p.column, "csv-syntax", i18n::describe(p)));
  return std::move(csv.records);
}

std::vector<Assignment> read_roster_csv(std::string_view text, const std::string &file, const Problem &p,
                                        diag::Diagnostics &out) {
  std::vector<Assignment> result;
  std::string decoded;
  if (auto bad = util::find_bad_utf8(text)) {
    // Chinese Excel and WPS save CSV in GB18030: read it as that when it is valid GB18030.
    auto gb = bad->nul ? std::nullopt : util::gb18030_to_utf8(text);
    if (!gb) {
      out.push_back(error(file, bad->line, bad->column, bad->nul ? "nul-byte" : "not-utf8",
                          both(bad->nul ? msg::roster_csv_nul : msg::roster_csv_not_utf8)));
      return result;
    }
    decoded = std::move(*gb);
    text = decoded;
  }
  auto records = parse_csv(text, file, out);
  if (records.empty()) {
    out.push_back(error(file, 1, 0, "empty", both(msg::roster_csv_no_header)));
    return result;
  }
  const auto &header = records.front().fields;
  // Two columns of one name: which one pm reads would be a guess, and the other is ignored.
  for (std::size_t j = 1; j < header.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (!header[j].empty() && header[i] == header[j]) {
        out.push_back(
            error(file, records.front().line, static_cast<int>(j) + 1, "duplicate-column",
                  both(msg::roster_csv_duplicate_column, header[j], std::to_string(i + 1), std::to_string(j + 1))));
        return result;
      }
  auto col = [&](const char *name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  // The post's id is in post_id; rosters of earlier versions had it in post (now its name).
  const char *post_column = col("post_id") >= 0 || col("post") < 0 ? "post_id" : "post";
  int c_staff = col("staff_id"), c_post = col(post_column), c_start = col("start"), c_end = col("end");
  for (auto [c, name] : {std::pair{c_staff, "staff_id"}, {c_post, post_column}, {c_start, "start"}, {c_end, "end"}})
    if (c < 0)
      out.push_back(error(file, records.front().line, 0, "missing-column", both(msg::roster_csv_missing_column, name)));
  if (c_staff < 0 || c_post < 0 || c_start < 0 || c_end < 0) return result;
  std::vector<std::string> ids;
  for (const auto &x : p.people) ids.push_back(x.id);
  std::vector<std::string> posts;
  for (const auto &x : p.posts) posts.push_back(x.id);

  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord &rec = records[r];
    if (rec.fields.size() != header.size()) {
      out.push_back(
          error(file, rec.line, 0, "csv-columns",
                both(msg::roster_csv_field_count, std::to_string(rec.fields.size()), std::to_string(header.size()))));
      continue;
    }
    // pm writes a text cell that a spreadsheet would take for a formula with a ' before it
    // (doc::csv_field): read it back without.
    auto field = [&](int c) { return doc::csv_unquote(rec.fields[static_cast<std::size_t>(c)]); };
    auto column_of = [&](int c) { return c + 1; };
    Assignment a;
    a.line = rec.line;
    bool ok = true;
    a.person = p.find_person(field(c_staff));
    if (a.person < 0) {
      std::string hint;
      if (auto m = util::did_you_mean(field(c_staff), ids)) hint = *m;
      i18n::Text message = both(msg::roster_csv_unknown_staff, field(c_staff));
      message += hint_of(hint);
      out.push_back(error(file, rec.line, column_of(c_staff), "unknown-staff", message));
      ok = false;
    }
    a.post = p.find_post(field(c_post));
    if (a.post < 0) {
      std::string hint;
      if (auto m = util::did_you_mean(field(c_post), posts)) hint = *m;
      i18n::Text message = both(msg::roster_csv_unknown_post, field(c_post));
      message += hint_of(hint);
      out.push_back(error(file, rec.line, column_of(c_post), "unknown-post", message));
      ok = false;
    }
    auto s = parse_datetime(field(c_start)), e = parse_datetime(field(c_end));
    for (auto [v, c] : {std::pair{s, c_start}, {e, c_end}})
      if (!v) {
        // A time written right on a day the calendar lacks: say which part is wrong.
        std::string f = field(c);
        auto problem = f.size() > 10 ? util::date_problem(std::string_view(f).substr(0, 10)) : std::nullopt;
        out.push_back(error(
            file, rec.line, column_of(c), "bad-time",
            problem && problem->kind != util::DateProblem::Kind::form
                ? i18n::both_of(msg::estate_not_a_date, i18n::Text::same(f.substr(0, 10)), i18n::describe(*problem))
                : both(msg::roster_csv_bad_time, field(c))));
        ok = false;
      }
    if (s && e && *e <= *s) {
      out.push_back(error(file, rec.line, column_of(c_end), "bad-time", both(msg::roster_csv_ends_before_start)));
      ok = false;
    }
    if (!ok) continue;
    a.start = *s;
    a.end = *e;
    result.push_back(a);
  }
  return result;
}

std::pair<int, int> span_of(const Problem &p, const std::vector<Assignment> &a) {
  int first = INT_MAX, last = INT_MIN;
  for (const auto &x : a) {
    int i = shift_of(p, x);
    if (i < 0) continue;
    const PostDemand &d = p.posts[static_cast<std::size_t>(x.post)];
    int day = first_calendar_day(x.start - d.shifts.front().start - d.shift_offset(i));
    first = std::min(first, day);
    last = std::max(last, day);
  }
  if (first == INT_MAX) return {0, 0};
  return {first, last - first + 1};
}

} // namespace pm::roster
