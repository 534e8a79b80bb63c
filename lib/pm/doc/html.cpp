// HTML: one self-contained file a consultant can send or print. Inline CSS with a print
// stylesheet for A4, inline SVG charts, no scripts, fonts or links outside the file.

#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>

namespace pm::doc {

namespace {

// System fonts only: the first that has Chinese glyphs wins on each platform.
constexpr const char *css = R"css(
:root{--ink:#1d2733;--muted:#5b6675;--line:#c9d1db;--band:#eef2f6;--accent:#1f5f8b;--warn:#9a3412}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Helvetica Neue",Arial,sans-serif;color:var(--ink);line-height:1.55;font-size:15px}
body{margin:0 auto;max-width:1100px;padding:24px 32px 48px}
h1{font-size:1.9em;margin:0 0 .2em;color:var(--accent)}
h2{font-size:1.4em;margin:1.8em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--accent)}
h3{font-size:1.15em;margin:1.4em 0 .5em}
h4,h5,h6{font-size:1em;margin:1.1em 0 .4em}
.subtitle{color:var(--muted);margin:0 0 1em}
header.cover{border-bottom:1px solid var(--line);padding-bottom:1em;margin-bottom:1em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1.2em;margin:.6em 0 1em}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
p.note{background:var(--band);border-left:4px solid var(--accent);padding:.5em .8em}
p.warning{background:#fff4ed;border-left:4px solid var(--warn);padding:.5em .8em;color:var(--warn)}
p.source{color:var(--muted);font-size:.85em}
nav.toc ol{columns:2;padding-left:0;list-style:none}
nav.toc ol ol{columns:1;padding-left:1.6em;font-size:.92em}
nav.toc li{break-inside:avoid}
nav.toc a{color:inherit;text-decoration:none}
nav.toc .n{display:inline-block;min-width:2.2em;color:var(--muted)}
header.proposal dl.cover{font-size:1.1em;margin:1.2em 0}
table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em;font-size:.9em}
caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{border:1px solid var(--line);padding:.3em .5em;vertical-align:top}
th{background:var(--band);font-weight:600;text-align:left}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.c,th.c{text-align:center}
td.w{font-size:.92em}
td.pl{white-space:pre}
table.compact td:first-child{min-width:11em}
tr.group td{background:#f7f9fb;font-weight:600}
tr.note td{color:var(--muted);font-size:.88em;border-top:0}
td.e{background:#ffe08a}td.m{background:#9fe3f0}td.n{background:#6b4fa0;color:#fff}td.d{background:#b7e4a8}td.c{background:#d9d2e9}td.o{color:#aaa}
td.miss{color:#b00;font-weight:600}
tr.group~tr:not(.group):not(.total)>td:first-child{padding-left:1.4em}
tr.total td{font-weight:700;border-top:2px solid var(--ink)}
table.compact{font-size:.72em}
table.compact th,table.compact td{padding:.15em .25em}
figure{margin:.6em 0 1.4em;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:.3em}
svg.chart{display:block;margin:0 auto;max-width:100%;height:auto;font-size:12px}
svg.chart text{fill:var(--ink)}
svg.org rect{fill:#fff;stroke:var(--accent);stroke-width:1.2}
svg.org .root rect{fill:var(--band);stroke-width:2}
svg.org text.t{font-weight:700}
svg.org text.d{fill:var(--muted)}
svg.org .sep{stroke:var(--line)}
svg.org .link{fill:none;stroke:var(--muted);stroke-width:1.2}
svg.gantt .bar{fill:var(--accent)}
svg.gantt .overlap{fill:#d97706}
svg.gantt .grid{stroke:var(--line)}
svg.gantt .axis{fill:var(--muted);font-size:11px}
footer{margin-top:3em;color:var(--muted);font-size:.85em;border-top:1px solid var(--line);padding-top:.6em}
@page{size:A4;margin:16mm 14mm 18mm}
@media print{
html{font-size:10.5pt}
body{max-width:none;padding:0}
h2{page-break-after:avoid;break-after:avoid}
h3,h4{page-break-after:avoid;break-after:avoid}
section.top{page-break-before:always;break-before:page}
section.top.first{page-break-before:auto;break-before:auto}
table{page-break-inside:auto}
thead{display:table-header-group}
tr,figure,dl.facts{page-break-inside:avoid;break-inside:avoid}
nav.toc{page-break-after:always;break-after:page}
nav.toc ol{columns:1}
header.proposal{break-after:page;page-break-after:always;min-height:240mm;display:flex;flex-direction:column;justify-content:center;border-bottom:0}
header.proposal h1{font-size:2.3em}
header.proposal dl.cover{font-size:1.25em}
footer{break-inside:avoid}
p.note,p.warning{-webkit-print-color-adjust:exact;print-color-adjust:exact}
th,tr.group td,td.e,td.m,td.n,td.d,td.c{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

std::string e(const std::string &s) { return html_escape(s); }

// A CSS string literal: quotes and backslashes escaped, line breaks as spaces; "<" escaped so
// that no text closes the <style> element.
std::string css_string(const std::string &s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\')
      out += std::string("\\") + ch;
    else if (ch == '\n' || ch == '\r')
      out += ' ';
    else if (ch == '<')
      out += "\\3c ";
    else
      out += ch;
  }
  return out + "\"";
}

// The print layout of a proposal (a document with a cover): the running header at the top of
// each page and "Page N of M" at the foot, in @page margin boxes (Chromium 131 and later draw
// them; pm report -f pdf prints with --no-pdf-header-footer so the browser adds none of its
// own); none on the cover page.
std::string print_css(const Document &d) {
  const std::string running = d.running.empty() ? d.title : d.running;
  std::string pages = i18n::tr(d.language(), i18n::msg::print_page_of, "\x01", "\x02");
  std::string content;
  std::size_t from = 0;
  auto literal = [&](const std::string &part) {
    if (!part.empty()) content += css_string(part) + " ";
  };
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (pages[i] == '\x01' || pages[i] == '\x02') {
      literal(pages.substr(from, i - from));
      content += pages[i] == '\x01' ? "counter(page) " : "counter(pages) ";
      from = i + 1;
    }
  literal(pages.substr(from));
  return "@page{@top-center{content:" + css_string(running) +
         ";font-size:8.5pt;color:#5b6675;vertical-align:bottom;padding-bottom:3mm}"
         "@bottom-center{content:" +
         content +
         ";font-size:8.5pt;color:#5b6675;vertical-align:top;padding-top:3mm}}"
         "@page:first{@top-center{content:none}@bottom-center{content:none}}\n";
}

std::string align_class(const Column &c) {
  if (c.align == Align::right) return "r";
  if (c.align == Align::center) return "c";
  if (c.lines) return "pl";
  return c.wide ? "w" : "";
}

std::string cls(const std::string &c) { return c.empty() ? "" : " class=\"" + c + "\""; }

void html_table(std::string &out, const Table &t) {
  bool compact = t.columns.size() > 10;
  out += "<table id=\"t-" + e(t.id) + "\"" + cls(compact ? "compact" : "") + ">";
  if (!t.caption.empty()) out += "<caption>" + e(t.caption) + "</caption>";
  out += "<thead><tr>";
  for (const auto &c : t.columns)
    out += "<th" + cls(c.align == Align::left ? "" : align_class(c)) + " scope=\"col\">" + e(c.label) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto &r : t.rows) {
    if (r.kind == RowKind::note) {
      std::string text = r.cells.empty() ? "" : r.cells.front().text;
      out += "<tr class=\"note\"><td colspan=\"" + std::to_string(t.columns.size()) + "\">" + e(text) + "</td></tr>";
      continue;
    }
    std::string rc = r.kind == RowKind::group ? "group" : r.kind == RowKind::total ? "total" : "";
    out += "<tr" + cls(rc) + (r.key.empty() ? "" : " data-key=\"" + e(r.key) + "\"") + ">";
    auto text = [&](std::size_t i) {
      return i < r.cells.size() ? format_cell(r.cells[i], t.columns[i]) : std::string();
    };
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      // A group row's title spans the empty cells after it (a post's name over the days).
      std::size_t span = 1;
      if (r.kind == RowKind::group && i == 0)
        while (i + span < t.columns.size() && text(i + span).empty()) ++span;
      std::string attrs = cls(span > 1 ? "" : align_class(t.columns[i])) +
                          (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : "");
      const std::string &style = i < r.cells.size() ? r.cells[i].style : std::string();
      if (!style.empty() && span == 1) attrs = cls(style);
      out += "<td" + attrs + ">" + e(text(i)) + "</td>";
      i += span - 1;
    }
    out += "</tr>";
  }
  out += "</tbody></table>\n";
}

void blocks(std::string &out, const std::vector<Block> &bs, bool zh) {
  for (const auto &b : bs) {
    if (const auto *p = std::get_if<Paragraph>(&b)) {
      const char *c = p->style == Style::note      ? "note"
                      : p->style == Style::warning ? "warning"
                      : p->style == Style::source  ? "source"
                                                   : "";
      out += "<p" + cls(c) + ">" + e(p->text) + "</p>\n";
    } else if (const auto *l = std::get_if<List>(&b)) {
      out += l->ordered ? "<ol>" : "<ul>";
      for (const auto &item : l->items) out += "<li>" + e(item) + "</li>";
      out += l->ordered ? "</ol>\n" : "</ul>\n";
    } else if (const auto *f = std::get_if<Facts>(&b)) {
      out += "<dl class=\"facts\">";
      for (const auto &[k, v] : f->items) out += "<dt>" + e(k) + "</dt><dd>" + e(v) + "</dd>";
      out += "</dl>\n";
    } else if (const auto *t = std::get_if<Table>(&b)) {
      if (t->drawn_as_text()) html_table(out, *t);
    } else if (const auto *c = std::get_if<OrgChart>(&b)) {
      out += "<figure id=\"f-" + e(c->id) + "\"><figcaption>" + e(c->caption) + "</figcaption>" + org_chart_svg(*c) +
             "</figure>\n";
    } else if (const auto *g = std::get_if<Gantt>(&b)) {
      out += "<figure id=\"f-" + e(g->id) + "\"><figcaption>" + e(g->caption) + "</figcaption>" + gantt_svg(*g, zh) +
             "</figure>\n";
    }
  }
}

void section(std::string &out, const Section &s, int level, bool zh, bool first) {
  std::string h = "h" + std::to_string(level);
  std::string c = level == 2 ? (first ? "top first" : "top") : "";
  out += "<section id=\"s-" + e(s.id) + "\"" + cls(c) + ">";
  if (!s.title.empty()) out += "<" + h + ">" + e(s.number) + " " + e(s.title) + "</" + h + ">";
  out += "\n";
  blocks(out, s.blocks, zh);
  for (const auto &sub : s.sections) section(out, sub, level < 6 ? level + 1 : 6, zh, false);
  out += "</section>\n";
}

} // namespace

std::string html_escape(const std::string &s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += ch;
    }
  }
  return out;
}

std::string to_html(const Document &raw) {
  std::optional<Document> clean;
  const Document &d = printable(raw, clean);
  bool zh = d.zh();
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::tr(d.language(), i18n::msg::html_lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"pm " PM_VERSION "\">\n";
  out += "<title>" + e(d.title) + "</title>\n<style>" + std::string(css) + (d.cover.empty() ? "" : print_css(d)) +
         "</style>\n</head>\n<body>\n";
  out += std::string(d.cover.empty() ? "<header class=\"cover\">" : "<header class=\"cover proposal\">") + "<h1>" +
         e(d.title) + "</h1>";
  if (!d.subtitle.empty()) out += "<p class=\"subtitle\">" + e(d.subtitle) + "</p>";
  if (!d.cover.empty()) {
    out += "<dl class=\"facts cover\">";
    for (const auto &[k, v] : d.cover) out += "<dt>" + e(k) + "</dt><dd>" + e(v) + "</dd>";
    out += "</dl>";
  }
  out += "<dl class=\"facts\">";
  if (!d.date.empty() && d.cover.empty())
    out += "<dt>" + e(i18n::msg::doc_date.get(zh)) + "</dt><dd>" + e(d.date) + "</dd>";
  for (const auto &[k, v] : d.inputs) out += "<dt>" + e(k) + "</dt><dd>" + e(v) + "</dd>";
  out += "</dl>\n";
  for (const auto &n : d.notices) out += "<p class=\"note\">" + e(n.text) + "</p>\n";
  out += "</header>\n";
  // Contents for a document of several titled sections (a proposal), not for one table.
  std::size_t titled = 0;
  for (const auto &s : d.sections) titled += s.title.empty() ? 0 : 1;
  if (titled > 1) {
    out += "<nav class=\"toc\"><h2>" + e(i18n::msg::doc_contents.get(zh)) + "</h2><ol>";
    auto entry = [&](const Section &s) {
      return "<a href=\"#s-" + e(s.id) + "\">" +
             (s.number.empty() ? "" : "<span class=\"n\">" + e(s.number) + "</span>") + e(s.title) + "</a>";
    };
    for (const auto &s : d.sections) {
      if (s.title.empty()) continue;
      out += "<li>" + entry(s);
      std::string sub;
      for (const auto &x : s.sections)
        if (!x.title.empty()) sub += "<li>" + entry(x) + "</li>";
      if (!sub.empty()) out += "<ol>" + sub + "</ol>";
      out += "</li>";
    }
    out += "</ol></nav>\n";
  }
  out += "<main>\n";
  bool first = true;
  for (const auto &s : d.sections) {
    section(out, s, 2, zh, first);
    first = false;
  }
  out += "</main>\n";
  if (!d.footer.empty()) out += "<footer>" + e(d.footer) + "</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

} // namespace pm::doc
