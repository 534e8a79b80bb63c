// Markdown: headings, paragraphs, pipe tables and Mermaid diagrams. Written for pandoc (to
// DOCX) and for Git hosts, so only constructs both read the same way are used.

#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/date.hpp>

#include <cstdio>

namespace pm::doc {

namespace {

bool zh_of(const Document &d) { return d.zh(); }

// The day after an ISO date, for Mermaid's gantt, whose ends are exclusive. Phases are real
// dates (the estate check refuses others with bad-date).
std::string day_after(const std::string &iso) { return util::format_date(util::parse_date(iso).value_or(0) + 1); }

// Text inside a Mermaid label in double quotes: entity codes for what would end or confuse it.
std::string mermaid_label(const std::string &s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
    case '"':
      out += "#quot;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '#':
      out += "#35;";
      break;
    case '\n':
      out += ' ';
      break;
    default:
      out += ch;
    }
  }
  return out;
}

// A gantt task name may not hold ':' (it starts the task's data), '#' or ';'.
std::string mermaid_task(const std::string &s) {
  std::string out;
  for (char ch : s) {
    if (ch == ':' || ch == '#' || ch == ';' || ch == '\n')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

std::string inline_escape(const std::string &s);
std::string cell_text(const Cell &c, const Column &col) {
  std::string text = format_cell(c, col);
  if (col.lines)
    for (std::size_t p; (p = text.find('\n')) != std::string::npos;) text.replace(p, 1, "; ");
  return inline_escape(text);
}

void md_table(std::string &out, const Table &t) {
  if (!t.caption.empty()) out += "**" + markdown_escape(t.caption) + "**\n\n";
  out += "|";
  for (const auto &c : t.columns) out += " " + markdown_escape(c.label) + " |";
  out += "\n|";
  for (const auto &c : t.columns)
    out += c.align == Align::right ? "---:|" : c.align == Align::center ? ":---:|" : "---|";
  out += "\n";
  for (const auto &r : t.rows) {
    out += "|";
    if (r.kind == RowKind::note) { // the explanation in the first cell, in italics
      std::string text = r.cells.empty() ? "" : inline_escape(r.cells.front().text);
      out += text.empty() ? " |" : " *" + text + "* |";
      for (std::size_t i = 1; i < t.columns.size(); ++i) out += " |";
      out += "\n";
      continue;
    }
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      std::string v = i < r.cells.size() ? cell_text(r.cells[i], t.columns[i]) : "";
      if (r.kind != RowKind::body && !v.empty()) v = "**" + v + "**";
      out += " " + v + " |";
    }
    out += "\n";
  }
  out += "\n";
}

void org_chart(std::string &out, const OrgChart &c) {
  if (!c.caption.empty()) out += "**" + markdown_escape(c.caption) + "**\n\n";
  out += "```mermaid\nflowchart TD\n";
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const auto &n = c.nodes[i];
    std::string label = "<b>" + mermaid_label(n.title) + "</b>";
    if (!n.detail.empty()) label += "<br/>" + mermaid_label(n.detail);
    for (const auto &l : n.lines) label += "<br/>" + mermaid_label(l);
    out += "  n" + std::to_string(i) + "[\"" + label + "\"]\n";
  }
  for (std::size_t i = 0; i < c.nodes.size(); ++i)
    for (std::size_t j = 0; j < c.nodes.size(); ++j)
      if (c.nodes[j].parent == c.nodes[i].id && !c.nodes[i].id.empty())
        out += "  n" + std::to_string(i) + " --> n" + std::to_string(j) + "\n";
  out += "```\n\n";
}

void gantt(std::string &out, const Gantt &g) {
  if (!g.caption.empty()) out += "**" + markdown_escape(g.caption) + "**\n\n";
  out += "```mermaid\ngantt\n";
  if (!g.caption.empty()) out += "  title " + mermaid_task(g.caption) + "\n";
  out += "  dateFormat YYYY-MM-DD\n  axisFormat %Y-%m-%d\n";
  for (std::size_t i = 0; i < g.tasks.size(); ++i) {
    const auto &t = g.tasks[i];
    out += "  " + mermaid_task(t.label) + " :p" + std::to_string(i + 1) + ", " + t.from + ", " + day_after(t.to) + "\n";
  }
  out += "```\n\n";
}

void paragraph(std::string &out, const Paragraph &p, bool zh) {
  std::string text = markdown_escape(p.text);
  switch (p.style) {
  case Style::normal:
    out += text + "\n\n";
    break;
  case Style::note:
    out += "> " + text + "\n\n";
    break;
  case Style::warning:
    out += "> **" + text + "**\n\n";
    break;
  case Style::source:
    out += "*" + text + "*\n\n";
    break;
  }
  (void)zh;
}

void section(std::string &out, const Section &s, int level, bool zh) {
  if (!s.title.empty())
    out += std::string(static_cast<std::size_t>(level), '#') + " " + (s.number.empty() ? "" : s.number + " ") +
           markdown_escape(s.title) + "\n\n";
  for (const auto &b : s.blocks) {
    if (const auto *p = std::get_if<Paragraph>(&b))
      paragraph(out, *p, zh);
    else if (const auto *l = std::get_if<List>(&b)) {
      int i = 0;
      for (const auto &item : l->items)
        out += (l->ordered ? std::to_string(++i) + ". " : std::string("- ")) + markdown_escape(item) + "\n";
      out += "\n";
    } else if (const auto *f = std::get_if<Facts>(&b)) {
      for (const auto &[k, v] : f->items)
        out += "- **" + markdown_escape(k) + "**" + i18n::msg::colon.get(zh) + markdown_escape(v) + "\n";
      out += "\n";
    } else if (const auto *t = std::get_if<Table>(&b)) {
      if (t->drawn_as_text()) md_table(out, *t);
    } else if (const auto *c = std::get_if<OrgChart>(&b))
      org_chart(out, *c);
    else if (const auto *g = std::get_if<Gantt>(&b))
      gantt(out, *g);
  }
  for (const auto &sub : s.sections) section(out, sub, level < 6 ? level + 1 : 6, zh);
}

// Escapes markup inside a line; a table cell needs no more.
std::string inline_escape(const std::string &s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    switch (ch) {
    // ASCII punctuation that CommonMark or pandoc's extensions may read as markup; a backslash
    // before any ASCII punctuation is a literal in both.
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '#':
    case '$':
    case '~':
    case '^':
    case '@':
    case '{':
    case '}':
    case '!':
      out += '\\';
      out += ch;
      break;
    case '\n':
    case '\r':
      out += ' ';
      break;
    default:
      out += ch;
    }
  }
  return out;
}

} // namespace

std::string markdown_escape(const std::string &s) {
  std::string out = inline_escape(s);
  // A line starting "- ", "+ ", "1. " or "1) " would become a list item.
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) out.insert(0, "\\");
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, "\\");
  return out;
}

std::string to_markdown(const Document &raw) {
  std::optional<Document> clean;
  const Document &d = printable(raw, clean);
  bool zh = zh_of(d);
  std::string out = "# " + markdown_escape(d.title) + "\n\n";
  if (!d.subtitle.empty()) out += "*" + markdown_escape(d.subtitle) + "*\n\n";
  if (!d.date.empty())
    out += "- **" + std::string(i18n::msg::doc_date.get(zh)) + "**" + i18n::msg::colon.get(zh) + d.date + "\n";
  for (const auto &[k, v] : d.inputs)
    out += "- **" + markdown_escape(k) + "**" + i18n::msg::colon.get(zh) + markdown_escape(v) + "\n";
  if (!d.date.empty() || !d.inputs.empty()) out += "\n";
  for (const auto &n : d.notices) paragraph(out, n, zh);
  for (const auto &s : d.sections) section(out, s, 2, zh);
  if (!d.footer.empty()) out += "---\n\n*" + markdown_escape(d.footer) + "*\n";
  return out;
}

} // namespace pm::doc
