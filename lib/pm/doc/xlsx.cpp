// XLSX through libxlsxwriter: one sheet each for staffing, roster and budget, holding the
// document's tables of that sheet. Totals are real formulas (=SUM...) with their computed
// values cached, so the workbook reads right before and after Excel recalculates.

#include <pm/doc/render.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/cleanup.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>
#include <pm/util/text.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::doc {

namespace {

// Where each table of a sheet landed: the worksheet row of its first data row.
struct Placed {
  const Table *table = nullptr;
  int first_row = 0;
};

// A sheet's name and its tables by id, laid out before any is written so that formulas may
// refer to any table of the workbook.
struct SheetLayout {
  std::string name;
  std::map<std::string, Placed> placed;
};

// 'Sheet name'! for a reference from another sheet; quotes doubled as Excel wants.
std::string sheet_prefix(const std::string &name) {
  std::string q;
  for (char ch : name) q += ch == '\'' ? std::string("''") : std::string(1, ch);
  return "'" + q + "'!";
}

std::string column_letters(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}
std::string address(int row, int col) { return column_letters(col) + std::to_string(row + 1); }

// A run of consecutive rows as "C5:C9" (or "C5").
std::string range(int col, int a, int b) { return a == b ? address(a, col) : address(a, col) + ":" + address(b, col); }

std::string sum_of(int col, const std::vector<int> &rows, bool as_runs) {
  if (rows.empty()) return "";
  std::string args;
  std::size_t i = 0;
  while (i < rows.size()) {
    std::size_t j = i;
    if (as_runs)
      while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    args += (args.empty() ? "" : ",") + range(col, rows[i], rows[j]);
    i = j + 1;
  }
  return "SUM(" + args + ")";
}

int row_of(const Placed &p, const std::string &key) {
  for (std::size_t i = 0; i < p.table->rows.size(); ++i)
    if (p.table->rows[i].key == key) return p.first_row + static_cast<int>(i);
  return -1;
}

// Turns a cell's formula spec (document.hpp) into an Excel formula, or "" when it cannot be
// resolved (the value is written instead).
std::string resolve(const std::string &spec, const Placed &self, std::size_t row_index, int col,
                    const std::map<std::string, Placed> &placed, const std::map<std::string, SheetLayout> &sheets) {
  const auto &rows = self.table->rows;
  auto rows_where = [&](auto pred) {
    std::vector<int> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (pred(i)) out.push_back(self.first_row + static_cast<int>(i));
    return out;
  };
  if (spec == "sum:children") {
    std::vector<int> kids;
    for (std::size_t i = row_index + 1;
         i < rows.size() && (rows[i].kind == RowKind::body || rows[i].kind == RowKind::note); ++i)
      if (rows[i].kind == RowKind::body) kids.push_back(self.first_row + static_cast<int>(i));
    return sum_of(col, kids, true);
  }
  if (spec == "sum:groups") {
    auto groups = rows_where([&](std::size_t i) { return rows[i].kind == RowKind::group; });
    if (!groups.empty()) return sum_of(col, groups, false);
    return sum_of(col, rows_where([&](std::size_t i) { return rows[i].kind == RowKind::body; }), true);
  }
  if (spec == "sum:body")
    return sum_of(col, rows_where([&](std::size_t i) { return rows[i].kind == RowKind::body; }), true);

  std::string out;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '{') {
      out += spec[i];
      continue;
    }
    std::size_t end = spec.find('}', i);
    if (end == std::string::npos) return "";
    std::string ref = spec.substr(i + 1, end - i - 1);
    i = end;
    const Placed *where = &self;
    const std::map<std::string, Placed> *tables = &placed;
    std::string prefix;
    if (std::size_t bang = ref.find('!'); bang != std::string::npos) {
      auto sh = sheets.find(ref.substr(0, bang));
      if (sh == sheets.end()) return "";
      tables = &sh->second.placed;
      prefix = sheet_prefix(sh->second.name);
      ref = ref.substr(bang + 1);
      if (ref.find('/') == std::string::npos) return ""; // another sheet's cell names its table
    }
    std::size_t slash = ref.find('/');
    if (slash != std::string::npos) {
      auto it = tables->find(ref.substr(0, slash));
      if (it == tables->end()) return "";
      where = &it->second;
      ref = ref.substr(slash + 1);
    }
    std::size_t dot = ref.rfind('.');
    if (dot == std::string::npos) return "";
    std::string key = ref.substr(0, dot), column = ref.substr(dot + 1);
    int r = key.empty() ? self.first_row + static_cast<int>(row_index) : row_of(*where, key);
    int c = where->table->column(column);
    if (r < 0 || c < 0) return "";
    out += prefix + address(r, c);
  }
  return out;
}

const Section *find_section(const std::vector<Section> &sections, const std::string &id) {
  for (const auto &s : sections) {
    if (s.id == id) return &s;
    if (const Section *f = find_section(s.sections, id)) return f;
  }
  return nullptr;
}

template <typename F> void for_each_table(const std::vector<Section> &sections, const F &f) {
  for (const auto &s : sections) {
    for (const auto &b : s.blocks)
      if (const auto *t = std::get_if<Table>(&b)) f(*t);
    for_each_table(s.sections, f);
  }
}

class XlsxWriter {
public:
  XlsxWriter(lxw_workbook *wb, const Document &d) : m_wb(wb), m_d(d) {}

  void run() {
    std::vector<Sheet> sheets = m_d.sheets;
    if (sheets.empty()) // one sheet per sheet id of the tables, in order
      for_each_table(m_d.sections, [&](const Table &t) {
        if (t.sheet.empty()) return;
        for (const auto &s : sheets)
          if (s.id == t.sheet) return;
        sheets.push_back({t.sheet, t.sheet});
      });
    // Lay every sheet out first, so formulas may refer to any table of any sheet.
    for (const auto &s : sheets) {
      SheetLayout &l = m_layout[s.id];
      l.name = s.label;
      std::vector<const Table *> tables;
      collect(m_d.sections, s.id, tables);
      int row = 2;
      for (const auto *t : tables) {
        l.placed[t->id] = Placed{t, row + 2}; // caption, header, then the rows
        row += 2 + static_cast<int>(t->rows.size()) + 1;
      }
    }
    for (const auto &s : sheets) sheet(s.id, s.label);
  }

private:
  lxw_format *fmt(int decimals, bool number, bool bold, bool total, bool wrap, bool header = false,
                  bool center = false) {
    std::string key = std::to_string(decimals);
    for (bool b : {number, bold, total, wrap, header, center}) key += b ? '1' : '0';
    auto it = m_formats.find(key);
    if (it != m_formats.end()) return it->second;
    lxw_format *f = workbook_add_format(m_wb);
    if (number && decimals >= 0)
      format_set_num_format(f, decimals == 0 ? "#,##0" : decimals == 1 ? "#,##0.0" : "#,##0.00");
    if (bold) format_set_bold(f);
    if (total) format_set_top(f, LXW_BORDER_THIN);
    if (wrap) format_set_text_wrap(f);
    if (center) format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (header) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, 0xEEF2F6);
      format_set_bottom(f, LXW_BORDER_THIN);
    }
    m_formats[key] = f;
    return f;
  }

  void collect(const std::vector<Section> &sections, const std::string &sheet, std::vector<const Table *> &out) {
    for (const auto &s : sections) {
      for (const auto &b : s.blocks)
        if (const auto *t = std::get_if<Table>(&b); t && t->sheet == sheet && t->for_ != Table::For::data)
          out.push_back(t);
      collect(s.sections, sheet, out);
    }
  }

  void sheet(const std::string &id, const std::string &name) {
    lxw_worksheet *ws = workbook_add_worksheet(m_wb, name.c_str());
    worksheet_set_paper(ws, 9); // A4
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    std::vector<const Table *> tables;
    collect(m_d.sections, id, tables);
    const std::map<std::string, Placed> &placed = m_layout[id].placed;
    int row = 2;
    for (const auto *t : tables) row += 2 + static_cast<int>(t->rows.size()) + 1;
    worksheet_write_string(ws, 0, 0, m_d.title.c_str(), fmt(0, false, true, false, false));
    std::vector<double> widths;
    auto widen = [&](std::size_t col, const std::string &text, bool wide) {
      if (widths.size() <= col) widths.resize(col + 1, 6);
      double w = static_cast<double>(util::display_width(text)) + 2;
      widths[col] = std::max(widths[col], std::min(w, wide ? 60.0 : 40.0));
    };
    for (const auto *t : tables) {
      const Placed &p = placed.at(t->id);
      int caption_row = p.first_row - 2, header_row = p.first_row - 1;
      worksheet_write_string(ws, static_cast<lxw_row_t>(caption_row), 0, t->caption.c_str(),
                             fmt(0, false, true, false, false));
      for (std::size_t c = 0; c < t->columns.size(); ++c) {
        const Column &column = t->columns[c];
        worksheet_write_string(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_col_t>(c), column.label.c_str(),
                               fmt(0, false, true, false, true, true, column.align == Align::center));
        widen(c, column.label, false);
      }
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        const Row &rw = t->rows[r];
        bool bold = rw.kind != RowKind::body, tot = rw.kind == RowKind::total;
        auto xr = static_cast<lxw_row_t>(p.first_row + static_cast<int>(r));
        for (std::size_t c = 0; c < t->columns.size() && c < rw.cells.size(); ++c) {
          const Cell &cell = rw.cells[c];
          const Column &column = t->columns[c];
          auto xc = static_cast<lxw_col_t>(c);
          if (cell.number) {
            lxw_format *f = fmt(column.decimals, true, bold, tot, false);
            std::string formula =
                cell.formula.empty() ? "" : resolve(cell.formula, p, r, static_cast<int>(c), placed, m_layout);
            if (formula.empty())
              worksheet_write_number(ws, xr, xc, *cell.number, f);
            else
              worksheet_write_formula_num(ws, xr, xc, ("=" + formula).c_str(), f, *cell.number);
            widen(c, format_cell(cell, column), false);
          } else if (!cell.text.empty()) {
            worksheet_write_string(
                ws, xr, xc, cell.text.c_str(),
                fmt(0, false, bold, tot, column.wide || column.lines, false, column.align == Align::center));
            std::size_t from = 0; // each line of a multi-line cell
            for (std::size_t nl; (nl = cell.text.find('\n', from)) != std::string::npos; from = nl + 1)
              widen(c, cell.text.substr(from, nl - from), column.wide);
            widen(c, cell.text.substr(from), column.wide);
          } else if (tot) {
            worksheet_write_blank(ws, xr, xc, fmt(0, false, bold, tot, false));
          }
        }
      }
    }
    // The section of the sheet's name, when it holds text but no table (no roster could be
    // made), goes to the sheet in its own words.
    const Section *rs = find_section(m_d.sections, id);
    bool text_only = rs && std::none_of(rs->blocks.begin(), rs->blocks.end(),
                                        [](const Block &b) { return std::holds_alternative<Table>(b); });
    if (text_only)
      for (const auto &b : rs->blocks) {
        std::vector<std::string> lines;
        if (const auto *p = std::get_if<Paragraph>(&b))
          lines.push_back(p->text);
        else if (const auto *l = std::get_if<List>(&b))
          lines = l->items;
        for (const auto &text : lines)
          worksheet_write_string(ws, static_cast<lxw_row_t>(row++), 0, text.c_str(),
                                 fmt(0, false, false, false, false));
      }
    for (std::size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  }

  lxw_workbook *m_wb;
  const Document &m_d;
  std::map<std::string, lxw_format *> m_formats;
  std::map<std::string, SheetLayout> m_layout; // by sheet id
};

// 1980-01-01T00:00:00Z, the ZIP epoch: the created date when no --date is given, so the same
// inputs give the same bytes.
constexpr std::time_t fixed_created = 315532800;

std::time_t created_of(const std::string &date) {
  auto day = util::parse_date(date);
  return day ? static_cast<std::time_t>(*day) * 86400 : fixed_created;
}

// Writing `path` failed for the reason `why` (the system's or libxlsxwriter's).
util::Error failure(const std::string &path, const std::string &why) {
  util::Error e;
  e.kind = util::Error::Kind::cannot_write;
  e.path = path;
  e.detail = why;
  return e;
}

// libxlsxwriter reports its own failures on stderr too ("[ERROR] workbook_close(): ...", from
// its LXW_ERROR macros, which no option turns off): while it works, stderr goes to /dev/null,
// and pm says what failed in its own words, naming the file.
class QuietStderr {
public:
  QuietStderr() {
    std::fflush(stderr);
    m_saved = ::dup(STDERR_FILENO);
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (m_saved >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (m_saved >= 0) ::dup2(m_saved, STDERR_FILENO), ::close(m_saved);
  }
  QuietStderr(const QuietStderr &) = delete;
  QuietStderr &operator=(const QuietStderr &) = delete;

private:
  int m_saved = -1;
};

// Writes the workbook to `file` (which libxlsxwriter creates or truncates).
util::Expected<bool> write_to(const Document &raw, const std::string &file, const std::string &shown_as) {
  std::optional<Document> clean;
  const Document &d = printable(raw, clean);
  QuietStderr quiet;
  errno = 0;
  lxw_workbook *wb = workbook_new(file.c_str());
  if (!wb) return failure(shown_as, std::strerror(errno ? errno : EIO));
  std::string title = d.title, subject = d.subtitle, comments = d.footer;
  std::string author = "pm";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.author = author.data();
  props.comments = comments.data();
  props.created = created_of(d.date);
  workbook_set_properties(wb, &props);
  XlsxWriter(wb, d).run();
  errno = 0;
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    // The system's reason when there is one (No space left on device, File too large).
    int sys = errno;
    return failure(shown_as, sys ? std::string(std::strerror(sys)) : std::string(lxw_strerror(err)));
  }
  return true;
}

// The workbook's bytes, made in a temporary file in $TMPDIR (libxlsxwriter writes only to
// files), which the signal handlers remove if pm is stopped meanwhile. Errors name `shown_as`.
util::Expected<std::string> bytes_of(const Document &d, const std::string &shown_as) {
  const char *dir = std::getenv("TMPDIR");
  std::string tmp = (dir && *dir ? std::string(dir) : std::string("/tmp")) + "/pm-workbook.tmp-XXXXXX";
  int fd = util::make_temp(tmp);
  if (fd < 0) return failure(shown_as, std::strerror(errno));
  ::close(fd);
  auto w = write_to(d, tmp, shown_as);
  util::Expected<std::string> bytes =
      w ? util::read_file(tmp, std::size_t(1) << 30, false) : util::Expected<std::string>(w.error());
  ::unlink(tmp.c_str());
  util::untrack_temp(tmp);
  return bytes;
}

} // namespace

util::Expected<bool, i18n::Text> write_xlsx(const Document &d, const std::string &path,
                                            const std::vector<std::string> &inputs) {
  for (const auto &in : inputs)
    if (in == path || util::same_file(in, path)) return i18n::both(i18n::msg::cli_refuse_overwrite, path);
  auto bytes = bytes_of(d, path);
  if (!bytes) return i18n::describe(bytes.error());
  // One writer for every output: links followed, inputs refused, atomic, temporary file tracked.
  auto w = util::write_file_atomic(path, *bytes, inputs);
  if (!w) return i18n::describe(w.error());
  return true;
}

util::Expected<std::string, i18n::Text> xlsx_bytes(const Document &d) {
  auto bytes = bytes_of(d, "-");
  if (!bytes) return i18n::describe(bytes.error());
  return std::move(*bytes);
}

} // namespace pm::doc
