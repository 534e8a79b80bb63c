// Text for a terminal: what `pm staff`, `pm budget`, `pm roster` and the others print by
// default. Tables are aligned in display columns, so Chinese (two columns a character) lines up.

#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::doc {

namespace {

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// The lines of a cell: one, or several for a column of lines.
std::vector<std::string> cell_lines(const Cell &c, const Column &col) {
  std::string text = format_cell(c, col);
  std::vector<std::string> out;
  if (!col.lines) {
    for (char &ch : text)
      if (ch == '\n') ch = ' ';
    return {text};
  }
  std::size_t from = 0;
  for (std::size_t p; (p = text.find('\n', from)) != std::string::npos; from = p + 1)
    out.push_back(text.substr(from, p - from));
  out.push_back(text.substr(from));
  return out;
}

// ANSI colours of the cell styles a document may use (a roster's shift codes).
const char *colour_of(const std::string &style) {
  if (style == "e") return "30;43";
  if (style == "m") return "30;46";
  if (style == "n") return "97;45";
  if (style == "d") return "30;42";
  if (style == "c") return "30;47";
  if (style == "o") return "2";
  return nullptr;
}

class Writer {
public:
  Writer(const Document &d, TextOptions o) : m_d(d), m_o(o) {}

  std::string run() {
    if (!m_d.title.empty()) m_out += m_d.title + "\n";
    if (!m_d.subtitle.empty()) m_out += m_d.subtitle + "\n";
    for (const auto &n : m_d.notices) m_out += n.text + "\n";
    for (const auto &s : m_d.sections) section(s);
    if (!m_d.footer.empty()) m_out += "\n" + m_d.footer + "\n";
    return m_out;
  }

private:
  void section(const Section &s) {
    if (!s.title.empty()) m_out += gap() + (s.number.empty() ? "" : s.number + " ") + s.title + "\n";
    for (const auto &b : s.blocks) {
      if (const auto *t = std::get_if<Table>(&b); t && !t->drawn_as_text()) continue;
      m_out += gap();
      block(b);
    }
    for (const auto &sub : s.sections) section(sub);
  }

  // A blank line between parts, none before the first.
  std::string gap() const { return m_out.empty() ? "" : "\n"; }

  void block(const Block &b) {
    if (const auto *p = std::get_if<Paragraph>(&b)) {
      m_out += p->text + "\n";
    } else if (const auto *l = std::get_if<List>(&b)) {
      int n = 0;
      for (const auto &item : l->items) m_out += (l->ordered ? std::to_string(++n) + ". " : "- ") + item + "\n";
    } else if (const auto *f = std::get_if<Facts>(&b)) {
      std::size_t w = 0;
      for (const auto &[k, v] : f->items) w = std::max(w, util::display_width(k));
      for (const auto &[k, v] : f->items) m_out += rtrim(util::pad(k, w) + "  " + v) + "\n";
    } else if (const auto *t = std::get_if<Table>(&b)) {
      if (t->drawn_as_text()) table(*t);
    } else if (const auto *c = std::get_if<OrgChart>(&b)) {
      org_chart(*c);
    } else if (const auto *g = std::get_if<Gantt>(&b)) {
      if (!g->caption.empty()) m_out += g->caption + "\n";
      for (const auto &task : g->tasks) m_out += task.label + "  " + task.from + " – " + task.to + "\n";
    }
  }

  void org_chart(const OrgChart &c) {
    if (!c.caption.empty()) m_out += c.caption + "\n";
    auto depth = [&](const OrgNode &n) {
      int d = 0;
      for (const OrgNode *at = &n; !at->parent.empty() && d < 64; ++d) {
        auto it = std::find_if(c.nodes.begin(), c.nodes.end(), [&](const OrgNode &x) { return x.id == at->parent; });
        if (it == c.nodes.end()) break;
        at = &*it;
      }
      return d;
    };
    for (const auto &n : c.nodes) {
      std::string indent(static_cast<std::size_t>(depth(n)) * 2, ' ');
      m_out += indent + n.title + (n.detail.empty() ? "" : " (" + n.detail + ")") + "\n";
      for (const auto &l : n.lines) m_out += indent + "  · " + l + "\n";
    }
  }

  // Wide columns (reasons, sources) are not drawn as columns: their text follows the row, one
  // line each, as "label: text". Body rows under group rows are indented.
  void table(const Table &t) {
    if (!t.caption.empty()) m_out += t.caption + "\n";
    std::vector<std::size_t> cols, wide;
    for (std::size_t i = 0; i < t.columns.size(); ++i) (t.columns[i].wide ? wide : cols).push_back(i);
    bool grouped = std::any_of(t.rows.begin(), t.rows.end(), [](const Row &r) { return r.kind == RowKind::group; });
    auto text_of = [&](const Row &r, std::size_t i) {
      std::vector<std::string> lines =
          i < r.cells.size() ? cell_lines(r.cells[i], t.columns[i]) : std::vector<std::string>{""};
      if (grouped && r.kind == RowKind::body && i == 0)
        for (auto &l : lines) l = "  " + l;
      return lines;
    };
    std::size_t n = cols.size();
    std::vector<std::size_t> w(n, 0);
    for (std::size_t k = 0; k < n; ++k)
      for (const auto &l : header_lines(t.columns[cols[k]])) w[k] = std::max(w[k], util::display_width(l));
    for (const auto &r : t.rows) {
      if (r.kind == RowKind::note) continue;
      for (std::size_t k = 0; k < n; ++k)
        for (const auto &l : text_of(r, cols[k])) w[k] = std::max(w[k], util::display_width(l));
    }
    std::size_t total = 0;
    const std::string gap = t.dense ? " " : "  ";
    for (auto x : w) total += x + gap.size();
    std::string rule(total > gap.size() ? total - gap.size() : 0, '-');

    auto line = [&](const std::vector<std::string> &cells, const std::vector<std::string> &styles) {
      std::string out;
      for (std::size_t k = 0; k < n; ++k) {
        bool last = k + 1 == n;
        Align a = t.columns[cols[k]].align;
        std::string cell = cells[k];
        if (a == Align::center) { // pad the left half, then as for the left
          std::size_t width = util::display_width(cell);
          if (width < w[k]) cell = std::string((w[k] - width) / 2, ' ') + cell;
        }
        if (!last || a == Align::right) cell = util::pad(cell, w[k], a == Align::right);
        const char *colour = m_o.colour && !styles[k].empty() ? colour_of(styles[k]) : nullptr;
        if (colour) cell = std::string("\x1b[") + colour + "m" + cell + "\x1b[0m";
        out += cell + (last ? "" : gap);
      }
      m_out += rtrim(out) + "\n";
    };
    auto rows_of = [&](const std::vector<std::vector<std::string>> &lines, const std::vector<std::string> &styles) {
      std::size_t height = 1;
      for (const auto &l : lines) height = std::max(height, l.size());
      for (std::size_t h = 0; h < height; ++h) {
        std::vector<std::string> cells(n);
        for (std::size_t k = 0; k < n; ++k)
          if (h < lines[k].size()) cells[k] = lines[k][h];
        line(cells, styles);
      }
    };
    std::vector<std::vector<std::string>> header(n);
    for (std::size_t k = 0; k < n; ++k) header[k] = header_lines(t.columns[cols[k]]);
    rows_of(header, std::vector<std::string>(n));
    m_out += rule + "\n";
    std::string colon = i18n::msg::colon.get(m_d.language());
    for (const auto &r : t.rows) {
      if (r.kind == RowKind::note) {
        m_out += (r.cells.empty() ? "" : rtrim(r.cells.front().text)) + "\n";
        continue;
      }
      if (r.kind == RowKind::total) m_out += rule + "\n";
      std::vector<std::vector<std::string>> lines(n);
      std::vector<std::string> styles(n);
      for (std::size_t k = 0; k < n; ++k) {
        lines[k] = text_of(r, cols[k]);
        if (cols[k] < r.cells.size()) styles[k] = r.cells[cols[k]].style;
      }
      rows_of(lines, styles);
      for (std::size_t i : wide)
        if (i < r.cells.size() && !format_cell(r.cells[i], t.columns[i]).empty())
          m_out += rtrim("      " + t.columns[i].label + colon + format_cell(r.cells[i], t.columns[i])) + "\n";
    }
  }

  static std::vector<std::string> header_lines(const Column &c) {
    const std::string &label = c.brief.empty() ? c.label : c.brief;
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t p; (p = label.find('\n', from)) != std::string::npos; from = p + 1)
      out.push_back(label.substr(from, p - from));
    out.push_back(label.substr(from));
    return out;
  }

  const Document &m_d;
  TextOptions m_o;
  std::string m_out;
};

} // namespace

std::string to_text(const Document &d, TextOptions o) {
  std::optional<Document> clean;
  return Writer(printable(d, clean), o).run();
}

} // namespace pm::doc
