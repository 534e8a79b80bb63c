#include <pm/roster/csv.hpp>
#include <pm/roster/rules.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <climits>

namespace pm::roster {

namespace {
diag::Diagnostic error(const std::string &file, int line, int column, std::string code, std::string en,
                       std::string zh) {
  return {file, line, column, diag::Severity::error, std::move(code), std::move(en), std::move(zh), ""};
}
} // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string &file, diag::Diagnostics &out) {
  std::vector<CsvRecord> records;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // spreadsheets write a BOM
  std::size_t i = 0;
  int line = 1;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool bad = false;
    std::size_t line_start = i;
    while (true) {
      if (i < n && text[i] == '"') {
        ++i;
        bool closed = false;
        int open_line = line;
        std::size_t open_col = i - line_start;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line;
            line_start = i + 1;
          }
          field += c;
          ++i;
        }
        if (!closed) {
          out.push_back(error(file, open_line, static_cast<int>(open_col), "csv-syntax",
                              "a quoted field is never closed", "带引号的字段没有结束引号"));
          return records;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          out.push_back(error(file, line, static_cast<int>(i - line_start + 1), "csv-syntax",
                              "text after a closing quote; a quote inside a field is written \"\"",
                              "结束引号后还有字符；字段内的引号应写作 \"\""));
          bad = true;
          while (i < n && text[i] != '\n') ++i;
          break;
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"' && !bad) {
            out.push_back(error(file, line, static_cast<int>(i - line_start + 1), "csv-syntax",
                                "a quote inside an unquoted field; quote the whole field and double the quote",
                                "未加引号的字段中出现引号；请给整个字段加引号并把引号写两次"));
            bad = true;
          }
          field += text[i++];
        }
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
    bool empty = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!bad && !empty) records.push_back(std::move(rec));
  }
  return records;
}

std::vector<Assignment> read_roster_csv(std::string_view text, const std::string &file, const Problem &p,
                                        diag::Diagnostics &out) {
  std::vector<Assignment> result;
  if (auto bad = util::find_bad_utf8(text)) {
    out.push_back(error(file, bad->line, bad->column, bad->nul ? "nul-byte" : "not-utf8",
                        bad->nul ? "NUL byte in the file" : "the file is not UTF-8 text",
                        bad->nul ? "文件中有 NUL 字节" : "文件不是 UTF-8 文本"));
    return result;
  }
  auto records = parse_csv(text, file, out);
  if (records.empty()) {
    out.push_back(error(file, 1, 0, "empty", "the roster has no header row", "排班表没有表头行"));
    return result;
  }
  const auto &header = records.front().fields;
  auto col = [&](const char *name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  int c_staff = col("staff_id"), c_post = col("post"), c_start = col("start"), c_end = col("end");
  for (auto [c, name] : {std::pair{c_staff, "staff_id"}, {c_post, "post"}, {c_start, "start"}, {c_end, "end"}})
    if (c < 0)
      out.push_back(error(file, records.front().line, 0, "missing-column",
                          std::string("the header has no column '") + name + "'",
                          std::string("表头缺少列 '") + name + "'"));
  if (c_staff < 0 || c_post < 0 || c_start < 0 || c_end < 0) return result;
  std::vector<std::string> ids;
  for (const auto &x : p.people) ids.push_back(x.id);
  std::vector<std::string> posts;
  for (const auto &x : p.posts) posts.push_back(x.id);

  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord &rec = records[r];
    if (rec.fields.size() != header.size()) {
      out.push_back(error(
          file, rec.line, 0, "csv-columns",
          "this row has " + std::to_string(rec.fields.size()) + " fields, the header " + std::to_string(header.size()),
          "此行有 " + std::to_string(rec.fields.size()) + " 个字段，表头有 " + std::to_string(header.size()) + " 个"));
      continue;
    }
    auto field = [&](int c) { return rec.fields[static_cast<std::size_t>(c)]; };
    auto column_of = [&](int c) { return c + 1; };
    Assignment a;
    a.line = rec.line;
    bool ok = true;
    a.person = p.find_person(field(c_staff));
    if (a.person < 0) {
      std::string hint;
      if (auto m = util::did_you_mean(field(c_staff), ids)) hint = *m;
      out.push_back(error(file, rec.line, column_of(c_staff), "unknown-staff",
                          "no one with staff_id '" + field(c_staff) + "' in the estate" +
                              (hint.empty() ? "" : "; did you mean '" + hint + "'?"),
                          "小区文件中没有 staff_id 为 '" + field(c_staff) + "' 的人员" +
                              (hint.empty() ? "" : "；是否是 '" + hint + "'？")));
      ok = false;
    }
    a.post = p.find_post(field(c_post));
    if (a.post < 0) {
      std::string hint;
      if (auto m = util::did_you_mean(field(c_post), posts)) hint = *m;
      out.push_back(error(
          file, rec.line, column_of(c_post), "unknown-post",
          "no post '" + field(c_post) + "' in this staffing" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"),
          "此人员配置中没有岗位 '" + field(c_post) + "'" + (hint.empty() ? "" : "；是否是 '" + hint + "'？")));
      ok = false;
    }
    auto s = parse_datetime(field(c_start)), e = parse_datetime(field(c_end));
    for (auto [v, c] : {std::pair{s, c_start}, {e, c_end}})
      if (!v) {
        out.push_back(error(file, rec.line, column_of(c), "bad-time",
                            "'" + field(c) + "' is not a time written YYYY-MM-DDTHH:MM",
                            "'" + field(c) + "' 不是 YYYY-MM-DDTHH:MM 格式的时间"));
        ok = false;
      }
    if (s && e && *e <= *s) {
      out.push_back(error(file, rec.line, column_of(c_end), "bad-time", "the shift ends before it starts",
                          "班次结束时间早于开始时间"));
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
